/**
 * Event triggers: words and phrases that report a conflict event ("seized", "air raids",
 * "pushed ... back"), typed with the project's event types and ACLED's event/sub-event types.
 *
 * The lexicon comes compiled (knowledge/trigger-lexicon.ts). A sentence is read through
 * compromise (POS, tense, negation, passive) only when a first word of some trigger occurs in it:
 * on business news (Reuters) almost no sentence pays the tagger's cost.
 */
import { nlp } from '../nlp/compromise.js';
import type { EventType, Modality } from '../types.js';
import { lowerAsciiHash, type KeyHashFilter } from '../knowledge/word-hash.js';
import type { CaptureRoles, ContextName, Entry, TriggerLexicon, TriggerPos } from '../knowledge/trigger-lexicon.js';

// ───────────────────────────── public types ─────────────────────────────

export type Tense = 'past' | 'present' | 'future' | 'unknown';

export interface TriggerMatch {
  /** Offsets into the sentence (end exclusive). */
  start: number;
  end: number;
  text: string;
  lemma: string;
  type: EventType;
  acledEventType: string;
  acledSubEventType: string;
  modality: Modality;
  negated: boolean;
  passive: boolean;
  tense: Tense;
  /** For captures: "gainer:subject loser:from", "gainer:by" (passive), "gainer:to" ("fell to X"). */
  voiceHint?: string;
  /** Structured form of voiceHint, for captures. */
  roles?: CaptureRoles;
  /** Part of speech the sentence gives the trigger ("verb" | "noun" | "phrase"). */
  pos: TriggerPos;
  /** The word names an act of violence without its kind ("attack"): its type is only a default. */
  generic?: boolean;
  /** The act is its move to the place right after it ("arrived in X", "entered X"): its place is that one. */
  destination?: boolean;
}

export interface FindTriggerOptions {
  /** The document is known to be about armed conflict: 'military' context is not required per sentence. */
  assumeMilitary?: boolean;
  /**
   * The document talks of war in other sentences: its words of killing need no military word of
   * their own sentence ("29 people were killed in Aleppo on Tuesday"). Words whose war sense is
   * one of several ("strike", "fire", "attack") still need their sentence's context.
   */
  militaryDocument?: boolean;
}

// Trigger types whose military sense the document's context settles.
const DOCUMENT_CONTEXT_TYPES: ReadonlySet<EventType> = new Set<EventType>(['killing', 'deployment']);

// ───────────────────────────── matching ─────────────────────────────

// A word, and what separates words: sticky, so a scan reads offsets from lastIndex and builds no
// match arrays (this runs for every word of every sentence).
const WORD_AT = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/uy;
const GAP_AT = /[^\p{L}\p{N}]*/uy;

interface RawMatch {
  start: number;
  end: number;
  entry: Entry;
}

function addAll(set: Set<Entry>, entries: Entry[] | undefined): void {
  if (entries) for (const e of entries) set.add(e);
}

function candidateEntries(sentence: string, lex: TriggerLexicon): Set<Entry> {
  const found = new Set<Entry>();
  for (let start = gapEnd(sentence, 0); start < sentence.length; start = gapEnd(sentence, WORD_AT.lastIndex)) {
    WORD_AT.lastIndex = start;
    WORD_AT.test(sentence); // a gap ends at a letter or digit: a word starts there
    if (!mayBeFirstWord(sentence, start, WORD_AT.lastIndex, lex.firstWords)) continue;
    const w = sentence.slice(start, WORD_AT.lastIndex).toLowerCase();
    addAll(found, lex.byFirstWord.get(w));
    const hyphen = w.indexOf('-');
    if (hyphen >= 0) addAll(found, lex.byFirstWord.get(w.slice(0, hyphen)));
  }
  return found;
}

/** False only when neither the word nor its part before a hyphen can be a key of byFirstWord. */
function mayBeFirstWord(text: string, start: number, end: number, firstWords: KeyHashFilter): boolean {
  if (firstWords.mayHave(lowerAsciiHash(text, start, end))) return true;
  const hyphen = text.indexOf('-', start);
  return hyphen >= 0 && hyphen < end && firstWords.mayHave(lowerAsciiHash(text, start, hyphen));
}

/** Where the run of characters that are no part of a word, from `from`, ends. */
function gapEnd(sentence: string, from: number): number {
  GAP_AT.lastIndex = from;
  GAP_AT.test(sentence);
  return GAP_AT.lastIndex;
}

function rawMatches(sentence: string, entries: Set<Entry>): RawMatch[] {
  const out: RawMatch[] = [];
  for (const entry of entries) {
    for (const re of [entry.reCi, entry.reCs]) {
      if (!re) continue;
      re.lastIndex = 0;
      for (let m = re.exec(sentence); m; m = re.exec(sentence)) out.push({ start: m.index, end: m.index + m[0].length, entry });
    }
  }
  return out;
}

/** Text of the sentence with the trigger blanked, so a trigger is not its own context. */
function without(sentence: string, start: number, end: number): string {
  return sentence.slice(0, start) + ' '.repeat(end - start) + sentence.slice(end);
}

function contextHolds(ctx: ContextName, text: string, lex: TriggerLexicon, opts: FindTriggerOptions): boolean {
  if (ctx === 'none') return true;
  if (ctx === 'military' && opts.assumeMilitary) return true;
  return lex.contexts[ctx].test(text);
}

/** The clause around a trigger: words up to the nearest punctuation, at most `words` words. */
function clauseAfter(sentence: string, end: number, words = 6): string {
  const rest = sentence.slice(end).split(/[,;:.!?()"“”]/)[0] ?? '';
  return rest.split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}
function clauseBefore(sentence: string, start: number, words = 6): string {
  const parts = sentence.slice(0, start).split(/[,;:.!?()"“”]/);
  const last = parts[parts.length - 1] ?? '';
  return last.split(/\s+/).filter(Boolean).slice(-words).join(' ');
}

const PLACE_START = /^\s+(?:the\s+)?(?:\p{Lu}|al-\p{Lu}|el-\p{Lu})/u;

// Prepositions that end a verb's object ("of" does not: "control of the town").
const OBJECT_END = /\s(?:from|in|at|near|on|to|into|with|by|after|during|for|across|outside|inside|around|towards?|before|as|while|when|and\s+then)\s/i;

/** The verb's object: the clause after it, at most five words, up to the first preposition. */
function objectAfter(sentence: string, end: number): string {
  const clause = ` ${clauseAfter(sentence, end, 5)} `;
  const stop = OBJECT_END.exec(clause);
  return stop ? clause.slice(0, stop.index + 1) : clause;
}

/** Where the last word of a list occurs in a text, or -1. */
function lastMatchAt(list: RegExp, text: string): number {
  const re = new RegExp(list.source, list.flags.includes('g') ? list.flags : `${list.flags}g`);
  let at = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    at = m.index;
    if (m[0].length === 0) re.lastIndex++;
  }
  return at;
}

function passesFilters(sentence: string, blanked: string, m: RawMatch, lex: TriggerLexicon, opts: FindTriggerOptions): { type: EventType; acled: string; sub: string } | undefined {
  const e = m.entry;
  const rest = without(blanked, m.start, m.end);
  let type = e.type;
  let acled = e.acled;
  let sub = e.sub;
  const documentContext = e.context === 'military' && !!opts.militaryDocument && DOCUMENT_CONTEXT_TYPES.has(e.type);
  if (!documentContext && !contextHolds(e.context, rest, lex, opts)) {
    if (!e.fallback || !contextHolds(e.fallback.context, rest, lex, opts)) return undefined;
    type = e.fallback.type;
    const d = lex.typeDefaults.get(type);
    acled = d?.acled ?? acled;
    sub = d?.sub ?? sub;
  }
  if (e.unless && lex.lists.get(e.unless)?.test(rest)) return undefined;
  if (e.byWeapon.length) {
    const armed = weaponType(sentence, m, e, lex);
    if (!armed) return undefined;
    type = armed;
    const d = lex.typeDefaults.get(type);
    acled = d?.acled ?? acled;
    sub = d?.sub ?? sub;
  }
  if (e.requiresAfter) {
    const after = sentence.slice(m.end, m.end + 60);
    const list = lex.lists.get(e.requiresAfter);
    const startsWithPlace = list ? new RegExp(`^\\s+(?:${list.source})`, 'iu').test(after) : false;
    if (!startsWithPlace && !PLACE_START.test(after)) return undefined;
  }
  return { type, acled, sub };
}

// "was hit by a rocket", "struck with missiles": the weapon named after the verb
const WEAPON_AFTER = /^\s+(?:by|with)\s+((?:[^\s,;:.!?()"“”]+\s+){0,3}[^\s,;:.!?()"“”]+)/i;

/**
 * The type of the act a verb like "struck" reports, read from the weapon that is its doer: its
 * subject ("a missile struck", "Russian bombers had struck"), or the object of "by" or "with"
 * after it. Undefined when no weapon does it ("the earthquake struck", "sanctions hit").
 */
function weaponType(sentence: string, m: RawMatch, e: Entry, lex: TriggerLexicon): EventType | undefined {
  const before = sentence.slice(Math.max(0, m.start - 80), m.start);
  const instrument = WEAPON_AFTER.exec(sentence.slice(m.end, m.end + 80))?.[1] ?? '';
  for (const w of e.byWeapon) {
    const list = lex.lists.get(w.list);
    if (!list) continue;
    // the weapon heads the subject right before the verb: "a missile struck", "bombers from Russia
    // had struck", "rockets that hit" (not "bomb civilian areas and hit", where "bomb" is a verb)
    const subject = new RegExp(`(?:${list.source})${SUBJECT_TAIL}$`, 'iu');
    if (subject.test(before) || list.test(instrument)) return w.type;
  }
  return undefined;
}
// What may stand between a subject's head and its verb: "from Russia", "which", "had", "also".
const SUBJECT_TAIL = String.raw`(?:\s+(?:from|of)\s+(?:the\s+)?\S+(?:\s+\S+)?)?(?:\s+(?:had|has|have|was|were|is|are|also|reportedly|allegedly|apparently|then|later|that|which|which\s+had|that\s+had))*\s+`;

interface VerbInfo {
  start: number;
  end: number;
  negative: boolean;
  passive: boolean;
  tense: Tense;
  infinitive: boolean;
}

interface Analysis {
  /** Term start offset → tags. */
  tags: Map<number, Set<string>>;
  verbs: VerbInfo[];
}

interface Tok {
  start: number;
  end: number;
  lower: string;
  tags: Set<string>;
}

interface CompromiseTerm {
  text: string;
  tags: Set<string>;
}

/**
 * compromise's terms of a text, remembered for the windows tagged last: news repeats its
 * sentences (agency copy, updated and republished reports), and tagging is the costliest step of
 * reading triggers. compromise reads the text alone, so a remembered window is tagged as anew.
 */
const taggedWindows = new Map<string, CompromiseTerm[][]>();
const TAGGED_WINDOWS_KEPT = 2048;

function taggedTerms(text: string): CompromiseTerm[][] {
  const known = taggedWindows.get(text);
  if (known) return known;
  const terms: CompromiseTerm[][] = [];
  for (const sentence of (nlp(text) as unknown as { docs: CompromiseTerm[][] }).docs) terms.push(sentence.map((t) => ({ text: t.text, tags: t.tags })));
  if (taggedWindows.size >= TAGGED_WINDOWS_KEPT) taggedWindows.delete(taggedWindows.keys().next().value!);
  taggedWindows.set(text, terms);
  return terms;
}

const BE = /^(?:is|are|am|was|were|be|been|being|get|got|gets|'s|'re)$/;
/** Past forms the tagger sometimes reads as imperatives ("took back", "fell to"). */
const IRREGULAR_PAST = /^(?:took|taken|retook|retaken|fell|fallen|overran|overrun|fled|withdrew|withdrawn|blew|blown|drove|driven|won|fought|sent|shot|struck|began|begun|led|lost|broke|broken|brought|froze|gave|given|held|hit|kept|left|made|met|ran|saw|seen|spread|stood|told|wrote|written|said)$/;
const FUTURE = /^(?:will|shall|'ll|wo|won't|would|going)$/;
// "can be deployed", "should withdraw", "must attack": an ability, a request or a duty reports no act
// ("may have killed" with a perfect still tells of a past act; "could repel" is often a past ability)
const MODAL = /^(?:can|should|must|may|might|ought)$/;
const PERFECT_AUX = /^(?:have|has|had|'ve)$/;

/**
 * Tags a window of the sentence around the triggers with compromise and reads verb groups
 * (auxiliaries, negation, passive, tense) off the tags. Tagging only the window keeps long
 * sentences cheap; doc.verbs() is not used because it costs several times the tagging.
 */
function analyse(sentence: string, spans: Array<{ start: number; end: number }>): Analysis {
  const first = Math.min(...spans.map((x) => x.start));
  const last = Math.max(...spans.map((x) => x.end));
  const beforeWords = sentence.slice(0, first).split(/(?<=\s)(?=\S)/);
  const ws = first - beforeWords.slice(-12).join('').length;
  const afterMatch = /^(?:\S*\s+){0,6}/.exec(sentence.slice(last));
  const we = last + (afterMatch ? afterMatch[0].length : 0);
  const toks: Tok[] = [];
  let pos = ws;
  for (const terms of taggedTerms(sentence.slice(ws, we))) {
    for (const t of terms) {
      const at = t.text ? sentence.indexOf(t.text, pos) : -1;
      const start = at >= 0 && at < we ? at : pos;
      const end = at >= 0 && at < we ? at + t.text.length : pos;
      toks.push({ start, end, lower: t.text.toLowerCase(), tags: t.tags });
      pos = end;
    }
  }
  const tags = new Map<number, Set<string>>();
  for (const t of toks) if (t.end > t.start) tags.set(t.start, t.tags);
  const verbs: VerbInfo[] = [];
  toks.forEach((t, i) => {
    if (!t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Copula') || t.end === t.start) return;
    const aux: Tok[] = [];
    for (let k = i - 1; k >= 0 && aux.length < 5; k--) {
      const p = toks[k]!;
      if (p.tags.has('Auxiliary') || p.tags.has('Modal') || p.tags.has('Copula') || p.tags.has('Negative') || p.tags.has('Adverb')) aux.unshift(p);
      else break;
    }
    const words = aux.map((x) => x.lower);
    const prev = toks[i - 1 - aux.length];
    const participle = t.tags.has('PastTense') || t.tags.has('Participle') || IRREGULAR_PAST.test(t.lower) || (/[^e]ed$/.test(t.lower) && !t.tags.has('Gerund'));
    const passive = t.tags.has('Passive') || (participle && words.some((w) => BE.test(w)));
    let tense: Tense;
    if (words.some((w) => FUTURE.test(w)) || (words.some((w) => MODAL.test(w)) && !words.some((w) => PERFECT_AUX.test(w)))) tense = 'future';
    else if (words.some((w) => /^(?:was|were|had|did|didn't|hadn't|wasn't|weren't)$/.test(w))) tense = 'past';
    else if (participle) tense = words.some((w) => /^(?:is|are|am|'s|'re)$/.test(w)) ? 'present' : 'past';
    else if (t.tags.has('Gerund')) tense = words.length ? 'present' : 'unknown';
    else tense = 'present';
    verbs.push({
      start: t.start,
      end: t.end,
      negative: aux.some((x) => x.tags.has('Negative')) || words.some((w) => /n't$/.test(w)),
      passive,
      tense,
      infinitive: prev?.lower === 'to' && !participle && !t.tags.has('Gerund'),
    });
  });
  return { tags, verbs };
}

const PAST_FORM = /(?:ed|said|told|made)$/i;

/** A stand-in for the tagger when only statement verbs fired: each is a verb, tensed by its form. */
function lightAnalysis(sentence: string, matches: RawMatch[]): Analysis {
  const tags = new Map<number, Set<string>>();
  const verbs: VerbInfo[] = [];
  for (const m of matches) {
    const word = sentence.slice(m.start, m.end).split(/\s+/)[0] ?? '';
    const isNoun = m.entry.pos === 'noun';
    tags.set(m.start, new Set(isNoun ? ['Noun'] : ['Verb']));
    if (!isNoun) {
      verbs.push({
        start: m.start,
        end: m.end,
        negative: /\b(?:not|n't|never)\s+(?:\w+\s+)?$/i.test(sentence.slice(Math.max(0, m.start - 20), m.start)),
        passive: false,
        tense: PAST_FORM.test(word) ? 'past' : /s$/i.test(word) ? 'present' : 'unknown',
        infinitive: false,
      });
    }
  }
  return { tags, verbs };
}

function verbAt(a: Analysis, start: number, end: number): VerbInfo | undefined {
  return a.verbs.find((v) => v.start <= start && start < v.end) ?? a.verbs.find((v) => start <= v.start && v.start < end);
}

function nearestVerb(a: Analysis, start: number, accept: (v: VerbInfo) => boolean = () => true): VerbInfo | undefined {
  let best: VerbInfo | undefined;
  let bestDist = Infinity;
  for (const v of a.verbs) {
    if (!accept(v)) continue;
    const d = v.start >= start ? v.start - start : start - v.end;
    if (d < bestDist) {
      best = v;
      bestDist = d;
    }
  }
  return best;
}

/** Picks, among entries matching the same span, the one whose part of speech the tagger agrees with. */
function choosePos(group: RawMatch[], a: Analysis): RawMatch {
  if (group.length === 1) return group[0]!;
  const tags = a.tags.get(group[0]!.start);
  const isVerb = !!tags && tags.has('Verb') && !tags.has('Noun');
  const want: TriggerPos = isVerb ? 'verb' : 'noun';
  return group.find((m) => m.entry.pos === want) ?? group[0]!;
}

/**
 * Triggers in one sentence, in text order, without overlaps (the longest phrase wins).
 * Statements ("said", "announced") are returned only when the sentence reports nothing else.
 */
type Typing = { type: EventType; acled: string; sub: string };

/** Matches of one span that passed the cheap filters, with the type each reads as. */
interface TypedGroup {
  group: RawMatch[];
  typed: Map<RawMatch, Typing>;
}

function excludedSpans(sentence: string, exclude: RegExp): Array<[number, number]> {
  const excluded: Array<[number, number]> = [];
  exclude.lastIndex = 0;
  for (let m = exclude.exec(sentence); m; m = exclude.exec(sentence)) excluded.push([m.index, m.index + m[0].length]);
  return excluded;
}

function overlapsAny(r: RawMatch, spans: Array<[number, number]>): boolean {
  for (const [s, e] of spans) if (r.start < e && s < r.end) return true;
  return false;
}

/** Longest span first, then lexicon order; same-span matches are kept together for the POS choice. */
function groupBySpan(raw: RawMatch[]): RawMatch[][] {
  raw.sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start) || x.entry.order - y.entry.order);
  const groups: RawMatch[][] = [];
  let lastEnd = -1;
  for (const r of raw) {
    const g = groups[groups.length - 1];
    if (g && g[0]!.start === r.start && g[0]!.end === r.end) g.push(r);
    else if (r.start >= lastEnd) {
      groups.push([r]);
      lastEnd = r.end;
    }
  }
  return groups;
}

/** The cheap filters, before the tagger. */
function typedGroups(sentence: string, blanked: string, groups: RawMatch[][], lexicon: TriggerLexicon, opts: FindTriggerOptions): TypedGroup[] {
  const kept: TypedGroup[] = [];
  for (const g of groups) {
    const typed = new Map<RawMatch, Typing>();
    for (const r of g) {
      const t = passesFilters(sentence, blanked, r, lexicon, opts);
      if (t) typed.set(r, t);
    }
    if (typed.size) kept.push({ group: g.filter((r) => typed.has(r)), typed });
  }
  return kept;
}

function hasEventType(k: TypedGroup): boolean {
  for (const t of k.typed.values()) if (t.type !== 'statement') return true;
  return false;
}

// Sentences with a word of war that make a document one about war.
const WAR_SENTENCES = 2;

/**
 * Whether a document talks of war: at least WAR_SENTENCES of its sentences hold a word of the
 * lexicon's military context. `ignore` takes words out first (a reader deciding what "army"
 * means must not count "army" itself).
 */
export function isWarDocument(sentences: Iterable<string>, military: RegExp, ignore?: RegExp): boolean {
  let n = 0;
  for (const text of sentences) if (military.test(ignore ? text.replace(ignore, ' ') : text) && ++n >= WAR_SENTENCES) return true;
  return false;
}

export function findTriggers(sentence: string, lexicon: TriggerLexicon, opts: FindTriggerOptions = {}): TriggerMatch[] {
  const cands = candidateEntries(sentence, lexicon);
  if (cands.size === 0) return [];
  let raw = rawMatches(sentence, cands);
  if (raw.length === 0) return [];
  // excluded phrases ("in advance", "bidding war") neither trigger nor count as context
  let blanked = sentence;
  if (lexicon.exclude) {
    const excluded = excludedSpans(sentence, lexicon.exclude);
    if (excluded.length) {
      raw = raw.filter((r) => !overlapsAny(r, excluded));
      for (const [s, e] of excluded) blanked = without(blanked, s, e);
    }
  }
  const kept = typedGroups(sentence, blanked, groupBySpan(raw), lexicon, opts);
  const hasEvent = kept.some(hasEventType);
  const final = hasEvent ? kept.filter(hasEventType) : kept;
  if (final.length === 0) return [];

  // statements alone ("said", "announced") are read without the tagger: their form gives the tense
  const a = hasEvent ? analyse(sentence, final.map((k) => k.group[0]!)) : lightAnalysis(sentence, final.map((k) => k.group[0]!));
  const out: TriggerMatch[] = [];
  for (const k of final) {
    const r = choosePos(k.group.filter((x) => hasEvent ? k.typed.get(x)!.type !== 'statement' : true), a);
    // "push ... back", "force ... out": a verb, its object, its particle ("the forces push to weed
    // out rebels" is no "force ... out": an object holds no "to", no conjunction, no clause)
    if (r.entry.lemma.includes('...') && (isNounOnly(a.tags.get(r.start)) || !objectGap(sentence, r))) continue;
    const t = k.typed.get(r)!;
    out.push(describe(sentence, r, t, a, lexicon));
  }
  return out;
}

/** The words a split phrase's "..." stands for can be an object noun phrase. */
function objectGap(sentence: string, r: RawMatch): boolean {
  const words = sentence.slice(r.start, r.end).split(/\s+/);
  return !/\b(?:to|and|or|but|that|which|who|as)\b/i.test(words.slice(1, -1).join(' '));
}

function isNounOnly(tags: Set<string> | undefined): boolean {
  return !!tags && tags.has('Noun') && !tags.has('Verb');
}

function describe(sentence: string, r: RawMatch, t: { type: EventType; acled: string; sub: string }, a: Analysis, lex: TriggerLexicon): TriggerMatch {
  const e = r.entry;
  const text = sentence.slice(r.start, r.end);
  const tags = a.tags.get(r.start);
  const taggedVerb = !!tags && tags.has('Verb');
  const pos: TriggerPos = e.pos;
  const own = pos === 'noun' && !taggedVerb ? undefined : verbAt(a, r.start, r.end);
  // a participle clause (", killing hundreds") takes the tense of the clause's main verb
  const gerund = !!tags?.has('Gerund') || (/ing$/i.test(text.split(/\s+/)[0] ?? '') && !/\b(?:is|are|was|were|been|be|am)\s+$/i.test(sentence.slice(0, r.start)));
  const verb = own && !gerund ? own : nearestVerb(a, r.start, (v) => v !== own && !a.tags.get(v.start)?.has('Gerund') && !v.infinitive);

  const before = clauseBefore(sentence, r.start, 4);
  // (quotation marks set off words inside the clause: 'unless they agreed to a "reconciliation" deal')
  const wideBefore = clauseBefore(sentence.slice(0, r.start).replace(/["“”]/g, ' '), r.start, 8);
  // (also a participle whose agent follows, with no auxiliary: "the district of Ramussa seized by rebels")
  const participle = /ed$|en$|wn$/i.test(text.split(/\s+/)[0] ?? '');
  const passive = (own?.passive ?? false) || (pos !== 'noun' && participle && (/\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$/i.test(sentence.slice(0, r.start)) || /^\s+by\s/i.test(sentence.slice(r.end, r.end + 4))));
  const negated = (own?.negative ?? false) || lex.modality.denied.test(before);

  let tense: Tense = verb?.tense ?? 'unknown';
  let planned = false;
  // ("due to rocket attacks", "led to clashes": before a noun, "to" is a preposition)
  if (own?.infinitive || (pos !== 'noun' && /\bto\s+$/i.test(sentence.slice(Math.max(0, r.start - 4), r.start)))) {
    // "managed to seize" keeps the governor's tense; "plans to seize", "to take control of" is an aim
    const governor = a.verbs.filter((v) => v.end <= r.start).pop();
    if (lex.modality.achieved.test(wideBefore)) tense = governor?.tense ?? 'past';
    else {
      planned = true;
      tense = 'future';
    }
  }
  if (own?.tense === 'future' || lex.modality.planned.test(wideBefore)) {
    planned = true;
    tense = 'future';
  }

  let type = t.type;
  let acled = t.acled;
  let sub = t.sub;
  // The object after the verb is read up to its first preposition, and the list whose word stands
  // last in it names its head: "seized the terrorists' weapons" seizes goods, "seizing territory
  // from rebel groups" takes ground (the rebels are where it is taken from, not what).
  const object = objectAfter(sentence, r.end);
  let switchTo: (typeof e.ifNear)[number] | undefined;
  let headAt = -1;
  for (const s of e.ifNear) {
    const list = lex.lists.get(s.list);
    if (!list) continue;
    // "around": the object, which a passive puts before the verb (after it stands the agent: "by the rebels")
    if (s.side === 'after' || (s.side === 'around' && !passive)) {
      const at = lastMatchAt(list, object);
      if (at > headAt) {
        headAt = at;
        switchTo = s;
      }
    } else if (!switchTo && list.test(clauseBefore(sentence, r.start, 5))) {
      switchTo = s;
      break;
    }
  }
  if (switchTo) {
    type = switchTo.type;
    const d = lex.typeDefaults.get(type);
    acled = switchTo.acled ?? d?.acled ?? acled;
    sub = switchTo.sub ?? d?.sub ?? sub;
  }

  const rest = without(sentence, r.start, r.end);
  let modality: Modality = 'asserted';
  if (negated || lex.modality.denialWords.test(sentence.slice(0, r.start))) modality = 'denied';
  else if (planned) modality = 'planned';
  else if (type !== 'statement' && lex.modality.claimed.test(rest)) modality = 'claimed';

  const match: TriggerMatch = {
    start: r.start,
    end: r.end,
    text,
    lemma: e.lemma,
    type,
    acledEventType: acled,
    acledSubEventType: sub,
    modality,
    negated,
    passive,
    tense,
    voiceHint: undefined,
    roles: undefined,
    pos,
  };
  if (e.generic && type === e.type) match.generic = true;
  if (e.requiresAfter) match.destination = true;
  if (type === 'capture' && e.roles) {
    const roles: CaptureRoles = passive && e.roles.gainer === 'subject' ? { gainer: 'by', loser: e.roles.loser } : { ...e.roles };
    match.roles = roles;
    match.voiceHint = `gainer:${roles.gainer}${roles.loser ? ` loser:${roles.loser}` : ''}`;
  }
  return match;
}

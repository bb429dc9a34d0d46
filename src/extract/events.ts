import type { DatePrecision, Doc, EventType, Modality, Sentence } from '../types.js';
import type { EntityMention, EntityRef, EventMention, SideBond } from './model.js';
import type { StateRole } from '../knowledge/knowledge.js';
import { findDates, type DateContext, type DateMention } from './dates.js';
import { findFigures, type Figure } from './casualties.js';
import { findTriggers, isWarDocument, type TriggerMatch } from './triggers.js';
import type { TriggerLexicon } from '../knowledge/trigger-lexicon.js';
import { isCountryPart } from '../knowledge/country-parts.js';

/**
 * Event mentions: a trigger ("recaptured", "air raids"), its participants by role, its place and
 * its date, one sentence at a time. Roles come from word order around the trigger, which is how
 * news English states them: "[agent] seized [place] from [target]", "[target] was driven out of
 * [place] by [agent]", "clashes between [A] and [B] in [place]".
 */

// Event types whose reports are about actions on a place, and need one to be useful.
const PLACE_BOUND: ReadonlySet<EventType> = new Set<EventType>(['capture', 'withdrawal', 'battle', 'airstrike', 'shelling', 'deployment', 'aid']);
// Types that are events of their own only when nothing else happens in the sentence.
const WEAK: ReadonlySet<EventType> = new Set<EventType>(['statement']);

const GOVERNMENT_TYPES = new Set(['military', 'government', 'country']);
// Only armed actors fight, capture, strike, shell, kill or withdraw.
const VIOLENT: ReadonlySet<EventType> = new Set<EventType>(['battle', 'capture', 'withdrawal', 'airstrike', 'shelling', 'explosion', 'killing', 'destruction', 'deployment', 'arrest']);
// Acts whose sentence reports their toll, and the tolls they absorb.
const ATTACKS: ReadonlySet<EventType> = new Set<EventType>(['battle', 'capture', 'airstrike', 'shelling', 'explosion']);
const STRIKES: ReadonlySet<EventType> = new Set<EventType>(['airstrike', 'shelling', 'explosion']);
const CONSEQUENCES: ReadonlySet<EventType> = new Set<EventType>(['killing', 'destruction']);
const ARMED = new Set(['armed group', 'military', 'government', 'country']);
// The words that introduce the losing or attacked side, per event type.
const TARGET_CUES: Partial<Record<EventType, string[]>> = {
  capture: ['from', 'of'],
  battle: ['with', 'against', 'between', 'on', 'and'],
  airstrike: ['on', 'against', 'targeting', 'over'],
  shelling: ['on', 'against', 'targeting'],
  killing: ['of'],
  withdrawal: [],
  explosion: ['against', 'targeting'],
  arrest: [],
  // "destroyed a vehicle for ISIS", "destroyed some of their fortifications": whose things were destroyed
  destruction: ['of', 'for'],
};
// Types whose direct object is the target ("killed 40 ISIL militants", "shelled the army's positions").
const OBJECT_TARGET: ReadonlySet<EventType> = new Set<EventType>(['killing', 'shelling', 'airstrike', 'arrest', 'battle', 'destruction']);
// Text between two actors of one side: "A and B", "A, backed by B", "A alongside B".
const JOINED = /^(?:\s*,?\s*(?:and|&|alongside|together with|along with|with the help of|in cooperation with|backed by|supported by|aided by|assisted by)\s+(?:the\s+|its\s+|their\s+)?|\s*,\s*(?:backed|supported|aided|assisted)\s+by\s+(?:the\s+)?|\s*,\s*)$/i;
const SPECIFICITY = (p: EntityMention): number =>
  p.type === 'site' || p.type === 'town' || p.type === 'area' ? 3 : p.type === 'city' ? 3 : p.type === 'region' ? 2 : 1;

interface Participant {
  m: EntityMention;
  /** Word before the mention, lower-cased: "from", "against", "by", "with"... */
  cue: string;
  /** Glued by a hyphen to the next word ("a Britain-based monitor", "US-led"): it modifies a noun. */
  modifier: boolean;
  /** A place named as where: after "in", "across"..., or in apposition ("Raqqa, Syria"). */
  locative: boolean;
  /** Named only to say whose kin another actor is ("the al Qaeda offshoot", "an affiliate of al Qaeda"). */
  relational?: boolean;
}

// "the al Qaeda offshoot", "al Qaedas official wing", "an offshoot of al Qaeda": the name says whose
// branch the actor is; the branch, not the name, takes part in the act
const RELATIONAL_AFTER = /^(?:['’]?s)?\s+(?:[\p{L}-]+\s+){0,2}?(?:offshoots?|affiliates?|branch(?:es)?|wings?|franchises?|splinter\s+groups?|spin-?offs?|proxy|proxies)(?![\p{L}])/iu;
const RELATIONAL_BEFORE = /\b(?:offshoots?|affiliates?|branch(?:es)?|wings?|franchises?|splinter\s+groups?|spin-?offs?|prox(?:y|ies))\s+of\s+(?:the\s+)?$/i;

/**
 * A possessive, with or without its apostrophe ("ISIL's positions", "Al-Qaedas Syria affiliate"
 * in text that lost its apostrophes): the name qualifies a noun, it is no participant.
 */
function isPossessive(text: string, m: EntityMention): boolean {
  const possessive = /['’]s$/.test(m.surface) || /^['’]s?\b/.test(text.slice(m.end, m.end + 3)) || /^s(?![\p{L}\p{N}])/u.test(text.slice(m.end, m.end + 2));
  // "Syria's government", "Russias military": a country's own state body acts for it
  return possessive && !(m.type === 'country' && STATE_BODY_AFTER.test(text.slice(m.end, m.end + 30)));
}
const STATE_BODY_AFTER = /^['’]?s?\s+(?:government|regime|army|armed\s+forces|forces|troops|military|air\s+force|authorities)\b/i;

function wordBefore(text: string, offset: number, sentenceStart: number): string {
  const slice = text.slice(Math.max(sentenceStart, offset - 40), offset);
  const m = /([\p{L}-]+)[\s,]*(?:(?:the|a|an|so-called|its|their)\s+)*$/iu.exec(slice);
  return m ? m[1]!.toLowerCase() : '';
}

export interface EventContext {
  triggers: TriggerLexicon;
  /** The government or forces that act for a country (a place never acts). */
  stateOf?: (country: string, role: StateRole) => EntityRef | undefined;
  /** A country's name, for the actors the text names by a common noun ("Rebels (Syria)"). */
  countryName?: (country: string) => string | undefined;
  /** "Syrian" → "SY": the country a demonym names (an office-holder's country). */
  countryOfDemonym?: (word: string) => string | undefined;
  /** The body a person belongs to (the document's affiliation, or the lexicon's parent). */
  affiliationOf?: (key: string) => EntityRef | undefined;
}

interface SalientCount {
  m: EntityMention;
  n: number;
}

interface RecentAgent {
  m: EntityMention;
  sentence: number;
}

/**
 * What event extraction carries from sentence to sentence of one document. The work is split in
 * module-level functions over this state rather than closures of one big function: V8 then
 * optimises each on its own, and a deoptimisation recompiles one small piece.
 */
class EventScan {
  readonly events: EventMention[] = [];
  /** Mentions of the state actors that countries stand for in roles, one per span and key. */
  readonly stateMentions: EntityMention[] = [];
  /** The same, by key and start: a long document makes thousands of them. */
  readonly stateMentionAt = new Map<string, EntityMention>();
  readonly used = new Set<number>();
  // carryYear/carryMonth are set by findDates; present from the start, the context keeps one shape.
  readonly dateCtx: DateContext = { reference: undefined, carryYear: undefined, carryMonth: undefined, carryDay: undefined, carryAge: undefined, recentDates: 0, olderDates: 0 };
  readonly bySentence = new Map<number, EntityMention[]>();
  readonly sentenceAt = new Map<number, Sentence>();
  /** The document's salient city, for "the city" and place-bound reports with no place. */
  salientCity: EntityMention | undefined = undefined;
  latestStated = '';
  lastPlace: EntityMention | undefined = undefined;
  lastAgent: RecentAgent | undefined = undefined;
  /** The country the document is about (its most named), whose forces "the air force" are. */
  home: string | undefined = undefined;
  /** Options for reading triggers: whether the document talks of war (see militaryDocument). */
  triggerOptions: { militaryDocument?: boolean } = {};
  readonly text: string;

  constructor(
    readonly doc: Doc,
    readonly ctx: EventContext,
  ) {
    this.text = doc.text;
    if (doc.date) this.dateCtx.reference = doc.date;
  }
}

/** One sentence's entities, sorted by role, and what it states. */
interface SentenceView {
  s: Sentence;
  dates: DateMention[];
  places: EntityMention[];
  countriesHere: EntityMention[];
  actors: EntityMention[];
  sources: EntityMention[];
  sourceKeys: Set<string>;
  /** The acts the sentence reports (offsets in the sentence). */
  acts: TriggerMatch[];
}

export function extractEvents(
  doc: Doc,
  sentences: Sentence[],
  mentions: EntityMention[],
  ctx: EventContext,
): { events: EventMention[]; usedSentences: Set<number>; stateMentions: EntityMention[] } {
  const scan = new EventScan(doc, ctx);
  for (const m of mentions) {
    const list = scan.bySentence.get(m.sentence) ?? [];
    list.push(m);
    scan.bySentence.set(m.sentence, list);
  }
  scan.salientCity = salientCityOf(mentions);
  scan.home = homeCountryOf(mentions, doc.text);
  if (isWarDocument(sentenceTexts(sentences), ctx.triggers.contexts.military)) scan.triggerOptions = { militaryDocument: true };
  for (const s of sentences) scan.sentenceAt.set(s.index, s);
  for (const s of sentences) readSentence(scan, s);
  const byKey = new Map<string, EntityMention>();
  for (const m of [...mentions, ...scan.stateMentions]) byKey.set(m.key, m);
  const events = conflictStatements(dropReporters(scan.events, byKey), sentences, ctx.triggers.contexts.military);
  if (events.length !== scan.events.length) scan.events.splice(0, scan.events.length, ...events);
  inferAdversaries(scan.events, byKey);
  if (!doc.date && scan.latestStated) for (const e of scan.events) if (!e.date) e.after = scan.latestStated;
  return { events: scan.events, usedSentences: scan.used, stateMentions: scan.stateMentions };
}

// Acts whose report without a named loser still has one: the side the agent fights in the article
// (not strikes: a shell on a district hits whoever lives there).
const CONTESTED: ReadonlySet<EventType> = new Set<EventType>(['capture', 'battle']);

/**
 * "The army captured Bashkuwi", two sentences after "the army seized Sifat from the rebels": an
 * article that names one adversary of a side, and only one, names the side that loses or is hit
 * in that side's other acts. (Both ways: the side that hits the agent is its adversary too.) The
 * bodies of one state (its army, its air force) are one side.
 */
function inferAdversaries(events: EventMention[], byKey: Map<string, EntityMention>): void {
  const sideOf = (key: string): string => {
    const m = byKey.get(key);
    return m?.country && GOVERNMENT_TYPES.has(String(m.type)) ? `state:${m.country}` : key;
  };
  const adversaries = new Map<string, Map<string, string>>();
  const note = (a: string, x: string) => {
    const side = sideOf(a);
    if (side === sideOf(x)) return;
    const list = adversaries.get(side) ?? new Map<string, string>();
    if (!list.has(sideOf(x))) list.set(sideOf(x), x);
    adversaries.set(side, list);
  };
  for (const e of events) {
    if (!HOSTILE.has(e.type) || e.modality === 'denied' || e.agents.length !== 1) continue;
    for (const x of e.targets) {
      note(e.agents[0]!, x);
      if (byKey.has(e.agents[0]!)) note(x, e.agents[0]!);
    }
  }
  for (const e of events) {
    if (!CONTESTED.has(e.type) || e.targets.length || e.agents.length !== 1 || e.modality === 'denied' || e.generic) continue;
    const found = adversaries.get(sideOf(e.agents[0]!));
    if (found?.size === 1) e.targets = [[...found.values()][0]!];
  }
}


function* sentenceTexts(sentences: readonly Sentence[]): Generator<string> {
  for (const s of sentences) yield s.text;
}

/** The country most mentions belong to (ties by code). */
function homeCountryOf(mentions: EntityMention[], text: string): string | undefined {
  const counts = new Map<string, number>();
  // "a Britain-based monitor" says where the monitor sits, not what the story is about
  for (const m of mentions) if (m.country && text[m.end] !== '-') counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  let best: string | undefined;
  for (const [cc, n] of counts) if (!best || n > counts.get(best)! || (n === counts.get(best) && cc < best)) best = cc;
  return best;
}

/** The most mentioned city or town (ties by key), the document's protagonist place. */
function salientCityOf(mentions: EntityMention[]): EntityMention | undefined {
  const counts = new Map<string, SalientCount>();
  for (const m of mentions) {
    const c = counts.get(m.key);
    if (c) c.n++;
    else counts.set(m.key, { m, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.m.key.localeCompare(b.m.key));
  for (const c of ranked) if (c.m.kind === 'place' && (c.m.type === 'city' || c.m.type === 'town')) return c.m;
  return undefined;
}

function hasDate(d: DateMention): boolean {
  return !!d.date;
}

function readSentence(scan: EventScan, s: Sentence): void {
  const ents = scan.bySentence.get(s.index) ?? [];
  // The dateline's date is the page's; "on Tuesday" later in the lead is the event's.
  const stamp = (scan.doc.datelineLength ?? 0) - s.start;
  const dates = findDates(s.text, scan.dateCtx).filter((d) => hasDate(d) && d.start >= stamp);
  for (const d of dates) if (!d.relative && d.date && d.date > scan.latestStated) scan.latestStated = d.date;
  let triggers = findTriggers(s.text, scan.ctx.triggers, scan.triggerOptions);
  // "access to the site of the attack", "denied the reports of the attack": an act named as what
  // is talked about is no report of it; without the act nouns, what is said may be the news
  const references = triggers.filter((t) => isReference(s.text, t));
  if (references.length) {
    let rest = s.text;
    for (const r of references) rest = rest.slice(0, r.start) + ' '.repeat(r.end - r.start) + rest.slice(r.end);
    triggers = findTriggers(rest, scan.ctx.triggers, scan.triggerOptions).map((t) => ({ ...t, text: s.text.slice(t.start, t.end) }));
  }
  // "hunted down fleeing ISIL terrorists", "trapped 150 retreating soldiers": a participle before
  // the noun it describes says what those people were doing, it reports no act of its own
  triggers = triggers.filter((t) => !isAttributive(s.text, t));
  const places: EntityMention[] = [];
  const countriesHere: EntityMention[] = [];
  const actors: EntityMention[] = [];
  for (const e of ents) {
    // A part of a country ("northern Syria") is as broad a where as the country.
    const broad = e.kind === 'place' && (e.type === 'country' || isCountryPart(e.key));
    if (e.kind === 'place' && !broad) places.push(e);
    if (broad) countriesHere.push(e);
    if (e.kind === 'actor' || e.type === 'country') actors.push(e);
  }
  if (triggers.length > 0) {
    const strong = triggers.filter(isStrong);
    // A sentence that reports no act can itself be the news: an official statement.
    // Only the sentence's first verb of saying: a later one relays it ("X said he saw ..., the monitor said").
    // ("X called on the UN to ensure aid reaches the people": acts only asked for or aimed at leave
    // what is said the news, beside them)
    const aimsOnly = strong.length > 0 && strong.every((t) => t.modality === 'planned');
    const chosen = strong.length ? [...dedupeTriggers(strong, s.text), ...(aimsOnly ? triggers.filter(isSaying).slice(0, 1) : [])] : triggers.filter(isSaying).slice(0, 1);
    const figures = findFigures(s.text);
    const sources = findSources(s, actors, scan.text);
    const view: SentenceView = { s, dates, places, countriesHere, actors: withOwnedForces(scan, s, actors, sources), sources, sourceKeys: new Set(keysOf(sources)), acts: strong };
    for (const t of chosen) {
      const earlier = anaphoricAttack(scan, s, t);
      if (earlier) {
        // "the attack killed 12": the report goes on about an attack already read; its toll is that attack's
        addFigures(earlier, figuresOf(s.text, t, chosen, figures));
        continue;
      }
      const ev = eventOf(scan, view, t, figuresOf(s.text, t, chosen, figures));
      if (!ev) continue;
      scan.events.push(ev);
      scan.used.add(s.index);
    }
    // "Britain said it would raise the attack", "the ministry said its bombers struck": a state's
    // word on an act is news of its own beside the act.
    if (strong.length) {
      const first = Math.min(...strong.map((t) => t.start));
      const saying = findTriggers(s.text.slice(0, first), scan.ctx.triggers).filter(isSaying)[0];
      const before: Participant[] = [];
      const after: Participant[] = [];
      if (saying) splitParticipants(scan.text, s, view.actors, s.start + saying.start, s.start + saying.end, before, after);
      const ev = saying ? statementOf(scan, view, saying, before, after, s.start + saying.start, s.start + saying.end, [], true) : undefined;
      if (ev) scan.events.push(ev);
    }
  }
  if (places.length) scan.lastPlace = places[places.length - 1];
}

/**
 * The figures of the act's own clause: "The assault on Division 17 comes two weeks after IS killed
 * 270 guards during an assault on a gas field" counts the gas field's dead, not Division 17's. A
 * figure in a clause that reports no act of its own ("85 troops were killed as IS advanced") is
 * the toll of every act of the sentence. A toll counted since an act began ("123 have been killed
 * by air strikes since the army began an offensive") is that act's, the campaign's.
 */
function figuresOf(sentence: string, t: TriggerMatch, chosen: TriggerMatch[], figures: Figure[]): Figure[] {
  if (figures.length === 0 || chosen.length < 2) return figures;
  const breaks: Array<{ at: number; since: boolean }> = [];
  FIGURE_CLAUSE_BREAK.lastIndex = 0;
  for (let m = FIGURE_CLAUSE_BREAK.exec(sentence); m; m = FIGURE_CLAUSE_BREAK.exec(sentence)) breaks.push({ at: m.index, since: /^since\b/i.test(m[0]) });
  const clauseAt = (offset: number) => breaks.filter((b) => b.at <= offset).length;
  const hasAct = (clause: number) => chosen.some((x) => clauseAt(x.start) === clause);
  const own = clauseAt(t.start);
  return figures.filter((f) => {
    const at = clauseAt(f.start);
    if (breaks[at]?.since && hasAct(at + 1)) return own === at + 1;
    return at === own || !hasAct(at);
  });
}
// The clause breaks of CLAUSE_BREAK (below), but "as well as" joins two acts in one clause.
const FIGURE_CLAUSE_BREAK = /[;:]|,\s*(?:which|who|but)\b|\b(?:while|after|before|when|because|although|though|since|until)\s|(?<!\bwell\s)\bas\s(?!well\s+as\b)|\b(?:said|says|reported|reports|announced|claimed|stated|added|confirmed)\s+that\s/g;

// "its forces", "his country's forces" (whose: the speaker's), then the lexicon's ownedForces word
const PRONOUN_OWNER = /\b(?:its|their|his|her|our)\s+(?:(?:country|nation|government)['’]?s\s+)?/giu;
// "forces loyal to", "troops allied to the", then at most four words of title before the name
const LOYAL_TO = /\b([\p{L}-]+)\s+(?:loyal|allied)\s+to\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?$/iu;
// "Haftar's forces", "Assad's troops" (also with the apostrophe lost: "Saddam Husseins forces")
const POSSESSIVE_GAP = /^(?:['’]s?|s)?\s+/u;
// The verb of saying whose subject a possessive pronoun after it stands for ("X said on Sunday that its forces")
const SAID_BEFORE = /\b(?:says?|said|announced|claimed|stated|declared|confirmed|reported|added)(?:\s+(?:on|late|early|in|via|through|later)\b(?:\s+[\p{L}\d-]+){1,3}?)?,?\s+(?:that\s+)?$/iu;
// Between a speaker's name and its verb of saying: at most a few words (a title, a day), no clause break
const SPEAKER_GAP = /^[\s,]*(?:[\p{L}'’.-]+[\s,]+){0,4}$/u;

/** The length of the lexicon's word for forces that opens `text` ("forces", "jets"), and whether it names aircraft. */
function forceWordAt(scan: EventScan, text: string): { length: number; air: boolean } | undefined {
  const m = scan.ctx.triggers.lists.get('ownedForces')?.exec(text);
  if (!m || m.index !== 0) return undefined;
  const air = scan.ctx.triggers.lists.get('airForces')?.exec(m[0]);
  return { length: m[0].length, air: !!air || /^(?:planes|drones)$/i.test(m[0]) };
}

/**
 * The sentence's actors, with the forces a phrase names by their owner standing in for it: "forces
 * loyal to X" and "X's forces" are X's forces (for a person, the body he leads), "Y said its
 * forces" Y's. A state's forces are its army (its air force for aircraft). The owner's own mention
 * inside the phrase no longer stands for itself: "forces loyal to Assad" are no act of Assad's.
 */
function withOwnedForces(scan: EventScan, s: Sentence, actors: EntityMention[], sources: EntityMention[]): EntityMention[] {
  const text = scan.text;
  const found: EntityMention[] = [];
  for (const m of actors) {
    if (m.kind !== 'actor') continue;
    const loyal = LOYAL_TO.exec(text.slice(Math.max(s.start, m.start - 80), m.start));
    const loyalForce = loyal ? forceWordAt(scan, loyal[1]!) : undefined;
    // ("ISIL's positions", "Assad's forces": the possessive of a state or an armed group already reads as itself)
    const gap = !loyalForce && m.type === 'person' ? POSSESSIVE_GAP.exec(text.slice(m.end, m.end + 4)) : null;
    const after = gap ? forceWordAt(scan, text.slice(m.end + gap[0].length, m.end + gap[0].length + 30)) : undefined;
    if (!loyalForce && !after) continue;
    const start = loyalForce ? m.start - loyal![0].length : m.start;
    const end = loyalForce ? m.end : m.end + gap![0].length + after!.length;
    const forces = forcesOf(scan, s, m, (loyalForce ?? after)!.air, start, end);
    if (forces) found.push(forces);
  }
  PRONOUN_OWNER.lastIndex = 0;
  for (let p = PRONOUN_OWNER.exec(s.text); p; p = PRONOUN_OWNER.exec(s.text)) {
    const word = forceWordAt(scan, s.text.slice(p.index + p[0].length, p.index + p[0].length + 30));
    if (!word) continue;
    const start = s.start + p.index;
    const said = SAID_BEFORE.exec(text.slice(s.start, start));
    // "IS has attacked Hasakeh several times. Its forces seized ...": opening its sentence, the
    // pronoun stands for the subject of the sentence before
    const opening = !said && /^\W*(?:(?:and|but|then|later|initially|also|meanwhile)\W+)*$/i.test(text.slice(s.start, start)) ? previousSubject(scan, s) : undefined;
    if (!said && !opening) continue;
    const verb = said ? start - said[0].length : start;
    // the speaker: the last actor before the verb, a few words from it (a source of the sentence or not)
    const speaker = opening ?? [...actors, ...sources].filter((m) => m.end <= verb && (m.kind === 'actor' || m.type === 'country') && SPEAKER_GAP.test(text.slice(m.end, verb))).sort((a, b) => b.end - a.end)[0];
    if (!speaker) continue;
    const forces = forcesOf(scan, s, speaker, word.air, start, start + p[0].length + word.length);
    // ("the army said its forces had taken": a force speaking of itself is read as its own claim, see speakerOf)
    if (forces && (opening || forces.key !== speaker.key)) found.push(forces);
  }
  if (!found.length) return actors;
  const inside = (m: EntityMention) => found.some((f) => f !== m && m.start >= f.start && m.end <= f.end);
  return [...actors.filter((m) => !inside(m)), ...found].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The subject of the sentence before: its first armed actor or state, a few words into it at most. */
function previousSubject(scan: EventScan, s: Sentence): EntityMention | undefined {
  const previous = scan.sentenceAt.get(s.index - 1);
  const first = previous && (scan.bySentence.get(previous.index) ?? []).find((m) => m.kind === 'actor' || m.type === 'country');
  if (!previous || !first || !isArmedOrState(first) || isPossessive(scan.text, first)) return undefined;
  return /^\W*(?:[\p{L}-]+\s+){0,3}$/u.test(scan.text.slice(previous.start, first.start)) ? first : undefined;
}

/**
 * The forces of an owner: a state's (a country, its government) are its army or air force; an
 * armed group or a force is its own; a person's are those of the body he belongs to, else of the
 * state whose executive office he holds, else his own.
 */
function forcesOf(scan: EventScan, s: Sentence, owner: EntityMention | EntityRef, air: boolean, start: number, end: number): EntityMention | undefined {
  const role: StateRole = air ? 'air force' : 'army';
  const at = (ref: EntityRef | undefined) => (ref ? stateMention(scan, ref, s.index, start, end) : undefined);
  const own = (ref: EntityRef): EntityRef => ({ key: ref.key, kind: ref.kind, type: ref.type, label: ref.label, country: ref.country, parent: ref.parent, known: ref.known, role: ref.role });
  if (owner.type === 'country' || owner.type === 'government') return owner.country ? at(scan.ctx.stateOf?.(owner.country, role)) : undefined;
  if (owner.type === 'armed group' || owner.type === 'military') return at(own(owner));
  if (owner.type !== 'person') return undefined;
  const body = scan.ctx.affiliationOf?.(owner.key);
  if (body && body.type !== 'person') return forcesOf(scan, s, body, air, start, end);
  // ("Azerbaijani President Ilham Aliyev": the office's country)
  const executive = scan.ctx.triggers.lists.get('executiveOffices');
  const cc = 'surface' in owner && executive && holdsOffice(scan, s, owner, executive) ? officeCountry(scan, owner) : undefined;
  if (cc) return at(scan.ctx.stateOf?.(cc, role));
  return at(own(owner));
}

// Words after which an -ing form modifies the noun it precedes: determiners, numbers, quantifiers,
// or a verb's particle or past form of which the noun phrase is the object ("hunted down", "trapped").
const ATTRIBUTIVE_BEFORE = /(?:^|\s)(?:the|a|an|its|their|his|her|these|those|some|many|several|all|other|\d[\d,]*|dozens|hundreds|thousands|scores|down|up|\p{Ll}+ed)\s+$/u;
// The noun phrase a participle modifies starts right after it, with no preposition or object marker.
const NOUN_AFTER = /^\s+(?!(?:from|of|to|toward|towards|into|out|back|away|in|on|at|under|after|as|with|by|for|and|or|the|a|an|its|their)\b)[\p{L}-]+/iu;

const MOVEMENTS: ReadonlySet<EventType> = new Set<EventType>(['withdrawal', 'displacement']);
const ASPECT_BEFORE = /\b(?:began|begun|started|continued|resumed|stopped|finished|completed|kept|avoided|considered|denied|reported|ordered)\s+$/i;

/** An -ing verb trigger standing before a noun as its modifier ("fleeing ISIL terrorists"). */
function isAttributive(sentence: string, t: TriggerMatch): boolean {
  // (movements describe people: "fleeing civilians"; an act's -ing names the act: "the bombing campaign")
  if (t.pos !== 'verb' || !MOVEMENTS.has(t.type) || !/ing$/i.test(t.text)) return false;
  const before = sentence.slice(Math.max(0, t.start - 30), t.start);
  // "began withdrawing troops": a verb of starting or going on takes the act as its object
  if (ASPECT_BEFORE.test(before)) return false;
  return ATTRIBUTIVE_BEFORE.test(before) && NOUN_AFTER.test(sentence.slice(t.end, t.end + 30));
}

// (up to four words between: "the site of Wednesday's chemical weapons attack"; "reports of",
// "responsibility for" an attack still report it happened)
const REFERENCE_BEFORE = /\b(?:site|sites|scene|victims|aftermath|investigation|investigations|investigating|probe|inquiry|enquiry|evidence|footage|images|details)\s+(?:of|into|about|on|for)\s+(?:(?:the|an?|this|that|these|those|its|their)\s+)?(?:[\p{L}'’-]+\s+){0,4}$/iu;

/** An act noun that is the object of talk ("the site of the attack"), not a report of the act. */
function isReference(sentence: string, t: TriggerMatch): boolean {
  return t.pos === 'noun' && REFERENCE_BEFORE.test(sentence.slice(Math.max(0, t.start - 70), t.start));
}

const DEFINITE_BEFORE = /\b(?:the|this|that|these|those|its|their)\s+(?:[\p{L}-]+\s+)?$/iu;

/**
 * A definite attack noun ("the attack", "the blast") names an attack the text has just reported:
 * the latest one of the same sentence or the two before, or undefined when there is none.
 */
function anaphoricAttack(scan: EventScan, s: Sentence, t: TriggerMatch): EventMention | undefined {
  if (t.pos !== 'noun' || !(ATTACKS.has(t.type) || CONSEQUENCES.has(t.type)) || t.type === 'capture') return undefined;
  const lead = s.text.slice(Math.max(0, t.start - 40), t.start);
  if (!DEFINITE_BEFORE.test(lead.slice(-30)) || COMPLEMENTIZER_THAT.test(lead)) return undefined;
  // "the attack in Khan al-Assal": a definite act set at a place of its own is that place's act
  const own = (scan.bySentence.get(s.index) ?? []).find((m) => m.kind === 'place' && m.start >= s.start + t.end && OWN_PLACE_GAP.test(scan.text.slice(s.start + t.end, m.start)));
  // ("this chemical massacre", "that attack": a demonstrative points back however far, and to an
  // act of its own kind too)
  const demonstrative = DEMONSTRATIVE_BEFORE.test(s.text.slice(Math.max(0, t.start - 30), t.start));
  for (let k = scan.events.length - 1; k >= 0; k--) {
    const e = scan.events[k]!;
    const near = e.sentence >= s.index - 2;
    if (!near && !demonstrative) break;
    const elsewhere = !!own && !e.places.includes(own.key);
    if (near && ATTACKS.has(e.type) && e.type !== 'capture' && (!elsewhere || !demonstrative)) return elsewhere ? undefined : e;
    if (demonstrative && e.type === t.type && !e.background && !elsewhere) return e;
  }
  return undefined;
}
// "reported that air raids hit": "that" after a verb of saying or thinking opens a clause, it points back to nothing
const COMPLEMENTIZER_THAT = /\b(?:said|says|say|saying|reported|reports|report|claimed|claims|announced|stated|added|confirmed|denied|denies|showed|shows|believe[sd]?|suggest(?:s|ed|ing)?|indicat(?:es|ed|ing)|alleged|noted|warned|insisted|feared|fears|learned|knew|know|knows)\s+that\s+(?:[\p{L}-]+\s+)?$/iu;
const DEMONSTRATIVE_BEFORE = /\b(?:this|that|these|those)\s+(?:[\p{L}-]+\s+)?$/iu;
const OWN_PLACE_GAP = /^\s+(?:in|at|on|near)\s+(?:the\s+)?(?:(?:village|town|city|district|neighbou?rhood|area)\s+of\s+)?$/i;

function addFigures(ev: EventMention, figures: Figure[]): void {
  for (const f of figures) {
    if (!ev.figures.includes(f.text)) ev.figures.push(f.text);
    if (f.kind === 'killed' || f.kind === 'wounded' || f.kind === 'captured') ev[f.kind] = Math.max(ev[f.kind] ?? 0, f.count);
  }
}

// "said it had begun an offensive", "announced that its jets...": the speaker tells of its own act
const SELF_REPORT = /\b(?:it|its|they|their|we|our)\b/i;

/**
 * A verb of saying (a statement trigger, in any context) between two offsets of the text, unless
 * what it says is about the speaker's own act.
 */
function sayingBetween(scan: EventScan, from: number, to: number): boolean {
  if (to <= from) return false;
  const gap = scan.text.slice(from, to);
  const sayings = findTriggers(gap, scan.ctx.triggers, { assumeMilitary: true }).filter((v) => v.type === 'statement' && (v.pos === 'verb' || v.pos === 'phrase'));
  const last = sayings[sayings.length - 1];
  return !!last && !SELF_REPORT.test(gap.slice(last.end));
}

function isSaying(t: TriggerMatch): boolean {
  return t.type === 'statement' && !t.negated;
}

function isStrong(t: TriggerMatch): boolean {
  return !WEAK.has(t.type);
}

/** The keys of the mentions (a packed array, as push makes: see entities.ts). */
function keysOf(list: EntityMention[]): string[] {
  const out: string[] = [];
  for (const m of list) out.push(m.key);
  return out;
}

interface Roles {
  agents: EntityMention[];
  targets: EntityMention[];
  /** Pairs the clause puts on one side ("A, backed by B"), with whether a word says so beyond "and". */
  allies?: Array<{ a: EntityMention; b: EntityMention; explicit: boolean }>;
  /** "clashes between A and B": the agents are the two sides. */
  opposed?: boolean;
  /** "X advanced, supported by air strikes": the act supports the clause's subject, whose act it is not. */
  supporting?: boolean;
}

/** The event one trigger reports, or undefined when it has neither a place nor an agent. */
function eventOf(scan: EventScan, view: SentenceView, t: TriggerMatch, figures: Figure[]): EventMention | undefined {
  const s = view.s;
  const tStart = s.start + t.start;
  const tEnd = s.start + t.end;
  const before: Participant[] = [];
  const after: Participant[] = [];
  splitParticipants(scan.text, s, view.actors, tStart, tEnd, before, after);
  if (t.type === 'statement') return statementOf(scan, view, t, before, after, tStart, tEnd, figures);
  if (warToll(scan, view, t, tStart, tEnd)) return undefined;
  if (describesSide(scan.text, view.s, t, tStart, tEnd)) return undefined;
  const roles = t.passive ? passiveRoles(scan.text, t, view, before, after) : t.roles?.gainer === 'to' || /\bfell\b|\bfall(?:s|en)?\b/.test(t.text) ? fallRoles(scan.text, t, view, after) : activeRoles(scan.text, t, view, before, after, tStart, tEnd);
  const place = placeOf(scan, view, t, tStart, tEnd);
  // (a move to a place the text names in words no gazetteer reads is no event we can place)
  if (t.destination && !place) return undefined;
  // "Hezbollah, which is fighting alongside pro-government units": the state's forces named by a
  // common noun after an ally word act with the subject
  const beside = roles.agents[0] && !t.passive && VIOLENT.has(t.type) ? stateBeside(scan, view, tEnd) : undefined;
  if (beside && !roles.agents.some((a) => a.key === beside.key || sameState(a, beside))) {
    roles.allies = [...(roles.allies ?? []), { a: roles.agents[0]!, b: beside, explicit: true }];
    roles.agents = [...roles.agents, beside];
  }
  let agents = roles.agents;
  // "the Coalition called for an inquiry into the massacre", "the government denied the reports
  // of the attack": the subject of a verb of saying before an act noun is its voice, not its
  // doer; nor does the act borrow a doer from the sentences before.
  const voiced = t.pos === 'noun' && !t.passive && agents.length > 0 && sayingBetween(scan, agents[0]!.end, tStart);
  if (voiced) agents = [];
  // "The Syrian army says it has retaken Palmyra": the speaker is the subject of its claim.
  if (agents.length === 0 && !t.passive) {
    const speaker = speakerOf(scan.text, view, before, tStart);
    if (speaker) agents = [speaker];
  }
  // The clause's subject when it names no actor: "the air force", "warplanes" are the home
  // state's air force; other forces ("Kurdish forces", "IS fighters") are someone unnamed.
  // "regime barrel bombs", "terrorist rocket attacks": a word before an act noun names its side
  // (it outweighs a subject further away: "hideouts of ISIS were hit in army airstrikes")
  const side = t.pos === 'noun' && !t.passive ? modifierSide(scan, view, tStart, t.text) : !t.passive ? gerundSide(scan, view, t, tStart) : undefined;
  // "Russian bombing raids", "US drone strikes", "Turkish shelling": the country word before an act noun is its doer
  const doer = !t.passive && !side ? doerBefore(scan, view, tStart, t.pos === 'noun') : undefined;
  if (doer?.kind === 'actor') agents = [doer];
  else if (doer?.country) {
    const ref = scan.ctx.stateOf?.(doer.country, stateRoleFor(t.type));
    if (ref) agents = [stateMention(scan, ref, s.index, doer.start, doer.end)];
  } else if (!doer && !side && !t.passive && t.pos === 'noun' && agents.length === 0 && DEMONYM_DOER_TYPES.has(t.type)) {
    // "a Russian air strike", "an Israeli missile strike": a demonym before the act noun names its
    // state; only for strikes and shelling, whose noun says the weapon ("Russian raids" may be a
    // ground raid, read as its army)
    const named = demonymBefore(scan, view, tStart);
    const ref = named ? scan.ctx.stateOf?.(named.country, stateRoleFor(t.type)) : undefined;
    if (named && ref) agents = [stateMention(scan, ref, s.index, named.start, named.end)];
  }
  if (side === 'state') {
    const ref = scan.home ? scan.ctx.stateOf?.(scan.home, stateRoleFor(t.type) === 'air force' ? 'air force' : 'army') : undefined;
    if (ref) agents = [stateMention(scan, ref, s.index, tStart, tEnd)];
  } else if (side) {
    const g = unnamedGroup(scan, { kind: side, start: tStart, end: tEnd }, s.index);
    if (g) agents = [g];
  }
  const subject = agents.length === 0 ? unnamedSubject(scan, view, t, tStart, tEnd) : undefined;
  if (subject?.kind === 'air' && !t.passive && scan.home) {
    const ref = scan.ctx.stateOf?.(scan.home, 'air force');
    if (ref) agents = [stateMention(scan, ref, s.index, tStart, tEnd)];
  }
  // "army units advanced", "the army has continued advancing": the army with no country word is the home state's
  if (subject?.kind === 'other' && !t.passive && scan.home && homeArmyWord(scan, view, subject)) {
    const ref = scan.ctx.stateOf?.(scan.home, 'army');
    if (ref) agents = [stateMention(scan, ref, s.index, subject.start, subject.end)];
  }
  const group = subject ? unnamedGroup(scan, subject, s.index) : undefined;
  // "terrorists were killed", "16 insurgents were said to be killed": the victims, not the agent
  const patient = !!subject && subject.end <= tStart && (t.passive || PATIENT_GAP.test(scan.text.slice(subject.end, tStart)));
  if (group && patient) roles.targets.push(group);
  else if (group && !roles.targets.some((x) => x.key === group.key)) agents = [group];
  // "captured villages from insurgents", "air strikes against militants": a force named by a common noun as the object
  if (roles.targets.length === 0 && !t.passive) {
    const object = unnamedObject(scan, view, t, tEnd);
    const hit = object ? unnamedGroup(scan, object, s.index) : undefined;
    if (hit && !agents.some((a) => a.key === hit.key)) roles.targets.push(hit);
  }
  // "took Manbij after Daesh retreated": the side that withdrew from the place is who lost it
  if (roles.targets.length === 0 && t.type === 'capture' && !t.passive) {
    const loser = withdrewAfter(scan, view, t, tEnd);
    if (loser && !agents.some((a) => a.key === loser.key)) roles.targets.push(loser);
  }
  // "an offensive on government-held areas", "seized the road into rebel-held districts": the side
  // that holds the ground a capture or a fight is for is its target (bombs on a "rebel-held"
  // district hit whoever lives there, so not for strikes and shelling)
  if (roles.targets.length === 0 && (t.type === 'capture' || t.type === 'battle')) {
    const holder = commonHolder(scan, view, t, tStart, tEnd);
    if (holder === 'state') {
      const ref = scan.home ? scan.ctx.stateOf?.(scan.home, 'army') : undefined;
      if (ref) roles.targets.push(stateMention(scan, ref, s.index, tStart, tEnd));
    } else if (holder && !agents.some((a) => a.key === unnamedKey(scan, holder.kind))) {
      const g = unnamedGroup(scan, holder, s.index);
      if (g) roles.targets.push(g);
    }
  }
  // "IS killed 270 soldiers when they captured a gas field": the pronoun subject of a subordinate
  // clause is the sentence's subject
  const pronounSubject = agents.length === 0 && !subject && !voiced && !t.passive && PRONOUN_SUBJECT.test(scan.text.slice(Math.max(s.start, tStart - 40), tStart));
  if (pronounSubject && VIOLENT.has(t.type)) {
    const able = before.filter((p) => p.m.end <= tStart && canAct(scan.text, p, t, view.sourceKeys) && !NOT_SUBJECT_CUES.has(p.cue) && p.m.kind === 'actor');
    // (a name over a common noun the tagger took for a group: "Militant group Islamic State")
    const main = able.find((p) => !/^\p{Lu}?\p{Ll}+$/u.test(p.m.surface)) ?? able[0];
    if (main) agents = [main.m];
  }
  // "The extremists took 2,000 civilians as they fled": the pronoun's antecedent is the sentence's
  // subject named by a common noun, never the doer of a sentence before
  if (pronounSubject && agents.length === 0) {
    const opening = /^\W*(?:the\s+)?/i.exec(s.text)![0].length;
    const lists = scan.ctx.triggers.lists;
    for (const kind of ['rebels', 'militants'] as const) {
      const m = lists.get(kind === 'rebels' ? 'rebelWords' : 'militantWords')?.exec(s.text.slice(opening, opening + 40));
      const g = m?.index === 0 ? unnamedGroup(scan, { kind, start: s.start + opening, end: s.start + opening + m[0].length }, s.index) : undefined;
      if (g) {
        agents = [g];
        break;
      }
    }
  }
  // "the group withdrew from Homs": a definite "group" before the act is the armed group named last
  if (agents.length === 0 && !subject && !voiced && VIOLENT.has(t.type)) {
    const named = groupAntecedent(scan, view, tStart);
    if (named) agents = [named];
  }
  // "there was a chemical massacre near Damascus and that Assad's regime was behind it": who the
  // sentence says is behind or responsible for the act did it
  if (agents.length === 0 && !voiced && VIOLENT.has(t.type)) {
    const behind = behindIt(scan, view, tEnd);
    if (behind) agents = [behind];
  }
  // "After a three-week siege, rebels took Ramussa": a fight named in the sentence's opening phrase
  // is fought by the subject that follows it
  if (agents.length === 0 && !subject && !voiced && t.type === 'battle' && t.pos === 'noun') {
    const fronted = frontedSubject(scan, view, tStart, tEnd);
    if (fronted) agents = [fronted];
  }
  // Agentless reports ("the destruction of the temple") borrow the last agent nearby.
  const lastAgent = scan.lastAgent;
  let borrowed = false;
  // ("The health ministry in Tripoli said 35 people had been killed": a toll a voice reports is its
  // count, not the last doer's act; it joins the attack it counts when the graph merges them)
  const reportedToll = t.type === 'killing' && t.passive && sayingBetween(scan, s.start, tStart);
  if (agents.length === 0 && !subject && !voiced && !roles.supporting && !reportedToll && !pronounSubject && lastAgent && lastAgent.sentence >= s.index - 2 && !view.actors.some(isArmedNonState)) {
    const a = lastAgent.m;
    // "the group retreated after coming under attack": who comes under an act is hit by it, not its doer
    if (t.pos === 'noun' && UNDER_ACT.test(scan.text.slice(Math.max(s.start, tStart - 30), tStart))) borrowed = true;
    // "a car bomb exploded", "a truce between ...": an indefinite bombing or a new truce is nobody's
    // yet (bombs go unclaimed, truces have two sides); "an air strike hit" still has the doer of the
    // strikes just reported
    else if (t.pos === 'noun' && (t.type === 'explosion' || !VIOLENT.has(t.type)) && INDEFINITE_BEFORE.test(scan.text.slice(Math.max(s.start, tStart - 30), tStart))) borrowed = false;
    else if (!roles.targets.some((x) => x.key === a.key)) {
      agents = [a];
      borrowed = true;
    }
  }
  // "85 Syrian army troops were killed as IS advanced": the victims an attack's toll names are its target
  if (roles.targets.length === 0 && ATTACKS.has(t.type) && agents.length > 0) roles.targets.push(...victimsOf(scan, view, figures, agents));
  // "120 soldiers and pro-regime militiamen and several dozen Kurdish forces were killed": every
  // side a toll names is a target of the killing
  else if (t.type === 'killing' && t.passive) for (const v of victimsOf(scan, view, figures, agents)) if (!roles.targets.some((x) => x.key === v.key)) roles.targets.push(v);
  agents = uniqueByKey(asStates(scan, agents.map((a) => headingArmy(scan, a) ?? a), stateRoleFor(t.type)));
  // the side hit in an attack is the country's forces on the ground
  const targets = uniqueByKey(asStates(scan, roles.targets, VIOLENT.has(t.type) ? 'army' : 'government')).filter((x) => !agents.some((a) => a.key === x.key || sameState(a, x)));
  // "Russia denied responsibility for the air strikes on Idlib": the strikes happened; who did them is what is denied
  const disowned = DISOWNED.test(s.text.slice(Math.max(0, t.start - 60), t.start));
  // (the one who denies, named before, is not its agent; "by X" after the act still is)
  if (disowned) agents = agents.filter((a) => a.start >= tEnd);
  // "shells fired on al-Midan, al-Hamadaniah, New Aleppo and al-Muhafaza neighborhoods": a toll of
  // an act at a list of places is their sum, no one place's (each is reported on its own)
  const listed = !!place && placeList(scan, view, place);
  const ev = newEvent(scan.doc, view, t, agents, targets, place, listed ? [] : figures);
  if (listed) for (const f of figures) if (!ev.figures.includes(f.text)) ev.figures.push(f.text);
  // "the air force conducted strikes", "air force bombardment", "Russian jets killed 12": an
  // attack or a killing whose every doer is an air force is an air strike, whatever word the
  // report uses (aircraft do not fight on the ground)
  if (AIR_RETYPED.has(ev.type) && agents.length > 0 && agents.every(isAirForce)) {
    retype(ev, scan.ctx.triggers, 'airstrike');
    delete ev.generic;
  }
  if (disowned) ev.modality = 'asserted';
  if (ev.places.length === 0 && ev.agents.length === 0) return undefined;
  ev.sources = keysOf(uniqueByKey(asStates(scan, view.sources, 'government')));
  const bonds = borrowed || ev.modality === 'denied' || ev.modality === 'planned' ? [] : bondsOf(scan, view, t, roles, agents, targets);
  if (bonds.length) ev.bonds = bonds;
  // a group named by a common noun is no antecedent: the next "terrorists" may be its victims
  if (agents[0] && !agents[0].key.startsWith(UNNAMED)) scan.lastAgent = { m: agents[0], sentence: s.index };
  return ev;
}

const BESIDE_STATE = /^\s*(?:\S+\s+){0,2}?(?:alongside|together\s+with|along\s+with|in\s+(?:cooperation|coordination)\s+with)\s+(?:the\s+)?([\p{L}-]+)\s+([\p{L}-]+)/iu;

/** The story's state army, named by a state word and a force word after an ally word right after the act ("alongside pro-government units"). */
function stateBeside(scan: EventScan, view: SentenceView, tEnd: number): EntityMention | undefined {
  const m = BESIDE_STATE.exec(scan.text.slice(tEnd, view.s.end));
  const lists = scan.ctx.triggers.lists;
  if (!m || !scan.home || !lists.get('stateModifiers')?.test(m[1]!) || !lists.get('forces')?.test(m[2]!)) return undefined;
  const ref = scan.ctx.stateOf?.(scan.home, 'army');
  const start = tEnd + m.index + m[0].lastIndexOf(m[1]!);
  return ref ? stateMention(scan, ref, view.s.index, start, tEnd + m.index + m[0].length) : undefined;
}

// A guessed name ending in a force word, then the common noun phrase it opens: "Raqqa Army units
// carried out", "Deir Ezzor Units of the army killed" (a report's heading run into its first words)
const HEADING_FORCE = /\s(?:Army|Units|Forces)$/;
const COMMON_FORCE_AFTER = /^\s+(?:units|forces|troops|soldiers|of\s+the\s+(?:army|armed\s+forces))\b/;

/** The story's state army for a guessed "<heading> Army units" name, which is no group of its own. */
function headingArmy(scan: EventScan, m: EntityMention): EntityMention | undefined {
  if (m.kind !== 'actor' || m.known || !HEADING_FORCE.test(m.surface) || !COMMON_FORCE_AFTER.test(scan.text.slice(m.end, m.end + 40)) || !scan.home) return undefined;
  const ref = scan.ctx.stateOf?.(scan.home, 'army');
  return ref ? stateMention(scan, ref, m.sentence, m.start, m.end) : undefined;
}

const INDEFINITE_BEFORE = /\b(?:a|an|another)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;

const PRONOUN_SUBJECT = /\b(?:when|as|after|before|while|once|until|and|but)\s+(?:they|it)\s+(?:(?:had|have|has|also|then|later|finally|eventually)\s+)?$/i;

/**
 * The sides whose dead an attack's toll counts ("85 Syrian army troops were killed", "170
 * members of government forces had died"): the armed actors named inside a figure, or the
 * story's state, rebels or militants when a figure names them by a common word. Never the agent.
 */
function victimsOf(scan: EventScan, view: SentenceView, figures: Figure[], agents: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const s = view.s;
  const agentKeys = new Set(asStates(scan, agents, 'army').map((a) => a.key));
  for (const f of figures) {
    if (f.kind !== 'killed' && f.kind !== 'wounded' && f.kind !== 'captured') continue;
    // "175 members and commanders of the Islamist militants": whose dead follows the count
    const whose = VICTIMS_OF.exec(scan.text.slice(s.start + f.end, s.end))?.[0] ?? '';
    const fEnd = s.start + f.end + whose.length;
    const named = view.actors.filter((m) => m.start >= s.start + f.start && m.end <= fEnd && isArmedOrState(m) && !view.sourceKeys.has(m.key) && !isPossessive(scan.text, m));
    for (const m of named) {
      const [state] = asStates(scan, [m], 'army');
      if (state && !agentKeys.has(state.key) && !agents.some((a) => sameState(a, state))) out.push(m);
    }
    // (the words of the figure outside the names: "120 soldiers and ... Kurdish forces" names two sides)
    let words = f.text + whose;
    for (const m of named) words = words.replace(scan.text.slice(m.start, m.end), ' ');
    if (named.length && !/\p{L}/u.test(words.replace(/\b(?:and|of|the|more|than|at|least|were|was|killed|dead|died|fighters|forces|members|\d+)\b/gi, ''))) continue;
    const lists = scan.ctx.triggers.lists;
    // ("270 soldiers", "85 troops": a state's men with no country word are the story's state's)
    if (lists.get('stateModifiers')?.test(words) || lists.get('stateTroops')?.test(words)) {
      const ref = scan.home ? scan.ctx.stateOf?.(scan.home, 'army') : undefined;
      if (ref && !agentKeys.has(ref.key) && !agents.some((a) => a.country === scan.home && GOVERNMENT_TYPES.has(String(a.type)))) out.push(stateMention(scan, ref, s.index, s.start + f.start, s.start + f.end));
      continue;
    }
    // "killed 175 militants", "16 insurgents died": a force named by a common noun is the story's group of that kind
    for (const kind of ['rebels', 'militants'] as const) {
      const m = lists.get(kind === 'rebels' ? 'rebelWords' : 'militantWords')?.exec(words);
      if (!m || agents.some((a) => a.key === unnamedKey(scan, kind))) continue;
      const g = unnamedGroup(scan, { kind, start: s.start + f.start + m.index, end: s.start + f.start + m.index + m[0].length }, s.index);
      if (g) out.push(g);
      break;
    }
  }
  return uniqueByKey(out);
}

const VICTIMS_OF = /^(?:\s+and\s+\p{L}+)?\s+(?:of|from)\s+(?:the\s+)?(?:(?!(?:in|on|at|near|during|after|before|by|with|when|as|and|or|who|which|that)(?![\p{L}-]))[\p{L}-]+(?:\s+|$)){1,4}/u;

const AIR_RETYPED: ReadonlySet<EventType> = new Set<EventType>(['battle', 'shelling', 'killing']);

/** An air force by the lexicon's role of a state force, or by its name when the lexicon gives none. */
function isAirForce(m: EntityMention): boolean {
  return m.role === 'air force' || (m.type === 'military' && /\b(?:air\s*forces?|aerospace\s+forces|air\s+arm)\b/i.test(m.label));
}

function retype(ev: EventMention, lex: TriggerLexicon, type: EventType): void {
  const d = lex.typeDefaults.get(type);
  ev.type = type;
  if (d) {
    ev.acledEventType = d.acled;
    ev.acledSubEventType = d.sub;
  }
}

const FRIENDLY_FIRE = /\b(?:mistakenly|accidentally|inadvertently|by\s+mistake|in\s+error|friendly\s+fire)\b/i;
// Acts that set their agent against their target.
const HOSTILE: ReadonlySet<EventType> = new Set<EventType>(['battle', 'capture', 'airstrike', 'shelling', 'explosion', 'killing', 'arrest']);
// "US-backed rebels", "Iranian-supported militias": the name before the hyphen stands behind the force after it.
const BACKING_WORD = /^-(?:backed|supported|sponsored|allied|armed|trained)\b/;
const BACKING_HYPHEN = /^-(?:backed|supported|sponsored|allied|armed|trained)\s+(?:[\p{L}-]+\s+){0,3}$/u;

/**
 * The alliances and hostilities the clause itself states between armed actors, for the graph's
 * ally and enemy edges: "A, backed by B, seized X" and "A fought alongside B" (ally), "A and B
 * seized X" (a joint operation, ally), "A seized X from B", "A shelled B", "clashes between A and
 * B" (enemy). "A and B clashed" leaves open which side is whose. (Plans and denials state
 * neither: the caller asks only for acts reported as done.)
 */
function bondsOf(scan: EventScan, view: SentenceView, t: TriggerMatch, roles: Roles, agents: EntityMention[], targets: EntityMention[]): SideBond[] {
  const role = stateRoleFor(t.type);
  const actorOf = (m: EntityMention) => asStates(scan, [m], role)[0];
  const out: SideBond[] = [];
  const add = (relation: SideBond['relation'], x: EntityMention | undefined, y: EntityMention | undefined) => {
    if (!x || !y || x.key === y.key || !isArmedOrState(x) || !isArmedOrState(y) || sameState(x, y)) return;
    if (view.sourceKeys.has(x.key) || view.sourceKeys.has(y.key)) return;
    if (!out.some((b) => b.relation === relation && ((b.a === x.key && b.b === y.key) || (b.a === y.key && b.b === x.key)))) out.push({ relation, a: x.key, b: y.key });
  };
  for (const pair of roles.allies ?? []) {
    // a plain "and" joins sides of one operation, not of a clash whose other side goes unnamed
    if (!pair.explicit && !(VIOLENT.has(t.type) && (t.type !== 'battle' || targets.length > 0))) continue;
    add('ally', actorOf(pair.a), actorOf(pair.b));
  }
  if (VIOLENT.has(t.type)) {
    const text = scan.text;
    for (const m of view.actors) {
      if (!BACKING_WORD.test(text.slice(m.end, m.end + 12))) continue;
      const backed = view.actors.find((o) => o.start > m.end && BACKING_HYPHEN.test(text.slice(m.end, o.start)));
      if (backed && [...agents, ...targets].some((x) => x.key === actorOf(backed)?.key)) add('ally', actorOf(m), actorOf(backed));
    }
  }
  // "mistakenly killed 18 members of" its own allies: friendly fire states no hostility
  if (FRIENDLY_FIRE.test(view.s.text)) return out;
  if (roles.opposed) add('enemy', agents[0], agents[1]);
  else if (HOSTILE.has(t.type)) for (const a of agents) for (const x of targets) add('enemy', a, x);
  return out;
}

// "denied responsibility for the", "denies any involvement in the", "denied carrying out the": a denial of who, not of what
const DISOWNED = /\bden(?:y|ies|ied|ying|ial\s+of)\s+(?:any\s+|all\s+)?(?:responsibility\s+for|involvement\s+in|(?:a\s+|any\s+)?role\s+in|carrying\s+out|being\s+behind|(?:having\s+)?conducted|launching)\s+(?:the|this|that|these|those|last\s+\w+'?s?)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** The kind of state body that does an act: forces fight and strike, governments speak and agree. */
function stateRoleFor(type: EventType): StateRole {
  return type === 'airstrike' ? 'air force' : VIOLENT.has(type) ? 'army' : 'government';
}

/**
 * A country in a role is its state: "Russia struck Idlib" is Russia's air force, "Britain said"
 * its government. The place node never takes a role; without a state actor the role is dropped.
 */
function asStates(scan: EventScan, list: EntityMention[], role: StateRole): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of list) {
    if (m.kind !== 'place') {
      out.push(m);
      continue;
    }
    const ref = m.type === 'country' && m.country ? scan.ctx.stateOf?.(m.country, role) : undefined;
    if (!ref) continue;
    out.push(stateMention(scan, ref, m.sentence, m.start, m.end));
  }
  return out;
}

/**
 * A statement: its speaker is the subject of the verb of saying ("Britain said", "France and
 * Britain called on", "Syrian Information Minister Omran Zoabi said"), or follows it ("said the
 * Russian Defense Ministry"). Media only relay; with no speaker there is no statement. One per
 * sentence: the first verb of saying with a speaker.
 */
function statementOf(scan: EventScan, view: SentenceView, t: TriggerMatch, before: Participant[], after: Participant[], tStart: number, tEnd: number, figures: Figure[], besideAct = false): EventMention | undefined {
  const s = view.s;
  if (scan.events.some((e) => e.sentence === s.index && e.type === 'statement')) return undefined;
  const text = scan.text;
  // ("quoted the minister as saying": that "as" opens no clause of its own)
  const asBefore = /\bas\s+$/i.exec(text.slice(Math.max(s.start, tStart - 8), tStart));
  const clauseStart = clauseStartOf(text, s, asBefore ? tStart - asBefore[0].length : tStart);
  const ok = (p: Participant) => p.m.type !== 'media' && !p.modifier && !p.locative && !p.relational && !NOT_SUBJECT_CUES.has(p.cue) && !isPossessive(text, p.m) && !isDemonym(p);
  const subj = before.filter((p) => p.m.start >= clauseStart && ok(p));
  let speakers: EntityMention[] = [];
  // "The IS lost 28 fighters he said", "They said IS gave up the territory": a pronoun is the
  // verb's subject; who it stands for is not named here (neither the name before nor after)
  // ("Russia, which said": a relative pronoun right after a name speaks for it)
  const pronoun = PRONOUN_SAYER.exec(text.slice(clauseStart, tStart));
  if (pronoun) {
    const at = clauseStart + pronoun.index;
    const named = /^(?:who|which)\b/i.test(pronoun[0]) ? before.find((p) => ok(p) && /^[\s,]*$/.test(text.slice(p.m.end, at))) : undefined;
    if (!named) return undefined;
    subj.splice(0, subj.length, named!);
  }
  // "Russia backed up the denials by saying ...": the speaker is the clause's subject, not the nearest name
  if (/^by\s/i.test(t.text) && subj.length) speakers = [subj[0]!.m];
  else if (subj.length) {
    // the nearest name before the verb, and those joined to it ("France and Britain said")
    let k = subj.length - 1;
    if (!SUBJECT_TO_VERB.test(text.slice(subj[k]!.m.end, tStart))) {
      // "..., said the ministry", "... in Aleppo," said X: a verb after a comma or a quote follows
      // what is said. Otherwise ("Senator John McCain a critic of Obamas Syria policy said") a name
      // followed by more words of the subject is a modifier in it: the speaker is the head of the
      // clause's opening names.
      const opening = /[,"”]\s*$/.test(text.slice(clauseStart, tStart)) ? [] : subj.filter((p) => OPENING_NAMES.test(text.slice(clauseStart, p.m.start)));
      k = opening.length ? subj.indexOf(opening[opening.length - 1]!) : -1;
    }
    speakers = k >= 0 ? [subj[k]!.m] : [];
    for (; speakers.length && k > 0 && JOINED.test(text.slice(subj[k - 1]!.m.end, subj[k]!.m.start)); k--) speakers.unshift(subj[k - 1]!.m);
  }
  // "Activists say the air force ...": a verb one word into its clause has that word as its subject
  if (!speakers.length && /^\s*\S+\s+$/.test(text.slice(clauseStart, tStart))) return undefined;
  // "an earlier statement on Thursday by Staffan de Mistura": the speaker of a noun of saying follows "by"
  if (!speakers.length && t.pos === 'noun' && after[0] && ok(after[0]) && STATEMENT_BY.test(text.slice(tEnd, after[0].m.start))) speakers = [after[0].m];
  // ("said Rami Abdel Rahman": only a verb of saying itself inverts; the name after "accused" is the accused)
  // (not when a name ends right before the verb: "the UN Commission of Inquiry on Syria said IS fighters ...")
  const named = before.some((p) => p.m.start >= clauseStart && /^\s*(?:\S+\s+)?$/.test(text.slice(p.m.end, tStart)));
  if (!speakers.length && !named && INVERTING_SAYING.test(t.text)) {
    const next = after[0];
    if (next && ok(next) && /^\s*(?:(?:on|late|early|in|a|an|the|its|\p{Ll}+day|\p{Lu}\p{Ll}+day)\s+){0,3}$/u.test(text.slice(tEnd, next.m.start))) speakers = [next.m];
  }
  // the nearest name is the speaker: a person without an office reports ("Observatory director Rami Abdel Rahman said")
  if (!speakers.length || speakers.some((m) => m.type === 'person' && !holdsOffice(scan, s, m))) return undefined;
  const agents = uniqueByKey(asStates(scan, speakers, 'government'));
  // Outside political or military talk only a state or an armed group makes news by speaking
  // (a company's statement is no event of this graph).
  // (a known international body, "the U.N. Security Council said", speaks for its members: news in a conflict article)
  // (nor does an office-holder: "Senator John McCain said", the speakers above that passed holdsOffice)
  if (!agents.length || (!agents.some(isArmedOrState) && !agents.some(isKnownBody) && !agents.some((a) => a.type === 'person') && !scan.ctx.triggers.contexts.political.test(s.text))) return undefined;
  // beside a reported act only a state body or an office-holder's word is news: a monitor's is the act's source
  if (besideAct && !agents.every((a) => a.type === 'person' || GOVERNMENT_TYPES.has(String(a.type)))) return undefined;
  const place = venueOf(scan, view) ?? speakerPlace(scan, agents) ?? placeOf(scan, view, t, tStart, tEnd);
  const ev = newEvent(scan.doc, view, t, agents, [], place, figures);
  // (a state speaks through its government and its executive: "Senator John McCain" is no voice of the US)
  const executive = scan.ctx.triggers.lists.get('executiveOffices');
  // (only the state's own government, not one of its ministries, and an executive of no named body:
  // "the Russian foreign ministry said" and "Russia said" stay two statements)
  const voiceOf = (a: EntityMention): string | undefined => {
    if (a.type === 'government') return a.country && scan.ctx.stateOf?.(a.country, 'government')?.key === a.key ? a.country : undefined;
    return a.type === 'person' && !a.parent && executive && holdsOffice(scan, s, a, executive) ? officeCountry(scan, a) : undefined;
  };
  const state = agents.length ? voiceOf(agents[0]!) : undefined;
  if (state) ev.speakerState = state;
  // the speaker is the statement's agent, not its source
  ev.sources = keysOf(uniqueByKey(asStates(scan, view.sources, 'government'))).filter((k) => !ev.agents.includes(k));
  return ev;
}

const STATEMENT_BY = /^\s*(?:(?:on|late|early|last|this|earlier|\p{Lu}\p{Ll}+day)\s+){0,3}by\s+(?:the\s+)?$/u;
// Verbs of saying that may follow what is said and precede their speaker ("..., said the ministry").
const INVERTING_SAYING = /^(?:said|says|say|added|adds|wrote|writes|stated|states|noted|notes|explained|continued|reported|reports|declared|confirmed|claimed)$/i;
// A pronoun right before a verb of saying, through auxiliaries and adverbs ("he said", "it also said",
// "a journalist who said": a relative pronoun speaks for a noun that is no named actor here).
const PRONOUN_SAYER = /\b(?:he|she|they|it|we|i|who|which)\s+(?:(?:also|had|has|have|would|later|then|further|again|previously|earlier|reportedly)\s+)*$/i;
// What may lie between a speaker's name and its verb: a title after it, auxiliaries, adverbs, the day
// ("Maria Zakharova, the ministry's spokeswoman, said", "Russia also said", "Britain on Tuesday said").
const SUBJECT_TO_VERB = /^(?:[\s,]+(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,3}?(?:spokes(?:man|woman|person)|minister|envoy|ambassador|president|secretary|leader|chief|head|director|official)(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:[\p{L}'’.-]+\s+){0,3}?[\p{L}'’.-]+)?[\s,]+|[\s,]+(?:has|have|had|also|later|then|further|again|previously|earlier|reportedly|would|on\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|yesterday|today|both|jointly|as|in\s+a\s+statement|(?:was|were|is|are)\s+(?:quoted|cited)(?:\s+as)?)\b)*[\s,]*$/u;
// Text before a name that still opens its clause's subject: titles and names, no common word ("U.S. Senator").
// (after the day it was said, if any: "On Friday the UN Commission ... said")
const OPENING_NAMES = /^[\s,]*(?:(?:[Oo]n|[Ll]ate|[Ee]arly|[Ee]arlier)\s+\p{Lu}\p{Ll}+day\s+)?(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+)*$/u;

function clauseStartOf(text: string, s: Sentence, tStart: number): number {
  let clauseStart = s.start;
  CLAUSE_BREAK.lastIndex = 0;
  const head = text.slice(s.start, tStart);
  for (let m = CLAUSE_BREAK.exec(head); m; m = CLAUSE_BREAK.exec(head)) clauseStart = Math.max(clauseStart, s.start + m.index + 1);
  return clauseStart;
}

const DEMONYM_END = /(?:an|ian|ese|i|ish|ic)$/i;

function isDemonym(p: Participant): boolean {
  return p.m.type === 'country' && DEMONYM_END.test(p.m.surface) && p.m.surface !== p.m.label;
}

/**
 * A person speaks for a body when the words around the name give an office (events.json offices:
 * "Information Minister Omran Zoabi", "Maria Zakharova, the ministry's spokeswoman"); an activist,
 * a witness or a monitor's director reports.
 */
function holdsOffice(scan: EventScan, s: Sentence, m: EntityMention, offices = scan.ctx.triggers.lists.get('offices')): boolean {
  // (the mention may hold its title: "Syrian President Bashar al-Assad")
  const around = scan.text.slice(Math.max(s.start, m.start - 40), m.end) + ' ' + scan.text.slice(m.end, Math.min(s.end, m.end + 40));
  return !!offices?.test(around);
}

/**
 * Non-state voices that the document cites for its acts (an observatory, an activist) report;
 * what they say is no statement of their own.
 */
function dropReporters(events: EventMention[], refs: Map<string, EntityMention>): EventMention[] {
  const reporters = new Set<string>();
  for (const e of events) if (e.type !== 'statement') for (const k of e.sources) reporters.add(k);
  // (a person speaks only with an office, see statementOf: "President Hollande said" is the state's word)
  const state = (k: string) => GOVERNMENT_TYPES.has(String(refs.get(k)?.type)) || refs.get(k)?.type === 'person';
  return events.filter((e) => e.type !== 'statement' || e.agents.some((k) => state(k) || !reporters.has(k)));
}

/**
 * A statement is news for this graph in an article about a conflict: one that reports an act (an
 * attack, a battle, a capture...) or talks of forces and war. A business wire's "the Finance
 * Ministry said", however official its speaker, is no event here.
 */
function conflictStatements(events: EventMention[], sentences: Sentence[], military: RegExp): EventMention[] {
  if (events.some((e) => e.type !== 'statement') || sentences.some((s) => military.test(s.text))) return events;
  return events.filter((e) => e.type !== 'statement');
}

// Words that set where a statement was made before its place: "on a visit to", "told reporters in",
// "at a news conference in", "speaking in" (up to four words of the place's own phrase between:
// "during a visit to the West Bank city of Ramallah")
const VENUE_BEFORE = /\b(?:(?:on|during|after)\s+(?:a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+)?(?:visit|trip|tour)\s+to|(?:told|telling|briefed|briefing)\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference)\s+(?:in|at)|(?:news|press)\s+conference\s+in|speaking\s+(?:in|at)|(?:a|his|her)\s+speech\s+in|(?:while|when)\s+visiting)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}$/iu;

/** The place the sentence says a statement was made at ("said on a visit to Paris"), if any. */
function venueOf(scan: EventScan, view: SentenceView): EntityMention | undefined {
  for (const p of view.places) {
    if (VENUE_BEFORE.test(scan.text.slice(Math.max(view.s.start, p.start - 70), p.start))) return p;
  }
  return undefined;
}

/** Where a state or its body speaks from: its country, when the document names it. */
function speakerPlace(scan: EventScan, agents: EntityMention[]): EntityMention | undefined {
  for (const a of agents) {
    // an office-holder speaks for the country of the office ("Syrian Information Minister Omran Zoabi")
    // (a person's own nationality is not the office's: "U.N. Secretary General Ban Ki-moon")
    const cc = GOVERNMENT_TYPES.has(String(a.type)) ? a.country : a.type === 'person' ? officeCountry(scan, a) : undefined;
    if (!cc) continue;
    for (const list of scan.bySentence.values()) for (const m of list) if (m.kind === 'place' && m.type === 'country' && m.country === cc) return m;
  }
  return undefined;
}

/** The country a demonym in the title right before a person's name gives ("French Foreign Minister Laurent Fabius"). */
function officeCountry(scan: EventScan, person: EntityMention): string | undefined {
  const title = /((?:\p{Lu}[\p{L}.-]*\s+){1,5})$/u.exec(scan.text.slice(Math.max(0, person.start - 50), person.start))?.[1];
  if (!title) return undefined;
  for (const word of title.trim().split(/\s+/)) {
    const cc = scan.ctx.countryOfDemonym?.(word);
    if (cc) return cc;
  }
  return undefined;
}

/**
 * "A war that has killed more than 290,000", "170,000 people have been killed in Syria's
 * conflict": the toll of a whole war is background, no event.
 */
function warToll(scan: EventScan, view: SentenceView, t: TriggerMatch, tStart: number, tEnd: number): boolean {
  if (t.type !== 'killing' && t.type !== 'displacement') return false;
  const wars = scan.ctx.triggers.lists.get('wars');
  if (!wars) return false;
  const text = scan.text;
  // a count since the war's start ("killed since the conflict began in 2011", "since 2011") is its running toll
  // (stated in the perfect: "have been killed since", "has since killed"; "the deadliest attack since 2014" compares)
  if (CUMULATIVE.test(view.s.text) && /\b(?:has|have)\s+(?:(?:since|been|also|now|already)\s+)*$/i.test(text.slice(Math.max(view.s.start, tStart - 40), tStart))) return true;
  const head = text.slice(Math.max(clauseStartOf(text, view.s, tStart), tStart - 120), tStart);
  const tail = /^\s+(?:\S+\s+){0,3}?(?:in|during|of|since)\s+(?:\S+\s+){0,2}?(\S+(?:\s+\S+)?)/.exec(text.slice(tEnd, Math.min(view.s.end, tEnd + 60)));
  // "the war that began in 2011 has since killed": the war is the subject of its toll
  const sentenceHead = text.slice(view.s.start, tStart);
  if (/\b(?:has|have)\s+(?:(?:since|already|now|also)\s+)*$/i.test(sentenceHead) && wars.test(sentenceHead)) return true;
  const subject = /\b(?:that|which)\s+(?:has|have|had)\b[^,;]*$/i.exec(head);
  return subject ? wars.test(head.slice(0, subject.index)) : !!tail && wars.test(tail[0]);
}

const CUMULATIVE = /\bsince\s+(?:the\s+)?(?:(?:19|20)\d\d\b|(?:start|beginning|outbreak|onset)\s+of\b|(?:\p{L}+\s+)?(?:war|conflict|uprising|crisis|revolt|revolution|fighting|unrest)\s+(?:began|started|erupted|broke\s+out)\b)/iu;

// Before a gerund, the words that make it a verb of its clause ("are fighting to", "began battling to").
const GERUND_AS_VERB = /\b(?:is|are|was|were|be|been|being|am|began|begun|begin|begins|started|starts|start|continued|continues|continue|kept|keeps|keep|stopped|resumed|resume|who|which|that|while|when|after|before|by|of|for|in|on|from|without)\s+(?:\p{L}+ly\s+)?$/iu;

/**
 * "rebels fighting to overthrow Assad", "a rebel alliance battling to take Aleppo": a gerund of
 * fighting right after its noun, with an aim, describes who a side is, not an act of the day.
 */
function describesSide(text: string, s: Sentence, t: TriggerMatch, tStart: number, tEnd: number): boolean {
  if (t.type !== 'battle' || !/^(?:fighting|battling|struggling)$/i.test(t.text)) return false;
  if (!/^\s+to\s+\p{L}+/u.test(text.slice(tEnd, tEnd + 30))) return false;
  const head = text.slice(Math.max(s.start, tStart - 40), tStart);
  return /[\p{L}]\s+$/u.test(head) && !GERUND_AS_VERB.test(head);
}

/** A mention of a state actor the text names through its country or its forces, once per span. */
function stateMention(scan: EventScan, ref: EntityRef, sentence: number, start: number, end: number): EntityMention {
  const at = `${ref.key}@${start}`;
  let sm = scan.stateMentionAt.get(at);
  if (!sm) {
    // Named by its own label: a country's name is no alias of its army ("Syria" ≠ the Syrian Arab Army).
    sm = { ...ref, surface: ref.label, sentence, start, end };
    scan.stateMentions.push(sm);
    scan.stateMentionAt.set(at, sm);
  }
  return sm;
}

const SPEAKS_AFTER = /^\s*(?:\w+\s+){0,2}(?:said|says|say|told|reported|claimed|announced|added)\b/i;
const ADJACENT_TO_NOUN = /^(?:['’]s?)?(?:\s+[\p{L}-]+){0,2}\s+$/u;
const UNNAMED = 'actor:unnamed:';
// "a number of terrorists", "dozens of rebels": the "of" of a quantity, not a preposition of place or target
const QUANTITY_OF = /\b(?:number|dozens|hundreds|thousands|scores|tens|some|many|several|most|all|group|groups)\s+of\s+(?:the\s+)?$/i;
const PATIENT_GAP = /\b(?:were|was|been|being|be|are|is|got|get|getting)\b/i;

// (a word may stand in quotes: '"terrorist" rocket attacks')
const MODIFIERS_BEFORE = /((?:["“”']?[\p{L}-]+["“”']?\s+){1,3})$/u;

/**
 * An armed actor or a country named right before an act noun, as its modifier ("Russian [bombing]
 * raids", "regime air strikes", "US drone strikes"), or whose name runs into it; not a place ("in
 * Syria air strikes") nor a possessive ("ISIL's positions").
 */
function doerBefore(scan: EventScan, view: SentenceView, tStart: number, actNoun: boolean): EntityMention | undefined {
  for (const m of view.actors) {
    if (m.start >= tStart || !isArmedOrState(m)) continue;
    // a verb form only when the name runs into it ("Russian bombing raids")
    // (a word between is a modifier of the act, not a preposition: "Iraq with air strikes" names no doer)
    if (m.end > tStart ? false : !actNoun || !/^-?\s*(?:[\p{Ll}-]+\s+)?$/u.test(scan.text.slice(m.end, tStart)) || PREPOSITION_GAP.test(scan.text.slice(m.end, tStart))) continue;
    if (LOCATIVE.has(wordBefore(scan.text, m.start, view.s.start)) || /['’]s?$/.test(m.surface) || view.sourceKeys.has(m.key)) continue;
    return m;
  }
  return undefined;
}

const PREPOSITION_WORD = /\b(?:with|in|on|of|by|for|from|after|before|during|under|against|amid|to|at|into)\b/i;
const PREPOSITION_GAP = /^\s*(?:with|in|on|of|by|for|from|after|before|during|under|against|amid|to|at|into|and|or)\s+$/i;

const DEMONYM_DOER_TYPES: ReadonlySet<EventType> = new Set<EventType>(['airstrike', 'shelling']);
const DEMONYM_BEFORE = /(?:^|[^\p{L}])(\p{Lu}[\p{L}-]+)\s+(?:[\p{Ll}-]+\s+)?$/u;

/** A demonym right before an act noun, at most one lower-case word between ("Russian air strike", "Israeli drone strike"). */
function demonymBefore(scan: EventScan, view: SentenceView, tStart: number): { country: string; start: number; end: number } | undefined {
  const from = Math.max(view.s.start, tStart - 40);
  const m = DEMONYM_BEFORE.exec(scan.text.slice(from, tStart));
  if (!m) return undefined;
  const country = scan.ctx.countryOfDemonym?.(m[1]!);
  if (!country) return undefined;
  const start = from + m.index + m[0].indexOf(m[1]!);
  return { country, start, end: start + m[1]!.length };
}

/** The side a word right before an act noun names: the story's state, rebels or militants. */
function modifierSide(scan: EventScan, view: SentenceView, tStart: number, tText = ''): 'state' | 'rebels' | 'militants' | undefined {
  // the act noun may begin with its side ("rebel fire"): its first word counts as a modifier
  const own = /^([\p{L}-]+)\s+\S/u.exec(tText)?.[1];
  // (modifiers stand after the determiner: "the Free Syrian Army condemned the massacre" has none)
  const before = (MODIFIERS_BEFORE.exec(scan.text.slice(Math.max(view.s.start, tStart - 30), tStart))?.[1] ?? '').replace(/^.*\b(?:the|a|an|its|their|this|that|these|those)\s+/i, '');
  const words = before + (own ? `${own} ` : '');
  if (!words) return undefined;
  const lists = scan.ctx.triggers.lists;
  if (lists.get('stateModifiers')?.test(words)) return 'state';
  if (lists.get('rebelModifiers')?.test(words)) return 'rebels';
  if (lists.get('militantModifiers')?.test(words)) return 'militants';
  return undefined;
}

/**
 * "rebel shelling of Aleppo", "in regime bombing": an -ing form right after a side's modifier is a
 * noun, and the modifier names its side ("the rebels shelling the city" is a verb with its subject).
 */
function gerundSide(scan: EventScan, view: SentenceView, t: TriggerMatch, tStart: number): 'state' | 'rebels' | 'militants' | undefined {
  if (t.pos !== 'verb' || !/ing$/i.test(t.text)) return undefined;
  const word = /([\p{L}-]+)\s+$/u.exec(scan.text.slice(Math.max(view.s.start, tStart - 30), tStart))?.[1];
  if (!word) return undefined;
  const lists = scan.ctx.triggers.lists;
  const whole = (name: string) => lists.get(name)?.exec(word)?.[0].length === word.length;
  return whole('stateModifiers') ? 'state' : whole('rebelModifiers') ? 'rebels' : whole('militantModifiers') ? 'militants' : undefined;
}

const NOUN_BY = /^\s+(?:\p{Ll}+ed\s+)?by\s+(?:the\s+)?/u;
const PARTICIPLE_BY = /^\s+\p{Ll}+ed\s+by\s+(?:the\s+)?/u;

interface UnnamedForce {
  /** 'air': an air force; 'rebels' or 'militants': an armed group named by a common noun; 'other': any other force. */
  kind: 'air' | 'rebels' | 'militants' | 'other';
  start: number;
  end: number;
}

/**
 * A force the clause names without a name: before an active trigger ("the air force conducted
 * airstrikes", "Kurdish forces captured", "terrorists fired rocket shells"), after "by" for a
 * passive trigger or an act noun ("rocket attacks by terrorists"), or in the trigger itself
 * ("warplanes struck").
 */
function unnamedSubject(scan: EventScan, view: SentenceView, t: TriggerMatch, tStart: number, tEnd: number): UnnamedForce | undefined {
  const text = scan.text;
  // (a participle may stand between an act noun and its "by": "rocket shells fired by terrorists";
  // a verb form so followed is a noun: "shells fired by")
  const ahead = text.slice(tEnd, Math.min(view.s.end, tEnd + 60));
  const by = t.passive || t.pos === 'noun' ? (t.pos === 'noun' ? NOUN_BY : /^\s+by\s+(?:the\s+)?/).exec(ahead) : PARTICIPLE_BY.exec(ahead);
  let from: number;
  let head: string;
  if (by) {
    from = tEnd + by[0].length;
    head = /^(?:\S+\s+){0,3}\S+/.exec(text.slice(from, view.s.end))?.[0] ?? '';
  } else {
    // a passive's subject is its patient ("terrorists were killed"): read it to make it the target
    from = clauseStartOf(text, view.s, tStart);
    head = text.slice(from, t.passive ? tStart : tEnd);
  }
  const lists = scan.ctx.triggers.lists;
  const at = (name: string): { start: number; end: number } | undefined => {
    const m = lists.get(name)?.exec(head);
    if (!m) return undefined;
    const start = from + m.index;
    const end = start + m[0].length;
    // after a preposition it is no subject: "attacks on rebels", "fighting against militants"
    if (!by && NOT_SUBJECT_CUES.has(wordBefore(text, start, view.s.start)) && !QUANTITY_OF.test(text.slice(Math.max(view.s.start, start - 30), start))) return undefined;
    // "opposition fighters said a car bomb exploded": a voice of the report
    if (SPEAKS_AFTER.test(text.slice(end, Math.min(view.s.end, end + 40)))) return undefined;
    // an act noun far from the noun phrase is not its act ("the jihadists have not moved ... for fear of air strikes")
    // (nor across a preposition: "killed 20 militants in an offensive" is not the militants' offensive)
    if (!by && t.pos === 'noun' && end <= tStart && (!ADJACENT_TO_NOUN.test(text.slice(end, tStart)) || PREPOSITION_WORD.test(text.slice(end, tStart)))) return undefined;
    return { start, end };
  };
  const air = at('airForces');
  if (air) return { kind: 'air', ...air };
  // the subject is the first force of the clause: "troops killed 20 militants" is not the militants' act
  let first: UnnamedForce | undefined;
  for (const kind of ['rebels', 'militants', 'other'] as const) {
    const span = at(kind === 'rebels' ? 'rebelWords' : kind === 'militants' ? 'militantWords' : 'forces');
    if (span && (!first || span.start < first.start)) first = { kind, ...span };
  }
  return first;
}

const OBJECT_CUE = /\b(\p{L}+)\s+(?:(?:the|its|their|some|several|dozens\s+of|hundreds\s+of)\s+)?$/u;
const OBJECT_CUE_ADJECTIVE = /\b(\p{L}+)\s+(?:(?:the|its|their|some|several|dozens\s+of|hundreds\s+of)\s+)?[\p{L}-]+\s+$/u;

/** A rebel or militant force named by a common noun after the act's target word ("from insurgents"), in its clause. */
function unnamedObject(scan: EventScan, view: SentenceView, t: TriggerMatch, tEnd: number): UnnamedForce | undefined {
  const cues = TARGET_CUES[t.type];
  if (!cues?.length) return undefined;
  const text = scan.text;
  const clause = /^[^;:]*?(?=[;:]|,\s*(?:which|who|but|while|as|after|before)\b|\b(?:while|after|before|when|because|although|said|says|according)\b|$)/i.exec(text.slice(tEnd, view.s.end))?.[0] ?? '';
  const lists = scan.ctx.triggers.lists;
  for (const kind of ['rebels', 'militants'] as const) {
    const re = lists.get(kind === 'rebels' ? 'rebelWords' : 'militantWords');
    if (!re) continue;
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = global.exec(clause); m; m = global.exec(clause)) {
      const start = tEnd + m.index;
      const before = text.slice(Math.max(view.s.start, start - 40), start);
      // the cue right before the noun, or before one adjective ("from Islamist insurgents")
      const cue = OBJECT_CUE.exec(before)?.[1] ?? OBJECT_CUE_ADJECTIVE.exec(before)?.[1];
      if (cue && cues.includes(cue.toLowerCase())) return { kind, start, end: start + m[0].length };
      if (m[0].length === 0) global.lastIndex++;
    }
  }
  return undefined;
}

/** A force word that names a state's own army ("army", "troops": the lexicon's stateModifiers and stateTroops) with no name or country word before it. */
function homeArmyWord(scan: EventScan, view: SentenceView, force: UnnamedForce): boolean {
  const word = scan.text.slice(force.start, force.end);
  // ("troops withdrew", "soldiers advanced": a state's men with no country word, as in a toll)
  const lists = scan.ctx.triggers.lists;
  if (!lists.get('stateModifiers')?.test(word) && !lists.get('stateTroops')?.test(word)) return false;
  // "Kurdish army", "Free Syrian Army": a name or a country word before it is someone else's
  if (/\p{Lu}/u.test(word.slice(1)) || view.actors.some((m) => m.start <= force.start && m.end >= force.end)) return false;
  // (a capitalised word right before it is a name's or a demonym's, unless it is a place: a dateline "Raqqa Army units")
  const before = /(\S+)\s+$/u.exec(scan.text.slice(Math.max(view.s.start, force.start - 30), force.start));
  if (before && /^\p{Lu}/u.test(before[1]!) && !/^(?:The|Its|Their|An?|Another|Some)$/.test(before[1]!)) {
    const at = force.start - before[0].length;
    if (![...view.places, ...view.countriesHere].some((m) => m.start <= at && m.end >= at + before[1]!.length)) return false;
  }
  return true;
}

// Between two places of a list: a comma, "and", or nothing where the text lost its commas.
const LIST_GAP = /^\s*(?:,\s*)?(?:(?:and|or)\s+)?$/;

/** The place is one of a list of places of the sentence ("on A, B and C neighborhoods"). */
function placeList(scan: EventScan, view: SentenceView, place: EntityMention): boolean {
  // (one name inside another is one place: "al-Midan" holds "Midan")
  const places = view.places.filter((p) => !view.places.some((o) => o !== p && o.start <= p.start && o.end >= p.end && o.end - o.start > p.end - p.start));
  let at = places.findIndex((p) => p.start <= place.start && p.end >= place.end);
  if (at < 0) at = places.findIndex((p) => p.key === place.key);
  if (at < 0) return false;
  const joined = (a: EntityMention, b: EntityMention) => SPECIFICITY(a) === SPECIFICITY(b) && LIST_GAP.test(scan.text.slice(a.end, b.start));
  return (at > 0 && joined(places[at - 1]!, places[at]!)) || (at + 1 < places.length && joined(places[at]!, places[at + 1]!));
}

// "was behind it", "were responsible for the attack" (the act just named)
const BEHIND_IT = /^['’]?s?\s*(?:[\p{Ll}-]+\s+)?(?:was|were|is|are|had\s+been|has\s+been)\s+(?:behind|responsible\s+for)\s+(?:it|this|that|them|the\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|massacres?|strikes?|bombings?|shelling|killings?))\b/iu;

/** The actor the rest of the sentence says is behind the act ("and that X was behind it"), as the forces that did it. */
function behindIt(scan: EventScan, view: SentenceView, tEnd: number): EntityMention | undefined {
  for (const m of view.actors) {
    if (m.start < tEnd || view.sourceKeys.has(m.key)) continue;
    const said = BEHIND_IT.exec(scan.text.slice(m.end, Math.min(view.s.end, m.end + 80)));
    if (!said) continue;
    // (in the act's sentence part: no clause break but "and" between)
    if (/[;:]/.test(scan.text.slice(tEnd, m.start)) || m.start - tEnd > 120) return undefined;
    return m.kind === 'actor' && (isArmedOrState(m) || m.type === 'person') ? forcesOf(scan, view.s, m, false, m.start, m.end + said[0].length) : asStates(scan, [m], 'army')[0];
  }
  return undefined;
}

const OPENING_PHRASE = /^\W*(?:after|following|despite|amid|during)\s+(?:[\p{L}\d-]+\s+){0,4}$/iu;

/**
 * The subject of the main clause after an act noun in the sentence's opening phrase ("After a
 * siege[,] rebels took X"): a name right after it, or the story's rebels, militants or army named
 * by a common noun.
 */
function frontedSubject(scan: EventScan, view: SentenceView, tStart: number, tEnd: number): EntityMention | undefined {
  const text = scan.text;
  if (!OPENING_PHRASE.test(text.slice(view.s.start, tStart))) return undefined;
  const named = view.actors.find((m) => m.start >= tEnd && /^[\s,]*(?:the\s+)?$/i.test(text.slice(tEnd, m.start)));
  if (named) return named.kind === 'actor' && isArmedOrState(named) && !view.sourceKeys.has(named.key) ? named : undefined;
  const next = /^[\s,]*(?:the\s+)?/i.exec(text.slice(tEnd, view.s.end))!;
  const from = tEnd + next[0].length;
  const head = /^[\p{L}-]+(?:\s+[\p{L}-]+)?/u.exec(text.slice(from, view.s.end))?.[0] ?? '';
  const lists = scan.ctx.triggers.lists;
  for (const kind of ['rebels', 'militants'] as const) {
    const m = lists.get(kind === 'rebels' ? 'rebelWords' : 'militantWords')?.exec(head);
    if (m?.index === 0) return unnamedGroup(scan, { kind, start: from, end: from + m[0].length }, view.s.index);
  }
  const army = lists.get('stateTroops')?.exec(head) ?? lists.get('stateModifiers')?.exec(head);
  if (army?.index === 0 && scan.home) {
    const ref = scan.ctx.stateOf?.(scan.home, 'army');
    return ref ? stateMention(scan, ref, view.s.index, from, from + army[0].length) : undefined;
  }
  return undefined;
}

const UNDER_ACT = /\b(?:came|come|comes|coming|been|was|were|is|are)\s+under\s+(?:(?:heavy|fierce|intense|renewed|an?|the)\s+){0,2}$/i;
// "the group", "the jihadist group" (a lower-case word: "the Stop the War group" is a name) right before the act
const GROUP_ANAPHOR = /\b(?:the|this)\s+(?:\p{Ll}[\p{L}-]*\s+)?group\s+(?:(?:has|had|have|was|were|is|also|then|later|\p{Ll}+ly)\s+){0,2}$/u;

/** The armed group named last before a definite "the group" that is the subject of an act, in this sentence or the two before. */
function groupAntecedent(scan: EventScan, view: SentenceView, tStart: number): EntityMention | undefined {
  const head = scan.text.slice(clauseStartOf(scan.text, view.s, tStart), tStart);
  const anaphor = GROUP_ANAPHOR.exec(head);
  if (!anaphor) return undefined;
  const at = tStart - head.length + anaphor.index;
  for (let k = view.s.index; k >= Math.max(0, view.s.index - 2); k--) {
    const list = (scan.bySentence.get(k) ?? []).filter((m) => m.end <= at && m.kind === 'actor' && m.type === 'armed group' && !view.sourceKeys.has(m.key));
    if (list.length) return list[list.length - 1];
  }
  return undefined;
}

// "after" and at most a determiner and a few words ("the remaining units of") before the side
const AFTER_SIDE = /^\s*(?:[\p{L}\d'’-]+\s+){0,12}?after\s+(?:(?:the|its|their)\s+)?(?:[\p{L}-]+\s+){0,4}?$/iu;

/**
 * The armed actor that withdrew in the "after" clause of a capture ("took full control of Manbij
 * after Daesh retreated", "retook the city after IS fighters withdrew"): the side that lost it.
 */
function withdrewAfter(scan: EventScan, view: SentenceView, t: TriggerMatch, tEnd: number): EntityMention | undefined {
  const text = scan.text;
  for (const m of view.actors) {
    if (m.start < tEnd || !isArmedOrState(m) || view.sourceKeys.has(m.key)) continue;
    if (!AFTER_SIDE.test(text.slice(tEnd, m.start))) continue;
    // the act right after the name (within a few words) is a withdrawal
    // (read from the name on: a verb needs its subject to be read as an act)
    const rest = text.slice(m.start, Math.min(view.s.end, m.end + 40));
    const next = findTriggers(rest, scan.ctx.triggers).find((x) => x.start >= m.end - m.start);
    if (next?.type === 'withdrawal' && /^\s*(?:[\p{L}-]+\s+){0,2}$/u.test(rest.slice(m.end - m.start, next.start)) && !next.negated) return m;
    return undefined;
  }
  return undefined;
}

const HELD_GAP = /^\s*(?:(?!\p{L}+ing\b)[\p{L}'’]+\s+){0,6}$/u;
const HELD_BY_WORD = /(?<![\p{L}-])([\p{L}]+(?:-[\p{L}]+)?)-(?:held|controlled|occupied|run)\b/giu;

/**
 * The side a common word before "-held" names ("regime-held", "rebel-held", "militant-held") in
 * the clause of an attack: after an active trigger (what it hits), before a passive one (its
 * subject: "rebel-held districts were shelled").
 */
function commonHolder(scan: EventScan, view: SentenceView, t: TriggerMatch, tStart: number, tEnd: number): 'state' | UnnamedForce | undefined {
  const text = scan.text;
  const from = t.passive ? clauseStartOf(text, view.s, tStart) : tEnd;
  // (a participle clause is another act: "took Ramussa, linking up with opposition-held districts")
  const span = t.passive ? text.slice(from, tStart) : (/^[^;:]*?(?=[;:]|,\s*(?:which|who|but|while|as|after|before|\p{L}+ing)\b|\b(?:while|after|before|when|because|although|said|says|according)\b|$)/iu.exec(text.slice(tEnd, view.s.end))?.[0] ?? '');
  const lists = scan.ctx.triggers.lists;
  HELD_BY_WORD.lastIndex = 0;
  for (let m = HELD_BY_WORD.exec(span); m; m = HELD_BY_WORD.exec(span)) {
    const word = m[1]!;
    const start = from + m.index;
    const end = start + word.length;
    // the ground the act is for, a few words on, not past another verb ("rebels took Ramussa on
    // August 6 linking up with opposition-held districts", in a text without commas)
    if (!t.passive && !HELD_GAP.test(text.slice(tEnd, start))) continue;
    if (lists.get('stateModifiers')?.test(word)) return 'state';
    if (lists.get('rebelModifiers')?.test(word)) return { kind: 'rebels', start, end };
    if (lists.get('militantModifiers')?.test(word)) return { kind: 'militants', start, end };
  }
  return undefined;
}

/**
 * The armed group a common noun names in a country's story ("rebels", "terrorists"): one actor
 * per country and kind, named by each surface the texts give it.
 */
function unnamedGroup(scan: EventScan, force: UnnamedForce, sentence: number): EntityMention | undefined {
  const cc = scan.home;
  if (!cc || (force.kind !== 'rebels' && force.kind !== 'militants')) return undefined;
  const country = scan.ctx.countryName?.(cc) ?? cc;
  const ref: EntityRef = { key: unnamedKey(scan, force.kind), kind: 'actor', type: 'armed group', label: `${force.kind === 'rebels' ? 'Rebels' : 'Militants'} (${country})`, country: cc };
  const m = stateMention(scan, ref, sentence, force.start, force.end);
  m.surface = scan.text.slice(force.start, force.end);
  return m;
}

/** The key of the group a common noun of this kind names in the story's country. */
function unnamedKey(scan: EventScan, kind: UnnamedForce['kind']): string {
  return `${UNNAMED}${kind}:${(scan.home ?? '').toLowerCase()}`;
}

/** Two bodies of one state (its air force and its army): one side, never agent and target of one act. */
function sameState(a: EntityMention, b: EntityMention): boolean {
  return !!a.country && a.country === b.country && GOVERNMENT_TYPES.has(String(a.type)) && GOVERNMENT_TYPES.has(String(b.type));
}

function isKnownBody(a: EntityMention): boolean {
  return a.type === 'organization' && !!a.known;
}

function isArmedOrState(a: EntityMention): boolean {
  return ARMED.has(String(a.type));
}

function isArmedNonState(a: EntityMention): boolean {
  return ARMED.has(String(a.type)) && a.type !== 'country';
}

/** The actors before and after the trigger, each with the word before it. */
function splitParticipants(text: string, s: Sentence, actors: EntityMention[], tStart: number, tEnd: number, before: Participant[], after: Participant[]): void {
  const endBefore = new Map<string, number>();
  let previous: Participant | undefined;
  for (const a of actors) {
    // A second name of one actor right after the first ("the Islamic State (ISIS)") adds nothing;
    // named again further on ("battling Daesh ... after Daesh retreated") it is the nearer clause's.
    const seen = endBefore.get(a.key);
    if (a.end <= tStart && seen !== undefined && /^[\s,(]*$/.test(text.slice(seen, a.start))) continue;
    if (a.end <= tStart) endBefore.set(a.key, a.end);
    const cue = wordBefore(text, a.start, s.start);
    // "in Syria and Iraq": a country joined to a place of the clause is a place too
    const joinedToPlace = !!previous?.locative && previous.m.end <= a.start && /^\s*(?:,|,?\s*(?:and|or))\s*$/.test(text.slice(previous.m.end, a.start));
    const locative = a.kind === 'place' && (LOCATIVE.has(cue) || joinedToPlace || /,\s*$/.test(text.slice(Math.max(s.start, a.start - 3), a.start)));
    const p: Participant = { m: a, cue, modifier: /^-\p{L}/u.test(text.slice(a.end, a.end + 2)), locative };
    if ((a.kind === 'actor' || a.type === 'country') && (RELATIONAL_AFTER.test(text.slice(a.end, a.end + 40)) || RELATIONAL_BEFORE.test(text.slice(Math.max(s.start, a.start - 30), a.start)))) p.relational = true;
    previous = p;
    if (a.end <= tStart) before.push(p);
    else if (a.start >= tEnd) after.push(p);
    else before.push(p); // the trigger is inside the name ("Russian airstrikes")
  }
}

// (a compass word before a country is part of the place: "in northeast Syria", "north-western Syria")
const COMPASS = ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'];
const LOCATIVE: ReadonlySet<string> = new Set([
  ...['in', 'inside', 'across', 'throughout', 'at', 'near', 'around', 'within', 'into', 'central'],
  ...COMPASS,
  ...COMPASS.map((w) => `${w}ern`),
  ...COMPASS.filter((w) => w.length > 5).flatMap((w) => [`${w.slice(0, 5)}-${w.slice(5)}`, `${w.slice(0, 5)}-${w.slice(5)}ern`]),
]);

/** Who can be hit in this event: in a violent one forces, groups, states; never a source. */
function canBeTarget(p: Participant, t: TriggerMatch, sourceKeys: Set<string>): boolean {
  // "in Syria", "across Iraq": a country after a preposition of place is where, not who
  if (p.locative) return false;
  // "a Britain-based monitor", "US-led coalition": the name modifies the noun that follows
  if (p.modifier || p.relational) return false;
  return !sourceKeys.has(p.m.key) && (VIOLENT.has(t.type) && !UNARMED_MOVES.has(t.type) ? ARMED.has(String(p.m.type)) || t.type === 'killing' : p.m.type !== 'media');
}
// Moves that unarmed bodies make too: "UN inspectors arrived in Damascus", "the envoy was dispatched to".
const UNARMED_MOVES: ReadonlySet<EventType> = new Set<EventType>(['deployment']);

/**
 * Who can act: as for a target, but a possessive is no subject ("Syria’s Dara’a province",
 * "ISIL’s positions"), and a demonym alone ("Russian support") names no actor.
 */
function canAct(text: string, p: Participant, t: TriggerMatch, sourceKeys: Set<string>): boolean {
  return (
    canBeTarget(p, t, sourceKeys) &&
    !isPossessive(text, p.m) &&
    !isDemonym(p)
  );
}

// "Palmyra was captured by ISIL from the army"
function passiveRoles(text: string, t: TriggerMatch, view: SentenceView, before: Participant[], after: Participant[]): Roles {
  const keys = view.sourceKeys;
  const agents: EntityMention[] = [];
  const allies: NonNullable<Roles['allies']> = [];
  for (const p of after) {
    if (!canAct(text, p, t, keys)) continue;
    if (p.cue === 'by') agents.push(p.m);
    // "by the army and its allies"
    else if (agents.length && BY_JOINED.test(text.slice(agents[agents.length - 1]!.end, p.m.start))) {
      allies.push({ a: agents[0]!, b: p.m, explicit: ALLY_WORD.test(text.slice(agents[agents.length - 1]!.end, p.m.start)) });
      agents.push(p.m);
    }
  }
  let targets: EntityMention[] = [];
  if (t.type === 'capture') {
    for (const p of after) if (p.cue === 'from' && canBeTarget(p, t, keys)) targets.push(p.m);
    targets.push(...heldBy(text, t, view, [...before, ...after], agents, targets));
  } else {
    const last = before.filter((p) => canBeTarget(p, t, keys)).pop();
    if (last) targets.push(last.m);
  }
  return { agents, targets, allies };
}

// "Palmyra fell to ISIL": the gainer follows "to".
function fallRoles(text: string, t: TriggerMatch, view: SentenceView, after: Participant[]): Roles {
  const agents: EntityMention[] = [];
  for (const p of after) if (p.cue === 'to' && canAct(text, p, t, view.sourceKeys)) agents.push(p.m);
  return { agents, targets: [] };
}

// (a verb of saying opens the clause it reports: "a channel run by Hezbollah reported that the army had taken")
const CLAUSE_BREAK = /[;:]|,\s*(?:which|who|but)\b|\b(?:while|after|before|when|because|although|though|since|until|as)\s|\b(?:said|says|reported|reports|announced|claimed|stated|added|confirmed)\s+that\s/g;
const NOT_SUBJECT_CUES: ReadonlySet<string> = new Set(['from', 'against', 'with', 'on', 'of', 'to', 'at', 'in', 'near', 'over', 'targeting']);

function activeRoles(text: string, t: TriggerMatch, view: SentenceView, before: Participant[], after: Participant[], tStart: number, tEnd: number): Roles {
  const keys = view.sourceKeys;
  const allies: NonNullable<Roles['allies']> = [];
  let agents = subjectOf(text, t, view, before, tStart, allies);
  // "Iraqi troops advanced, supported by air strikes from the coalition": the subject is who the
  // act supports; its doer is named after it, or not at all
  const supported = t.pos === 'noun' && SUPPORTED_BY.test(text.slice(Math.max(view.s.start, tStart - 60), tStart)) ? agents : [];
  if (supported.length) {
    agents = [];
    allies.length = 0;
  }
  const targetCues = TARGET_CUES[t.type] ?? [];
  let targets: EntityMention[] = [];
  // "IS fighters were killed in air strikes by the coalition", "hideouts of ISIS were hit in
  // army airstrikes": the subject of a passive before a strike noun is what the strike hit
  // (not so for a fight: "40 IS fighters were killed in the offensive" may be the attackers)
  if (t.pos === 'noun' && STRIKES.has(t.type)) {
    const clauseStart = clauseStartOf(text, view.s, tStart);
    const hit = before.filter((p) => p.m.start >= clauseStart && p.m.end <= tStart && canBeTarget(p, t, keys) && PASSIVE_BEFORE_ACT.test(text.slice(p.m.end, tStart)));
    if (hit.length) {
      targets = hit.map((p) => p.m);
      agents = agents.filter((a) => !targets.includes(a));
      allies.length = 0;
    }
  }
  let byAgent: Participant | undefined;
  let supportedEnd: number | undefined;
  for (const p of after) {
    // "fighting alongside pro-government units": a side of the act, with its subject
    if (agents.length && COAGENT_BEFORE.test(text.slice(Math.max(view.s.start, p.m.start - 25), p.m.start)) && canAct(text, p, t, keys) && !/[,;:]/.test(text.slice(tEnd, p.m.start))) {
      allies.push({ a: agents[0]!, b: p.m, explicit: true });
      agents = [...agents, p.m];
      continue;
    }
    // "captured Palmyra, held by Islamic State since May": the holder is the side that lost it
    if (t.type === 'capture' && HELD_BY.test(text.slice(Math.max(view.s.start, p.m.start - 40), p.m.start)) && canBeTarget({ ...p, modifier: false }, t, keys)) {
      targets.push(p.m);
      continue;
    }
    // "attacks on positions held by Islamic State": a military site's holder is what the attack hits
    if (ATTACKS.has(t.type) && SITE_HELD_BY.test(text.slice(Math.max(view.s.start, p.m.start - 60), p.m.start)) && canBeTarget({ ...p, modifier: false }, t, keys) && !/[;:]/.test(text.slice(tEnd, p.m.start))) {
      targets.push(p.m);
      continue;
    }
    // "bombed villages held by Islamic State": the "by" of a holder, not of the act
    if (p.cue === 'by' && HELD_BY.test(text.slice(Math.max(view.s.start, p.m.start - 40), p.m.start))) continue;
    // "rocket attacks by terrorists", "under siege by regime forces": "by" after the act names its
    // agent; so does "from" right after a strike noun ("air strikes from the coalition", "rockets
    // from Hezbollah"), where it names no loser
    if (p.cue === 'by' || (p.cue === 'from' && t.pos === 'noun' && STRIKES.has(t.type) && STRIKE_FROM.test(text.slice(tEnd, p.m.start)))) {
      if (!agents.length && canAct(text, p, t, keys) && !/[,;:]/.test(text.slice(tEnd, p.m.start))) {
        agents = [p.m];
        byAgent = p;
      }
      continue;
    }
    // "bombardment by Syrian regime and Russian warplanes": the names joined to the agent after "by" act with it
    if (byAgent && agents.includes(byAgent.m) && canAct(text, p, t, keys) && BY_JOINED.test(text.slice(agents[agents.length - 1]!.end, p.m.start))) {
      allies.push({ a: agents[0]!, b: p.m, explicit: ALLY_WORD.test(text.slice(agents[agents.length - 1]!.end, p.m.start)) });
      agents = [...agents, p.m];
      continue;
    }
    // "in cooperation with X", "backed by X", "in support of X's forces": a side's ally, never its target
    // (nor what stands in apposition to it: "backing for the SDF, an Arab-Kurdish alliance")
    if (ALLY_BEFORE.test(text.slice(Math.max(view.s.start, p.m.start - 30), p.m.start)) || SUPPORT_OF.test(text.slice(tEnd, p.m.start)) || (supportedEnd !== undefined && APPOSITION.test(text.slice(supportedEnd, p.m.start)))) {
      if (agents[0] && canAct(text, p, t, keys) && !/[;:]/.test(text.slice(tEnd, p.m.start))) allies.push({ a: agents[0], b: p.m, explicit: true });
      supportedEnd = p.m.end;
      continue;
    }
    // ("areas of Syria's Aleppo": a country's possessive names a place's country, no side; an object
    // close by, not past a clause word: "a massacre near Damascus and that the Bashar regime")
    if (p.m.kind === 'place' && isPossessive(text, p.m)) continue;
    // ("after the bombardment, accusing the forces loyal to Assad": who is blamed is not who was hit,
    // nor who "was behind it")
    if (ACCUSATION_BEFORE.test(text.slice(Math.max(tEnd, p.m.start - 40), p.m.start)) || BEHIND_IT.test(text.slice(p.m.end, Math.min(view.s.end, p.m.end + 80)))) continue;
    const near = OBJECT_TARGET.has(t.type) && p.m.start - tEnd < 30 && !CLAUSE_GAP.test(text.slice(tEnd, p.m.start));
    if (canBeTarget(p, t, keys) && (targetCues.includes(p.cue) || near || objectOfAttack(text, t, view, p, tEnd))) targets.push(p.m);
  }
  if (t.type === 'capture') targets.push(...heldBy(text, t, view, [...before, ...after], agents, targets));
  // "clashes between A and B": both sides act (two sides: "an assault on an army barracks ... military
  // vehicles" names one side twice, the side attacked)
  if (t.type === 'battle' && agents.length === 0 && targets.length >= 2 && !supported.length && targets[0]!.key !== targets[1]!.key && !sameState(targets[0]!, targets[1]!)) {
    return { agents: targets.slice(0, 2), targets: [], opposed: true };
  }
  if (supported.length) {
    if (agents[0]) allies.push({ a: agents[0], b: supported[0]!, explicit: true });
    return { agents, targets: targets.filter((x) => !supported.some((m) => m.key === x.key)), allies, supporting: true };
  }
  return { agents, targets, allies };
}

// An apposition right after a name: "the SDF, an Arab-Kurdish alliance", "X the rebel group"
const APPOSITION = /^[\s,]*(?:an?|the)\s+(?:\p{L}+-)?$/u;
const SUPPORT_PARTICIPLE = /\b(?:supported|backed|aided|assisted|covered|helped|accompanied)\s+by\b/i;
// A participle of support right before the act noun it governs ("supported by heavy air strikes").
const SUPPORTED_BY = /\b(?:supported|backed|aided|assisted|covered|helped|accompanied)\s+by\s+(?:(?:the|an?|its|their|heavy|intense|fresh|massive)\s+)*(?:[\p{Ll}-]+\s+){0,2}$/u;

const STRIKE_FROM = /^\s+from\s+(?:the\s+)?$/i;
const CLAUSE_GAP = /[,;:]|\b(?:that|which|who|whose|while|but|because|although|since|until|when)\b/i;

// A passive verb, then the preposition that introduces the act that did it ("were killed in", "was hit by").
// (the name heads the passive's subject: at most two words between, "ISIS terrorists were", "IS fighters have been")
const PASSIVE_BEFORE_ACT = /^(?:['’]s?)?(?:\s+[\p{L}-]+){0,2}?\s+(?:was|were|been|being|is|are|got|get)\s+(?:[\p{L}-]+\s+){1,4}?(?:in|by|during|under|amid)\s+(?:[\p{L}"“”'-]+\s+){0,3}$/iu;

// "held by", "controlled by", "under the control of", "stronghold of": the side that holds a place
const HELD_BY = /\b(?:(?:held|controlled|occupied|run|besieged)\s+by|(?:control|hands|grip)\s+of|stronghold\s+of|bastion\s+of)\s+(?:the\s+)?$/i;
const SITE_HELD_BY = /\b(?:positions?|posts?|bases?|headquarters|bunkers?|checkpoints?|fortifications?|hideouts?|strongholds?|barracks|outposts?)\s+(?:(?:held|controlled|occupied|run|manned)\s+by|of)\s+(?:the\s+)?$/i;
const HOLDER_HYPHEN = /^-(?:held|controlled|occupied|run)\b/;

/** "captured the IS-held town": an armed name that modifies "-held" is the side that lost the place. */
function heldBy(text: string, t: TriggerMatch, view: SentenceView, participants: Participant[], agents: EntityMention[], targets: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const p of participants) {
    if (!p.modifier || !HOLDER_HYPHEN.test(text.slice(p.m.end, p.m.end + 12))) continue;
    if (agents.some((a) => a.key === p.m.key) || targets.some((x) => x.key === p.m.key) || !canBeTarget({ ...p, modifier: false }, t, view.sourceKeys)) continue;
    out.push(p.m);
  }
  return out;
}

const COAGENT_BEFORE = /\b(?:alongside|together\s+with|along\s+with|in\s+(?:cooperation|coordination)\s+with)\s+(?:the\s+)?$/i;
// "Hezbollah which is fighting": the subject of a relative clause is the name before the pronoun
// (through an apposition: "the SDF, an Arab-Kurdish alliance which on Friday took Manbij")
const RELATIVE = /^\s*,?\s*(?:(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}?)?,?\s*(?:which|who|that)\s+(?:(?:is|are|was|were|has|have|had|been|also|now|still)\s+|(?:on|last|this|late|early)\s+\p{L}+\s+){0,3}$/iu;
// "air strikes in support of regime leader X's forces", "to bolster X", "backing for X": the act is done for X
// (a name's particle may be glued to the rest: "in support of President Bashar al-Assads forces")
const SUPPORT_OF = /\b(?:in\s+support\s+of|to\s+(?:support|back|bolster|aid|help|assist|cover|protect)|(?:backing|support|cover)\s+(?:for|to)|on\s+behalf\s+of)\s+(?:[\p{L}-]+\s+|\p{L}+-){0,4}$/iu;
const ALLY_BEFORE = /\b(?:cooperation|coordination|together|along|alongside|help|aid|support|backing|backed|supported|aided|assisted|led|allied)\s+(?:with|of|by|to)?\s*(?:the\s+)?$/i;

/**
 * In the clause of an attack, an armed actor named after the act is what it hit: "airstrikes
 * against positions of ISIL terrorists", "advanced ... inflicting losses upon the ranks of ISIS".
 * Not past the clause (allies are left out by the caller).
 */
function objectOfAttack(text: string, t: TriggerMatch, view: SentenceView, p: Participant, tEnd: number): boolean {
  if (!ATTACKS.has(t.type) && t.type !== 'killing') return false;
  // forces only: a leader or a government named there is whose forces, not what was hit
  if (p.m.type !== 'armed group' && p.m.type !== 'military') return false;
  const gap = text.slice(tEnd, p.m.start);
  // ("advanced, supported by air strikes from the coalition": the doer of a supporting act is no target;
  // nor is a name right after another act's "by" or "from": "advanced despite shelling by the army")
  if (SUPPORT_PARTICIPLE.test(gap)) return false;
  if (view.acts.some((x) => x !== t && view.s.start + x.start >= tEnd && /^\s+(?:by|from)\s+(?:the\s+)?$/i.test(text.slice(view.s.start + x.end, p.m.start)))) return false;
  if (/[;:]|,\s*(?:which|who|but|while|as|after|before|and)\b|\b(?:while|after|before|when|because|although|as|but|since|until|that|said|says|reported|announced|claimed|according)\b/i.test(gap)) return false;
  return true;
}

// "accused government forces of gassing", "blamed the rebels for shelling": the object of the
// accusation does the act its gerund names; the accuser is a voice.
const ACCUSATION_BEFORE = /\b(?:accus|blam|charg|condemn|critici[sz]|denounc|fault)\p{L}*\s+(?:(?:the|its|their)\s+)?(?:[\p{L}-]+\s+)?$/iu;
const OF_GERUND_GAP = /^\s+(?:of|for)\s+$/i;

function accusedOf(text: string, t: TriggerMatch, view: SentenceView, before: Participant[], tStart: number): EntityMention | undefined {
  if (!/ing$/i.test(t.text)) return undefined;
  const p = before[before.length - 1];
  if (!p || p.m.end > tStart || !OF_GERUND_GAP.test(text.slice(p.m.end, tStart))) return undefined;
  if (!ACCUSATION_BEFORE.test(text.slice(Math.max(view.s.start, p.m.start - 40), p.m.start))) return undefined;
  return canAct(text, p, t, view.sourceKeys) ? p.m : undefined;
}

/**
 * The subject: the first actor of the clause before the trigger, with the actors joined to it by
 * "and", "backed by", "alongside", "with the help of"...
 */
function subjectOf(text: string, t: TriggerMatch, view: SentenceView, before: Participant[], tStart: number, allies: NonNullable<Roles['allies']> = []): EntityMention[] {
  const s = view.s;
  const accused = accusedOf(text, t, view, before, tStart);
  if (accused) return [accused];
  const clauseStart = clauseStartOf(text, s, tStart);
  const antecedent = [...before].reverse().find((p) => p.m.end <= tStart && RELATIVE.test(text.slice(p.m.end, tStart)));
  if (antecedent && canAct(text, antecedent, t, view.sourceKeys)) return [antecedent.m];
  const subj: Participant[] = [];
  for (const p of before) {
    if (p.m.start >= clauseStart && canAct(text, p, t, view.sourceKeys) && (fightersOf(text, s, p) || !NOT_SUBJECT_CUES.has(p.cue))) subj.push(p);
  }
  if (!subj.length) return [];
  const agents = [subj[0]!.m];
  for (let k = 1; k < subj.length; k++) {
    const gap = text.slice(subj[k - 1]!.m.end, subj[k]!.m.start);
    if (!JOINED.test(gap)) break;
    agents.push(subj[k]!.m);
    allies.push({ a: agents[0]!, b: subj[k]!.m, explicit: ALLY_WORD.test(gap) });
  }
  return agents;
}

// Between two names after "by": "and", "as well as", or an ally word.
const BY_JOINED = /^\s*(?:,\s*)?(?:and|as\s+well\s+as|alongside|together\s+with|along\s+with)\s+(?:(?:the|its|their)\s+)?(?:[\p{Ll}-]+\s+)?$/u;
// The words that put two actors on one side, beyond a plain "and".
const ALLY_WORD = /\b(?:alongside|together\s+with|along\s+with|with\s+the\s+help\s+of|in\s+(?:cooperation|coordination)\s+with|backed|supported|aided|assisted|allied)\b/i;

// "4,000 fighters of the ISIL captured", "fighters from al-Nusra seized": "of" or "from" after a
// word for fighters introduces the subject.
function fightersOf(text: string, s: Sentence, p: Participant): boolean {
  return (p.cue === 'of' || p.cue === 'from') && /\b(?:fighters|militants|members|troops|units|forces|soldiers|elements|jihadists|rebels|gunmen)\s+(?:of|from)\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, p.m.start - 30), p.m.start));
}

/** The most specific place of the list, the first such from its start or from its end. */
function mostSpecific(list: EntityMention[], fromEnd: boolean): EntityMention | undefined {
  let best: EntityMention | undefined;
  for (let k = 0; k < list.length; k++) {
    const p = list[fromEnd ? list.length - 1 - k : k]!;
    if (!best || SPECIFICITY(p) > SPECIFICITY(best)) best = p;
  }
  return best;
}

/**
 * Places: the most specific one in the clause after the trigger ("seized Palmyra"), then before
 * it ("Palmyra in Homs province was liberated"), then the context.
 */
function placeOf(scan: EventScan, view: SentenceView, t: TriggerMatch, tStart: number, tEnd: number): EntityMention | undefined {
  const s = view.s;
  const placeAfter: EntityMention[] = [];
  const placeBefore: EntityMention[] = [];
  for (const p of view.places) {
    if (p.start >= tEnd) placeAfter.push(p);
    if (p.end <= tStart) placeBefore.push(p);
  }
  const salientCity = scan.salientCity;
  const definiteCity = /\bthe\s+(?:\S+\s+){0,3}(?:city|town)\b/i.test(s.text.slice(t.end));
  // "arrived in the Syrian capital": a move's place is where it goes, never one named before
  if (t.destination) return mostSpecific(placeAfter, false) ?? (definiteCity ? salientCity : undefined);
  const chosen = mostSpecific(placeAfter, false) ?? mostSpecific(placeBefore, true);
  if (chosen) return chosen;
  if (definiteCity && salientCity) return salientCity;
  // "forced into retreat across parts of the strategic region": the act is set at a place of its
  // own that no name gives; the place last named is someone else's (the country may still be named)
  if (UNNAMED_PLACE_AFTER.test(s.text.slice(t.end, t.end + 80)) || UNNAMED_PLACE_OBJECT.test(s.text.slice(t.end, t.end + 60))) return view.countriesHere[0];
  const lastPlace = scan.lastPlace;
  if (lastPlace && lastPlace.sentence >= s.index - 2) return lastPlace;
  if (PLACE_BOUND.has(t.type) && salientCity) return salientCity;
  return view.countriesHere[0];
}

// (a time or a channel may come between: "said on Saturday it had", "said in a statement that
// they"; the act follows the pronoun, or "its troops", within three lower-case words: "it had
// captured", "its troops killed", not "it believed the government used chemical weapons")
const SPEAKER_CLAIM = /^\W*(?:\w+\W+){0,2}(?:says?|said|announced|claimed|stated|declared|confirmed)(?:\s+(?:on|late|early|in|via|through|later)\b(?:\s+\w+){1,3}?)?,?\s+(?:that\s+)?(?:it|they|(?:its|their)\s+(?:own\s+)?(?:fighters|forces|troops|soldiers|men|units|warplanes|jets|aircraft))(?:\s+[a-z]+){0,3}\s*$/;

/** "The Syrian army says it has retaken Palmyra": an armed source speaking of itself. */
function speakerOf(text: string, view: SentenceView, before: Participant[], tStart: number): EntityMention | undefined {
  for (let k = before.length - 1; k >= 0; k--) {
    const p = before[k]!;
    if (!view.sourceKeys.has(p.m.key) || !ARMED.has(String(p.m.type))) continue;
    return SPEAKER_CLAIM.test(text.slice(p.m.end, tStart)) ? p.m : undefined;
  }
  return undefined;
}

// A place of the act's own in common words, set apart from any named before by a quantifier or an
// indefinite article ("across parts of the region", "in several villages", "in a district"; not
// "in the area", which points back)
const UNNAMED_PLACE_AFTER = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:in|across|throughout|into|over|on)\s+(?:(?:parts|much|most|areas|swathes)\s+of\s+|several\s+|many\s+|some\s+|other\s+|various\s+|an?\s+)(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(?:region|regions|area|areas|province|provinces|district|districts|village|villages|town|towns|neighbou?rhoods?|countryside|territory|territories)\b/iu;
// ... or as the act's object: "seizing territory from rival groups", "took large areas", "captured
// several villages" (not "took the town" nor "bombed areas around the base", which point back)
const UNNAMED_PLACE_OBJECT = /^\s+(?:(?:large|vast|huge|wide|more|new|further|much|most|several|some|many|other|various|parts\s+of|swathes\s+of|an?|\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of)\s+){0,3}(?:territory|territories|ground|areas|villages|towns|districts|neighbou?rhoods)\b(?!\s+(?:around|near|of|in|outside|inside|surrounding)\s+(?:the|its|their|this|that)\b)/iu;
// "previous attacks", "past chemical strikes" (not "the previous day's attack", "the past 24 hours")
const PREVIOUS_BEFORE = /\b(?:previous|past|prior|earlier|former)\s+(?!(?:day|days|night|nights|week|weeks|month|months|year|years|hours|weekend|\d+)\b)(?:[\p{L}-]+\s+){0,2}$/iu;
// "previous smaller and disputed cases of their deployment": the act heads no phrase of its own,
// it is what earlier cases were of
const PREVIOUS_CASES_OF = /\b(?:previous|past|prior|earlier|former)\s+(?:[\p{L}-]+\s+){0,4}(?:cases|instances|incidents|episodes|reports|allegations|claims)\s+of\s+(?:(?:the|their|its|his|her|such)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
const RECALLED = /\b(?:after|before|since|until)\b[^,;]*$/i;
// "used sarin gas in attacks in the past": acts the words after them set in the past
const PAST_AFTER = /^\s+(?:[\p{L}-]+\s+){0,3}?in\s+the\s+past\b/iu;
const PERFECT = /\b(?:has|have)\s+(?:\S+\s+){0,2}\w+(?:ed|en)\b/;

function newEvent(doc: Doc, view: SentenceView, t: TriggerMatch, agents: EntityMention[], targets: EntityMention[], place: EntityMention | undefined, figures: Figure[]): EventMention {
  const s = view.s;
  // Date: the mention nearest the trigger, else present-tense news is the publication day.
  // A plan has no date of its own yet: the dates in its sentence belong to what did happen.
  const date = t.modality === 'planned' ? undefined : nearestDate(view.dates, t, s.text);
  let iso = date?.date;
  let precision: DatePrecision | undefined = date?.precision;
  let dateEnd = date?.endDate;
  // Undated: what the report is about (present or present-perfect tense, or the lead
  // paragraph of the article) happened on its publication day; background stays undated.
  // ...but not what a subordinate clause recalls ("months after the army liberated the town").
  // (and the acts a noun calls earlier ones: "failure to penalize previous gas attacks")
  const recalled = RECALLED.test(s.text.slice(Math.max(0, t.start - 60), t.start)) || PAST_AFTER.test(s.text.slice(t.end, t.end + 40)) || (t.pos === 'noun' && (PREVIOUS_BEFORE.test(s.text.slice(Math.max(0, t.start - 40), t.start)) || PREVIOUS_CASES_OF.test(s.text.slice(Math.max(0, t.start - 90), t.start))));
  const lede = s.paragraph <= 1 && !recalled;
  if (!iso && doc.date && t.modality !== 'planned' && !recalled && (t.tense === 'present' || lede || PERFECT.test(s.text) || t.type === 'statement')) {
    iso = doc.date;
    precision = doc.datePrecision ?? (doc.date.length === 10 ? 'day' : 'month');
    dateEnd = undefined;
  }
  // (only in a dated article: an undated one's own dates are read from no reference)
  if (!iso && recalled && doc.date && t.modality !== 'planned') {
    const main = dateOfAfterClause(view.dates, s.text, t);
    if (main?.date) {
      iso = main.date;
      precision = main.precision;
      dateEnd = undefined;
    }
  }
  const modality: Modality = t.negated ? 'denied' : t.modality;
  const acled = acledFor(t, agents);
  const ev: EventMention = {
    type: t.type,
    acledEventType: acled.type,
    acledSubEventType: acled.sub,
    modality,
    trigger: t.text,
    sentence: s.index,
    agents: keysOf(agents),
    targets: keysOf(targets),
    places: place ? [place.key] : [],
    sources: keysOf(view.sources),
    figures: [],
  };
  if (t.generic) ev.generic = true;
  if (iso) {
    ev.date = iso;
    if (precision) ev.datePrecision = precision;
    if (dateEnd && dateEnd !== iso) ev.dateEnd = dateEnd;
  }
  if (isBackground(doc, recalled, iso, dateEnd)) ev.background = true;
  addFigures(ev, figures);
  // "3 people were injured when a shell hit the market": a strike's toll that counts only
  // wounded killed no one (a later report of deaths raises it)
  if (STRIKES.has(ev.type) && ev.wounded !== undefined && ev.killed === undefined) ev.killed = 0;
  return ev;
}

// "after the collapse of a short-lived truce": the clause an act of an "after" clause hangs on, and
// no span of time right before "after" ("months after the army took the town" is far back)
const AFTER_CLAUSE = /\b(?:after|following)\s+[^,;]*$/i;
const SPAN_BEFORE = /\b(?:days?|weeks?|months?|years?|decades?|hours?|long|soon|shortly|just|immediately)\s+$/i;

/**
 * "In late September the army announced an operation after the collapse of a truce": an act an
 * "after" clause recalls, with no date of its own, happened shortly before the act it hangs on,
 * so it takes that act's date (when the sentence dates it), or undefined.
 */
function dateOfAfterClause(dates: DateMention[], sentence: string, t: TriggerMatch): DateMention | undefined {
  const from = Math.max(0, t.start - 60);
  const clause = AFTER_CLAUSE.exec(sentence.slice(from, t.start));
  if (!clause) return undefined;
  const at = from + clause.index;
  if (SPAN_BEFORE.test(sentence.slice(Math.max(0, at - 20), at))) return undefined;
  let main: DateMention | undefined;
  for (const d of dates) if (d.end <= at && d.date && (!main || d.start > main.start)) main = d;
  return main;
}

// A report dated this long before its article's publication is history the article recalls.
const BACKGROUND_DAYS = 60;

/**
 * Background, not the article's news: an act a subordinate clause recalls ("months after the army
 * liberated the town") or one that ended two months or more before the article was published
 * ("In 1988 Iraqi Kurds were gassed at Halabja"). It keeps its own date; it is marked.
 */
function isBackground(doc: Doc, recalled: boolean, iso: string | undefined, dateEnd: string | undefined): boolean {
  if (recalled && (!iso || iso !== doc.date)) return true;
  if (!iso || !doc.date) return false;
  const last = dateEnd && dateEnd > iso ? dateEnd : iso;
  const [y, m, d] = last.split('-').map(Number) as [number, number | undefined, number | undefined];
  // the last day the date covers: a year's 31 December, a month's last day
  const end = Date.UTC(y, m === undefined ? 11 : m - 1, d ?? (m === undefined ? 31 : new Date(Date.UTC(y, m, 0)).getUTCDate()));
  const [py, pm, pd] = doc.date.split('-').map(Number) as [number, number | undefined, number | undefined];
  const published = Date.UTC(py, (pm ?? 12) - 1, pd ?? 1);
  return published - end >= BACKGROUND_DAYS * 86_400_000;
}

function uniqueByKey(list: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

/** One trigger per type per sentence: "clashes ... fighting" in one sentence is one battle. */
function dedupeTriggers(list: TriggerMatch[], sentence: string): TriggerMatch[] {
  // Words of one type close together are one event ("clashes ... fighting"); far apart in the
  // sentence they can be two ("liberated X in 2016, a year after it was captured in 2015"), and so
  // are words of the main clause and of a relative clause ("retook X from ISIL, which had seized it").
  const relatives = relativeClauses(sentence);
  const clauseOf = (t: TriggerMatch) => clauseIndex(relatives, t.start, t.end);
  const kept: TriggerMatch[] = [];
  for (const t of [...list].sort((a, b) => a.start - b.start)) {
    const prev = kept.filter((k) => k.type === t.type).pop();
    // ("a chemical massacre near Damascus that the opposition claims killed hundreds": the verb of a
    // relative clause on an act noun tells of that act, however long the noun's phrase)
    const ofNoun = !!prev && prev.pos === 'noun' && t.pos !== 'noun' && ACT_NOUN_RELATIVE.test(sentence.slice(prev.end, t.start));
    if (!prev || ((t.start - prev.end > 40 || clauseOf(prev) !== clauseOf(t)) && !ofNoun)) kept.push(t);
  }
  const near = (a: TriggerMatch, b: TriggerMatch) => Math.abs(a.start - b.start) <= 60;
  const captures = kept.filter((t) => t.type === 'capture');
  const battles = kept.filter((t) => t.type === 'battle');
  // Deaths and damage in the sentence of an attack are what the attack did ("air strikes on X
  // killed 12", "12 were killed in shelling"): its figures, not an event of their own.
  const attack = kept.some((t) => ATTACKS.has(t.type) && t.modality !== 'planned' && !t.negated);
  return kept.filter((t) => {
    if (attack && CONSEQUENCES.has(t.type)) return false;
    // A capture subsumes the battle words around it ("seized ... after heavy clashes").
    if (t.type === 'battle') return !captures.some((c) => c.modality === 'asserted' && !c.negated && near(c, t));
    // "began an offensive to regain X": the offensive is the event, the capture only its aim.
    if (t.type === 'capture' && t.modality === 'planned') return !battles.some((b) => b.start < t.start && near(b, t));
    return true;
  });
}

// What lies between an act noun and the verb of a relative clause on it: the rest of the noun's
// phrase (no clause break), "that" or "which", and the clause's words before its verb.
const ACT_NOUN_RELATIVE = /^[^,;:.!?]{0,60}?\s(?:that|which)\s+[^,;:.!?]{0,40}$/u;
// A relative clause: "which"/"who" after a name or a comma, then its verb ("ISIL, which had seized
// the city in June 2014, ..."), up to the next comma, colon, bracket or dash, or the sentence's end.
const RELATIVE_CLAUSE = /(?:,\s*|(?<=[\p{L}\p{N})]\s))(?:which|who)\s+(?:(?:had|has|have|was|were|is|are|also|then|later|first|previously|earlier)\s+)*[\p{L}-]+[^,;:()—–]*/gu;

/** The spans of the sentence's relative clauses. */
function relativeClauses(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  RELATIVE_CLAUSE.lastIndex = 0;
  for (let m = RELATIVE_CLAUSE.exec(sentence); m; m = RELATIVE_CLAUSE.exec(sentence)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The relative clause a span lies in (its index), or -1 for the main clause. */
function clauseIndex(spans: Array<[number, number]>, start: number, end: number): number {
  return spans.findIndex(([a, b]) => start >= a && end <= b);
}

function nearestDate(dates: DateMention[], t: TriggerMatch, sentence: string): DateMention | undefined {
  let best: DateMention | undefined;
  let bestDist = Infinity;
  // A date in a relative clause dates that clause's act, not the main one ("recaptured Palmyra from
  // ISIL, which had seized it in May 2015"), and the other way round.
  const relatives = relativeClauses(sentence);
  const own = clauseIndex(relatives, t.start, t.end);
  for (const d of dates) {
    if (relatives.length && clauseIndex(relatives, d.start, d.end) !== own) continue;
    // "under ISIL control since May 2015": the start of a state, not the date of this event.
    // (but "since the March 19 claim of the attack": a date before a noun names that noun's day)
    const attributive = /\bthe\s+$/i.test(sentence.slice(Math.max(0, d.start - 5), d.start)) && /^\s+\p{Ll}/u.test(sentence.slice(d.end, d.end + 3));
    if (!attributive && /\b(?:since|until|till)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, d.start - 12), d.start))) continue;
    // A date across "after"/"before" belongs to the other clause: "On Thursday, X began an
    // offensive ... months after the army liberated the city".
    const between = d.start >= t.end ? sentence.slice(t.end, d.start) : sentence.slice(d.end, t.start);
    if (/\b(?:after|before|until|while|whereas)\b/i.test(between)) continue;
    const dist = d.start >= t.end ? d.start - t.end : t.start - d.end;
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}

// After a voice named after its verb: the end of the clause, a date, an apposition or "in a statement".
const INVERTED_VOICE_END = /^\s*(?:$|[,.;:)"'”’—–-]|(?:on|in|late|early|last|this|yesterday|today|earlier|later|adding|told|quoted|citing|which|who|whose|that|an?|the|monitor|monitoring|group|agency|news)\b|\(|\p{Lu})/u;

/** "said the Russian Defense Ministry", "according to SOHR", "X said", "X announced that". */
function findSources(s: Sentence, actors: EntityMention[], text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const a of actors) {
    // a country that speaks ("Britain said") is a voice, through its government
    // (a demonym is no voice, but a country's own name may end like one: "Pakistan", "Sudan")
    const country = a.kind === 'place' && a.type === 'country' && !(DEMONYM_END.test(a.surface) && a.surface !== a.label);
    if (a.kind !== 'actor' && !country) continue;
    const before = text.slice(Math.max(s.start, a.start - 30), a.start).toLowerCase();
    const after = text.slice(a.end, Math.min(s.end, a.end + 40)).toLowerCase();
    if (
      /(?:according to|told|quoted|cited)\s+(?:the\s+)?(?:so-called\s+)?[\w\s]{0,20}$/.test(before) ||
      // "..., said the ministry": the voice ends the clause; "said Syrian forces had committed" names the reported subject
      (/(?:said|says|reported|stated|announced|claimed)\s+(?:the\s+)?(?:so-called\s+)?[\w\s]{0,20}$/.test(before) && INVERTED_VOICE_END.test(after)) ||
      /^\s*(?:\w+\s+){0,2}(?:said|says|announced|stated|reported|claimed|confirmed|declared|noted|cited|estimated|revealed)\b/.test(after)
    ) {
      if (country || a.type === 'media' || a.type === 'organization' || a.type === 'government' || a.type === 'person' || a.type === 'military') out.push(a);
    }
  }
  return uniqueByKey(out);
}

function acledFor(t: TriggerMatch, agents: EntityMention[]): { type: string; sub: string } {
  if (t.type === 'capture' && agents[0]) {
    const gov = GOVERNMENT_TYPES.has(String(agents[0].type));
    return { type: 'Battles', sub: gov ? 'Government regains territory' : 'Non-state actor overtakes territory' };
  }
  return { type: t.acledEventType, sub: t.acledSubEventType };
}

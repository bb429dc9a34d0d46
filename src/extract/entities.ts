import type { Doc, Relation, Sentence } from '../types.js';
import { findContainment, findDescribedContainment } from './containment.js';
import { creditSpans, followsCredit, insideSpans } from './credits.js';
import { countryPartLabel, directionOf, isCountryPart } from '../knowledge/country-parts.js';
import { findAffiliations } from './affiliations.js';
import { findAnaphoricOffices, findMemberships } from './coreference.js';
import type { EntityMention, EntityRef, RelationMention } from './model.js';
import { newRef, placeRefOf, type Cues, type KnowledgeBase } from '../knowledge/knowledge.js';
import type { NameCandidate, NameMatch } from '../knowledge/matcher.js';
import { isAcronym, isCapitalised, isSpace, isWord, tokenize, writesInLowerCase, type Token } from './tokens.js';
import { normalizeName } from '../knowledge/names.js';
import { nlp } from '../nlp/compromise.js';
import { distanceKm } from '../knowledge/gazetteer.js';
import type { NerSpan } from '../knowledge/ner/tagger.js';
import type { DocumentNames } from '../knowledge/ner/name-knowledge.js';
import type { TriggerLexicon } from '../knowledge/trigger-lexicon.js';
import { isWarDocument } from './triggers.js';

/**
 * Actor and place mentions in one document, resolved to global keys.
 *
 * Three sources, in order of trust: the compiled lexicon/gazetteer matcher; patterns that type an
 * unknown capitalised span (titles before people, heads like "District" or "Brigade", place
 * prefixes like Tal/Jabal/Deir, prepositions before places); and within-document resolution
 * (surnames to full names, acronyms to their expansion, "the army" to the army of the country the
 * article is about). Spans with no cue are dropped: precision matters more than reach.
 */

export interface EntityResult {
  mentions: EntityMention[];
  refs: Record<string, EntityRef>;
  relations: RelationMention[];
  /** ISO codes of the countries the document is about, most mentioned first. */
  countries: string[];
  /**
   * Mentions that only anchor a relation: the country a title's demonym names ("Ukrainian
   * President X"). They make its node; they take no part in events.
   */
  anchors: EntityMention[];
}

interface SentenceTokens {
  sentence: Sentence;
  tokens: Token[];
  /** For each token, the index of the mention covering it, or -1. */
  covered: Int32Array;
}

const MILITARY_AIR = /^(?:air force|air forces|aerospace forces|air and space forces|warplanes|war planes|jets|fighter jets|fighter planes|aircraft|bombers|helicopters|air raids|airstrikes|air strikes|aviation|raids|bombing|bombardment|strikes)$/i;
// Phrases after a demonym that name a state's armed forces ("Russian fighter jets", "Syrian soldiers").
const DEMONYM_MILITARY = /^\s+((?:(?:fighter|war|combat)\s+)?(?:jets|planes|warplanes|aircraft|bombers|helicopters|aviation)|air\s+(?:force|forces)|aerospace\s+forces|air\s+and\s+space\s+forces|air\s+raids|airstrikes|air\s+strikes|(?:raids|bombing|bombardment|strikes)\b|(?:army|government|regime|ground|armed|security|special)\s+(?:forces|troops|soldiers|units)|forces|troops|soldiers|army|military|armed\s+forces)\b/i;
// Generic references that, in an article about one country's war, mean that country's army
// (the longer phrases first: "army units" is one reference, no modifier of "units").
const GENERIC_ARMY = /\b(?:the|its|an?|government|regime|pro-government)?\s*\b(army troops|army units|army soldiers|army men|army|military|government forces|regime forces|government troops|pro-government forces)\b/gi;

function keyFromName(kind: 'actor' | 'place', type: string, name: string): string {
  const n = normalizeName(name);
  return kind === 'place' ? `place:name:${n}` : `actor:${type.replace(/\s+/g, '-')}:${n}`;
}

/** An entity found by a cue, not in the lexicon or gazetteer: its identity is guessed from its name. */
function guessedRef(kind: 'actor' | 'place', type: string, label: string, keyName: string = label): EntityRef {
  return newRef(keyFromName(kind, type, keyName), kind, type, label, undefined, undefined, undefined, undefined, undefined);
}

/** A mention of `r`: its fields in the order of a ref's, then where it is (one shape for all). */
function newMention(r: EntityRef, surface: string, sentence: number, start: number, end: number): EntityMention {
  return {
    key: r.key,
    kind: r.kind,
    type: r.type,
    label: r.label,
    known: r.known,
    lat: r.lat,
    lon: r.lon,
    country: r.country,
    parent: r.parent,
    role: r.role,
    surface,
    sentence,
    start,
    end,
  };
}

function newRelation(from: string, to: string, relation: Relation, title: string | undefined, sentence: number): RelationMention {
  return { from, to, relation, title, sentence };
}

function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

interface PlaceSpan {
  sentence: number;
  end: number;
}

interface PendingShortForm {
  st: SentenceTokens;
  start: number;
  end: number;
  surface: string;
  words: string[];
}

// Arrays here are built with push, not Array.prototype.map: once V8 optimises map() its results
// turn from packed to holey arrays, and each new elements kind deoptimises the code reading them.

/**
 * What extraction builds up over one document, handed to each step. The steps are module-level
 * functions rather than closures of one big function: V8 then optimises each on its own, and a
 * deoptimisation recompiles one small step instead of the whole extraction.
 */
const CAPITALISED_PAIR = /(?<![\p{L}-])(\p{Lu}\p{Ll}+)(?=\s+(\p{Lu}[\p{L}'’-]*))/gu;

class DocumentScan {
  /** The entity table, in the order entities were first met. */
  readonly refs = new Map<string, EntityRef>();
  readonly mentions: EntityMention[] = [];
  readonly anchors: EntityMention[] = [];
  readonly relations: RelationMention[] = [];
  perSentence: SentenceTokens[] = [];
  context: { countries: string[] } = { countries: [] };
  /** Whether the tagger reads several of the document's towns as clubs (set by addTaggedNames). */
  clubs = false;
  /** Lexicon acronyms the article gives no ground for (withoutForeignAcronyms): no actor here. */
  foreignAcronyms = new Set<string>();
  /** Every name the matcher found in the text, before any is set aside: what the tagger reads of them. */
  names: DocumentNames = { matches: [] };

  /** A lexicon acronym foreign to the article that the article does not define itself. */
  isForeignAcronym(surface: string): boolean {
    return this.foreignAcronyms.has(surface) && !this.acronyms.has(surface);
  }

  /** The lexicon actor named `surface`, unless it is an acronym foreign to the article. */
  knownActor(surface: string): EntityRef | undefined {
    return this.foreignAcronyms.has(surface) ? undefined : this.kb.actorByName(surface);
  }
  readonly personNames: EntityRef[] = [];
  /** The ends of each person's name a surname may be (see nameTails). */
  readonly nameTails = new Map<string, string[]>();
  private shared: Set<string> | undefined;
  /**
   * Capitalised words (lower case) that open two different capitalised pairs in the document
   * ("Tesfaye Bekele", "Tesfaye Alemu"): as a given name alone, they name neither person.
   */
  get sharedGivenNames(): Set<string> {
    if (this.shared) return this.shared;
    const next = new Map<string, string>();
    this.shared = new Set();
    for (const m of this.text.matchAll(CAPITALISED_PAIR)) {
      const first = m[1]!.toLowerCase();
      const seen = next.get(first);
      if (seen !== undefined && seen !== m[2]) this.shared.add(first);
      next.set(first, m[2]!);
    }
    return this.shared;
  }
  lastPlaceSpan: PlaceSpan | undefined = undefined;
  /** True while the parts of a list whose commas were lost are read: each is a place. */
  listItem = false;
  readonly pendingShortForms: PendingShortForm[] = [];
  readonly acronyms = new Map<string, EntityRef>();
  readonly text: string;
  readonly cues: Cues;
  /** Where the dateline that opens the text ends (0 without one). */
  readonly datelineEnd: number;

  constructor(
    doc: Doc,
    readonly sentences: Sentence[],
    readonly kb: KnowledgeBase,
  ) {
    this.text = doc.text;
    this.cues = kb.cues;
    this.datelineEnd = doc.datelineLength ?? 0;
  }
}

function addRef(scan: DocumentScan, ref: EntityRef): EntityRef {
  const existing = scan.refs.get(ref.key);
  if (existing) return existing;
  scan.refs.set(ref.key, ref);
  return ref;
}

/** Adds a mention; it is always the last element of `mentions` afterwards. */
function addMention(scan: DocumentScan, ref: EntityRef, s: Sentence, start: number, end: number, surface?: string): EntityMention {
  const r = addRef(scan, ref);
  const m = newMention(r, surface ?? scan.text.slice(start, end), s.index, start, end);
  scan.mentions.push(m);
  return m;
}

/** The sentence of each entity's first mention (in the order mentions were found). */
function firstSentences(mentions: EntityMention[]): Map<string, number> {
  const first = new Map<string, number>();
  for (const m of mentions) if (!first.has(m.key)) first.set(m.key, m.sentence);
  return first;
}

function countCountry(counts: Map<string, number>, cc: string | undefined, n: number): void {
  if (cc) counts.set(cc, (counts.get(cc) ?? 0) + n);
}

/** The countries the article is about, most mentioned first: named ones count twice, demonyms once. */
function documentCountries(kb: KnowledgeBase, hits: NameMatch[], perSentence: SentenceTokens[]): string[] {
  const counts = new Map<string, number>();
  for (const h of hits) {
    // a generic phrase ("government troops") names the country of the story it is read in: no evidence of it
    if (kb.isGenericName(h)) continue;
    for (const c of h.candidates) {
      if (c.type === 'country') countCountry(counts, kb.candidateCountry(c), 2);
      else if (h.candidates.length === 1) countCountry(counts, kb.candidateCountry(c), 1);
    }
  }
  // Sentences cut only at whitespace: their tokens are the document's.
  for (const st of perSentence) for (const t of st.tokens) countCountry(counts, demonymCountry(kb, t), 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const countries: string[] = [];
  for (const [c] of ranked) countries.push(c);
  return countries;
}

function tokeniseSentence(s: Sentence): SentenceTokens {
  const tokens = tokenize(s.text, s.start);
  return { sentence: s, tokens, covered: new Int32Array(tokens.length).fill(-1) };
}

function cover(st: SentenceTokens, start: number, end: number, idx: number): void {
  for (let i = 0; i < st.tokens.length; i++) {
    const t = st.tokens[i]!;
    if (t.start >= start && t.end <= end) st.covered[i] = idx;
  }
}

export function extractEntities(doc: Doc, sentences: Sentence[], kb: KnowledgeBase): EntityResult {
  const scan = new DocumentScan(doc, sentences, kb);
  // ── 1. The fast pass: lexicon and gazetteer names, and the countries the article is about.
  // Pre-tokenise sentences (then mark what the matcher covered).
  for (const s of sentences) scan.perSentence.push(tokeniseSentence(s));
  const matches = kb.findNames(scan.text);
  scan.names = { matches };
  const hits = withoutForeignAcronyms(kb, scan.text, matches, scan.perSentence, scan.foreignAcronyms);
  const countries = documentCountries(kb, hits, scan.perSentence);
  scan.context = { countries };
  for (const h of hits) addMatcherHit(scan, h);
  // ── 2. Demonym + armed-forces phrases ("Russian fighter jets", "Syrian and Russian air forces").
  for (const st of scan.perSentence) addDemonymForces(scan, st);
  // ── 3. Unknown capitalised spans typed by cues (then, in step 4, the learned tagger's names
  // where neither the lexicons nor the cues found one).
  addNumberedNames(scan);
  for (const st of scan.perSentence) recogniseSpans(scan, st);
  // ── 4. Short forms: a surname or the last part of a full name seen in this document.
  resolveShortForms(scan);
  addTaggedNames(scan);
  oneSensePerDocument(scan);
  dropCreditedPeople(scan);
  dropCodeNames(scan);
  linkLexiconParents(scan);
  // ── 4b. "X, known as the Y" / "X, also known as Y": one entity under two names.
  mergeKnownAs(scan);
  // ── 4c. "Moscow said": a capital that speaks is its country's government; "the defence
  // ministry in Moscow" is its country's.
  addSeatedInstitutions(scan);
  readCapitalsAsCountries(scan);
  // ── 5. "the army" in an article about one country's war means that country's army.
  const home = countries[0];
  if (home) addGenericArmy(scan, home);
  // ── 6. Places sit in their regions and countries, once a town far from all the others has
  // been checked for a namesake that fits.
  addCountryParts(scan);
  addCitySides(scan);
  typeByApposition(scan);
  addAffiliations(scan);
  addCoreferentRelations(scan);
  reconsiderFarPlaces(scan);
  relocateStatedParts(scan);
  nameSitesOfPlaces(scan);
  linkPlaces(scan, home);

  const mentions = scan.mentions;
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  const refs: Record<string, EntityRef> = {};
  for (const [key, ref] of scan.refs) refs[key] = ref;
  return { mentions, refs, relations: scan.relations, countries, anchors: scan.anchors };
}

// "Operation Wrath of Euphrates", "Operation Protective Edge": capitalised words (with "of",
// "the" or an Arabic article between) after a capitalised "Operation"
const CODE_NAME = /\bOperation((?:\s+(?:(?:of|the|al|el)\s+)?\p{Lu}[\p{L}'’-]*)+)/gu;

/**
 * A military operation's code name names no place or body with its words ("Operation Wrath of
 * Euphrates" is no event at the Euphrates); a lexicon actor named by the whole name stays.
 */
function dropCodeNames(scan: DocumentScan): void {
  const dropped = new Set<EntityMention>();
  CODE_NAME.lastIndex = 0;
  for (let c = CODE_NAME.exec(scan.text); c; c = CODE_NAME.exec(scan.text)) {
    const start = c.index + 'Operation'.length;
    const end = c.index + c[0].length;
    for (const m of scan.mentions) if (m.start >= start && m.end <= end && !(m.known && m.start <= c.index)) dropped.add(m);
  }
  if (dropped.size) dropMentions(scan, dropped);
}

/** People named only in the agency's credits ("Writing by Peter Graff; Editing by …") are no actors. */
function dropCreditedPeople(scan: DocumentScan): void {
  const spans = creditSpans(scan.text);
  if (spans.length === 0) return;
  const dropped = new Set<EntityMention>();
  for (const m of scan.mentions) if (m.kind === 'actor' && m.type === 'person' && insideSpans(spans, m.start, m.end)) dropped.add(m);
  if (dropped.size) dropMentions(scan, dropped);
}

/**
 * The lexicon's acronyms count only where the article is about the actor's part of the world
 * (it names a place or people of the countries the actor operates in), or names the actor, its
 * parent or a child of it in words: "CTS" in a grain price table is no Iraqi counter-terrorism
 * unit, nor "MMC" in a bank's rates the Manbij Military Council. Actors of no particular place
 * ("UN", "NATO") always count.
 */
function withoutForeignAcronyms(kb: KnowledgeBase, text: string, hits: NameMatch[], perSentence: SentenceTokens[], foreign: Set<string>): NameMatch[] {
  const lexiconActor = (h: NameMatch) => (h.candidates.length > 0 && h.candidates.every((c) => c.kind === 'actor' && c.type !== 'country' && c.type !== 'demonym') ? h.candidates : undefined);
  // An acronym the article defines by another long form ("Central Trading System (CTS)") is that.
  for (const h of hits) {
    if (!isAcronym(h.surface) || !lexiconActor(h)) continue;
    const long = longFormBefore(text, h.start, h.end);
    if (long === undefined) continue;
    // "the Damascus-backed National Defense Forces (NDF)": the name may be the last words only.
    const words = long.split(' ');
    const keys = new Set(h.candidates.map((c) => kb.actorRef(c.id)?.key));
    let names = false;
    let known = false;
    for (let k = 0; k + 2 <= words.length && !names; k++) {
      const named = kb.actorByName(words.slice(k).join(' ')) ?? kb.actorByNearName(words.slice(k).join(' '));
      known ||= named !== undefined;
      names = named !== undefined && keys.has(named.key);
    }
    // The article means something else by it when its long form is another lexicon actor, or
    // one the acronym spells ("Central Trading System"); a long form read wrong says nothing.
    if (!names && (known || spellsAcronym(words, h.surface))) foreign.add(h.surface);
  }
  const doubtful = hits.filter((h) => isAcronym(h.surface) && lexiconActor(h)?.some((c) => foreign.has(h.surface) || (LOCAL_ACTOR_TYPES.has(c.type) && kb.actorDomain(c.id).countries.length > 0)));
  if (doubtful.length === 0) return hits;
  const others = hits.filter((h) => !doubtful.includes(h));
  // What the rest of the article names: the countries its names may lie in, and the actors it
  // names in words.
  const countries = new Set(documentCountries(kb, others, perSentence));
  for (const h of others) for (const c of h.candidates) countries.add(kb.candidateCountry(c) ?? '');
  const named = new Set<string>();
  for (const h of others) {
    for (const c of lexiconActor(h) ?? []) {
      named.add(c.id);
      const parent = kb.actorDomain(c.id).parent;
      if (parent) named.add(parent);
    }
  }
  const supported = (c: NameCandidate) => {
    const domain = kb.actorDomain(c.id);
    return domain.countries.length === 0 || domain.countries.some((cc) => countries.has(cc)) || named.has(c.id) || (domain.parent !== undefined && named.has(domain.parent));
  };
  return hits.filter((h) => {
    if (!doubtful.includes(h) || (!foreign.has(h.surface) && h.candidates.some(supported))) return true;
    foreign.add(h.surface);
    return false;
  });
}

/** Actors that act where they are (fighting forces); media and agencies report on anywhere. */
const LOCAL_ACTOR_TYPES = new Set(['armed group', 'military', 'militia', 'police']);

const LONG_FORM_BEFORE = /((?:\p{Lu}[\p{L}'-]*|of|for|and|the|de|al)(?:\s+(?:\p{Lu}[\p{L}'-]*|of|for|and|the|de|al)){1,7})\s*\($/u;

/** Whether the initials of the capitalised words of a tail of `words` spell `acronym`. */
function spellsAcronym(words: string[], acronym: string): boolean {
  for (let k = 0; k < words.length; k++) {
    let initials = '';
    for (const w of words.slice(k)) if (/^\p{Lu}/u.test(w)) initials += w[0];
    if (initials === acronym) return true;
  }
  return false;
}

/** The capitalised words right before "(ACRONYM)" that it abbreviates, if the acronym is bracketed so. */
function longFormBefore(text: string, start: number, end: number): string | undefined {
  if (text.charCodeAt(start - 1) !== 0x28 || text.charCodeAt(end) !== 0x29) return undefined;
  const m = LONG_FORM_BEFORE.exec(text.slice(Math.max(0, start - 120), start));
  if (!m) return undefined;
  // From its first capitalised word: "the Central Trading System" is "Central Trading System".
  const words = m[1]!.split(/\s+/);
  while (words.length && !/^\p{Lu}/u.test(words[0]!)) words.shift();
  return words.length >= 2 ? words.join(' ') : undefined;
}

/**
 * The names the tagger (data/models/ner.json) finds in the sentences, on the words no earlier
 * step took: a name the lexicon or gazetteer knows is that entity; a surname alone is the person
 * named in full before it; otherwise a new entity of the tagger's type (PER a person, ORG an
 * organisation, LOC a place). MISC names (nationalities, events, products) are no node.
 */
/** A noun that names an act of war on its own ("battle", "siege", "offensive", "war"): the trigger lexicon's nouns and wars. */
function isEventNoun(triggers: TriggerLexicon, word: string): boolean {
  const lower = word.toLowerCase();
  if (triggers.byFirstWord.get(lower)?.some((e) => e.pos === 'noun')) return true;
  const wars = triggers.lists.get('wars');
  return !!wars && wars.exec(lower)?.[0].length === lower.length;
}

function addTaggedNames(scan: DocumentScan): void {
  const ner = scan.kb.ner;
  if (!ner) return;
  const text = scan.text;
  const sentenceTokens = [];
  for (const s of scan.sentences) sentenceTokens.push(ner.tokenize(text, s.start, s.end));
  const doc = ner.documentContext(sentenceTokens);
  const spans: NerSpan[][] = [];
  // How often the document reads each name as an organisation, and as something else.
  const readings = new Map<string, number>();
  // The words the document reads as a place somewhere.
  const placeReadings = new Set<string>();
  for (const tokens of sentenceTokens) {
    const found = splitSharedHeads(scan, tokens, splitTitledNames(scan, tokens, ner.spansOfTokens(tokens, doc, scan.names)));
    // A person's name never ends in a body's head noun ("Salomon Bros", "Pirelli SpA"): the
    // tagger, which met the firm's name before as a person's, read the words as one.
    for (const span of found) if (span.type === 'PER' && span.tokens > 1 && scan.cues.orgHeads.has(bare(tokens[span.first + span.tokens - 1]!.text))) span.type = 'ORG';
    spans.push(found);
    for (const span of found) {
      const key = text.slice(span.start, span.end);
      readings.set(key, (readings.get(key) ?? 0) + (span.type === 'ORG' ? 1 : -1));
      if (span.type === 'LOC') placeReadings.add(key);
    }
  }
  // The organisations the document names in several words ("Johnson Controls Inc").
  const organizations: string[] = [];
  // Not one run on into lower-case words ("Deir Ezzor Units of the army and").
  // Nor a score glued to a name in a table ("Moody 6-82").
  for (let k = 0; k < spans.length; k++) {
    for (const span of spans[k]!) {
      let z = span.first + span.tokens - 1;
      while (z > span.first && SCORE.test(sentenceTokens[k]![z]!.text)) z--;
      const name = text.slice(span.start, sentenceTokens[k]![z]!.end);
      if (span.type === 'ORG' && z > span.first && !RUN_ON.test(name)) organizations.push(name);
    }
  }
  const clubs = clubDocument(scan, spans);
  scan.clubs = clubs;
  const teamMargin = clubs ? CLUB_DOCUMENT_MARGIN : TEAM_MARGIN;
  const dropped = new Set<EntityMention>();
  const parentBodies: Array<{ child: string; parent: EntityRef; sentence: number }> = [];
  for (let k = 0; k < sentenceTokens.length; k++) {
    const st = scan.perSentence[k]!;
    const tokens = sentenceTokens[k]!;
    for (const span of spans[k]!) {
      if (span.type === 'MISC') {
        // A place inside an event's or a product's name is no mention of its own ("U.S. Open",
        // "Tour de France"), when the tagger is sure of the whole; nor is a cue guess on its
        // words ("European group", "Arctic town"). A person inside keeps theirs (a people's name
        // before it is no event: "American Nate Miller").
        if (span.margin >= MISC_MARGIN) for (const m of mentionsInsideMisc(scan, st.sentence.index, span.start, span.end)) dropped.add(m);
        continue;
      }
      // A LOC span joining two names ("the Palmyra Triangle and Castle") is two names.
      if (span.type === 'LOC' && hasAnd(tokens, span)) continue;
      // Titles and punctuation at its edges ("Gen.", "Maj", a quotation mark) are no part of it.
      let a = span.first;
      let z = span.first + span.tokens - 1;
      // A title or a month's short form inside a person's name is a name ("John Major", "Jan
      // Kroslak"): it stays at the end after a name word, and at the start on a sure reading.
      const person = span.type === 'PER';
      while (a <= z && (isNoNameWord(scan.cues, tokens[a]!.text, a === 0) || (a < z && isPluralTitle(scan.cues, tokens[a]!.text))) && !(person && a < z && span.margin >= SURE_PERSON_MARGIN && isNameOfPerson(scan.cues, tokens[a]!.text) && isNameOfPerson(scan.cues, tokens[a + 1]!.text))) a++;
      // A day of the week never is ("Jose Miguel Insulza Monday").
      while (z >= a && (isNoNameWord(scan.cues, tokens[z]!.text, z === 0) || LOWER_WORD.test(tokens[z]!.text)) && !(person && z > a && !WEEKDAY.test(tokens[z]!.text) && isNameOfPerson(scan.cues, tokens[z]!.text) && isNameOfPerson(scan.cues, tokens[z - 1]!.text) && !scan.cues.titles.has(bare(tokens[z - 1]!.text)))) z--;
      if (a > z || !isWord(tokens[a]!) || !isCapitalised(tokens[a]!.text)) continue;
      // "Battle of Marawi", "Siege of Sarajevo", "War of Independence": an event's name, no body or place
      if (a < z && tokens[a + 1]!.text === 'of' && isEventNoun(scan.kb.triggers, tokens[a]!.text)) continue;
      // How sure the tagger is of the words kept.
      if (a > span.first || z < span.first + span.tokens - 1) span.margin = Math.min(...span.margins.slice(a - span.first, z - span.first + 1));
      // (a word cut at its end leaves the rest at least as surely one name)
      if (a > span.first) span.extent = Math.min(...span.margins.slice(a - span.first, z - span.first + 1));
      if (span.type === 'ORG') z = throughOfTail(scan, tokens, z);
      if (a === z && scan.isForeignAcronym(tokens[a]!.text)) continue;
      // Five capitalised words and more with no connector are names run together ("Dominic
      // Evans Khaled Yacoub Oweis", a byline), no one person.
      if (span.type === 'PER' && z - a >= 4 && allNameWords(tokens, a, z) && !hasConnector(tokens, a, z)) continue;
      // One ordinary English word ("Southeast", "Force") is too often a stray capital, and one
      // generic place noun or people's name ("Khan", "Druze") no name alone, as the cues say.
      // In a document of clubs, a town's name that is also a word ("Nice", "Reading") is a club.
      const club = clubs && span.type === 'ORG' && span.margin >= teamMargin && a === z && isKnownTown(scan, tokens[a]!.text);
      // A body the tagger is sure of, whose words the document never writes in lower case, is
      // a name for all its ordinary words ("Red Star", "Yankees", "House of Lords").
      // Not a generic body ("Air Force"), and a lone word only when the document reads it so more
      // than once ("Mets", not the "Images" of a photo credit).
      const phrase = text.slice(tokens[a]!.start, tokens[z]!.end);
      const head = bare(tokens[z]!.text);
      const body = span.type === 'ORG' && span.extent >= TEAM_MARGIN && isCapitalised(tokens[z]!.text) && !scan.cues.orgHeads.has(head) && !scan.cues.orgHeads.has(`${head}s`) && (a < z || (readings.get(phrase) ?? 0) >= 2) && !writesPhraseInLowerCase(text, phrase);
      // The surname of a person the document named in full is that person, even when it is a
      // word ("Woods" after "Tiger Woods", "Green" after "Ken Green").
      const surname = span.type === 'PER' && a === z && span.margin >= LONE_MARGIN && personByTail(scan, [tokens[a]!.text]) !== undefined;
      // Likewise the last word of an organisation named in full ("Yankees" of "New York
      // Yankees"), no head noun ("Army") nor a word the document writes in lower case.
      const lastWordOf = span.type === 'ORG' && a === z && span.margin >= LONE_MARGIN ? organizationEndingIn(scan, organizations, tokens[a]!.text) : undefined;
      if (a === z && isNoLoneName(scan, tokens[a]!.text) && !club && !body && !surname && !lastWordOf) continue;
      // Nor are ordinary words alone ("Air Force", "Heritage Site") or a people ("Sunni Muslim").
      // Unless the tagger is very sure of them ("Guy Forget", "Communist Party", "Rugby Union").
      if ((allOrdinaryWords(scan.cues, tokens, a, z) && !club && !body && !surname && !lastWordOf && span.margin < VERY_SURE_MARGIN) || (span.type !== 'PER' && namesAPeople(scan, tokens.slice(a, z + 1)))) continue;
      const start = tokens[a]!.start;
      const end = tokens[z]!.end;
      // A photo credit ("REUTERS/Bassam Khabieh") or a byline ("Editing by Will Waterman") names
      // no actor of the story.
      if (text.charCodeAt(start - 1) === 0x2f || (span.type === 'PER' && followsCredit(text, st.sentence.start, start))) continue;
      const team = span.type === 'ORG' && span.margin >= (clubs ? teamMargin : LONE_CLUB_MARGIN) && (readings.get(text.slice(start, end)) ?? 0) > 0;
      // A sure name across the edge of a name the cue rules guessed ("Joel Naroff" of "Joel
      // Naroff of First Union") is the better reading: the guess goes.
      const cut = span.margin >= CUT_GUESS_MARGIN ? guessesCut(scan, st.sentence.index, start, end, dropped) : [];
      const ignored = cut.length ? new Set([...dropped, ...cut]) : dropped;
      const inside =
        mentionsInside(scan, st.sentence.index, start, end, ignored) ??
        (team ? sameSpanTeam(scan, st.sentence.index, start, end, clubs) : undefined) ??
        (span.type === 'PER' && z > a && span.margin >= SURE_PERSON_MARGIN ? sameSpanPlaceGuess(scan, st.sentence.index, start, end) : undefined) ??
        (span.type === 'PER' && z === a && span.margin >= LONE_MARGIN && !placeReadings.has(text.slice(start, end)) ? sameSpanSurname(scan, st.sentence.index, start, end) : undefined) ??
        titledName(scan, st, start, end, span.type) ??
        (span.margin >= RETYPE_MARGIN ? sameSpanOtherGuess(scan, st.sentence.index, start, end, span.type) : undefined);
      if (inside === undefined || !mayReplace(scan, inside, tokens, a, z, span.type, span.margin, span.extent)) continue;
      // The opening words of an organisation the document names in full are that organisation
      // ("Johnson Controls" of "Johnson Controls Inc", read as a person on its own).
      const surface = text.slice(start, end);
      const fuller = span.type !== 'LOC' ? (organizations.find((o) => o.length > surface.length && o.startsWith(`${surface} `)) ?? lastWordOf) : undefined;
      const ref = fuller ? taggedRef(scan, 'ORG', fuller) : taggedRef(scan, span.type, surface);
      if (!ref) continue;
      // A new entity of one word needs a surer reading than a name the knowledge base confirms
      // (a known town read as a club confirms the word as a name).
      if (!ref.known && a === z && span.margin < LONE_MARGIN && !club && !hasKey(scan.personNames, ref.key)) continue;
      for (const m of inside) dropped.add(m);
      for (const m of cut) dropped.add(m);
      if (span.type === 'ORG') {
        const opener = inside.find((m) => opensBody(scan, m, tokens, a, z));
        const parent = opener ? scan.refs.get(opener.key) : undefined;
        if (parent && parent.key !== ref.key) parentBodies.push({ child: ref.key, parent, sentence: st.sentence.index });
      }
      addMention(scan, ref, st.sentence, start, end);
      coverOverlapping(st, start, end, scan.mentions.length - 1);
      if (ref.kind === 'actor' && ref.type === 'person' && !ref.known && /\s/.test(ref.label) && !hasKey(scan.personNames, ref.key)) scan.personNames.push(ref);
    }
  }
  if (dropped.size) dropMentions(scan, dropped);
  // The parent body stays an entity, even when its name was only the opening of its part's.
  for (const { child, parent, sentence } of parentBodies) {
    addRef(scan, parent);
    if (!scan.relations.some((r) => r.from === child && r.to === parent.key)) scan.relations.push(newRelation(child, parent.key, 'part of', undefined, sentence));
  }
}

/**
 * The mentions of the sentence a MISC name [start, end) hides: the known places shorter than
 * it, and the guesses on its words; not a known actor ("IS-held", "Iraqi CTS forces") nor an
 * acronym the document defines ("the Budapest Stock Exchange (BSE)").
 */
function mentionsInsideMisc(scan: DocumentScan, sentence: number, start: number, end: number): EntityMention[] {
  const inside = scan.mentions.filter((m) => m.sentence === sentence && m.start >= start && m.end <= end && !scan.acronyms.has(m.surface) && (m.known ? m.kind === 'place' && m.end - m.start < end - start : m.type !== 'person' || (m.start === start && m.end === end)));
  // (nor a guessed place the document places elsewhere: one name, one sense; "Regiment 121" is
  // the base the rebels overran at every mention)
  return inside.filter((m) => m.known || m.kind !== 'place' || !scan.mentions.some((o) => o.key === m.key && (o.sentence !== sentence || o.end <= start || o.start >= end)));
}

/**
 * One name, one sense in a document: a known town written as the name of a club the document
 * reads as such elsewhere ("CHICAGO" in a table of results, "AT CHICAGO" in the fixtures below
 * it) is that club, and a person's surname the document reads as theirs elsewhere ("Collins"
 * after "Michael Collins") is that person, unless a place cue stands before it ("in Collins"). The
 * dateline keeps its place.
 */
function oneSensePerDocument(scan: DocumentScan): void {
  const clubs = new Map<string, EntityRef>();
  if (scan.clubs) {
    for (const m of scan.mentions) if (m.kind === 'actor' && m.type !== 'person' && !m.known) clubs.set(m.surface.toLowerCase(), scan.refs.get(m.key)!);
  }
  const surnames = new Map<string, EntityRef | undefined>();
  for (const m of scan.mentions) {
    if (m.kind !== 'actor' || m.type !== 'person') continue;
    const last = m.surface.slice(m.surface.lastIndexOf(' ') + 1);
    // A surname two people share names neither.
    const had = surnames.get(last);
    surnames.set(last, surnames.has(last) && had?.key !== m.key ? undefined : scan.refs.get(m.key));
  }
  // The dateline names the place the story was filed from.
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || !TEAM_PLACE_TYPES.has(m.type) || m.start < scan.datelineEnd) continue;
    const ref = clubs.get(m.surface.toLowerCase()) ?? (/\s/.test(m.surface) || placeCueBefore(scan, m) ? undefined : surnames.get(m.surface));
    if (!ref) continue;
    takeIdentity(m, ref);
    // Nothing of the place stays with it.
    m.known = ref.known;
    m.lat = ref.lat;
    m.lon = ref.lon;
    m.country = ref.country;
    m.parent = ref.parent;
  }
}

/**
 * A tagged body with a title and a person's name after it ("Federal Reserve Governor Lawrence
 * Lindsey", "Air Traffic Control Administration Director Branko Bilbija") is the body, and the
 * person: split at the title when two or three name words follow it, the first a given name or
 * neither an ordinary word. (The affiliation reader links them by the title.)
 */
function splitTitledNames(scan: DocumentScan, tokens: readonly Token[], found: NerSpan[]): NerSpan[] {
  let out: NerSpan[] | undefined;
  for (let n = 0; n < found.length; n++) {
    const span = found[n]!;
    const split = span.type === 'ORG' ? titleInside(scan, tokens, span) : -1;
    if (split < 0) continue;
    out ??= found.slice(0, n);
    const cut = split - span.first;
    const body = span.margins.slice(0, cut);
    const person = span.margins.slice(cut + 1);
    out.push({ ...span, end: tokens[split - 1]!.end, tokens: cut, margin: Math.min(...body), margins: body });
    out.push({ ...span, type: 'PER', start: tokens[split + 1]!.start, first: split + 1, tokens: person.length, margin: Math.min(...person), margins: person, extent: Math.min(...person) });
    for (const rest of found.slice(n + 1)) out.push(rest);
    return splitTitledNames(scan, tokens, out);
  }
  return out ?? found;
}

/** The index of a title word inside an ORG span with a person's name after it, or -1. */
function titleInside(scan: DocumentScan, tokens: readonly Token[], span: NerSpan): number {
  const last = span.first + span.tokens - 1;
  for (let k = span.first + 1; k <= last - 2; k++) {
    if (!scan.cues.titles.has(bare(tokens[k]!.text))) continue;
    const name = tokens.slice(k + 1, last + 1).map((t) => t.text);
    if (name.length > 3 || !name.every((w) => isNameOfPerson(scan.cues, w))) return -1;
    const given = scan.kb.isGivenName(name[0]!);
    return given || name.every((w) => !isOrdinaryWord(scan.cues, w)) ? k : -1;
  }
  return -1;
}

/** The organisation of `organizations` (named in full by the document) whose last word is `word`, when that word can stand for it. */
function organizationEndingIn(scan: DocumentScan, organizations: readonly string[], word: string): string | undefined {
  const lower = bare(word);
  if (scan.cues.orgHeads.has(lower) || scan.cues.orgHeads.has(lower.replace(/s$/, '')) || writesInLowerCase(scan.text, lower)) return undefined;
  return organizations.find((o) => o.length > word.length && o.endsWith(` ${word}`));
}

// Margin (weight units) a new one-word entity needs: 4 keeps sample and FA-KES precision at their
// values before the tagger (0 lost 1-2 points there) and costs CoNLL dev no F1 point.
const LONE_MARGIN = 4;
// The tagger's margin from which a MISC name ("U.S. Open", "European") hides the names on its words.
const MISC_MARGIN = 20;
function hasConnector(tokens: readonly Token[], a: number, z: number): boolean {
  for (let k = a; k <= z; k++) if (!isCapitalised(tokens[k]!.text)) return true;
  return false;
}

/**
 * "the Maute and Abu Sayyaf groups", "the Labour and Liberal parties": names joined by "and"
 * before a plural body noun they share are two names.
 */
function splitSharedHeads(scan: DocumentScan, tokens: readonly Token[], spans: NerSpan[]): NerSpan[] {
  if (!spans.some((span) => span.type === 'ORG')) return spans;
  const out: NerSpan[] = [];
  for (const span of spans) {
    const last = span.first + span.tokens - 1;
    let and = -1;
    if (span.type === 'ORG' && isPluralBodyNoun(scan.cues, tokens[last + 1]?.text)) {
      for (let k = span.first + 1; k < last; k++) if (tokens[k]!.text === 'and') and = k;
    }
    if (and < 0) {
      out.push(span);
      continue;
    }
    const part = (first: number, z: number): NerSpan => {
      const margins = span.margins.slice(first - span.first, z - span.first + 1);
      return { ...span, start: tokens[first]!.start, end: tokens[z]!.end, first, tokens: z - first + 1, margin: Math.min(...margins), margins };
    };
    out.push(part(span.first, and - 1), part(and + 1, last));
  }
  return out;
}

/** "groups", "militias", "parties": the plural of a body noun of the cues. */
function isPluralBodyNoun(cues: Cues, word: string | undefined): boolean {
  if (!word || !/^\p{Ll}+s$/u.test(word)) return false;
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  return cues.orgHeads.has(singular);
}

function hasAnd(tokens: readonly Token[], span: NerSpan): boolean {
  for (let k = span.first; k < span.first + span.tokens; k++) if (tokens[k]!.text === 'and') return true;
  return false;
}

/** Every word ordinary English or one the cues say is no name ("Air Force", "Heritage Site"). */
function allOrdinaryWords(cues: Cues, tokens: readonly Token[], a: number, z: number): boolean {
  for (let k = a; k <= z; k++) {
    const w = tokens[k]!.text;
    if (!isOrdinaryWord(cues, w) && !NAME_CONNECTORS.has(w.toLowerCase()) && !cues.notNames.has(bare(w))) return false;
  }
  return true;
}

function isNoLoneName(scan: DocumentScan, word: string): boolean {
  const lower = bare(word);
  const cues = scan.cues;
  return cues.commonWord(lower) || cues.notNames.has(lower) || cues.lonePlaceWords.has(lower) || cues.peopleWords.has(lower) || scan.kb.countryOfDemonym(word) !== undefined;
}

const INITIAL = /^\p{Lu}\.$/u;

/** Whether `text` writes `phrase` in lower case, as words of their own ("the red star", not "Red Star"). */
function writesPhraseInLowerCase(text: string, phrase: string): boolean {
  const lower = phrase.toLowerCase();
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + lower.length] ?? ' ')) return true;
  }
  return false;
}

/** A capitalised word of letters, not a short form with a full stop ("Major", "Jan"; not "Gen."), nor a word of grammar. */
function isNameOfPerson(cues: Cues, word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && !cues.grammaticalWord(bare(word));
}

/**
 * No part of a name at its edge: a title, a word of grammar in lower case or opening the
 * sentence ("The"), a word of the calendar ("Monday"), a punctuation mark; an initial ("A." of "A. Dale") is one. Other words at the edge are the
 * tagger's to judge ("New" of "New York", "Such" of "Peter Such").
 */
const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;
// A score or a bowling figure ("6-82", "4-0-25-0"), which a results table writes right after a name.
const SCORE = /^\d+(?:[-–/]\d+)+$/;

function isNoNameWord(cues: Cues, word: string, sentenceStart: boolean): boolean {
  if (INITIAL.test(word)) return false;
  if (SCORE.test(word)) return true;
  const w = bare(word);
  // A word of grammar is capitalised in a name ("Will Carling") or at the start of a sentence.
  const grammar = cues.grammaticalWord(w) && (sentenceStart || !isCapitalised(word));
  return cues.titles.has(w) || grammar || cues.calendarWord(w) || !/[\p{L}\p{N}]/u.test(word);
}

/** A title of several people opening a name: "Envoys" of "Envoys Tesfaye Bekele and ...". */
function isPluralTitle(cues: Cues, word: string): boolean {
  const w = bare(word);
  return w.endsWith('s') && cues.titles.has(w.slice(0, -1));
}

function taggedRef(scan: DocumentScan, type: 'PER' | 'ORG' | 'LOC', surface: string): EntityRef | undefined {
  const kb = scan.kb;
  const known = scan.knownActor(surface);
  if (type === 'LOC') {
    const place = kb.lookupPlace(surface, scan.context);
    if (place && normalizeName(place.name) === normalizeName(surface)) return placeRefOf(place);
    if (known) return known;
    if (place) return placeRefOf(place);
    return addRef(scan, guessedRef('place', 'town', surface));
  }
  if (known) return known;
  if (type === 'PER') {
    const words = surface.split(/\s+/);
    const earlier = words.length <= 2 ? personByTail(scan, words) : undefined;
    return earlier ?? addRef(scan, guessedRef('actor', 'person', surface));
  }
  if (isAcronym(surface) && scan.acronyms.has(surface)) return scan.acronyms.get(surface);
  const head = surface.slice(surface.lastIndexOf(' ') + 1);
  // the head may open the name: "Army of Republika Srpska", "Front for the Liberation of ..."
  const opening = /^(\p{L}+)\s+(?:of|for)\s/u.exec(surface)?.[1];
  const kind = scan.cues.orgHeads.get(bare(head)) ?? (opening ? scan.cues.orgHeads.get(bare(opening)) : undefined) ?? 'organization';
  return addRef(scan, guessedRef('actor', kind, surface));
}

/**
 * The mentions a tagged name [start, end) would replace: none when it overlaps none; those it
 * contains when it is longer than them ("A. Dale" for "Dale", "Manchester United" for
 * "Manchester", "National Bank of Poland" for "National Bank" and "Poland"); undefined when it
 * would cut one or says no more than it (the earlier step wins).
 */
function mentionsInside(scan: DocumentScan, sentence: number, start: number, end: number, ignored?: ReadonlySet<EntityMention>): EntityMention[] | undefined {
  const out: EntityMention[] = [];
  let lo = end;
  let hi = start;
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start >= end || m.end <= start || ignored?.has(m)) continue;
    if (m.start < start || m.end > end) return undefined;
    out.push(m);
    lo = Math.min(lo, m.start);
    hi = Math.max(hi, m.end);
  }
  return out.length === 1 && lo === start && hi === end ? undefined : out;
}

/**
 * The names the cue rules guessed (none the knowledge base knows) that [start, end) cuts: that
 * overlap it and reach past one of its edges. None when a known name is cut, which the earlier
 * step keeps.
 */
function guessesCut(scan: DocumentScan, sentence: number, start: number, end: number, ignored: ReadonlySet<EntityMention>): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start >= end || m.end <= start || ignored.has(m)) continue;
    if (m.start >= start && m.end <= end) continue;
    if (m.known || !nameWordOutside(scan, m, start, end)) return [];
    out.push(m);
  }
  return out;
}

/**
 * A capitalised word of `m` outside [start, end), no head noun nor demonym: a guess with
 * "village" or "field" after the name, or a people before it, says more than the name.
 */
function nameWordOutside(scan: DocumentScan, m: EntityMention, start: number, end: number): boolean {
  const cues = scan.cues;
  const outside = `${scan.text.slice(m.start, Math.max(m.start, start))} ${scan.text.slice(Math.min(end, m.end), m.end)}`;
  for (const w of outside.split(/[^\p{L}\p{N}'-]+/u)) {
    if (!w || !isCapitalised(w)) continue;
    const lower = bare(w);
    // A demonym opens a body's name ("Syrian Revolutionary Command Council").
    if (!cues.placeHeads.has(lower) && !cues.orgHeads.has(lower) && !cues.nameAdjectives.has(lower.replace(AL_OR_EL, '')) && scan.kb.countryOfDemonym(w) === undefined) return true;
  }
  return false;
}

// The tagger's margin (weight units) from which its name beats a guess of the cue rules it cuts.
const CUT_GUESS_MARGIN = 20;

/**
 * It may grow one name the cues guessed ("Dale" to "A. Dale", "Peter" to "Peter Such"), with
 * capitalised words and name connectors only ("ISIL concentration" is no name), or a known
 * place into an organisation named after it whose head says it is one ("Tokyo Stock Exchange",
 * not "Palmyra Castle"); not a known entity otherwise ("Aleppo Casualties"), nor a list whose
 * commas were lost ("al-Hamadaniah New Aleppo").
 */
/** `margin`: how sure the tagger is of the span's reading; `extent`: of its words making one name, whatever its type (NerSpan). */
function mayReplace(scan: DocumentScan, inside: EntityMention[], tokens: readonly Token[], a: number, z: number, type: string, margin: number, extent: number): boolean {
  if (inside.length === 0) return true;
  if (!allNameWords(tokens, a, z)) return false;
  if (extent >= VERY_SURE_MARGIN && surelyOneName(scan, inside, tokens, a, z, type)) return true;
  // The whole span is itself a name the knowledge base knows ("NEW YORK" around "YORK").
  if (knownAsWhole(scan, type, scan.text.slice(tokens[a]!.start, tokens[z]!.end))) return true;
  // Names run together without their commas ("al-Hamadaniah New Aleppo") are a list; a name
  // joined by "of" or "&" ("National Bank of Poland") is one.
  // A person's name over several guesses ("Rasa" and "Mazeikyte") is one, not over a known name
  // ("Angela Kane" and "Damascus" with a line break lost).
  // A body the cues guessed at the end, after a place, is one name ("Kurdistan" and "Democratic
  // Party").
  const body = type === 'ORG' && inside.some((m) => m.kind === 'actor' && !m.known && m.end === tokens[z]!.end && m.start > tokens[a]!.start);
  // A person's name over one-word guesses and places ("Yasser" and the town "Arafat"), or over a
  // place matched with a typo ("Davie" in "Glyn Davies"), is one; not a full name and a place
  // after it ("Angela Kane" and "Damascus" with a line break lost).
  const guess = (m: EntityMention) => m.kind === 'actor' && m.type === 'person' && !m.known;
  const person = type === 'PER' && inside.some(guess) && inside.every((m) => guess(m) || (m.kind === 'place' && m.type !== 'country')) && (inside.every((m) => m.kind !== 'place' || normalizeName(m.label) !== normalizeName(m.surface)) || inside.every((m) => m.kind === 'place' || !/\s/.test(m.surface)));
  // A person reading over several new places the cues read one by one runs a list together ("in
  // Kels Shahroura Sarraf and Hajjar").
  if (type === 'PER' && inside.length > 1 && inside.every((m) => m.kind === 'place' && !m.known)) return false;
  if (inside.length > 1 && !hasInnerConnector(tokens, a, z) && !body && (type !== 'PER' || (inside.some((m) => m.known) && !person))) return false;
  for (const m of inside) if (!mayReplaceOne(scan, m, tokens, a, z, type, margin, extent)) return false;
  return true;
}

const INNER_CONNECTORS = new Set(['of', '&', 'for', 'de', 'du', 'des', 'di', 'del']);

function hasInnerConnector(tokens: readonly Token[], a: number, z: number): boolean {
  for (let k = a + 1; k < z; k++) if (INNER_CONNECTORS.has(tokens[k]!.text.toLowerCase())) return true;
  return false;
}

function mayReplaceOne(scan: DocumentScan, m: EntityMention, tokens: readonly Token[], a: number, z: number, type: string, margin: number, extent: number): boolean {
  if (!m.known) return true;
  // A person one of whose names is also a town ("Yasser Arafat", "Ngozi Adeyemi"); not a town
  // with an ordinary word ("Jazal Northwest", "Aleppo Casualties").
  // A country as a given name ("Chad Ogea") only on a sure reading.
  // On a sure reading, a word the document never writes in lower case is a name, whatever
  // compromise's lexicon says of it ("Wang Donghai").
  if (type === 'PER' && m.kind === 'place' && (m.type !== 'country' || margin >= SURE_PERSON_MARGIN)) return margin >= SURE_PERSON_MARGIN ? !ordinaryWordOutside(scan, tokens, a, z, m, false) : !ordinaryWordOutside(scan, tokens, a, z, m);
  // A known person's surname in another person's full name ("Andrei Medvedev"); a full name the
  // lexicon knows is that person again (taggedRef looks it up).
  // A lexicon person's nickname opening another's name ("Tiger" of "Tiger Woods") likewise,
  // not that person's own name with a possessive whose apostrophe was lost ("Saddam Husseins").
  if (type === 'PER' && m.type === 'person') return (m.start > tokens[a]!.start || m.end < tokens[z]!.start) && !sharesNameWord(m.label, tokens, a, z, m);
  // A preposition before the place counts only outside the name ("in Canada", not "Bank of Canada"),
  // and not in a document of clubs ("lost to Guingamp").
  // A head noun of bodies closing the name after the place overrides the preposition ("of the
  // Kurdistan Democratic Party", "on the New York Stock Exchange").
  if (type === 'ORG' && opensBody(scan, m, tokens, a, z)) return true;
  if (type !== 'ORG' || m.kind !== 'place') return false;
  const headed = m.start === tokens[a]!.start && m.end < tokens[z]!.start && scan.cues.orgHeads.has(bare(tokens[z]!.text));
  if (headed) return true;
  if (m.start === tokens[a]!.start && !scan.clubs && placeCueBefore(scan, m)) return false;
  if (m.start === tokens[a]!.start && m.end === tokens[z]!.end) return true;
  // A club or body named after a place ("Manchester United", "Bank of Canada"), read surely,
  // whose other words name no place ("Palmyra Castle" is a site).
  return extent >= TEAM_MARGIN && !placeWordOutside(scan, tokens, a, z, m);
}

/**
 * A body's name whose head noun goes on with "of" and capitalised words the knowledge base knows
 * as nothing ("Commission of Inquiry", "Court of Auditors"), cut by the tagger after the head:
 * the last token of the whole name.
 */
function throughOfTail(scan: DocumentScan, tokens: readonly Token[], z: number): number {
  if (!scan.cues.orgHeads.has(bare(tokens[z]!.text)) || tokens[z + 1]?.text !== 'of') return z;
  let end = z + 1;
  while (end + 1 < tokens.length && isWord(tokens[end + 1]!) && isCapitalised(tokens[end + 1]!.text) && !scan.cues.titles.has(bare(tokens[end + 1]!.text))) end++;
  if (end === z + 1) return z;
  const tail = scan.text.slice(tokens[z + 2]!.start, tokens[end]!.end);
  if (scan.kb.lookupPlace(tail, scan.context) || scan.knownActor(tail)) return z;
  return end;
}

/**
 * A known body's short form opening the name of a body with a head noun of its own is that
 * body's parent ("UN Commission of Inquiry", "EU Court of Auditors", "WHO Health Emergencies
 * Programme"); not a name opening another ("Fatah Sham Front" is no part of Fatah).
 */
function opensBody(scan: DocumentScan, m: EntityMention, tokens: readonly Token[], a: number, z: number): boolean {
  if (m.kind !== 'actor' || m.type === 'person' || !m.known || m.start !== tokens[a]!.start || !ACRONYM_OPENER.test(m.surface)) return false;
  let headed = false;
  for (let k = a + 1; k <= z; k++) {
    const t = tokens[k]!;
    if (t.start < m.end || !isWord(t)) continue;
    // Capitalised name words and their connectors only: "U.N. The Syrian Center" runs two sentences together.
    if (t.text === 'The' || (!isCapitalised(t.text) && !INNER_CONNECTORS.has(t.text) && t.text !== 'on')) return false;
    if (isCapitalised(t.text) && scan.cues.orgHeads.has(bare(t.text))) headed = true;
  }
  return headed;
}

/** A body's short form that opens the names of its parts: "UN", "U.N.", "EU", "WHO". */
const ACRONYM_OPENER = /^(?:\p{Lu}\.?){2,6}$/u;

/**
 * A name the tagger is very sure of, over shorter names inside it, is one name ("Manchester
 * City", "Patriotic Union of Kurdistan", "William Hague"), not several run together: each
 * inside name is whole words of it; a person's name holds one other name, no organisation; an
 * organisation ends in a place only after "of" ("al-Hamadaniah New Aleppo" is a list); a known
 * body opening it with names after it qualifies them ("UNESCO World Heritage Site"). A place
 * span keeps the checks of mayReplace ("Aleppo Casualties", "France Britain").
 */
function surelyOneName(scan: DocumentScan, inside: EntityMention[], tokens: readonly Token[], a: number, z: number, type: string): boolean {
  if (type === 'LOC' || a === z) return false;
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (let k = a; k <= z; k++) {
    starts.add(tokens[k]!.start);
    ends.add(tokens[k]!.end);
  }
  for (const m of inside) {
    if (!starts.has(m.start) || !ends.has(m.end)) return false;
    if (m.known && m.kind === 'actor' && qualifiesNamesAfter(tokens, a, z, m)) return false;
    if (type === 'ORG' && m.kind === 'place' && m.end === tokens[z]!.end && !INNER_CONNECTORS.has(scan.text.slice(0, m.start).trimEnd().split(/\s+/).pop()!.toLowerCase())) return false;
  }
  if (type === 'PER') return inside.length === 1 && !(inside[0]!.kind === 'actor' && inside[0]!.type !== 'person');
  return true;
}

/** Whether `m` opens [a, z] and a capitalised word follows it there. */
function qualifiesNamesAfter(tokens: readonly Token[], a: number, z: number, m: EntityMention): boolean {
  if (m.start !== tokens[a]!.start) return false;
  const next = tokens.findIndex((t, k) => k > a && k <= z && t.start >= m.end);
  return next >= 0 && isCapitalised(tokens[next]!.text);
}

/** Whether the knowledge base knows `surface` itself, as a place for a LOC span and as an actor for any. */
function knownAsWhole(scan: DocumentScan, type: string, surface: string): boolean {
  if (scan.knownActor(surface)) return true;
  if (type !== 'LOC') return false;
  const place = scan.kb.lookupPlace(surface, scan.context);
  return place !== undefined && normalizeName(place.name) === normalizeName(surface);
}

/** A place head, a title word or a known place among the words of the span outside `m` ("Palmyra Castle", "DAMASCUS Syria", "Syrias Deputy Prime"). */
function placeWordOutside(scan: DocumentScan, tokens: readonly Token[], a: number, z: number, m: EntityMention): boolean {
  const cues = scan.cues;
  for (let k = a; k <= z; k++) {
    const t = tokens[k]!;
    if (t.end > m.start && t.start < m.end) continue;
    const w = bare(t.text);
    if (cues.placeHeads.has(w) || cues.titleWords.has(w) || scan.kb.countryOfDemonym(t.text) !== undefined || possessorOf(scan, t.text) !== undefined) return true;
    // An ordinary English word is no place here, whatever village bears it ("Bank", "National").
    const place = isCapitalised(t.text) && t.text.length > 2 && !isOrdinaryWord(cues, t.text) ? scan.kb.lookupPlace(t.text, scan.context) : undefined;
    if (place && normalizeName(place.name) === normalizeName(t.text)) return true;
  }
  return false;
}

/** Whether a word of the span outside `m` opens like a word of `label` ("Husseins" and "Hussein"). */
function sharesNameWord(label: string, tokens: readonly Token[], a: number, z: number, m: EntityMention): boolean {
  const words = label.toLowerCase().split(/\s+/).map((w) => w.replace(AL_OR_EL, ''));
  for (let k = a; k <= z; k++) {
    const t = tokens[k]!;
    if (t.end > m.start && t.start < m.end) continue;
    const w = t.text.toLowerCase().replace(AL_OR_EL, '');
    if (words.some((x) => x.length >= 3 && (w.startsWith(x) || x.startsWith(w)))) return true;
  }
  return false;
}

function ordinaryWordOutside(scan: DocumentScan, tokens: readonly Token[], a: number, z: number, m: EntityMention, lexicon = true): boolean {
  for (let k = a; k <= z; k++) {
    const t = tokens[k]!;
    if (t.end > m.start && t.start < m.end) continue;
    if ((lexicon && isOrdinaryWord(scan.cues, t.text)) || writesInLowerCase(scan.text, t.text.toLowerCase())) return true;
  }
  return false;
}

/**
 * A name the cue rules guessed with the title before it ("German Defence Minister Volker
 * Ruehe" as a town): the tagged person at its end replaces it.
 */
function titledName(scan: DocumentScan, st: SentenceTokens, start: number, end: number, type: string): EntityMention[] | undefined {
  if (type !== 'PER') return undefined;
  for (const m of scan.mentions) {
    if (m.sentence !== st.sentence.index || m.known || m.end !== end || m.start >= start) continue;
    const before = scan.text.slice(m.start, start).toLowerCase().split(/\s+/);
    return before.some((w) => scan.cues.titles.has(w.replace(/\.$/, ''))) ? [m] : undefined;
  }
  return undefined;
}

/** A preposition or place noun before a place mention ("in Homs", "the town of Tal Shahab"), or an Arabic place prefix opening it. */
function placeCueBefore(scan: DocumentScan, m: EntityMention): boolean {
  const cues = scan.cues;
  const st = scan.perSentence[m.sentence]!;
  const k = st.tokens.findIndex((t) => t.start === m.start);
  if (k < 0) return true;
  const first = st.tokens[k]!.text;
  if (cues.placePrefixes.has(first) || ARTICLE_GLUED.test(first)) return true;
  if (cues.placePrepositions.has(lowerWordBefore(st, k, 1)) || endsWithAny(lowerWordBefore(st, k, 3), cues.placeLowerPrefixes)) return true;
  // In a list after a place: "the villages of Mannoukh and Housis".
  const before = st.tokens[k - 1]?.text;
  if (before !== 'and' && before !== ',') return false;
  let prev: EntityMention | undefined;
  for (const o of scan.mentions) if (o.sentence === m.sentence && o.end <= st.tokens[k - 1]!.start && (!prev || o.end > prev.end)) prev = o;
  return prev !== undefined && prev.kind === 'place';
}

/**
 * A known town or region the tagger reads as an organisation on the very same words, and more
 * often so than as anything else in the document: a club or company named after it
 * ("Leicestershire beat Somerset", "Nice"), when the tagger is sure of it. Not a site ("Palmyra
 * Castle"), not after a place cue, nor in a list of places. Not a country nor a
 * capital, which news uses for their governments (read as such by readCapitalsAsCountries).
 */
// The tagger's margin (weight units) from which its ORG reading of a known town is trusted:
// sports clubs score 17-46 on CoNLL dev; a slip on a Syrian town ("Sukhnah") about 6.
const TEAM_MARGIN = 12;
// The tagger's margin from which a person's name may hold a country's ("Chad Ogea", "Jordan Henderson").
const SURE_PERSON_MARGIN = 15;
// In a document where several towns are surely clubs (a results table, a match report), a
// weaker ORG reading of another town is trusted as well: the document names its clubs so.
const CLUB_DOCUMENT_MARGIN = 2;
const CLUB_DOCUMENT_TOWNS = 2;
// Outside such a document, a known town is a club only on a surer reading: the tagger, which
// reads the gazetteer, slips up to 17 on a town named in an aside ("known in Arabic as Tadmur").
const LONE_CLUB_MARGIN = 20;
// The tagger's margin from which its span beats the shorter names the lexicons and cues found inside it.
const VERY_SURE_MARGIN = 30;

function isKnownTown(scan: DocumentScan, surface: string): boolean {
  const place = scan.kb.lookupPlace(surface, scan.context);
  return place !== undefined && TEAM_PLACE_TYPES.has(place.type) && normalizeName(place.name) === normalizeName(surface);
}

/**
 * Whether the tagger surely reads at least CLUB_DOCUMENT_TOWNS different known towns of the
 * document as organisations; or, in an article on sport, one town at CLUB_DOCUMENT_MARGIN ("the
 * former Blackburn and Southampton skipper", which the tagger reads as clubs but not surely).
 */
function clubDocument(scan: DocumentScan, spans: NerSpan[][]): boolean {
  const clubs = new Set<string>();
  // (read first: outside sport only sure readings count, which spares most gazetteer look-ups)
  const sport = talksOfSport(scan);
  for (const found of spans) {
    for (const span of found) {
      if (span.type !== 'ORG' || span.margin < (sport ? CLUB_DOCUMENT_MARGIN : TEAM_MARGIN)) continue;
      const surface = scan.text.slice(span.start, span.end);
      if (clubs.has(surface) || !isKnownTown(scan, surface)) continue;
      if (sport) return true;
      clubs.add(surface);
      if (clubs.size >= CLUB_DOCUMENT_TOWNS) return true;
    }
  }
  return false;
}

// Sentences with a word of sport that make an article one on sport.
const SPORT_SENTENCES = 2;

function talksOfSport(scan: DocumentScan): boolean {
  const words = scan.cues.sportWords;
  let n = 0;
  for (const st of scan.perSentence) if (st.tokens.some((t) => words.has(t.text)) && ++n >= SPORT_SENTENCES) return true;
  return false;
}
const TEAM_PLACE_TYPES = new Set(['city', 'town', 'region']);

function sameSpanTeam(scan: DocumentScan, sentence: number, start: number, end: number, clubs: boolean): EntityMention[] | undefined {
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start !== start || m.end !== end) continue;
    // In a document of clubs, "lost to Guingamp" is no place cue.
    return m.kind === 'place' && TEAM_PLACE_TYPES.has(m.type) && !scan.kb.capitalOf(m.key) && (clubs || !placeCueBefore(scan, m)) ? [m] : undefined;
  }
  return undefined;
}

/**
 * A town the cues guessed from a weak cue on the very same words as a sure person of several
 * words ("the regime of Desi Bouterse", "to Yitzak Shamir in Israel"): not when a place head or
 * prefix is among its words or a place noun before it ("the village of Hamadi Omar").
 */
/**
 * A place read as a person on the same word that is the surname of a person the article named
 * before ("Arafat" after "Yasser Arafat", "Jordan" after "Neil Jordan"), when the document
 * reads that word as a place nowhere: that person.
 */
function sameSpanSurname(scan: DocumentScan, sentence: number, start: number, end: number): EntityMention[] | undefined {
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start !== start || m.end !== end) continue;
    return m.kind === 'place' && personByTail(scan, [scan.text.slice(start, end)]) !== undefined ? [m] : undefined;
  }
  return undefined;
}

/**
 * A name the cue rules guessed (none the knowledge base knows) on the very same words as a very
 * sure tagged name of another kind ("MONTE CARLO" a person for its given name "Carlo"): the
 * tagger's reading replaces it, but not a place a place word gives.
 */
function sameSpanOtherGuess(scan: DocumentScan, sentence: number, start: number, end: number, type: 'PER' | 'ORG' | 'LOC'): EntityMention[] | undefined {
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start !== start || m.end !== end) continue;
    // Nor a place the cues read from a place word before or in it ("Tal al-Jabiyeh", "near Tel Hamis").
    if (m.known || (m.kind === 'place' && placeCueBefore(scan, m))) return undefined;
    const same = type === 'LOC' ? m.kind === 'place' : m.kind === 'actor' && (m.type === 'person') === (type === 'PER');
    return same ? undefined : [m];
  }
  return undefined;
}
// The tagger's margin from which its type beats a cue guess on the same words.
const RETYPE_MARGIN = 20;

function sameSpanPlaceGuess(scan: DocumentScan, sentence: number, start: number, end: number): EntityMention[] | undefined {
  for (const m of scan.mentions) {
    if (m.sentence !== sentence || m.start !== start || m.end !== end) continue;
    if (m.known || m.kind !== 'place' || m.type !== 'town') return undefined;
    const st = scan.perSentence[sentence]!;
    const k = st.tokens.findIndex((t) => t.start === start);
    if (k < 0 || endsWithAny(lowerWordBefore(st, k, 3), scan.cues.placeLowerPrefixes)) return undefined;
    for (const t of st.tokens) {
      if (t.start < start || t.end > end) continue;
      if (scan.cues.placeHeads.has(bare(t.text)) || scan.cues.placePrefixes.has(t.text) || ARTICLE_GLUED.test(t.text)) return undefined;
    }
    return [m];
  }
  return undefined;
}

const NAME_CONNECTORS = new Set(['of', 'in', 'on', 'de', 'du', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'al', 'bin', 'ibn', 'and', '&', 'for', 'the', "'s", '’s', '.', '-']);

function allNameWords(tokens: readonly Token[], a: number, z: number): boolean {
  for (let k = a; k <= z; k++) {
    const w = tokens[k]!.text;
    if (!isCapitalised(w) && !NAME_CONNECTORS.has(w.toLowerCase())) return false;
  }
  return true;
}

/** Takes mentions out, with the refs and relations no other mention keeps. */
function dropMentions(scan: DocumentScan, dropped: Set<EntityMention>): void {
  const mentions = scan.mentions;
  let n = 0;
  for (const m of mentions) if (!dropped.has(m)) mentions[n++] = m;
  mentions.length = n;
  const living = new Set<string>();
  for (const m of mentions) living.add(m.key);
  const gone = new Set<string>();
  for (const m of dropped) if (!living.has(m.key)) gone.add(m.key);
  if (gone.size === 0) return;
  for (const key of gone) scan.refs.delete(key);
  const relations = scan.relations;
  n = 0;
  for (const r of relations) if (!gone.has(r.from) && !gone.has(r.to)) relations[n++] = r;
  relations.length = n;
  for (let k = scan.personNames.length - 1; k >= 0; k--) if (gone.has(scan.personNames[k]!.key)) scan.personNames.splice(k, 1);
}

/** Like cover, but also the tokens the span only overlaps ("Smith's" for the name "Smith"). */
function coverOverlapping(st: SentenceTokens, start: number, end: number, idx: number): void {
  for (let i = 0; i < st.tokens.length; i++) {
    const t = st.tokens[i]!;
    if (t.start < end && t.end > start) st.covered[i] = idx;
  }
}

/** A matcher hit as a mention, unless it is part of a longer unknown name or a modifier. */
function addMatcherHit(scan: DocumentScan, h: NameMatch): void {
  const si = sentenceIndexAt(scan.sentences, h.start);
  if (si < 0 || !hitIsName(scan, h)) return;
  const ref = scan.kb.resolveHit(h, scan.context);
  if (!ref) return;
  addMention(scan, ref, scan.sentences[si]!, h.start, h.end, h.surface);
  cover(scan.perSentence[si]!, h.start, h.end, scan.mentions.length - 1);
}

const GENERIC_ALIAS = /^(?:the\s+)?(?:military|army|regime|government)$/i;
const MODIFIED_NOUN_AFTER = /^\s+(?:sources?|analysts?|experts?|officials?|vehicles?|posts?|bases?|operations?|positions?|units?|spokesm[ae]n|statement|media)\b/i;
const SPACE = /\s/;
const NAME_AFTER = /^\s+(?:\p{Lu}|(?:al|el|ad|ar|as|az|ez|ash)-)/u;
const WORD_BEFORE = /(\p{Lu}[\p{L}]*)\s+$/u;
const NEW_BEFORE = /(?:^|[^\p{L}])New $/u;

function hitIsName(scan: DocumentScan, h: NameMatch): boolean {
  const text = scan.text;
  const cues = scan.cues;
  // A place-name hit that is really the first word of a longer unknown name ("Ain" of
  // "Ain al-Zekr", "Tal" of "Tal Shahab") or a common word ("March", "North") is no place.
  // A generic alias used as a modifier ("Military sources said", "army vehicles") is no actor.
  if (GENERIC_ALIAS.test(h.surface) && MODIFIED_NOUN_AFTER.test(text.slice(h.end, h.end + 16))) return false;
  if (h.candidates.every(isPlaceCandidate)) {
    const single = !SPACE.test(h.surface);
    if (single && cues.placePrefixes.has(h.surface) && NAME_AFTER.test(text.slice(h.end, h.end + 24))) return false;
    // ...or its second part ("Malah" of "Tal Malah"); that needs a space before the hit.
    const prev = h.start > 0 && isSpace(text.charCodeAt(h.start - 1)) ? WORD_BEFORE.exec(text.slice(Math.max(0, h.start - 12), h.start)) : null;
    if (prev && cues.placePrefixes.has(prev[1]!)) return false;
    if (single && cues.notNames.has(h.surface.toLowerCase())) return false;
    // ...or of a "New" place named after it ("New Aleppo", as "New York" is no York).
    if (NEW_BEFORE.test(text.slice(Math.max(0, h.start - 4), h.start))) return false;
    // ...or the town an organisation is named after ("the Palmyra Coordination Committee",
    // "Aleppo Media Center"): the whole run is the organisation's name (step 3).
    if (namesLocalBody(text.slice(h.end, h.end + 60), cues.localBodyHeads)) return false;
  }
  return true;
}

/** The capitalised words right after a place name, up to four, when the run ends there. */
const CAPITALISED_RUN_AFTER = /^ (\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3})(?! \p{Lu})/u;

function namesLocalBody(after: string, heads: ReadonlySet<string>): boolean {
  const run = CAPITALISED_RUN_AFTER.exec(after)?.[1];
  return run !== undefined && heads.has(run.slice(run.lastIndexOf(' ') + 1).toLowerCase());
}

function isPlaceCandidate(c: NameCandidate): boolean {
  return c.kind === 'place';
}

function demonymCountry(kb: KnowledgeBase, t: Token): string | undefined {
  return isCapitalised(t.text) ? kb.countryOfDemonym(t.text) : undefined;
}

function addDemonymForces(scan: DocumentScan, st: SentenceTokens): void {
  for (let i = 0; i < st.tokens.length; i++) {
    const cc = demonymCountry(scan.kb, st.tokens[i]!);
    if (cc) i = addDemonymForcesAt(scan, st, i, cc);
  }
}

interface Demonym {
  cc: string;
  tok: Token;
}

/** The forces named by the demonym at token i and those joined to it; returns the token to go on after. */
function addDemonymForcesAt(scan: DocumentScan, st: SentenceTokens, i: number, cc: string): number {
  const s = st.sentence;
  const text = scan.text;
  // "Syrian and Russian air forces": both demonyms share the head.
  let j = i;
  const demonyms: Demonym[] = [{ cc, tok: st.tokens[i]! }];
  while (st.tokens[j + 1]?.text === 'and' || st.tokens[j + 1]?.text === '-') {
    const next = st.tokens[j + 2];
    const ncc = next ? demonymCountry(scan.kb, next) : undefined;
    if (!next || !ncc) break;
    demonyms.push({ cc: ncc, tok: next });
    j += 2;
  }
  const after = text.slice(st.tokens[j]!.end, Math.min(s.end, st.tokens[j]!.end + 40));
  const m = DEMONYM_MILITARY.exec(after);
  if (!m) return i;
  const head = m[1]!.toLowerCase().replace(/\s+/g, ' ');
  const branch = MILITARY_AIR.test(head) ? 'air' : 'ground';
  const end = st.tokens[j]!.end + m[0].length;
  // A phrase the matcher already knows ("Syrian Arab Army") wins.
  if (st.covered[i]! >= 0) return i;
  for (let k = 0; k < demonyms.length; k++) {
    const d = demonyms[k]!;
    const ref = scan.kb.militaryOf(d.cc, branch);
    if (!ref) continue;
    const startOff = d.tok.start;
    // each mention spans its own words: the demonym, and the shared head for the last one (nested
    // spans would read "Russian and Syrian troops" as one side)
    const endOff = k === demonyms.length - 1 ? end : d.tok.end;
    const surface = demonyms.length > 1 ? `${d.tok.text} ${m[1]}` : text.slice(startOff, end);
    addMention(scan, ref, s, startOff, endOff, surface);
    cover(st, startOff, endOff, scan.mentions.length - 1);
  }
  return j;
}

const NUMBER = /^\d{1,4}$/;
/** Words before a name that place it ("to nearby Brigade 93", "at Base 46"). */
const PLACING_WORDS = new Set(['to', 'at', 'inside', 'into', 'near', 'nearby', 'toward', 'towards', 'outside', 'around']);

/**
 * Units and sites named by a head noun and a number ("Division 17", "Brigade 93", "Regiment
 * 121"): a name of its own. In Syria's war as in others, a numbered unit's name is also its base:
 * the name is a site when some mention of it in the article is placed ("the Division 17 base",
 * "withdrew to nearby Brigade 93"), and then every mention of it is that site. Unplaced, the
 * name is left to the other steps (a league's "Division 2" is no unit).
 */
function addNumberedNames(scan: DocumentScan): void {
  const cues = scan.cues;
  const found: Array<{ st: SentenceTokens; i: number; name: string; placed: boolean }> = [];
  for (const st of scan.perSentence) {
    const toks = st.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const head = toks[i]!.text;
      const number = toks[i + 1]!;
      if (!isCapitalised(head) || !NUMBER.test(number.text) || st.covered[i] !== -1 || st.covered[i + 1] !== -1) continue;
      if (!/^\s$/.test(scan.text.slice(toks[i]!.end, number.start))) continue;
      const lower = head.toLowerCase();
      const unit = cues.orgHeads.get(lower);
      if ((unit !== 'military' && unit !== 'armed group') || lower === 'forces' || lower === 'units' || lower === 'army') continue;
      const after = toks[i + 2];
      const headAfter = after !== undefined && isWord(after) && cues.placeHeads.get(after.text.toLowerCase()) === 'site';
      let k = i - 1;
      while (k >= 0 && /^(?:the|nearby)$/i.test(toks[k]!.text)) k--;
      const placed = headAfter || (k < i - 1 && toks[i - 1]!.text.toLowerCase() === 'nearby') || (k >= 0 && PLACING_WORDS.has(toks[k]!.text.toLowerCase()));
      found.push({ st, i, name: `${head} ${number.text}`, placed });
    }
  }
  const sites = new Set(found.filter((f) => f.placed).map((f) => f.name));
  for (const { st, i, name } of found) {
    if (!sites.has(name)) continue;
    const ref = addRef(scan, guessedRef('place', 'site', name));
    const toks = st.tokens;
    addMention(scan, ref, st.sentence, toks[i]!.start, toks[i + 1]!.end);
    cover(st, toks[i]!.start, toks[i + 1]!.end, scan.mentions.length - 1);
  }
}

function recogniseSpans(scan: DocumentScan, st: SentenceTokens): void {
  const s = st.sentence;
  const toks = st.tokens;
  let i = 0;
  while (i < toks.length) {
    if (st.covered[i]! >= 0) {
      const m = scan.mentions[st.covered[i]!]!;
      if (m.kind === 'place') scan.lastPlaceSpan = { sentence: s.index, end: m.end };
      i++;
      continue;
    }
    if (!isWord(toks[i]!) || !isCapitalised(toks[i]!.text)) {
      i++;
      continue;
    }
    const j = capitalisedRunEnd(scan, st, i);
    classifySpan(scan, st, numberedUnit(scan, st, i, j) ? i - 1 : i, j);
    i = j + 1;
  }
}

/** The last token of the run of capitalised words from token i, with name connectors inside it. */
function capitalisedRunEnd(scan: DocumentScan, st: SentenceTokens, i: number): number {
  const toks = st.tokens;
  let j = i;
  while (j + 1 < toks.length) {
    const next = toks[j + 1]!;
    if (st.covered[j + 1] !== -1) break;
    if (scan.text.slice(toks[j]!.end, next.start).includes('\n')) break;
    // A known name's possessive ends the run: "Moscow's Central Clinical Hospital" is two names.
    if (APOSTROPHE_S.test(toks[j]!.text) && possessorOf(scan, toks[j]!.text)) break;
    if (isWord(next) && isCapitalised(next.text)) {
      j++;
      continue;
    }
    if (joinsName(st, j, next.text.toLowerCase())) {
      j += 2;
      continue;
    }
    // "von der Leyen", "van den Berg": a pair of particles joins as one
    if (PARTICLE_PAIR.test(next.text) && st.covered[j + 2] === -1 && /^(?:der|den)$/.test(toks[j + 2]?.text ?? '') && joinsName(st, j + 1, toks[j + 2]!.text)) {
      j += 3;
      continue;
    }
    if (j > i && middleInitial(scan, st, j)) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

const ORDINAL = /^\d+(?:st|nd|rd|th)$/i;
const UNIT_TYPES = new Set(['military', 'armed group']);

/** Whether the run i..j is a military unit numbered by the ordinal before it ("the 112th Mechanized Brigade"). */
function numberedUnit(scan: DocumentScan, st: SentenceTokens, i: number, j: number): boolean {
  const before = st.tokens[i - 1];
  if (!before || !ORDINAL.test(before.text) || st.covered[i - 1] !== -1) return false;
  return UNIT_TYPES.has(scan.cues.orgHeads.get(bare(st.tokens[j]!.text)) ?? '');
}

const CAPITAL_LETTER = /^\p{Lu}$/u;

/** Whether token j is a middle initial inside a name ("Robert P. Harlan"): a capital, a full stop, a name word. */
function middleInitial(scan: DocumentScan, st: SentenceTokens, j: number): boolean {
  const toks = st.tokens;
  const initial = toks[j]!;
  const dot = toks[j + 1];
  const after = toks[j + 2];
  if (!dot || !after || !CAPITAL_LETTER.test(initial.text) || dot.text !== '.' || dot.start !== initial.end) return false;
  // "Plan B. The army": a word that opens sentences starts a new one.
  return isWord(after) && isCapitalised(after.text) && st.covered[j + 2] === -1 && !scan.cues.sentenceStarters(after.text.toLowerCase());
}

/** The Arabic article as names write it in Latin letters. */
const ARTICLES = 'al|el|ad|ar|as|az|ez|ash';
const ARTICLE_GLUED = new RegExp(`^(?:${ARTICLES})-`);
const BARE_ARTICLE = new RegExp(`^(?:${ARTICLES})$`);
const AND_JOINS = /^(?:Security|Development|Justice|Human|Space|Construction)$/;

/** Lower-case particles inside European family names: "Lula da Silva", "Ursula von der Leyen", "Dos Santos". */
const NAME_PARTICLES = new Set(['da', 'das', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'ter']);
const PARTICLE_PAIR = /^(?:von|van)$/;

/** Whether the connector after token j ("of", "al", "bin", "and"...) joins the next capitalised word to the name. */
function joinsName(st: SentenceTokens, j: number, conn: string): boolean {
  const after = st.tokens[j + 2];
  return (
    (conn === 'of' || conn === 'al' || conn === 'bin' || conn === 'ibn' || conn === 'abu' || conn === 'de' || conn === 'for' || conn === 'and' || NAME_PARTICLES.has(conn) || ARTICLE_GLUED.test(conn)) &&
    after !== undefined && isWord(after) && isCapitalised(after.text) && st.covered[j + 2] === -1 &&
    // "X and Y" joins only inside an organisation name ("Syrian Observatory for Human Rights" style)
    (conn !== 'and' || AND_JOINS.test(after.text))
  );
}

/** The up to n words before token i, in lower case, joined by spaces. */
function lowerWordBefore(st: SentenceTokens, i: number, n: number): string {
  let words = '';
  for (let k = i - 1; k >= 0 && k >= i - n; k--) {
    const t = st.tokens[k]!;
    if (!isWord(t)) break;
    words = k === i - 1 ? t.text.toLowerCase() : `${t.text.toLowerCase()} ${words}`;
  }
  return words;
}

/** A word in lower case without a final dot or possessive: w.toLowerCase().replace(/\.$/, '').replace(/['’]s$/, ''). */
function bare(w: string): string {
  let s = w.toLowerCase();
  if (s.endsWith('.')) s = s.slice(0, -1);
  return withoutPossessive(s);
}

/** s.replace(/['’]s$/, '') */
function withoutPossessive(s: string): string {
  return s.endsWith("'s") || s.endsWith('’s') ? s.slice(0, -2) : s;
}

function isHead(cues: Cues, w: string): boolean {
  return cues.orgHeads.has(w) || cues.placeHeads.has(w);
}

/** A lower-case word with no hyphen: a connector inside a run ("of", "and"), never "al-Bab". */
const CONNECTOR = /^\p{Ll}+$/u;

const OPENING_WORD = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|new|old|great|grand|greater|free|national|popular|islamic|united|general)$/;

/** A capitalised span once stripped of the words that are no part of a name. */
interface Span {
  st: SentenceTokens;
  /** Token index where the run began, and where the name begins and ends in it. */
  i: number;
  a: number;
  z: number;
  words: Token[];
  surface: string;
  firstWord: string;
  lastLower: string;
  start: number;
  end: number;
  /** Title words stripped from the front ("President", "Gen."). */
  title: string;
}

/**
 * Trims the run of tokens i..j to the name in it, or undefined when none is left: leading words
 * capitalised only by position or that are titles, trailing words that are no names ("Syria
 * Monday", "Assad's").
 */
function trimSpan(scan: DocumentScan, st: SentenceTokens, i: number, j: number): Span | undefined {
  const cues = scan.cues;
  const toks = st.tokens;
  let a = i;
  let title = '';
  // Directions and adjectives open many real names ("Northern Storm Brigade", "Eastern Ghouta"):
  // kept when the span ends in an organisation or place head.
  const headed = isHead(cues, bare(toks[j]!.text));
  while (a <= j) {
    const w = bare(toks[a]!.text);
    if (headed && a < j && OPENING_WORD.test(w)) break;
    // "New" before a place names another place ("New Aleppo", "New Delhi").
    if (w === 'new' && a < j && isCapitalised(toks[a]!.text) && scan.kb.lookupPlace(toks[a + 1]!.text, scan.context)) break;
    // Titles of several people too: "Envoys Tesfaye Bekele and ...".
    if (cues.titles.has(w) || (a < j && isPluralTitle(cues, w)) || (a + 1 <= j && cues.titles.has(`${w} ${toks[a + 1]!.text.toLowerCase()}`))) {
      title = title ? `${title} ${toks[a]!.text}` : toks[a]!.text;
      a++;
      continue;
    }
    // A connector left first once the words before it went ("Most of Idlibs" → "of Idlibs").
    if (cues.notNames.has(w) || (a === 0 && cues.sentenceStarters(w)) || (a > i && CONNECTOR.test(toks[a]!.text))) {
      a++;
      continue;
    }
    break;
  }
  let z = j;
  while (z >= a) {
    const w = bare(toks[z]!.text);
    if (!cues.notNames.has(w) || isHead(cues, w)) break;
    z--;
  }
  if (a > z) return undefined;
  const words = toks.slice(a, z + 1);
  // A run of many capitalised words with no punctuation is a list or a headline, not a name.
  if (words.length > 5) return undefined;
  const surface = withoutPossessive(scan.text.slice(words[0]!.start, words[words.length - 1]!.end));
  const start = words[0]!.start;
  return { st, i, a, z, words, surface, firstWord: words[0]!.text, lastLower: words[words.length - 1]!.text.toLowerCase(), start, end: start + surface.length, title };
}

function classifySpan(scan: DocumentScan, st: SentenceTokens, i: number, j: number): void {
  const span = trimSpan(scan, st, i, j);
  if (!span) return;
  const cues = scan.cues;
  const lastLower = span.lastLower;
  // A lone generic noun capitalised in a name's tail ("the Palmyra Triangle and Castle").
  if (span.words.length === 1 && (cues.placeHeads.has(lastLower) || cues.orgHeads.has(lastLower) || cues.titles.has(lastLower))) return;
  // A lexicon acronym foreign to the article ("CTS" in a price table) is no name here either.
  if (scan.isForeignAcronym(span.surface)) return;
  // A known actor the fast pass missed (a possessive, an odd hyphen): "ISIL’s".
  const knownActor = scan.knownActor(span.surface);
  if (knownActor) {
    addMention(scan, knownActor, st.sentence, span.start, span.end);
    return;
  }
  if (splitAtAdjective(scan, span) || splitAtPossessor(scan, span)) return;
  // A lexicon name with one typo ("Ahrar al-Cham", "al-Zinki") is that actor.
  const nearActor = span.words.length >= 2 || ARTICLE_GLUED.test(span.surface) ? scan.kb.actorByNearName(span.surface) : undefined;
  if (nearActor) {
    addMention(scan, nearActor, st.sentence, span.start, span.end);
    return;
  }
  resolveSpan(scan, span, readSpanCues(scan, span));
}

/**
 * A hyphen compound ending in an adjective ("Kurdish-led", "al-Qaeda-affiliated", "US-Led") is no
 * name: the words on either side of it are read as spans of their own. False when there is none.
 */
function splitAtAdjective(scan: DocumentScan, span: Span): boolean {
  const toks = span.st.tokens;
  for (let k = span.a; k <= span.z; k++) {
    if (!isHyphenAdjective(scan.cues, toks[k]!.text)) continue;
    if (k > span.a) classifySpan(scan, span.st, span.a, k - 1);
    if (k < span.z) classifySpan(scan, span.st, k + 1, span.z);
    return true;
  }
  return false;
}

function isHyphenAdjective(cues: Cues, word: string): boolean {
  const hyphen = word.lastIndexOf('-');
  return hyphen > 0 && cues.adjectiveSuffixes.has(word.slice(hyphen + 1).toLowerCase());
}

/**
 * A first word that is a known actor or place with a possessive "s" whose apostrophe was lost
 * ("Syrias Deir az-Zour", "al-Qaedas", "Aleppos Marjeh") is that entity; the words after it are
 * read as a span of their own. False when the first word is no such possessive.
 */
function splitAtPossessor(scan: DocumentScan, span: Span): boolean {
  const word = span.words[0]!;
  const owner = possessorOf(scan, word.text);
  // A given name with the possessive s ("at Muhammads suggestion") names no place.
  if (!owner) return span.words.length === 1 && isGivenNamePossessive(scan, word.text);
  // The name without its apostrophe-s ("Moscow" of "Moscow's"), as the tagger reads it.
  const end = APOSTROPHE_S.test(word.text) ? word.end - 2 : word.end;
  if (!overlapsMention(scan, span.st.sentence.index, word.start, end)) addMention(scan, owner, span.st.sentence, word.start, end);
  if (span.z > span.a) classifySpan(scan, span.st, span.a + 1, span.z);
  return true;
}

/** The known entity a word names once a final "s" is dropped, when the whole word is none. */
const APOSTROPHE_S = /['’]s$/;

function possessorOf(scan: DocumentScan, word: string): EntityRef | undefined {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return undefined;
  const kb = scan.kb;
  // With its apostrophe ("Moscow's") the possessive is plain: any name known as the stem.
  if (APOSTROPHE_S.test(word)) {
    const owner = word.slice(0, -2);
    const known = scan.knownActor(owner);
    if (known) return known;
    const at = kb.lookupPlace(owner, scan.context);
    return at && normalizeName(at.name) === normalizeName(owner) ? placeRefOf(at) : undefined;
  }
  // The whole word spelled as a known name is that name ("Homs"); a look-up only near it is not.
  const whole = kb.lookupPlace(word, scan.context);
  if (scan.knownActor(word) || (whole && normalizeName(whole.name) === normalizeName(word))) return undefined;
  if (kb.countryOfDemonym(word)) return undefined;
  const stem = word.slice(0, -1);
  const actor = scan.knownActor(stem);
  if (actor) return actor;
  // A place spelled as the stem exactly that many write about: a country, or the capital of a
  // country or province ("Aleppos", "Moscows"); "Rices" or "Buttes" are no possessive of a small town.
  const place = kb.lookupPlace(stem, scan.context);
  if (!place || normalizeName(place.name) !== normalizeName(stem)) return undefined;
  return place.type === 'country' || place.featureCode === 'PPLC' || place.featureCode === 'PPLA' ? placeRefOf(place) : undefined;
}

function isGivenNamePossessive(scan: DocumentScan, word: string): boolean {
  if (word.length < 4 || !word.endsWith('s')) return false;
  const stem = word.slice(0, -1);
  // Arabic given names only: English ones make surnames so ("Williams", "Harris").
  return scan.cues.givenNames.has(stem.toLowerCase());
}

function overlapsMention(scan: DocumentScan, sentence: number, start: number, end: number): boolean {
  for (const m of scan.mentions) if (m.sentence === sentence && m.start < end && m.end > start) return true;
  return false;
}

/** What the words around a span say about it. */
interface SpanCues {
  /** An acronym defined right after it: "National Defense Forces (NDF)". */
  acronym: string | undefined;
  /** The lower-case word, and the three words, before it ("in", "town of"). */
  before1: string;
  before3: string;
  /** The place type its head says ("Tal al-Frat region", "al-Mahr oilfield"), and where the head ends. */
  placeHead: string | undefined;
  headEnd: number;
  /** The head is a lower-case word after the name, no part of it. */
  lowerHead: boolean;
  orgType: string | undefined;
  hasPlacePrefix: boolean;
  /** A lower-case title before the span ("media activist"), and the title in all. */
  lowerTitle: string;
  title: string;
  personCue: boolean;
}

// Module constants: a regular expression literal in a function is a new object at each call.
const LOWER_FIRST = /^\p{Ll}/u;
// A word in lower case throughout ("shares"; not "al-Assad"): no name ends with one.
const LOWER_WORD = /^\p{Ll}+$/u;
const RUN_ON = /\s\p{Ll}+$/u;
const GROUP_AFTER = /^(?:group|militia|faction|brigade|battalion|movement)$/;
const GROUP_KIND_AFTER = /^(?:terrorist|militant|rebel|jihadist|extremist|armed|insurgent|islamist)$/;
const GROUPS_AFTER = /^(?:group|groups|organization|militia|faction)$/;
const ACRONYM_AT = /\s*\(([A-Z][A-Z0-9\-]{1,7})\)/y;

/**
 * An acronym in brackets within 12 characters after `end` ("National Defense Forces (NDF)"):
 * /^\s*\(([A-Z][A-Z0-9\-]{1,7})\)/ on those 12 characters, matched in place instead of on a copy.
 */
function acronymAfter(text: string, end: number): string | undefined {
  ACRONYM_AT.lastIndex = end;
  const m = ACRONYM_AT.exec(text);
  return m && ACRONYM_AT.lastIndex <= end + 12 ? m[1]! : undefined;
}

function readSpanCues(scan: DocumentScan, span: Span): SpanCues {
  const { st, words, lastLower, firstWord, z } = span;
  const cues = scan.cues;
  const toks = st.tokens;
  const acronym = acronymAfter(scan.text, span.end);
  // Text before the span decides place readings ("in Zizun", "town of Yalda").
  const before1 = lowerWordBefore(st, span.a, 1);
  const before3 = lowerWordBefore(st, span.a, 3);
  const nextTok = toks[z + 1];
  const nextWord = nextTok && isWord(nextTok) ? nextTok.text.toLowerCase() : '';
  const next2 = toks[z + 2] && isWord(toks[z + 2]!) ? toks[z + 2]!.text.toLowerCase() : '';

  // Place heads written in lower case after the name: "Tal al-Frat region", "al-Mahr oilfield".
  let placeHead: string | undefined = words.length >= 2 ? cues.placeHeads.get(lastLower) : undefined;
  let headEnd = span.end;
  let lowerHead = false;
  // A head of two words first ("Shaar gas field", "Omar oil field").
  const next2Tok = toks[z + 2];
  if (!placeHead && next2 && nextTok && next2Tok && LOWER_FIRST.test(nextTok.text) && cues.placeHeads.has(`${nextWord} ${next2}`)) {
    placeHead = cues.placeHeads.get(`${nextWord} ${next2}`);
    headEnd = next2Tok.end;
    lowerHead = true;
  }
  if (!placeHead && nextWord && nextTok && LOWER_FIRST.test(nextTok.text) && cues.placeHeads.has(nextWord) && nextWord !== 'city' && nextWord !== 'state' && nextWord !== 'front') {
    placeHead = cues.placeHeads.get(nextWord);
    headEnd = nextTok.end;
    lowerHead = true;
  }
  // A site's head after one lower-case word that qualifies it: "Abu Shouk displacement camp",
  // "Zamzam refugee camp" (not a verb's: "Aleppo reported attack", "Homs residents fled"), for a
  // name the gazetteer does not know already.
  const siteAfter = next2 ? cues.placeHeads.get(next2) : undefined;
  if (!placeHead && nextTok && next2Tok && (siteAfter === 'site' || siteAfter === 'area') && LOWER_FIRST.test(nextTok.text) && /^\p{Ll}{4,}$/u.test(nextTok.text) && !cues.grammaticalWord(nextWord) && !/(?:ed|ing|ly|s)$/.test(nextWord) && !scan.kb.lookupPlace(span.surface, scan.context)) {
    placeHead = siteAfter;
    headEnd = next2Tok.end;
    lowerHead = true;
  }
  // Organisation heads: in the name ("Yarmouk Martyrs Brigade") or after it in lower case
  // ("Jeish al-Islam terrorist group", "Desert Falcons fighters").
  let orgType = words.length >= 2 ? cues.orgHeads.get(lastLower) : undefined;
  // Arabic words that open an armed group's name: "Liwaa al-Fath", "Jaish al-Islam".
  // Not when the name was cut after its article ("Jaysh Al" before a matched "Fateh").
  if (!orgType && words.length >= 2 && cues.groupOpeners.has(firstWord.toLowerCase()) && !BARE_ARTICLE.test(lastLower)) orgType = 'armed group';
  if (!orgType && GROUP_AFTER.test(nextWord)) orgType = 'armed group';
  if (!orgType && GROUP_KIND_AFTER.test(nextWord) && GROUPS_AFTER.test(next2)) orgType = 'armed group';
  const hasPlacePrefix = (cues.placePrefixes.has(firstWord) && words.length >= 2) || (ARTICLE_GLUED.test(firstWord) && words.length === 1);

  // People: a title before (capitalised in the span or lower case before it), a known first
  // name, or a reporting verb after a two-word name.
  const lowerTitle = lowerTitleBefore(cues, st, span.a);
  const title = !span.title && lowerTitle ? lowerTitle : span.title;
  const firstIsGivenName = scan.kb.isGivenName(firstWord) && words.length >= 2;
  // An apposition naming an office: "Oleh Synyehubov, the governor of Kharkiv"; not after a
  // place's preposition ("in the suburb of Souq al-Juma, a spokesman for the airport said").
  const afterPlaceWord = cues.placePrepositions.has(before1) || endsWithAny(before3, cues.placeLowerPrefixes);
  const officeAfter = words.length >= 2 && words.length <= 4 && !afterPlaceWord && officeApposition(cues, scan.text, span.end);
  return {
    acronym,
    before1,
    before3,
    placeHead,
    headEnd,
    lowerHead,
    orgType,
    hasPlacePrefix,
    lowerTitle,
    title,
    personCue: title !== '' || firstIsGivenName || officeAfter,
  };
}

const APPOSITION_AT = /\s*,\s*(?:the|a|an)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s+(?:of|for|at|with|in)\s/uy;

/** Whether ", the (deputy) governor of", ", a spokesman for" follows `end`: an office held by the name before. */
function officeApposition(cues: Cues, text: string, end: number): boolean {
  APPOSITION_AT.lastIndex = end;
  const m = APPOSITION_AT.exec(text);
  if (!m) return false;
  const words = m[1]!.split(/\s+/);
  return cues.titles.has(words[words.length - 1]!);
}

/** Types a span by its cues, in order of trust; what has no cue waits to be read as a short form. */
function resolveSpan(scan: DocumentScan, span: Span, c: SpanCues): void {
  const { words, surface } = span;
  const s = span.st.sentence;
  if (c.acronym !== undefined && isAcronym(c.acronym) && words.length >= 2) {
    addAcronymDefinition(scan, span, c.acronym, c.orgType);
    return;
  }
  if (isAcronym(surface) && scan.acronyms.has(surface)) {
    addMention(scan, scan.acronyms.get(surface)!, s, span.start, span.end);
    return;
  }
  if (c.personCue && !c.orgType && !c.placeHead && !c.hasPlacePrefix && words.length <= 4) {
    addPersonSpan(scan, span, c);
    return;
  }
  if (c.orgType) {
    const ref = scan.knownActor(surface) ?? addRef(scan, guessedRef('actor', c.orgType, surface));
    addMention(scan, ref, s, span.start, span.end);
    return;
  }
  // A surname of someone named earlier ("According to al-Hussein") is that person, not a place.
  const texts = tokenTexts(words);
  const namedBefore = words.length <= 2 && !c.placeHead ? personByTail(scan, texts) : undefined;
  if (namedBefore) {
    addMention(scan, namedBefore, s, span.start, span.end);
    return;
  }
  if (addPlaceSpan(scan, span, c)) return;
  // Otherwise: a short form resolved later, or nothing.
  scan.pendingShortForms.push({ st: span.st, start: span.start, end: span.end, surface, words: texts });
}

function tokenTexts(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) out.push(t.text);
  return out;
}

function addAcronymDefinition(scan: DocumentScan, span: Span, acronym: string, orgType: string | undefined): void {
  const kb = scan.kb;
  const words = span.words.map((t) => t.text);
  // A place opening the long form was read as a name of its own ("Tigray" of "Tigray People's
  // Liberation Front (TPLF)"): when the acronym's letters need it, the long form takes it back.
  const opener = spellsAcronym(words, acronym) ? undefined : nameOpening(scan, span, words, acronym);
  const surface = opener ? scan.text.slice(opener.start, span.end) : span.surface;
  // The long form the article gives decides: "Central Trading System (CTS)" is no lexicon "CTS".
  const known = scan.knownActor(surface) ?? kb.actorByNearName(surface);
  const ref = known ?? addRef(scan, guessedRef('actor', orgType ?? 'organization', surface));
  if (opener) {
    const oldKey = opener.key;
    takeIdentity(opener, ref);
    opener.end = span.end;
    opener.surface = surface;
    cover(span.st, opener.start, span.end, scan.mentions.indexOf(opener));
    if (!scan.mentions.some((m) => m.key === oldKey)) scan.refs.delete(oldKey);
  } else {
    addMention(scan, ref, span.st.sentence, span.start, span.end);
  }
  scan.acronyms.set(acronym, ref);
}

/** The mention right before `span` (a space apart) whose words, with the span's, spell `acronym`. */
function nameOpening(scan: DocumentScan, span: Span, words: string[], acronym: string): EntityMention | undefined {
  const text = scan.text;
  for (const m of scan.mentions) {
    if (m.sentence !== span.st.sentence.index || m.end > span.start || !/^\s+$/.test(text.slice(m.end, span.start))) continue;
    const all = [...m.surface.split(/\s+/), ...words];
    let initials = '';
    for (const w of all) if (/^\p{Lu}/u.test(w)) initials += w[0];
    return initials === acronym ? m : undefined;
  }
  return undefined;
}

function addPersonSpan(scan: DocumentScan, span: Span, c: SpanCues): void {
  const ref = addRef(scan, guessedRef('actor', 'person', span.surface));
  if (span.words.length >= 2) scan.personNames.push(ref);
  addMention(scan, ref, span.st.sentence, span.start, span.end);
  scan.lastPlaceSpan = undefined;
}

/** A span read as a place when a cue says so; false when no cue does. */
function addPlaceSpan(scan: DocumentScan, span: Span, c: SpanCues): boolean {
  const { words, surface, firstWord, start } = span;
  const kb = scan.kb;
  const text = scan.text;
  const s = span.st.sentence;
  const placeHead = c.placeHead;
  const hasPlacePrefix = c.hasPlacePrefix;
  // A list continues a place reading: "towns of Yalda, Babbila and Seyedi Meqdad".
  const last = scan.lastPlaceSpan;
  const between = last && last.sentence === s.index ? text.slice(last.end, start) : '';
  const listCue = scan.listItem || (between !== '' && /^\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(between)) || endsPlaceList(scan, span);
  const prefixCue = endsWithAny(c.before3, scan.cues.placeLowerPrefixes) || opensPlaceList(scan.cues, c.before3);
  const placeCue = placeHead !== undefined || hasPlacePrefix || listCue || prefixCue || scan.cues.placePrepositions.has(c.before1);
  // One unknown word that is a demonym or an ordinary English word ("Turkish", "Ceasefire"),
  // or that the same article also writes in lower case (capitalised elsewhere), is no place name.
  if (words.length === 1 && !placeHead && !hasPlacePrefix) {
    const lower = firstWord.toLowerCase();
    if (kb.countryOfDemonym(firstWord) || scan.cues.commonWord(lower) || /(?:ean|ian|ish|ese)$/.test(lower) || writesInLowerCase(scan.text, lower)) return true;
  }
  if (!placeCue) return false;
  // A demonym before a head is no name ("a Syrian gas field", "the Turkish border crossing").
  if (words.length === 1 && kb.countryOfDemonym(firstWord)) return true;
  const headEnd = c.headEnd;
  const name = placeHead && !c.lowerHead && words.length >= 2 ? text.slice(start, words[words.length - 2]!.end) : surface;
  const known = kb.lookupPlace(surface, scan.context) ?? (name !== surface ? kb.lookupPlace(name, scan.context) : undefined);
  const surfaceFull = text.slice(start, headEnd);
  if (known) {
    addMention(scan, placeRefOf(known), s, start, headEnd, surfaceFull);
    scan.lastPlaceSpan = { sentence: s.index, end: headEnd };
    return true;
  }
  if (isNoPlaceName(scan, span, c)) return true;
  // Given name and family name ("Bassam al-Ayashi"): a person unless a cue names a place outright
  // or the name ends in a noun of the places named after people ("Nisreen Street").
  if (!placeHead && !hasPlacePrefix && !listCue && !prefixCue && isPersonShaped(scan, span)) {
    if (words.length >= 2) addPersonSpan(scan, span, c);
    return true;
  }
  // "according to X" names a source, never a place: a person when it has two words or more.
  if (!placeHead && !hasPlacePrefix && c.before3.endsWith('according to')) {
    if (words.length >= 2) addPersonSpan(scan, span, c);
    return true;
  }
  // An unknown one-word name needs more than "of" before it, and a given name is a person.
  if (!placeHead && !hasPlacePrefix && !listCue && !prefixCue && words.length === 1 && c.before1 === 'of') return true;
  if (!placeHead && !hasPlacePrefix && kb.isGivenName(firstWord)) return true;
  if (!placeHead && !hasPlacePrefix && !listCue && kb.countryOfDemonym(firstWord)) return true;
  if (splitAtNextName(scan, span, inList(span, c, listCue, prefixCue), prefixCue)) return true;
  const type = placeHead ?? 'town';
  // The label is the name; a lower-case head ("region", "airport") stays an alias only, but some
  // sites' and areas' are part of their name ("Hajjar field", "al-Kark roundabout", "al-Safih
  // triangle"): a town of the same name is another place.
  const label = ((type === 'site' || type === 'area') && c.lowerHead && scan.cues.siteNameHeads.has(text.slice(span.end, headEnd).trim().toLowerCase()) ? surfaceFull : surface).replace(/^(?:the)\s+/i, '');
  const ref = addRef(scan, guessedRef('place', type, label, label.replace(/\s+(?:region|district|area|province|governorate)$/i, '')));
  addMention(scan, ref, s, start, headEnd, surfaceFull);
  scan.lastPlaceSpan = { sentence: s.index, end: headEnd };
  return true;
}

/**
 * Names that are no place whatever cue precedes them: a people, faith or demonym ("the Lebanese
 * town", "Muslims Christians", "Besieged Syrian"), a generic place noun alone and without a head
 * ("Khan", "Tariq", but "the Hara area"), a title-case headline ("Fierce Fighting Against",
 * "Liberate Another Village"), or ordinary English words with no place head ("Divert Attention",
 * "Daily Mail").
 */
function isNoPlaceName(scan: DocumentScan, span: Span, c: SpanCues): boolean {
  const { words } = span;
  const cues = scan.cues;
  // A dynasty or faith before a site's head names the site ("Umayyad square"), a nationality
  // never does ("a Saudi port"), nor any of them before a town's head ("the Lebanese town").
  const site = c.placeHead === 'site' && scan.kb.countryOfDemonym(words[words.length - 1]!.text) === undefined;
  if (!site && namesAPeople(scan, words)) return true;
  if (words.length === 1) return c.placeHead === undefined && cues.lonePlaceWords.has(bare(words[0]!.text));
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!.text;
    if (isCapitalised(w) && cues.headlineWords.has(w.toLowerCase())) return true;
  }
  // The run went on with one ("Attempt to Divert Attention From Mosul"), trimmed off the span.
  const after = span.st.tokens[span.z + 1];
  if (after && isCapitalised(after.text) && cues.headlineWords.has(after.text.toLowerCase())) return true;
  return c.placeHead === undefined && !c.hasPlacePrefix && words.every((t) => isOrdinaryWord(cues, t.text) || writesInLowerCase(scan.text, t.text.toLowerCase()));
}

/**
 * A given name alone or opening a name of up to four words ("Bassam al-Ayashi"), or a name of two
 * words ending in one, as Arabic family names often do ("Jowan Ibrahim"); not when the name ends
 * in a noun of the places named after people ("Nisreen Street").
 */
function isPersonShaped(scan: DocumentScan, span: Span): boolean {
  const { words, lastLower } = span;
  const given = scan.cues.givenNames;
  if (words.length > 4 || scan.cues.namedAfterHeads.has(lastLower)) return false;
  if (given.has(span.firstWord.toLowerCase())) return true;
  const first = span.firstWord.toLowerCase();
  return words.length === 2 && given.has(lastLower) && !ARTICLE_GLUED.test(first) && !scan.cues.lonePlaceWords.has(first);
}

/** The last word names a people, faith or nationality and every word before it is such a word or an ordinary one. */
function namesAPeople(scan: DocumentScan, words: Token[]): boolean {
  const last = words[words.length - 1]!.text;
  if (!isPeopleWord(scan, last, words.length === 1)) return false;
  for (let k = 0; k < words.length - 1; k++) {
    const w = words[k]!.text;
    if (!isPeopleWord(scan, w, false) && !isOrdinaryWord(scan.cues, w) && !writesInLowerCase(scan.text, w.toLowerCase())) return false;
  }
  return true;
}

const DEMONYM_ENDING = /(?:ean|ian|ish|ese)s?$/;

function isPeopleWord(scan: DocumentScan, word: string, alone: boolean): boolean {
  const lower = word.toLowerCase();
  return scan.cues.peopleWords.has(lower) || scan.kb.countryOfDemonym(word) !== undefined || (alone && DEMONYM_ENDING.test(lower) && !ARTICLE_GLUED.test(lower));
}

/** An ordinary English word: no hyphen or Arabic article, and in compromise's lexicon. */
function isOrdinaryWord(cues: Cues, word: string): boolean {
  return !word.includes('-') && cues.commonWord(word.toLowerCase());
}

/**
 * A list whose commas were lost ("the villages of Abdin Kafr Ain Kafr Sajna", "Tal al-Mal Tal
 * Mashara"): each part is read as a span of its own. False when the span has no such word.
 */
function splitAtNextName(scan: DocumentScan, span: Span, listed: boolean, placeList: boolean): boolean {
  const toks = span.st.tokens;
  for (let k = span.a + 1; k <= span.z; k++) {
    const w = toks[k]!.text;
    const prev = toks[k - 1]!.text;
    if (!opensNextName(scan, span, k, w, prev, listed)) continue;
    splitAt(scan, span, k);
    return true;
  }
  if (listed && oneWordItems(scan, span)) {
    splitAt(scan, span, span.a + 1);
    return true;
  }
  if (!placeList) return false;
  // In a list a place noun opens ("the villages of", "the suburbs of"), a part that is a name of
  // its own: a town the gazetteer knows in the article's country
  // ("Zamalka Arbeen"), or a name the article also writes alone ("Ain Tarma Zamalka" beside "the
  // council in Ain Tarma").
  // Not a facility's name ("al-Qamishli National Hospital", "Saadallah al-Jabiri Square"), nor a
  // person's; not after a lone prefix, which makes a name of what follows ("Tal Malah"), nor before
  // an adjective of the name ("Sfeira Tahtani").
  if (isOneNamedThing(scan, span)) return false;
  for (let k = span.a + 1; k <= span.z; k++) {
    if (k === span.a + 1 && scan.cues.placePrefixes.has(toks[span.a]!.text)) continue;
    const next = toks[k]!.text;
    if (scan.cues.nameAdjectives.has(next.slice(next.indexOf('-') + 1).toLowerCase())) continue;
    if (!standsAlone(scan, span, span.a, k - 1) && !standsAlone(scan, span, k, span.z)) continue;
    splitAt(scan, span, k);
    return true;
  }
  return false;
}

/** A plural place noun opening a list: "villages including", "towns such as", "districts like". */
const LIST_OPENER = /(?:^|\s)([a-z-]+s)\s+(?:including|such\s+as|like|namely)$/;

function opensPlaceList(cues: Cues, before3: string): boolean {
  const noun = LIST_OPENER.exec(before3)?.[1];
  if (!noun) return false;
  return cues.placeHeads.has(noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.slice(0, -1));
}

/**
 * A list of one-word names whose commas were lost ("in Kels Shahroura Sarraf and Hajjar"): the
 * item after "and" is one word, and so is each here, when none is a prefix, an article, an
 * ordinary word or a given name, and no two of them make a known place ("New York").
 */
function oneWordItems(scan: DocumentScan, span: Span): boolean {
  const toks = span.st.tokens;
  const and = toks[span.z + 1];
  const item = toks[span.z + 2];
  const after = toks[span.z + 3];
  if (span.z === span.a || and?.text !== 'and' || !item || !isWord(item) || !isCapitalised(item.text)) return false;
  if (after && isWord(after) && isCapitalised(after.text)) return false;
  for (let k = span.a; k <= span.z; k++) {
    const w = toks[k]!.text;
    if (!isWord(toks[k]!) || w.length < 3 || w.includes('-') || scan.cues.placePrefixes.has(w) || BARE_ARTICLE.test(w.toLowerCase())) return false;
    if (isOrdinaryWord(scan.cues, w) || scan.kb.isGivenName(w) || scan.cues.givenNames.has(w.toLowerCase())) return false;
    if (k > span.a && scan.kb.lookupPlace(`${toks[k - 1]!.text} ${w}`, scan.context)) return false;
  }
  return true;
}

/** Whether the span is followed by "and", a last name and a plural place noun: "A B and C neighborhoods". */
function endsPlaceList(scan: DocumentScan, span: Span): boolean {
  const toks = span.st.tokens;
  if (toks[span.z + 1]?.text !== 'and') return false;
  let k = span.z + 2;
  while (k < toks.length && k <= span.z + 5 && isWord(toks[k]!) && (isCapitalised(toks[k]!.text) || ARTICLE_GLUED.test(toks[k]!.text))) k++;
  const noun = toks[k];
  if (k === span.z + 2 || !noun || !isWord(noun) || !/^\p{Ll}+s$/u.test(noun.text)) return false;
  return scan.cues.placeHeads.has(noun.text.endsWith('ies') ? `${noun.text.slice(0, -3)}y` : noun.text.slice(0, -1));
}

/** Reads span.a..k-1 and k..span.z as two items of a list. */
function splitAt(scan: DocumentScan, span: Span, k: number): void {
  const wasListItem = scan.listItem;
  scan.listItem = true;
  classifySpan(scan, span.st, span.a, k - 1);
  classifySpan(scan, span.st, k, span.z);
  scan.listItem = wasListItem;
}

/** A span ending in a word for a place or body, or opening with a given name: one name, not a list. */
function isOneNamedThing(scan: DocumentScan, span: Span): boolean {
  const last = bare(span.st.tokens[span.z]!.text);
  const cues = scan.cues;
  const first = span.firstWord;
  const given = cues.givenNames.has(first.toLowerCase()) || (scan.kb.isGivenName(first) && !cues.placePrefixes.has(first));
  return cues.placeHeads.has(last) || cues.namedAfterHeads.has(last) || cues.orgHeads.has(last) || given;
}

/** Whether words a..z of a span name a place of their own (see splitAtNextName). */
function standsAlone(scan: DocumentScan, span: Span, a: number, z: number): boolean {
  const toks = span.st.tokens;
  const first = toks[a]!.text;
  // A prefix or an article alone names nothing ("Tal", "al-"), nor an ordinary word.
  if (a === z && (scan.cues.placePrefixes.has(first) || BARE_ARTICLE.test(first.toLowerCase()) || isOrdinaryWord(scan.cues, first))) return false;
  const name = scan.text.slice(toks[a]!.start, toks[z]!.end);
  if (name.length < 5) return false;
  const place = scan.kb.lookupPlace(name, scan.context);
  if (place && (place.type === 'town' || place.type === 'city') && place.country !== undefined && scan.context.countries.includes(place.country)) return true;
  return writtenAlone(scan.text, name, toks[span.a]!.start, toks[span.z]!.end);
}

/** Whether the text writes the name somewhere outside [from, to) with no capitalised word beside it. */
function writtenAlone(text: string, name: string, from: number, to: number): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at >= from && at < to) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    const after = text.slice(at + name.length, at + name.length + 24);
    if (/[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after)) continue;
    if (CAPITALISED_WORD_BEFORE.test(before) || CAPITALISED_WORD_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

const CAPITALISED_WORD_BEFORE = /\p{Lu}[\p{L}'’-]*\s+$/u;
const CAPITALISED_WORD_AFTER = /^\s+\p{Lu}/u;

/**
 * Whether word k of the span opens another name: a place prefix after a word that is none (nor
 * an article), or the first word again; in a list, an article-glued word after another one
 * unless it is an adjective of the name before ("al-Sabil al-Mogambo", not "al-Kark al-Sharqi"),
 * or any word after such an adjective, which ends a name.
 */
function opensNextName(scan: DocumentScan, span: Span, k: number, w: string, prev: string, listed: boolean): boolean {
  const prefixes = scan.cues.placePrefixes;
  if (prefixes.has(w)) {
    const afterName = !prefixes.has(prev) || (w === span.firstWord && k > span.a + 1);
    return afterName && !SPLIT_KEEPERS.has(w) && !ARTICLE_WORD.test(prev) && k < span.z;
  }
  if (!listed) return false;
  // A word that opens names ("New", "Old", "North") after a name word opens the next name of
  // the list ("al-Hamadaniah | New Aleppo").
  // Not in one facility's name ("al-Qamishli National Hospital").
  if (k < span.z && OPENING_WORD.test(w.toLowerCase()) && !OPENING_WORD.test(prev.toLowerCase()) && !prefixes.has(prev) && !ARTICLE_WORD.test(prev) && !isOneNamedThing(scan, span)) return true;
  // An adjective of the name ends it ("al-Shindakhiyeh al-Shamaliyeh | Mannoukh").
  if (ARTICLE_GLUED.test(prev) && k > span.a + 1 && scan.cues.nameAdjectives.has(prev.slice(prev.indexOf('-') + 1).toLowerCase())) return true;
  if (!ARTICLE_GLUED.test(w) || !ARTICLE_GLUED.test(prev)) return false;
  return !scan.cues.nameAdjectives.has(w.slice(w.indexOf('-') + 1).toLowerCase());
}

/** The span stands in a list of places: "neighborhoods of A B and C", "A, B and C". */
function inList(span: Span, c: SpanCues, listCue: boolean, prefixCue: boolean): boolean {
  if (listCue || (prefixCue && c.before3.endsWith('s of'))) return true;
  const next = span.st.tokens[span.z + 1];
  return next !== undefined && next.text === 'and';
}

/** Prefixes that are also titles or parts of names inside a name ("Sheikh", "Arab", "Mount"). */
const SPLIT_KEEPERS = new Set(['Sheikh', 'Arab', 'Mount']);
const ARTICLE_WORD = /^(?:al|Al|el|El|ad|ar|as|az|ash|an|at|bin|Bin|ibn|Ibn|Abu|Umm|Um|of|de|du)$/;

function endsWithAny(text: string, suffixes: Set<string>): boolean {
  for (const p of suffixes) if (text.endsWith(p)) return true;
  return false;
}

/** The person of this article whose full name ends with these words ("al-Omar", "Abdel Rahman"). */
function personByTail(scan: DocumentScan, words: string[]): EntityRef | undefined {
  if (scan.personNames.length === 0) return undefined;
  const key = words.join(' ').toLowerCase().replace(AL_OR_EL, '');
  for (const r of scan.personNames) if (nameTails(scan, r.label).includes(key)) return r;
  // A given name alone stands for the one person of the document it opens ("Abiy" after "Abiy
  // Ahmed", "Lula" after "Lula da Silva"); with two such people it names neither.
  if (words.length !== 1 || scan.sharedGivenNames.has(key)) return undefined;
  let head: EntityRef | undefined;
  for (const r of scan.personNames) {
    if (!r.label.toLowerCase().startsWith(`${key} `)) continue;
    if (head && head.key !== r.key) return undefined;
    head = r;
  }
  return head;
}

const AL_OR_EL = /^(?:al|el)-/;

/**
 * What a surname is compared with: the ends of a full name from its second word on, in lower
 * case, without a leading al- or el-. Built once per name and document, as every short span asks.
 */
function nameTails(scan: DocumentScan, label: string): string[] {
  let tails = scan.nameTails.get(label);
  if (!tails) {
    tails = [];
    const parts = label.toLowerCase().split(/\s+/);
    for (let n = 1; n < parts.length; n++) tails.push(parts.slice(n).join(' ').replace(AL_OR_EL, ''));
    scan.nameTails.set(label, tails);
  }
  return tails;
}

/** A lower-case title just before a name: "media activist", "press secretary", "lawmaker". */
function lowerTitleBefore(cues: Cues, st: SentenceTokens, a: number): string {
  const parts: string[] = [];
  for (let k = a - 1; k >= 0 && parts.length < 3; k--) {
    const t = st.tokens[k]!;
    if (!isWord(t) || !LOWER_FIRST.test(t.text) || !cues.titleWords.has(t.text.toLowerCase())) break;
    parts.unshift(t.text);
  }
  // Only a real title counts ("local media activist" ends in "activist").
  while (parts.length && !cues.titles.has(parts[parts.length - 1]!.toLowerCase())) parts.pop();
  return parts.join(' ');
}

function resolveShortForms(scan: DocumentScan): void {
  const personNames = scan.personNames;
  for (const m of scan.mentions) {
    if (m.type === 'person' && /\s/.test(m.label) && !hasKey(personNames, m.key)) personNames.push(scan.refs.get(m.key) ?? m);
  }
  for (const p of scan.pendingShortForms) {
    const person = personByTail(scan, p.words);
    if (person) {
      addMention(scan, person, p.st.sentence, p.start, p.end, p.surface);
      continue;
    }
    const actor = scan.knownActor(p.surface);
    if (actor) addMention(scan, actor, p.st.sentence, p.start, p.end, p.surface);
  }
}

function hasKey(refs: EntityRef[], key: string): boolean {
  for (const r of refs) if (r.key === key) return true;
  return false;
}

// Known people from the lexicon whose surname appears alone ("Putin", "Shoigu") are found by the
// matcher through their aliases; lexicon people also carry their affiliation.
function linkLexiconParents(scan: DocumentScan): void {
  const kb = scan.kb;
  const firstOfActor = firstSentences(scan.mentions);
  for (const ref of [...scan.refs.values()]) {
    if (ref.kind !== 'actor' || !ref.parent) continue;
    const parent = kb.actorRef(ref.parent) ?? kb.countryRef(ref.parent);
    if (!parent) continue;
    addRef(scan, parent);
    const first = firstOfActor.get(ref.key);
    if (first !== undefined) scan.relations.push(newRelation(ref.key, parent.key, ref.type === 'person' ? 'affiliation' : 'part of', undefined, first));
  }
}

const KNOWN_AS = /^\s*[,(]?\s*(?:(?:also\s+|better\s+|locally\s+|widely\s+|formerly\s+)?(?:known|called)(?:\s+(?:in|to|by)\s+(?:the\s+)?\p{L}+)?\s+as|(?:also\s+)?(?:spelled|spelt|written)|formerly)\s+(?:the\s+)?["“']?$/iu;

function mergeKnownAs(scan: DocumentScan): void {
  const refs = scan.refs;
  const ordered = [...scan.mentions].sort((x, y) => x.start - y.start);
  for (let k = 0; k + 1 < ordered.length; k++) {
    const a = ordered[k]!;
    const b = ordered[k + 1]!;
    if (a.sentence !== b.sentence || a.key === b.key) continue;
    if (!KNOWN_AS.test(scan.text.slice(a.end, b.start))) continue;
    const keep = refs.get(a.key)?.known || !refs.get(b.key)?.known ? a : b;
    // The other name takes the kind of the name it is another name of, when nothing knew it.
    const other = refs.get((keep === a ? b : a).key);
    if (a.kind !== b.kind && (!other || other.known)) continue;
    const dropKey = (keep === a ? b : a).key;
    const target = refs.get(keep.key);
    // Every mention of the dropped name takes the kept identity, then the dropped ref goes.
    // (The key is read once: renaming the dropped mention itself must not change which
    // mentions follow, nor which ref is deleted.)
    if (!target) continue;
    for (const m of scan.mentions) if (m.key === dropKey) takeIdentity(m, target);
    refs.delete(dropKey);
  }
}

// A capital speaking: optional auxiliaries or adverbs, then the verb ("Moscow has also said").
const CAPITAL_VOICE = /^\s+(?:(?:has|have|had|also|again|later|then|officially|publicly|quickly|swiftly|firmly|strongly|repeatedly|previously|on\s+\w+day)\s+){0,3}([a-z]+)\b/;
// Between two names of one coordination: "Moscow and Tehran", "Moscow, Ankara and Tehran".
const COORDINATION = /^\s*(?:,\s*)?(?:(?:and|&)\s+)?$/;
// A possessive ("Moscow's", "Athens'", or "Moscows" where the apostrophe was lost), then up
// to three lower-case words: up to two modifiers and the owned noun ("Moscow's air campaign").
const CAPITAL_POSSESSIVE = /^(?:['’]s?|s)((?:\s+[a-z]+\b){1,3})/;
// What may follow an owned noun without making it a modifier ("Moscow's support for", not
// "Tokyo's support level"): punctuation, a preposition, a conjunction or an auxiliary.
const CLAUSE_GOES_ON = /^(?:\s*(?:[,.;:)"”!?]|$)|\s+(?:for|in|of|to|on|with|against|over|from|at|by|toward|towards|since|after|during|into|across|while|when|because|amid|despite|until|before|and|or|but|that|which|who|is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|does|did)\b)/;
const GOVERNMENT_NOUN = /^\s+([a-z]+)\b/;
const HYPHEN_PARTICIPLE = /^-([a-z]+)\b/;
const STANCE_PREFIX = /(?:^|[^\p{L}])(\p{L}+)-$/u;
const AGENT_BY = /(?:^|[^\p{L}-])([a-z]+)\s+by\s+(?:both\s+)?$/iu;
const RELATION_BEFORE = /(?:^|[^\p{L}])([a-z][a-z-]*)\s+(between|with|for)\s+(?:both\s+)?$/iu;
const WORDS_BEFORE = /(?:^|[^\p{L}])((?:[a-z]+\s+)?[a-z]+)\s+(?:both\s+)?$/u;
const NEXT_WORD = /^\s+([a-z]+)\b/;
// After a capital as an object, the clause goes on: "accused Damascus of", "urged Moscow to".
const OBJECT_GOES_ON = /^(?:\s*(?:[,.;:)"”!?]|$)|\s+(?:of|to|for|over|against|in|on|with|after|as|into|at|and|not|which|who|that)\b)/;

/** A ministry named by its office and seat: "the defence ministry in Moscow", "the Foreign Ministry in Ankara". */
const SEATED_MINISTRY = /\b(defen[cs]e|foreign|interior)\s+ministry\s+in\s+$/i;

/**
 * "The defence ministry in Moscow said": a ministry the text places in a capital is that
 * capital's country's (the institutions of data/lexicon/institutions.json). A foreign capital
 * so named only seats the ministry: the words are the ministry's name, and the city no place of
 * the story unless named elsewhere; the article's own capital stays a place.
 */
function addSeatedInstitutions(scan: DocumentScan): void {
  const kb = scan.kb;
  for (const m of [...scan.mentions]) {
    const cc = m.kind === 'place' ? kb.capitalOf(m.key) : undefined;
    if (!cc) continue;
    const match = SEATED_MINISTRY.exec(scan.text.slice(Math.max(0, m.start - 40), m.start));
    if (!match) continue;
    const office = match[1]!.toLowerCase();
    const ministry = kb.institutionOf(cc, `${office.startsWith('defen') ? 'defense' : office} ministry`);
    if (!ministry) continue;
    const start = m.start - match[0].length;
    if (overlapsMention(scan, m.sentence, start, m.start)) continue;
    // The article's own capital stays a place of the story; a foreign one only seats the
    // ministry, whose name it then is part of.
    if (m.country === scan.context.countries[0]) {
      addMention(scan, addRef(scan, ministry), scan.sentences[m.sentence]!, start, start + match[0].replace(/\s+in\s+$/i, '').length);
      continue;
    }
    const capital = m.key;
    const { sentence, end } = m;
    Object.assign(m, newMention(addRef(scan, ministry), scan.text.slice(start, end), sentence, start, end));
    if (!scan.mentions.some((o) => o.key === capital)) scan.refs.delete(capital);
  }
}

/**
 * A national capital stands for its country's government (a country is one node, as actor and
 * as place) in the uses news gives it: the subject of a verb of saying or stance ("Moscow said",
 * "Moscow and Tehran have warned"), the owner of an actor-ish noun ("Moscow's support"), the
 * modifier of a government noun ("the Damascus regime"), the agent of a participle ("backed by
 * Moscow", "Washington-backed"), a party to a relation ("talks between Moscow and Ankara"), the
 * object of a verb aimed at governments ("accused Damascus of"), or after a stance prefix
 * ("pro-Damascus"). Not after a place preposition ("officials in Moscow said" are still in
 * Moscow), nor before a place noun ("backed by Damascus residents").
 */
function readCapitalsAsCountries(scan: DocumentScan): void {
  const kb = scan.kb;
  const renamed = new Set<string>();
  for (const group of capitalCoordinations(scan)) {
    for (const m of group) {
      if (!kb.capitalOf(m.key) || !(standsForGovernment(scan, group) || compoundForGovernment(scan, m))) continue;
      const target = kb.countryRef(kb.capitalOf(m.key)!);
      if (!target) continue;
      const literal = m.key;
      takeIdentity(m, addRef(scan, target));
      // The capital of the country the article is about is a place of the story too ("Damascus
      // said" beside "shells hit Damascus"): its name stays the city's. A foreign capital's is
      // a name of its country ("Moscow" for Russia).
      if (m.country === scan.context.countries[0]) m.figurative = literal;
      else renamed.add(literal);
    }
  }
  // A foreign capital named only as its government is no place of its own in this document.
  for (const key of renamed) if (!scan.mentions.some((m) => m.key === key)) scan.refs.delete(key);
}

/**
 * Capitals and countries named together ("Moscow, Ankara and Tehran"), in text order, each run
 * with at least one capital; a capital alone is a run of one. A run reads as one subject or object.
 */
function capitalCoordinations(scan: DocumentScan): EntityMention[][] {
  const kb = scan.kb;
  const isCountry = (m: EntityMention) => m.kind === 'place' && (m.type === 'country' || !!kb.capitalOf(m.key));
  const ordered = scan.mentions.filter(isCountry).sort((a, b) => a.start - b.start);
  const groups: EntityMention[][] = [];
  let run: EntityMention[] = [];
  for (const m of ordered) {
    const prev = run[run.length - 1];
    if (prev && prev.sentence === m.sentence && prev.end <= m.start && COORDINATION.test(scan.text.slice(prev.end, m.start))) run.push(m);
    else {
      groups.push(run);
      run = [m];
    }
  }
  groups.push(run);
  return groups.filter((g) => g.some((m) => kb.capitalOf(m.key)));
}

/** True when the words around a coordination of capitals make it a government. */
function standsForGovernment(scan: DocumentScan, group: EntityMention[]): boolean {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const sentence = scan.sentences[first.sentence]!;
  const before = scan.text.slice(Math.max(sentence.start, first.start - 60), first.start);
  const after = scan.text.slice(last.end, Math.min(sentence.end, last.end + 80));
  return speaksAsSubject(scan, first, after) || ownsActorNoun(scan, before, after) || modifiesGovernmentNoun(scan, last, after) || (!followedByPlaceNoun(scan, after) && actsOnGovernment(scan, before, after));
}

/** "Moscow said", "Moscow and Tehran have warned"; not "officials in Moscow said". */
function speaksAsSubject(scan: DocumentScan, first: EntityMention, after: string): boolean {
  const verb = CAPITAL_VOICE.exec(after)?.[1];
  if (!verb || !scan.cues.capitalVerbs.has(verb)) return false;
  const st = scan.perSentence[first.sentence]!;
  return !scan.cues.placePrepositions.has(lowerWordBefore(st, st.tokens.findIndex((t) => t.start === first.start), 1));
}

/** "Moscow's support for Assad", "Moscow's air campaign has"; not "Bank of Tokyo's adviser". */
function ownsActorNoun(scan: DocumentScan, before: string, after: string): boolean {
  const cues = scan.cues;
  const m = CAPITAL_POSSESSIVE.exec(after);
  if (!m || /\p{Lu}[\p{L}.]*\s+of\s+$/u.test(before)) return false;
  const words = m[1]!.trim().split(/\s+/);
  let end = m[0].length - m[1]!.length;
  for (const word of words) {
    end = after.indexOf(word, end) + word.length;
    if (cues.capitalPossessedNouns.has(word)) return CLAUSE_GOES_ON.test(after.slice(end));
    // A modifier of the city itself ("Tokyo's stock market") ends the search.
    if (cues.capitalPlaceNouns.has(word)) return false;
  }
  return false;
}

/** "the Damascus regime", "the Baghdad government"; not "the Abu Dhabi government" (the emirate's). */
function modifiesGovernmentNoun(scan: DocumentScan, last: EntityMention, after: string): boolean {
  if (scan.cues.capitalLocalGovernments.has(last.surface.toLowerCase())) return false;
  const noun = GOVERNMENT_NOUN.exec(after)?.[1];
  return noun !== undefined && scan.cues.capitalGovernmentNouns.has(noun);
}

/** "backed by Moscow", "talks between Moscow and Ankara", "accused Damascus of". */
function actsOnGovernment(scan: DocumentScan, before: string, after: string): boolean {
  const cues = scan.cues;
  const agent = AGENT_BY.exec(before)?.[1]?.toLowerCase();
  if (agent && cues.capitalAgentVerbs.has(agent)) return true;
  const relation = RELATION_BEFORE.exec(before);
  if (relation && (relation[2]!.toLowerCase() === 'for' ? cues.capitalSupportNouns : cues.capitalRelationNouns).has(relation[1]!.toLowerCase())) return true;
  const verb = WORDS_BEFORE.exec(before)?.[1];
  if (!verb || !OBJECT_GOES_ON.test(after)) return false;
  return cues.capitalObjectVerbs.has(verb) || cues.capitalObjectVerbs.has(verb.replace(/^[a-z]+\s+/, ''));
}

/**
 * "Damascus residents", "Tokyo stock": the capital modifies a noun of the city itself; or it
 * begins a longer name ("an agreement with Washington Square Capital") or a compound
 * ("an agreement with Tokyo-based Gaga", read on its own by compoundForGovernment).
 */
function followedByPlaceNoun(scan: DocumentScan, after: string): boolean {
  if (NAME_AFTER.test(after) || after.startsWith('-')) return true;
  const noun = NEXT_WORD.exec(after)?.[1];
  return noun !== undefined && (scan.cues.capitalPlaceNouns.has(noun) || scan.cues.placeHeads.has(noun));
}

/** One capital inside a compound: "Washington-backed", "Riyadh-led", "pro-Damascus". */
function compoundForGovernment(scan: DocumentScan, m: EntityMention): boolean {
  const participle = HYPHEN_PARTICIPLE.exec(scan.text.slice(m.end, m.end + 20))?.[1];
  if (participle && scan.cues.capitalAgentVerbs.has(participle)) return true;
  const prefix = STANCE_PREFIX.exec(scan.text.slice(Math.max(0, m.start - 12), m.start))?.[1];
  return prefix !== undefined && scan.cues.capitalPrefixes.has(prefix.toLowerCase());
}

/**
 * Gives a mention the identity of another entity. Like copying the ref's own fields over it:
 * a field the ref leaves out keeps the mention's value.
 */
function takeIdentity(m: EntityMention, r: EntityRef): void {
  m.key = r.key;
  m.kind = r.kind;
  m.type = r.type;
  m.label = r.label;
  if (r.known !== undefined) m.known = r.known;
  if (r.lat !== undefined) m.lat = r.lat;
  if (r.lon !== undefined) m.lon = r.lon;
  if (r.country !== undefined) m.country = r.country;
  if (r.parent !== undefined) m.parent = r.parent;
}

function addGenericArmy(scan: DocumentScan, home: string): void {
  const army = scan.kb.militaryOf(home, 'ground');
  if (!army) return;
  const war = talksOfWar(scan);
  for (const st of scan.perSentence) {
    const s = st.sentence;
    GENERIC_ARMY.lastIndex = 0;
    for (let m = GENERIC_ARMY.exec(s.text); m; m = GENERIC_ARMY.exec(s.text)) {
      const start = s.start + m.index + m[0].length - m[1]!.length;
      const end = start + m[1]!.length;
      const k = st.tokens.findIndex((t) => t.start === start);
      if (k < 0 || st.covered[k] !== -1) continue;
      // Skip when a demonym or a name precedes it ("Iraqi army", "Free Syrian Army").
      const prev = st.tokens[k - 1];
      if (prev && isCapitalised(prev.text) && prev.text !== 'The') continue;
      // Outside news of war, nor a modifier of another noun ("a military deal", "an army
      // veteran", "military-style"); in war news "an army unit", "a military source" are the army.
      if (!war && modifiesNoun(scan.text, st, end)) continue;
      addMention(scan, army, s, start, end, m[1]!);
      cover(st, start, end, scan.mentions.length - 1);
    }
  }
}

/** Whether the document talks of war beyond the generic words for an army (see isWarDocument). */
function talksOfWar(scan: DocumentScan): boolean {
  return isWarDocument(sentenceTexts(scan), scan.kb.triggers.contexts.military, ARMY_WORDS);
}
const ARMY_WORDS = /\b(?:army|armies|military)\b/gi;

function* sentenceTexts(scan: DocumentScan): Generator<string> {
  for (const st of scan.perSentence) yield st.sentence.text;
}

/**
 * Whether the word ending at `end` modifies what follows it instead of naming something itself:
 * it runs on into a hyphenated compound ("military-style", "army-backed"), or the next word is a
 * noun ("a military deal", "an army veteran"), not a verb ("the army shelled"), as compromise
 * tags the words after it.
 */
function modifiesNoun(text: string, st: SentenceTokens, end: number): boolean {
  const k = st.tokens.findIndex((t) => t.start >= end);
  if (k > 0 && st.tokens[k - 1]!.end > end) return true;
  const next = k >= 0 ? st.tokens[k]! : undefined;
  if (!next || !LOWER_NOUN_CANDIDATE.test(next.text)) return false;
  // Tagged with the words around it: "a military deal" is a noun where "deal, and" alone is a verb.
  const from = st.tokens[Math.max(0, k - 3)]!.start;
  const window = text.slice(from, st.tokens[Math.min(st.tokens.length - 1, k + 4)]!.end);
  const terms = (nlp(window) as unknown as { docs: Array<Array<{ text: string; tags: Set<string> }>> }).docs.flat();
  let at = 0;
  const offset = next.start - from;
  for (const t of terms) {
    const found = window.indexOf(t.text, at);
    if (found < 0) continue;
    if (found >= offset) return found === offset && t.tags.has('Noun') && !t.tags.has('Verb');
    at = found + t.text.length;
  }
  return false;
}
const LOWER_NOUN_CANDIDATE = /^\p{Ll}[\p{Ll}-]*$/u;

/** Offices the sentences state ("Syrian Information Minister X", "X, the commander of Y"): affiliation edges with the title. */
function addAffiliations(scan: DocumentScan): void {
  const cues = scan.cues;
  const kb = scan.kb;
  const ctx = {
    isTitleHead: (w: string) => cues.titles.has(w),
    isTitleWord: (w: string) => cues.titleWords.has(w),
    countryOfDemonym: (w: string) => kb.countryOfDemonym(w),
  };
  // Edges already read; one without a title (a lexicon person's parent) takes the title read here.
  const have = new Map<string, RelationMention>();
  for (const r of scan.relations) if (r.relation === 'affiliation') have.set(`${r.from}\u0000${r.to}`, r);
  const bySentence = new Map<number, EntityMention[]>();
  for (const m of scan.mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const list of bySentence.values()) {
    if (!list.some((m) => m.type === 'person')) continue;
    for (const a of findAffiliations(scan.text, list, ctx)) {
      const body = 'key' in a.body ? a.body : kb.countryRef(a.body.country);
      if (!body || body.key === a.person.key) continue;
      // "Ukrainian President X" names Ukraine by its demonym: a mention of the country (by its
      // own label: a demonym is no alias of it), or the edge would have no node to end at
      addRef(scan, body);
      if (!('key' in a.body) && !scan.mentions.some((m) => m.key === body.key) && !scan.anchors.some((m) => m.key === body.key)) scan.anchors.push(newMention(body, body.label, a.person.sentence, a.body.start, a.body.end));
      const id = `${a.person.key}\u0000${body.key}`;
      const had = have.get(id);
      if (had) {
        if (had.title === undefined && a.title) had.title = a.title;
        continue;
      }
      const r = newRelation(a.person.key, body.key, 'affiliation', a.title || undefined, a.person.sentence);
      have.set(id, r);
      scan.relations.push(r);
    }
  }
}

/**
 * Relations to a body the sentence calls by a noun or a pronoun ("militia spokesman X", "its
 * leader X", "X joined the alliance"): see coreference.ts. A person whose office a sentence ties
 * to a named body keeps that one only.
 */
function addCoreferentRelations(scan: DocumentScan): void {
  const cues = scan.cues;
  const ctx = {
    isBodyNoun: (w: string) => cues.orgHeads.has(w) || GROUP_AFTER.test(w),
    isTitleHead: (w: string) => cues.titles.has(w),
    isTitleWord: (w: string) => cues.titleWords.has(w),
  };
  const affiliated = new Set<string>();
  for (const r of scan.relations) if (r.relation === 'affiliation') affiliated.add(r.from);
  const has = (from: string, to: string, relation: Relation) => scan.relations.some((r) => r.from === from && r.to === to && r.relation === relation);
  const starts = (sentence: number) => scan.sentences[sentence]?.start ?? 0;
  for (const o of findAnaphoricOffices(scan.text, scan.mentions, starts, ctx)) {
    if (affiliated.has(o.person.key) || o.body.key === o.person.key) continue;
    affiliated.add(o.person.key);
    scan.relations.push(newRelation(o.person.key, o.body.key, 'affiliation', o.title, o.person.sentence));
  }
  for (const m of findMemberships(scan.text, scan.mentions, ctx)) {
    if (has(m.member.key, m.body.key, 'part of') || has(m.body.key, m.member.key, 'part of')) continue;
    scan.relations.push(newRelation(m.member.key, m.body.key, 'part of', undefined, m.member.sentence));
  }
}

/** A lower-case direction word just before a name, or one after "the" and before "of" ("northern Syria", "the east of Syria"). */
const DIRECTION_BEFORE = /(?:(?<=\bthe\s)([a-z-]+)\s+of|\b([a-z][a-z-]*))\s+$/;

/**
 * "northern Syria", "north-western Syria", "central Syria", "the east of Syria": the part of the
 * country the words name, a region of its own located in the country (KnowledgeBase.countryPart).
 */
function addCountryParts(scan: DocumentScan): void {
  // The country's own mention stays (the country is named too: "Iraq" in "northern Iraq" is a
  // name of Iraq); the part's mention spans it and the direction word.
  for (const m of [...scan.mentions]) {
    if (m.kind !== 'place' || m.type !== 'country' || !m.country) continue;
    const match = DIRECTION_BEFORE.exec(scan.text.slice(Math.max(0, m.start - 24), m.start));
    const direction = match ? directionOf(match[1] ?? match[2]!) : undefined;
    if (!match || !direction) continue;
    const part = scan.kb.countryPart(m.country, direction);
    if (!part) continue;
    const start = m.start - match[0].length;
    const ref = addRef(scan, part);
    scan.mentions.push(newMention(ref, scan.text.slice(start, m.end), m.sentence, start, m.end));
    if (!scan.relations.some((r) => r.from === ref.key && r.to === m.key)) scan.relations.push(newRelation(ref.key, m.key, 'located in', undefined, m.sentence));
  }
}

/**
 * "eastern Aleppo", "West Aleppo", "rebel-held east Aleppo": the side of a city that news names
 * as east or west, an area of its own inside the city, at the city's coordinates. The city's own
 * mention stays, as a country's does in "northern Syria". Not "the eastern Aleppo countryside"
 * (the province's), nor "east of Aleppo" (outside the city).
 */
function addCitySides(scan: DocumentScan): void {
  const text = scan.text;
  for (const m of [...scan.mentions]) {
    if (m.kind !== 'place' || !m.known || m.type !== 'city' || m.lat === undefined || m.lon === undefined) continue;
    const match = DIRECTION_WORD_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start));
    const direction = match ? directionOf(match[1]!) : undefined;
    if (!match || !direction || !CITY_SIDES.has(direction) || REGION_WORD_AFTER.test(text.slice(m.end, m.end + 24))) continue;
    const start = m.start - match[0].length;
    const side = newRef(`place:side:${m.key.slice('place:'.length)}:${direction}`, 'place', 'area', countryPartLabel(direction, m.label), undefined, m.lat, m.lon, m.country, m.key);
    const ref = addRef(scan, side);
    scan.mentions.push(newMention(ref, text.slice(start, m.end), m.sentence, start, m.end));
    if (!scan.relations.some((r) => r.from === ref.key && r.to === m.key)) scan.relations.push(newRelation(ref.key, m.key, 'located in', undefined, m.sentence));
  }
}

/**
 * News divides cities east and west (East Aleppo, West Mosul, East Jerusalem); "northern Hama",
 * "southeast Aleppo", "Northeastern Damascus" are the country around the city.
 */
const CITY_SIDES: ReadonlySet<string> = new Set(['east', 'west']);
/** A direction word just before a name, in either case ("eastern ", "West "). */
const DIRECTION_WORD_BEFORE = /\b([A-Za-z][a-z]*(?:-[a-z]+)?)\s$/;
/** Words after a city's name that make it the name of its province: "eastern Aleppo countryside". */
const REGION_WORD_AFTER = /^(?:['’]s)?\s+(?:countryside|province|governorate|region|suburbs?|outskirts|desert|plains?)\b/i;

/**
 * Known towns thousands of kilometres from every other place of the article take the namesake
 * that fits, or become a place without coordinates (KnowledgeBase.reconsiderFarPlace). Each is
 * judged against the places as first resolved, so the order of the article's names changes nothing.
 */
function reconsiderFarPlaces(scan: DocumentScan): void {
  const located: Array<EntityRef & { lat: number; lon: number }> = [];
  for (const r of scan.refs.values()) {
    if (r.kind === 'place' && r.lat !== undefined && r.lon !== undefined && r.type !== 'country' && r.type !== 'region') located.push(r as EntityRef & { lat: number; lon: number });
  }
  if (located.length < 2) return;
  for (const ref of located) {
    const surface = scan.mentions.find((m) => m.key === ref.key)?.surface ?? ref.label;
    const instead = scan.kb.reconsiderFarPlace(ref.key, surface, located.filter((o) => o.key !== ref.key));
    if (instead === undefined) continue;
    replaceRef(scan, ref.key, addRef(scan, instead ?? guessedRef('place', String(ref.type), surface)));
  }
}

const SITE_OF = /^\s+of\s+(?:the\s+)?$/i;

/**
 * "the Great Mosque of Raqqa", "the Great Mosque of al-Nuri": a site named by a name of its own
 * after "of" is named in full (two towns' Great Mosques are two sites). A known place there keeps
 * its mention (linkPlaces puts the site in it); any other name there is part of the site's name.
 */
function nameSitesOfPlaces(scan: DocumentScan): void {
  const sorted = [...scan.mentions].sort((a, b) => a.start - b.start);
  // each site mention followed by "of" and a name, with that name's mention
  const named: Array<{ site: EntityMention; of: EntityMention }> = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const site = sorted[i]!;
    const of = sorted[i + 1]!;
    if (site.kind !== 'place' || site.type !== 'site' || site.known || of.sentence !== site.sentence) continue;
    if (SITE_OF.test(scan.text.slice(site.end, of.start)) && isCapitalised(of.surface)) named.push({ site, of });
  }
  if (named.length === 0) return;
  const fullNames = new Map<string, Set<string>>();
  for (const { site, of } of named) {
    const set = fullNames.get(site.key) ?? new Set<string>();
    set.add(`${site.label} of ${of.known ? of.label : of.surface}`);
    fullNames.set(site.key, set);
  }
  for (const { site, of } of named) {
    const label = `${site.label} of ${of.known ? of.label : of.surface}`;
    const full = addRef(scan, guessedRef('place', 'site', label));
    if (!of.known || of.kind !== 'place') {
      // the name after "of" was read as an entity of its own ("al-Nuri" a town): it is the site's
      dropMentions(scan, new Set([of]));
      site.end = of.end;
      site.surface = scan.text.slice(site.start, of.end);
    }
    // One full name for the article's site: every mention of it, the bare ones too ("the Great
    // Mosque"); two ("of Raqqa", "of Aleppo"): each named mention its own.
    if (fullNames.get(site.key)?.size === 1 && scan.refs.has(site.key)) replaceRef(scan, site.key, full);
    else Object.assign(site, newMention(full, site.surface, site.sentence, site.start, site.end));
  }
}

// up to four words after the determiner, the body's head among them
const APPOSITION = /^\s*,\s*(?:an?|one\s+of\s+the)\s+((?:[\p{L}-]+)(?:\s+[\p{L}-]+){0,3})/u;
const ARMED_WORD = /^(?:armed|paramilitary)$/;
const NOT_HEAD_MODIFIER = new Set(['of', 'for', 'with', 'in', 'at', 'by', 'from', 'to', 'and', 'or', 'who', 'which', 'that', 'whose', 'fighting', 'operating', 'based']);

/**
 * "the People's Defence Force, an armed group opposed to the junta": a body the tagger could
 * only call an organisation takes the kind its apposition gives: an armed group when the
 * apposition's words say armed, rebel or militant; else its head's kind, when it names one
 * ("a militia", "a news agency"; "a government agency" stays an organisation). A name the tagger
 * took for a person that the apposition calls a body ("Mizzima, a news agency") is that body.
 */
function typeByApposition(scan: DocumentScan): void {
  const lists = scan.kb.triggers.lists;
  const armedWord = (w: string) => ARMED_WORD.test(w) || !!lists.get('rebelModifiers')?.test(w) || !!lists.get('militantModifiers')?.test(w);
  const retyped = new Map<string, string>();
  for (const m of scan.mentions) {
    if (m.kind !== 'actor' || (m.type !== 'organization' && m.type !== 'person') || m.known || retyped.has(m.key)) continue;
    const a = APPOSITION.exec(scan.text.slice(m.end, m.end + 80));
    if (!a) continue;
    const words = a[1]!.toLowerCase().split(/\s+/);
    const at = words.findIndex((w) => scan.cues.orgHeads.has(w));
    // (the head itself, not a body the person belongs to: "X, a member of the group")
    if (at < 0 || words.slice(0, at).some((w) => NOT_HEAD_MODIFIER.has(w))) continue;
    // ...that ends the noun phrase ("a news agency": both words heads), not "a police commander"
    // or "a former army secretary", which name a person
    let end = at;
    while (end + 1 < words.length && scan.cues.orgHeads.has(words[end + 1]!)) end++;
    const next = words[end + 1];
    if (next !== undefined && !NOT_HEAD_MODIFIER.has(next) && !/ed$/.test(next)) continue;
    const heads = words.slice(at, end + 1).map((w) => scan.cues.orgHeads.get(w)!);
    const type = words.slice(0, at).some(armedWord) ? 'armed group' : (heads.find((t) => t !== 'organization') ?? 'organization');
    if (type === 'armed group' || type === 'military' || type === 'media') retyped.set(m.key, type);
    // a person the apposition calls a body of any kind ("Mizzima, a news agency") is that body
    else if (m.type === 'person') retyped.set(m.key, type);
  }
  for (const [key, type] of retyped) {
    const ref = scan.refs.get(key);
    if (ref) replaceRef(scan, key, addRef(scan, guessedRef('actor', type, ref.label)));
  }
}

/** Every mention and relation of the ref `key` takes `replacement` instead; the old ref goes. */
function replaceRef(scan: DocumentScan, key: string, replacement: EntityRef): void {
  scan.refs.delete(key);
  for (const m of scan.mentions) {
    if (m.key !== key) continue;
    const { surface, sentence, start, end } = m;
    Object.assign(m, newMention(replacement, surface, sentence, start, end));
  }
  for (const r of scan.relations) {
    if (r.from === key) r.from = replacement.key;
    if (r.to === key) r.to = replacement.key;
  }
}

/** How far from the town the text puts it in a known part of a town may lie and still be that part. */
const STATED_PART_KM = 40;
/** How far a known town the text puts in a town, or in its province or countryside, may lie. */
const STATED_TOWN_KM = 200;
const WIDER_THAN_TOWN = /\b(?:countryside|province|governorate|region|outskirts|suburbs)\b/i;
const WIDER_AFTER = /^['’]?s?\s+(?:[\p{L}-]+\s+)?(?:countryside|province|governorate|region)\b/iu;
const TOWN_PART_NOUN = /\b(?:neighbou?rhoods?|distri[ck]ts?|quarters?)\b/i;

/**
 * A known place the text puts inside a town far from where the gazetteer has it ("the al-Midan
 * and al-Muhafaza neighborhoods in Aleppo", the gazetteer's al-Midan being in Damascus; "the Salem
 * Mosque in Ariha", not the one in Germany) is a namesake there: an unknown place of the same
 * name, which takes the town's coordinates in the graph. Every mention of it in the article is
 * that namesake. Far means more than a town's breadth for a part of the town (an area, a site, a
 * name before "neighbourhoods"), more than a province's for a town or for a place in the town's
 * province or countryside.
 */
function relocateStatedParts(scan: DocumentScan): void {
  for (const c of findContainment(scan.text, scan.mentions, { locatedChildren: true })) {
    if (c.relation !== 'located in') continue;
    const child = scan.refs.get(c.child);
    const parent = scan.refs.get(c.parent);
    if (!child?.known || child.lat === undefined || child.lon === undefined || !parent || parent.lat === undefined || parent.lon === undefined) continue;
    if (parent.type !== 'city' && parent.type !== 'town') continue;
    const mention = scan.mentions.find((m) => m.key === child.key && m.sentence === c.sentence) ?? scan.mentions.find((m) => m.key === child.key);
    const parentMention = scan.mentions.find((m) => m.key === parent.key && m.sentence === c.sentence && mention !== undefined && m.start >= mention.end);
    if (!mention || !parentMention) continue;
    // A part of the town itself lies within a few kilometres of it; a town in its province or
    // countryside ("Manbij in the governorate of Aleppo", "Khanasser in Aleppo southern
    // countryside") may lie a province's breadth away, rightly.
    const gap = scan.text.slice(mention.end, parentMention.start);
    const after = scan.text.slice(parentMention.end, parentMention.end + 32);
    const wider = WIDER_THAN_TOWN.test(gap) || WIDER_AFTER.test(after);
    const head = scan.cues.placeHeads.get(mention.surface.slice(mention.surface.lastIndexOf(' ') + 1).toLowerCase());
    const part = !wider && (child.type === 'area' || child.type === 'site' || head === 'area' || head === 'site' || TOWN_PART_NOUN.test(gap));
    if (distanceKm({ lat: child.lat, lon: child.lon }, { lat: parent.lat, lon: parent.lon }) <= (part ? STATED_PART_KM : STATED_TOWN_KM)) continue;
    const surface = mention?.surface ?? child.label;
    replaceRef(scan, child.key, addRef(scan, guessedRef('place', child.type === 'city' || child.type === 'town' ? 'area' : String(child.type), surface)));
  }
}

function linkPlaces(scan: DocumentScan, home: string | undefined): void {
  const kb = scan.kb;
  const quarters = joinTownQuarters(scan);
  const firstOfPlace = firstSentences(scan.mentions);
  for (const ref of [...scan.refs.values()]) {
    if (ref.kind !== 'place' || !ref.known) continue;
    let child = ref;
    for (const parent of kb.parentChain(ref.key)) {
      const p = addRef(scan, parent);
      scan.relations.push(newRelation(child.key, p.key, 'located in', undefined, firstOfPlace.get(ref.key) ?? 0));
      child = p;
    }
  }
  // Unknown places with a document context: located in the country the article is about.
  const country = home ? kb.countryRef(home) : undefined;
  if (country) {
    for (const ref of [...scan.refs.values()]) {
      if (ref.kind === 'place' && !ref.known) {
        addRef(scan, country);
        scan.relations.push(newRelation(ref.key, country.key, 'located in', undefined, firstOfPlace.get(ref.key) ?? 0));
      }
    }
  }
  // Unknown places the text puts inside another place ("the al-Sukkari neighbourhood of Aleppo"):
  // they take its coordinates in the graph. Added after the country, which stays the first parent
  // met, the one event merging buckets by: two districts of one city are no single place.
  const placed = new Set<string>();
  for (const q of quarters) {
    scan.relations.push(q);
    placed.add(q.from);
  }
  for (const c of findContainment(scan.text, scan.mentions)) {
    scan.relations.push(newRelation(c.child, c.parent, c.relation, undefined, c.sentence));
    placed.add(c.child);
  }
  for (const c of findDescribedContainment(scan.text, scan.mentions)) {
    if (placed.has(c.child)) continue;
    scan.relations.push(newRelation(c.child, c.parent, c.relation, undefined, c.sentence));
    placed.add(c.child);
  }
  placeInOnlyCity(scan, home, placed);
  placeInOnlyRegion(scan, home, placed);
}

/**
 * A quarter named after its town ("Daraa al-Mahatta neighborhood", "Daraa al-Balad area"): the
 * known town, then at once a name opening with the Arabic article that no gazetteer entry of the
 * town's country spells, then a word for a part of a town. The two are one area inside the town,
 * not the town and a namesake elsewhere ("Balad" in Iraq). Returns each area's place in its town,
 * for the caller to add after the country (the first parent met, which events bucket by).
 */
function joinTownQuarters(scan: DocumentScan): RelationMention[] {
  const text = scan.text;
  const ordered = scan.mentions.filter((m) => m.kind === 'place').sort((a, b) => a.start - b.start);
  // Town and name side by side, the name with its article ("Daraa al-Balad", or "Balad" matched
  // without it): where the name starts.
  const quarterStart = (town: EntityMention, part: EntityMention): number => {
    if (!town.known || (town.type !== 'city' && town.type !== 'town') || part.sentence !== town.sentence) return -1;
    if (part.known && part.country === town.country) return -1;
    const gap = text.slice(town.end, part.start);
    if (gap === ' ' && ARTICLE_GLUED.test(part.surface)) return part.start;
    return GLUED_ARTICLE_GAP.test(gap) ? town.end + 1 : -1;
  };
  // First the quarters the text marks with a head; then the same names written without it.
  const names = new Set<string>();
  const pairs: Array<{ k: number; start: number; end: number; name: string }> = [];
  for (let k = 0; k + 1 < ordered.length; k++) {
    const start = quarterStart(ordered[k]!, ordered[k + 1]!);
    if (start < 0) continue;
    const part = ordered[k + 1]!;
    const head = QUARTER_HEAD_AFTER.exec(text.slice(start, part.end + 16));
    const end = head ? start + head[0].length : part.end;
    const name = text.slice(ordered[k]!.start, head ? start + head[1]!.length : part.end);
    if (head) names.add(normalizeName(name));
    pairs.push({ k, start, end, name });
  }
  const dropped = new Set<EntityMention>();
  const joined: Array<{ town: EntityRef; quarter: EntityRef; sentence: number; start: number; end: number }> = [];
  for (const p of pairs) {
    if (!names.has(normalizeName(p.name))) continue;
    const town = ordered[p.k]!;
    if (dropped.has(town)) continue;
    joined.push({ town: townRefOf(scan, town), quarter: guessedRef('place', 'area', p.name), sentence: town.sentence, start: town.start, end: p.end });
    // Every place read inside it goes ("al-Balad" and "Balad" both).
    for (const m of ordered) if (m.start >= town.start && m.end <= p.end) dropped.add(m);
  }
  if (joined.length === 0) return [];
  dropMentions(scan, dropped);
  const inTown: RelationMention[] = [];
  for (const j of joined) {
    const town = addRef(scan, j.town);
    addMention(scan, j.quarter, scan.sentences[j.sentence]!, j.start, j.end);
    inTown.push(newRelation(j.quarter.key, town.key, 'located in', undefined, j.sentence));
  }
  return inTown;
}

/** A space and the Arabic article glued to the name that follows ("Daraa al-" before "Balad"). */
const GLUED_ARTICLE_GAP = new RegExp(`^ (?:${ARTICLES})-$`, 'i');

/** The name of a quarter (group 1) up to the word for it: "al-Mahatta neighborhood", "al-Balad area". */
const QUARTER_HEAD_AFTER = /^([^\s]+(?:\s+[^\s]+)?)\s+(?:neighbou?rhood|distri[ck]t|quarter|area)\b/;

/** The ref of a mention, as the document's table has it (a mention may outlive its ref's removal). */
function townRefOf(scan: DocumentScan, m: EntityMention): EntityRef {
  return scan.refs.get(m.key) ?? newRef(m.key, m.kind, m.type, m.label, m.known, m.lat, m.lon, m.country, m.parent);
}

/**
 * A part of a town the text names with no town ("shells hit al-Midan neighbourhood", "the
 * district of Fardos"): an area or site, or a name before a word for a part of a town, lies in
 * the one city or town its sentence names, or else in the only one its article names; that town
 * must be in the article's country (an article on Russia that names Aleppo and Moscow has none).
 */
function placeInOnlyCity(scan: DocumentScan, home: string | undefined, placed: Set<string>): void {
  if (!home) return;
  const cityOf = new Map<number, string | null>();
  let articleCity: string | null | undefined;
  // A sentence's towns of the article's country; the article's towns of any country, so that
  // one abroad makes the article's choice ambiguous.
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || !m.known || m.lat === undefined || (m.type !== 'city' && m.type !== 'town')) continue;
    articleCity = articleCity === undefined || articleCity === m.key ? m.key : null;
    if (m.country !== home) continue;
    const had = cityOf.get(m.sentence);
    cityOf.set(m.sentence, had === undefined || had === m.key ? m.key : null);
  }
  if (cityOf.size === 0) return;
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || m.known || placed.has(m.key) || !isPartOfTown(scan.text, m)) continue;
    if (m.country !== undefined && m.country !== home) continue;
    const city = cityOf.get(m.sentence) ?? articleCity;
    if (!city) continue;
    placed.add(m.key);
    scan.relations.push(newRelation(m.key, city, 'located in', undefined, m.sentence));
  }
  // A village named beside the one town of its sentence ("rebels took Tal Madiq and shelled
  // Hama") lies near it: ACLED's precision 2.
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || m.known || placed.has(m.key) || m.type !== 'town') continue;
    const city = cityOf.get(m.sentence);
    if (!city) continue;
    placed.add(m.key);
    scan.relations.push(newRelation(m.key, city, 'near', undefined, m.sentence));
  }
}

const TOWN_PART_AFTER = /^\s+(?:neighbou?rhoods?|distri[ck]ts?|quarters?|streets?|squares?|roundabouts?|hospitals?|mosques?|markets?)\b/i;
const TOWN_PART_BEFORE = /\b(?:neighbou?rhoods?|distri[ck]ts?|quarters?)\s+of\s+(?:the\s+)?$/i;

function isPartOfTown(text: string, m: EntityMention): boolean {
  if (m.type === 'area' || m.type === 'site') return true;
  return TOWN_PART_AFTER.test(text.slice(m.end, m.end + 16)) || TOWN_PART_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start));
}

/**
 * An unknown place the text puts nowhere, in a sentence that names one region of the article's
 * country and no other ("Jets struck Tokhar on Monday, activists in Aleppo province said"), lies
 * in that region: it takes the region's centroid in the graph (geoPrecision 'region'), as ACLED
 * does when only the province is known. Two regions in the sentence, or none, say nothing.
 */
function placeInOnlyRegion(scan: DocumentScan, home: string | undefined, placed: Set<string>): void {
  if (!home) return;
  const regionOf = new Map<number, string | null>();
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || m.type !== 'region' || !m.known || m.country !== home || isCountryPart(m.key)) continue;
    const had = regionOf.get(m.sentence);
    regionOf.set(m.sentence, had === undefined || had === m.key ? m.key : null);
  }
  if (regionOf.size === 0) return;
  const articleRegion = onlyRegionOfArticle(scan, home, regionOf);
  const done = new Set<string>();
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || m.known || placed.has(m.key) || done.has(m.key)) continue;
    const region = regionOf.get(m.sentence);
    if (!region) continue;
    done.add(m.key);
    scan.relations.push(newRelation(m.key, region, 'located in', undefined, m.sentence));
  }
  if (!articleRegion) return;
  for (const m of scan.mentions) {
    if (m.kind !== 'place' || m.known || placed.has(m.key) || done.has(m.key)) continue;
    done.add(m.key);
    scan.relations.push(newRelation(m.key, articleRegion, 'located in', undefined, m.sentence));
  }
}

/**
 * The one region an article is about: the only region of its country it names, when every town
 * and city it names lies in it (an article on Raqqa that recalls a battle in Deir ez-Zor province,
 * or a wire on Texas datelined New York, is about no one region).
 */
function onlyRegionOfArticle(scan: DocumentScan, home: string, regionOf: ReadonlyMap<number, string | null>): string | undefined {
  let region: string | undefined;
  for (const key of regionOf.values()) {
    if (key === null || (region !== undefined && key !== region)) return undefined;
    region = key;
  }
  if (!region) return undefined;
  for (const ref of scan.refs.values()) {
    if (ref.kind !== 'place' || !ref.known || (ref.type !== 'city' && ref.type !== 'town')) continue;
    if (!scan.kb.parentChain(ref.key).some((p) => p.key === region)) return undefined;
  }
  return region;
}

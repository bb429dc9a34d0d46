import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_NER_MODEL, NerTagger } from './ner/tagger.js';
import { nlp } from '../nlp/compromise.js';
import type { Report } from '../types.js';
import type { EntityRef } from '../extract/model.js';
import { loadActorLexicon, type ActorEntry, type ActorLexicon } from './lexicon.js';
import { countryPartCoordinates, countryPartKey, countryPartLabel, type Direction } from './country-parts.js';
import { loadGazetteer, type Gazetteer, type Place } from './gazetteer.js';
import { distance as levenshtein } from 'fastest-levenshtein';
import { nameVariants } from './names.js';
import { compileMatcher, type NameCandidate, type NameMatch, type NameMatcher } from './matcher.js';
import { loadTriggerLexicon, type TriggerLexicon } from './trigger-lexicon.js';

/**
 * One facade over everything extraction knows: the actor lexicon, the gazetteer, the compiled
 * name matcher, the trigger lexicon and the word cues. Loaded once per process (per worker).
 */

export type KnownPlace = Place;

export interface Cues {
  titles: Set<string>;
  /** Single words of titles, for title phrases written in lower case ("press secretary"). */
  titleWords: Set<string>;
  /** Verbs after which a national capital stands for its government ("Moscow said"). */
  capitalVerbs: Set<string>;
  /** Nouns a capital owns as its government ("Moscow's support", "Tehran's allies"). */
  capitalPossessedNouns: Set<string>;
  /** Nouns a capital modifies as its government ("the Damascus regime"). */
  capitalGovernmentNouns: Set<string>;
  /** Participles whose agent is a government ("backed by Moscow", "Washington-backed"). */
  capitalAgentVerbs: Set<string>;
  /** Relations between governments, before "between" or "with" ("talks between Moscow and Ankara"). */
  capitalRelationNouns: Set<string>;
  /** Nouns of support before "for" ("support for Damascus"). */
  capitalSupportNouns: Set<string>;
  /** Verbs (or verb + particle) aimed at a government as object ("accused Damascus of"). */
  capitalObjectVerbs: Set<string>;
  /** Hyphenated stance prefixes ("pro-Damascus"). */
  capitalPrefixes: Set<string>;
  /** Nouns after which a capital stays a place ("Damascus residents", "Tokyo stock"). */
  capitalPlaceNouns: Set<string>;
  /** Capitals that are also a city-state or province with its own government ("the Abu Dhabi government"). */
  capitalLocalGovernments: Set<string>;
  placePrepositions: Set<string>;
  placeHeads: Map<string, string>;
  placePrefixes: Set<string>;
  placeLowerPrefixes: Set<string>;
  orgHeads: Map<string, string>;
  /** Heads of local bodies named after a town ("Palmyra Coordination Committee"): the town is then no place mention. */
  localBodyHeads: Set<string>;
  notNames: Set<string>;
  /** Ends of hyphen compounds that make an adjective of a name ("Kurdish-led", "al-Qaeda-linked"). */
  adjectiveSuffixes: Set<string>;
  /** Words naming a faith, a people or a sect ("Christians", "Druze"): no place name alone. */
  peopleWords: Set<string>;
  /** Generic Arabic place nouns that open a name and are none alone ("Khan", "Tariq", "Hara"). */
  lonePlaceWords: Set<string>;
  /** Small words capitalised only in a title-case headline ("Fighting Against", "Strikes Near"). */
  headlineWords: Set<string>;
  /** Arabic words that open an armed group's name ("Liwaa al-Fath", "Jaish al-Islam"). */
  groupOpeners: Set<string>;
  /** Common Arabic and Kurdish given names, which compromise's English list lacks. */
  givenNames: Set<string>;
  /** Arabic adjectives that end a place's name after its noun ("al-Kark al-Sharqi", "al-Hizam al-Akhdar"). */
  nameAdjectives: Set<string>;
  /** Nouns ending the names of places named after a person ("Nisreen Street", "Hamdan Park"). */
  namedAfterHeads: Set<string>;
  /** Heads that stay part of a site's name when written in lower case after it ("Hajjar field"). */
  siteNameHeads: Set<string>;
  /** Words of sport in lower case ("league", "striker"): an article that has them reports on sport. */
  sportWords: Set<string>;
  /** True for a word that is capitalised at a sentence start only because of its position. */
  sentenceStarters(lowerWord: string): boolean;
  /** True for an ordinary English word (compromise's lexicon, not a name). */
  commonWord(lowerWord: string): boolean;
  /** True for a word of grammar ("the", "during", "my", "will"), which a name holds only as a capitalised word ("Will Carling"). */
  grammaticalWord(lowerWord: string): boolean;
  /** True for a word of the calendar ("Monday", "June", "Ramadan"), never part of a name. */
  calendarWord(lowerWord: string): boolean;
}

export type StateRole = 'government' | 'army' | 'air force';

export interface KnowledgeOptions {
  lexicons?: string[];
  gazetteers?: string[];
  triggers?: string[];
}

export interface KnowledgeBase {
  cues: Cues;
  triggers: TriggerLexicon;
  /** The learned name tagger (data/models/ner.json), absent when the model file is. */
  ner: NerTagger | undefined;
  findNames(text: string): NameMatch[];
  resolveHit(hit: NameMatch, context: { countries: string[] }): EntityRef | undefined;
  /**
   * A common phrase the lexicon lists in lower case ("government troops", "coalition warplanes"),
   * also when a sentence opens with it: it names the forces of whatever story it is read in.
   */
  isGenericName(hit: NameMatch): boolean;
  /** The country a matcher candidate belongs to (a country is its own). */
  candidateCountry(c: NameCandidate): string | undefined;
  countryOfDemonym(word: string): string | undefined;
  militaryOf(country: string, branch: 'air' | 'ground'): EntityRef | undefined;
  /** The actor that stands for a country's state when the country acts: its government or forces. */
  stateOf(country: string, role: StateRole): EntityRef | undefined;
  isGivenName(word: string): boolean;
  actorByName(surface: string): EntityRef | undefined;
  /** The actor whose name is one typo from `surface`, opening alike ("Ahrar al-Cham", "al-Zinki"). */
  actorByNearName(surface: string): EntityRef | undefined;
  actorRef(id: string): EntityRef | undefined;
  /**
   * Where a lexicon actor belongs: the countries it operates in (its context, else its home
   * country) and its parent's id. Empty countries for an actor of no particular place.
   */
  actorDomain(id: string): { countries: readonly string[]; parent: string | undefined };
  lookupPlace(name: string, context: { countries: string[] }): KnownPlace | undefined;
  countryRef(code: string): EntityRef | undefined;
  /** The part of a country a direction names ("northern Syria"): a region located in the country. */
  countryPart(code: string, direction: Direction): EntityRef | undefined;
  /** The country whose capital the place is (GeoNames PPLC), if it is one. */
  capitalOf(placeKey: string): string | undefined;
  /** A country's state institution of a role of data/lexicon/institutions.json ("defense ministry"). */
  institutionOf(country: string, role: string): EntityRef | undefined;
  /**
   * A gazetteer town or city named `surface` that lies far from every other place of its article
   * (`others`): the namesake that fits instead (one near them, else a capital or a city of a
   * million), `null` when none does and the town is small and thousands of kilometres away (a far
   * homonym: its coordinates are not to be trusted), `undefined` to keep it (it is near the
   * others, or a large city: Geneva, Astana).
   */
  reconsiderFarPlace(placeKey: string, surface: string, others: ReadonlyArray<{ lat: number; lon: number }>): EntityRef | null | undefined;
  parentChain(placeKey: string): EntityRef[];
}

const CUES_FILE = new URL('../../data/lexicon/cues.json', import.meta.url);

interface CueFile {
  titles?: string[];
  capitalVerbs?: string[];
  capitalPossessedNouns?: string[];
  capitalGovernmentNouns?: string[];
  capitalAgentVerbs?: string[];
  capitalRelationNouns?: string[];
  capitalSupportNouns?: string[];
  capitalObjectVerbs?: string[];
  capitalPrefixes?: string[];
  capitalPlaceNouns?: string[];
  capitalLocalGovernments?: string[];
  placePrepositions?: string[];
  calendarNames?: string[];
  placeHeads?: Record<string, string>;
  placePrefixes?: string[];
  placeLowerPrefixes?: string[];
  orgHeads?: Record<string, string>;
  localBodyHeads?: string[];
  notNames?: string[];
  adjectiveSuffixes?: string[];
  peopleWords?: string[];
  lonePlaceWords?: string[];
  headlineWords?: string[];
  groupOpeners?: string[];
  givenNames?: string[];
  namedAfterHeads?: string[];
  siteNameHeads?: string[];
  nameAdjectives?: string[];
  sportWords?: string[];
}

const lowerSet = (words: string[] | undefined): Set<string> => new Set((words ?? []).map((w) => w.toLowerCase()));

/** compromise's word list (each word with its tag or tags), read once. */
let lexiconOfCompromise: Record<string, string | string[]> | undefined;
function compromiseLexicon(): Record<string, string | string[]> {
  lexiconOfCompromise ??= (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  return lexiconOfCompromise;
}

function compromiseTags(word: string): string[] | undefined {
  const tag = compromiseLexicon()[word];
  return tag === undefined ? undefined : Array.isArray(tag) ? tag : [tag];
}

const NAME_TAG = /Name|Place|Country|City|Region|Organization|ProperNoun|Person/;
const GRAMMAR_TAG = /^(?:Determiner|Preposition|Conjunction|Pronoun|Possessive|Modal|Copula|Auxiliary)$/;
const CALENDAR_TAG = /^(?:Month|WeekDay|Date)$/;

/** True when compromise knows `word` and none of its tags is a kind of name (Demonym too if asked). */
function ordinaryWord(word: string, demonymIsName: boolean): boolean {
  const tags = compromiseTags(word);
  return tags !== undefined && !tags.some((t) => NAME_TAG.test(t) || (demonymIsName && t === 'Demonym'));
}

function loadCues(): Cues {
  const raw = JSON.parse(readFileSync(CUES_FILE, 'utf8')) as CueFile;
  const titles = new Set((raw.titles ?? []).map((t) => t.toLowerCase()));
  const titleWords = new Set<string>();
  for (const t of titles) for (const w of t.split(/\s+/)) titleWords.add(w);
  const notNames = new Set((raw.notNames ?? []).map((w) => w.toLowerCase()));
  const calendarNames = lowerSet(raw.calendarNames);
  return {
    titles,
    titleWords,
    capitalVerbs: new Set(raw.capitalVerbs ?? []),
    capitalPossessedNouns: new Set(raw.capitalPossessedNouns ?? []),
    capitalGovernmentNouns: new Set(raw.capitalGovernmentNouns ?? []),
    capitalAgentVerbs: new Set(raw.capitalAgentVerbs ?? []),
    capitalRelationNouns: new Set(raw.capitalRelationNouns ?? []),
    capitalSupportNouns: new Set(raw.capitalSupportNouns ?? []),
    capitalObjectVerbs: new Set(raw.capitalObjectVerbs ?? []),
    capitalPrefixes: new Set(raw.capitalPrefixes ?? []),
    capitalPlaceNouns: new Set(raw.capitalPlaceNouns ?? []),
    capitalLocalGovernments: lowerSet(raw.capitalLocalGovernments),
    placePrepositions: new Set(raw.placePrepositions ?? []),
    placeHeads: new Map(Object.entries(raw.placeHeads ?? {})),
    placePrefixes: new Set(raw.placePrefixes ?? []),
    placeLowerPrefixes: new Set(raw.placeLowerPrefixes ?? []),
    orgHeads: new Map(Object.entries(raw.orgHeads ?? {})),
    localBodyHeads: lowerSet(raw.localBodyHeads),
    notNames,
    adjectiveSuffixes: lowerSet(raw.adjectiveSuffixes),
    peopleWords: lowerSet(raw.peopleWords),
    lonePlaceWords: lowerSet([...(raw.lonePlaceWords ?? []), ...(raw.placePrefixes ?? [])]),
    headlineWords: lowerSet(raw.headlineWords),
    groupOpeners: lowerSet(raw.groupOpeners),
    givenNames: lowerSet(raw.givenNames),
    nameAdjectives: lowerSet(raw.nameAdjectives),
    namedAfterHeads: lowerSet([...(raw.namedAfterHeads ?? []), ...Object.keys(raw.placeHeads ?? {})]),
    siteNameHeads: lowerSet(raw.siteNameHeads),
    sportWords: lowerSet(raw.sportWords),
    commonWord: (w) => ordinaryWord(compromiseTags(w) ? w : w.replace(/s$/, ''), true),
    grammaticalWord: (w) => compromiseTags(w)?.some((t) => GRAMMAR_TAG.test(t)) ?? false,
    calendarWord: (w) => calendarNames.has(w) || (compromiseTags(w)?.some((t) => CALENDAR_TAG.test(t)) ?? false),
    sentenceStarters: (w) => notNames.has(w) || ordinaryWord(w, false),
  };
}

function givenNames(): Set<string> {
  const out = new Set<string>();
  for (const w of Object.keys(compromiseLexicon())) {
    if (compromiseTags(w)!.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) out.add(w);
  }
  return out;
}

/**
 * Every ref is built here, with all its fields in one order (absent ones undefined), so refs and
 * the mentions copied from them share one hidden class and the code reading them stays
 * monomorphic. JSON drops the undefined fields, and the order is the one the fields were
 * always written in, so serialised extractions are unchanged.
 */
export function newRef(
  key: string,
  kind: 'actor' | 'place',
  type: EntityRef['type'],
  label: string,
  known: boolean | undefined,
  lat: number | undefined,
  lon: number | undefined,
  country: string | undefined,
  parent: string | undefined,
  role?: string,
): EntityRef {
  return { key, kind, type, label, known, lat, lon, country, parent, role };
}

function actorRefOfEntry(e: ActorEntry): EntityRef {
  return newRef(`actor:${e.id}`, 'actor', e.type, e.name, true, undefined, undefined, e.country || undefined, e.parent || undefined, e.role);
}

export function placeRefOf(p: Place): EntityRef {
  return newRef(`place:${p.id}`, 'place', p.type, p.name, true, p.lat, p.lon, p.country || undefined, p.parent ? `place:${p.parent}` : undefined);
}

/**
 * Whether two spellings differ by one edit or one swap of neighbouring letters (UTF-16 units, as
 * the Levenshtein distance counts them). Compared in place: this runs against every notable
 * spelling of a country for each unknown place name.
 */
export function oneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) return oneSubstitutionOrSwap(a, b);
  if (a.length === b.length + 1) return oneDeletion(a, b);
  if (b.length === a.length + 1) return oneDeletion(b, a);
  return false;
}

/** Strings of one length that differ in one place, or in two neighbours swapped. */
function oneSubstitutionOrSwap(a: string, b: string): boolean {
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (first < 0) {
      first = i;
      continue;
    }
    return i === first + 1 && a.charCodeAt(first) === b.charCodeAt(i) && a.charCodeAt(i) === b.charCodeAt(first) && sameFrom(a, b, i + 1);
  }
  return true;
}

function sameFrom(a: string, b: string, from: number): boolean {
  for (let i = from; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Whether `short` is `long` with one character left out. */
function oneDeletion(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  for (; i < short.length; i++) if (long.charCodeAt(i + 1) !== short.charCodeAt(i)) return false;
  return true;
}

const ARTICLE_OPENING = /^(?:al|el|an|ar|as|ad|az|ash)-./;

/**
 * What a name is compared under for one typo: its first word when it has two or more (10
 * characters or more), or the article and first letter of one word glued to its article (8 or
 * more: "al-Zinki" with "al-Zenki"); shorter names, whose one typo makes another name, have none.
 */
function nearNameKey(lower: string): string | undefined {
  const space = lower.indexOf(' ');
  if (space > 0) return lower.length >= 10 ? lower.slice(0, space) : undefined;
  const m = lower.length >= 8 ? ARTICLE_OPENING.exec(lower) : null;
  return m ? m[0] : undefined;
}

/**
 * The lexicon's names grouped by nearNameKey: a misspelt name is compared only with the names it
 * opens like, in lexicon order.
 */
function namesByFirstWord(lexicon: ActorLexicon): Map<string, Array<[string, ActorEntry]>> {
  const out = new Map<string, Array<[string, ActorEntry]>>();
  for (const e of lexicon.entries()) {
    for (const n of [e.name, ...e.aliases]) {
      const lower = n.toLowerCase();
      const first = nearNameKey(lower);
      if (first === undefined) continue;
      let list = out.get(first);
      if (!list) out.set(first, (list = []));
      list.push([lower, e]);
    }
  }
  return out;
}

let cached: { key: string; kb: KnowledgeBase } | undefined;

export function loadKnowledgeBase(options: KnowledgeOptions = {}, report?: Report): KnowledgeBase {
  const cacheKey = JSON.stringify([options.lexicons ?? [], options.gazetteers ?? [], options.triggers ?? []]);
  if (cached?.key === cacheKey) return cached.kb;
  const lexicon: ActorLexicon = loadActorLexicon(options.lexicons ?? [], report);
  const gazetteer: Gazetteer = loadGazetteer(options.gazetteers ?? [], report);
  const matcher: NameMatcher = compileMatcher(lexicon, gazetteer);
  const triggers = loadTriggerLexicon(options.triggers ?? [], report);
  const cues = loadCues();
  const given = givenNames();

  const countryRef = (code: string): EntityRef | undefined => {
    const p = gazetteer.country(code);
    return p ? placeRefOf(p) : undefined;
  };
  const militaryCache = new Map<string, EntityRef | undefined>();
  const militaryOf = (cc: string, branch: 'air' | 'ground'): EntityRef | undefined => {
    const k = `${cc}|${branch}`;
    if (militaryCache.has(k)) return militaryCache.get(k);
    const inst = lexicon.institution(cc, branch === 'air' ? 'air force' : 'army');
    if (inst) {
      const r = actorRefOf(inst);
      militaryCache.set(k, r);
      return r;
    }
    const candidates = lexicon
      .entries()
      .filter((e) => e.type === 'military' && e.country === cc)
      .filter((e) => {
        const names = [e.name, ...e.aliases].join(' | ').toLowerCase();
        const air = /air|aerospace|aviation/.test(names);
        return branch === 'air' ? air : !air && !/navy|naval|republican guard|division|special|intelligence|police|guard/.test(e.name.toLowerCase());
      })
      .sort((a, b) => a.id.localeCompare(b.id));
    // Prefer the entry whose name says army / armed forces.
    candidates.sort((a, b) => Number(/army|armed forces|military/i.test(b.name)) - Number(/army|armed forces|military/i.test(a.name)));
    let ref = candidates[0] ? actorRefOf(candidates[0]) : undefined;
    if (!ref) {
      const country = gazetteer.country(cc);
      if (country) {
        const label = branch === 'air' ? `${country.name} Air Force` : `${country.name} Armed Forces`;
        ref = newRef(`actor:military:${cc.toLowerCase()}-${branch}`, 'actor', 'military', label, undefined, undefined, undefined, cc, cc, branch === 'air' ? 'air force' : undefined);
      }
    }
    militaryCache.set(k, ref);
    return ref;
  };

  // A country is one node, the place, whether the text names it as an actor or a place.
  const actorRefOf = (e: ActorEntry): EntityRef => {
    if (e.id.startsWith('country:')) return countryRef(e.id.slice('country:'.length)) ?? actorRefOfEntry(e);
    return actorRefOfEntry(e);
  };
  const candidateCountry = (c: NameCandidate): string | undefined => {
    if (c.id.startsWith('country:')) return c.id.slice('country:'.length);
    if (c.kind === 'actor') return lexicon.get(c.id)?.country;
    return gazetteer.get(c.id)?.country;
  };

  const isGeneric = (hit: NameMatch): boolean => {
    if (/^\p{Ll}/u.test(hit.surface)) return true;
    const lower = hit.surface.charAt(0).toLowerCase() + hit.surface.slice(1);
    return hit.candidates.some((c) => c.kind === 'actor' && lexicon.get(c.id)?.aliases.includes(lower));
  };
  const nearNames = namesByFirstWord(lexicon);
  const placeMemo = new Map<string, Place | undefined>();
  const notable = new NotableSpellings(gazetteer);
  const kb: KnowledgeBase = {
    candidateCountry,
    cues,
    triggers,
    ner: existsSync(DEFAULT_NER_MODEL) ? NerTagger.load(DEFAULT_NER_MODEL, { findNames: (text) => matcher.find(text), isGivenName: (word) => given.has(word.toLowerCase()), bodyHeads: cues.orgHeads, titles: cues.titles, placeHeads: cues.placeHeads }) : undefined,
    findNames: (text) => matcher.find(text),
    isGenericName: (hit) => isGeneric(hit),
    resolveHit: (hit, context) => {
      const actors = hit.candidates.filter((c) => c.kind === 'actor');
      const places = hit.candidates.filter((c) => c.kind === 'place');
      // A country name is one node (kind place, type country) whether it acts or is a place.
      const country = hit.candidates.find((c) => c.type === 'country');
      if (country) {
        const cc = candidateCountry(country);
        const ref = cc ? countryRef(cc) : undefined;
        if (ref) return ref;
      }
      if (actors.length && (!places.length || actors[0]!.type !== 'country')) {
        // Several actors share an alias: prefer one whose context matches the document.
        const entries = actors.map((c) => lexicon.get(c.id)).filter((e): e is ActorEntry => !!e);
        const fits = (e: ActorEntry, n: number) => e.context?.some((c) => context.countries.slice(0, n).includes(c)) || (e.country !== undefined && context.countries.slice(0, n).includes(e.country));
        // (the one whose country the document names most: "Kurdish forces" are the YPG in a Syrian story, the Peshmerga in an Iraqi one)
        const rank = (e: ActorEntry) => Math.min(...[...(e.context ?? []), ...(e.country ? [e.country] : [])].map((c) => context.countries.slice(0, 8).indexOf(c)).filter((i) => i >= 0), Infinity);
        const inContext = entries.filter((e) => fits(e, 8)).sort((a, b) => rank(a) - rank(b))[0];
        // A generic phrase ("government forces") means a country's forces only in its own story.
        if (isGeneric(hit) && !entries.some((e) => fits(e, 2))) return undefined;
        const e = inContext ?? entries[0];
        if (e) return actorRefOf(e);
      }
      if (places.length) {
        const p = gazetteer.resolve(hit.surface, { countries: context.countries });
        if (p) return placeRefOf(p);
      }
      return undefined;
    },
    countryOfDemonym: (word) => lexicon.countryOfDemonym(word),
    militaryOf,
    stateOf: (cc, role) => {
      if (role !== 'government') return militaryOf(cc, role === 'air force' ? 'air' : 'ground');
      const e = lexicon.institution(cc, 'government');
      return e ? actorRefOf(e) : undefined;
    },
    isGivenName: (word) => given.has(word.toLowerCase()),
    actorByName: (surface) => {
      const e = lexicon.lookup(surface)[0];
      return e ? actorRefOf(e) : undefined;
    },
    actorByNearName: (surface) => {
      const lower = surface.toLowerCase();
      const key = nearNameKey(lower);
      if (key === undefined) return undefined;
      for (const [name, e] of nearNames.get(key) ?? []) if (oneTypo(name, lower)) return actorRefOf(e);
      return undefined;
    },
    actorRef: (id) => {
      // A country is one node, the place: its actor entry ("country:RU") points there.
      if (id.startsWith('country:')) return countryRef(id.slice('country:'.length));
      const e = lexicon.get(id);
      return e ? actorRefOf(e) : undefined;
    },
    actorDomain: (id) => {
      const e = lexicon.get(id);
      if (!e || e.generated) return { countries: [], parent: undefined };
      return { countries: e.context?.length ? e.context : e.country ? [e.country] : [], parent: e.parent };
    },
    lookupPlace: (name, context) => {
      // Memoised per name and context: the same unknown names recur across a corpus, and the
      // fuzzy fallback is the costliest look-up there is.
      const memoKey = `${name}\u0000${context.countries.slice(0, 4).join(',')}`;
      if (placeMemo.has(memoKey)) return placeMemo.get(memoKey);
      const found = lookupPlaceUncached(gazetteer, notable, name, context.countries);
      if (placeMemo.size > 200_000) placeMemo.clear();
      placeMemo.set(memoKey, found);
      return found;
    },
    countryRef,
    countryPart: (code, direction) => {
      const country = gazetteer.country(code);
      if (!country) return undefined;
      const at = countryPartCoordinates(gazetteer, country, direction);
      const key = countryPartKey(country.id, direction);
      return newRef(key, 'place', 'region', countryPartLabel(direction, country.name), true, at?.lat, at?.lon, country.country, `place:${country.id}`);
    },
    institutionOf: (cc, role) => {
      const e = lexicon.institution(cc, role);
      return e ? actorRefOf(e) : undefined;
    },
    capitalOf: (placeKey) => {
      const p = placeKey.startsWith('place:geonames:') ? gazetteer.get(placeKey.slice('place:'.length)) : undefined;
      return p?.featureCode === 'PPLC' ? p.country : undefined;
    },
    reconsiderFarPlace: (placeKey, surface, others) => {
      const p = gazetteer.get(placeKey.replace(/^place:/, ''));
      if (!p || p.curated || (p.type !== 'city' && p.type !== 'town')) return undefined;
      const within = (q: Place, km: number): boolean => others.some((o) => gazetteer.distanceKm(q, o) <= km);
      if (others.length === 0 || within(p, NEAR_PLACE_KM)) return undefined;
      const large = isProminentCity(p) || (p.population ?? 0) >= LARGE_TOWN;
      const namesakes = [...gazetteer.lookup(surface), ...(p.name === surface ? [] : gazetteer.lookup(p.name))]
        .filter((q) => q.id !== p.id && (q.type === 'city' || q.type === 'town'))
        .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const prominent = namesakes.find(isProminentCity);
      if (within(p, FAR_PLACE_KM)) return large || !prominent ? undefined : placeRefOf(prominent);
      const fitting = namesakes.find((q) => within(q, NEAR_PLACE_KM)) ?? namesakes.find((q) => within(q, FAR_PLACE_KM)) ?? prominent;
      if (fitting) return placeRefOf(fitting);
      return large ? undefined : null;
    },
    parentChain: (placeKey) => {
      const p = gazetteer.get(placeKey.replace(/^place:/, ''));
      const refs: EntityRef[] = [];
      if (p) for (const parent of gazetteer.parentChain(p)) refs.push(placeRefOf(parent));
      return refs;
    },
  };
  cached = { key: cacheKey, kb };
  return kb;
}

/**
 * Spatial minimality: the places of one article lie near each other. A small town with none of
 * them this near gives way to a capital or a city of a million of the same name (Berlin, New
 * Hampshire beside Washington and Aleppo)...
 */
const NEAR_PLACE_KM = 500;
/** ...and one this far from all of them is most likely a namesake of the one meant (London, Ohio). */
const FAR_PLACE_KM = 2000;
/** A far place this large is taken as meant (Geneva in a Syrian story); a smaller one is doubted. */
const LARGE_TOWN = 100_000;

/** A capital or a city of a million: what a bare name in the news means, wherever the story is set. */
function isProminentCity(p: Place): boolean {
  return p.featureCode === 'PPLC' || (p.population ?? 0) >= 1_000_000;
}

/** Whether the place's name or one of its aliases passes the test. */
function someNameOf(p: Place, test: (name: string) => boolean): boolean {
  if (test(p.name)) return true;
  for (const n of p.aliases) if (test(n)) return true;
  return false;
}

function inFirst(list: string[], n: number, value: string | undefined): boolean {
  if (value === undefined) return false;
  for (let i = 0; i < list.length && i < n; i++) if (list[i] === value) return true;
  return false;
}

function addSpelling(list: Array<[string, Place]>, name: string, p: Place): void {
  const k = nameVariants(name).pop();
  if (k) list.push([k, p]);
}

/** The spellings (last name variant) of the notable places of each country, built on first use. */
class NotableSpellings {
  private byCountry: Map<string, Place[]> | undefined = undefined;
  private readonly spellings = new Map<string, SpellingsByLength>();

  constructor(private readonly gazetteer: Gazetteer) {}

  of(cc: string): SpellingsByLength {
    let byLength = this.spellings.get(cc);
    if (!byLength) {
      const list: Array<[string, Place]> = [];
      for (const p of this.placesOf(cc)) {
        addSpelling(list, p.name, p);
        for (const n of p.aliases) addSpelling(list, n, p);
      }
      byLength = spellingsByLength(list);
      this.spellings.set(cc, byLength);
    }
    return byLength;
  }

  /** The notable places of one country, in gazetteer order; all countries grouped in one pass. */
  private placesOf(cc: string): Place[] {
    if (!this.byCountry) {
      const byCountry = new Map<string, Place[]>();
      for (const p of this.gazetteer.places()) {
        if (p.country === undefined || !this.gazetteer.isNotable(p)) continue;
        const list = byCountry.get(p.country);
        if (list) list.push(p);
        else byCountry.set(p.country, [p]);
      }
      this.byCountry = byCountry;
    }
    return this.byCountry.get(cc) ?? [];
  }
}

/**
 * A place named by cue (not by the matcher), which may be a village: an exact spelling is
 * accepted in a country the article is about, or anywhere for a large place; a transliteration
 * variant or a near spelling only in the article's main countries.
 */
function lookupPlaceUncached(gazetteer: Gazetteer, notable: NotableSpellings, name: string, countries: string[]): Place | undefined {
  const key = nameVariants(name);
  const bare = key[key.length - 1] ?? '';
  const candidates = gazetteer.lookup(name);
  // Indexed loops: the candidate arrays come in several elements kinds (empty, packed, holey),
  // and for-of over them cost a recompilation for each new kind.
  if (candidates.length > 0) {
    const found = exactOrNearPlace(gazetteer, name, key, bare, candidates, countries);
    if (found) return found;
  }
  if (bare.replace(/\s/g, '').length < 6) return undefined;
  // One typo: a letter changed, added or dropped, or two neighbours swapped ("Palymra"),
  // against the notable places of the article's main countries only.
  for (let i = 0; i < countries.length && i < 2; i++) {
    const place = oneTypoAway(notable.of(countries[i]!), bare);
    if (place) return place;
  }
  return undefined;
}

/**
 * A country's notable spellings by their length, each with its rank in gazetteer order: a typo
 * changes the length by one at most, so a look-up reads three groups, not the whole country.
 */
export type SpellingsByLength = Map<number, Array<{ spelling: string; place: Place; order: number }>>;

export function spellingsByLength(list: ReadonlyArray<readonly [string, Place]>): SpellingsByLength {
  const byLength: SpellingsByLength = new Map();
  for (let order = 0; order < list.length; order++) {
    const [spelling, place] = list[order]!;
    const group = byLength.get(spelling.length);
    const entry = { spelling, place, order };
    if (group) group.push(entry);
    else byLength.set(spelling.length, [entry]);
  }
  return byLength;
}

/** The first place (in gazetteer order) one typo away from `bare`. */
export function oneTypoAway(spellings: SpellingsByLength, bare: string): Place | undefined {
  let first: { place: Place; order: number } | undefined;
  for (let length = bare.length - 1; length <= bare.length + 1; length++) {
    const group = spellings.get(length);
    if (!group) continue;
    for (let k = 0; k < group.length; k++) {
      const entry = group[k]!;
      if (first && entry.order > first.order) break;
      if (oneTypo(entry.spelling, bare)) {
        first = entry;
        break;
      }
    }
  }
  return first?.place;
}

/** The candidate spelled as the name (in the article's countries, or a large place), else one spelled nearly alike. */
function exactOrNearPlace(gazetteer: Gazetteer, name: string, key: string[], bare: string, candidates: Place[], countries: string[]): Place | undefined {
  const exact: Place[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    if (someNameOf(p, (n) => nameVariants(n).some((k) => key.includes(k)))) exact.push(p);
  }
  for (let i = 0; i < exact.length; i++) {
    if (inFirst(countries, 4, exact[i]!.country)) return gazetteer.resolve(name, { countries }) ?? exact[i];
  }
  for (let i = 0; i < exact.length; i++) {
    const p = exact[i]!;
    if ((p.population ?? 0) >= 100_000 || p.type === 'country') return p;
  }
  // A transliteration variant must still be spelled nearly alike ("Deir Ezzor" ~ "Dayr az Zawr"
  // share their skeleton; "Hasraya" and "Hasakah" do not).
  const maxEdits = Math.max(2, Math.floor(bare.length / 3));
  for (let i = 0; i < candidates.length; i++) {
    const p = candidates[i]!;
    if (inFirst(countries, 2, p.country) && someNameOf(p, (n) => levenshtein(nameVariants(n).pop() ?? '', bare) <= maxEdits)) return p;
  }
  return undefined;
}

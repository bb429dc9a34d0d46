/**
 * The fast name pass: one left-to-right scan over the text, looking every word token up in a token
 * trie compiled once from all actor names and aliases (curated and generated) and the names of the
 * gazetteer's notable places. Returns non-overlapping, leftmost-longest matches with every candidate.
 *
 * Case rules, declared by how a name is written in the data (after a leading "the"):
 *   - all capitals ("ISIS", "UN", "U.S.")   → the text's letters must all be capitals;
 *   - starting with a capital ("Syrian Army") → the text's first letter must be a capital;
 *   - starting in lower case ("regime forces") → any case.
 * Place names listed in data/gazetteer/stopnames.json are never matched ("never") or not at the
 * start of a sentence ("sentenceStart"), where a capital says nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from './gazetteer.js';
import type { ActorLexicon } from './lexicon.js';
import { isApostrophe, nameVariants, normalizeToken, tokenEnd, tokenStart } from './names.js';
import { KeyHashFilter, lowerAsciiHash } from './word-hash.js';

export interface NameCandidate {
  kind: 'actor' | 'place';
  id: string;
  /** ActorType or PlaceType; "demonym" for a bare demonym ("Syrian"), whose id is the country actor. */
  type: string;
}

export interface NameMatch {
  /** Character offsets into the text (end exclusive). */
  start: number;
  end: number;
  surface: string;
  candidates: NameCandidate[];
}

export interface NameMatcher {
  find(text: string): NameMatch[];
  /** Number of distinct name keys compiled. */
  readonly size: number;
}

export interface MatcherOptions {
  /** Places with at least this population are matched (curated places, regions and countries always). */
  minPopulation?: number;
  /** Places named by one word must have this population (default 100k) unless curated, an admin capital or in a focus country. */
  singleWordPopulation?: number;
  /** Also match bare demonyms ("Russian") as { kind: 'actor', id: 'country:RU', type: 'demonym' } (default false). */
  demonyms?: boolean;
  /** Stop-name files (default data/gazetteer/stopnames.json). */
  stopnameFiles?: string[];
}

const enum CaseRule {
  Any = 0,
  Capitalised = 1,
  AllCaps = 2,
}

interface Cand {
  c: NameCandidate;
  rule: CaseRule;
  notAtSentenceStart: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  cands: Cand[] | undefined;
}

/** Nodes are made here only, both fields present: one shape for the walk in find(). */
const newNode = (): TrieNode => ({ next: undefined, cands: undefined });

const STOPNAMES = fileURLToPath(new URL('../../data/gazetteer/stopnames.json', import.meta.url));

/** Compile the matcher once; reuse it for every document. */
export function compileMatcher(lexicon: ActorLexicon, gazetteer: Gazetteer, options: MatcherOptions = {}): NameMatcher {
  const minPop = options.minPopulation ?? 15_000;
  const never = new Set<string>();
  const atStart = new Set<string>();
  const focus = new Set<string>();
  const everyPlace = new Set<string>();
  for (const f of options.stopnameFiles ?? [STOPNAMES]) {
    const s = JSON.parse(readFileSync(f, 'utf8')) as { never?: string[]; sentenceStart?: string[]; focusCountries?: string[]; allPlacesCountries?: string[] };
    for (const n of s.never ?? []) for (const k of nameVariants(n)) never.add(k);
    for (const n of s.sentenceStart ?? []) for (const k of nameVariants(n)) atStart.add(k);
    for (const c of s.focusCountries ?? []) focus.add(c);
    for (const c of s.allPlacesCountries ?? []) everyPlace.add(c);
  }
  const singleWordPopulation = options.singleWordPopulation ?? 100_000;

  const root = new Map<string, TrieNode>();
  let size = 0;
  const insert = (key: string, cand: Cand): void => {
    let map = root;
    let node: TrieNode | undefined;
    for (let start = 0; ; ) {
      const space = key.indexOf(' ', start);
      const tok = space < 0 ? key.slice(start) : key.slice(start, space);
      node = map.get(tok);
      if (!node) map.set(tok, (node = newNode()));
      if (space < 0) break;
      map = node.next ??= new Map();
      start = space + 1;
    }
    if (!node.cands) {
      node.cands = [];
      size++;
    }
    const dup = node.cands.find((x) => x.c.id === cand.c.id && x.c.kind === cand.c.kind);
    if (!dup) node.cands.push(cand);
    else if (cand.rule < dup.rule) dup.rule = cand.rule; // the most permissive spelling wins
  };

  for (const e of lexicon.entries()) {
    const c: NameCandidate = { kind: 'actor', id: e.id, type: e.type };
    for (const n of [e.name, ...e.aliases]) {
      const key = nameVariants(n)[0];
      if (key) insert(key, { c, rule: caseRule(n), notAtSentenceStart: false });
    }
  }
  // bare demonyms ("a Russian official") point at their country, typed "demonym" so callers can
  // use them as context without making an actor of every adjective
  for (const [key, code] of options.demonyms ? lexicon.demonyms() : []) {
    const country = lexicon.countryActor(code);
    if (!country || never.has(key)) continue;
    const surface = country.demonyms?.find((d) => nameVariants(d)[0] === key) ?? key;
    const rule = caseRule(surface) === CaseRule.AllCaps ? CaseRule.AllCaps : CaseRule.Capitalised;
    insert(key, { c: { kind: 'actor', id: country.id, type: 'demonym' }, rule, notAtSentenceStart: false });
  }
  // Minor towns (see Gazetteer.minorPlaces) pass the test below only in an all-places country or
  // above a population floor set lower than the gazetteer's own.
  const minor = gazetteer.minorPlaces((country, population) => everyPlace.has(country) || population >= minPop);
  for (const p of [...gazetteer.places(), ...minor]) {
    const pop = p.population ?? 0;
    const always = p.curated || p.type === 'country' || p.type === 'region' || (p.country !== undefined && everyPlace.has(p.country));
    if (!always && pop < minPop && !gazetteer.isNotable(p)) continue;
    // one-word names of ordinary towns are mostly surnames and words ("Wilson", "Cocoa"): only big
    // cities, admin capitals and towns of the focus countries are matched by a single word
    const singleOk = always || pop >= singleWordPopulation || p.featureCode === 'PPLC' || p.featureCode === 'PPLA' ||
      (p.country !== undefined && focus.has(p.country));
    const c: NameCandidate = { kind: 'place', id: p.id, type: p.type };
    for (const n of [p.name, ...p.aliases]) {
      const rule = caseRule(n);
      for (const key of nameVariants(n)) {
        if (key.length < 3 || never.has(key) || never.has(coreName(key)) || (!singleOk && !key.includes(' '))) continue;
        insert(key, { c, rule: rule === CaseRule.Any ? CaseRule.Any : CaseRule.Capitalised, notAtSentenceStart: atStart.has(key) });
      }
    }
  }

  // candidates in order of preference: actors as listed, then places by the gazetteer's own ranking
  const sortNode = (node: TrieNode, key: string): void => {
    if (node.cands && node.cands.length > 1) {
      const rank = new Map<Cand, number>();
      for (const k of node.cands) {
        const p = k.c.kind === 'place' ? gazetteer.get(k.c.id) : undefined;
        rank.set(k, p ? gazetteer.rank(p, key) : Infinity);
      }
      node.cands.sort((a, b) => rank.get(b)! - rank.get(a)! || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
    }
    if (node.next) for (const [t, child] of node.next) sortNode(child, `${key} ${t}`);
  };
  for (const [t, node] of root) sortNode(node, t);

  const firstWords = new KeyHashFilter(root.keys());
  return { find: (text) => find(text, root, firstWords), size };
}

const GENERIC_PREFIX_RE = /^(?:province of|rural) /;
const GENERIC_SUFFIX_RE = / (?:province|governorate|region|district|state|countryside|oblast|county|department)$/;
/** A region alias without its generic word: "central province" → "central" (then checked against the stop-names). */
function coreName(key: string): string {
  return key.replace(GENERIC_PREFIX_RE, '').replace(GENERIC_SUFFIX_RE, '');
}

/** The case rule a name's spelling declares (see the module comment). */
function caseRule(name: string): CaseRule {
  const ascii = asciiCaseRule(name);
  if (ascii !== undefined) return ascii;
  const s = name.replace(/^the\s+/i, '');
  if (/\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s)) return CaseRule.AllCaps;
  const first = /\p{L}/u.exec(s)?.[0];
  if (first && first !== first.toLowerCase()) return CaseRule.Capitalised;
  return CaseRule.Any;
}

/** caseRule for printable ASCII names (most of them) without regular expressions; undefined for others. */
function asciiCaseRule(name: string): CaseRule | undefined {
  let i = 0;
  // a leading "the" and its spaces, in any case, as /^the\s+/i
  if (name.length >= 4 && (name.charCodeAt(0) | 0x20) === 0x74 && (name.charCodeAt(1) | 0x20) === 0x68 && (name.charCodeAt(2) | 0x20) === 0x65 && name.charCodeAt(3) === 0x20) {
    i = 4;
    while (i < name.length && name.charCodeAt(i) === 0x20) i++;
  }
  let upper = false, lower = false, first = 0;
  for (; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return undefined;
    const isUpper = c >= 0x41 && c <= 0x5a, isLower = c >= 0x61 && c <= 0x7a;
    if (isUpper) upper = true;
    if (isLower) lower = true;
    if (first === 0 && (isUpper || isLower)) first = c;
  }
  if (upper && !lower) return CaseRule.AllCaps;
  return first >= 0x41 && first <= 0x5a ? CaseRule.Capitalised : CaseRule.Any;
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c < 0x80) return false;
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
}

function allCaps(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x80) {
      const ch = text[i]!;
      if (ch !== ch.toUpperCase()) return false;
    }
  }
  return true;
}

/** True when only spaces, quotes or brackets separate `i` from the text start or a sentence end. */
function atSentenceStart(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x22 || c === 0x28 || c === 0x5b || c === 0x201c || c === 0x2018 || c === 0x27 || c === 0x2014) continue;
    return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d || c === 0x3a || c === 0x3b;
  }
  return true;
}

/** Whether the characters between two tokens may sit inside one name. */
function joinable(text: string, from: number, to: number, prevLen: number): boolean {
  if (to - from > 4) return false;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2f) continue;
    if (c === 0x0a) {
      if (++newlines > 1) return false;
      continue;
    }
    if (c === 0x2e && prevLen === 1) continue; // "Joseph R. Biden"
    if (isApostrophe(c) && i + 1 < to && (text.charCodeAt(i + 1) | 0x20) === 0x73) {
      i++; // possessive "'s"
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The trie key of the token text[start, end). `lower` is the whole text in lower case when its
 * offsets are the text's (see lowerCaseAligned): an ASCII token's key is then one slice of it,
 * not a slice and its lower case.
 */
function tokenKey(text: string, lower: string | undefined, start: number, end: number): string {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c === 0x27 || c === 0x2e) return normalizeToken(text.slice(start, end));
  }
  return lower !== undefined ? lower.slice(start, end) : text.slice(start, end).toLowerCase();
}

/**
 * The text in lower case, when each character keeps its offset: only U+0130 (İ) lowers to two
 * UTF-16 units (checked over every code point in the tests), so equal lengths mean equal offsets;
 * ASCII letters lower the same in any context.
 */
function lowerCaseAligned(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

function validCands(cands: Cand[], text: string, start: number, end: number): NameCandidate[] | undefined {
  let out: NameCandidate[] | undefined;
  let sentenceStart: boolean | undefined;
  let capsText: boolean | undefined;
  for (const k of cands) {
    if (k.rule === CaseRule.AllCaps) {
      if (!allCaps(text, start, end)) continue;
    } else if (k.rule === CaseRule.Capitalised) {
      // a place "Gao" must not match the acronym "GAO", nor a word of an all-capitals headline
      if (!isUpperAt(text, start)) continue;
      if (k.c.kind === 'place' && end - start > 1 && (capsText ??= allCaps(text, start, end))) continue;
    }
    if (k.notAtSentenceStart && (sentenceStart ??= atSentenceStart(text, start))) continue;
    (out ??= []).push(k.c);
  }
  return out;
}

/**
 * False only when the token text[start, end) surely starts no name: neither its key nor, for a
 * possessive that lost its apostrophe, its key without the final s is a first word (most words
 * of an article are neither). Tokens with apostrophes or dots have other keys: they may.
 */
function mayStartName(text: string, start: number, end: number, firstWords: KeyHashFilter): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x2e) return true;
  }
  if (firstWords.mayHave(lowerAsciiHash(text, start, end))) return true;
  return end - start > 4 && (text.charCodeAt(end - 1) | 0x20) === 0x73 && firstWords.mayHave(lowerAsciiHash(text, start, end - 1));
}

function find(text: string, root: Map<string, TrieNode>, firstWords: KeyHashFilter): NameMatch[] {
  const out: NameMatch[] = [];
  const lower = lowerCaseAligned(text);
  let pos = 0;
  for (;;) {
    // Token offsets as numbers, not span objects: this runs for every word of every article.
    const start = tokenStart(text, pos);
    if (start < 0) break;
    const tokEnd = tokenEnd(text, start);
    if (!mayStartName(text, start, tokEnd, firstWords)) {
      pos = tokEnd;
      continue;
    }
    const key = tokenKey(text, lower, start, tokEnd);
    const first = root.get(key);
    if (!first) {
      // a possessive that lost its apostrophe ("Syrias", "Assads"): the name without the s, alone
      if (key.length > 4 && key.endsWith('s') && isUpperAt(text, start)) {
        const stem = root.get(key.slice(0, -1));
        const ok = stem?.cands && validCands(stem.cands, text, start, tokEnd - 1);
        if (ok) out.push({ start, end: tokEnd - 1, surface: text.slice(start, tokEnd - 1), candidates: ok });
      }
      pos = tokEnd;
      continue;
    }
    let bestEnd = -1;
    let best: NameCandidate[] | undefined;
    let node: TrieNode = first;
    let end = tokEnd;
    let prevLen = tokEnd - start;
    for (;;) {
      if (node.cands) {
        const ok = validCands(node.cands, text, start, end);
        if (ok) {
          best = ok;
          bestEnd = end;
        }
      }
      if (!node.next) break;
      const nextStart = tokenStart(text, end);
      if (nextStart < 0 || !joinable(text, end, nextStart, prevLen)) break;
      const nextEnd = tokenEnd(text, nextStart);
      const child = node.next.get(tokenKey(text, lower, nextStart, nextEnd));
      if (!child) break;
      node = child;
      end = nextEnd;
      prevLen = nextEnd - nextStart;
    }
    if (best) {
      out.push({ start, end: bestEnd, surface: text.slice(start, bestEnd), candidates: best });
      pos = bestEnd;
    } else pos = tokEnd;
  }
  return out;
}

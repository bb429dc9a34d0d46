import type { NameMatch } from '../matcher.js';

/**
 * What the knowledge base says of a sentence's words, as the tagger's features read it: the kind
 * of known name (lexicon actor or gazetteer place) covering each token, and whether a token is a
 * known given name. A learned weight per kind lets the tagger type a name it never saw in
 * training ("Naypyidaw", "Hezbollah") and doubt a known name the context contradicts.
 */
export interface NameKnowledge {
  findNames(text: string): NameMatch[];
  isGivenName(word: string): boolean;
  /** The head nouns of bodies ("Corp", "Council"), titles ("Minister") and place heads ("River") of the cues, in lower case. */
  bodyHeads?: ReadonlySet<string> | ReadonlyMap<string, string>;
  titles?: ReadonlySet<string>;
  placeHeads?: ReadonlySet<string> | ReadonlyMap<string, string>;
}

/** Bits of knownNameClasses' values: the kind of known name is `value & KIND_MASK`. */
export const KIND_MASK = 15;
export const GIVEN_NAME = 16;
export const BODY_HEAD = 32;
export const TITLE = 64;
export const PLACE_HEAD = 128;

// Kinds of known names (values of `known` below, before the inside bit).
const COUNTRY = 1;
const CITY = 2;
const OTHER_PLACE = 3;
const PERSON = 4;
const BODY = 5;
const DEMONYM = 6;

/** A demonym, a country and the first kind of candidate decide; ties go to the earlier kind above. */
function kindOf(m: NameMatch): number {
  let best = 0;
  for (const c of m.candidates) {
    let k: number;
    if (c.type === 'demonym') k = DEMONYM;
    else if (c.type === 'country') k = COUNTRY;
    else if (c.kind === 'place') k = c.type === 'city' || c.type === 'town' ? CITY : OTHER_PLACE;
    else k = c.type === 'person' ? PERSON : BODY;
    if (best === 0 || k < best) best = k;
  }
  return best;
}

/**
 * Per token: bits 0-3 the kind of known name over it times two, plus one past its first token;
 * then GIVEN_NAME, BODY_HEAD, TITLE and PLACE_HEAD for a capitalised word the cues list so.
 */
export function knownNameClasses(knowledge: NameKnowledge, tokens: readonly { text: string; start?: number }[], found?: DocumentNames): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  const starts = new Int32Array(n);
  let matches: readonly NameMatch[];
  let from = 0;
  if (found && n > 0 && tokens[0]!.start !== undefined) {
    // The names the matcher found over the whole document, read at the tokens' own offsets.
    for (let i = 0; i < n; i++) starts[i] = tokens[i]!.start!;
    matches = found.matches;
    from = firstEndingAfter(matches, starts[0]!);
  } else {
    // The tokens joined by single spaces: what training reads (CoNLL gives no text).
    let text = '';
    for (let i = 0; i < n; i++) {
      if (i) text += ' ';
      starts[i] = text.length;
      text += tokens[i]!.text;
    }
    matches = knowledge.findNames(text);
  }
  let i = 0;
  const last = n > 0 ? starts[n - 1]! : 0;
  for (let h = from; h < matches.length; h++) {
    const m = matches[h]!;
    if (m.start > last) break;
    const kind = kindOf(m);
    if (!kind) continue;
    while (i < n && starts[i]! < m.start) i++;
    for (let k = i; k < n && starts[k]! < m.end; k++) out[k] = kind * 2 + (k > i ? 1 : 0);
  }
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!.text;
    const c = t.charCodeAt(0);
    if (c < 0x41 || c > 0x5a) continue;
    if (knowledge.isGivenName(t)) out[k]! |= GIVEN_NAME;
    const lower = t.toLowerCase().replace(/\.$/, '');
    if (knowledge.bodyHeads?.has(lower)) out[k]! |= BODY_HEAD;
    if (knowledge.titles?.has(lower)) out[k]! |= TITLE;
    if (knowledge.placeHeads?.has(lower)) out[k]! |= PLACE_HEAD;
  }
  return out;
}

/** The name matches of a whole document, in text order, for knownNameClasses to read sentence by sentence. */
export interface DocumentNames {
  matches: readonly NameMatch[];
}

/** The index of the first match ending after `offset` (binary search; matches do not overlap). */
function firstEndingAfter(matches: readonly NameMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

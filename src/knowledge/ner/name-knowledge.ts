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
export function knownNameClasses(knowledge: NameKnowledge, tokens: readonly { text: string }[]): Uint8Array {
  const n = tokens.length;
  const out = new Uint8Array(n);
  // The tokens joined by single spaces: the same string at training and at run time.
  const starts = new Int32Array(n);
  let text = '';
  for (let i = 0; i < n; i++) {
    if (i) text += ' ';
    starts[i] = text.length;
    text += tokens[i]!.text;
  }
  let i = 0;
  for (const m of knowledge.findNames(text)) {
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

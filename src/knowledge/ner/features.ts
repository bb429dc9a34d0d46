import { GIVEN_NAME, KIND_MASK, knownNameClasses, type DocumentNames, type NameKnowledge } from './name-knowledge.js';

/**
 * The tagger's features. Each is a pair of integers: a template number with a first value, and a
 * second value (word, shape or affix ids from the vocabulary the model stores). Keeping them as
 * integers, not strings, lets the hot loop look weights up in a typed-array hash table (see
 * FeatureTable) without building a string per feature and token.
 */

/** Id of a word, affix or shape the vocabulary lacks, and of the positions past a sentence's ends. */
export const UNKNOWN = 0;
export const BOUNDARY = 1;
const FIRST_ID = 2;

const TEMPLATE_BITS = 6;
export const MAX_VALUE = 1 << (31 - TEMPLATE_BITS);

// Templates. Their numbers are part of the weights file's format: append, never renumber.
const T_BIAS = 0;
const T_W = 1;
const T_WM1 = 2;
const T_WP1 = 3;
const T_WM2 = 4;
const T_WP2 = 5;
const T_SH = 6;
const T_SHM1 = 7;
const T_SHP1 = 8;
const T_SHM2 = 9;
const T_SHP2 = 10;
const T_PRE = 11;
const T_SUF = 12;
const T_PT = 13;
const T_PT2 = 14;
const T_PTW = 15;
const T_PTSH = 16;
const T_WM1W = 17;
const T_WWP1 = 18;
const T_SHM1SH = 19;
const T_SHSHP1 = 20;
const T_FIRST = 21;
const T_HEADLINE = 22;
const T_SHM1SHP1 = 23;
const T_PTWM1 = 24;
const T_MEMORY = 25;
const T_LOWER_ELSEWHERE = 26;
const T_FORM = 27;
const T_KNOWN = 28;
const T_KNOWN_SH = 29;
const T_KNOWN_M1 = 30;
const T_KNOWN_P1 = 31;
const T_GIVEN_M1 = 32;
const T_CUE_WORDS = 33;

export const AFFIX_LENGTHS = 4;

/** Feature ids of the words, affixes and shapes seen in training. */
export interface Vocabulary {
  words: Map<string, number>;
  /** Words as written (case kept), the frequent ones only. */
  forms: Map<string, number>;
  prefixes: Map<string, number>;
  suffixes: Map<string, number>;
  shapes: Map<string, number>;
}

/** Word-level values of one sentence's tokens, computed once and read by every feature. */
export interface SentenceAttributes {
  length: number;
  word: Int32Array;
  shape: Int32Array;
  /** AFFIX_LENGTHS prefix ids, then as many suffix ids, per token. */
  prefix: Int32Array;
  suffix: Int32Array;
  /** 1 when the sentence is written in capitals (a headline), else 0. */
  headline: number;
  /** Each token's normalised form (normalizeWord). */
  keys: string[];
  /** 1 for a capitalised token that its document also writes in lower case ("Officials" / "officials"). */
  lowerElsewhere: Uint8Array;
  /** Each token's id in the case-sensitive vocabulary ("US" and "us" apart). */
  form: Int32Array;
  /** The document's memory of the tags given so far, which later tokens read. */
  doc: DocumentContext | undefined;
  /** What the knowledge base knows of each token (knownNameClasses), when the tagger is given it. */
  known: Uint8Array | undefined;
  /** Each token's row in `memo`, the WordMemo that read it: one row, one word form, the same ids. */
  rows: Int32Array;
  memo: WordMemo;
}

/**
 * What the tagger knows of a document while it reads it: the words the document writes in
 * lower case, and for each word the type of name it was last tagged as (1-based index in the
 * tag set's types, as `memory` holds it). A name repeats within a story ("Leicestershire" in the
 * headline, the text and the table), so an earlier confident reading helps a later, ambiguous one.
 */
export interface DocumentContext {
  lowerWords: Set<string>;
  memory: Map<string, number>;
}

/** The context of a document whose sentences are these tokens. */
export function documentContext(sentences: Iterable<readonly { text: string }[]>): DocumentContext {
  const lowerWords = new Set<string>();
  for (const s of sentences) {
    for (const t of s) {
      const c = t.text.charCodeAt(0);
      if (c >= 0x61 && c <= 0x7a) lowerWords.add(t.text);
    }
  }
  return { lowerWords, memory: new Map() };
}

const DIGIT = /\d/g;

/** The form a word is looked up under: lower case, every digit a 0 (years and scores alike). */
export function normalizeWord(text: string): string {
  const lower = text.toLowerCase();
  return hasDigit(lower) ? lower.replace(DIGIT, '0') : lower;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** Character classes with repeats collapsed: "Xx" (Paris), "X.X." (U.S.), "d-d-d" (1996-08-30), "Xx-Xx". */
export function wordShape(text: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < text.length && out.length < 8; i++) {
    const ch = text[i]!;
    const c = ch.charCodeAt(0);
    let k: string;
    if (c >= 0x41 && c <= 0x5a) k = 'X';
    else if (c >= 0x61 && c <= 0x7a) k = 'x';
    else if (c >= 0x30 && c <= 0x39) k = 'd';
    else if (c >= 0x80 && ch.toLowerCase() !== ch) k = 'X';
    else if (c >= 0x80 && ch.toUpperCase() !== ch) k = 'x';
    else k = ch;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

function idOf(map: ReadonlyMap<string, number>, key: string): number {
  return map.get(key) ?? UNKNOWN;
}

/** A headline: at least three words with letters, none of them with a lower-case letter. */
function isHeadline(tokens: readonly { text: string }[]): boolean {
  let words = 0;
  for (const t of tokens) {
    const text = t.text;
    if (text.toUpperCase() !== text) return false;
    if (text.toLowerCase() !== text) words++;
  }
  return words >= 3;
}

/** Ids a word's attributes take in WordMemo rows: word, form, shape, then prefixes and suffixes. */
const ROW = 3 + 2 * AFFIX_LENGTHS;

/**
 * The ids of each word form met, so a word that recurs (most of news) costs one look-up instead
 * of a lower-casing, a shape, eight affix slices and eleven vocabulary look-ups. Bounded: it
 * starts over past `limit` forms.
 */
export class WordMemo {
  private readonly index = new Map<string, number>();
  private ids = new Int32Array(ROW * 1024);
  private readonly keys: string[] = [];
  /** How often the memo started over: rows read before a reset name other words after it. */
  resets = 0;

  constructor(
    private readonly vocab: Vocabulary,
    private readonly limit = 100_000,
  ) {}

  /**
   * Makes room for a sentence of n words: the memo starts over here, never inside a sentence, so
   * a sentence's rows all name the forms they were given for.
   */
  reserve(n: number): void {
    if (this.keys.length + n <= this.limit) return;
    this.index.clear();
    this.keys.length = 0;
    this.resets++;
  }

  /** The row of `text` in `ids` (row * ROW is its first id); `keyOf(row)` is its normalised form. */
  row(text: string): number {
    const known = this.index.get(text);
    if (known !== undefined) return known;
    const r = this.keys.length;
    if ((r + 1) * ROW > this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    const v = this.vocab;
    const w = normalizeWord(text);
    const at = r * ROW;
    const ids = this.ids;
    ids[at] = idOf(v.words, w);
    ids[at + 1] = idOf(v.forms, text);
    ids[at + 2] = idOf(v.shapes, wordShape(text));
    for (let k = 1; k <= AFFIX_LENGTHS; k++) {
      const fits = k <= w.length;
      ids[at + 2 + k] = fits ? idOf(v.prefixes, w.slice(0, k)) : UNKNOWN;
      ids[at + 2 + AFFIX_LENGTHS + k] = fits ? idOf(v.suffixes, w.slice(w.length - k)) : UNKNOWN;
    }
    this.keys.push(w);
    this.index.set(text, r);
    return r;
  }

  get table(): Int32Array {
    return this.ids;
  }

  keyOf(row: number): string {
    return this.keys[row]!;
  }
}

export function sentenceAttributes(tokens: readonly { text: string; start?: number }[], vocab: Vocabulary, doc?: DocumentContext, memo: WordMemo = new WordMemo(vocab), knowledge?: NameKnowledge, found?: DocumentNames): SentenceAttributes {
  const n = tokens.length;
  const a: SentenceAttributes = {
    length: n,
    word: new Int32Array(n),
    shape: new Int32Array(n),
    prefix: new Int32Array(n * AFFIX_LENGTHS),
    suffix: new Int32Array(n * AFFIX_LENGTHS),
    headline: isHeadline(tokens) ? 1 : 0,
    keys: new Array<string>(n),
    lowerElsewhere: new Uint8Array(n),
    form: new Int32Array(n),
    doc,
    known: knowledge ? knownNameClasses(knowledge, tokens, found) : undefined,
    rows: new Int32Array(n),
    memo,
  };
  memo.reserve(n);
  for (let i = 0; i < n; i++) {
    const text = tokens[i]!.text;
    const r = memo.row(text);
    const ids = memo.table;
    const at = r * ROW;
    const w = memo.keyOf(r);
    a.rows[i] = r;
    a.keys[i] = w;
    a.word[i] = ids[at]!;
    a.form[i] = ids[at + 1]!;
    a.shape[i] = ids[at + 2]!;
    for (let k = 0; k < AFFIX_LENGTHS; k++) {
      a.prefix[i * AFFIX_LENGTHS + k] = ids[at + 3 + k]!;
      a.suffix[i * AFFIX_LENGTHS + k] = ids[at + 3 + AFFIX_LENGTHS + k]!;
    }
    if (doc && w !== text && doc.lowerWords.has(w)) a.lowerElsewhere[i] = 1;
  }
  return a;
}

/** Builds the vocabulary of a training set: every value seen at least `minCount` times. */
export function buildVocabulary(sentences: readonly (readonly { text: string }[])[], minCount: number): Vocabulary {
  const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of sentences) {
    for (const t of s) {
      const w = normalizeWord(t.text);
      bump(counts[0]!, w);
      bump(counts[3]!, wordShape(t.text));
      bump(counts[4]!, t.text);
      for (let k = 1; k <= AFFIX_LENGTHS && k <= w.length; k++) {
        bump(counts[1]!, w.slice(0, k));
        bump(counts[2]!, w.slice(w.length - k));
      }
    }
  }
  // Ids in sorted key order: the same training text gives the same ids whatever the Map's order.
  const ids = (m: Map<string, number>) => {
    const keys = [...m.entries()].filter(([, c]) => c >= minCount).map(([k]) => k).sort();
    return new Map(keys.map((k, i) => [k, i + FIRST_ID] as [string, number]));
  };
  return { words: ids(counts[0]!), forms: ids(counts[4]!), prefixes: ids(counts[1]!), suffixes: ids(counts[2]!), shapes: ids(counts[3]!) };
}

/** The vocabulary's keys in id order, as the weights file stores them. */
export function vocabularyLists(v: Vocabulary): Record<keyof Vocabulary, string[]> {
  const list = (m: Map<string, number>) => {
    const out: string[] = new Array(m.size);
    for (const [k, id] of m) out[id - FIRST_ID] = k;
    return out;
  };
  return { words: list(v.words), forms: list(v.forms), prefixes: list(v.prefixes), suffixes: list(v.suffixes), shapes: list(v.shapes) };
}

export function vocabularyFromLists(l: Record<keyof Vocabulary, string[]>): Vocabulary {
  const map = (keys: string[]) => new Map(keys.map((k, i) => [k, i + FIRST_ID] as [string, number]));
  return { words: map(l.words), forms: map(l.forms), prefixes: map(l.prefixes), suffixes: map(l.suffixes), shapes: map(l.shapes) };
}

/**
 * A reusable buffer of feature keys: pair i is (k1[i], k2[i]). Sized for one token's features,
 * so scoring a token allocates nothing.
 */
export class FeatureBuffer {
  readonly k1 = new Int32Array(64);
  readonly k2 = new Int32Array(64);
  count = 0;

  push(template: number, a: number, b: number): void {
    const n = this.count++;
    this.k1[n] = template | (a << TEMPLATE_BITS);
    this.k2[n] = b;
  }
}

/**
 * Where a word stands for the features it gives (wordFeatures): the token itself, a neighbour,
 * and, after a token tagged O, the token or the one before it in the tag-and-word pairs.
 */
export const WordSlot = {
  Self: 0,
  Previous: 1,
  Next: 2,
  SecondPrevious: 3,
  SecondNext: 4,
  SelfAfterTag: 5,
  PreviousAfterTag: 6,
} as const;
export type WordSlot = (typeof WordSlot)[keyof typeof WordSlot];
export const WORD_SLOTS = 7;

/**
 * The features that read one word alone, the word at index j (-1 past either end) standing in
 * `slot` from the token tagged: with `prev1` (tag id + 1) for the slots after a tag. Their sum
 * depends on the word form only, so a decoder may keep it per word (see Decoder).
 */
export function wordFeatures(s: SentenceAttributes | undefined, j: number, slot: WordSlot, out: FeatureBuffer, prev1 = 0): void {
  const w = s && j >= 0 ? s.word[j]! : BOUNDARY;
  const sh = s && j >= 0 ? s.shape[j]! : BOUNDARY;
  switch (slot) {
    case WordSlot.Self: {
      if (!s) return;
      out.push(T_BIAS, 0, 0);
      out.push(T_W, 0, w);
      out.push(T_SH, 0, sh);
      for (let k = 0; k < AFFIX_LENGTHS; k++) {
        const p = s.prefix[j * AFFIX_LENGTHS + k]!;
        if (p !== UNKNOWN) out.push(T_PRE, k, p);
        const x = s.suffix[j * AFFIX_LENGTHS + k]!;
        if (x !== UNKNOWN) out.push(T_SUF, k, x);
      }
      const form = s.form[j]!;
      if (form !== UNKNOWN) out.push(T_FORM, 0, form);
      break;
    }
    case WordSlot.Previous:
      out.push(T_WM1, 0, w);
      out.push(T_SHM1, 0, sh);
      break;
    case WordSlot.Next:
      out.push(T_WP1, 0, w);
      out.push(T_SHP1, 0, sh);
      break;
    case WordSlot.SecondPrevious:
      out.push(T_WM2, 0, w);
      out.push(T_SHM2, 0, sh);
      break;
    case WordSlot.SecondNext:
      out.push(T_WP2, 0, w);
      out.push(T_SHP2, 0, sh);
      break;
    case WordSlot.SelfAfterTag:
      out.push(T_PTW, prev1, w);
      out.push(T_PTSH, prev1, sh);
      break;
    case WordSlot.PreviousAfterTag:
      out.push(T_PTWM1, prev1, w);
      break;
  }
}

/** Features of token i that do not depend on the tags already chosen. */
export function staticFeatures(s: SentenceAttributes, i: number, out: FeatureBuffer): void {
  out.count = 0;
  const n = s.length;
  wordFeatures(s, i, WordSlot.Self, out);
  wordFeatures(s, i > 0 ? i - 1 : -1, WordSlot.Previous, out);
  wordFeatures(s, i + 1 < n ? i + 1 : -1, WordSlot.Next, out);
  wordFeatures(s, i > 1 ? i - 2 : -1, WordSlot.SecondPrevious, out);
  wordFeatures(s, i + 2 < n ? i + 2 : -1, WordSlot.SecondNext, out);
  contextFeatures(s, i, out);
}

/** The static features of token i that read more than one word, or the document: appended to `out`. */
export function contextFeatures(s: SentenceAttributes, i: number, out: FeatureBuffer): void {
  const w = s.word;
  const sh = s.shape;
  const n = s.length;
  const w0 = w[i]!;
  const wm1 = i > 0 ? w[i - 1]! : BOUNDARY;
  const wp1 = i + 1 < n ? w[i + 1]! : BOUNDARY;
  const s0 = sh[i]!;
  const sm1 = i > 0 ? sh[i - 1]! : BOUNDARY;
  const sp1 = i + 1 < n ? sh[i + 1]! : BOUNDARY;
  out.push(T_WM1W, wm1, w0);
  out.push(T_WWP1, w0, wp1);
  out.push(T_SHM1SH, sm1, s0);
  out.push(T_SHSHP1, s0, sp1);
  out.push(T_SHM1SHP1, sm1 * 4096 + s0, sp1);
  if (i === 0) out.push(T_FIRST, 0, s0);
  if (s.headline) out.push(T_HEADLINE, 0, w0);
  if (s.lowerElsewhere[i]) out.push(T_LOWER_ELSEWHERE, i === 0 ? 1 : 0, 0);
  const remembered = s.doc?.memory.get(s.keys[i]!);
  if (remembered !== undefined) out.push(T_MEMORY, remembered, s0);
  const known = s.known;
  if (known) {
    const k0 = known[i]! & KIND_MASK;
    const km1 = i > 0 ? known[i - 1]! & KIND_MASK : 0;
    const kp1 = i + 1 < n ? known[i + 1]! & KIND_MASK : 0;
    if (k0) {
      out.push(T_KNOWN, k0, 0);
      out.push(T_KNOWN_SH, k0, s0);
    }
    if (km1) out.push(T_KNOWN_M1, km1, 0);
    if (kp1) out.push(T_KNOWN_P1, kp1, 0);
    if (known[i]! & GIVEN_NAME) out.push(T_KNOWN, GIVEN_NAME, s0);
    if (i > 0 && known[i - 1]! & GIVEN_NAME) out.push(T_GIVEN_M1, 0, s0);
    // Cue words around: a body's head after ("... Shipping Corp."), a title before ("Minister X").
    for (let d = -2; d <= 2; d++) {
      const j = i + d;
      if (j < 0 || j >= n) continue;
      const cue = known[j]! >> 5;
      if (cue) out.push(T_CUE_WORDS, (d + 2) * 8 + cue, s0);
    }
  }
}

/** Features of token i given the tags of the two tokens before it (tag ids + 1, 0 before the start). */
export function historyFeatures(s: SentenceAttributes, i: number, prev1: number, prev2: number, out: FeatureBuffer): void {
  tagFeatures(prev1, prev2, out);
  wordFeatures(s, i, WordSlot.SelfAfterTag, out, prev1);
  wordFeatures(s, i > 0 ? i - 1 : -1, WordSlot.PreviousAfterTag, out, prev1);
}

/** The history features that read the tags alone. */
export function tagFeatures(prev1: number, prev2: number, out: FeatureBuffer): void {
  out.push(T_PT, prev1, 0);
  out.push(T_PT2, prev2 * 64 + prev1, 0);
}

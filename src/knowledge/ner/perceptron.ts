import { contextFeatures, documentContext, FeatureBuffer, historyFeatures, sentenceAttributes, staticFeatures, tagFeatures, WORD_SLOTS, wordFeatures, WordSlot, type DocumentContext, type WordMemo, type SentenceAttributes, type Vocabulary } from './features.js';
import { FeatureTable } from './feature-table.js';
import type { NameKnowledge } from './name-knowledge.js';

/**
 * A greedy left-to-right tagger with a linear model over the features of features.ts, and its
 * averaged-perceptron training (Collins 2002). Tags are BIO ("O", "B-PER", "I-PER"...); an I- tag
 * is allowed only after the B- or I- tag of its type, so every output is a well-formed span list.
 */

export interface LinearModel {
  tags: readonly string[];
  vocab: Vocabulary;
  table: FeatureTable;
  /** Row-major: the weight of feature row r for tag t is weights[r * tags.length + t]. */
  weights: Float32Array | Float64Array;
}

/** For each tag, the tag id that must come before it (its B- or I-), or -1 when any may. */
function insideOf(tags: readonly string[]): Int32Array {
  const out = new Int32Array(tags.length).fill(-1);
  tags.forEach((t, i) => {
    if (t.startsWith('I-')) out[i] = tags.indexOf(`B-${t.slice(2)}`);
  });
  return out;
}

/** The decoder's scratch space, reused from token to token. */
export class Decoder {
  private readonly buffer = new FeatureBuffer();
  private readonly rows = new Int32Array(64);
  private readonly scores: Float64Array;
  private readonly inside: Int32Array;
  /** The last decode's margin at each token: its tag's score less the next best allowed one. */
  margins = new Float64Array(64);
  /** The last decode's lead at each token of its tag over O: how sure the tagger is that a name goes on there, whatever its type. */
  overOutside = new Float64Array(64);
  private margin = 0;
  private lead = 0;
  private readonly outsideTag: number;

  /** For each tag, its type's number in the document memory (1-based), 0 for O. */
  private readonly typeOf: Int32Array;

  /** The per-word sums of the weights, when the decoder reads a WordMemo's rows (see WordScores). */
  private readonly words: WordScores | undefined;

  /** `memo`: the WordMemo the sentences to decode are read with, for a model of the weights file's int16 steps. */
  constructor(
    readonly model: LinearModel,
    memo?: WordMemo,
  ) {
    this.words = memo ? new WordScores(model, memo) : undefined;
    this.scores = new Float64Array(model.tags.length);
    this.inside = insideOf(model.tags);
    this.outsideTag = model.tags.indexOf('O');
    const types: string[] = [];
    this.typeOf = Int32Array.from(model.tags, (t) => {
      if (t === 'O') return 0;
      const type = t.slice(2);
      if (!types.includes(type)) types.push(type);
      return types.indexOf(type) + 1;
    });
  }

  /** Notes the tag of token i in its document's memory; capitalised words only. */
  private remember(s: SentenceAttributes, i: number, tag: number): void {
    const doc = s.doc;
    if (!doc || s.headline) return;
    const key = s.keys[i]!;
    if (this.typeOf[tag] !== 0) doc.memory.set(key, this.typeOf[tag]!);
  }

  /** The best tag of token i after prev1 (tag id, -1 at the start), with its features left in the buffer. */
  private best(s: SentenceAttributes, i: number, prev1: number, prev2: number, weights: Float32Array | Float64Array): number {
    const buf = this.buffer;
    staticFeatures(s, i, buf);
    historyFeatures(s, i, prev1 + 1, prev2 + 1, buf);
    const nTags = this.model.tags.length;
    const scores = this.scores;
    scores.fill(0);
    const table = this.model.table;
    for (let f = 0; f < buf.count; f++) {
      const r = table.get(buf.k1[f]!, buf.k2[f]!);
      this.rows[f] = r;
      if (r < 0) continue;
      const base = r * nTags;
      for (let t = 0; t < nTags; t++) scores[t]! += weights[base + t]!;
    }
    return this.choose(prev1);
  }

  /** The best tag allowed after prev1, by `scores`; notes its margin. */
  private choose(prev1: number): number {
    const nTags = this.model.tags.length;
    const scores = this.scores;
    let best = 0;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (let t = 0; t < nTags; t++) {
      const need = this.inside[t]!;
      // I-X only continues X: after its B-X or I-X.
      if (need >= 0 && prev1 !== need && prev1 !== t) continue;
      const x = scores[t]!;
      if (x > bestScore) {
        second = bestScore;
        bestScore = x;
        best = t;
      } else if (x > second) second = x;
    }
    this.margin = bestScore - second;
    this.lead = this.outsideTag >= 0 ? bestScore - scores[this.outsideTag]! : this.margin;
    return best;
  }

  /** Tag ids for a sentence's attributes. */
  decode(s: SentenceAttributes, out: Int32Array = new Int32Array(s.length)): Int32Array {
    const w = this.model.weights;
    if (this.margins.length < s.length) {
      this.margins = new Float64Array(s.length * 2);
      this.overOutside = new Float64Array(s.length * 2);
    }
    const words = this.words?.reads(s) ? this.words : undefined;
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < s.length; i++) {
      const t = words ? this.bestByWords(s, i, p1, p2, words) : this.best(s, i, p1, p2, w);
      out[i] = t;
      this.margins[i] = this.margin;
      this.overOutside[i] = this.lead;
      this.remember(s, i, t);
      p2 = p1;
      p1 = t;
    }
    return out;
  }

  /**
   * best() with the scores of the features that read one word alone taken from `words`, which
   * holds their sum per word form. The same scores, since every sum is exact (see WordScores).
   */
  private bestByWords(s: SentenceAttributes, i: number, prev1: number, prev2: number, words: WordScores): number {
    const nTags = this.model.tags.length;
    const scores = this.scores;
    const n = s.length;
    const self = words.at(s, i) * WORD_SLOTS;
    // The words around the token, or the sentence's ends.
    const previous = i > 0 ? words.at(s, i - 1) * WORD_SLOTS + WordSlot.Previous : words.boundary + WordSlot.Previous;
    const next = i + 1 < n ? words.at(s, i + 1) * WORD_SLOTS + WordSlot.Next : words.boundary + WordSlot.Next;
    const second = i > 1 ? words.at(s, i - 2) * WORD_SLOTS + WordSlot.SecondPrevious : words.boundary + WordSlot.SecondPrevious;
    const secondNext = i + 2 < n ? words.at(s, i + 2) * WORD_SLOTS + WordSlot.SecondNext : words.boundary + WordSlot.SecondNext;
    // (read after at(), which may grow the array)
    const sums = words.sums;
    let a = self * nTags;
    const b = previous * nTags;
    const c = next * nTags;
    const d = second * nTags;
    const e = secondNext * nTags;
    for (let t = 0; t < nTags; t++) scores[t] = sums[a + t]! + sums[b + t]! + sums[c + t]! + sums[d + t]! + sums[e + t]!;
    const buf = this.buffer;
    buf.count = 0;
    contextFeatures(s, i, buf);
    if (prev1 === words.tag) {
      // After the common tag, its tag-and-word pairs are kept per word too (i > 0 here).
      tagFeatures(prev1 + 1, prev2 + 1, buf);
      a = (self + WordSlot.SelfAfterTag) * nTags;
      const f = (words.at(s, i - 1) * WORD_SLOTS + WordSlot.PreviousAfterTag) * nTags;
      for (let t = 0; t < nTags; t++) scores[t]! += sums[a + t]! + sums[f + t]!;
    } else historyFeatures(s, i, prev1 + 1, prev2 + 1, buf);
    this.addScores(buf, this.model.weights);
    return this.choose(prev1);
  }

  /** Adds the weights of the buffer's features to `scores`. */
  private addScores(buf: FeatureBuffer, weights: Float32Array | Float64Array): void {
    const nTags = this.model.tags.length;
    const scores = this.scores;
    const table = this.model.table;
    for (let f = 0; f < buf.count; f++) {
      const r = table.get(buf.k1[f]!, buf.k2[f]!);
      if (r < 0) continue;
      const base = r * nTags;
      for (let t = 0; t < nTags; t++) scores[t]! += weights[base + t]!;
    }
  }

  /**
   * One training pass over a sentence: decodes with the current weights and, at each token whose
   * tag is wrong, moves the weights of its features toward the right tag. The averaged weights
   * are kept as in Daumé's trick: `sums` holds each update times the step it was made at.
   */
  train(s: SentenceAttributes, gold: Int32Array, weights: Float64Array, sums: Float64Array, step: number): number {
    const nTags = this.model.tags.length;
    let errors = 0;
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < s.length; i++) {
      const guess = this.best(s, i, p1, p2, weights);
      const truth = gold[i]!;
      if (guess !== truth) {
        errors++;
        for (let f = 0; f < this.buffer.count; f++) {
          const r = this.rows[f]!;
          if (r < 0) continue;
          weights[r * nTags + truth]! += 1;
          weights[r * nTags + guess]! -= 1;
          sums[r * nTags + truth]! += step;
          sums[r * nTags + guess]! -= step;
        }
      }
      this.remember(s, i, guess);
      p2 = p1;
      p1 = guess;
    }
    return errors;
  }

  /** Adds every feature of a sentence, read with its gold tags, to `table`, counting each in `counts`. */
  countFeatures(s: SentenceAttributes, gold: Int32Array, table: FeatureTable, counts: { value: Int32Array }): void {
    const buf = this.buffer;
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < s.length; i++) {
      staticFeatures(s, i, buf);
      historyFeatures(s, i, p1 + 1, p2 + 1, buf);
      for (let f = 0; f < buf.count; f++) {
        const r = table.add(buf.k1[f]!, buf.k2[f]!);
        if (r >= counts.value.length) {
          const grown = new Int32Array(counts.value.length * 2);
          grown.set(counts.value);
          counts.value = grown;
        }
        counts.value[r]!++;
      }
      this.remember(s, i, gold[i]!);
      p2 = p1;
      p1 = gold[i]!;
    }
  }
}

/**
 * The summed weights of the features that read one word alone (wordFeatures), per word form (its
 * WordMemo row) and slot, added up when the form is first met: a token's score then costs five
 * such sums and a dozen table look-ups instead of some thirty-five look-ups, most of them cache
 * misses. Only for weights decoded from the weights file: each is an int16 step as a float32,
 * so all are multiples of the smallest one's last bit and under 2^16 steps of it; a sum of under
 * 64 of them fits in 46 bits, and float64 sums are exact in any order. So the tags and margins
 * are best()'s to the bit.
 */
class WordScores {
  /** Per block (the sentence ends' block 0, then WordMemo row + 1), WORD_SLOTS sums of nTags. */
  sums: Float64Array;
  private ready: Uint8Array;
  private resets: number;
  /** The tag whose tag-and-word pairs are kept per word ("O", the most frequent), -2 for none. */
  readonly tag: number;
  /** The block of the sentence ends. */
  readonly boundary = 0;
  private readonly buffer = new FeatureBuffer();

  constructor(
    private readonly model: LinearModel,
    private readonly memo: WordMemo,
  ) {
    const o = model.tags.indexOf('O');
    this.tag = o >= 0 ? o : -2;
    this.resets = memo.resets;
    this.sums = new Float64Array(1024 * WORD_SLOTS * model.tags.length);
    this.ready = new Uint8Array(1024);
    this.fillBoundary();
  }

  /** Whether the sentence was read with this memo (and starts over with it). */
  reads(s: SentenceAttributes): boolean {
    if (s.memo !== this.memo) return false;
    if (this.memo.resets !== this.resets) {
      this.resets = this.memo.resets;
      this.ready.fill(0);
      this.fillBoundary();
    }
    return true;
  }

  /** The block of token j's word, its sums added up if it is new. */
  at(s: SentenceAttributes, j: number): number {
    const block = s.rows[j]! + 1;
    if (block >= this.ready.length) this.grow(block);
    if (this.ready[block] === 0) this.fill(s, j, block);
    return block;
  }

  private fillBoundary(): void {
    this.ready[0] = 1;
    for (const slot of [WordSlot.Previous, WordSlot.Next, WordSlot.SecondPrevious, WordSlot.SecondNext]) this.add(undefined, -1, 0, slot);
  }

  private fill(s: SentenceAttributes, j: number, block: number): void {
    for (let slot = 0; slot < WORD_SLOTS; slot++) this.add(s, j, block, slot as WordSlot);
    this.ready[block] = 1;
  }

  private add(s: SentenceAttributes | undefined, j: number, block: number, slot: WordSlot): void {
    const nTags = this.model.tags.length;
    const buf = this.buffer;
    buf.count = 0;
    const afterTag = slot === WordSlot.SelfAfterTag || slot === WordSlot.PreviousAfterTag;
    if (afterTag && this.tag < 0) return;
    wordFeatures(s, j, slot, buf, this.tag + 1);
    const at = (block * WORD_SLOTS + slot) * nTags;
    const sums = this.sums;
    for (let t = 0; t < nTags; t++) sums[at + t] = 0;
    const { table, weights } = this.model;
    for (let f = 0; f < buf.count; f++) {
      const r = table.get(buf.k1[f]!, buf.k2[f]!);
      if (r < 0) continue;
      for (let t = 0; t < nTags; t++) sums[at + t]! += weights[r * nTags + t]!;
    }
  }

  private grow(block: number): void {
    let size = this.ready.length * 2;
    while (size <= block) size *= 2;
    const ready = new Uint8Array(size);
    ready.set(this.ready);
    this.ready = ready;
    const sums = new Float64Array(size * WORD_SLOTS * this.model.tags.length);
    sums.set(this.sums);
    this.sums = sums;
  }
}

export interface TrainingSentence {
  tokens: { text: string }[];
  tags: string[];
  /** The document the sentence belongs to: sentences of one document are read together, in order. */
  doc?: number;
}

export interface TrainOptions {
  tags: readonly string[];
  vocab: Vocabulary;
  /** Features seen fewer times than this in the training text (read with gold tags) are left out. */
  minFeatureCount: number;
  /** Shuffles the document order in place before each epoch (seeded, for byte-identical weights). */
  shuffle: <T>(items: T[]) => void;
  /** The knowledge base's names, read by the tagger's features (the same at run time). */
  knowledge?: NameKnowledge;
}

/** An averaged perceptron being trained; `averaged()` gives the weights to tag with after any epoch. */
export class PerceptronTrainer {
  readonly table: FeatureTable;
  private readonly weights: Float64Array;
  private readonly sums: Float64Array;
  private readonly decoder: Decoder;
  private readonly docs: { context: DocumentContext; sentences: { attrs: SentenceAttributes; gold: Int32Array }[] }[] = [];
  private step = 1;

  constructor(sentences: readonly TrainingSentence[], readonly options: TrainOptions) {
    const tagId = new Map(options.tags.map((t, i) => [t, i]));
    // Sentences grouped by document, in their order.
    const groups = new Map<number, TrainingSentence[]>();
    sentences.forEach((s, i) => {
      const key = s.doc ?? -1 - i;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(s);
    });
    for (const group of groups.values()) {
      const context = documentContext(group.map((s) => s.tokens));
      this.docs.push({
        context,
        sentences: group.map((s) => ({
          attrs: sentenceAttributes(s.tokens, options.vocab, context, undefined, options.knowledge),
          gold: Int32Array.from(s.tags, (t) => {
            const id = tagId.get(t);
            if (id === undefined) throw new Error(`unknown tag ${t}`);
            return id;
          }),
        })),
      });
    }
    // Count every feature, then keep the frequent ones, numbered in the order first met.
    const all = new FeatureTable(1 << 20);
    const counts = { value: new Int32Array(1 << 20) };
    const counter = new Decoder({ tags: options.tags, vocab: options.vocab, table: all, weights: new Float64Array(0) });
    for (const d of this.docs) {
      d.context.memory.clear();
      for (const s of d.sentences) counter.countFeatures(s.attrs, s.gold, all, counts);
    }
    const { k1, k2 } = all.entries();
    this.table = new FeatureTable(all.size);
    for (let r = 0; r < all.size; r++) if (counts.value[r]! >= options.minFeatureCount) this.table.add(k1[r]!, k2[r]!);
    const n = this.table.size * options.tags.length;
    this.weights = new Float64Array(n);
    this.sums = new Float64Array(n);
    this.decoder = new Decoder({ tags: options.tags, vocab: options.vocab, table: this.table, weights: this.weights });
  }

  /** One pass over the shuffled training documents; returns the share of tokens tagged wrong. */
  epoch(): number {
    const order = this.docs.slice();
    this.options.shuffle(order);
    let errors = 0;
    let tokens = 0;
    for (const d of order) {
      d.context.memory.clear();
      for (const s of d.sentences) {
        errors += this.decoder.train(s.attrs, s.gold, this.weights, this.sums, this.step);
        tokens += s.attrs.length;
        this.step++;
      }
    }
    return errors / tokens;
  }

  /** The averaged weights so far: w - sums / step. */
  averaged(): Float64Array {
    const out = new Float64Array(this.weights.length);
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i]! - this.sums[i]! / this.step;
    return out;
  }

  model(weights: Float64Array | Float32Array): LinearModel {
    return { tags: this.options.tags, vocab: this.options.vocab, table: this.table, weights };
  }
}

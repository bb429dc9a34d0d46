import { documentContext, FeatureBuffer, historyFeatures, sentenceAttributes, staticFeatures, type DocumentContext, type SentenceAttributes, type Vocabulary } from './features.js';
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

  constructor(readonly model: LinearModel) {
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
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < s.length; i++) {
      const t = this.best(s, i, p1, p2, w);
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

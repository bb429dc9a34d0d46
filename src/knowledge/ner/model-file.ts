import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { vocabularyFromLists, vocabularyLists, type Vocabulary } from './features.js';
import { FeatureTable } from './feature-table.js';
import type { LinearModel } from './perceptron.js';

/**
 * The weights file: JSON with what a reader wants to see (format, data citation, training
 * settings, dev scores, tags, vocabulary), and the weights as base64 of a raw-deflated block:
 * feature keys sorted and delta-coded as varints, then two signed bytes per feature and tag
 * (weight = int16 * scale; a byte alone loses the perceptron: its scores are sums of large
 * weights that mostly cancel, so a few percent of error on each flips tags). Weights under
 * `low` become 0, and features whose weights are all 0 are left out. Same model, same bytes.
 */

export const MODEL_FORMAT = 'newsgraph-ner-perceptron/1';

export interface ModelFile {
  format: string;
  about: string;
  data: { name: string; citation: string; files: string[] };
  settings: Record<string, unknown>;
  dev: Record<string, unknown>;
  tags: string[];
  abbreviations: string[];
  vocabulary: Record<keyof Vocabulary, string[]>;
  features: number;
  /** The smallest absolute weight kept, and the weight of one step of the int16 values. */
  low: number;
  scale: number;
  weights: string;
}

export interface LoadedModel extends LinearModel {
  abbreviations: Set<string>;
  file: Omit<ModelFile, 'weights' | 'vocabulary' | 'abbreviations'>;
}

class ByteWriter {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(v: number): void {
    this.room(5);
    let x = v >>> 0;
    while (x >= 0x80) {
      this.bytes[this.length++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.bytes[this.length++] = x;
  }

  byte(v: number): void {
    this.room(1);
    this.bytes[this.length++] = v & 0xff;
  }
}

class ByteReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let x = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++]!;
      x |= (b & 0x7f) << shift;
      if (b < 0x80) return x >>> 0;
      shift += 7;
    }
  }

  int16(): number {
    const v = this.bytes[this.at]! | (this.bytes[this.at + 1]! << 8);
    this.at += 2;
    return (v << 16) >> 16;
  }
}

const zigzag = (v: number) => ((v << 1) ^ (v >> 31)) >>> 0;
const unzigzag = (v: number) => (v >>> 1) ^ -(v & 1);

/** Serialises a model: weights under `low` dropped, the others quantised to int16. */
export function encodeModel(model: LinearModel, meta: Omit<ModelFile, 'format' | 'tags' | 'vocabulary' | 'features' | 'low' | 'scale' | 'weights' | 'abbreviations'>, abbreviations: Iterable<string>, low: number): ModelFile {
  const nTags = model.tags.length;
  const { k1, k2 } = model.table.entries();
  const w = model.weights;
  let high = low;
  for (let i = 0; i < w.length; i++) high = Math.max(high, Math.abs(w[i]!));
  const scale = high / 32767;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]!) >= low) q[i] = Math.round(w[i]! / scale);
  const kept: number[] = [];
  for (let r = 0; r < k1.length; r++) {
    for (let t = 0; t < nTags; t++) {
      if (q[r * nTags + t] !== 0) {
        kept.push(r);
        break;
      }
    }
  }
  kept.sort((a, b) => k1[a]! - k1[b]! || k2[a]! - k2[b]!);
  const out = new ByteWriter();
  out.varint(kept.length);
  let lastK1 = 0;
  let lastK2 = 0;
  for (const r of kept) {
    const a = k1[r]!;
    const b = k2[r]!;
    out.varint(a - lastK1);
    out.varint(zigzag(a === lastK1 ? b - lastK2 : b));
    lastK1 = a;
    lastK2 = b;
  }
  for (const r of kept) {
    for (let t = 0; t < nTags; t++) {
      const v = q[r * nTags + t]!;
      out.byte(v & 0xff);
      out.byte(v >> 8);
    }
  }
  const packed = deflateRawSync(out.bytes.subarray(0, out.length), { level: 9 });
  return {
    format: MODEL_FORMAT,
    ...meta,
    tags: [...model.tags],
    abbreviations: [...abbreviations].sort(),
    vocabulary: vocabularyLists(model.vocab),
    features: kept.length,
    low,
    scale,
    weights: packed.toString('base64'),
  };
}

export function decodeModel(file: ModelFile): LoadedModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`unknown NER model format ${String(file.format)}`);
  const nTags = file.tags.length;
  const reader = new ByteReader(inflateRawSync(Buffer.from(file.weights, 'base64')));
  const n = reader.varint();
  const table = new FeatureTable(n);
  let a = 0;
  let b = 0;
  for (let r = 0; r < n; r++) {
    const da = reader.varint();
    const db = unzigzag(reader.varint());
    b = da === 0 ? b + db : db;
    a += da;
    table.add(a | 0, b | 0);
  }
  const weights = new Float32Array(n * nTags);
  for (let i = 0; i < weights.length; i++) weights[i] = reader.int16() * file.scale;
  const { weights: _w, vocabulary, abbreviations, ...rest } = file;
  return { tags: file.tags, vocab: vocabularyFromLists(vocabulary), table, weights, abbreviations: new Set(abbreviations), file: rest };
}

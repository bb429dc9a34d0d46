import type { TrainingSentence } from './perceptron.js';

/**
 * CoNLL-2003 files (word, part of speech, chunk, entity tag per line; blank lines between
 * sentences; -DOCSTART- between documents) read as sentences with BIO (IOB2) tags, and the
 * scores the training script prints.
 */

export function parseConll(text: string): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  let tokens: { text: string }[] = [];
  let tags: string[] = [];
  let doc = 0;
  const flush = () => {
    if (tokens.length) out.push({ tokens, tags: toBio(tags), doc });
    tokens = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('-DOCSTART-')) {
      flush();
      if (trimmed) doc++;
      continue;
    }
    const parts = trimmed.split(/\s+/);
    tokens.push({ text: parts[0]! });
    tags.push(parts[parts.length - 1]!);
  }
  flush();
  return out;
}

/** IOB1 (I- opens a name unless it continues one of its type) to IOB2 (every name opens with B-). */
export function toBio(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    const prev = out[i - 1];
    if (t.startsWith('I-') && (prev === undefined || prev === 'O' || prev.slice(2) !== t.slice(2))) out.push(`B-${t.slice(2)}`);
    else out.push(t);
  }
  return out;
}

/** Names as "start:end:type" strings of a BIO sequence. */
export function bioSpans(tags: readonly string[]): string[] {
  const out: string[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    if (start >= 0 && (t === 'O' || t.startsWith('B-') || t.slice(2) !== type)) {
      out.push(`${start}:${i}:${type}`);
      start = -1;
    }
    if (t !== 'O' && start < 0) {
      start = i;
      type = t.slice(2);
    }
  }
  return out;
}

export interface TaggingScores {
  tokens: number;
  tokenAccuracy: number;
  mentionPrecision: number;
  mentionRecall: number;
  mentionF1: number;
  /** Mentions with the right span whatever their type. */
  untypedF1: number;
}

/** Token accuracy and exact-span mention scores (as conlleval counts them) of predicted against gold tags. */
export function scoreTagging(gold: readonly string[][], predicted: readonly string[][]): TaggingScores {
  let tokens = 0;
  let right = 0;
  let g = 0;
  let p = 0;
  let tp = 0;
  let utp = 0;
  for (let s = 0; s < gold.length; s++) {
    const gs = gold[s]!;
    const ps = predicted[s]!;
    for (let i = 0; i < gs.length; i++) {
      tokens++;
      if (gs[i] === ps[i]) right++;
    }
    const gSpans = bioSpans(gs);
    const pSpans = new Set(bioSpans(ps));
    const pUntyped = new Set([...pSpans].map(untyped));
    g += gSpans.length;
    p += pSpans.size;
    for (const x of gSpans) {
      if (pSpans.has(x)) tp++;
      if (pUntyped.has(untyped(x))) utp++;
    }
  }
  const f1 = (a: number) => (g + p ? (2 * a) / (g + p) : 0);
  return { tokens, tokenAccuracy: right / tokens, mentionPrecision: p ? tp / p : 0, mentionRecall: g ? tp / g : 0, mentionF1: f1(tp), untypedF1: f1(utp) };
}

function untyped(span: string): string {
  return span.slice(0, span.lastIndexOf(':'));
}

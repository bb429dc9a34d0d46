#!/usr/bin/env node
// `npm run train:ner`: trains the name tagger (src/knowledge/ner) on CoNLL-2003's train.txt and
// writes data/models/ner.json. The number of epochs is chosen on dev.txt (never trained on); the
// shuffle is seeded, so the same input gives a byte-identical file. Runs the compiled code in dist/
// (npm run build first). Prints each epoch's dev scores and those of the written, quantised model.
//
//   node scripts/train-ner.mjs [--train FILE] [--dev FILE] [--out FILE] [--epochs N]
//                              [--min-word N] [--min-feature N] [--seed N] [--prune Q]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildVocabulary } from '../dist/knowledge/ner/features.js';
import { PerceptronTrainer, Decoder } from '../dist/knowledge/ner/perceptron.js';
import { documentContext, sentenceAttributes } from '../dist/knowledge/ner/features.js';
import { encodeModel, decodeModel } from '../dist/knowledge/ner/model-file.js';
import { parseConll, scoreTagging } from '../dist/knowledge/ner/conll.js';
import { seededRandom } from '../dist/util/random.js';
import { loadKnowledgeBase } from '../dist/knowledge/knowledge.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(REPO, '..', 'shared', 'corpus', 'conll2003');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: join(SHARED, 'train.txt') },
    dev: { type: 'string', default: join(SHARED, 'dev.txt') },
    out: { type: 'string', default: join(REPO, 'data', 'models', 'ner.json') },
    epochs: { type: 'string', default: '10' },
    'min-word': { type: 'string', default: '2' },
    'min-feature': { type: 'string', default: '1' },
    seed: { type: 'string', default: '17' },
    // The smallest absolute weight kept, as a quantile of the nonzero ones: smaller ones become 0.
    prune: { type: 'string', default: '0.05' },
    // Without the knowledge base's names as features (for comparison).
    'no-knowledge': { type: 'boolean', default: false },
  },
});
const settings = {
  algorithm: 'averaged perceptron, greedy left-to-right BIO decoding',
  maxEpochs: Number(values.epochs),
  minWordCount: Number(values['min-word']),
  minFeatureCount: Number(values['min-feature']),
  seed: Number(values.seed),
  pruneQuantile: Number(values.prune),
  knownNames: values['no-knowledge'] ? 'none' : "the lexicon's actors and the gazetteer's places over each token (the name matcher of data/), given names, and the cues' heads of bodies and places and titles",
};

// The names of the knowledge base, as the runtime tagger reads them (src/knowledge/knowledge.ts).
const kb = values['no-knowledge'] ? undefined : loadKnowledgeBase();
const knowledge = kb && { findNames: (text) => kb.findNames(text), isGivenName: (word) => kb.isGivenName(word), bodyHeads: kb.cues.orgHeads, titles: kb.cues.titles, placeHeads: kb.cues.placeHeads };

const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
const t0 = Date.now();
const train = parseConll(readFileSync(values.train, 'utf8'));
const dev = parseConll(readFileSync(values.dev, 'utf8'));
console.log(`train: ${train.length} sentences; dev: ${dev.length} sentences`);

const vocab = buildVocabulary(train.map((s) => s.tokens), settings.minWordCount);
// Words written with a final dot (Corp., Calif., U.S.): the runtime tokeniser keeps their dot.
const dotted = new Map();
for (const s of train) for (const t of s.tokens) if (t.text.length > 1 && t.text.endsWith('.') && /\p{L}/u.test(t.text)) dotted.set(t.text, (dotted.get(t.text) ?? 0) + 1);
const abbreviations = [...dotted].filter(([, c]) => c >= 2).map(([w]) => w);

const random = seededRandom(settings.seed);
const shuffle = (items) => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
};
const trainer = new PerceptronTrainer(train, { tags: TAGS, vocab, minFeatureCount: settings.minFeatureCount, shuffle, knowledge });
console.log(`vocabulary: ${vocab.words.size} words, ${vocab.prefixes.size} prefixes, ${vocab.suffixes.size} suffixes, ${vocab.shapes.size} shapes; ${trainer.table.size} features`);

function evaluate(model) {
  const decoder = new Decoder(model);
  const contexts = new Map();
  for (const s of dev) if (!contexts.has(s.doc)) contexts.set(s.doc, documentContext(dev.filter((x) => x.doc === s.doc).map((x) => x.tokens)));
  const predicted = dev.map((s) => Array.from(decoder.decode(sentenceAttributes(s.tokens, model.vocab, contexts.get(s.doc), undefined, knowledge)), (id) => model.tags[id]));
  return scoreTagging(dev.map((s) => s.tags), predicted);
}
const fmt = (s) => `token accuracy ${(100 * s.tokenAccuracy).toFixed(2)}% | mention P ${(100 * s.mentionPrecision).toFixed(2)} R ${(100 * s.mentionRecall).toFixed(2)} F1 ${(100 * s.mentionF1).toFixed(2)} | untyped F1 ${(100 * s.untypedF1).toFixed(2)}`;

let best;
for (let e = 1; e <= settings.maxEpochs; e++) {
  const err = trainer.epoch();
  const weights = trainer.averaged();
  const scores = evaluate(trainer.model(weights));
  console.log(`epoch ${e}: train errors ${(100 * err).toFixed(2)}% | dev ${fmt(scores)}`);
  if (!best || scores.mentionF1 > best.scores.mentionF1) best = { epoch: e, weights, scores };
}

// Quantise: weights below the prune quantile of the absolute nonzero ones become 0.
const abs = best.weights.filter((w) => w !== 0).map(Math.abs).sort();
const low = abs[Math.min(abs.length - 1, Math.floor(settings.pruneQuantile * abs.length))];
const file = encodeModel(
  trainer.model(best.weights),
  {
    about: 'Named-entity tagger of newsgraph (PER, ORG, LOC, MISC). Written by scripts/train-ner.mjs; do not edit.',
    data: {
      name: 'CoNLL-2003 English named-entity data (Reuters Corpus RCV1 news, 1996-1997)',
      citation: 'Erik F. Tjong Kim Sang and Fien De Meulder. 2003. Introduction to the CoNLL-2003 Shared Task: Language-Independent Named Entity Recognition. In Proceedings of CoNLL-2003, pages 142-147. Text: Reuters Corpus, Volume 1 (RCV1), Reuters Ltd.',
      files: [relative(REPO, values.train), relative(REPO, values.dev) + ' (epochs chosen on it, never trained on)'],
    },
    settings: { ...settings, epochs: best.epoch },
    dev: {},
  },
  abbreviations,
  low,
);
const loaded = decodeModel(file);
const final = evaluate(loaded);
file.dev = {
  tokens: final.tokens,
  tokenAccuracy: round(final.tokenAccuracy),
  mentionPrecision: round(final.mentionPrecision),
  mentionRecall: round(final.mentionRecall),
  mentionF1: round(final.mentionF1),
  untypedMentionF1: round(final.untypedF1),
};
mkdirSync(dirname(values.out), { recursive: true });
const json = JSON.stringify(file, null, 1).replace(/\n\s+("(?:[^"\\]|\\.)*",?|-?\d[\d.e+-]*,?)(?=\n)/g, ' $1') + '\n';
writeFileSync(values.out, json);
console.log(`best epoch ${best.epoch}; quantised (${file.features} features kept, weights from ${file.low.toExponential(3)}, step ${file.scale.toExponential(3)}): dev ${fmt(final)}`);
console.log(`wrote ${relative(process.cwd(), values.out)} (${(json.length / 1024 / 1024).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function round(x) {
  return Math.round(x * 10000) / 10000;
}

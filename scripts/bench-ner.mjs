#!/usr/bin/env node
// The name tagger's own speed: tokens per second over CoNLL-2003 dev.txt (or any CoNLL file),
// the runtime path (document context, the knowledge base's name look-ups, features, greedy decoding)
// without the rest of extraction. Runs the compiled code in dist/ (npm run build first).
//
//   node scripts/bench-ner.mjs [--file FILE] [--rounds N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_NER_MODEL, NerTagger } from '../dist/knowledge/ner/tagger.js';
import { loadKnowledgeBase } from '../dist/knowledge/knowledge.js';
import { parseConll } from '../dist/knowledge/ner/conll.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: join(REPO, '..', 'shared', 'corpus', 'conll2003', 'dev.txt') },
    rounds: { type: 'string', default: '7' },
  },
});
let t = performance.now();
// With the knowledge base's names beside it, as the pipeline runs it (its loading is not timed).
const kb = loadKnowledgeBase();
t = performance.now();
const tagger = NerTagger.load(DEFAULT_NER_MODEL, { findNames: (text) => kb.findNames(text), isGivenName: (word) => kb.isGivenName(word), bodyHeads: kb.cues.orgHeads, titles: kb.cues.titles, placeHeads: kb.cues.placeHeads });
console.log(`model loaded in ${(performance.now() - t).toFixed(0)} ms`);
const sentences = parseConll(readFileSync(values.file, 'utf8'));
const docs = new Map();
for (const s of sentences) {
  if (!docs.has(s.doc)) docs.set(s.doc, []);
  docs.get(s.doc).push(s.tokens);
}
const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
const rates = [];
// CPU time, not wall time: the development host is shared and its wall clock swings by 2-3x.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < Number(values.rounds); r++) {
  t = cpu();
  for (const doc of docs.values()) {
    const context = tagger.documentContext(doc);
    for (const s of doc) tagger.tagIds(s, context);
  }
  const s = (cpu() - t) / 1000;
  rates.push(tokens / s);
  console.log(`round ${r + 1}: ${tokens} tokens in ${s.toFixed(3)} s of CPU = ${Math.round(tokens / s).toLocaleString('en-US')} tokens/s`);
}
rates.sort((a, b) => a - b);
console.log(`median ${Math.round(rates[rates.length >> 1]).toLocaleString('en-US')} tokens/s (first round includes the JIT's warm-up)`);

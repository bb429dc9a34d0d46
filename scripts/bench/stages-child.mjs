#!/usr/bin/env node
// Where a build's time goes, stage by stage, on one thread (run it under `node --cpu-prof` to see
// inside extraction). Calls the compiled stages from dist/ in the order buildCorpus and
// graphFromExtractions use them, and prints one JSON line of seconds per stage.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/stages-child.mjs '{"inputs":["a.jsonl"],"outDir":"/tmp/x"}'
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './util.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
// "root": a snapshot of dist/ and data/ (see bench.mjs), so recompiles mid-run change nothing.
const dist = (path) => import(pathToFileURL(join(options.root ?? REPO, 'dist', path)).href);
const [{ readDocuments }, { loadKnowledgeBase }, { extractDocument }, { mergeExtractions }, build, { assignMetrics }, { assignLayout }, { writeGexf }, { writeGraphJson }] =
  await Promise.all(['ingest/index.js', 'knowledge/knowledge.js', 'extract/document.js', 'resolve/merge.js', 'graph/build.js', 'graph/metrics.js', 'graph/layout.js', 'export/gexf.js', 'export/json.js'].map(dist));

const seconds = {};
const timed = async (stage, fn) => {
  const started = process.hrtime.bigint();
  const value = await fn();
  seconds[stage] = (seconds[stage] ?? 0) + Number(process.hrtime.bigint() - started) / 1e9;
  return value;
};
const report = () => {};
const write = async (name, fn) => {
  mkdirSync(options.outDir, { recursive: true });
  const out = createWriteStream(join(options.outDir, name));
  await fn(out);
  await new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
};

const kb = await timed('loadKnowledgeBase', () => loadKnowledgeBase({}, report));
const docs = await timed('ingest', async () => {
  const list = [];
  for await (const doc of readDocuments(options.inputs, {}, report)) list.push(doc);
  return list;
});
const extractions = await timed('extractDocument', () => docs.map((doc) => extractDocument(doc, kb)));
const merged = await timed('mergeExtractions', () => mergeExtractions(extractions));
const graph = await timed('buildGraph', () => build.buildGraph(merged));
await timed('assignMetrics', () => assignMetrics(graph));
await timed('styleGraph', () => build.styleGraph(graph));
await timed('assignLayout', () => assignLayout(graph));
await timed('writeGexf', () => write('graph.gexf', (out) => writeGexf(graph, out, { title: 'stages' })));
await timed('writeGraphJson', () => write('graph.json', (out) => writeGraphJson(graph, out)));

const words = extractions.reduce((sum, x) => sum + x.words, 0);
process.stdout.write(`${JSON.stringify({ documents: docs.length, words, nodes: graph.order, edges: graph.size, seconds })}\n`);

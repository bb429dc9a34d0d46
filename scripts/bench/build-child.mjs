#!/usr/bin/env node
// One pipeline build in its own process, so its peak RSS is its own: runs buildCorpus from the
// compiled dist/build/pipeline.js and prints one JSON line with seconds, words, documents, maxRSS.
// With "gexf": true it then re-times the GEXF export of the graph it just built (graph.json read
// back with graphology's import, then writeGexf to a scratch file) — after maxRSS is taken.
//
//   node scripts/bench/build-child.mjs '{"inputs":["a.jsonl"],"outDir":"/tmp/x","workers":2,"cacheDir":false,"gexf":true}'
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { REPO } from './util.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
// "root": a snapshot of dist/ and data/ (see bench.mjs), so recompiles mid-run change nothing.
const dist = (path) => import(pathToFileURL(join(options.root ?? REPO, 'dist', path)).href);
const { buildCorpus } = await dist('build/pipeline.js');

const diagnostics = { error: 0, warning: 0, info: 0 };
const firstErrors = [];
const report = (d) => {
  diagnostics[d.level] = (diagnostics[d.level] ?? 0) + 1;
  if (d.level === 'error' && firstErrors.length < 5) firstErrors.push(`${d.source?.file ?? '?'}${d.source?.record ? ` (record ${d.source.record})` : ''}: ${d.message}`);
};

const cpuBefore = process.cpuUsage();
const summary = await buildCorpus(
  { inputs: options.inputs, outDir: options.outDir, workers: options.workers, cacheDir: options.cacheDir ?? false },
  report,
);
// From the process's start: what a user waits for, module loading included (summary.seconds
// starts inside buildCorpus, after the pipeline's own imports).
const processSeconds = performance.now() / 1000;
const maxRSSKB = process.resourceUsage().maxRSS;
// Process-wide (every thread): the CPU the build used, whatever else the machine was doing.
const cpu = process.cpuUsage(cpuBefore);
const result = {
  seconds: summary.seconds,
  processSeconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  documents: summary.documents,
  words: summary.words,
  cached: summary.cached,
  actors: summary.actors,
  places: summary.places,
  events: summary.events,
  edges: summary.edges,
  workers: options.workers,
  maxRSSMB: Math.round(maxRSSKB / 1024),
  diagnostics,
  firstErrors,
  stages: summary.stages,
};

if (options.gexf) {
  const { writeGexf } = await dist('export/gexf.js');
  const graph = new MultiDirectedGraph();
  graph.import(JSON.parse(readFileSync(join(options.outDir, 'graph.json'), 'utf8')));
  const scratch = join(options.outDir, 'bench-export.gexf');
  const started = process.hrtime.bigint();
  const out = createWriteStream(scratch);
  await writeGexf(graph, out, { title: 'bench re-export' });
  await new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  result.gexf = {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    nodes: graph.order,
    edges: graph.size,
    fileMB: Math.round((statSync(scratch).size / 1_048_576) * 10) / 10,
  };
  rmSync(scratch, { force: true });
}

process.stdout.write(`${JSON.stringify(result)}\n`);

#!/usr/bin/env node
// What every extraction thread pays before it runs at full speed, measured in a fresh process as a
// pool thread would pay it: importing the extraction code, loading the knowledge base, and the
// JIT's warm-up (the first documents run slower while V8 compiles the hot code on its helper
// threads). CPU is split between this JS thread (/proc/thread-self/stat) and the whole process,
// whose rest is V8's helper threads (compilers, garbage collector). Prints one JSON line.
//
//   node scripts/bench/startup-child.mjs '{"inputs":["reuters-subset.jsonl"],"warmDocs":500}'
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './util.mjs';

const options = JSON.parse(process.argv[2] ?? '{}');
const dist = (path) => import(pathToFileURL(join(options.root ?? REPO, 'dist', path)).href);
const TICK = 0.01; // clock ticks of /proc stat (USER_HZ 100 on Linux)

/** CPU seconds of this thread, and of the whole process. */
function cpu() {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const usage = process.cpuUsage();
  return { thread: (Number(fields[11]) + Number(fields[12])) * TICK, process: (usage.user + usage.system) / 1e6 };
}

/** Wall and CPU seconds of `fn`. */
async function measured(fn) {
  const before = cpu();
  const started = process.hrtime.bigint();
  const value = await fn();
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const after = cpu();
  const round = (x) => Math.round(x * 1000) / 1000;
  return { value, wall: round(wall), threadCpu: round(after.thread - before.thread), helperCpu: round(after.process - before.process - (after.thread - before.thread)) };
}

const imports = await measured(() => Promise.all([dist('extract/document.js'), dist('knowledge/knowledge.js')]));
const [{ extractDocument }, { loadKnowledgeBase }] = imports.value;
const knowledgeBase = await measured(() => loadKnowledgeBase({}, () => {}));
const kb = knowledgeBase.value;

const { readDocuments } = await dist('ingest/index.js');
const warmDocs = options.warmDocs ?? 500;
const docs = [];
for await (const doc of readDocuments(options.inputs, {}, () => {})) {
  docs.push(doc);
  if (docs.length === 4 * warmDocs) break;
}
// Blocks of the same size, in order: the first pays the warm-up, the last runs warm.
const blocks = [];
for (let i = 0; i < docs.length; i += warmDocs) {
  const block = docs.slice(i, i + warmDocs);
  const r = await measured(() => block.reduce((words, doc) => words + extractDocument(doc, kb).words, 0));
  blocks.push({ documents: block.length, words: r.value, wall: r.wall, threadCpu: r.threadCpu, helperCpu: r.helperCpu });
}
const strip = ({ value, ...rest }) => rest;
process.stdout.write(`${JSON.stringify({ imports: strip(imports), knowledgeBase: strip(knowledgeBase), blocks })}\n`);

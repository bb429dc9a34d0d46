#!/usr/bin/env node
// The baseline: compromise's own tagger, nlp(text), over the same documents the pipeline sees
// (read through newsgraph's ingest from dist/, so the texts are identical), on N threads.
// Ingest and thread start-up are outside the timed part: only nlp() calls are timed.
//
//   node scripts/bench/compromise-child.mjs '{"inputs":["a.jsonl"],"threads":2}'
// prints {"seconds", "documents", "words", "threads", "maxRSSMB"}.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nlp from 'compromise';
import { REPO, countWords } from './util.mjs';

/** Worker thread: tag its share of the texts when told to go, report the time it took. */
function workerMain() {
  const texts = workerData.texts;
  nlp('Warm up the tagger once.');
  parentPort.on('message', () => {
    const started = process.hrtime.bigint();
    for (const text of texts) nlp(text);
    parentPort.postMessage({ seconds: Number(process.hrtime.bigint() - started) / 1e9 });
  });
  parentPort.postMessage('ready');
}

async function readTexts(inputs, root = REPO) {
  const { readDocuments } = await import(pathToFileURL(join(root, 'dist', 'ingest', 'index.js')).href);
  const texts = [];
  for await (const doc of readDocuments(inputs, {}, () => {})) texts.push(doc.text);
  return texts;
}

async function main() {
  const options = JSON.parse(process.argv[2] ?? '{}');
  const threads = Math.max(1, options.threads ?? 1);
  const texts = await readTexts(options.inputs, options.root);
  let words = 0;
  for (const t of texts) words += countWords(t);

  let seconds;
  let cpuBefore;
  let workers = [];
  if (threads === 1) {
    nlp('Warm up the tagger once.');
    cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const text of texts) nlp(text);
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  } else {
    // Interleaved shares (doc 0 → thread 0, doc 1 → thread 1, …) keep the threads' loads even.
    const shares = Array.from({ length: threads }, (_, k) => texts.filter((_t, i) => i % threads === k));
    const self = fileURLToPath(import.meta.url);
    workers = shares.map((share) => new Worker(self, { workerData: { texts: share } }));
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      w.once('error', reject);
      w.once('message', resolve);
    })));
    cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
      w.once('error', reject);
      w.once('message', resolve);
      w.postMessage('go');
    })));
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  }
  const cpu = process.cpuUsage(cpuBefore); // process-wide, every thread; start-up excluded
  await Promise.all(workers.map((w) => w.terminate()));
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, documents: texts.length, words, threads, maxRSSMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}

if (isMainThread) await main();
else workerMain();

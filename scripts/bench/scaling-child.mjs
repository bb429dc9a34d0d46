#!/usr/bin/env node
// What the machine itself allows: the same task on 1 thread, then twice on 2 threads at once.
// "alu" is pure arithmetic; "alloc" builds and probes a big Map of small objects (like the
// gazetteer look-ups and per-sentence allocations of extraction). Scaling = 2 × one ÷ two;
// 2.0 is perfect. Prints one JSON line.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const tasks = {
  alu() {
    let x = 0;
    for (let i = 0; i < 3e8; i++) x = (x * 31 + i) % 1_000_003;
    return x;
  },
  alloc() {
    const n = 1_500_000; // a heap of a few hundred MB per thread, like a loaded knowledge base
    const map = new Map();
    for (let i = 0; i < n; i++) map.set(`k${i}`, { i, name: `place ${i}` });
    let sum = 0;
    for (let round = 0; round < 4; round++) for (let i = 0; i < n; i++) sum += map.get(`k${(i * 7919) % n}`).i;
    return sum;
  },
};

const seconds = (fn) => {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

if (isMainThread) {
  const result = {};
  for (const name of Object.keys(tasks)) {
    const one = seconds(tasks[name]);
    const started = process.hrtime.bigint();
    await Promise.all([0, 1].map(() => new Promise((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: name });
      w.once('error', reject);
      w.once('message', resolve);
    })));
    const two = Number(process.hrtime.bigint() - started) / 1e9;
    result[name] = { oneThreadSeconds: Math.round(one * 1000) / 1000, twoThreadsSeconds: Math.round(two * 1000) / 1000, scaling: Math.round(((2 * one) / two) * 100) / 100 };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  tasks[workerData]();
  parentPort.postMessage('done');
}

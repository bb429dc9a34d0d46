#!/usr/bin/env node
// GEXF writer benchmark: a synthetic 100,000-node / 300,000-edge MultiGraph with realistic
// attributes (deterministic PRNG), written with the compiled writer (dist/export/gexf.js, so run
// `npx tsc -p tsconfig.json` first) to a temp file. Reports wall time, peak heap and file size.
//
//   node scripts/bench-gexf.mjs [--nodes 100000] [--edges 300000] [--keep] [--check] [--json] [--strict]
//
// `runGexfBench()` is exported for `npm run bench`. Targets: under 4 s and under 500 MB of heap.
// --check runs ../shared/eval/gexf_check.py on the written file (slow on a file this size);
// --strict exits with status 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MultiGraph } from 'graphology';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const WRITER = join(REPO, 'dist', 'export', 'gexf.js');
const CHECKER = join(REPO, '..', 'shared', 'eval', 'gexf_check.py');

/** The pipeline's seeded PRNG (mulberry32), from dist/ like the writer (run `npm run build` first). */
const { seededRandom: prng } = await import(pathToFileURL(join(REPO, 'dist', 'graph', 'metrics.js')).href);

const WORDS = ('the army forces said on after near town city attack killed militants government rebels ' +
  'control village province airstrike shelling fighters reported statement ministry spokesman troops ' +
  'captured border region checkpoint civilians wounded convoy offensive ceasefire agreement "official" army\'s').split(' ');
/** Rare in news text, but every writer path must still handle them: one sentence in 500 has one. */
const RARE = ['AT&T', '<b>', 'Ahmad\u0001', 'naïve 😀', 'دمشق'];
const ACTOR_TYPES = ['person', 'armed group', 'military', 'government', 'organization', 'media', 'country'];
const PLACE_TYPES = ['country', 'region', 'city', 'town', 'area', 'site'];
const EVENT_TYPES = ['battle', 'capture', 'withdrawal', 'airstrike', 'shelling', 'explosion', 'killing', 'statement', 'aid', 'arrest'];
const RELATIONS = ['agent', 'target', 'location', 'source', 'located in', 'affiliation', 'ally', 'enemy', 'mentioned with'];
const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe'];

function day(random) {
  const t = Date.UTC(2011, 2, 15) + Math.floor(random() * 3000) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A deterministic graph shaped like newsgraph's output. */
export function syntheticGraph(nodeCount = 100_000, edgeCount = 300_000, seed = 42) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const name = () => `${words(1)} ${words(1)}`.replace(/(^|\s)\S/g, (c) => c.toUpperCase());
  // Like the pipeline, evidence shares its document ids and sentence texts (one Sentence, many facts).
  const docIds = Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(5, '0')}_doc.txt`);
  const sentences = Array.from({ length: 100_000 }, () => `${words(int(12, 35))}${random() < 0.002 ? ` ${pick(RARE)}` : ''}.`);
  const documents = () => Array.from({ length: int(1, 5) }, () => pick(docIds)).sort();
  const evidence = (n) =>
    Array.from({ length: n }, () => {
      const index = int(0, sentences.length - 1);
      return { doc: docIds[index % docIds.length], sentence: index % 40, text: sentences[index] };
    });

  const graph = new MultiGraph();
  const keys = [];
  for (let i = 0; i < nodeCount; i++) {
    const roll = random();
    const kind = roll < 0.6 ? 'actor' : roll < 0.8 ? 'place' : 'event';
    const label = `${name()} ${i}`;
    const attributes = {
      label,
      kind,
      type: pick(kind === 'actor' ? ACTOR_TYPES : kind === 'place' ? PLACE_TYPES : EVENT_TYPES),
      aliases: [label, ...Array.from({ length: int(0, 3) }, () => name())].sort(),
      documents: documents(),
      mentions: int(1, 50),
      evidence: evidence(int(1, 3)),
      x: (random() - 0.5) * 2000,
      y: (random() - 0.5) * 2000,
      size: 2 + random() * 18,
      color: pick(PALETTE),
      importance: random(),
      community: int(0, 300),
    };
    const first = day(random);
    attributes.firstSeen = first;
    attributes.lastSeen = first;
    if (kind === 'place') Object.assign(attributes, { lat: -90 + random() * 180, lon: -180 + random() * 360, country: 'SY', geonameId: int(1, 12_000_000) });
    if (kind === 'event') {
      Object.assign(attributes, {
        date: first,
        datePrecision: 'day',
        start: first,
        end: first,
        modality: pick(['asserted', 'claimed', 'denied', 'planned']),
        acledEventType: 'Battles',
        acledSubEventType: 'Armed clash',
        killed: int(0, 50),
        figures: [`${int(1, 300)} ${words(2)} killed`],
      });
    }
    const key = `${kind}:${i}`;
    graph.addNode(key, attributes);
    keys.push(key);
  }
  for (let i = 0; i < edgeCount; i++) {
    const source = keys[Math.floor(random() * keys.length)];
    const target = keys[Math.floor(random() * keys.length)];
    const relation = random() < 0.05 ? 'controls' : pick(RELATIONS);
    const attributes = { relation, weight: int(1, 5), evidence: evidence(1) };
    if (relation === 'controls') {
      const a = day(random);
      const b = day(random);
      attributes.spells = [{ start: a < b ? a : b, end: a < b ? b : a }, { start: a > b ? a : b }];
    }
    graph.addEdgeWithKey(`e${i}`, source, target, attributes);
  }
  return graph;
}

/**
 * Builds the synthetic graph, writes it as GEXF and returns the figures.
 * @param {{ nodes?: number, edges?: number, keep?: boolean, check?: boolean }} [options]
 */
export async function runGexfBench(options = {}) {
  const nodes = options.nodes ?? 100_000;
  const edges = options.edges ?? 300_000;
  if (!existsSync(WRITER)) throw new Error(`${WRITER} is missing: build first with npx tsc -p tsconfig.json`);
  const { writeGexf } = await import(pathToFileURL(WRITER).href);

  const graph = syntheticGraph(nodes, edges);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sample = () => {
    const used = process.memoryUsage().heapUsed;
    if (used > peakHeap) peakHeap = used;
  };
  const timer = setInterval(sample, 10);

  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-gexf-'));
  const path = join(dir, 'graph.gexf');
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const out = createWriteStream(path);
  const write = out.write.bind(out);
  // Sample the heap at every chunk too: timers only run while the writer waits for 'drain'.
  out.write = (...args) => {
    sample();
    return write(...args);
  };
  await writeGexf(graph, out, { title: 'synthetic benchmark graph' });
  await new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(timer);
  sample();
  const bytes = statSync(path).size;

  let check;
  if (options.check && existsSync(CHECKER)) {
    const result = spawnSync('python3', [CHECKER, path], { encoding: 'utf8' });
    check = result.stdout.trim();
  }
  if (options.keep) console.error(`kept ${path}`);
  else rmSync(dir, { recursive: true, force: true });

  const mb = (n) => Math.round((n / 1_048_576) * 10) / 10;
  return {
    nodes,
    edges,
    seconds: Math.round(seconds * 1000) / 1000,
    // CPU time (user + system, all threads) is steadier than wall time on a shared machine.
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    peakHeapMB: mb(peakHeap),
    graphHeapMB: mb(heapBefore),
    writerHeapMB: mb(peakHeap - heapBefore),
    fileMB: mb(bytes),
    withinTargets: seconds < 4 && peakHeap < 500 * 1_048_576,
    ...(check !== undefined ? { check } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (flag) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const result = await runGexfBench({ nodes: value('--nodes'), edges: value('--edges'), keep: args.includes('--keep'), check: args.includes('--check') });
  if (args.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`GEXF bench: ${result.nodes} nodes, ${result.edges} edges`);
    console.log(`  wall time  ${result.seconds} s (target < 4 s); CPU ${result.cpuSeconds} s`);
    console.log(`  peak heap  ${result.peakHeapMB} MB (graph alone ${result.graphHeapMB} MB, writer +${result.writerHeapMB} MB; target < 500 MB)`);
    console.log(`  file size  ${result.fileMB} MB`);
    if (result.check) console.log(result.check.replace(/^/gm, '  '));
  }
  if (!result.withinTargets) {
    console.error('  missed a target (wall time is sensitive to machine load; compare the CPU time)');
    if (args.includes('--strict')) process.exitCode = 1;
  }
}

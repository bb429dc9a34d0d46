#!/usr/bin/env node
// `npm run bench`: throughput and scale of the whole pipeline against compromise's own tagger
// (issue 6), plus the synthetic GEXF export and viewer benchmarks. Runs the compiled pipeline
// from dist/ (build first: npx tsc -p tsconfig.json; the viewer bench also needs npm run build).
//
//   node scripts/bench.mjs [--subset 4000] [--full 19043] [--quick] [--no-profile] [--skip-corpus]
//                          [--skip-synthetic] [--skip-viewer] [--scale N] [--json <file>] [--keep]
//
// Every build and every compromise timing runs in its own child process (scripts/bench/*.mjs),
// so each peak RSS is that run's own and no run warms the JIT for the next.
// Which documents each figure uses is printed next to it:
//   - subset: the first N records of reuters21578.jsonl (default 4,000): the compromise baseline
//     (1 thread, 3 runs for the noise; 2 threads) and the pipeline at 1 and at 2 workers, and with
//     the thread count it picks itself;
//   - the start-up of one extraction thread (imports, knowledge base, JIT warm-up) on the subset;
//   - full: all 19,043 Reuters records at 2 workers (throughput, peak RSS, GEXF export) and at 1,
//     each run twice (2, 1, 1, 2: the speedup compares the faster run of each), the
//     incremental rebuild (99% → 100%), and FA-KES (804 articles) at 2 and 1 workers, beside
//     compromise alone on FA-KES;
//   - with --scale N: the full corpus N times over (distinct ids, dates moved on), at 2 workers.
// Exit status 1 when any target fails or a benchmark could not run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, copyJsonl, grouped, median, round, runJsonChild, spread } from './bench/util.mjs';
import { summarizeProfile } from './bench/profile-summary.mjs';

const SHARED = join(REPO, '..', 'shared');
const REUTERS = join(SHARED, 'corpus', 'reuters21578', 'reuters21578.jsonl');
const FAKES = join(SHARED, 'corpus', 'fakes', 'FA-KES-Dataset.csv');
const SAMPLE = join(REPO, 'data', 'corpus', 'palmyra');
const BUILD_CHILD = join(REPO, 'scripts', 'bench', 'build-child.mjs');
const COMPROMISE_CHILD = join(REPO, 'scripts', 'bench', 'compromise-child.mjs');
const STAGES_CHILD = join(REPO, 'scripts', 'bench', 'stages-child.mjs');

const TARGETS = {
  ratioToCompromise: 2.0, // pipeline words/s ÷ compromise-alone words/s, same docs, same cores
  workerSpeedup: 1.7, // 2 workers ÷ 1 worker
  peakRSSMB: 1536, // Reuters build
  incrementalShare: 0.05, // rebuild after +1% ÷ full build
  gexfSeconds: 4, // 100k nodes / 300k edges
  gexfHeapMB: 500,
};

// ---------------------------------------------------------------------------------------------
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const valueOf = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const subsetSize = Number(valueOf('--subset') ?? (quick ? 300 : 4000));
const fullLimit = Number(valueOf('--full') ?? (quick ? 2000 : Infinity)); // --quick: "full" means the first 2,000 records
const compromiseRuns = quick ? 1 : 3;

const results = { machine: machine(), subset: { source: 'reuters21578.jsonl', firstRecords: subsetSize }, targets: {}, notes: [] };
const failures = [];
const note = (text) => {
  results.notes.push(text);
  console.log(`  note: ${text}`);
};
const check = (name, pass, shown) => {
  results.targets[name] = { pass, value: shown };
  if (!pass) failures.push(name);
  return pass ? 'PASS' : 'FAIL';
};
const wps = (words, seconds) => words / seconds;
const section = (title) => console.log(`\n== ${title}`);

function machine() {
  const lscpu = spawnSync('lscpu', [], { encoding: 'utf8' }).stdout ?? '';
  const model = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim();
  return { node: process.version, cores: availableParallelism(), cpuModel: model ?? null, platform: `${process.platform}-${process.arch}` };
}

/** A record of copy k > 0 of a corpus (see --scale): its id suffixed "~k", its date (YYYY-…) moved on 5k years. */
function scaledRecord(line, copy) {
  if (copy === 0) return line;
  const record = JSON.parse(line);
  record.id = `${record.id}~${copy}`;
  if (typeof record.date === 'string' && /^\d{4}/.test(record.date)) record.date = `${Number(record.date.slice(0, 4)) + 5 * copy}${record.date.slice(4)}`;
  return JSON.stringify(record);
}

/** Runs a child and notes the 1-minute load average it started under: others' work skews wall time. */
async function withLoad(run) {
  const load = round(loadavg()[0], 1);
  return { ...(await run()), loadAtStart: load };
}
let codeRoot = REPO; // replaced by a snapshot of dist/ and data/ once the scratch folder exists
const build = (inputs, outDir, workers, extra = {}) =>
  withLoad(() => runJsonChild(BUILD_CHILD, [JSON.stringify({ root: codeRoot, inputs, outDir, workers, cacheDir: false, ...extra })]));
const compromise = (inputs, threads) => withLoad(() => runJsonChild(COMPROMISE_CHILD, [JSON.stringify({ root: codeRoot, inputs, threads })]));

/**
 * A private copy of the compiled code and its data (node_modules linked), which every run uses:
 * others recompiling dist/ mid-run would otherwise mix code versions and, since the cache key
 * hashes the code, empty the incremental cache between its two builds.
 */
function snapshotCode(tmp) {
  const root = join(tmp, 'code');
  mkdirSync(root, { recursive: true });
  cpSync(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return `${root}/`;
}
const cpuNote = (r) => `CPU ${round(r.cpuSeconds, 1)} s, load ${r.loadAtStart}`;

function describeBuild(label, r) {
  const extra = r.cached ? `, ${grouped(r.cached)} from cache` : '';
  console.log(
    `  ${label.padEnd(34)} ${round(r.seconds, 2)} s (${round(r.processSeconds, 2)} s from process start)  ${grouped(wps(r.words, r.seconds))} words/s  ${round(r.documents / r.seconds, 1)} docs/s  peak RSS ${r.maxRSSMB} MB  ${cpuNote(r)}  ` +
      `(${grouped(r.documents)} docs, ${grouped(r.words)} words${extra}; graph ${grouped(r.actors)} actors, ${grouped(r.places)} places, ${grouped(r.events)} events, ${grouped(r.edges)} edges; ${r.diagnostics.error} errors, ${r.diagnostics.warning} warnings)`,
  );
  for (const e of r.firstErrors ?? []) console.log(`      error: ${e}`);
}

/** One line of a build's stage timings (where the time went). */
function describeStages(r) {
  if (!r.stages?.length) return;
  console.log(`      stages: ${r.stages.map((s) => `${s.stage} ${round(s.seconds, 2)} s`).join(' · ')}`);
}

// ---------------------------------------------------------------------------------------------
async function corpusBenchmarks(tmp) {
  section('preflight: pipeline builds the 5 sample articles');
  try {
    const r = await build([SAMPLE], join(tmp, 'out-sample'), 1);
    if (r.documents === 0) throw new Error(`no document extracted: ${r.firstErrors.join('; ') || 'no diagnostics'}`);
    console.log(`  ok: ${r.documents} documents, ${r.actors} actors, ${r.places} places, ${r.events} events in ${round(r.seconds, 2)} s`);
  } catch (error) {
    console.log(`  pipeline not usable (compile with npx tsc -p tsconfig.json?): ${error.message}`);
    failures.push('pipeline-build');
    results.pipelineError = error.message;
    return;
  }
  if (!existsSync(REUTERS) || !existsSync(FAKES)) {
    note(`../shared corpus missing (${existsSync(REUTERS) ? FAKES : REUTERS}): corpus benchmarks skipped, synthetic benchmarks only`);
    return;
  }

  const subsetFile = join(tmp, 'reuters-subset.jsonl');
  const subset = await copyJsonl(REUTERS, subsetFile, { limit: subsetSize });
  let fullFile = REUTERS;
  if (Number.isFinite(fullLimit)) {
    fullFile = join(tmp, 'reuters-full.jsonl');
    await copyJsonl(REUTERS, fullFile, { limit: fullLimit });
    note(`"full Reuters" is only the first ${fullLimit} records here (--quick or --full)`);
  }

  section('machine calibration: the same task on 1 thread, then on 2 threads at once (2.0× = perfect)');
  const scaling = await runJsonChild(join(REPO, 'scripts', 'bench', 'scaling-child.mjs'));
  for (const [name, r] of Object.entries(scaling)) console.log(`  ${name.padEnd(6)} ${r.oneThreadSeconds} s → ${r.twoThreadsSeconds} s for twice the work: ${r.scaling}×`);
  results.machine.scaling = scaling;

  // 1. compromise alone on the subset.
  section(`compromise alone: nlp(text) over the subset (first ${grouped(subset.kept)} Reuters records)`);
  const c1 = [];
  for (let i = 0; i < compromiseRuns; i++) {
    const r = await compromise([subsetFile], 1);
    c1.push(r);
    console.log(`  1 thread,  run ${i + 1}: ${round(r.seconds, 2)} s  ${grouped(wps(r.words, r.seconds))} words/s  ${round(r.documents / r.seconds, 1)} docs/s  ${cpuNote(r)}  (${grouped(r.words)} words)`);
  }
  const noise = spread(c1.map((r) => r.seconds));
  console.log(`  machine noise (1 thread, ${compromiseRuns} runs): min ${noise.min} s, median ${noise.median} s, max ${noise.max} s, spread ${noise.spreadPct}% of the median`);
  const cpuNoise = spread(c1.map((r) => r.cpuSeconds));
  console.log(`                 on CPU time: min ${cpuNoise.min} s, median ${cpuNoise.median} s, max ${cpuNoise.max} s, spread ${cpuNoise.spreadPct}%`);
  const c2 = await compromise([subsetFile], 2);
  console.log(`  2 threads:        ${round(c2.seconds, 2)} s  ${grouped(wps(c2.words, c2.seconds))} words/s  ${round(c2.documents / c2.seconds, 1)} docs/s  ${cpuNote(c2)}  (each thread tags every other document)`);
  const c1Median = noise.median;
  const words = c1[0].words;
  // The tagger's own scaling on this host, and its ceiling: with both cores busy all the time, two
  // threads take at least half their CPU time, and running at once costs them more CPU than one
  // thread spends on the same documents (two warm-ups, shared caches and memory).
  const c1CpuMedian = median(c1.map((r) => r.cpuSeconds));
  const compromiseSpeedup = c1Median / c2.seconds;
  const compromiseBound = (2 * c1Median) / c2.cpuSeconds;
  console.log(`  2 threads ÷ 1 thread:             ${round(compromiseSpeedup, 2)}×  (at most ${round(compromiseBound, 2)}× with both cores busy all the time: 2 × ${round(c1Median, 1)} s wall ÷ ${round(c2.cpuSeconds, 1)} s CPU; two threads spent ${round(c2.cpuSeconds / c1CpuMedian, 2)}× the CPU of one on the same documents)`);
  results.compromise = {
    set: 'subset',
    documents: c1[0].documents,
    words,
    oneThread: { seconds: noise, cpuSeconds: spread(c1.map((r) => r.cpuSeconds)), wordsPerSecond: round(wps(words, c1Median), 0), docsPerSecond: round(c1[0].documents / c1Median, 1) },
    twoThreads: { seconds: round(c2.seconds, 3), cpuSeconds: round(c2.cpuSeconds, 3), wordsPerSecond: round(wps(words, c2.seconds), 0), docsPerSecond: round(c2.documents / c2.seconds, 1) },
    twoThreadsSpeedup: round(compromiseSpeedup, 3),
    twoThreadsSpeedupBoundBothCoresBusy: round(compromiseBound, 3),
    twoThreadsCpuShare: round(c2.cpuSeconds / c1CpuMedian, 3),
  };

  // 2. pipeline on the subset, 1 and 2 workers, no cache.
  section(`pipeline on the same subset (first ${grouped(subset.kept)} Reuters records), cache disabled`);
  const p1 = await build([subsetFile], join(tmp, 'out-subset-w1'), 1);
  describeBuild('workers: 1', p1);
  const p2 = await build([subsetFile], join(tmp, 'out-subset-w2'), 2);
  describeBuild('workers: 2', p2);
  if (p1.words !== words) note(`pipeline counted ${p1.words} words, the compromise run ${words}: ratios use each run's own count`);
  const ratio1 = wps(p1.words, p1.seconds) / wps(words, c1Median);
  const ratio2 = wps(p2.words, p2.seconds) / wps(c2.words, c2.seconds);
  const speedup = wps(p2.words, p2.seconds) / wps(p1.words, p1.seconds);
  // The same ratios on CPU time: insensitive to other processes competing for the cores.
  const ratio1Cpu = p1.words / p1.cpuSeconds / (words / c1CpuMedian);
  const ratio2Cpu = p2.words / p2.cpuSeconds / (c2.words / c2.cpuSeconds);
  console.log(`  pipeline ÷ compromise, 1 core:   ${round(ratio1, 2)}×  (target ≥ ${TARGETS.ratioToCompromise}×)  ${check('ratioToCompromise1Core', ratio1 >= TARGETS.ratioToCompromise, round(ratio1, 2))}  (on CPU time: ${round(ratio1Cpu, 2)}×)`);
  console.log(`  pipeline ÷ compromise, 2 cores:  ${round(ratio2, 2)}×  (target ≥ ${TARGETS.ratioToCompromise}×)  ${check('ratioToCompromise2Cores', ratio2 >= TARGETS.ratioToCompromise, round(ratio2, 2))}  (on CPU time: ${round(ratio2Cpu, 2)}×)`);
  console.log(`  2 workers ÷ 1 worker:            ${round(speedup, 2)}×  (target ≥ ${TARGETS.workerSpeedup}×)  ${check('workerSpeedupSubset', speedup >= TARGETS.workerSpeedup, round(speedup, 2))}`);
  // On 2 cores the speedup cannot exceed 2 × CPU(1 worker) ÷ CPU(2 workers): extra CPU spent by
  // the second worker (its own knowledge base, thread hand-offs) caps it even on an idle machine.
  const speedupBound = (2 * p1.cpuSeconds) / p2.cpuSeconds;
  console.log(`  speedup bound from CPU time:     ${round(speedupBound, 2)}×  (2 × ${round(p1.cpuSeconds, 1)} s ÷ ${round(p2.cpuSeconds, 1)} s; holds whatever the load)`);
  const busyBound = (2 * p1.seconds) / p2.cpuSeconds;
  console.log(`  the same, both cores busy:       ${round(busyBound, 2)}×  (2 × ${round(p1.seconds, 1)} s wall ÷ ${round(p2.cpuSeconds, 1)} s CPU: one worker already keeps ${round(p1.cpuSeconds / p1.seconds, 2)} cores busy)`);
  // What `newsgraph build` does here without --workers: it picks its own thread count (one thread
  // below 4 MB of input per extra core, as this subset is), so this is a user's figure on 2 cores.
  // The target is still checked on 2 workers above; this is printed beside it.
  const pDefault = await build([subsetFile], join(tmp, 'out-subset-default'), undefined);
  describeBuild('workers: default', pDefault);
  const ratioDefault = wps(pDefault.words, pDefault.seconds) / wps(c2.words, c2.seconds);
  console.log(`  pipeline ÷ compromise, 2 cores, the build's own thread count: ${round(ratioDefault, 2)}×  (newsgraph build without --workers, against compromise on 2 threads; on CPU time: ${round(c2.cpuSeconds / pDefault.cpuSeconds, 2)}×)`);
  results.pipelineSubset = { set: 'subset', workers1: p1, workers2: p2, workersDefault: pDefault, ratioToCompromise2CoresDefaultThreads: round(ratioDefault, 3), ratioToCompromise1Core: round(ratio1, 3), ratioToCompromise2Cores: round(ratio2, 3), ratioToCompromise1CoreCpu: round(ratio1Cpu, 3), ratioToCompromise2CoresCpu: round(ratio2Cpu, 3), workerSpeedup: round(speedup, 3), workerSpeedupBoundFromCpu: round(speedupBound, 3), workerSpeedupBoundBothCoresBusy: round(busyBound, 3) };

  // What each extraction thread pays before it runs at full speed: the fixed cost a second worker
  // adds, which a 4,000-article subset barely amortises.
  section('start-up of one extraction thread (fresh process, subset records; CPU: this thread + V8 helper threads)');
  try {
    const block = Math.max(1, Math.min(500, Math.floor(subset.kept / 4)));
    const s = await runJsonChild(join(REPO, 'scripts', 'bench', 'startup-child.mjs'), [JSON.stringify({ root: codeRoot, inputs: [subsetFile], warmDocs: block })]);
    const line = (label, r) => console.log(`  ${label.padEnd(34)} ${round(r.wall, 2)} s  (CPU ${round(r.threadCpu, 2)} s + helpers ${round(r.helperCpu, 2)} s)`);
    line('import the extraction code', s.imports);
    line('load the knowledge base', s.knowledgeBase);
    s.blocks.forEach((b, i) => line(`extract records ${i * block + 1}-${i * block + b.documents}`, b));
    const first = s.blocks[0];
    const warm = s.blocks.at(-1);
    const warmUp = first.threadCpu + first.helperCpu - (warm.threadCpu + warm.helperCpu);
    const fixed = s.imports.threadCpu + s.imports.helperCpu + s.knowledgeBase.threadCpu + s.knowledgeBase.helperCpu + warmUp;
    console.log(`  fixed cost per thread ≈ ${round(fixed, 2)} s of CPU (imports + knowledge base + what the first ${first.documents} records cost over the last ${warm.documents}: the JIT's warm-up)`);
    results.threadStartup = { ...s, warmUpCpuSeconds: round(warmUp, 3), fixedCpuSeconds: round(fixed, 3) };
  } catch (error) {
    console.log(`  could not run: ${error.message}`);
  }

  // 3. full Reuters at 2 workers: throughput, peak RSS, GEXF export of the resulting graph.
  section('pipeline on the full Reuters corpus, 2 workers then 1, cache disabled');
  const full = await build([fullFile], join(tmp, 'out-reuters'), 2, { gexf: true });
  describeBuild('reuters21578.jsonl', full);
  describeStages(full);
  console.log(`  peak RSS ${full.maxRSSMB} MB (target < ${TARGETS.peakRSSMB} MB)  ${check('reutersPeakRSS', full.maxRSSMB < TARGETS.peakRSSMB, full.maxRSSMB)}`);
  if (full.gexf) console.log(`  GEXF export of the resulting graph (${grouped(full.gexf.nodes)} nodes, ${grouped(full.gexf.edges)} edges, ${full.gexf.fileMB} MB): ${round(full.gexf.seconds, 2)} s`);
  results.reuters = { set: 'full', ...full, wordsPerSecond: round(wps(full.words, full.seconds), 0), docsPerSecond: round(full.documents / full.seconds, 1) };
  // Each worker pays fixed costs (its own knowledge base, JIT and lazy indexes warming up), which
  // the subset barely amortises: the 1-vs-2 comparison again on the full corpus.
  const full1 = await build([fullFile], join(tmp, 'out-reuters-w1'), 1);
  describeBuild('reuters21578.jsonl, workers: 1', full1);
  describeStages(full1);
  // The host's noise can slow one build by a third: each is run a second time, in the other order
  // (2, 1, 1, 2), and the faster run of each is compared.
  const full1Again = await build([fullFile], join(tmp, 'out-reuters-w1'), 1);
  describeBuild('reuters21578.jsonl, workers: 1, again', full1Again);
  const fullAgain = await build([fullFile], join(tmp, 'out-reuters-w2'), 2);
  describeBuild('reuters21578.jsonl, workers: 2, again', fullAgain);
  const best1 = full1Again.seconds < full1.seconds ? full1Again : full1;
  const best2 = fullAgain.seconds < full.seconds ? fullAgain : full;
  const pairSpeedups = [wps(full.words, full.seconds) / wps(full1.words, full1.seconds), wps(fullAgain.words, fullAgain.seconds) / wps(full1Again.words, full1Again.seconds)];
  const fullSpeedup = best1.seconds / best2.seconds;
  const fullBound = (2 * best1.cpuSeconds) / best2.cpuSeconds;
  // With 2 cores the 2-worker build cannot take less than half its CPU time; the 1-worker build
  // already uses more than one core (V8's collector and compiler threads), hence the second bound.
  const fullBusyBound = (2 * best1.seconds) / best2.cpuSeconds;
  console.log(`  2 workers ÷ 1 worker (full):     ${round(fullSpeedup, 2)}×, faster run of each  (target ≥ ${TARGETS.workerSpeedup}×)  ${check('workerSpeedupFull', fullSpeedup >= TARGETS.workerSpeedup, round(fullSpeedup, 2))}  (pair by pair: ${pairSpeedups.map((x) => `${round(x, 2)}×`).join(', ')}; bound from CPU time: ${round(fullBound, 2)}×; with both cores busy all the time: ${round(fullBusyBound, 2)}×, as 1 worker keeps ${round(best1.cpuSeconds / best1.seconds, 2)} cores busy)`);
  results.reuters.workers1 = full1;
  results.reuters.runsAgain = { workers1: full1Again, workers2: fullAgain };
  results.reuters.workerSpeedup = round(fullSpeedup, 3);
  results.reuters.workerSpeedupPairs = pairSpeedups.map((x) => round(x, 3));
  results.reuters.workerSpeedupBoundFromCpu = round(fullBound, 3);
  results.reuters.workerSpeedupBoundBothCoresBusy = round(fullBusyBound, 3);

  // 4. incremental: 99% with a cache, then 100% with the same cache (same file path: the path is
  // part of the cache key, as when a user appends to their file).
  section('incremental rebuild: 99% of Reuters with a cache, then all of it with the same cache, 2 workers');
  const incDir = join(tmp, 'incremental');
  mkdirSync(incDir, { recursive: true });
  const incFile = join(incDir, 'reuters21578.jsonl');
  const cacheDir = join(incDir, 'cache');
  // Every 100th record is held back: the added 1% is spread through the file.
  const part = await copyJsonl(fullFile, incFile, { skip: (i) => i % 100 === 50 });
  const first = await build([incFile], join(incDir, 'out'), 2, { cacheDir });
  describeBuild(`99% (${grouped(part.kept)} docs), cold cache`, first);
  await copyJsonl(fullFile, incFile);
  const again = await build([incFile], join(incDir, 'out'), 2, { cacheDir });
  describeBuild(`100% (+${grouped(part.total - part.kept)} docs), warm cache`, again);
  describeStages(again);
  if (again.cached < part.kept) note(`only ${again.cached} of ${part.kept} documents came from the cache: dist/ or data/ changed between the two builds?`);
  // Against the faster full build of the two (the stricter share).
  const share = again.seconds / best2.seconds;
  console.log(`  rebuild ÷ full build (no cache):  ${round(share * 100, 1)}%  (target < ${TARGETS.incrementalShare * 100}%)  ${check('incrementalRebuild', share < TARGETS.incrementalShare, `${round(share * 100, 1)}%`)}`);
  console.log(`  the same from process start:      ${round((again.processSeconds / best2.processSeconds) * 100, 1)}%  (${round(again.processSeconds, 2)} s ÷ ${round(best2.processSeconds, 2)} s, module loading included)`);
  // What no cache can skip while every output is rewritten: the stages after reading (the end of
  // the merge, graph, metrics, layout, the files), and among them the writing of the files alone.
  const stageSeconds = (r, test) => (r.stages ?? []).filter((st) => test(st.stage)).reduce((sum, st) => sum + st.seconds, 0);
  const isRead = (stage) => stage.startsWith('read');
  const isWrite = (stage) => /^(graph\.gexf|graph\.json|events\.csv|documents\.json)/.test(stage);
  const tail = stageSeconds(again, (stage) => !isRead(stage) && stage !== 'cache');
  const writes = stageSeconds(again, isWrite);
  console.log(`  after reading, in the rebuild:    ${round(tail, 2)} s = ${round((tail / best2.seconds) * 100, 1)}% of the full build (merge, graph, metrics, layout, files); writing the files alone ${round(writes, 2)} s = ${round((writes / best2.seconds) * 100, 1)}%`);
  results.incremental = { set: 'full', added: part.total - part.kept, coldSeconds: round(first.seconds, 3), rebuildSeconds: round(again.seconds, 3), fullBuildSeconds: round(best2.seconds, 3), share: round(share, 4), cached: again.cached, afterReadingSeconds: round(tail, 3), writingSeconds: round(writes, 3) };

  // 5. FA-KES.
  section('pipeline on FA-KES (FA-KES-Dataset.csv), 2 workers, cache disabled');
  const fakes = await build([FAKES], join(tmp, 'out-fakes'), 2, { gexf: true });
  describeBuild('FA-KES-Dataset.csv', fakes);
  if (fakes.gexf) console.log(`  GEXF export of the resulting graph (${grouped(fakes.gexf.nodes)} nodes, ${grouped(fakes.gexf.edges)} edges): ${round(fakes.gexf.seconds, 2)} s`);
  results.fakes = { set: 'FA-KES', ...fakes, wordsPerSecond: round(wps(fakes.words, fakes.seconds), 0), docsPerSecond: round(fakes.documents / fakes.seconds, 1) };
  // Conflict news is the product's own ground and far denser in events than Reuters' business
  // wires: the tagger reads the words around every trigger. Shown beside compromise alone on the
  // same articles, one core each (no target: the issue's ratio is taken on Reuters).
  const fakes1 = await build([FAKES], join(tmp, 'out-fakes-w1'), 1);
  describeBuild('FA-KES-Dataset.csv, workers: 1', fakes1);
  describeStages(fakes1);
  const fakesCompromise = await compromise([FAKES], 1);
  console.log(`  compromise alone, 1 thread:        ${round(fakesCompromise.seconds, 2)} s  ${grouped(wps(fakesCompromise.words, fakesCompromise.seconds))} words/s  ${cpuNote(fakesCompromise)}`);
  const fakesRatio = wps(fakes1.words, fakes1.seconds) / wps(fakesCompromise.words, fakesCompromise.seconds);
  console.log(`  pipeline ÷ compromise on FA-KES, 1 core: ${round(fakesRatio, 2)}×  (no target)`);
  results.fakes.workers1 = fakes1;
  results.fakes.compromiseOneThread = { seconds: round(fakesCompromise.seconds, 3), words: fakesCompromise.words, wordsPerSecond: round(wps(fakesCompromise.words, fakesCompromise.seconds), 0) };
  results.fakes.ratioToCompromise1Core = round(fakesRatio, 3);

  // 6. Scale (opt-in, --scale N): the full corpus N times over. Ids are made distinct and dates
  // moved on 5 years per copy, so the copies are new articles and new events about the same
  // actors and places: time and memory against corpus size for a graph that barely grows.
  const copies = Number(valueOf('--scale') ?? 0);
  if (copies > 1) {
    section(`scale: the full corpus ${copies} times over (ids made distinct, dates moved on 5 years per copy), 2 workers, cache disabled`);
    const scaledFile = join(tmp, 'reuters-scaled.jsonl');
    await copyJsonl(fullFile, scaledFile, { copies, rewrite: scaledRecord });
    const scaled = await build([scaledFile], join(tmp, 'out-scaled'), 2);
    describeBuild(`reuters × ${copies}`, scaled);
    describeStages(scaled);
    const outBytes = (dir) => ['graph.gexf', 'graph.json', 'documents.json'].map((f) => statSync(join(dir, f)).size);
    const [gexf1, json1, docs1] = outBytes(join(tmp, 'out-reuters-w2'));
    const [gexfN, jsonN, docsN] = outBytes(join(tmp, 'out-scaled'));
    console.log(`  against 1×: time ${round(scaled.seconds / best2.seconds, 2)}×, peak RSS ${round(scaled.maxRSSMB / best2.maxRSSMB, 2)}× (${best2.maxRSSMB} → ${scaled.maxRSSMB} MB), graph.json ${round(jsonN / json1, 2)}×, graph.gexf ${round(gexfN / gexf1, 2)}×, documents.json ${round(docsN / docs1, 2)}×`);
    results.scale = { copies, ...scaled, timeRatio: round(scaled.seconds / best2.seconds, 3), rssRatio: round(scaled.maxRSSMB / best2.maxRSSMB, 3) };
  }

  // 7. Where the time goes: stage timings and a CPU profile on one thread, same subset.
  if (!flag('--no-profile')) {
    section(`where the time goes: stages on one thread under --cpu-prof (subset, ${grouped(subset.kept)} records)`);
    const profDir = join(tmp, 'profile');
    const stages = await runJsonChild(STAGES_CHILD, [JSON.stringify({ root: codeRoot, inputs: [subsetFile], outDir: join(tmp, 'out-stages') })], { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
    const total = Object.values(stages.seconds).reduce((a, b) => a + b, 0);
    for (const [stage, s] of Object.entries(stages.seconds)) console.log(`  ${stage.padEnd(20)} ${round(s, 2).toString().padStart(8)} s  ${round((s / total) * 100, 1)}%`);
    const profile = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    const summary = profile ? summarizeProfile(join(profDir, profile), codeRoot, 12) : undefined;
    if (summary) {
      const show = (title, rows) => {
        console.log(`  ${title}`);
        for (const r of rows) console.log(`    ${String(r.pct).padStart(5)}%  ${String(r.ms).padStart(7)} ms  ${r.name}`);
      };
      show('self time by source (file of ours, npm package, node internals):', summary.bySource);
      show('time charged to the nearest newsgraph module on the stack (callees included):', summary.byOwnFile);
      show('hungriest functions (self time):', summary.topFunctions);
    }
    results.profile = { set: 'subset', stages: Object.fromEntries(Object.entries(stages.seconds).map(([k, v]) => [k, round(v, 3)])), ...(summary ?? {}) };
    if (flag('--keep') && profile) console.log(`  profile kept: ${join(profDir, profile)} (open in Chrome DevTools → Performance)`);
  }
}

async function syntheticBenchmarks() {
  if (!flag('--skip-synthetic')) {
    section('synthetic GEXF export: 100,000 nodes / 300,000 edges (scripts/bench-gexf.mjs), 3 runs, each in its own process');
    try {
      const runs = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) {
        const r = await withLoad(() => runJsonChild(join(REPO, 'scripts', 'bench-gexf.mjs'), ['--json']));
        runs.push(r);
        console.log(`  run ${i + 1}: ${r.seconds} s  (CPU ${r.cpuSeconds} s, peak heap ${r.peakHeapMB} MB, load ${r.loadAtStart})`);
      }
      const wall = spread(runs.map((r) => r.seconds));
      const r = runs.find((x) => x.seconds === wall.median) ?? runs[0];
      const peakHeap = Math.max(...runs.map((x) => x.peakHeapMB));
      console.log(`  median ${wall.median} s (target < ${TARGETS.gexfSeconds} s)  ${check('gexfSyntheticSeconds', wall.median < TARGETS.gexfSeconds, wall.median)}  (min ${wall.min} s, max ${wall.max} s, spread ${wall.spreadPct}%)`);
      console.log(`  peak heap ${peakHeap} MB (graph alone ${r.graphHeapMB} MB, writer +${r.writerHeapMB} MB; target < ${TARGETS.gexfHeapMB} MB)  ${check('gexfSyntheticHeap', peakHeap < TARGETS.gexfHeapMB, peakHeap)}`);
      console.log(`  file ${r.fileMB} MB`);
      results.gexfSynthetic = { ...r, runs, seconds: wall };
    } catch (error) {
      console.log(`  could not run: ${error.message}`);
      failures.push('gexfSynthetic');
      results.gexfSynthetic = { error: error.message };
    }
  }
  if (!flag('--skip-viewer')) {
    section('viewer: 20,000 nodes / 100,000 edges in headless Chromium (scripts/bench-viewer.mjs)');
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const page = join(REPO, 'viewer', 'dist', 'bench.html');
    if (!existsSync(chromium) || !existsSync(page)) {
      note(`viewer bench skipped: ${!existsSync(chromium) ? `no Chromium at ${chromium} (set CHROMIUM_PATH)` : `no ${page} (run npm run build)`}`);
      results.viewer = { skipped: true };
      return;
    }
    try {
      const { runViewerBench, formatViewerBench } = await import('./bench-viewer.mjs');
      const r = await runViewerBench();
      console.log(formatViewerBench(r).replace(/^/gm, '  '));
      results.viewer = r;
    } catch (error) {
      console.log(`  could not run: ${error.message}`);
      failures.push('viewer');
      results.viewer = { error: error.message };
    }
  }
}

// ---------------------------------------------------------------------------------------------
/** Newest modification time under dist/: tells whether someone recompiled during the bench. */
function distStamp(dir = join(REPO, 'dist')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
const stampAtStart = existsSync(join(REPO, 'dist')) ? distStamp() : 0;
if (stampAtStart) codeRoot = snapshotCode(tmp);
const started = Date.now();
results.machine.loadAtStart = round(loadavg()[0], 1);
console.log(`newsgraph bench — node ${process.version}, ${results.machine.cpuModel ?? 'unknown CPU'}, ${results.machine.cores} cores, load average ${results.machine.loadAtStart} at start`);
try {
  if (!flag('--skip-corpus')) await corpusBenchmarks(tmp);
  await syntheticBenchmarks();
} catch (error) {
  console.log(`\nbench stopped: ${error instanceof Error ? error.message : String(error)}`);
  failures.push('bench-error');
  results.error = error instanceof Error ? error.message : String(error);
} finally {
  if (flag('--keep')) console.log(`\nscratch files kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

if (stampAtStart && distStamp() !== stampAtStart) note('dist/ was recompiled while the bench ran: the corpus runs used the snapshot taken at the start, the synthetic ones the live dist/');
results.totalSeconds = round((Date.now() - started) / 1000, 1);
results.failed = failures;
section(`summary (${results.totalSeconds} s)`);
for (const [name, t] of Object.entries(results.targets)) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${name}: ${t.value}`);
if (failures.length) console.log(`  failed or not run: ${failures.join(', ')}`);
const json = JSON.stringify(results, null, 2);
console.log(`\n${json}`);
const jsonOut = valueOf('--json');
if (jsonOut) writeFileSync(jsonOut, `${json}\n`);
process.exitCode = failures.length ? 1 : 0;

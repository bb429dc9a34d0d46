#!/usr/bin/env node
// @ts-check
// `npm run eval`: builds every corpus that ../shared has a gold set or a health check for, runs
// the acceptance scorers on each build, prints one table (figure, value, floor) and writes it as
// JSON. Exit status 1 when a figure is below its floor in eval/floors.json (or a build or scorer
// failed), 2 when ../shared is missing.
//
//   node scripts/eval.mjs [--only sample,conll-dev] [--work .eval] [--report eval/report.json]
//                         [--floors eval/floors.json] [--raise] [--check <report.json>]
//
//   --work    where builds, their caches and prepared inputs go (default .eval/, kept between
//             runs so a second eval only extracts what changed)
//   --raise   after the run, raise each floor to the figure reached (ceilings come down); a floor is
//             never lowered by this: do that by hand, and say why in the commit
//   --check   judge an existing report against the floors, without building (what CI's guard test
//             uses to show that a lowered figure fails)
//
// The compiled pipeline in dist/ is used: `npm run eval` compiles first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../dist/util/atomic.js';
import { copyJsonl } from './bench/util.mjs';
import { checkFloors, formatFloors, formatTable, raiseFloors, round } from './eval/floors.mjs';
import { SUITES } from './eval/suites.mjs';
import { lastSummaryLine, parseGexfCheck, parseNerLine, parseSummaryLine } from './eval/summary.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SHARED = resolve(REPO, '..', 'shared');
const EVAL = join(SHARED, 'eval');
const REUTERS_ARTICLES = 3000;

const args = process.argv.slice(2);
const valueOf = (/** @type {string} */ name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const work = resolve(valueOf('--work') ?? join(REPO, '.eval'));
const reportFile = resolve(valueOf('--report') ?? join(REPO, 'eval', 'report.json'));
const floorsFile = resolve(valueOf('--floors') ?? join(REPO, 'eval', 'floors.json'));
const only = valueOf('--only')?.split(',');
const checkOnly = valueOf('--check');

const floors = existsSync(floorsFile) ? JSON.parse(readFileSync(floorsFile, 'utf8')) : {};

if (checkOnly) {
  const report = JSON.parse(readFileSync(checkOnly, 'utf8'));
  process.exit(judge(report.figures, floors, only) ? 0 : 1);
}

if (!existsSync(join(EVAL, 'score.py'))) {
  console.error(`newsgraph eval: ${SHARED} is not present beside the repository; it holds the gold sets and scorers (nothing to score)`);
  process.exit(2);
}
if (only) for (const name of only) if (!SUITES.some((s) => s.name === name)) fail(`no suite named ${name} (suites: ${SUITES.map((s) => s.name).join(', ')})`);

mkdirSync(work, { recursive: true });
const started = performance.now();
/** @type {Record<string, { value: number, count?: string, rank: number[] }>} */
const figures = {};
/** @type {Record<string, { what: string, input: string, summary: string, lines: Record<string, string> }>} */
const suites = {};
/** @type {string[]} */
const problems = [];
/** @type {Promise<void>[]} */
const scoring = [];

for (const suite of SUITES) {
  if (only && !only.includes(suite.name)) continue;
  const input = await prepareInput(suite.name, await suite.input({ shared: SHARED, repo: REPO, work }));
  const out = join(work, suite.name);
  const t0 = performance.now();
  const build = await run(process.execPath, [join(REPO, 'bin', 'newsgraph.js'), 'build', input, '-o', out, '-q', '--no-progress']);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (build.code !== 0) {
    problems.push(`${suite.name}: the build failed (${build.code}): ${build.stderr.trim().split('\n').slice(-5).join(' / ')}`);
    continue;
  }
  const summary = build.stdout.trim().split('\n').find((l) => l.startsWith('newsgraph: ')) ?? '';
  console.error(`eval: ${suite.name} built in ${seconds} s: ${summary.replace(/^newsgraph: /, '').replace(/ in [\d.]+ s.*$/, '')}`);
  suites[suite.name] = { what: suite.what, input: shown(input), summary: summary.replace(/ in [\d.]+ s/, '').replace(/ → .*$/, ''), lines: {} };
  // Scoring runs beside the next build: the scorers are single-threaded Python.
  scoring.push(...suite.scorers.map(({ scorer, gold }) => score(suite.name, scorer, join(out, 'graph.gexf'), gold)));
}
await Promise.all(scoring);

// Suites in the order they are defined, each scorer's figures in the order its line prints them.
const sortedFigures = Object.fromEntries(
  Object.entries(figures)
    .sort(([, a], [, b]) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2])
    .map(([k, f]) => [k, { value: round(f.value), ...(f.count !== undefined && { count: f.count }) }]),
);
const report = { $comment: 'Written by npm run eval (scripts/eval.mjs); committed when figures change.', suites: sortObject(suites), figures: sortedFigures };
const ok = judge(sortedFigures, floors, only);
if (!only) await writeFileAtomic(reportFile, JSON.stringify(report, null, 1) + '\n');
if (args.includes('--raise')) {
  await writeFileAtomic(floorsFile, formatFloors(raiseFloors(sortedFigures, floors)));
  console.error(`eval: floors raised to the figures reached in ${shown(floorsFile)}`);
}
for (const p of problems) console.error(`eval: ${p}`);
console.error(`eval: ${Object.keys(sortedFigures).length} figures in ${((performance.now() - started) / 1000).toFixed(0)} s${only ? '' : `; report in ${shown(reportFile)}`}`);
process.exit(ok && !problems.length ? 0 : 1);

// ---------------------------------------------------------------------------------------------

/** Prints the table and says whether every figure keeps its bound. */
function judge(figs, bounds, suitesOnly) {
  const inScope = (/** @type {string} */ k) => !suitesOnly || suitesOnly.includes(k.slice(0, k.indexOf('.')));
  const scopedBounds = Object.fromEntries(Object.entries(bounds).filter(([k]) => inScope(k)));
  const rows = checkFloors(figs, scopedBounds);
  console.log(formatTable(rows));
  const broken = rows.filter((r) => !r.ok);
  if (broken.length) console.error(`eval: ${broken.length} figure(s) below their floor: ${broken.map((r) => r.figure).join(', ')}`);
  return broken.length === 0;
}

/** Inputs the scorers need in a form the build reads: CoNLL's documents as texts, Reuters cut. */
async function prepareInput(name, input) {
  if (name === 'conll-dev') {
    const dev = join(SHARED, 'corpus', 'conll2003', 'dev.txt');
    const gold = join(work, 'conll-dev', 'conll-dev-gold.jsonl');
    if (!existsSync(gold) || statSync(gold).mtimeMs < statSync(dev).mtimeMs) {
      const made = await run('python3', [join(EVAL, 'conll_docs.py'), dev, join(work, 'conll-dev'), 'conll-dev']);
      if (made.code !== 0) fail(`conll_docs.py failed: ${made.stderr.trim()}`);
    }
  } else if (name === 'reuters-3000' && !existsSync(input)) {
    const tmp = `${input}.${process.pid}.tmp`;
    await copyJsonl(join(SHARED, 'corpus', 'reuters21578', 'reuters21578.jsonl'), tmp, { limit: REUTERS_ARTICLES });
    renameSync(tmp, input);
  }
  return input;
}

async function score(suite, scorer, gexf, gold) {
  const goldPath = gold && (gold.startsWith('conll-dev/') ? join(work, gold) : join(EVAL, 'gold', gold));
  const argv = [join(EVAL, `${scorer}.py`), gexf];
  if (goldPath) argv.push(goldPath);
  if (scorer === 'score_ner') argv.push(join(work, 'conll-dev', 'texts'));
  const result = await run('python3', argv);
  try {
    if (scorer === 'gexf_check') {
      const { figures: f, failures } = parseGexfCheck(result.stdout);
      add(suite, scorer, f);
      suites[suite].lines[scorer] = `${f.gates.count} gates pass`;
      for (const failure of failures) problems.push(`${suite}: gexf_check.py: ${failure}`);
      return;
    }
    if (result.code !== 0) throw new Error(`exited with ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    const line = lastSummaryLine(result.stdout);
    suites[suite].lines[scorer] = line;
    add(suite, scorer, scorer === 'score_ner' ? parseNerLine(line) : parseSummaryLine(line));
  } catch (err) {
    problems.push(`${suite}: ${scorer}.py: ${err instanceof Error ? err.message : err}`);
  }
}

function add(suite, scorer, figs) {
  const suiteRank = SUITES.findIndex((s) => s.name === suite);
  const scorerRank = SUITES[suiteRank]?.scorers.findIndex((s) => s.scorer === scorer) ?? 0;
  Object.entries(figs).forEach(([name, f], i) => (figures[`${suite}.${scorer}.${name}`] = { ...f, rank: [suiteRank, scorerRank, i] }));
}

/** Suites in their defined order, each one's scorer lines in its scorers' order (they finish in any). */
function sortObject(o) {
  const rank = (/** @type {string} */ name) => SUITES.findIndex((s) => s.name === name);
  return Object.fromEntries(
    Object.entries(o)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([name, suite]) => {
        const order = SUITES[rank(name)]?.scorers.map((s) => s.scorer) ?? [];
        const lines = Object.fromEntries(Object.entries(suite.lines).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
        return [name, { ...suite, lines }];
      }),
  );
}

/** A path as the report shows it: relative to ../shared or the repository, never this machine's. */
function shown(path) {
  if (path.startsWith(SHARED + '/')) return `../shared/${path.slice(SHARED.length + 1)}`;
  if (path.startsWith(REPO + '/')) return path.slice(REPO.length + 1);
  return path.startsWith(work) ? `<work>${path.slice(work.length)}` : path;
}

/** @returns {Promise<{ code: number, stdout: string, stderr: string }>} */
function run(cmd, argv) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

function fail(message) {
  console.error(`newsgraph eval: ${message}`);
  process.exit(2);
}

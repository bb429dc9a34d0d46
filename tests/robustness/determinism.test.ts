/**
 * Issue 7, determinism: the same inputs give byte-identical outputs whatever the order they are
 * given in, the number of extraction threads, and whether extractions come from the cache.
 * (Ids are file names, so the same articles under other names are a different input.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusArticles, mulberry32, writeArticles } from '../fixtures/robustness/articles.js';
import { codeFingerprint, firstDifference, OUTPUT_FILES, removeDir, runCli, stackTraceLines, summaryDocuments, tempDir, type CliRun } from '../fixtures/robustness/cli.js';

// More than the pipeline's 24 uncached documents, so --workers 2 really uses the thread pool.
const ARTICLES = 64;
let root: string;
let input: string;
let files: string[];
let corpusFrom: string;
let fingerprint: string;

beforeAll(() => {
  root = tempDir('determinism');
  input = join(root, 'in');
  mkdirSync(input);
  const { articles, from } = corpusArticles(ARTICLES);
  corpusFrom = from;
  files = writeArticles(input, articles).sort();
  fingerprint = codeFingerprint();
});
afterAll(() => removeDir(root));

async function build(name: string, inputs: string[], extra: string[]): Promise<string> {
  const out = join(root, name);
  const run: CliRun = await runCli(['build', ...inputs, '-o', out, '--no-progress', '-q', ...extra], { timeoutMs: 170_000 });
  expect(stackTraceLines(run.stderr), run.stderr).toEqual([]);
  expect(run.code, run.stderr).toBe(0);
  expect(summaryDocuments(run.stdout), run.stdout).toBe(ARTICLES);
  console.info(`[robustness] determinism ${name} (${corpusFrom}, ${extra.join(' ')}): ${run.ms} ms`);
  return out;
}

function expectSameBytes(a: string, b: string): void {
  const changed = codeFingerprint() !== fingerprint ? ' (NOTE: dist/ or data/ changed during this test: another build ran meanwhile, so this comparison may be void)' : '';
  for (const f of OUTPUT_FILES) {
    const difference = firstDifference(readFileSync(join(a, f)), readFileSync(join(b, f)));
    expect(difference, `${f}: ${a} vs ${b}${changed}`).toBeUndefined();
  }
}

describe(`byte-identical outputs for the same ${ARTICLES} articles`, () => {
  let reference: string;

  it('--workers 2 (thread pool) vs --workers 1 (main thread) with files given in reversed order', async () => {
    reference = await build('folder-w2', [input], ['--workers', '2', '--no-cache']);
    const reversed = await build('reversed-w1', [...files].reverse(), ['--workers', '1', '--no-cache']);
    expectSameBytes(reference, reversed);
  }, 240_000);

  it('files in a shuffled order, extracted cold into a cache and then served from it', async () => {
    expect(reference, 'the first test built the reference').toBeDefined();
    const rand = mulberry32(3);
    const shuffled = [...files].map((f) => ({ f, k: rand() })).sort((a, b) => a.k - b.k).map((x) => x.f);
    const cacheDir = join(root, 'cache');
    const cold = await build('shuffled-cold', shuffled, ['--workers', '2', '--cache-dir', cacheDir]);
    expectSameBytes(reference, cold);
    const warm = await build('folder-warm', [input], ['--workers', '1', '--cache-dir', cacheDir]);
    expectSameBytes(reference, warm);
  }, 240_000);
});

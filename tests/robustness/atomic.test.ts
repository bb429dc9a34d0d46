/**
 * Issue 7, atomic output: a build stopped midway (SIGTERM, SIGINT, even SIGKILL) leaves the
 * previous out/ exactly as it was: same bytes, no half-written file under a final name, and
 * (after a handled signal) no temp file at all.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusArticles, writeArticles } from '../fixtures/robustness/articles.js';
import { OUTPUT_FILES, removeDir, runCli, SAMPLE_DIR, snapshot, stackTraceLines, tempDir, type CliRun } from '../fixtures/robustness/cli.js';

const CACHE_DIR = '.newsgraph-cache';
let root: string;
let bigInput: string;
let corpusFrom: string;

beforeAll(() => {
  root = tempDir('atomic');
  bigInput = join(root, 'big');
  mkdirSync(bigInput);
  const { articles, from } = corpusArticles(400);
  corpusFrom = from;
  writeArticles(bigInput, articles);
});
afterAll(() => removeDir(root));

/** A fresh out/ holding a finished build of the sample (one real build, copied), and what it holds. */
async function previousBuild(name: string): Promise<{ out: string; before: Map<string, Buffer | null> }> {
  const reference = join(root, 'reference');
  if (!existsSync(reference)) {
    const first = await runCli(['build', SAMPLE_DIR, '-o', reference, '--no-progress', '-q']);
    expect(first.code, first.stderr).toBe(0);
  }
  const out = join(root, name);
  cpSync(reference, out, { recursive: true, preserveTimestamps: true });
  const before = snapshot(out);
  for (const f of OUTPUT_FILES) expect(before.get(f)?.length, f).toBeGreaterThan(0);
  return { out, before };
}

/** Resolves once a temp file of the output batch exists in `out` (the build is under way), then waits `afterMs`. */
function whenWriting(out: string, child: ChildProcess, afterMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(poll);
        resolve(false);
        return;
      }
      const writing = readdirSync(out).some((f) => f.endsWith('.tmp'));
      if (writing || Date.now() - started > 10_000) {
        clearInterval(poll);
        setTimeout(() => resolve(child.exitCode === null && child.signalCode === null), afterMs);
      }
    }, 20);
  });
}

/** Starts the 400-article build into `out` and sends `signal` once it is well under way. */
async function interruptedBuild(out: string, signal: NodeJS.Signals, afterMs: number): Promise<{ run: CliRun; sentWhileRunning: boolean }> {
  let sent: Promise<boolean> = Promise.resolve(false);
  const run = await runCli(['build', bigInput, '-o', out, '--no-progress'], {
    timeoutMs: 120_000,
    onSpawn: (child) => {
      sent = whenWriting(out, child, afterMs).then((running) => {
        if (running) child.kill(signal);
        return running;
      });
    },
  });
  return { run, sentWhileRunning: await sent };
}

function expectUnchanged(out: string, before: Map<string, Buffer | null>): void {
  const after = snapshot(out);
  after.delete(CACHE_DIR); // the extraction cache may have grown: it is not an output
  before.delete(CACHE_DIR);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes!) ?? after.get(name) === bytes, `${name} is byte-identical`).toBe(true);
}

/**
 * Every complete line of the cache's pack and of the journals stopped builds leave is a key and
 * whole JSON; only a journal's unterminated last line may be torn (the reader ignores it).
 */
function expectCacheEntriesWhole(out: string): number {
  let entries = 0;
  let names: string[] = [];
  try {
    names = readdirSync(join(out, CACHE_DIR));
  } catch {
    return 0; // no cache written before the signal
  }
  for (const name of names) {
    expect(name, 'the cache holds its pack and journals only').toMatch(/^(?:extractions\.jsonl|\.extractions\.\d+\.\d+\.journal)$/);
    const lines = readFileSync(join(out, CACHE_DIR, name), 'utf8').split('\n');
    lines.pop(); // after the last newline: empty, or a torn write
    for (const line of lines) {
      entries++;
      expect(line.slice(0, 65), name).toMatch(/^[0-9a-f]{64}\t$/);
      expect(() => JSON.parse(line.slice(65)), name).not.toThrow();
    }
  }
  return entries;
}

describe('a stopped build keeps the previous outputs (a 400-article build)', () => {
  it('SIGTERM midway: exit 143, previous files byte-identical, no temp file left', async () => {
    const { out, before } = await previousBuild('out-term');
    const { run, sentWhileRunning } = await interruptedBuild(out, 'SIGTERM', 1000);
    expect(sentWhileRunning, `the build finished before the signal (${run.ms} ms); make the input larger`).toBe(true);
    expect(stackTraceLines(run.stderr), run.stderr).toEqual([]);
    expect(run.code, run.stderr).toBe(143);
    expect(run.stderr).toMatch(/SIGTERM: build stopped, previous outputs kept/);
    expectUnchanged(out, before);
    const cached = expectCacheEntriesWhole(out);
    console.info(`[robustness] SIGTERM after ~1 s of a 400-article build (${corpusFrom}): exit ${run.code} after ${run.ms} ms; ${cached} cache entries, all whole`);
  });

  it('SIGINT (Ctrl-C) early in the build: exit 130, previous files byte-identical', async () => {
    const { out, before } = await previousBuild('out-int');
    const { run, sentWhileRunning } = await interruptedBuild(out, 'SIGINT', 200);
    expect(sentWhileRunning, `the build finished before the signal (${run.ms} ms)`).toBe(true);
    expect(stackTraceLines(run.stderr), run.stderr).toEqual([]);
    expect(run.code, run.stderr).toBe(130);
    expectUnchanged(out, before);
  });

  it('SIGKILL (no handler can run): final files intact, only hidden temp files can remain', async () => {
    const { out, before } = await previousBuild('out-kill');
    const { run, sentWhileRunning } = await interruptedBuild(out, 'SIGKILL', 1000);
    expect(sentWhileRunning, `the build finished before the signal (${run.ms} ms)`).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    const after = snapshot(out);
    for (const f of OUTPUT_FILES) expect(after.get(f)?.equals(before.get(f)!), `${f} is byte-identical`).toBe(true);
    const leftovers = [...after.keys()].filter((f) => !before.has(f) && f !== CACHE_DIR);
    // A killed process cannot clean up; what it leaves must never look like an output.
    for (const f of leftovers) expect(f).toMatch(/^\.[^/]+\.\d+(?:\.\d+)?\.tmp$/);
    expectCacheEntriesWhole(out);
    // The next build is not confused by those leftovers.
    const next = await runCli(['build', SAMPLE_DIR, '-o', out, '--no-progress', '-q']);
    expect(next.code, next.stderr).toBe(0);
    for (const f of OUTPUT_FILES) expect(readFileSync(join(out, f)).equals(before.get(f)!), `${f} after the next build`).toBe(true);
    // ...and it removes them: the killed process no longer runs.
    expect(readdirSync(out).filter((f) => !before.has(f) && f !== CACHE_DIR)).toEqual([]);
    console.info(`[robustness] SIGKILL left ${leftovers.length} temp file(s); the next build removed them`);
  });
});

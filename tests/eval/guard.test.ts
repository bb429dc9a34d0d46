import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, noteSkip } from '../helpers/shared.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const EVAL = join(ROOT, 'scripts/eval.mjs');

// The guard itself: every shared gold set built and scored, every figure at or above its floor.
noteSkip('the eval guard (npm run eval)');
describe.skipIf(!hasShared)('npm run eval against eval/floors.json', () => {
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'newsgraph-eval-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every figure at or above its floor', { timeout: 900_000 }, () => {
    const run = spawnSync(process.execPath, [EVAL, '--work', work, '--report', join(work, 'report.json')], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/^figure\s+value\s+floor/);
  });

  it('fails, naming the figure, when one falls below its floor', () => {
    const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as { figures: Record<string, { value: number; count?: string }> };
    expect(Object.keys(report.figures).length).toBeGreaterThan(60);
    report.figures['fakes-dev.score_events.event-precision']!.value -= 0.05;
    const lowered = join(work, 'lowered.json');
    writeFileSync(lowered, JSON.stringify(report));
    const run = spawnSync(process.execPath, [EVAL, '--check', lowered], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/fakes-dev\.score_events\.event-precision .* BELOW FLOOR/);
    expect(run.stderr).toMatch(/1 figure\(s\) below their floor: fakes-dev\.score_events\.event-precision/);
  });
});

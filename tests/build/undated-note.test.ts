/**
 * An article with no publication date yields events nobody can date; they are left out by default,
 * and the build says so (how many, and what to pass), or a pasted article just shows "0 events".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDir } from '../fixtures/robustness/cli.js';

const UNDATED = 'Shelling reported\n\nRussian forces shelled Kharkiv on Tuesday, killing 12 civilians, officials said.\n';
const DATED = 'Shelling reported\n\nPublished March 3, 2023\n\nRussian forces shelled Kharkiv on Tuesday, killing 12 civilians, officials said.\n';
let root: string;

beforeAll(() => {
  root = tempDir('undated');
  writeFileSync(join(root, 'undated.txt'), UNDATED);
  writeFileSync(join(root, 'dated.txt'), DATED);
});
afterAll(() => removeDir(root));

describe('undated events', () => {
  it('are counted in a note naming the options that keep them', async () => {
    const run = await runCli(['build', join(root, 'undated.txt'), '-o', join(root, 'out1'), '--no-progress', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ 0 events/);
    expect(run.stderr).toMatch(/note: 1 event with no date left out \(1 document has no publication date\); give --date YYYY-MM-DD or --undated-events/);
  });

  it('give no note when the article is dated, or when kept', async () => {
    const dated = await runCli(['build', join(root, 'dated.txt'), '-o', join(root, 'out2'), '--no-progress', '--no-cache']);
    expect(dated.code, dated.stderr).toBe(0);
    expect(dated.stdout).toMatch(/ 1 events/);
    expect(dated.stderr).not.toMatch(/note:/);
    const kept = await runCli(['build', join(root, 'undated.txt'), '-o', join(root, 'out3'), '--no-progress', '--no-cache', '--undated-events']);
    expect(kept.stdout).toMatch(/ 1 events/);
    expect(kept.stderr).not.toMatch(/note:/);
  });

  it('are not mentioned under --quiet', async () => {
    const run = await runCli(['build', join(root, 'undated.txt'), '-o', join(root, 'out4'), '--no-progress', '--no-cache', '-q']);
    expect(run.stderr).toBe('');
  });
});

import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A setup file: each test file gets a temporary folder of its own (TMPDIR, which os.tmpdir(), the
 * processes a test starts and Chromium all read), and whatever the file's tests leave in it fails
 * that file, naming what was left. A test that leaks a folder into the user's /tmp on every run is
 * a bug no single assertion would catch. Registered before the file's own hooks, this check runs
 * after them.
 */
const parent = (process.env['NEWSGRAPH_TEST_TMP_PARENT'] ??= tmpdir());
mkdirSync(parent, { recursive: true });
const dir = mkdtempSync(join(parent, 'newsgraph-test-'));
chmodSync(dir, 0o1777); // like /tmp: the robustness tests run the CLI as "nobody" inside it
process.env['TMPDIR'] = dir;

afterAll(() => {
  const left = readdirSync(dir).sort();
  rmSync(dir, { recursive: true, force: true });
  if (left.length) throw new Error(`this test file left ${left.length} temporary entr${left.length === 1 ? 'y' : 'ies'} behind: ${left.join(', ')}`);
});

/** The extraction pool grows with the work: one thread for a trickle, more once tasks back up. */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractionPool } from '../../src/build/pool.js';
import type { Doc } from '../../src/types.js';

const WORKER = fileURLToPath(new URL('../fixtures/pool/slow-worker.mjs', import.meta.url));
const docs = (n: number, from = 0): Doc[] => Array.from({ length: n }, (_, i) => ({ id: `d${from + i}` }) as Doc);
const ids = (results: Array<{ json: string } | { error: string }>) => results.map((r) => ('json' in r ? (JSON.parse(r.json) as { id: string }).id : r.error));

let pool: ExtractionPool | undefined;
afterEach(async () => {
  await pool?.destroy();
  pool = undefined;
});

describe('ExtractionPool', () => {
  it('a trickle of batches stays on one thread, results in order', async () => {
    pool = new ExtractionPool(WORKER, {}, 2, 1);
    // A thread started ahead of need (a rebuild) says whether it was ever given work.
    expect(pool.used).toBe(false);
    for (let i = 0; i < 5; i++) expect(ids(await pool.run(docs(3, i * 3)))).toEqual(['d' + i * 3, 'd' + (i * 3 + 1), 'd' + (i * 3 + 2)]);
    expect(pool.size).toBe(1);
    expect(pool.used).toBe(true);
  });

  it('a backlog starts another thread, up to the maximum', async () => {
    pool = new ExtractionPool(WORKER, {}, 2, 1);
    const batches = Array.from({ length: 12 }, (_, i) => docs(2, i * 2));
    const results = await Promise.all(batches.map((b) => pool!.run(b)));
    expect(pool.size).toBe(2);
    expect(results.map(ids)).toEqual(batches.map((b) => b.map((d) => d.id)));
  });

  it('starts with as many threads as asked for a cold build, never more than the maximum', async () => {
    pool = new ExtractionPool(WORKER, {}, 2, 5);
    expect(pool.size).toBe(2);
  });
});

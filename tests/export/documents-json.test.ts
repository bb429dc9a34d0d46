/** documents.json in id order, whether the texts fit in memory or spill to sorted runs. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentsJson } from '../../src/export/documents-json.js';
import { seededRandom } from '../../src/util/random.js';

const dirs: string[] = [];
let runs = 0;
const runPaths = (dir: string) => () => join(dir, `.documents-run.${process.pid}.${++runs}.tmp`);
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function written(docs: Array<{ id: string; text: string }>, budget: number, dir: string): Promise<string> {
  const writer = new DocumentsJson(runPaths(dir), budget);
  for (const d of docs) await writer.add(d.id, JSON.stringify({ id: d.id, text: d.text }));
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  await writer.write(out);
  return chunks.join('');
}

describe('DocumentsJson', () => {
  const random = seededRandom(11);
  // Ids in shuffled order, with characters that could confuse a line format.
  const docs = Array.from({ length: 300 }, (_, i) => ({ id: `doc-${(i * 7919) % 300}${i % 13 === 0 ? '\t\n"é' : ''}`, text: `Text ${i} `.repeat(1 + Math.floor(random() * 20)) }));

  it('spilled runs merge into the same bytes as the in-memory sort, and are removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-docs-'));
    dirs.push(dir);
    const inMemory = await written(docs, Infinity, dir);
    const spilled = await written(docs, 2_000, dir);
    expect(spilled).toBe(inMemory);
    expect(readdirSync(dir)).toEqual([]);
    const parsed = JSON.parse(inMemory) as { documents: Array<{ id: string }> };
    const ids = parsed.documents.map((d) => d.id);
    expect(ids).toHaveLength(300);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('dispose() removes the runs of a build that failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-docs-'));
    dirs.push(dir);
    const writer = new DocumentsJson(runPaths(dir), 500);
    for (const d of docs.slice(0, 50)) await writer.add(d.id, JSON.stringify(d));
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(readdirSync(dir).every((f) => /^\.[^/]+\.\d+(?:\.\d+)?\.tmp$/.test(f))).toBe(true);
    await writer.dispose();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an empty corpus gives an empty list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-docs-'));
    dirs.push(dir);
    expect(JSON.parse(await written([], Infinity, dir))).toEqual({ documents: [] });
  });
});

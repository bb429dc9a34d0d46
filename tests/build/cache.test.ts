/**
 * The incremental cache (issue 6): one pack that rebuilds append to and that is rewritten once
 * garbage piles up, journals of stopped builds read back, torn writes ignored, and a cache that
 * cannot be written never costs documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_PACK, ExtractionCache } from '../../src/build/cache.js';
import type { DocExtraction } from '../../src/extract/model.js';
import type { Doc } from '../../src/types.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'newsgraph-cache-'));
  dirs.push(d);
  return d;
}

const doc = (id: string, text = `Text of ${id}.`): Doc => ({ id, title: id, text, source: { file: `${id}.txt` } }) as Doc;
// Only the shape matters to the cache: it stores and returns what it is given.
const extraction = (id: string): DocExtraction => ({ doc: { id }, words: id.length, entities: [], events: [] }) as unknown as DocExtraction;

async function build(dir: string, ids: string[], extracted: string[] = []): Promise<{ hits: string[]; cache: ExtractionCache }> {
  const cache = await ExtractionCache.open(dir, 'knowledge-v1');
  const hits: string[] = [];
  for (const id of ids) {
    const key = cache.keyOf(doc(id));
    const hit = await cache.get(key);
    if (hit) {
      expect(hit).toEqual(extraction(id));
      hits.push(id);
    } else {
      extracted.push(id);
      await cache.set(key, extraction(id));
    }
  }
  return { hits, cache };
}

describe('ExtractionCache', () => {
  it('serves a rebuild from one pack and re-extracts only new documents', async () => {
    const dir = tempDir();
    const first = await build(dir, ['a', 'b', 'c']);
    await first.cache.commit();
    expect(readdirSync(dir)).toEqual([CACHE_PACK]);
    const extracted: string[] = [];
    const again = await build(dir, ['a', 'b', 'c', 'd'], extracted);
    expect(again.hits).toEqual(['a', 'b', 'c']);
    expect(extracted).toEqual(['d']);
    await again.cache.commit();
    expect(readFileSync(join(dir, CACHE_PACK), 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('a rebuild appends its new documents to the pack and leaves the rest as it was', async () => {
    const dir = tempDir();
    await (await build(dir, ['a', 'b', 'c', 'd'])).cache.commit();
    const before = readFileSync(join(dir, CACHE_PACK), 'utf8');
    await (await build(dir, ['a', 'b', 'c', 'd', 'e'])).cache.commit();
    const after = readFileSync(join(dir, CACHE_PACK), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).trim().split('\n')).toHaveLength(1);
    // A build that finds everything cached writes nothing.
    await (await build(dir, ['a', 'b', 'c', 'd', 'e'])).cache.commit();
    expect(readFileSync(join(dir, CACHE_PACK), 'utf8')).toBe(after);
    expect(readdirSync(dir)).toEqual([CACHE_PACK]);
  });

  it('rewrites the pack once entries no build uses outweigh half of the used ones', async () => {
    const dir = tempDir();
    await (await build(dir, ['a', 'b', 'c', 'd', 'e', 'f'])).cache.commit();
    const full = readFileSync(join(dir, CACHE_PACK), 'utf8');
    // One of six unused: little garbage, the pack stays.
    await (await build(dir, ['a', 'b', 'c', 'd', 'e'])).cache.commit();
    expect(readFileSync(join(dir, CACHE_PACK), 'utf8')).toBe(full);
    // Three of six unused: rewritten with the three used, in the order they were read.
    await (await build(dir, ['a', 'b', 'c'])).cache.commit();
    const lines = readFileSync(join(dir, CACHE_PACK), 'utf8').trim().split('\n');
    expect(lines).toEqual(full.trim().split('\n').slice(0, 3));
  });

  it('a pack rewritten after a smaller build holds only that build\'s documents', async () => {
    const dir = tempDir();
    await (await build(dir, ['a', 'b', 'c'])).cache.commit();
    await (await build(dir, ['b'])).cache.commit();
    const extracted: string[] = [];
    expect((await build(dir, ['a', 'b'], extracted)).hits).toEqual(['b']);
    expect(extracted).toEqual(['a']);
  });

  it('a key covers the knowledge: other lexicons, nothing served', async () => {
    const dir = tempDir();
    await (await build(dir, ['a'])).cache.commit();
    const other = await ExtractionCache.open(dir, 'knowledge-v2');
    expect(await other.get(other.keyOf(doc('a')))).toBeUndefined();
    expect(other.keyOf(doc('a'))).not.toBe((await ExtractionCache.open(dir, 'knowledge-v1')).keyOf(doc('a')));
    expect(other.keyOf(doc('a', 'Changed text.'))).not.toBe(other.keyOf(doc('a')));
  });

  it('a stopped build leaves a journal the next build reads; a torn last line is ignored', async () => {
    const dir = tempDir();
    await (await build(dir, ['a'])).cache.commit();
    const stopped = await build(dir, ['a', 'b', 'c']);
    await stopped.cache.close(); // the build failed or was stopped: no commit
    const journal = readdirSync(dir).find((n) => n.endsWith('.journal'))!;
    expect(journal).toBeDefined();
    // A kill mid-write: the last line has no newline and is cut short.
    writeFileSync(join(dir, journal), `${readFileSync(join(dir, journal), 'utf8')}${'f'.repeat(64)}\t{"doc":{"id"`);
    const extracted: string[] = [];
    const next = await build(dir, ['a', 'b', 'c', 'd'], extracted);
    expect(next.hits).toEqual(['a', 'b', 'c']);
    expect(extracted).toEqual(['d']);
    await next.cache.commit();
    expect(readdirSync(dir)).toEqual([CACHE_PACK]);
  });

  it('removes the temporary pack a build killed during a rewrite left, not a running build\'s', async () => {
    const dir = tempDir();
    await (await build(dir, ['a'])).cache.commit();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const killed = `${CACHE_PACK}.${Number(ended.stdout)}.tmp`;
    const running = `${CACHE_PACK}.${process.ppid}.tmp`;
    for (const name of [killed, running]) writeFileSync(join(dir, name), 'half a pack');
    const next = await build(dir, ['a']);
    expect(next.hits).toEqual(['a']);
    await next.cache.commit();
    expect(readdirSync(dir).sort()).toEqual([CACHE_PACK, running].sort());
  });

  it('reads a pack larger than one read, with lines cut at every read boundary', async () => {
    const dir = tempDir();
    const probe = await ExtractionCache.open(dir, 'knowledge-v1');
    await probe.close();
    // Entries of 3 MB and one of 9 MB (longer than a whole 8 MB read): 20 MB in all.
    const big = (id: string, mb: number) => ({ ...extraction(id), padding: 'x'.repeat(mb << 20) });
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const sizes = [3, 3, 9, 3, 2];
    writeFileSync(join(dir, CACHE_PACK), ids.map((id, i) => `${probe.keyOf(doc(id))}\t${JSON.stringify(big(id, sizes[i]!))}\n`).join(''));
    const cache = await ExtractionCache.open(dir, 'knowledge-v1');
    for (const [i, id] of ids.entries()) expect(await cache.get(cache.keyOf(doc(id)))).toEqual(big(id, sizes[i]!));
    await cache.close();
  });

  it('a damaged entry is extracted again, not served', async () => {
    const dir = tempDir();
    const probe = await ExtractionCache.open(dir, 'knowledge-v1');
    await probe.close();
    const key = probe.keyOf(doc('a'));
    writeFileSync(join(dir, CACHE_PACK), `${key}\t{"doc":\n${'z'.repeat(10)}\n`);
    const extracted: string[] = [];
    expect((await build(dir, ['a'], extracted)).hits).toEqual([]);
    expect(extracted).toEqual(['a']);
  });

  it('a cache that cannot be written still reads, and says why', async () => {
    const dir = tempDir();
    await (await build(dir, ['a'])).cache.commit();
    // A file where the cache folder should be: nothing can be written under it.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const cache = await ExtractionCache.open(join(blocked, 'cache'), 'knowledge-v1');
    expect(cache.writeProblem).toBeTruthy();
    await expect(cache.set(cache.keyOf(doc('b')), extraction('b'))).resolves.toBeUndefined();
    await expect(cache.commit()).rejects.toThrow();
  });

  it('removes the one-file-per-document entries of earlier versions once a pack exists', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ab'));
    writeFileSync(join(dir, 'ab', `ab${'0'.repeat(62)}.json`), '{}');
    mkdirSync(join(dir, 'keep'));
    await (await build(dir, ['a'])).cache.commit();
    expect(readdirSync(dir).sort()).toEqual([CACHE_PACK, 'keep']);
  });
});

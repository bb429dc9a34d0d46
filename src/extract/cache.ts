import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Doc } from '../types.js';
import type { DocExtraction } from './model.js';

/**
 * The incremental cache: one JSON file per extracted document, keyed by a hash of the document
 * (id, title, date, text) and of the knowledge it was extracted with (lexicons, gazetteer,
 * triggers, code version). Rebuilding after adding ten articles to a thousand re-extracts ten.
 */
export class ExtractionCache {
  constructor(
    private readonly dir: string,
    private readonly knowledgeHash: string,
  ) {}

  keyOf(doc: Doc): string {
    const h = createHash('sha256');
    h.update(this.knowledgeHash);
    for (const part of [doc.id, doc.title, doc.date ?? '', doc.url ?? '', doc.source.file, doc.text]) {
      h.update('\u0000');
      h.update(part);
    }
    return h.digest('hex');
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<DocExtraction | undefined> {
    try {
      return JSON.parse(await readFile(this.pathOf(key), 'utf8')) as DocExtraction;
    } catch {
      return undefined; // missing or damaged: extract again
    }
  }

  async set(key: string, value: DocExtraction): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, path);
  }
}

/** A hash of the files that shape extraction, so changing a lexicon invalidates the cache. */
export async function hashFiles(files: string[], salt: string): Promise<string> {
  const h = createHash('sha256');
  h.update(salt);
  for (const f of files) {
    h.update('\u0000' + f + '\u0000');
    try {
      h.update(await readFile(f));
    } catch {
      h.update('missing');
    }
  }
  return h.digest('hex');
}

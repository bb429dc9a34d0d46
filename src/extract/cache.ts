import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Doc } from '../types.js';
import type { DocExtraction } from './model.js';

/**
 * The incremental cache: every extracted document keyed by a hash of the document (id, title, date,
 * url, file, text) and of the knowledge it was extracted with (lexicons, gazetteer, triggers, code).
 * Rebuilding after adding ten articles to a thousand re-extracts ten.
 *
 * On disk it is one pack, `extractions.jsonl`, of "<key>\t<json>" lines, read once at the start.
 * A build appends every document it uses (served or extracted) to a journal of its own and, when it
 * finishes, renames the journal over the pack: the cache then holds exactly the last build's
 * documents, whatever was removed from the input, in one file rather than one per document. A
 * stopped or killed build leaves its journal, which the next build reads too (a torn last line is
 * ignored), so its extractions are not lost.
 */
export const CACHE_PACK = 'extractions.jsonl';
const JOURNAL_RE = /^\.extractions\.\d+\.\d+\.journal$/;
const KEY_LENGTH = 64;
let journalCounter = 0;

export class ExtractionCache {
  /** JSON text of earlier builds' extractions, by key. */
  private readonly stored = new Map<string, string>();
  /** Keys already in this build's journal. */
  private readonly journaled = new Set<string>();
  private journal: WriteStream | undefined;
  private journalPath = '';
  private earlierJournals: string[] = [];
  /** Why the cache cannot be written, if it cannot (reads still work). */
  writeProblem: string | undefined;

  private constructor(
    private readonly dir: string,
    private readonly knowledgeHash: string,
  ) {}

  /** Reads the pack and any journals that stopped builds left; never throws. */
  static async open(dir: string, knowledgeHash: string): Promise<ExtractionCache> {
    const cache = new ExtractionCache(dir, knowledgeHash);
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      // no cache yet
    }
    cache.earlierJournals = names.filter((n) => JOURNAL_RE.test(n)).sort();
    for (const name of [CACHE_PACK, ...cache.earlierJournals]) if (names.includes(name)) await cache.readPack(join(dir, name));
    try {
      await mkdir(dir, { recursive: true });
      cache.journalPath = join(dir, `.extractions.${process.pid}.${++journalCounter}.journal`);
      cache.journal = await openStream(cache.journalPath);
      cache.journal.on('error', (error) => (cache.writeProblem ??= error.message));
    } catch (error) {
      cache.writeProblem = error instanceof Error ? error.message : String(error);
    }
    return cache;
  }

  keyOf(doc: Doc): string {
    const h = createHash('sha256');
    h.update(this.knowledgeHash);
    for (const part of [doc.id, doc.title, doc.date ?? '', doc.url ?? '', doc.source.file, doc.text]) {
      h.update('\u0000');
      h.update(part);
    }
    return h.digest('hex');
  }

  /** The cached extraction, or undefined (missing or damaged: extract again). Kept for the next build. */
  async get(key: string): Promise<DocExtraction | undefined> {
    const text = this.stored.get(key);
    if (text === undefined) return undefined;
    let value: DocExtraction;
    try {
      value = JSON.parse(text) as DocExtraction;
    } catch {
      this.stored.delete(key);
      return undefined;
    }
    await this.append(key, text);
    return value;
  }

  /** Stores an extraction; `json`, when given, is its JSON text already made. */
  async set(key: string, value: DocExtraction, json?: string): Promise<void> {
    this.stored.delete(key);
    await this.append(key, json ?? JSON.stringify(value));
  }

  /** Makes this build's journal the pack. Throws when the cache could not be written. */
  async commit(): Promise<void> {
    const journal = this.journal;
    if (!journal) throw new Error(this.writeProblem ?? 'cache not writable');
    this.journal = undefined;
    journal.end();
    await finished(journal);
    if (this.writeProblem) throw new Error(this.writeProblem);
    await rename(this.journalPath, join(this.dir, CACHE_PACK));
    this.stored.clear();
    for (const name of this.earlierJournals) await unlink(join(this.dir, name)).catch(() => undefined);
    await removeLegacyEntries(this.dir);
  }

  /** Closes the journal without making it the pack (a failed build): the next build reads it. */
  async close(): Promise<void> {
    const journal = this.journal;
    this.journal = undefined;
    if (journal) {
      journal.end();
      await finished(journal).catch(() => undefined);
    }
    this.stored.clear();
  }

  private async append(key: string, json: string): Promise<void> {
    if (!this.journal || this.writeProblem || this.journaled.has(key)) return;
    this.journaled.add(key);
    // Bounded buffering: a large corpus must not pile up in the stream.
    // A write error rejects the wait; the error listener has recorded it as writeProblem.
    if (!this.journal.write(`${key}\t${json}\n`)) await once(this.journal, 'drain').catch(() => undefined);
    if (this.writeProblem) throw new Error(this.writeProblem);
  }

  /** Loads "<key>\t<json>" lines; later files win; an unterminated last line is a torn write. */
  private async readPack(path: string): Promise<void> {
    let rest = '';
    try {
      for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        const text = rest + (chunk as string);
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
          if (end - start > KEY_LENGTH + 1 && text.charCodeAt(start + KEY_LENGTH) === 9) this.stored.set(text.slice(start, start + KEY_LENGTH), text.slice(start + KEY_LENGTH + 1, end));
          start = end + 1;
        }
        rest = text.slice(start);
      }
    } catch {
      // unreadable: whatever was read stands, the rest is extracted again
    }
  }
}

function openStream(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags: 'w' });
    stream.once('open', () => {
      stream.off('error', reject);
      resolve(stream);
    });
    stream.once('error', reject);
  });
}

/** Earlier versions kept one file per document in two-hex-digit folders: removed once a pack exists. */
async function removeLegacyEntries(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(name)) continue;
    const files = await readdir(join(dir, name)).catch(() => [] as string[]);
    if (files.every((f) => /^[0-9a-f]{64}\.json(?:\.\d+\.tmp)?$/.test(f))) await rm(join(dir, name), { recursive: true, force: true });
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

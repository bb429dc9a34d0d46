import { createHash, hash } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, readSync, type WriteStream } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { CleanedTextMemo } from '../ingest/options.js';
import { removeStaleTemps } from '../util/atomic.js';
import type { Doc } from '../types.js';
import type { DocExtraction } from '../extract/model.js';

/**
 * The incremental cache: every extracted document keyed by a hash of the document (id, title, date,
 * url, file, text) and of the knowledge it was extracted with (lexicons, gazetteer, triggers, code).
 * Rebuilding after adding ten articles to a thousand re-extracts ten.
 *
 * On disk it is one pack, `extractions.jsonl`, of "<key>\t<json>" lines, indexed at the start (an
 * entry is read and decoded only when a build asks for it). A build writes what it
 * extracts to a journal of its own; when it finishes, the journal is appended to the pack, so a
 * rebuild writes only its new documents. Entries no build asked for are garbage: once they weigh
 * more than half of the live ones, the pack is rewritten (to a temporary file, renamed over it)
 * with this build's documents only. A stopped or killed build leaves its journal, which the next
 * build reads too (a torn last line is ignored), so its extractions are not lost.
 */
export const CACHE_PACK = 'extractions.jsonl';
const JOURNAL_RE = /^\.extractions\.\d+\.\d+\.journal$/;
const KEY_LENGTH = 64;
const TAB = 9;
const NEWLINE = 10;
const LINE_END = Buffer.from('\n');
/** Bytes read from a pack at a time, for indexing it and for serving its entries. */
const WINDOW_BYTES = 1 << 20;
/** The pack is rewritten when garbage exceeds this share of the live entries. */
const MAX_GARBAGE_SHARE = 0.5;
let journalCounter = 0;

/** Bytes [start, start + length) of one of the files, as last read. */
interface ReadWindow {
  file: number;
  start: number;
  length: number;
  bytes: Buffer;
}
const newWindow = (): ReadWindow => ({ file: -1, start: 0, length: 0, bytes: Buffer.alloc(0) });

/** Where an earlier build's entry sits: bytes [start, end) of one of the files read. */
interface StoredEntry {
  file: number;
  start: number;
  end: number;
  /** Asked for by this build: kept when the pack is rewritten. */
  used: boolean;
}

export class ExtractionCache {
  /**
   * The pack and earlier journals, open for reading. Entries are read from them when asked for,
   * through two windows that move forward with the requests, which are mostly sequential: a
   * build asks for cleaned texts as it reads and for extractions a little later, two streams
   * through the pack. Holding the whole pack in memory instead cost more in page faults (~0.2 s
   * for 60 MB) than these reads.
   */
  private readonly files: number[] = [];
  private windows: ReadWindow[] = [newWindow(), newWindow()];
  /** Earlier builds' extractions, by key (the last line for a key wins). */
  private readonly stored = new Map<string, StoredEntry>();
  /** Bytes read from the pack and earlier journals, and whether the pack ended on a whole line. */
  private readBytes = 0;
  private packIsWhole = true;
  private packExists = false;
  /** Keys already in this build's journal, and the bytes written there. */
  private readonly journaled = new Set<string>();
  private journalBytes = 0;
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
    // a pack rewrite's temporary file left by a killed build (it can weigh as much as the pack)
    removeStaleTemps(dir, `${CACHE_PACK}.`);
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch {
      // no cache yet
    }
    cache.earlierJournals = names.filter((n) => JOURNAL_RE.test(n)).sort();
    if (names.includes(CACHE_PACK)) {
      cache.packExists = true;
      cache.packIsWhole = cache.readPack(join(dir, CACHE_PACK));
    }
    for (const name of cache.earlierJournals) cache.readPack(join(dir, name));
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

  /** Size of the pack in `dir` (0 when there is none): how large the last build was. */
  static async packBytes(dir: string): Promise<number> {
    try {
      return (await stat(join(dir, CACHE_PACK))).size;
    } catch {
      return 0;
    }
  }

  keyOf(doc: Doc): string {
    return this.hashKey([doc.id, doc.title, doc.date ?? '', doc.url ?? '', doc.source.file, doc.text]);
  }

  /**
   * A key: the knowledge hash, then (after a kind, for entries other than extractions) each part,
   * NUL-separated. Hashed as one string in one call: the same bytes as an update() per piece
   * (NULs keep parts from forming a surrogate pair), without a Hash object per key.
   */
  private hashKey(parts: readonly string[], kind = ''): string {
    let text = this.knowledgeHash;
    if (kind) text += `\u0000${kind}`;
    for (const part of parts) text += `\u0000${part}`;
    return hash('sha256', text);
  }

  /** The cached extraction, or undefined (missing or damaged: extract again). Kept for the next build. */
  async get(key: string): Promise<DocExtraction | undefined> {
    const text = this.text(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as DocExtraction;
    } catch {
      this.stored.delete(key);
      return undefined;
    }
  }

  /**
   * The same store for cleaned texts (ingest's docFromText results), so that a rebuild does not
   * clean again the articles it has seen. Their keys cover the knowledge hash, which covers the
   * ingest code and the furniture rules.
   */
  cleanedTexts(): CleanedTextMemo {
    return {
      keyOf: (parts) => this.hashKey(parts, 'cleaned'),
      get: (key) => this.text(key),
      set: (key, json) => {
        this.stored.delete(key);
        this.appendLine(key, json);
      },
    };
  }

  /** An entry's JSON text, marked as used by this build. */
  private text(key: string): string | undefined {
    const entry = this.stored.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return this.bytesOf(entry).toString('utf8');
  }

  /** Stores an extraction; `json`, when given, is its JSON text already made. */
  async set(key: string, value: DocExtraction, json?: string): Promise<void> {
    this.stored.delete(key);
    await this.append(key, json ?? JSON.stringify(value));
  }

  /**
   * Adds this build's journal to the pack (or rewrites the pack when garbage has piled up or a
   * stopped build left journals). Throws when the cache could not be written.
   */
  async commit(): Promise<void> {
    const journal = this.journal;
    if (!journal) throw new Error(this.writeProblem ?? 'cache not writable');
    this.journal = undefined;
    journal.end();
    await finished(journal);
    if (this.writeProblem) throw new Error(this.writeProblem);
    const pack = join(this.dir, CACHE_PACK);
    let live = this.journalBytes;
    for (const entry of this.stored.values()) if (entry.used) live += entry.end - entry.start + KEY_LENGTH + 2;
    const garbage = this.readBytes + this.journalBytes - live;
    if (!this.packExists) await rename(this.journalPath, pack);
    else if (this.earlierJournals.length > 0 || !this.packIsWhole || garbage > live * MAX_GARBAGE_SHARE) await this.rewritePack(pack);
    else {
      if (this.journalBytes > 0) await appendFile(pack, await readFile(this.journalPath));
      await unlink(this.journalPath);
    }
    this.release();
    for (const name of this.earlierJournals) await unlink(join(this.dir, name)).catch(() => undefined);
    await removeLegacyEntries(this.dir);
  }

  /** Closes the journal without adding it to the pack (a failed build): the next build reads it. */
  async close(): Promise<void> {
    const journal = this.journal;
    this.journal = undefined;
    if (journal) {
      journal.end();
      await finished(journal).catch(() => undefined);
    }
    this.release();
  }

  private release(): void {
    this.stored.clear();
    for (const fd of this.files.splice(0)) closeSync(fd);
    this.windows = [newWindow(), newWindow()];
  }

  /** An entry's JSON bytes (valid until the next call: they sit in a read window). */
  private bytesOf(entry: StoredEntry): Buffer {
    const holds = (w: ReadWindow) => w.file === entry.file && entry.start >= w.start && entry.end <= w.start + w.length;
    let w = this.windows.find(holds);
    if (!w) {
      // the window used longer ago moves to this entry
      w = this.windows[0]!;
      const length = entry.end - entry.start;
      if (w.bytes.length < Math.max(WINDOW_BYTES, length)) w.bytes = Buffer.allocUnsafe(Math.max(WINDOW_BYTES, length));
      w.file = entry.file;
      w.start = entry.start;
      w.length = readSync(this.files[entry.file]!, w.bytes, 0, w.bytes.length, entry.start);
      if (w.length < length) throw new Error('cache pack changed while it was read');
    }
    if (w !== this.windows[1]) this.windows.reverse();
    return w.bytes.subarray(entry.start - w.start, entry.end - w.start);
  }

  /** The pack rewritten with this build's documents only: the entries it used, then its journal. */
  private async rewritePack(pack: string): Promise<void> {
    const temporary = `${pack}.${process.pid}.tmp`;
    try {
      const out = await openStream(temporary);
      const entries = [...this.stored].filter(([, e]) => e.used);
      for (const [key, e] of entries) {
        if (!out.write(`${key}\t`)) await once(out, 'drain');
        // a copy: the stream may hold a chunk until it is flushed, and the next bytesOf reuses the window
        if (!out.write(Buffer.concat([this.bytesOf(e), LINE_END]))) await once(out, 'drain');
      }
      out.end(await readFile(this.journalPath));
      await finished(out);
      await rename(temporary, pack);
      await unlink(this.journalPath);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  private async append(key: string, json: string): Promise<void> {
    // Bounded buffering: a large corpus must not pile up in the stream (the cleaned texts, written
    // without waiting, drain here too). A write error rejects the wait; the error listener has
    // recorded it as writeProblem.
    if (!this.journal || this.writeProblem) return;
    if (!this.appendLine(key, json)) await once(this.journal!, 'drain').catch(() => undefined);
    if (this.writeProblem) throw new Error(this.writeProblem);
  }

  /** Writes a line to the journal; false when the stream asks to wait for a drain. */
  private appendLine(key: string, json: string): boolean {
    if (!this.journal || this.writeProblem || this.journaled.has(key)) return true;
    this.journaled.add(key);
    const line = `${key}\t${json}\n`;
    this.journalBytes += Buffer.byteLength(line);
    return this.journal.write(line);
  }

  /**
   * Indexes "<key>\t<json>" lines; later files win. Returns whether the file ended on a whole
   * line (an unterminated last line is a torn write, ignored).
   */
  private readPack(path: string): boolean {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return false; // unreadable: its entries are extracted again
    }
    const file = this.files.push(fd) - 1;
    let buffer = Buffer.allocUnsafe(WINDOW_BYTES);
    let position = 0;
    try {
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, position);
        if (read === 0) return true;
        const lines = buffer.subarray(0, read);
        let start = 0;
        for (let end = lines.indexOf(NEWLINE); end >= 0; end = lines.indexOf(NEWLINE, start)) {
          if (end - start > KEY_LENGTH + 1 && lines[start + KEY_LENGTH] === TAB) {
            const at = position + start + KEY_LENGTH + 1;
            this.stored.set(lines.toString('latin1', start, start + KEY_LENGTH), { file, start: at, end: position + end, used: false });
          }
          start = end + 1;
        }
        this.readBytes += start;
        if (read < buffer.length) {
          // the end of the file: a cut last line is a torn write
          this.readBytes += read - start;
          return start === read;
        }
        // A line longer than the buffer is read again into a larger one; otherwise the next read
        // starts where the cut line does.
        if (start === 0) buffer = Buffer.allocUnsafe(buffer.length * 2);
        position += start;
      }
    } catch {
      // unreadable: whatever was read stands, the rest is extracted again
      return false;
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

/**
 * Atomic output: files appear under their final name only once complete.
 *
 * Every file is first written to a hidden temp file in the same folder (so the final rename stays
 * on one file system and is atomic), fsynced, then renamed. A build killed midway therefore leaves
 * the previous outputs untouched, with at worst a few ".<name>.<pid>.tmp" files that abort() removes.
 * A process killed outright (SIGKILL, out of memory) cannot: the next batch writing the same name
 * removes the temps of processes that no longer run.
 */
import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { escapeRegExp } from './regexp.js';

let tempCounter = 0;

/** Hidden temp path beside `finalPath`: "<dir>/.<name>.<pid>[.<n>].tmp". */
function tempPathFor(finalPath: string, unique: boolean): string {
  const suffix = unique ? `${process.pid}.${++tempCounter}` : `${process.pid}`;
  return join(dirname(finalPath), `.${basename(finalPath)}.${suffix}.tmp`);
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, in `dir`, the files named `prefix` + "<pid>[.<n>].tmp" left by processes that no longer
 * run (killed before they could clean up). Never this process's own, never a live one's; best effort.
 */
export function removeStaleTemps(dir: string, prefix: string): string[] {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}(\\d+)(?:\\.\\d+)?\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.sort()) {
    const pid = Number(pattern.exec(name)?.[1] ?? NaN);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // left for a later build
    }
  }
  return removed;
}

async function writeAndSync(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes renames durable; some file systems refuse to fsync a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort only
  }
}

/** Writes `data` to `path` through a temp file in the same folder: fsync, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path, true);
  try {
    await writeAndSync(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

interface PendingFile {
  finalPath: string;
  tempPath: string;
  stream?: WriteStream;
  /** Settles once the stream has closed (or at once for writeFile). */
  done: Promise<void>;
  error?: Error;
}

/**
 * An all-or-nothing set of output files in one folder. Write through stream() / writeFile(),
 * then commit() renames them all at the very end; abort() (safe to call from a signal handler)
 * removes the temp files and leaves the previous outputs as they were.
 */
export class OutputBatch {
  readonly dir: string;
  private readonly pending = new Map<string, PendingFile>();
  private readonly scratch = new Set<string>();
  /** Final names whose stale temps were looked for. */
  private readonly swept = new Set<string>();
  private state: 'open' | 'committing' | 'committed' | 'aborted' = 'open';

  constructor(dir: string) {
    this.dir = dir;
  }

  /** A stream to `<dir>/.<name>.<pid>.tmp`; commit() ends it if the caller has not. */
  stream(name: string): NodeJS.WritableStream {
    const entry = this.register(name);
    const stream = createWriteStream(entry.tempPath);
    entry.stream = stream;
    entry.done = new Promise<void>((resolve) => {
      // A listener must exist at once: an unhandled 'error' on a stream would crash the process.
      stream.on('error', (error) => {
        entry.error ??= error;
        resolve();
      });
      stream.on('close', () => resolve());
    });
    return stream;
  }

  /** Writes a whole file into the batch (to its temp name, fsynced). */
  async writeFile(name: string, data: string | Uint8Array): Promise<void> {
    const entry = this.register(name);
    const written = writeAndSync(entry.tempPath, data);
    entry.done = written.then(
      () => undefined,
      (error: Error) => {
        entry.error ??= error;
      },
    );
    await written;
  }

  /**
   * A path for a scratch file of the build's own (a spilled sort run, say) in the batch's folder,
   * under a hidden temp name; commit() and abort() remove it if its user has not.
   */
  scratchPath(name: string): string {
    const path = tempPathFor(join(this.dir, name), true);
    this.removeKilledTemps(name);
    this.scratch.add(path);
    return path;
  }

  /** Final names of the files in the batch, in registration order. */
  get files(): string[] {
    return [...this.pending.values()].map((entry) => entry.finalPath);
  }

  /** Ends open streams, fsyncs every temp file, then renames each to its final name. */
  async commit(): Promise<void> {
    if (this.state !== 'open') throw new Error(`OutputBatch for ${this.dir} is already ${this.state}`);
    this.state = 'committing';
    const entries = [...this.pending.values()];
    try {
      for (const entry of entries) {
        if (entry.stream && !entry.stream.writableEnded) entry.stream.end();
      }
      await Promise.all(entries.map((entry) => entry.done));
      const failed = entries.find((entry) => entry.error);
      if (failed?.error) throw failed.error;
      if (this.isAborted()) throw new Error(`OutputBatch for ${this.dir} was aborted`);
      // writeFile() already synced its temp; streams are synced here, after they closed.
      await Promise.all(entries.filter((entry) => entry.stream).map((entry) => syncFile(entry.tempPath)));
      if (this.isAborted()) throw new Error(`OutputBatch for ${this.dir} was aborted`);
      for (const entry of entries) await rename(entry.tempPath, entry.finalPath);
      const dirs = new Set(entries.map((entry) => dirname(entry.finalPath)));
      for (const dir of dirs) await syncDirectory(dir);
      this.removeScratch();
      this.state = 'committed';
    } catch (error) {
      this.removeTemps();
      this.state = 'aborted';
      throw error;
    }
  }

  /** Destroys open streams and removes every temp file; the final files are left untouched. */
  async abort(): Promise<void> {
    if (this.state === 'committed' || this.state === 'aborted') return;
    this.state = 'aborted';
    // Synchronous on purpose: a signal handler may exit the process right after calling abort().
    this.removeTemps();
  }

  private isAborted(): boolean {
    return (this.state as string) === 'aborted';
  }

  private removeTemps(): void {
    for (const entry of this.pending.values()) {
      entry.stream?.destroy();
      rmSync(entry.tempPath, { force: true });
    }
    this.removeScratch();
  }

  private removeScratch(): void {
    for (const path of this.scratch) rmSync(path, { force: true });
    this.scratch.clear();
  }

  /**
   * Removes (once per name) the temps that killed processes left for `name`, a file or scratch
   * name in the folder. stream(), writeFile() and scratchPath() do it for their own names; a
   * scratch name this build may not use needs this call.
   */
  removeKilledTemps(name: string): void {
    const finalPath = join(this.dir, name);
    if (this.swept.has(finalPath)) return;
    this.swept.add(finalPath);
    removeStaleTemps(dirname(finalPath), `.${basename(finalPath)}.`);
  }

  private register(name: string): PendingFile {
    if (this.state !== 'open') throw new Error(`OutputBatch for ${this.dir} is already ${this.state}`);
    const relative = normalize(name);
    if (!name || isAbsolute(name) || relative.split(sep).includes('..') || relative.endsWith(sep)) {
      throw new Error(`OutputBatch: ${JSON.stringify(name)} is not a file name inside ${this.dir}`);
    }
    const finalPath = join(this.dir, relative);
    if (this.pending.has(finalPath)) throw new Error(`OutputBatch: ${name} was already written`);
    mkdirSync(dirname(finalPath), { recursive: true });
    const entry: PendingFile = { finalPath, tempPath: tempPathFor(finalPath, false), done: Promise.resolve() };
    this.removeKilledTemps(relative);
    this.pending.set(finalPath, entry);
    return entry;
  }
}

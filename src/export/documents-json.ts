/**
 * documents.json: every article's text for the viewer, in id order whatever the input order.
 *
 * Lines are kept in memory up to a budget; beyond it they are sorted and spilled to a run file
 * beside the outputs, and the runs are merged at the end (an external sort). Memory then follows
 * the budget, not the corpus: Reuters' 18 MB of text stays in memory, a corpus of gigabytes spills.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';

interface Entry {
  id: string;
  line: string;
}

const byId = (a: Entry, b: Entry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class DocumentsJson {
  private entries: Entry[] = [];
  private bytes = 0;
  private readonly runs: string[] = [];

  /**
   * @param runPath a new path for each run file (OutputBatch.scratchPath: hidden, beside the
   *   outputs, removed even when a signal stops the build); write() and dispose() remove them too
   * @param budget characters of text held in memory before a run is spilled
   */
  constructor(
    private readonly runPath: () => string,
    private readonly budget = 64 * 1024 * 1024,
  ) {}

  /** Adds one document's JSON line (see the pipeline's jsonLine). */
  async add(id: string, line: string): Promise<void> {
    this.entries.push({ id, line });
    this.bytes += line.length + id.length;
    if (this.bytes > this.budget) await this.spill();
  }

  /** Writes `{"documents":[...]}` in id order, with backpressure, then removes the runs. */
  async write(out: NodeJS.WritableStream): Promise<void> {
    const put = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    this.entries.sort(byId);
    await put('{"documents":[\n');
    let first = true;
    for await (const entry of this.merged()) {
      await put((first ? '' : ',\n') + entry.line);
      first = false;
    }
    await put('\n]}\n');
    this.entries = [];
    await this.dispose();
  }

  /** Removes any run files (a failed build). */
  async dispose(): Promise<void> {
    await Promise.all(this.runs.splice(0).map((f) => unlink(f).catch(() => undefined)));
  }

  private async spill(): Promise<void> {
    this.entries.sort(byId);
    const file = this.runPath();
    this.runs.push(file);
    const out = createWriteStream(file);
    for (const e of this.entries) {
      // The id as JSON holds no raw tab or newline, nor does the line: the first tab splits them.
      if (!out.write(`${JSON.stringify(e.id)}\t${e.line}\n`)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
    this.entries = [];
    this.bytes = 0;
  }

  /** The in-memory entries and every run, merged in id order. */
  private async *merged(): AsyncGenerator<Entry> {
    if (this.runs.length === 0) {
      yield* this.entries;
      return;
    }
    const sources: Array<AsyncIterator<Entry> | Iterator<Entry>> = [this.entries[Symbol.iterator](), ...this.runs.map((f) => readRun(f))];
    const heads: Array<Entry | undefined> = [];
    for (const s of sources) heads.push((await s.next()).value as Entry | undefined);
    for (;;) {
      let min = -1;
      for (let i = 0; i < heads.length; i++) if (heads[i] && (min < 0 || byId(heads[i]!, heads[min]!) < 0)) min = i;
      if (min < 0) return;
      yield heads[min]!;
      heads[min] = (await sources[min]!.next()).value as Entry | undefined;
    }
  }
}

async function* readRun(file: string): AsyncGenerator<Entry> {
  for await (const text of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    const tab = text.indexOf('\t');
    yield { id: JSON.parse(text.slice(0, tab)) as string, line: text.slice(tab + 1) };
  }
}

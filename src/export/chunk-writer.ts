/**
 * Buffered writing to a Node stream in chunks, honouring backpressure: exporters append small
 * strings and, between records, flush() when hasReadyChunks says a chunk is full (a plain test:
 * an await per record costs more than the record), so a large graph never becomes one giant string.
 *
 * Text is encoded straight into 256 KB buffers (no rope of small strings to flatten, little
 * garbage), a few KB at a time: each encoding call has a fixed cost, records are small. While the
 * stream is busy the next chunk is still built; only handing it over waits for 'drain'.
 */
import type { Writable } from 'node:stream';

const DEFAULT_CHUNK_BYTES = 1 << 18;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class ChunkWriter {
  private buffer: Buffer;
  private offset = 0;
  /** Text written but not yet encoded, up to pendingLimit characters. */
  private pending = '';
  private readonly pendingLimit: number;
  /** Filled chunks waiting to be handed to the stream. */
  private ready: Buffer[] = [];
  private failure: Error | undefined;
  private drained: Promise<void> | undefined;
  private readonly onError = (error: Error): void => {
    this.failure ??= error;
  };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
    this.pendingLimit = Math.max(1, chunkBytes >> 4);
    out.on('error', this.onError);
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= this.pendingLimit) this.encodePending();
  }

  /** True when a filled chunk waits for the stream: time for flush(). */
  get hasReadyChunks(): boolean {
    return this.ready.length > 0;
  }

  async flush(): Promise<void> {
    if (this.drained) {
      const drained = this.drained;
      this.drained = undefined;
      await drained;
    }
    this.throwIfFailed();
    this.encodePending();
    this.sealChunk();
    const chunks = this.ready;
    this.ready = [];
    let accepted = true;
    for (const chunk of chunks) accepted = this.out.write(chunk);
    if (!accepted) this.drained = this.waitForDrain();
  }

  /** Flushes what is left, waits until the stream has taken it, and detaches; the caller ends the stream. */
  async finish(): Promise<void> {
    try {
      await this.flush();
      if (this.drained) await this.drained;
      this.drained = undefined;
      this.throwIfFailed();
    } finally {
      this.out.removeListener('error', this.onError);
    }
  }

  /** Drops unwritten text and stops listening (after a failure). */
  detach(): void {
    this.ready = [];
    this.offset = 0;
    this.pending = '';
    this.drained?.catch(() => undefined);
    this.drained = undefined;
    this.out.removeListener('error', this.onError);
  }

  private encodePending(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length * MAX_BYTES_PER_UNIT > this.chunkBytes - this.offset) {
      this.sealChunk();
      if (text.length * MAX_BYTES_PER_UNIT > this.chunkBytes) {
        this.ready.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.offset += this.buffer.write(text, this.offset, 'utf8');
  }

  private sealChunk(): void {
    if (this.offset === 0) return;
    this.ready.push(this.buffer.subarray(0, this.offset));
    // A fresh buffer: the stream keeps the sealed one until it is written.
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.offset = 0;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
    const writable = this.out as Partial<Writable>;
    if (writable.destroyed || writable.writableEnded) {
      throw new Error('output stream was closed before the export finished');
    }
  }

  private waitForDrain(): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => {
      const settle = (): void => {
        this.out.removeListener('drain', onDrain);
        this.out.removeListener('error', onFail);
        this.out.removeListener('close', onClose);
      };
      const onDrain = (): void => {
        settle();
        resolve();
      };
      const onFail = (error: Error): void => {
        settle();
        reject(error);
      };
      const onClose = (): void => {
        settle();
        reject(this.failure ?? new Error('output stream was closed before the export finished'));
      };
      this.out.on('drain', onDrain);
      this.out.on('error', onFail);
      this.out.on('close', onClose);
    });
    // Observed later by flush(); never an unhandled rejection in between.
    promise.catch(() => undefined);
    return promise;
  }
}

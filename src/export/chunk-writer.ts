/**
 * Buffered writing to a Node stream in chunks, honouring backpressure: exporters append small
 * strings and await flushIfFull() between records, so a large graph never becomes one giant string.
 *
 * Chunks are small enough (64K chars) to stay out of V8's large-object space, so each one dies
 * young once handed over. When the stream asks to wait, the next chunk is still built while the
 * write is in flight; only handing it over waits for 'drain'.
 */
import type { Writable } from 'node:stream';

const DEFAULT_CHUNK_CHARS = 1 << 16;

export class ChunkWriter {
  private buffer = '';
  private failure: Error | undefined;
  private drained: Promise<void> | undefined;
  private readonly onError = (error: Error): void => {
    this.failure ??= error;
  };

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly chunkChars = DEFAULT_CHUNK_CHARS,
  ) {
    out.on('error', this.onError);
  }

  write(text: string): void {
    this.buffer += text;
  }

  /** Hands the buffer to the stream once it holds a chunk. */
  async flushIfFull(): Promise<void> {
    if (this.buffer.length >= this.chunkChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.drained) {
      const drained = this.drained;
      this.drained = undefined;
      await drained;
    }
    this.throwIfFailed();
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) this.drained = this.waitForDrain();
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
    this.buffer = '';
    this.drained?.catch(() => undefined);
    this.drained = undefined;
    this.out.removeListener('error', this.onError);
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

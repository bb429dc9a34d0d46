import { Writable } from 'node:stream';

/**
 * A stream that keeps what is written to it. Each write completes on the next turn, so with a
 * small highWaterMark a writer meets backpressure as it would on a slow disk.
 */
export function collectingSink(highWaterMark?: number): { stream: Writable; text: () => string; writes: () => number } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    ...(highWaterMark === undefined ? {} : { highWaterMark }),
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), writes: () => chunks.length };
}

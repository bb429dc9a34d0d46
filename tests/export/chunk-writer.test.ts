import { describe, expect, it } from 'vitest';
import { ChunkWriter } from '../../src/export/chunk-writer.js';
import { collectingSink as sink } from '../helpers/sink.js';

describe('ChunkWriter', () => {
  it('keeps multi-byte text intact across chunk boundaries, including pieces bigger than a chunk', async () => {
    const { stream, text, writes } = sink(8);
    const writer = new ChunkWriter(stream, 32);
    const pieces = ['plain ', 'العربية ', '😀😀 ', 'naïve – ', 'x'.repeat(100), '€'];
    let expected = '';
    for (let i = 0; i < 200; i++) {
      const piece = pieces[i % pieces.length]!;
      writer.write(piece);
      expected += piece;
      if (writer.hasReadyChunks) await writer.flush();
    }
    await writer.finish();
    expect(text()).toBe(expected);
    expect(writes()).toBeGreaterThan(10);
  });

  it('refuses to write to an ended stream', async () => {
    const { stream } = sink(8);
    stream.end();
    const writer = new ChunkWriter(stream, 32);
    writer.write('late');
    await expect(writer.finish()).rejects.toThrow(/closed/);
  });
});

/**
 * Compressed responses for `newsgraph view`: a corpus graph.json is ~16 MB of JSON that brotli
 * brings to ~1.4 MB and gzip to ~2.5 MB. Files are compressed once per (path, size, mtime,
 * encoding) in zlib's thread pool and kept in memory; a rebuilt file is compressed again.
 */
import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Text formats worth compressing (the viewer build's and the graph folder's). */
export const COMPRESSIBLE = /\.(?:json|js|mjs|css|html|svg|gexf|csv|txt|map)$/i;

/** Below this size compression saves less than it costs. */
const MIN_BYTES = 1024;
/** Above this, compressing in memory is not worth its footprint: served as is. */
const MAX_BYTES = 512 * 1024 * 1024;

/**
 * The encoding to answer with for an Accept-Encoding header: brotli, then gzip, each only if
 * listed with a q-value above 0 (a "*" stands for both); null when neither is accepted.
 */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepted = (name: Encoding): boolean => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface Compressed {
  body: Buffer;
  /** Weak validator: size, mtime and encoding of the source file. */
  etag: string;
}

interface Entry {
  version: string;
  result: Promise<Compressed>;
}

export class CompressionCache {
  private readonly entries = new Map<string, Entry>();

  /** The compressed file, or null when it should be served as is (small, huge, or not a file). */
  async get(file: string, encoding: Encoding): Promise<Compressed | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile() || info.size < MIN_BYTES || info.size > MAX_BYTES) return null;
    const version = `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`;
    const key = `${encoding}:${file}`;
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.result;
    const result = (async (): Promise<Compressed> => {
      const source = await readFile(file);
      const body =
        encoding === 'br'
          ? // quality 5: ~0.25 s for 16 MB of JSON, within 10% of quality 6's size
            await brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } })
          : await gzipAsync(source, { level: 6 });
      return { body, etag: `W/"${version}-${encoding}"` };
    })();
    this.entries.set(key, { version, result });
    result.catch(() => {
      if (this.entries.get(key)?.result === result) this.entries.delete(key);
    });
    return result;
  }
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding } from '../../src/view/compress.js';
import { CONTENT_SECURITY_POLICY, safePathname, serveViewer, ViewerError, type ViewerServer } from '../../src/view/server.js';
import { openGraphDir } from '../../src/view/open-graph-dir.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends `target` byte for byte over a socket: http clients (fetch, http.request) normalise "..",
 * backslashes and some escapes before sending, which would hide exactly what these tests probe.
 */
function rawRequest(port: number, target: string, method = 'GET', host = `127.0.0.1:${port}`): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...headerLines] = text.slice(0, headEnd).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text.slice(headEnd + 4) });
    });
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

const SECRET = 'TOP-SECRET-CONTENT';

let root: string;
let viewerDir: string;
let graphDir: string;
let server: ViewerServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-server-'));
  viewerDir = join(root, 'site', 'dist');
  graphDir = join(root, 'site', 'out');
  mkdirSync(join(viewerDir, 'assets'), { recursive: true });
  mkdirSync(graphDir, { recursive: true });
  writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(viewerDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(viewerDir, '.env'), SECRET);
  writeFileSync(join(graphDir, 'graph.json'), '{"nodes":[],"edges":[]}');
  writeFileSync(join(graphDir, 'documents.json'), '{"documents":[]}');
  writeFileSync(join(graphDir, 'notes.txt'), SECRET); // present in the graph folder but not allow-listed
  writeFileSync(join(graphDir, 'graph.json.bak'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET); // outside both served folders
  writeFileSync(join(root, 'site', 'secret.txt'), SECRET);
  server = await serveViewer({ graphDir, viewerDir, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serveViewer', () => {
  it('binds to 127.0.0.1 by default and reports its url', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('is not reachable on a non-loopback address of this machine', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!external) {
      console.warn('SKIPPED part of server.test.ts: no non-loopback IPv4 address to probe');
      return;
    }
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external, port: server.port });
      socket.setTimeout(3_000, () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });

  it('serves the viewer build and the graph files', async () => {
    const index = await rawRequest(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body).toContain('<title>viewer</title>');
    const withState = await rawRequest(server.port, '/?graph=./graph.json#sel=x');
    expect(withState.status).toBe(200);
    const asset = await rawRequest(server.port, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const graph = await rawRequest(server.port, '/graph.json');
    expect(graph.status).toBe(200);
    expect(graph.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(graph.body)).toEqual({ nodes: [], edges: [] });
    expect((await rawRequest(server.port, '/documents.json')).status).toBe(200);
  });

  it('serves a graph file rebuilt after start-up', async () => {
    writeFileSync(join(graphDir, 'events.csv'), 'id,date\nev1,2016-03-27\n');
    const csv = await rawRequest(server.port, '/events.csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('2016-03-27');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    writeFileSync(join(graphDir, 'graph.gexf'), '<gexf/>');
    expect((await rawRequest(server.port, '/graph.gexf')).headers['content-type']).toBe('application/xml; charset=utf-8');
    rmSync(join(graphDir, 'graph.gexf'));
  });

  it('serves a viewer rebuilt after start-up (new hashed asset names, new sizes)', async () => {
    writeFileSync(join(viewerDir, 'assets', 'app-new.js'), 'console.log("rebuilt viewer");');
    writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><title>viewer v2, longer than before</title><script type="module" src="./assets/app-new.js"></script>');
    const index = await rawRequest(server.port, '/');
    expect(index.body).toContain('viewer v2, longer than before');
    expect(Number(index.headers['content-length'])).toBe(Buffer.byteLength(index.body));
    expect((await rawRequest(server.port, '/assets/app-new.js')).body).toContain('rebuilt viewer');
    writeFileSync(join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title><script type="module" src="./assets/app.js"></script>');
  });

  it('sets the security headers on every response, errors included', async () => {
    for (const [target, method] of [['/', 'GET'], ['/graph.json', 'GET'], ['/missing', 'GET'], ['/', 'POST'], ['/../x', 'GET']] as const) {
      const res = await rawRequest(server.port, target, method);
      expect(res.headers['content-security-policy'], `${method} ${target}`).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('answers HEAD like GET without a body and refuses other methods with 405', async () => {
    const head = await rawRequest(server.port, '/graph.json', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE']) {
      const res = await rawRequest(server.port, '/graph.json', method);
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    }
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/../../etc/passwd',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2Fsecret.txt',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/%252e%252e%252fsecret.txt',
    '/%25252e%25252e/secret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/..%5c..%5cetc/passwd',
    '/graph.json%00.html',
    '/graph.json%00',
    '/%00/../secret.txt',
    '/.%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '//etc/passwd',
    '/%c0%ae%c0%ae/secret.txt', // overlong UTF-8 dots: malformed, refused
    '/.env',
    '/%2eenv',
  ])('refuses the traversal %s with 404 and leaks nothing', async (target) => {
    const res = await rawRequest(server.port, target);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
  });

  it('refuses a raw NUL byte in the path', async () => {
    const res = await rawRequest(server.port, '/graph.json\u0000.html');
    expect([400, 404]).toContain(res.status); // node's parser may reject it (400) before we see it
    expect(res.body).not.toContain(SECRET);
  });

  it('serves only the allow-listed names from the graph folder', async () => {
    for (const target of ['/notes.txt', '/graph.json.bak', '/out/graph.json', '/graph.gexf']) {
      const res = await rawRequest(server.port, target);
      expect(res.status, target).toBe(404);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('refuses a foreign Host header while bound to loopback (DNS rebinding)', async () => {
    expect((await rawRequest(server.port, '/graph.json', 'GET', 'evil.example')).status).toBe(403);
    expect((await rawRequest(server.port, '/graph.json', 'GET', `localhost:${server.port}`)).status).toBe(200);
    expect((await rawRequest(server.port, '/graph.json', 'GET', `[::1]:${server.port}`)).status).toBe(200);
  });

  it('works through an ordinary http client too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/graph.json' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
  });
});

describe('serveViewer logging', () => {
  it('logs one line per request, with control characters escaped', async () => {
    const lines: string[] = [];
    const logged = await serveViewer({ graphDir, viewerDir, port: 0, log: (line) => lines.push(line) });
    try {
      await rawRequest(logged.port, '/graph.json');
      await rawRequest(logged.port, '/%0a%1bfake', 'GET');
      await rawRequest(logged.port, '/', 'POST');
      await expect.poll(() => lines.length).toBe(3);
      expect(lines).toEqual(['GET /graph.json 200', 'GET /%0a%1bfake 404', 'POST / 405']);
    } finally {
      await logged.close();
    }
  });
});

describe('serveViewer start-up errors', () => {
  it('says to run npm run build when the viewer is not built', async () => {
    const empty = join(root, 'no-build');
    mkdirSync(empty, { recursive: true });
    const attempt = serveViewer({ graphDir, viewerDir: empty, port: 0 });
    await expect(attempt).rejects.toBeInstanceOf(ViewerError);
    await expect(attempt).rejects.toThrow(/npm run build/);
  });

  it('gives a clear error when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const busyPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const attempt = serveViewer({ graphDir, viewerDir, port: busyPort });
      await expect(attempt).rejects.toBeInstanceOf(ViewerError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${busyPort} .*already in use`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects an invalid port number', async () => {
    await expect(serveViewer({ graphDir, viewerDir, port: 70000 })).rejects.toThrow(/invalid port/);
  });

  it('requires a graph folder with graph.json', async () => {
    const noGraph = join(root, 'empty-out');
    mkdirSync(noGraph, { recursive: true });
    await expect(serveViewer({ graphDir: noGraph, viewerDir, port: 0 })).rejects.toThrow(/no graph\.json/);
    await expect(serveViewer({ graphDir: join(root, 'nope'), viewerDir, port: 0 })).rejects.toThrow(/no such folder/);
  });
});

describe('openGraphDir', () => {
  it('accepts the folder or its graph.json and rejects a plain file', () => {
    expect(openGraphDir(graphDir)).toBe(graphDir);
    expect(openGraphDir(join(graphDir, 'graph.json'))).toBe(graphDir);
    expect(() => openGraphDir(join(graphDir, 'notes.txt'))).toThrow(/not a folder/);
  });
});

describe('safePathname', () => {
  it('decodes ordinary paths once and refuses every dot segment', () => {
    expect(safePathname('/')).toBe('/');
    expect(safePathname('/assets/index-abc.js?v=1')).toBe('/assets/index-abc.js');
    expect(safePathname('/a%20b.json')).toBe('/a b.json');
    expect(safePathname('/%252e%252e/x')).toBeNull();
    expect(safePathname('/%2525252e')).toBeNull(); // too deep
    expect(safePathname('http://evil.example/graph.json')).toBeNull();
    expect(safePathname('*')).toBeNull();
  });
});

describe('serveViewer compression', () => {
  let dir: string;
  let big: ViewerServer;
  const graphText = JSON.stringify({ nodes: Array.from({ length: 3000 }, (_, i) => ({ key: `n${i}`, attributes: { label: `Node ${i}`, kind: 'actor' } })), edges: [] });

  /** GET with headers; the raw body bytes and headers. */
  function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path, headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-compress-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>viewer</title>');
    writeFileSync(join(dir, 'dist', 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
    writeFileSync(join(dir, 'out', 'graph.json'), graphText);
    big = await serveViewer({ graphDir: join(dir, 'out'), viewerDir: join(dir, 'dist'), port: 0 });
  });

  afterAll(async () => {
    await big?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks brotli, then gzip, from Accept-Encoding, honouring q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, deflate')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });

  it('serves graph.json and viewer assets compressed when asked, byte-identical once decoded', async () => {
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const graph = await get(big.port, '/graph.json', { 'Accept-Encoding': encoding });
      expect(graph.status).toBe(200);
      expect(graph.headers['content-encoding']).toBe(encoding);
      expect(graph.headers['vary']).toBe('Accept-Encoding');
      expect(graph.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(graph.headers['content-length'])).toBe(graph.body.length);
      expect(graph.body.length).toBeLessThan(graphText.length / 4);
      expect(decode(graph.body).toString('utf8')).toBe(graphText);
      const js = await get(big.port, '/assets/app.js', { 'Accept-Encoding': encoding });
      expect(js.headers['content-encoding']).toBe(encoding);
      expect(js.headers['content-type']).toMatch(/javascript/);
    }
    // no Accept-Encoding, or a range: the file as is
    const plain = await get(big.port, '/graph.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(graphText);
    const range = await get(big.port, '/graph.json', { 'Accept-Encoding': 'gzip', Range: 'bytes=0-9' });
    expect(range.headers['content-encoding']).toBeUndefined();
    // small files are not worth it
    expect((await get(big.port, '/', { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });

  it('revalidates with the ETag, answers HEAD without a body, and recompresses a rebuilt graph', async () => {
    const first = await get(big.port, '/graph.json', { 'Accept-Encoding': 'gzip' });
    const etag = String(first.headers['etag']);
    expect((await get(big.port, '/graph.json', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status).toBe(304);
    const head = await get(big.port, '/graph.json', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    const rebuilt = graphText.replace('Node 0"', 'Node zero, rebuilt"');
    writeFileSync(join(dir, 'out', 'graph.json'), rebuilt);
    const again = await get(big.port, '/graph.json', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(200);
    expect(gunzipSync(again.body).toString('utf8')).toBe(rebuilt);
  });
});

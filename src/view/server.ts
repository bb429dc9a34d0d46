/**
 * `newsgraph view`: a small local web server for the built viewer (viewer/dist) and one graph folder.
 *
 * Two sirv instances do the file serving; this module only decides which of them may see a
 * request: four allow-listed names go to the graph folder, everything else to the viewer build.
 * Any path that decodes, at any depth, to a "." or ".." segment (dotfiles included), a backslash
 * or a control character is refused before either sirv sees it, so no encoding trick reaches a
 * file outside those folders.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { COMPRESSIBLE, CompressionCache, pickEncoding, type Encoding } from './compress.js';
import { GRAPH_FILES, openGraphDir, ViewerError } from './open-graph-dir.js';

export { ViewerError } from './open-graph-dir.js';

export interface ServeViewerOptions {
  /** Folder holding graph.json (and optionally graph.gexf, documents.json, events.csv). */
  graphDir: string;
  /** The built viewer; default <package root>/viewer/dist. */
  viewerDir?: string;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 5173; 0 picks any free port. */
  port?: number;
  /** Receives one line per request ("GET /graph.json 200"). */
  log?: (line: string) => void;
}

export interface ViewerServer {
  /** e.g. "http://127.0.0.1:5173/" */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The same policy the viewer's index.html carries as a meta tag (see the viewer contract). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** src/view/ and dist/view/ are both two levels below the package root. */
const DEFAULT_VIEWER_DIR = fileURLToPath(new URL('../../viewer/dist/', import.meta.url));

const GRAPH_PATHS = new Set<string>(GRAPH_FILES.map((name) => `/${name}`));

/** sirv knows no type for .gexf; the others get an explicit charset. */
const GRAPH_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '/graph.json': 'application/json; charset=utf-8',
  '/documents.json': 'application/json; charset=utf-8',
  '/graph.gexf': 'application/xml; charset=utf-8',
  '/events.csv': 'text/csv; charset=utf-8',
};

/** Types of the viewer build's text files (sirv's own table is not reachable from here). */
const VIEWER_CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The viewer file sirv would answer a checked path with ("/" → index.html, "/bench" → bench.html). */
function viewerFile(viewerDir: string, pathname: string): string | null {
  const base = join(viewerDir, pathname);
  for (const candidate of pathname.endsWith('/') ? [join(base, 'index.html')] : [base, `${base}.html`, join(base, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * The request path, percent-decoded once, or null when it must not be served: not origin-form,
 * a backslash or control character, or a "."/".." segment in the raw path or in any of up to three
 * successive decodings ("%252e%252e" → "%2e%2e" → ".."). A path still holding "%" after one
 * decoding is refused too: none of the served files needs it, and sirv would decode it again.
 */
export function safePathname(rawUrl: string): string | null {
  if (!rawUrl.startsWith('/')) return null;
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  let decodedOnce: string | null = null;
  let current = rawPath;
  for (let depth = 0; ; depth++) {
    if (!isHarmlessPath(current)) return null;
    if (!current.includes('%')) break;
    if (depth === 3) return null;
    try {
      current = decodeURIComponent(current);
    } catch {
      return null; // malformed escape
    }
    decodedOnce ??= current;
  }
  const pathname = decodedOnce ?? rawPath;
  return pathname.includes('%') ? null : pathname;
}

function isHarmlessPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split('/').every((segment) => !segment.startsWith('.'));
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * When the server listens on loopback only, a page on another site can still reach it through DNS
 * rebinding (evil.example resolving to 127.0.0.1); its requests carry the foreign Host header.
 */
function hostHeaderAllowed(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const hostname = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  return hostname !== undefined && isLoopback(hostname);
}

function sendText(res: ServerResponse, status: number, body: string, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extraHeaders });
  res.end(`${body}\n`);
}

/** For log lines: the request target with control characters escaped, so a request can't forge log output. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 200);
}

/** Starts the server; resolves once it listens. Throws ViewerError for a bad folder, a missing build or a busy port. */
export async function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  const graphDir = openGraphDir(options.graphDir);
  const viewerDir = options.viewerDir ?? DEFAULT_VIEWER_DIR;
  if (!existsSync(join(viewerDir, 'index.html'))) {
    throw new ViewerError(
      `the viewer is not built (no ${join(viewerDir, 'index.html')}); run \`npm run build\` in the newsgraph folder first`,
    );
  }
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 5173;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new ViewerError(`invalid port ${String(requestedPort)}: give a whole number from 0 to 65535 (0 = any free port)`);
  }
  const log = options.log;
  const checkHost = isLoopback(host);

  // Both folders are read from disk on every request (sirv's dev mode): the graph may be rebuilt
  // while the viewer is open, and so may the viewer (`npm run build` renames its hashed assets);
  // a file list cached at start-up would then answer 404s and stale Content-Lengths.
  // Containment does not rest on sirv: safePathname has already refused every dot segment.
  const serveViewerFiles = sirv(viewerDir, { dev: true, etag: true, dotfiles: false, extensions: ['html'] });
  const serveGraphFiles = sirv(graphDir, { dev: true, etag: false, dotfiles: false, extensions: [] });
  const compressed = new CompressionCache();
  // The graph is what the first render waits for: compress it for the usual encodings while the
  // browser is still fetching the page and its scripts (both run in zlib's thread pool).
  for (const encoding of ['gzip', 'br'] as const) void compressed.get(join(graphDir, 'graph.json'), encoding).catch(() => undefined);

  /**
   * Answers with the compressed file when the client accepts an encoding and the file is worth
   * it; calls `fallback` (sirv, uncompressed) otherwise. Range requests always go to sirv.
   */
  const sendCompressed = (req: IncomingMessage, res: ServerResponse, file: string | null, contentType: string | undefined, fallback: () => void): void => {
    const encoding: Encoding | null = req.headers.range ? null : pickEncoding(req.headers['accept-encoding']);
    if (!file || !encoding || !contentType || !COMPRESSIBLE.test(file)) {
      fallback();
      return;
    }
    compressed.get(file, encoding).then(
      (result) => {
        if (!result) return fallback();
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('ETag', result.etag);
        // revalidate every time: the graph or the viewer may be rebuilt while the page is open
        res.setHeader('Cache-Control', 'no-cache');
        if (req.headers['if-none-match'] === result.etag) {
          res.writeHead(304);
          res.end();
          return;
        }
        res.writeHead(200, { 'Content-Type': contentType, 'Content-Encoding': encoding, 'Content-Length': String(result.body.length) });
        res.end(req.method === 'HEAD' ? undefined : result.body);
      },
      () => fallback(),
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const rawUrl = req.url ?? '';
    if (log) res.on('finish', () => log(`${req.method ?? '?'} ${printable(rawUrl)} ${res.statusCode}`));

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    if (checkHost && !hostHeaderAllowed(req.headers.host)) {
      sendText(res, 403, 'Forbidden: this server only answers requests addressed to localhost');
      return;
    }
    const pathname = safePathname(rawUrl);
    if (pathname === null) {
      sendText(res, 404, 'Not Found');
      return;
    }
    const notFound = (): void => sendText(res, 404, 'Not Found');
    // sirv re-parses req.url: hand it the checked path, never the raw one.
    if (GRAPH_PATHS.has(pathname)) {
      req.url = pathname;
      const contentType = GRAPH_CONTENT_TYPES[pathname];
      sendCompressed(req, res, join(graphDir, pathname), contentType, () => {
        if (contentType) res.setHeader('Content-Type', contentType); // sirv keeps a preset type
        serveGraphFiles(req, res, notFound);
      });
    } else {
      req.url = pathname;
      const file = viewerFile(viewerDir, pathname);
      const extension = file?.slice(file.lastIndexOf('.') + 1).toLowerCase() ?? '';
      sendCompressed(req, res, file, VIEWER_CONTENT_TYPES[extension], () => serveViewerFiles(req, res, notFound));
    }
  };

  const server = createServer(handle);
  // Keep-alive sockets from a browser would otherwise hold close() open.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      rejectListen(listenError(error, host, requestedPort));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolveListen();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port: requestedPort });
  });

  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : requestedPort;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ViewerError(
        `port ${port} on ${host} is already in use (another newsgraph view?); choose another with --port <n>, or --port 0 for any free port`,
      );
    case 'EACCES':
      return new ViewerError(`not allowed to listen on port ${port} (ports below 1024 need privileges); choose another with --port <n>`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ViewerError(`cannot listen on host ${host}: no such local address; try --host 127.0.0.1`);
    default:
      return new ViewerError(`cannot listen on ${host}:${port}: ${error.message}`);
  }
}

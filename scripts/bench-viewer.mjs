#!/usr/bin/env node
// Large-graph viewer benchmark: opens viewer/dist/bench.html?nodes=N&edges=M in headless Chromium
// (Debian's chromium through playwright-core) and reads the figures the page leaves in
// window.__benchResult ({ firstRenderMs, frames: { mean, p95, max }, ... }).
//
//   node scripts/bench-viewer.mjs [--nodes 20000] [--edges 100000] [--json]
//
// `runViewerBench()` is exported for `npm run bench`. The page is served by sirv with the same
// Content-Security-Policy as `newsgraph view`, so a bench that only works without it fails here.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

const REPO = fileURLToPath(new URL('../', import.meta.url));

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";


/** Serves `dir` on 127.0.0.1 on any free port. */
async function serveStatic(dir) {
  // dev mode reads from disk per request: a `npm run build` during a run renames the hashed assets
  const files = sirv(dir, { dev: true, etag: false });
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    files(req, res, () => res.writeHead(404).end('Not Found\n'));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

/**
 * Runs the bench page once and returns its figures plus what was measured on.
 * @param {{ nodes?: number, edges?: number, viewerDir?: string, chromiumPath?: string, timeoutMs?: number }} [options]
 * @returns {Promise<{ nodes: number, edges: number, firstRenderMs: number, frames: { mean: number, p95: number, max: number }, browser: string, [key: string]: unknown }>}
 */
export async function runViewerBench(options = {}) {
  const nodes = options.nodes ?? 20_000;
  const edges = options.edges ?? 100_000;
  const viewerDir = options.viewerDir ?? join(REPO, 'viewer', 'dist');
  const chromiumPath = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const timeoutMs = options.timeoutMs ?? 180_000;
  if (!existsSync(join(viewerDir, 'bench.html'))) {
    throw new Error(`no ${join(viewerDir, 'bench.html')}: run \`npm run build\` first`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`);
  }
  const server = await serveStatic(viewerDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const loadBefore = loadavg()[0];
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const errors = [];
    let failEarly;
    const failed = new Promise((_resolve, reject) => (failEarly = reject));
    failed.catch(() => undefined);
    const problem = (text) => {
      errors.push(text);
      failEarly(new Error(`bench page error: ${text}`));
    };
    page.on('pageerror', (error) => problem(String(error)));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      if (/\/favicon\.ico$/.test(where)) return; // Chromium's own request, not the page's
      problem(where ? `${message.text()} (${where})` : message.text());
    });
    await page.goto(`${server.url}bench.html?nodes=${nodes}&edges=${edges}`);
    const done = page
      .waitForFunction(() => window.__benchResult != null || window.__benchError != null, undefined, { timeout: timeoutMs, polling: 250 })
      .catch(() => {
        throw new Error(`bench page gave no result within ${timeoutMs / 1000} s`);
      });
    done.catch(() => undefined); // the race reports it; don't let the loser go unhandled
    await Promise.race([done, failed]);
    const { result, failure } = await page.evaluate(() => ({ result: window.__benchResult ?? null, failure: window.__benchError ?? null }));
    if (failure != null || result == null) throw new Error(`bench page failed: ${String(failure)}${errors.length ? `; ${errors.join(' | ')}` : ''}`);
    if (errors.length > 0) throw new Error(`bench page logged errors: ${errors.join(' | ')}`);
    // Software WebGL shares the CPUs with everything else: the load says how much to trust the figures.
    const host = { cpus: availableParallelism(), loadAverage1mBefore: Math.round(loadBefore * 100) / 100, loadAverage1mAfter: Math.round(loadavg()[0] * 100) / 100 };
    return { nodes, edges, ...result, browser: `Chromium ${browser.version()} headless (--disable-gpu: software WebGL)`, host };
  } finally {
    await browser.close();
    await server.close();
  }
}

const round = (value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value);

/** One readable line per figure. */
export function formatViewerBench(result) {
  const frames = result.frames ?? {};
  return [
    `viewer bench: ${result.nodes} nodes, ${result.edges} edges, ${result.browser}`,
    `  first render  ${round(result.firstRenderMs)} ms`,
    `  frames        mean ${round(frames.mean)} ms, p95 ${round(frames.p95)} ms, max ${round(frames.max)} ms${frames.count != null ? ` (${frames.count} frames)` : ''}`,
    ...Object.entries(result)
      .filter(([key]) => !['nodes', 'edges', 'browser', 'firstRenderMs', 'frames'].includes(key))
      .map(([key, value]) => `  ${key.padEnd(13)} ${typeof value === 'object' ? JSON.stringify(value) : round(value)}`),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const valueOf = (flag) => {
    const i = args.indexOf(flag);
    return i === -1 ? undefined : Number(args[i + 1]);
  };
  try {
    const result = await runViewerBench({ nodes: valueOf('--nodes'), edges: valueOf('--edges') });
    process.stdout.write(`${args.includes('--json') ? JSON.stringify(result, null, 2) : formatViewerBench(result)}\n`);
  } catch (error) {
    process.stderr.write(`bench-viewer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

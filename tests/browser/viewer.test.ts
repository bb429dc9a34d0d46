/**
 * The built viewer (viewer/dist) in headless Chromium, served by `newsgraph view`'s server, checked
 * through the DOM hooks and `window.__newsgraph` of the viewer contract.
 *
 * The graph is the real `newsgraph build` of data/corpus/palmyra when that works and holds what
 * these checks need (Palmyra with its alias Tadmur, Damascus and Aleppo with coordinates, an event
 * before 2016 and one in 2016-2017); otherwise a fixture graph in the same format. The suite says
 * which one it used. NEWSGRAPH_TEST_FIXTURE_GRAPH=1 forces the fixture.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../src/view/server.js';
import { hostileGraph, HOSTILE_STRINGS, samplePalmyraGraph, writeGraphFolder } from '../fixtures/sample-graph.js';
import { chromiumAvailable, launchBrowser, measureImage, openWatchedPage, waitForViewerReady, warnIfNoChromium, type WatchedPage } from '../helpers/browser.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** NEWSGRAPH_VIEWER_DIST tests another build of the viewer (e.g. one made with vite --outDir). */
const VIEWER_DIST = process.env.NEWSGRAPH_VIEWER_DIST ?? join(REPO, 'viewer', 'dist');
const viewerBuilt = existsSync(join(VIEWER_DIST, 'index.html'));

warnIfNoChromium('tests/browser/viewer.test.ts');
if (!viewerBuilt) console.warn(`SKIPPED tests/browser/viewer.test.ts: the viewer is not built (no ${VIEWER_DIST}/index.html); run \`npm run build\``);

// ───────────────────────────── the graph under test ─────────────────────────────

interface SerializedNode {
  key: string;
  attributes?: Record<string, unknown>;
}

/** The keys the checks need, found by label/kind/date in graph.json (never assumed). */
interface SampleKeys {
  palmyra: string;
  damascus: string;
  aleppo: string;
  events: string[];
  /** An event that ends before 2016-01-01: ghosted by the range 2016-01-01..2017-12-31. */
  eventBefore2016: string;
  /** An event inside 2016-01-01..2017-12-31: stays visible. */
  eventIn2016To2017: string;
  /** Its first and last day (ISO). */
  inRangeStart: string;
  inRangeEnd: string;
}

function findSampleKeys(graphDir: string): { keys?: SampleKeys; missing: string[] } {
  const nodes = (JSON.parse(readFileSync(join(graphDir, 'graph.json'), 'utf8')) as { nodes: SerializedNode[] }).nodes;
  const attrs = (n: SerializedNode): Record<string, unknown> => n.attributes ?? {};
  const place = (label: string): SerializedNode | undefined =>
    nodes.find((n) => attrs(n).kind === 'place' && attrs(n).label === label && typeof attrs(n).lat === 'number' && typeof attrs(n).lon === 'number');
  const missing: string[] = [];
  const palmyra = place('Palmyra');
  if (!palmyra) missing.push('place "Palmyra" with lat/lon');
  else {
    if (!(attrs(palmyra).aliases as string[] | undefined)?.includes('Tadmur')) missing.push('alias "Tadmur" on Palmyra');
    if (!((attrs(palmyra).evidence as unknown[] | undefined)?.length ?? 0)) missing.push('evidence on Palmyra');
  }
  const damascus = place('Damascus');
  const aleppo = place('Aleppo');
  if (!damascus) missing.push('place "Damascus" with lat/lon');
  if (!aleppo) missing.push('place "Aleppo" with lat/lon');
  const events = nodes.filter((n) => attrs(n).kind === 'event');
  const startOf = (n: SerializedNode): string => String(attrs(n).start ?? attrs(n).date ?? '');
  const endOf = (n: SerializedNode): string => String(attrs(n).end ?? attrs(n).dateEnd ?? attrs(n).start ?? attrs(n).date ?? '');
  const before = events.find((n) => startOf(n) !== '' && endOf(n) < '2016-01-01');
  const inside = events.find((n) => startOf(n) >= '2016-01-01' && endOf(n) !== '' && endOf(n) <= '2017-12-31');
  if (!before) missing.push('an event dated before 2016');
  if (!inside) missing.push('an event dated 2016-2017');
  if (!existsSync(join(graphDir, 'documents.json'))) missing.push('documents.json');
  if (missing.length > 0 || !palmyra || !damascus || !aleppo || !before || !inside) return { missing };
  return {
    missing,
    keys: { palmyra: palmyra.key, damascus: damascus.key, aleppo: aleppo.key, events: events.map((n) => n.key), eventBefore2016: before.key, eventIn2016To2017: inside.key, inRangeStart: startOf(inside), inRangeEnd: endOf(inside) },
  };
}

/** Runs `newsgraph build` on the sample corpus; resolves with its exit status and stderr. */
function buildSampleCorpus(outDir: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'newsgraph.js'), 'build', join(REPO, 'data', 'corpus', 'palmyra'), '-o', outDir], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, stderr: String(error) });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

/** Prefers the real build of the sample corpus; falls back to the fixture with the reason. */
async function prepareSampleGraph(workDir: string): Promise<{ dir: string; keys: SampleKeys; source: string }> {
  const realDir = join(workDir, 'real');
  const forced = !!process.env.NEWSGRAPH_TEST_FIXTURE_GRAPH;
  const build = forced ? { status: null, stderr: '' } : await buildSampleCorpus(realDir);
  let reason: string;
  if (forced) {
    reason = 'NEWSGRAPH_TEST_FIXTURE_GRAPH is set';
  } else if (build.status === 0 && existsSync(join(realDir, 'graph.json'))) {
    const found = findSampleKeys(realDir);
    if (found.keys) return { dir: realDir, keys: found.keys, source: 'the real build of data/corpus/palmyra' };
    reason = `the real build lacks ${found.missing.join(', ')}`;
  } else {
    const lines = build.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
    const said = (lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '').slice(0, 300);
    reason = `\`newsgraph build\` failed (exit ${String(build.status)}${said ? `: ${said}` : ''})`;
  }
  const fixtureDir = writeGraphFolder(join(workDir, 'fixture'), samplePalmyraGraph());
  const found = findSampleKeys(fixtureDir);
  if (!found.keys) throw new Error(`fixture graph incomplete: ${found.missing.join(', ')}`);
  return { dir: fixtureDir, keys: found.keys, source: `the fixture graph (tests/fixtures/sample-graph.ts) because ${reason}` };
}

// ───────────────────────────── page-side probes ─────────────────────────────

interface NodeView {
  hidden: boolean;
  label: string | null;
  color: string;
  size: number;
  attrColor: string;
  attrSize: number;
  /** Screen position (CSS pixels in #graph). */
  vx: number;
  vy: number;
  /** Sigma's framed-graph coordinates (layout, independent of the camera). */
  fx: number;
  fy: number;
}

/** Sigma's reducer output for some nodes (display data), with screen positions. */
async function nodeViews(page: Page, keys: string[]): Promise<Record<string, NodeView>> {
  return page.evaluate((wanted) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = (window as any).__newsgraph.sigma;
    const graph = sigma.getGraph();
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const data = sigma.getNodeDisplayData(key);
      if (!data) continue;
      const attrs = graph.getNodeAttributes(key);
      const screen = sigma.framedGraphToViewport(data);
      out[key] = { hidden: !!data.hidden, label: data.label ?? null, color: data.color, size: data.size, attrColor: attrs.color, attrSize: attrs.size, vx: screen.x, vy: screen.y, fx: data.x, fy: data.y };
    }
    return out;
  }, keys) as Promise<Record<string, NodeView>>;
}

/** Waits until `predicate` holds for the nodes' views (they change over a frame or an animation). */
async function waitForViews(page: Page, keys: string[], predicate: (views: Record<string, NodeView>) => boolean, what: string, timeout = 15_000): Promise<Record<string, NodeView>> {
  const deadline = Date.now() + timeout;
  let views = await nodeViews(page, keys);
  while (!predicate(views)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last views: ${JSON.stringify(views)}`);
    await page.waitForTimeout(50); // polling interval for a condition, not a fixed wait
    views = await nodeViews(page, keys);
  }
  return views;
}

/** True for a grey: all three channels within a small spread (ghosts are grey; kinds and types are colours). */
function isGrey(color: string): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!match) return false;
  const channels = match.slice(1, 4).map((hex) => parseInt(hex, 16));
  return Math.max(...channels) - Math.min(...channels) <= 24;
}

/** A node outside the time range is hidden or drawn as a ghost: grey and without label (contract). */
function isGhost(view: NodeView | undefined): boolean {
  return !!view && (view.hidden || (!view.label && isGrey(view.color)));
}

function isShownNormally(view: NodeView | undefined): boolean {
  return !!view && !view.hidden && !!view.label && !isGrey(view.color);
}

function damascusSouthWestOfAleppo(views: Record<string, NodeView>, keys: SampleKeys): boolean {
  const damascus = views[keys.damascus];
  const aleppo = views[keys.aleppo];
  const palmyra = views[keys.palmyra];
  return !!damascus && !!aleppo && !!palmyra && damascus.vx < aleppo.vx && damascus.vy > aleppo.vy && palmyra.vx > damascus.vx && palmyra.vy > aleppo.vy;
}

/**
 * Sets #time-from / #time-to as a user would. A date input takes the ISO date; a range input is
 * moved (binary search over its steps) to the first step whose data-date is ≥ `iso` (from) or the
 * last step ≤ `iso` (to), reading the data-date the viewer exposes.
 */
async function setTimeInput(page: Page, selector: '#time-from' | '#time-to', iso: string): Promise<void> {
  await page.evaluate(
    ({ selector, iso }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      const fire = (): void => {
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      if (input.type === 'range') {
        const min = Number(input.min || 0);
        const max = Number(input.max || 100);
        const step = Number(input.step) > 0 ? Number(input.step) : 1;
        const dateAt = (value: number): string => {
          input.value = String(value);
          fire();
          return input.dataset.date ?? input.getAttribute('data-date') ?? '';
        };
        // Search only between the other thumb and the end, so no probe drags the other thumb along.
        const other = document.querySelector<HTMLInputElement>(selector === '#time-from' ? '#time-to' : '#time-from');
        const otherStep = other ? Math.round((Number(other.value) - min) / step) : null;
        let lo = selector === '#time-to' && otherStep !== null ? otherStep : 0;
        let hi = selector === '#time-from' && otherStep !== null ? otherStep : Math.round((max - min) / step);
        if (selector === '#time-from') {
          while (lo < hi) {
            const mid = Math.floor((lo + hi) / 2);
            if (dateAt(min + mid * step) >= iso) hi = mid;
            else lo = mid + 1;
          }
        } else {
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (dateAt(min + mid * step) <= iso) lo = mid;
            else hi = mid - 1;
          }
        }
        input.value = String(min + lo * step);
      } else {
        input.value = iso;
      }
      fire();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, iso },
  );
}

async function timeInputDate(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => {
    const input = el as HTMLInputElement;
    return input.type === 'range' ? (input.dataset.date ?? '') : input.value || (input.dataset.date ?? '');
  });
}

/**
 * The inputs show the chosen range, or its clamp to the data's extent (range sliders end where the
 * data ends): from within 2016-01-01..the in-range event's start, to within its end..2017-12-31.
 */
async function expectTimeInputsAround2016To2017(page: Page, keys: SampleKeys): Promise<void> {
  const from = await timeInputDate(page, '#time-from');
  const to = await timeInputDate(page, '#time-to');
  expect(from >= '2016-01-01' && from <= keys.inRangeStart, `#time-from shows ${from}`).toBe(true);
  expect(to >= keys.inRangeEnd.slice(0, 10) && to <= '2017-12-31', `#time-to shows ${to}`).toBe(true);
}

async function statusCounts(page: Page): Promise<{ nodes: number; edges: number; text: string }> {
  const text = (await page.textContent('#status')) ?? '';
  const match = /(\d[\d,]*)\s+nodes?\D+(\d[\d,]*)\s+edges?/i.exec(text);
  return { nodes: Number(match?.[1]?.replace(/,/g, '') ?? NaN), edges: Number(match?.[2]?.replace(/,/g, '') ?? NaN), text };
}

async function searchAndPick(page: Page, query: string): Promise<string> {
  await page.fill('#search', query);
  const option = page.locator('#search-results [role=option]').first();
  await option.waitFor({ state: 'visible' });
  const picked = (await option.getAttribute('data-node')) ?? '';
  await page.press('#search', 'Enter');
  return picked;
}

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
function poll<T>(read: () => T | Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

/**
 * Moves the combobox's active option to `key` with ArrowDown, then Enter. (A click on a suggestion
 * is also supported by the viewer, but under heavy load a late blur timer can close the list
 * between Playwright's visibility check and its click.)
 */
async function pickActiveSuggestion(page: Page, key: string): Promise<void> {
  const activeKey = (): Promise<string | null> =>
    page.evaluate(() => {
      const id = document.getElementById('search')?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.getAttribute('data-node') ?? null) : null;
    });
  for (let presses = 0; presses < 12 && (await activeKey()) !== key; presses++) await page.press('#search', 'ArrowDown');
  expect(await activeKey()).toBe(key);
  await page.press('#search', 'Enter');
}

function expectNoProblems(watched: WatchedPage): void {
  expect(watched.problems.consoleErrors, 'console errors').toEqual([]);
  expect(watched.problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(watched.problems.dialogs, 'dialogs').toEqual([]);
  expect(watched.problems.navigations, 'navigations away from the page').toEqual([]);
  expect(watched.problems.popups, 'popups').toEqual([]);
}

// ───────────────────────────── the suite ─────────────────────────────

describe.skipIf(!chromiumAvailable || !viewerBuilt)('viewer in Chromium', () => {
  let workDir: string;
  let sample: { dir: string; keys: SampleKeys; source: string };
  let server: ViewerServer;
  let hostileServer: ViewerServer;
  let browser: Browser;
  const opened: WatchedPage[] = [];

  async function open(url: string): Promise<WatchedPage> {
    const watched = await openWatchedPage(browser, url);
    opened.push(watched);
    return watched;
  }

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'newsgraph-browser-'));
    const hostileDir = writeGraphFolder(join(workDir, 'hostile'), hostileGraph());
    // the build takes a while: launch the browser meanwhile
    [sample, hostileServer, browser] = await Promise.all([
      prepareSampleGraph(workDir),
      serveViewer({ graphDir: hostileDir, viewerDir: VIEWER_DIST, port: 0 }),
      launchBrowser(),
    ]);
    console.info(`viewer browser tests use ${sample.source}`);
    server = await serveViewer({ graphDir: sample.dir, viewerDir: VIEWER_DIST, port: 0 });
  });

  afterEach(async () => {
    // a page left open keeps a WebGL context and its timers busy
    for (const watched of opened.splice(0)) await watched.context.close().catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await hostileServer?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('draws the graph: the canvas is not blank and nothing is logged as an error', async () => {
    const watched = await open(server.url);
    await waitForViewerReady(watched.page);
    const png = await watched.page.locator('#graph').screenshot();
    const image = await measureImage(browser, png);
    expect(image.width).toBeGreaterThan(100);
    expect(image.distinctColours, 'distinct colours in #graph').toBeGreaterThanOrEqual(6);
    expect(image.luminanceStdDev, 'luminance spread in #graph').toBeGreaterThan(2);
    const status = await statusCounts(watched.page);
    expect(status.nodes, status.text).toBeGreaterThan(0);
    expectNoProblems(watched);
  });

  it('finds Palmyra by its alias Tadmur, shows its evidence and opens the article at the sentence', async () => {
    const { page, ...rest } = await open(server.url);
    await waitForViewerReady(page);
    const picked = await searchAndPick(page, 'Tadmur');
    expect(picked).toBe(sample.keys.palmyra);
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    await poll(() => page.textContent('#panel [data-field=kind]')).toMatch(/place/i);
    const evidence = page.locator('#panel .evidence li');
    await evidence.first().waitFor();
    const evidenceTexts = await evidence.allTextContents();
    const known = (JSON.parse(readFileSync(join(sample.dir, 'graph.json'), 'utf8')) as { nodes: SerializedNode[] }).nodes
      .find((n) => n.key === sample.keys.palmyra)?.attributes?.evidence as { text: string }[];
    const firstSentence = known[0]?.text ?? '';
    expect(evidenceTexts.some((t) => t.includes(firstSentence)), `evidence list ${JSON.stringify(evidenceTexts.slice(0, 3))}`).toBe(true);
    // the selection is in the URL
    await poll(() => decodeURIComponent(page.url())).toContain(`sel=${sample.keys.palmyra}`);
    // the article opens with the sentence highlighted
    const firstItem = evidence.filter({ hasText: firstSentence }).first();
    await firstItem.locator('a.open-article').click();
    await page.locator('#article').waitFor({ state: 'visible' });
    await poll(() => page.locator('#article mark').first().textContent()).toContain(firstSentence.slice(0, 40));
    expectNoProblems({ page, ...rest });
  });

  it('hides event nodes with the legend toggle and shows them again', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const keys = sample.keys;
    const before = await statusCounts(page);
    const toggle = page.locator('#legend button[data-kind=event]');
    await poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await waitForViews(page, keys.events, (views) => keys.events.every((k) => views[k]?.hidden === true), 'every event node hidden');
    const others = await nodeViews(page, [keys.palmyra, keys.damascus]);
    expect(others[keys.palmyra]?.hidden).toBe(false);
    await poll(async () => (await statusCounts(page)).nodes).toBe(before.nodes - keys.events.length);
    const listed = await page.locator('#node-list [role=option][data-node]').evaluateAll((items) => items.map((i) => i.getAttribute('data-node')));
    expect(listed).toContain(keys.palmyra);
    expect(listed.filter((k) => k !== null && keys.events.includes(k))).toEqual([]);
    await poll(() => decodeURIComponent(page.url())).toMatch(/hide=[^&]*kind:event/);
    await toggle.click();
    await waitForViews(page, keys.events, (views) => keys.events.every((k) => views[k]?.hidden === false), 'event nodes shown again');
    await poll(async () => (await statusCounts(page)).nodes).toBe(before.nodes);
    expectNoProblems(watched);
  });

  it('ghosts events outside the time range 2016-01-01..2017-12-31', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const { eventBefore2016, eventIn2016To2017 } = sample.keys;
    const initial = await nodeViews(page, [eventBefore2016, eventIn2016To2017]);
    expect(isShownNormally(initial[eventBefore2016]), 'the 2015 event is drawn normally before filtering').toBe(true);
    await setTimeInput(page, '#time-to', '2017-12-31');
    await setTimeInput(page, '#time-from', '2016-01-01');
    await waitForViews(page, [eventBefore2016, eventIn2016To2017], (v) => isGhost(v[eventBefore2016]) && isShownNormally(v[eventIn2016To2017]), 'the 2015 event ghosted, the 2016-2017 one shown');
    await expectTimeInputsAround2016To2017(page, sample.keys);
    await poll(() => decodeURIComponent(page.url())).toMatch(/from=2016-01/);
    expectNoProblems(watched);
  });

  it('map mode puts Damascus south-west of Aleppo on screen, and toggling back restores the layout', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const keys = sample.keys;
    const placeKeys = [keys.palmyra, keys.damascus, keys.aleppo];
    const graphLayout = await nodeViews(page, placeKeys);
    if (sample.source.startsWith('the fixture')) {
      // the fixture's graph layout is the mirror image of the map, so the check below means something
      expect(damascusSouthWestOfAleppo(graphLayout, keys)).toBe(false);
    }
    await page.click('#map-toggle');
    await waitForViews(page, placeKeys, (v) => damascusSouthWestOfAleppo(v, keys), 'Damascus south-west of Aleppo (and Palmyra east of Damascus, south of Aleppo)');
    await poll(() => decodeURIComponent(page.url())).toMatch(/map=1/);
    await page.click('#map-toggle');
    await waitForViews(
      page,
      placeKeys,
      (v) => placeKeys.every((k) => Math.abs((v[k]?.fx ?? NaN) - (graphLayout[k]?.fx ?? NaN)) < 1e-3 && Math.abs((v[k]?.fy ?? NaN) - (graphLayout[k]?.fy ?? NaN)) < 1e-3),
      'the graph layout restored',
    );
    expectNoProblems(watched);
  });

  it('restores selection, map mode, time range and hidden kinds from the URL', async () => {
    const keys = sample.keys;
    const state = `#sel=${encodeURIComponent(keys.palmyra)}&from=2016-01-01&to=2017-12-31&map=1`;
    const watched = await open(`${server.url}${state}`);
    const { page } = watched;
    await waitForViewerReady(page);
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    await waitForViews(page, [keys.palmyra, keys.damascus, keys.aleppo], (v) => damascusSouthWestOfAleppo(v, keys), 'map mode restored');
    // a selection shows its neighbourhood only: the time range is checked on the whole graph
    await page.click('#panel .panel-close');
    await waitForViews(page, [keys.eventBefore2016, keys.eventIn2016To2017], (v) => isGhost(v[keys.eventBefore2016]) && isShownNormally(v[keys.eventIn2016To2017]), 'time range restored');
    await expectTimeInputsAround2016To2017(page, keys);
    expect(await searchAndPick(page, 'Palmyra')).toBe(keys.palmyra);
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');

    // round trip: state changed in the page is written to the URL and restored by loading that URL
    await page.click('#legend button[data-kind=event]');
    await poll(() => decodeURIComponent(page.url())).toMatch(/hide=[^&]*kind:event/);
    const again = await open(page.url());
    await waitForViewerReady(again.page);
    await poll(() => again.page.getAttribute('#legend button[data-kind=event]', 'aria-pressed')).toBe('false');
    await waitForViews(again.page, keys.events, (v) => keys.events.every((k) => v[k]?.hidden === true), 'events hidden after reload');
    await poll(() => again.page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    expectNoProblems(watched);
    expectNoProblems(again);
  });

  it('filters by document and minimum mentions, and exports the filtered graph as GEXF and PNG', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const all = await statusCounts(page);
    const graph = JSON.parse(readFileSync(join(sample.dir, 'graph.json'), 'utf8')) as { nodes: SerializedNode[] };
    // the document mentioned by the fewest nodes: choosing it must hide the others
    const perDocument = new Map<string, number>();
    for (const n of graph.nodes) for (const d of (n.attributes?.documents as string[] | undefined) ?? []) perDocument.set(d, (perDocument.get(d) ?? 0) + 1);
    const [document] = [...perDocument.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0] ?? [];
    expect(document).toBeDefined();
    await page.selectOption('#filter-document', document!);
    await poll(async () => (await statusCounts(page)).nodes).toBeLessThan(all.nodes);
    const outside = graph.nodes.find((n) => !((n.attributes?.documents as string[] | undefined) ?? []).includes(document!));
    if (outside) await waitForViews(page, [outside.key], (v) => v[outside.key]?.hidden === true, `a node outside ${document} hidden`);
    await poll(() => decodeURIComponent(page.url())).toContain(`doc=${document}`);
    // the legend's counts follow the filter: "shown / total"
    await poll(() => page.locator('#legend button[data-kind] .count').allTextContents()).toContainEqual(expect.stringMatching(/^\d+ \/ \d+$/));

    // the GEXF export holds the filtered graph only
    const shown = (await statusCounts(page)).nodes;
    const [gexfDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const gexf = readFileSync((await gexfDownload.path())!, 'utf8');
    expect(gexf).toContain('<gexf');
    expect((gexf.match(/<node /g) ?? []).length).toBe(shown);
    // written by the pipeline's own writer: the timeline and typed columns of graph.gexf
    expect(gexf).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timezone="UTC">');
    expect(gexf).toContain('<attribute id="mentions" title="mentions" type="integer"/>');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // a title band above the graph and a legend beside it, naming what is drawn; labels whole
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const layout = await page.evaluate(() => (window as any).__newsgraph.lastExport);
    const image = await measureImage(browser, png);
    const dpr = await page.evaluate(() => window.devicePixelRatio || 1);
    expect(image.width).toBe(Math.round(layout.width * dpr));
    expect(image.height).toBe(Math.round(layout.height * dpr));
    expect(layout.graph.y).toBeGreaterThan(30);
    expect(layout.legend.x).toBe(layout.graph.width);
    expect(layout.title).toMatch(/nodes/);
    expect(layout.subtitle).toContain(`document: `);
    const drawnTypes = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sigma = (window as any).__newsgraph.sigma;
      const out = new Set<string>();
      sigma.getGraph().forEachNode((k: string, a: { type: string; kind: string }) => {
        if (!sigma.getNodeDisplayData(k).hidden) out.add(`${a.type || '(untyped)'} (${a.kind})`);
      });
      return [...out];
    });
    expect(drawnTypes.length).toBeGreaterThan(0);
    for (const t of drawnTypes) expect(layout.legendRows).toContain(t);
    expect(layout.labels.length).toBeGreaterThan(0);
    for (const l of layout.labels) {
      expect(l.left >= 0 && l.top >= 0 && l.left + l.width <= layout.graph.width && l.top + l.height <= layout.graph.height, `label ${l.label} cut`).toBe(true);
    }

    await page.selectOption('#filter-document', '');
    await poll(async () => (await statusCounts(page)).nodes).toBe(all.nodes);
    await page.fill('#filter-min-mentions', '1000000');
    await page.dispatchEvent('#filter-min-mentions', 'change');
    await poll(async () => (await statusCounts(page)).nodes).toBeLessThan(all.nodes);
    expectNoProblems(watched);
  });

  it('names documents by date and title in the document filter and under each evidence sentence', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const documents = (JSON.parse(readFileSync(join(sample.dir, 'documents.json'), 'utf8')) as { documents: { id: string; title: string; date?: string }[] }).documents;
    const byId = new Map(documents.map((d) => [d.id, d]));
    const nameOf = (id: string): string => [byId.get(id)!.date, byId.get(id)!.title].filter(Boolean).join(' · ');
    const options = (): Promise<{ value: string; text: string }[]> =>
      page.locator('#filter-document option').evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })).filter((o) => o.value !== ''));
    await poll(async () => (await options()).every((o) => o.text.startsWith(nameOf(o.value)))).toBe(true);
    const listed = await options();
    expect(listed.length).toBeGreaterThan(0);
    // in date order
    const dates = listed.map((o) => byId.get(o.value)!.date ?? '');
    expect([...dates].sort()).toEqual(dates);
    // the evidence under a node names its article too
    await searchAndPick(page, 'Palmyra');
    await poll(() => page.locator('#panel .evidence .doc').count()).toBeGreaterThan(0);
    const docs = await page.locator('#panel .evidence .doc').evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset.doc!, text: e.textContent ?? '' })));
    for (const d of docs) expect(d.text).toBe(nameOf(d.id));
    expectNoProblems(watched);
  });

  it('folds the filters column and the details panel away, giving their room to the graph', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const graphWidth = (): Promise<number> => page.evaluate(() => (window as any).__newsgraph.sigma.getDimensions().width);
    const before = await graphWidth();
    for (const [button, column] of [['#toggle-sidebar', '#sidebar'], ['#toggle-panel', '#panel']] as const) {
      const width = await graphWidth();
      const columnWidth = (await page.locator(column).boundingBox())!.width;
      await page.click(button);
      await page.locator(column).waitFor({ state: 'hidden' });
      expect(await page.getAttribute(button, 'aria-expanded')).toBe('false');
      // sigma's canvas follows on its next frame
      await poll(graphWidth).toBeGreaterThanOrEqual(width + columnWidth - 2);
    }
    await page.click('#toggle-sidebar');
    await page.click('#toggle-panel');
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    await page.locator('#panel').waitFor({ state: 'visible' });
    await poll(graphWidth).toBe(before);
    expect(await page.getAttribute('#toggle-panel', 'aria-expanded')).toBe('true');
    expectNoProblems(watched);
  });

  it('lets the keyboard filter the node list, move through it and select a node', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const options = page.locator('#node-list [role=option][data-node]');
    await page.fill('#node-list-filter', 'Palmyra');
    await poll(async () => (await options.evaluateAll((items) => items.map((i) => i.getAttribute('data-node')))).includes(sample.keys.palmyra)).toBe(true);
    for (const text of await options.allTextContents()) expect(text.toLowerCase()).toContain('palmyra');
    await page.fill('#node-list-filter', '');
    await page.focus('#node-list');
    await page.keyboard.press('Home');
    const activeKey = (): Promise<string | null> =>
      page.evaluate(() => {
        const list = document.getElementById('node-list');
        const id = list?.getAttribute('aria-activedescendant');
        return id ? (document.getElementById(id)?.getAttribute('data-node') ?? null) : null;
      });
    const first = await activeKey();
    expect(first).not.toBeNull();
    await page.keyboard.press('ArrowDown');
    await poll(activeKey).not.toBe(first);
    const second = await activeKey();
    await page.keyboard.press('Enter');
    const label = await page.evaluate((key) => (window as unknown as { __newsgraph: { sigma: { getGraph(): { getNodeAttribute(k: string, a: string): string } } } }).__newsgraph.sigma.getGraph().getNodeAttribute(key, 'label'), second!);
    await poll(() => page.textContent('#panel [data-field=label]')).toBe(label);
    expectNoProblems(watched);
  });

  it('makes a history entry per selection: Back restores the previous one; the panel starts at the top; closing clears search and status', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    const keys = sample.keys;
    expect(await searchAndPick(page, 'Palmyra')).toBe(keys.palmyra);
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    // scroll the panel down, then pick another node: its details start at the top
    await page.evaluate(() => {
      const panel = document.getElementById('panel')!;
      panel.scrollTop = panel.scrollHeight;
    });
    const neighbour = page.locator('#panel .neighbours button[data-node]').first();
    const neighbourLabel = ((await neighbour.textContent()) ?? '').trim();
    const neighbourKey = (await neighbour.getAttribute('data-node'))!;
    await neighbour.click();
    await poll(() => decodeURIComponent(page.url())).toContain(`sel=${neighbourKey}`);
    expect(await page.evaluate(() => document.getElementById('panel')!.scrollTop)).toBe(0);
    // Back: the previous selection again; Back once more: none
    await page.evaluate(() => history.back());
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    await page.evaluate(() => history.back());
    await poll(() => page.locator('#panel .placeholder').count()).toBe(1);
    await page.evaluate(() => history.forward());
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    expect(neighbourLabel.length).toBeGreaterThan(0);
    // closing the details clears the search box and the "Selected …" notice
    await page.click('#panel .panel-close');
    await poll(() => page.inputValue('#search')).toBe('');
    expect((await page.textContent('#status')) ?? '').not.toContain('Selected');
    expectNoProblems(watched);
  });

  it('has skip links, zoom buttons, keyboard pan and zoom, an edge key, and returns focus after closing an article', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    // the first Tab reaches the skip link; it moves focus to the node list
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the node list');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('node-list');
    expect(page.url()).not.toContain('#node-list');

    const camera = (): Promise<{ x: number; y: number; ratio: number }> =>
      page.evaluate(() => (window as unknown as { __newsgraph: { sigma: { getCamera(): { getState(): { x: number; y: number; ratio: number } } } } }).__newsgraph.sigma.getCamera().getState());
    const start = await camera();
    await page.click('#zoom-in');
    await poll(async () => (await camera()).ratio).toBeLessThan(start.ratio * 0.8);
    await page.focus('#graph');
    await page.keyboard.press('-');
    await poll(async () => (await camera()).ratio).toBeGreaterThan(start.ratio * 0.9);
    const before = await camera();
    await page.keyboard.press('ArrowRight');
    await poll(async () => (await camera()).x).toBeGreaterThan(before.x);
    await page.keyboard.press('ArrowUp');
    await poll(async () => (await camera()).y).toBeGreaterThan(before.y);
    await page.keyboard.press('0');
    await poll(async () => {
      const c = await camera();
      return Math.abs(c.ratio - 1) < 1e-3 && Math.abs(c.x - 0.5) < 1e-3;
    }).toBe(true);

    // the edge key lists every relation; its counts of drawn edges ("drawn / total") add up to the edges drawn
    const status = await statusCounts(page);
    const rows = await page.locator('#edge-legend button[data-relation]').evaluateAll((items) => items.map((i) => Number(i.querySelector('.count')?.textContent?.split(' / ')[0]?.replace(/,/g, ''))));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(status.edges);

    // open an article from the panel, close it with Escape: focus is back on the link
    await searchAndPick(page, 'Palmyra');
    const link = page.locator('#panel .evidence a.open-article').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.locator('#article').waitFor({ state: 'visible' });
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('article-close');
    await page.keyboard.press('Escape');
    await page.locator('#article').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('open-article'))).toBe(true);
    expectNoProblems(watched);
  });

  it('keeps the suggestions open when the search box is left and re-entered within the blur delay', async () => {
    const watched = await open(server.url);
    const { page } = watched;
    await waitForViewerReady(page);
    // Leave the box and come back at once (clicking an evidence link, Escape, typing again does
    // this): the close scheduled by the blur must not fire on the list now in use.
    const after = await page.evaluate(async () => {
      const input = document.getElementById('search') as HTMLInputElement;
      input.focus();
      input.value = 'Palmyra';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur();
      input.focus();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      // a timer set after the blur's (same or longer delay) runs after it: no guessing at timing
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { expanded: input.getAttribute('aria-expanded'), active: input.getAttribute('aria-activedescendant'), listHidden: document.getElementById('search-results')!.hidden };
    });
    expect(after).toEqual({ expanded: 'true', active: 'search-option-0', listHidden: false });
    await page.press('#search', 'Enter');
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    expectNoProblems(watched);
  });

  it('shows hostile labels, evidence and urls as literal text: no markup, no dialog, no navigation', async () => {
    const watched = await open(hostileServer.url);
    const { page } = watched;
    await waitForViewerReady(page);

    // the autocomplete shows the label as text
    await page.fill('#search', 'img src');
    const option = page.locator('#search-results [role=option]').first();
    await option.waitFor({ state: 'visible' });
    expect(await option.textContent()).toContain(HOSTILE_STRINGS.imgLabel);
    await page.press('#search', 'Enter');
    await poll(() => page.textContent('#panel [data-field=label]')).toBe(HOSTILE_STRINGS.imgLabel);
    const evidence = page.locator('#panel .evidence li');
    await evidence.first().waitFor();
    expect((await evidence.allTextContents()).some((t) => t.includes(HOSTILE_STRINGS.evidence))).toBe(true);

    // the article: title, text and (refused) javascript: url
    await evidence.filter({ hasText: HOSTILE_STRINGS.evidence }).first().locator('a.open-article').click();
    await page.locator('#article').waitFor({ state: 'visible' });
    await poll(() => page.textContent('#article')).toContain(HOSTILE_STRINGS.scriptLabel);
    await poll(() => page.locator('#article mark').first().textContent()).toContain(HOSTILE_STRINGS.evidence);

    // try every link in the article: none may run script or leave the page
    for (const link of await page.locator('#article a').all()) await link.click({ timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Escape');
    await page.locator('#article').waitFor({ state: 'hidden' });

    // the other hostile nodes, picked from the suggestions with the arrow keys
    for (const [key, label] of [['place:script', HOSTILE_STRINGS.scriptLabel], ['event:js', HOSTILE_STRINGS.javascriptUrl]] as const) {
      await page.fill('#search', 'script');
      const suggestion = page.locator(`#search-results [role=option][data-node="${key}"]`);
      await suggestion.waitFor({ state: 'attached' });
      expect(await suggestion.textContent()).toContain(label);
      await pickActiveSuggestion(page, key);
      await poll(() => page.textContent('#panel [data-field=label]')).toBe(label);
    }

    const dom = await page.evaluate(() => ({
      injectedElements: document.querySelectorAll('img[src="x"], iframe, svg[onload], [onerror], [onload], [onclick]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => (a as HTMLAnchorElement).protocol === 'javascript:').length,
      unsafeBlankLinks: [...document.querySelectorAll('a[target=_blank]')].filter((a) => !/noopener/.test(a.getAttribute('rel') ?? '') || !/noreferrer/.test(a.getAttribute('rel') ?? '')).length,
    }));
    expect(dom).toEqual({ injectedElements: 0, inlineScripts: 0, javascriptLinks: 0, unsafeBlankLinks: 0 });
    expectNoProblems(watched);

    // a javascript: graph url is never loaded
    const viaParam = await open(`${hostileServer.url}?graph=${encodeURIComponent(HOSTILE_STRINGS.javascriptUrl)}`);
    // no DOM hook tells "refused to load": give it a bounded moment to (not) do anything
    await viaParam.page
      .waitForFunction(() => (window as unknown as { __newsgraph?: { ready?: boolean } }).__newsgraph?.ready === true, undefined, { timeout: 2_000 })
      .catch(() => undefined);
    expect(viaParam.problems.dialogs).toEqual([]);
    expect(viaParam.problems.navigations).toEqual([]);
  });
});

/**
 * The viewer at corpus scale (issue 19): the FA-KES build (≈5,800 nodes, 12,800 edges) in headless
 * Chromium. FA-KES is built once for the suite from ../shared; without ../shared the suite is
 * skipped with a note.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveViewer, type ViewerServer } from '../../src/view/server.js';
import { chromiumAvailable, launchBrowser, openWatchedPage, waitForViewerReady, warnIfNoChromium, type WatchedPage } from '../helpers/browser.js';
import { hasShared, noteSkip, sharedPath } from '../helpers/shared.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const VIEWER_DIST = process.env.NEWSGRAPH_VIEWER_DIST ?? join(REPO, 'viewer', 'dist');
const FAKES = sharedPath('corpus/fakes/FA-KES-Dataset.csv');
const ready = chromiumAvailable && existsSync(join(VIEWER_DIST, 'index.html')) && hasShared && existsSync(FAKES);

warnIfNoChromium('tests/browser/corpus.test.ts');
noteSkip('tests/browser/corpus.test.ts (the viewer on FA-KES)');

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'newsgraph.js'), 'build', FAKES, '-o', outDir, '-q', '--no-progress'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`newsgraph build FA-KES exited ${String(status)}: ${stderr.slice(-500)}`))));
  });
}

interface Drawn {
  nodes: string[];
  /** Drawn nodes inside the viewport. */
  inside: number;
  width: number;
  height: number;
}

/** The nodes sigma draws (not hidden after the reducers), and how many are on screen. */
function drawnNodes(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = (window as any).__newsgraph.sigma;
    const { width, height } = sigma.getDimensions();
    const nodes: string[] = [];
    let inside = 0;
    sigma.getGraph().forEachNode((key: string) => {
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      nodes.push(key);
      const v = sigma.framedGraphToViewport(d);
      if (v.x >= 0 && v.x <= width && v.y >= 0 && v.y <= height) inside++;
    });
    return { nodes, inside, width, height };
  });
}

interface ShownNode {
  key: string;
  kind: string;
  type: string;
  modality: string | null;
  community: number;
  importance: number;
  mentions: number;
  /** Display size (sigma's, before the camera). */
  size: number;
}

/** The nodes drawn and not faded out by the time range (ghosts are drawn in GHOST_NODE grey, core/legend.ts). */
function shownNodes(page: Page): Promise<ShownNode[]> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const sigma = (window as any).__newsgraph.sigma;
    const out: ShownNode[] = [];
    sigma.getGraph().forEachNode((key: string, a: Record<string, unknown>) => {
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.hidden || d.color === '#eceef1') return;
      out.push({ key, kind: a.kind as string, type: a.type as string, modality: (a.modality as string) ?? null, community: a.community as number, importance: a.importance as number, mentions: a.mentions as number, size: d.size });
    });
    return out;
  });
}

interface Box {
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

function labelBoxes(page: Page): Promise<Box[]> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return page.evaluate(() => (window as any).__newsgraph.labels().map((b: Box) => ({ key: b.key, left: b.left, top: b.top, width: b.width, height: b.height })));
}

const overlap = (a: Box, b: Box): boolean => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

function poll<T>(read: () => T | Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 20_000, interval: 50 });
}

describe.skipIf(!ready)('viewer on FA-KES', () => {
  let workDir: string;
  let server: ViewerServer;
  let browser: Browser;
  let graph: { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { source: string; target: string }[] };
  const opened: WatchedPage[] = [];

  async function open(hash = ''): Promise<Page> {
    const watched = await openWatchedPage(browser, `${server.url}${hash}`);
    opened.push(watched);
    await waitForViewerReady(watched.page, 60_000);
    return watched.page;
  }

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'newsgraph-corpus-'));
    // NEWSGRAPH_TEST_FAKES_OUT: a folder already holding `newsgraph build` of FA-KES (saves the build)
    const prebuilt = process.env.NEWSGRAPH_TEST_FAKES_OUT;
    const out = prebuilt ?? join(workDir, 'fakes');
    [, browser] = await Promise.all([prebuilt ? Promise.resolve() : build(out), launchBrowser()]);
    graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    server = await serveViewer({ graphDir: out, viewerDir: VIEWER_DIST, port: 0 });
  }, 300_000);

  afterEach(async () => {
    for (const watched of opened.splice(0)) {
      expect(watched.problems.pageErrors, 'uncaught page errors').toEqual([]);
      expect(watched.problems.consoleErrors, 'console errors').toEqual([]);
      await watched.context.close().catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('opens on a legible overview: the most important nodes up to the budget, no unconnected ones, labels that never overlap', async () => {
    const page = await open();
    const degree = new Map<string, number>();
    for (const e of graph.edges) if (e.source !== e.target) for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) ?? 0) + 1);
    const drawn = await drawnNodes(page);
    expect(drawn.nodes.length).toBeGreaterThan(100);
    expect(drawn.nodes.length).toBeLessThanOrEqual(400);
    expect(drawn.nodes.filter((k) => !degree.get(k)), 'unconnected nodes drawn').toEqual([]);
    // the most important node of the corpus is in
    const top = [...graph.nodes].sort((a, b) => Number(b.attributes.importance) - Number(a.attributes.importance))[0]!;
    expect(drawn.nodes).toContain(top.key);
    const note = (await page.textContent('#overview-note')) ?? '';
    expect(note).toMatch(new RegExp(`${drawn.nodes.length} of ${graph.nodes.length.toLocaleString('en')} nodes shown`));

    const labels = await labelBoxes(page);
    expect(labels.length, 'labels drawn').toBeGreaterThanOrEqual(20);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!, labels[j]!), `${labels[i]!.key} / ${labels[j]!.key}`).toBe(false);
    // labels go to the most important drawn nodes first
    expect(labels.map((l) => l.key)).toContain(top.key);

    await page.click('#show-more');
    await poll(async () => (await drawnNodes(page)).nodes.length).toBeGreaterThan(drawn.nodes.length);
    await poll(() => page.url()).toMatch(/top=600/);
    await page.check('#show-unconnected');
    await poll(async () => (await drawnNodes(page)).nodes.some((k) => !degree.get(k))).toBe(true);
  });

  it('focuses a selection: its neighbourhood only, framed inside the viewport', async () => {
    const page = await open();
    const palmyra = graph.nodes.find((n) => n.attributes.label === 'Palmyra' && n.attributes.kind === 'place')!;
    const expected = new Set([palmyra.key]);
    for (const e of graph.edges) {
      if (e.source === palmyra.key) expected.add(e.target);
      if (e.target === palmyra.key) expected.add(e.source);
    }
    await page.fill('#search', 'Palmyra');
    await page.press('#search', 'Enter');
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    await poll(async () => [...(await drawnNodes(page)).nodes].sort()).toEqual([...expected].sort());
    // the camera animation ends with every neighbour on screen
    await poll(async () => {
      const d = await drawnNodes(page);
      return d.inside === d.nodes.length;
    }).toBe(true);
    const labels = await labelBoxes(page);
    expect(labels.map((l) => l.key)).toContain(palmyra.key);
    // the evidence is a sample of the mentions: the heading says of how many
    const evidence = (palmyra.attributes.evidence as unknown[]).length;
    const mentions = Number(palmyra.attributes.mentions);
    expect(mentions).toBeGreaterThan(evidence);
    expect(await page.textContent('#panel [data-field=evidence-count]')).toBe(`Evidence (${evidence} of ${mentions} mentions)`);
    // closing the details brings the overview back
    await page.click('#panel .panel-close');
    await poll(async () => (await drawnNodes(page)).nodes.length).toBeGreaterThan(expected.size);

    // a click on the canvas frames the clicked node's neighbourhood too (zoomed in first, so
    // that its neighbours are not all on screen anyway)
    // Sigma picks the node under the mouse from its last frame: wait for the frame with this camera,
    // once the animation back to the overview that closing the details started is over (it would
    // move the camera away from this state before the click).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await poll(() => page.evaluate(() => (window as any).__newsgraph.sigma.getCamera().isAnimated())).toBe(false);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const sigma = (window as any).__newsgraph.sigma;
          sigma.once('afterRender', () => resolve());
          sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.25, angle: 0 });
        }),
    );
    const target = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sigma = (window as any).__newsgraph.sigma;
      const graph = sigma.getGraph();
      const { width, height } = sigma.getDimensions();
      let best: { key: string; x: number; y: number } | null = null;
      graph.forEachNode((key: string) => {
        const d = sigma.getNodeDisplayData(key);
        const degree = graph.degree(key);
        if (best || d.hidden || degree < 15 || degree > 60) return;
        const v = sigma.framedGraphToViewport(d);
        if (v.x > 40 && v.x < width - 40 && v.y > 40 && v.y < height - 40) best = { key, x: v.x, y: v.y };
      });
      return best as { key: string; x: number; y: number } | null;
    });
    expect(target).not.toBeNull();
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    await poll(() => page.locator('#panel [data-field=label]').count()).toBe(1);
    await poll(async () => {
      const d = await drawnNodes(page);
      return d.nodes.length > 1 && d.inside === d.nodes.length;
    }).toBe(true);
  });

  it('reaches the neighbours of neighbours when asked, most important first within the budget', async () => {
    const page = await open('#depth=2');
    const palmyra = graph.nodes.find((n) => n.attributes.label === 'Palmyra' && n.attributes.kind === 'place')!;
    const adjacent = (keys: Set<string>): Set<string> => {
      const out = new Set(keys);
      for (const e of graph.edges) {
        if (keys.has(e.source)) out.add(e.target);
        if (keys.has(e.target)) out.add(e.source);
      }
      return out;
    };
    const ring1 = adjacent(new Set([palmyra.key]));
    const ring2 = adjacent(ring1);
    expect(await page.isChecked('#depth-2')).toBe(true);
    await page.fill('#search', 'Palmyra');
    await page.press('#search', 'Enter');
    await poll(() => page.textContent('#panel [data-field=label]')).toBe('Palmyra');
    await poll(async () => (await drawnNodes(page)).nodes.length).toBeGreaterThan(ring1.size);
    const drawn = await drawnNodes(page);
    expect(drawn.nodes.length).toBeLessThanOrEqual(Math.max(300, ring1.size));
    expect([...ring1].filter((k) => !drawn.nodes.includes(k)), 'depth-1 neighbours left out').toEqual([]);
    expect(drawn.nodes.filter((k) => !ring2.has(k)), 'nodes beyond two steps').toEqual([]);
    expect(await page.textContent('#overview-note')).toMatch(/^Palmyra and [\d,]+ nodes within two steps shown/);
    await poll(async () => {
      const d = await drawnNodes(page);
      return d.inside === d.nodes.length;
    }).toBe(true);
    // back to depth 1
    await page.uncheck('#depth-2');
    await poll(async () => [...(await drawnNodes(page)).nodes].sort()).toEqual([...ring1].sort());
    await poll(() => page.url()).not.toMatch(/depth=2/);
  });

  it('hovers without a sigma refresh: the rest fades under a veil, only the neighbourhood keeps labels', async () => {
    const page = await open();
    // a drawn node well inside the viewport with a few drawn neighbours, and a drawn non-neighbour
    const pick = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sigma = (window as any).__newsgraph.sigma;
      const graph = sigma.getGraph();
      const { width, height } = sigma.getDimensions();
      const screen = (k: string): { x: number; y: number } | null => {
        const d = sigma.getNodeDisplayData(k);
        return d && !d.hidden ? sigma.framedGraphToViewport(d) : null;
      };
      let best: { key: string; x: number; y: number; neighbours: string[] } | null = null;
      const drawn: Array<{ key: string; x: number; y: number }> = [];
      graph.forEachNode((key: string) => {
        const p = screen(key);
        if (p) drawn.push({ key, ...p });
      });
      // (the mouse must land on this node alone: no other drawn node within a disc's reach)
      const alone = (key: string, p: { x: number; y: number }): boolean => drawn.every((o) => o.key === key || Math.hypot(o.x - p.x, o.y - p.y) > 16);
      graph.forEachNode((key: string) => {
        const p = screen(key);
        if (best || !p || p.x < 60 || p.x > width - 60 || p.y < 60 || p.y > height - 60 || !alone(key, p)) return;
        const neighbours = graph.neighbors(key).filter((n: string) => screen(n) !== null);
        if (neighbours.length >= 3 && neighbours.length <= 40) best = { key, x: p.x, y: p.y, neighbours };
      });
      if (!best) return null;
      const b = best as { key: string; x: number; y: number; neighbours: string[] };
      // a drawn node that is not a neighbour, clear of the neighbourhood's discs and edges
      const ends = b.neighbours.map((n) => screen(n)!);
      const clear = (p: { x: number; y: number }): boolean =>
        Math.hypot(p.x - b.x, p.y - b.y) > 20 &&
        ends.every((e) => {
          const dx = e.x - b.x, dy = e.y - b.y;
          const t = Math.max(0, Math.min(1, ((p.x - b.x) * dx + (p.y - b.y) * dy) / Math.max(1e-9, dx * dx + dy * dy)));
          return Math.hypot(e.x - p.x, e.y - p.y) > 20 && Math.hypot(b.x + t * dx - p.x, b.y + t * dy - p.y) > 6;
        });
      let other: { key: string; x: number; y: number } | null = null;
      graph.forEachNode((key: string) => {
        const p = screen(key);
        if (other || !p || key === b.key || b.neighbours.includes(key) || p.x < 5 || p.x > width - 5 || p.y < 5 || p.y > height - 5) return;
        if (clear(p)) other = { key, x: p.x, y: p.y };
      });
      return { ...b, other: other as { key: string; x: number; y: number } | null };
    });
    expect(pick).not.toBeNull();
    expect(pick!.other).not.toBeNull();
    // count sigma's reprocessing from here on (a full refresh reduces and reindexes every node and edge)
    await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const w = window as any;
      w.__processed = 0;
      w.__newsgraph.sigma.on('afterProcess', () => w.__processed++);
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + pick!.x, box.y + pick!.y);
    const focus = new Set([pick!.key, ...pick!.neighbours]);
    await poll(async () => {
      const labels = await labelBoxes(page);
      return labels.length > 0 && labels.some((l) => l.key === pick!.key) && labels.every((l) => focus.has(l.key));
    }).toBe(true);
    const pixel = (x: number, y: number): Promise<number[]> =>
      page.evaluate(
        ({ x, y }) => {
          const canvas = document.querySelector<HTMLCanvasElement>('#graph canvas.sigma-ngHover')!;
          const r = canvas.width / parseFloat(canvas.style.width); // device pixels per CSS pixel
          return [...canvas.getContext('2d')!.getImageData(Math.round(x * r), Math.round(y * r), 1, 1).data];
        },
        { x, y },
      );
    // the non-neighbour lies under the white veil; the hovered node is drawn again, opaque, on top
    const veil = await pixel(pick!.other!.x, pick!.other!.y);
    expect(veil.slice(0, 3)).toEqual([255, 255, 255]);
    expect(veil[3]).toBeGreaterThan(180);
    expect(veil[3]).toBeLessThan(255);
    const hovered = await pixel(pick!.x, pick!.y);
    expect(hovered[3]).toBe(255);
    expect(hovered.slice(0, 3)).not.toEqual([255, 255, 255]);
    // leaving the node clears the veil (and takes the layer out of the page) and brings the overview's labels back
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await poll(() => page.evaluate(() => getComputedStyle(document.querySelector('#graph canvas.sigma-ngHover')!).display)).toBe('none');
    expect((await pixel(pick!.other!.x, pick!.other!.y))[3]).toBe(0);
    await poll(async () => (await labelBoxes(page)).some((l) => !focus.has(l.key))).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(await page.evaluate(() => (window as any).__processed), 'sigma reprocessed the graph for a hover').toBe(0);
  });

  it('legend counts follow the budget, the time range and the filters; hiding a kind marks its types hidden', async () => {
    const page = await open();
    const expectCountsMatch = async (): Promise<void> => {
      // every kind and type button counts the nodes shown now (drawn, not faded), "N / total"
      await poll(async () => {
        const [shown, buttons] = await Promise.all([
          shownNodes(page),
          page.locator('#legend button[data-count-key]').evaluateAll((els) =>
            els.map((b) => {
              const count = b.querySelector<HTMLElement>('.count')!;
              return [(b as HTMLElement).dataset.countKey!, count.textContent!, b.getAttribute('aria-pressed') === 'false', count.dataset.total!] as const;
            }),
          ),
        ]);
        const want = new Map<string, number>();
        for (const n of shown) for (const k of [`kind:${n.kind}`, `kind:${n.kind}/type:${n.type}`, ...(n.modality ? [`mod:${n.modality}`] : [])]) want.set(k, (want.get(k) ?? 0) + 1);
        // a hidden entry shows its total alone, not "0 / total"
        const wrong = buttons.filter(([k, text, hidden, total]) =>
          hidden ? text.replace(/,/g, '') !== total : Number(text.split(' / ')[0]!.replace(/,/g, '')) !== (want.get(k) ?? 0),
        );
        return wrong.length === 0 ? 'ok' : JSON.stringify(wrong.slice(0, 5));
      }).toBe('ok');
    };
    const before = await shownNodes(page);
    expect(before.length).toBeLessThanOrEqual(400); // the budget
    await expectCountsMatch();
    expect(await page.textContent('#legend button[data-kind=actor] .count')).toMatch(/^\d+ \/ [\d,]+$/);

    // a time range fades events outside it: the counts follow
    await page.evaluate(() => {
      const input = document.getElementById('time-from') as HTMLInputElement;
      input.value = String(Math.round(Number(input.max) * 0.6));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await poll(() => page.textContent('#status')).toMatch(/faded outside the time range/);
    expect((await shownNodes(page)).length).toBeLessThan(before.length);
    await expectCountsMatch();

    // hiding Actor marks all its types hidden; turning one type back on shows Actor with that type alone
    await page.click('#legend button[data-kind=actor]');
    await poll(() => page.locator('#legend button[data-parent-kind=actor][aria-pressed=true]').count()).toBe(0);
    expect(await page.locator('#legend button[data-parent-kind=actor][data-hidden-by=kind]').count()).toBeGreaterThanOrEqual(5);
    expect((await shownNodes(page)).filter((n) => n.kind === 'actor')).toEqual([]);
    await expectCountsMatch();
    await page.click('#legend button[data-parent-kind=actor][data-type=person]');
    await poll(() => page.getAttribute('#legend button[data-kind=actor]', 'aria-pressed')).toBe('true');
    expect(await page.locator('#legend button[data-parent-kind=actor][aria-pressed=true]').evaluateAll((els) => els.map((b) => (b as HTMLElement).dataset.type))).toEqual(['person']);
    await poll(async () => new Set((await shownNodes(page)).filter((n) => n.kind === 'actor').map((n) => n.type))).toEqual(new Set(['person']));
    await expectCountsMatch();
    // the state is in the URL
    await poll(() => page.url()).toMatch(/hide=[^&]*type:organization/);
  });

  it('filters by edge relation, event modality, importance and community, and sizes nodes by mentions', async () => {
    const page = await open('#top=all');
    const drawnEdgeRelations = (): Promise<string[]> =>
      page.evaluate(() => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const sigma = (window as any).__newsgraph.sigma;
        const out = new Set<string>();
        sigma.getGraph().forEachEdge((e: string, a: { relation: string }) => {
          if (!sigma.getEdgeDisplayData(e).hidden) out.add(a.relation);
        });
        return [...out];
      });
    expect(await drawnEdgeRelations()).toContain('source');
    await page.click('#edge-legend button[data-relation=source]');
    await poll(drawnEdgeRelations).not.toContain('source');
    expect(await drawnEdgeRelations()).toContain('location');
    expect(await page.getAttribute('#edge-legend button[data-relation=source]', 'aria-pressed')).toBe('false');
    // a hidden entry shows its total alone, not "0 / total"
    expect(await page.textContent('#edge-legend button[data-relation=source] .count')).toMatch(/^[\d,]+$/);
    await poll(() => page.url()).toMatch(/rel:source/);

    expect((await shownNodes(page)).some((n) => n.modality === 'claimed')).toBe(true);
    await page.click('#legend button[data-modality=claimed]');
    await poll(async () => (await shownNodes(page)).filter((n) => n.modality === 'claimed').length).toBe(0);
    expect((await shownNodes(page)).some((n) => n.modality === 'asserted')).toBe(true);
    await poll(() => page.url()).toMatch(/mod:claimed/);
    await page.click('#legend button[data-modality=claimed]');

    // importance: the slider keeps the top share of the graph's nodes
    const importances = graph.nodes.map((n) => Number(n.attributes.importance)).sort((a, b) => b - a);
    await page.locator('#filter-importance').fill('50');
    const threshold = importances[Math.ceil(importances.length / 2) - 1]!;
    await poll(async () => {
      const shown = await shownNodes(page);
      return shown.length > 0 && shown.every((n) => n.importance >= threshold);
    }).toBe(true);
    expect(await page.textContent('#importance-note')).toBe(`The 50% most important (${importances.filter((v) => v >= threshold).length.toLocaleString('en')} nodes)`);
    await poll(() => page.url()).toMatch(/imp=50/);
    await page.locator('#filter-importance').fill('0');
    await poll(async () => (await shownNodes(page)).some((n) => n.importance < threshold)).toBe(true);

    // size by mentions: radii grow with mentions
    await page.selectOption('#size-by', 'mentions');
    await poll(async () => {
      const shown = (await shownNodes(page)).sort((a, b) => a.mentions - b.mentions);
      return shown.every((n, i) => i === 0 || n.mentions === shown[i - 1]!.mentions || n.size >= shown[i - 1]!.size);
    }).toBe(true);
    await poll(() => page.url()).toMatch(/size=mentions/);

    // community: colour by it, then hide the largest one
    await page.selectOption('#color-by', 'community');
    const first = page.locator('#community-key button[data-community]').first();
    const community = Number(await first.getAttribute('data-community'));
    expect((await shownNodes(page)).some((n) => n.community === community)).toBe(true);
    await first.click();
    await poll(async () => (await shownNodes(page)).filter((n) => n.community === community).length).toBe(0);
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    await poll(() => page.url()).toMatch(new RegExp(`com:${community}`));
  });

  it('colours nodes by community, with a key naming the largest ones', async () => {
    const page = await open('#color=community');
    const key = page.locator('#community-key li');
    await poll(() => key.count()).toBeGreaterThanOrEqual(5);
    const colours = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sigma = (window as any).__newsgraph.sigma;
      const byCommunity: Record<string, string[]> = {};
      sigma.getGraph().forEachNode((k: string, a: { community: number }) => {
        if (sigma.getNodeDisplayData(k).hidden) return; // only what is drawn has a colour to check
        const c = String(a.community);
        (byCommunity[c] ??= []).push(sigma.getNodeDisplayData(k).color);
      });
      return byCommunity;
    });
    // one colour a community, and the largest communities differ
    for (const list of Object.values(colours)) expect(new Set(list).size).toBe(1);
    const largest = Object.values(colours).sort((a, b) => b.length - a.length).slice(0, 5).map((l) => l[0]);
    expect(new Set(largest).size).toBe(5);
  });

  it('fits the timeline to the news: axis from the 2nd percentile, an "earlier" bucket, spaced year labels, live counts, fast range drags', async () => {
    const page = await open();
    const starts = graph.nodes
      .filter((n) => n.attributes.kind === 'event' && typeof (n.attributes.start ?? n.attributes.date) === 'string')
      .map((n) => String(n.attributes.start ?? n.attributes.date).slice(0, 10))
      .sort();
    const p2 = starts[Math.floor(0.02 * (starts.length - 1))]!;
    const minDate = (await page.getAttribute('#timeline', 'data-min-date')) ?? '';
    expect(minDate > starts[0]!, `axis starts ${minDate}, first event ${starts[0]}`).toBe(true);
    expect(minDate <= p2 && minDate >= `${p2.slice(0, 7)}-01`, `axis starts ${minDate}, 2nd percentile ${p2}`).toBe(true);
    const earlier = starts.filter((d) => d < minDate).length;
    expect(await page.textContent('#time-earlier')).toBe(`${earlier} earlier`);

    const ticks = JSON.parse((await page.getAttribute('#timeline-chart', 'data-ticks')) ?? '[]') as { year: number; x: number }[];
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x, `${ticks[i - 1]!.year} → ${ticks[i]!.year}`).toBeGreaterThanOrEqual(30);

    // dragging the from-thumb: each step applied and drawn quickly (JS handler; and up to the next frame, logged).
    // A step re-reduces only what changed: sigma never reprocesses (reindexes) the graph for it,
    // and with nothing hovered or selected sigma's hover layers stay out of the page (one WebGL
    // layer less to read back at each frame under software compositing).
    const hoverLayers = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const canvases = (window as any).__newsgraph.sigma.getCanvases();
      return ['hovers', 'hoverNodes', 'labels', 'edgeLabels'].map((id) => getComputedStyle(canvases[id]).display);
    });
    expect(hoverLayers).toEqual(['none', 'none', 'none', 'none']);
    const steps = await page.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const w = window as any;
      w.__processed = 0;
      w.__newsgraph.sigma.on('afterProcess', () => w.__processed++);
      const input = document.getElementById('time-from') as HTMLInputElement;
      const max = Number(input.max);
      const handler: number[] = [];
      const frame: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        input.value = String(Math.round(max * (0.3 + i * 0.02)));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        handler.push(performance.now() - t0);
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        frame.push(performance.now() - t0);
      }
      return { handler, frame, processed: w.__processed as number };
    });
    expect(steps.processed, 'sigma reprocessed the graph during a range drag').toBe(0);
    const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    console.info(`FA-KES range drag: handler median ${median(steps.handler).toFixed(1)} ms, to next frame median ${median(steps.frame).toFixed(1)} ms (max ${Math.max(...steps.frame).toFixed(1)})`);
    expect(median(steps.handler)).toBeLessThan(50);

    // playback: the status counts follow the window
    await page.evaluate(() => {
      const input = document.getElementById('time-from') as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('#play');
    const seen = new Set<string>();
    await poll(async () => {
      seen.add((await page.textContent('#status')) ?? '');
      return seen.size;
    }).toBeGreaterThanOrEqual(4);
    await page.click('#play');
  });

  it('map mode draws no edge to nodes without a place on the map and lists them aside', async () => {
    const page = await open();
    await page.click('#map-toggle');
    const summary = page.locator('#unmapped summary');
    await poll(() => summary.textContent()).toMatch(/^Not on the map \(\d[\d,]*\)$/);
    const count = Number(((await summary.textContent()) ?? '').replace(/\D/g, ''));
    expect(count).toBeGreaterThan(50);
    const listed = await page.locator('#unmapped li button[data-node]').evaluateAll((items) => items.map((i) => i.getAttribute('data-node')!));
    expect(listed.length).toBe(Math.min(200, count));
    const drawn = new Set((await drawnNodes(page)).nodes);
    expect(listed.filter((k) => drawn.has(k)), 'unmapped nodes drawn on the map').toEqual([]);
    // no drawn edge has an unmapped end: an edge is drawn only when both its ends are
    const listedSet = new Set(listed);
    expect(graph.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target) && (listedSet.has(e.source) || listedSet.has(e.target)))).toEqual([]);
    // picking one from the list selects it
    await page.locator('#unmapped summary').click();
    await page.locator('#unmapped li button[data-node]').first().click();
    await poll(() => page.textContent('#panel [data-field=label]')).toBe(await page.locator('#unmapped li button[data-node]').first().textContent());
  });

  it('map mode: each event around the most crowded place can be picked at the deepest zoom', async () => {
    const page = await open('#map=1&top=all');
    await poll(() => page.locator('#unmapped summary').textContent()).toMatch(/^Not on the map/);
    const kind = new Map(graph.nodes.map((n) => [n.key, n.attributes.kind]));
    const located = new Map<string, Set<string>>();
    for (const e of graph.edges as { source: string; target: string; attributes?: { relation?: string } }[]) {
      if (e.attributes?.relation !== 'location' || kind.get(e.source) !== 'event') continue;
      if (!located.has(e.target)) located.set(e.target, new Set());
      located.get(e.target)!.add(e.source);
    }
    const result = await page.evaluate((candidates: [string, string[]][]) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sigma = (window as any).__newsgraph.sigma;
      const shown = (k: string): boolean => !!sigma.getNodeDisplayData(k) && !sigma.getNodeDisplayData(k).hidden;
      const [place, all] = candidates
        .filter(([p]) => shown(p))
        .map(([p, evs]) => [p, evs.filter(shown)] as [string, string[]])
        .sort((a, b) => b[1].length - a[1].length)[0]!;
      // its cloud: the events around it (one placed far away elsewhere is not this test's matter)
      const at = sigma.getNodeDisplayData(place);
      const dist = (k: string): number => Math.hypot(sigma.getNodeDisplayData(k).x - at.x, sigma.getNodeDisplayData(k).y - at.y);
      const median = all.map(dist).sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
      const cloud = all.filter((k) => dist(k) <= 5 * median);
      const sample = cloud.filter((_k, i) => i % 8 === 0);
      const ratio = sigma.getSetting('minCameraRatio');
      const missed: string[] = [];
      for (const k of sample) {
        const d = sigma.getNodeDisplayData(k);
        sigma.getCamera().setState({ x: d.x, y: d.y, ratio, angle: 0 });
        sigma.render(); // sigma picks from the frame it drew last
        if (sigma.getNodeAtPosition(sigma.framedGraphToViewport(sigma.getNodeDisplayData(k))) !== k) missed.push(sigma.getGraph().getNodeAttribute(k, 'label'));
      }
      return { place: sigma.getGraph().getNodeAttribute(place, 'label') as string, cloud: cloud.length, tried: sample.length, missed };
    }, [...located].map(([p, evs]) => [p, [...evs]] as [string, string[]]));
    console.info(`map: ${result.cloud} events around ${result.place}; ${result.missed.length} of ${result.tried} sampled not pickable`);
    expect(result.tried).toBeGreaterThanOrEqual(10);
    expect(result.missed).toEqual([]);
  });

  it('serves graph.json compressed and draws a first frame of FA-KES', async () => {
    // a warm-up load, as a user's second visit: the first one also pays for compiling the scripts
    await open();
    const firstRenders: number[] = [];
    let entry: { encoded: number; decoded: number } | null = null;
    for (let i = 0; i < 3; i++) {
      const page = await open();
      entry = await page.evaluate(() => {
        const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/graph.json')) as PerformanceResourceTiming | undefined;
        return e ? { encoded: e.encodedBodySize, decoded: e.decodedBodySize } : null;
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const timings = (await page.evaluate(() => (window as any).__newsgraph.timings)) as Record<string, number>;
      console.info(`FA-KES first render: ${JSON.stringify(timings)} (ms since navigation start)`);
      firstRenders.push(timings.firstRender!);
      for (const watched of opened.splice(0)) await watched.context.close();
    }
    expect(entry).not.toBeNull();
    console.info(`graph.json: ${entry!.encoded} bytes on the wire for ${entry!.decoded}`);
    expect(entry!.encoded, 'graph.json bytes on the wire').toBeLessThan(entry!.decoded / 4);
    // How fast is for the benchmark to say (npm run bench, viewer part): a timed assertion fails
    // on a busy machine. Here the frame must be drawn, after the graph was parsed.
    for (const ms of firstRenders) expect(ms).toBeGreaterThan(0);
  });

});

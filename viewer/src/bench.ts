/**
 * Rendering benchmark: a random graph of ?nodes=N&edges=M with the viewer's own attributes,
 * renderer settings and reducers. Records time to first render and frame times while the camera
 * animates for ~3 s; the result goes to window.__benchResult and <pre id="bench-result">.
 */
import { MultiGraph } from 'graphology';
import { neighbourSets, nodeDisplay, prepareGraph } from './core/graphModel';
import { computeVisibility } from './core/filters';
import { importanceOrder } from './core/overview';
import type { ViewerGraph } from './core/types';
import { attachHoverLayer, hoverFocus } from './view/hover';
import { attachLabelLayer } from './view/labels';
import { createRenderer, emptyRenderState } from './view/renderer';
// The pipeline's own PRNG, so runs are comparable.
import { seededRandom } from '../../src/util/random';

const scriptStart = performance.now();

export interface BenchResult {
  nodes: number;
  edges: number;
  /** ms from script start to the first afterRender. */
  firstRenderMs: number;
  /** ms from navigation start to the first afterRender. */
  firstRenderSinceNavigationMs: number;
  graphBuildMs: number;
  /** requestAnimationFrame deltas while the camera animates (ms). */
  frames: { count: number; mean: number; p95: number; max: number };
  animationMs: number;
  /** One full static render (edges and labels) including the GPU's work. */
  fullFrameMs: number;
  /** A hover on and off the best-connected node: the hover layer and the labels redrawn (ms each). */
  hoverRefreshMs: number;
  /** The same, until the frame after it (what a user waits for). */
  hoverToFrameMs: number;
  /** Degree of the node hovered. */
  hoverDegree: number;
  /** One full sigma refresh (every reducer, reindexing, a render): what a filter change costs. */
  fullRefreshMs: number;
  userAgent: string;
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchError?: string;
  }
}

const KINDS = [
  ['actor', ['person', 'armed group', 'military', 'government', 'organization']],
  ['place', ['city', 'town', 'region', 'country']],
  ['event', ['battle', 'capture', 'airstrike', 'shelling', 'statement']],
] as const;
const RELATIONS = ['agent', 'target', 'location', 'mentioned with', 'located in'];

function randomGraph(n: number, m: number, rand: () => number): ViewerGraph {
  const graph = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
  // Clustered positions, like a laid-out graph.
  const clusters = Math.max(4, Math.round(Math.sqrt(n) / 4));
  const centres = Array.from({ length: clusters }, () => ({ x: rand() * 1000, y: rand() * 1000 }));
  for (let i = 0; i < n; i++) {
    const [kind, types] = KINDS[i % 3]!;
    const c = centres[Math.floor(rand() * clusters)]!;
    const r = 60 * Math.sqrt(-2 * Math.log(rand() + 1e-9));
    const a = rand() * 2 * Math.PI;
    graph.addNode(`n${i}`, {
      label: `${kind} ${i}`,
      kind,
      type: types[Math.floor(rand() * types.length)]!,
      aliases: [],
      documents: [`doc${i % 50}`],
      evidence: [],
      mentions: 1 + Math.floor(rand() * rand() * 40),
      x: c.x + r * Math.cos(a),
      y: c.y + r * Math.sin(a),
      size: 1 + rand() * rand() * 20,
    });
  }
  for (let j = 0; j < m; j++) {
    const s = Math.floor(rand() * n);
    let t = Math.floor(rand() * n);
    if (t === s) t = (t + 1) % n;
    graph.addEdge(`n${s}`, `n${t}`, { relation: RELATIONS[j % RELATIONS.length]!, weight: 1 + Math.floor(rand() * 3), evidence: [] });
  }
  return prepareGraph(graph);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (v: number): number => Math.round(v * 100) / 100;

async function run(): Promise<BenchResult> {
  const params = new URLSearchParams(location.search);
  const n = Math.max(1, Math.min(200_000, Number(params.get('nodes')) || 20_000));
  const m = Math.max(0, Math.min(1_000_000, Number(params.get('edges')) || 100_000));
  const t0 = performance.now();
  const graph = randomGraph(n, m, seededRandom(42));
  const display = nodeDisplay(graph);
  const state = emptyRenderState(graph, display, neighbourSets(graph));
  const vis = computeVisibility(graph, { hidden: new Set(), document: null, minMentions: 0 });
  state.visibleNodes = vis.nodes;
  state.visibleEdges = vis.edges;
  const graphBuildMs = performance.now() - t0;

  const container = document.getElementById('graph')!;
  let firstRender = 0;
  const firstRendered = new Promise<void>((resolve) => {
    const sigma = createRenderer(container, graph, state);
    // the viewer's own layers: labels by importance, hover on a layer of its own
    const order = importanceOrder(graph); // as the viewer orders its label candidates
    const labels = attachLabelLayer(sigma, { forced: () => [state.hovered].filter((k): k is string => k !== null), order: () => order, focus: () => hoverFocus(sigma, state) });
    const hover = attachHoverLayer(sigma, graph, state, () => labels.draw());
    (window as unknown as { __hover: typeof hover; __labels: typeof labels }).__hover = hover;
    (window as unknown as { __labels: typeof labels }).__labels = labels;
    const done = (): void => {
      firstRender = performance.now();
      resolve();
    };
    // The constructor renders synchronously; a render may already have happened.
    sigma.once('afterRender', done);
    sigma.refresh();
    (window as unknown as { __sigma: typeof sigma }).__sigma = sigma;
  });
  await firstRendered;
  const sigma = (window as unknown as { __sigma: ReturnType<typeof createRenderer> }).__sigma;

  // Let the first (full, with edges) frame reach the screen before timing camera frames.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

  // Camera animation (~3 s, edges hidden while moving): frame deltas only while it runs, so the
  // final full frame with edges is not counted as a moving frame.
  const deltas: number[] = [];
  const camera = sigma.getCamera();
  let last = performance.now();
  let running = true;
  const frame = (now: number): void => {
    if (!running) return;
    deltas.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  const a0 = performance.now();
  const animation = camera.animate({ x: 0.35, y: 0.6, ratio: 0.3 }, { duration: 3000, easing: 'quadraticInOut' });
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(frame);
  });
  await animation;
  running = false;
  const animationMs = performance.now() - a0;

  // A full static frame (nodes, edges, labels), GPU work included: readPixels waits for it.
  const f0 = performance.now();
  const internals = sigma as unknown as { render(): void; webGLContexts: Record<string, WebGLRenderingContext> };
  internals.render();
  const gl = internals.webGLContexts.edges;
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const fullFrameMs = performance.now() - f0;

  // Hover on and off the best-connected node as the viewer does (after the animation, so it does
  // not load its frames): the hover layer and the labels redrawn, no sigma refresh.
  const hooks = window as unknown as { __hover: { draw(): void; schedule(): void }; __labels: { draw(): void } };
  let hub = 'n0';
  graph.forEachNode((key) => {
    if (graph.degree(key) > graph.degree(hub)) hub = key;
  });
  const h0 = performance.now();
  for (const key of [hub, null]) {
    state.hovered = key;
    hooks.__hover.draw();
    hooks.__labels.draw();
  }
  const hoverRefreshMs = (performance.now() - h0) / 2;
  const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  await nextFrame();
  const hf0 = performance.now();
  state.hovered = hub;
  hooks.__hover.schedule();
  await nextFrame();
  await nextFrame();
  const hoverToFrameMs = performance.now() - hf0;
  state.hovered = null;
  hooks.__hover.draw();

  // A full refresh (a filter change): every reducer, reindexing, then the render.
  const r0 = performance.now();
  sigma.refresh();
  const fullRefreshMs = performance.now() - r0;

  const sorted = [...deltas].sort((x, y) => x - y);
  return {
    nodes: graph.order,
    edges: graph.size,
    firstRenderMs: round(firstRender - scriptStart),
    firstRenderSinceNavigationMs: round(firstRender),
    graphBuildMs: round(graphBuildMs),
    frames: {
      count: deltas.length,
      mean: round(deltas.reduce((s, v) => s + v, 0) / Math.max(1, deltas.length)),
      p95: round(percentile(sorted, 95)),
      max: round(sorted[sorted.length - 1] ?? 0),
    },
    animationMs: round(animationMs),
    fullFrameMs: round(fullFrameMs),
    hoverRefreshMs: round(hoverRefreshMs),
    hoverToFrameMs: round(hoverToFrameMs),
    hoverDegree: graph.degree(hub),
    fullRefreshMs: round(fullRefreshMs),
    userAgent: navigator.userAgent,
  };
}

const out = document.getElementById('bench-result')!;
run()
  .then((result) => {
    window.__benchResult = result;
    out.textContent = JSON.stringify(result, null, 2);
  })
  .catch((err: unknown) => {
    window.__benchError = String((err as Error)?.message ?? err);
    out.textContent = JSON.stringify({ error: window.__benchError });
  });

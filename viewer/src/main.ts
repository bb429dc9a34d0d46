/**
 * newsgraph viewer: wires the framework-free core (core/) to the DOM and sigma (view/).
 * One "session" per loaded graph; the view state (filters, time, selection, camera, map) is the
 * single source of truth and lives in the URL fragment.
 */
import './styles.css';
import type Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import { isoPeriod, isoToDay, type DayRange } from './core/dates';
import { describeNode } from './core/details';
import { communityKey, communityOf, computeVisibility, documentCounts, importanceOf, importanceThreshold, kindKey, modalityKey, relationKey, typeKey } from './core/filters';
import { mapLayout, type MapLayout } from './core/geo';
import { neighbourhood, neighbourSets, nodeDisplay, type NodeDisplay } from './core/graphModel';
import { buildLegend, communityColours, communityLegend, kindColour, OTHER_COMMUNITY_COLOUR, relationColour, type ColourMode, type LegendKind, type SizeMode } from './core/legend';
import type { PlacedLabel } from './core/labels';
import { DEFAULT_BUDGET, importanceOrder, overviewSet, type Overview } from './core/overview';
import { buildSearchIndex, searchNodes, type SearchIndex } from './core/search';
import { buildTimeIndex, ghostsFor, type TimeIndex } from './core/time';
import type { Point, ViewerEdge, ViewerGraph, ViewerNode } from './core/types';
import { defaultViewState, parseViewState, serialiseViewState, type ViewState } from './core/urlState';
import { bindArticlePane, closeArticle, openArticle } from './view/article';
import { documentStore, type DocumentStore } from './view/documents';
import { byId, clear, debounce, el } from './view/dom';
import { exportGexf, exportPng, type ExportCaption, type ExportLayout, type KeyEntry } from './view/exports';
import { filteredGexf } from './core/gexf';
import { attachLabelLayer, type LabelLayer, type LabelSource } from './view/labels';
import { LayoutRunner } from './view/layout';
import { renderKeyList, renderLegend, syncKeyList, syncLegend, syncLegendCounts, type KeyRow } from './view/legend';
import { LoadError, loadGraphFromUrl, parseGraphText } from './view/loader';
import { NodeList } from './view/nodeList';
import { renderPanel } from './view/panel';
import { attachHoverLayer, hoverFocus, type HoverLayer } from './view/hover';
import { createRenderer, emptyRenderState, MAP_MIN_CAMERA_RATIO, MAP_MIN_SPACING, MIN_CAMERA_RATIO, setDrawn, syncHighlightLayers, type RenderState } from './view/renderer';
import { bindSearchBox } from './view/searchBox';
import { Timeline } from './view/timeline';
import { attachWorldLayer, worldPath, type WorldLayer, type WorldPaths } from './view/world';

/** What a loaded graph needs before sigma exists (filters and drawn sets are computed first). */
interface Core {
  graph: ViewerGraph;
  render: RenderState;
  display: Map<string, NodeDisplay>;
  time: TimeIndex;
  /** Built on the first search (a few tenths of a second on a corpus, not needed to draw). */
  search: SearchIndex | null;
  documents: DocumentStore;
  worldOutline: WorldPaths | null;
  map: MapLayout | null;
  /** Graph-mode positions to come back to from the map. */
  graphPositions: Map<string, Point> | null;
  cancelAnimation: (() => void) | null;
  /** Node keys, most important first (overview budget, label priority). */
  order: string[];
  /** The drawn nodes in that order (label candidates). */
  drawnOrder: string[];
  /** Each key's place in `order`. */
  rank: Map<string, number>;
  /** Importance of each node in `order` (high to low): the importance filter's percentiles. */
  importances: number[];
  /** Community id → colour (the largest ones categorical, the rest OTHER_COMMUNITY_COLOUR). */
  communityColours: Map<number, string>;
  /** Kinds and their types (the legend), to show a kind with only one type. */
  legend: LegendKind[];
  /** Per node, the legend count keys it adds to; per edge, its relation's. */
  countKeys: Map<string, string[]>;
  edgeCountKeys: Map<string, string>;
  overview: Overview;
  labelSource: LabelSource;
}

interface Session extends Core {
  sigma: Sigma<ViewerNode, ViewerEdge>;
  world: WorldLayer;
  labels: LabelLayer;
  hover: HoverLayer;
}

interface DebugHook {
  graph: ViewerGraph | null;
  sigma: Sigma<ViewerNode, ViewerEdge> | null;
  state: ViewState;
  ready: boolean;
  /** The node labels of the last frame, with their screen boxes. */
  labels: () => readonly PlacedLabel[];
  /** Milliseconds since navigation start at each loading phase (fetched, parsed, mounted, firstRender). */
  timings: Record<string, number>;
  /** How the last PNG export was laid out (title, legend rows, where the graph sits). */
  lastExport?: ExportLayout;
}

declare global {
  interface Window {
    __newsgraph: DebugHook;
  }
}

let state: ViewState = parseViewState(location.hash);
let session: Session | null = null;
const hook: DebugHook = { graph: null, sigma: null, state, ready: false, labels: () => session?.labels.placed() ?? [], timings: {} };
const mark = (phase: string): void => {
  hook.timings[phase] = Math.round(performance.now());
};
window.__newsgraph = hook;

// The stylesheet's kind colours come from the one palette.
for (const kind of ['actor', 'place', 'event']) document.documentElement.style.setProperty(`--kind-${kind}`, kindColour(kind));

const statusEl = byId('status');
const searchInput = byId<HTMLInputElement>('search');
const messageEl = byId('message');
const layoutButton = byId<HTMLButtonElement>('layout');
const mapButton = byId<HTMLButtonElement>('map-toggle');
const docSelect = byId<HTMLSelectElement>('filter-document');
const minInput = byId<HTMLInputElement>('filter-min-mentions');
const legendEl = byId('legend');
const overviewNote = byId('overview-note');
const showMoreButton = byId<HTMLButtonElement>('show-more');
const showAllButton = byId<HTMLButtonElement>('show-all');
const unconnectedInput = byId<HTMLInputElement>('show-unconnected');
const depthInput = byId<HTMLInputElement>('depth-2');
const colourSelect = byId<HTMLSelectElement>('color-by');
const sizeSelect = byId<HTMLSelectElement>('size-by');
const importanceInput = byId<HTMLInputElement>('filter-importance');
const importanceNote = byId<HTMLOutputElement>('importance-note');
const communityKeyEl = byId('community-key');
const unmappedEl = byId<HTMLDetailsElement>('unmapped');
const edgeLegendEl = byId('edge-legend');
const panelEl = byId('panel');

/** The status line always starts with the counts; short notices follow them. */
let countsText = '';
const announce = (notice: string): void => {
  statusEl.textContent = countsText ? `${countsText}${notice ? ` — ${notice}` : ''}` : notice;
};

function showMessage(text: string | null): void {
  messageEl.hidden = text === null;
  messageEl.textContent = text ?? '';
}

// ───────────── URL state ─────────────

function stateUrl(): string {
  const hash = serialiseViewState(state);
  return `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
}

/** Small changes (camera, filters) rewrite the current history entry, at most every 250 ms. */
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function writeUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const url = stateUrl();
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }, 250);
}

/** A change of selection is a new history entry, so Back returns to the previous selection. */
function pushUrl(): void {
  clearTimeout(urlTimer);
  const url = stateUrl();
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
}

function setState(patch: Partial<ViewState>): void {
  state = { ...state, ...patch };
  hook.state = state;
  writeUrl();
}

// ───────────── derived sets → sigma ─────────────

function timeRange(): DayRange | null {
  if (!state.from && !state.to) return null;
  return {
    start: isoToDay(state.from) ?? Number.NEGATIVE_INFINITY,
    end: isoPeriod(state.to)?.end ?? Number.POSITIVE_INFINITY,
  };
}

/** Communities hidden by "com:<id>" keys; "com:other" stands for every uncoloured one. */
function hiddenCommunities(s: Core): Set<number> {
  const out = new Set<number>();
  for (const key of state.hidden) {
    if (!key.startsWith('com:')) continue;
    if (key === communityKey('other')) {
      for (const [c, colour] of s.communityColours) if (colour === OTHER_COMMUNITY_COLOUR) out.add(c);
    } else if (/^com:-?\d+$/.test(key)) out.add(Number(key.slice(4)));
  }
  return out;
}

function applyFilters(s: Core): void {
  const vis = computeVisibility(s.graph, {
    hidden: new Set(state.hidden),
    document: state.document,
    minMentions: state.minMentions,
    minImportance: importanceThreshold(s.importances, state.importance),
    hiddenCommunities: hiddenCommunities(s),
  });
  s.render.visibleNodes = vis.nodes;
  s.render.visibleEdges = vis.edges;
  applyDrawn(s);
}

const budgetOf = (): number => state.limit ?? DEFAULT_BUDGET;

/** Which visible nodes are drawn: a selection's neighbourhood, or else the overview's budget. */
function applyDrawn(s: Core): void {
  s.overview = overviewSet(s.order, s.render.visibleNodes, s.render.neighbours, budgetOf(), state.unconnected);
  const sel = state.selected;
  let drawn = sel !== null && s.graph.hasNode(sel) ? neighbourhood(sel, s.render.neighbours, s.render.visibleNodes, state.depth, s.rank, Math.max(budgetOf() || Infinity, 1)) : s.overview.nodes;
  if (state.map && s.map && s.map.parked.length > 0) {
    // On the map, nodes with no position of their own are listed aside, not drawn: their edges
    // would cross the whole map to the parking column. A selected one is still drawn.
    const parked = new Set(s.map.parked);
    const base = drawn ?? s.render.visibleNodes;
    drawn = new Set();
    for (const k of base) if (!parked.has(k) || k === sel) drawn.add(k);
  }
  setDrawn(s.graph, s.render, drawn);
  const visible = s.render.visibleNodes;
  s.drawnOrder = drawn === null ? s.order.filter((k) => visible.has(k)) : s.order.filter((k) => drawn.has(k) && visible.has(k));
  syncOverviewControls(s);
  syncUnmapped(s);
}

/** The list of nodes left off the map (map mode only), most important first. */
function syncUnmapped(s: Core): void {
  const on = state.map && s.map !== null && s.map.parked.length > 0;
  unmappedEl.hidden = !on;
  if (!on) return;
  const parked = new Set(s.map!.parked);
  const keys = s.order.filter((k) => parked.has(k) && s.render.visibleNodes.has(k));
  unmappedEl.querySelector('summary')!.textContent = `Not on the map (${numberFormat.format(keys.length)})`;
  const list = unmappedEl.querySelector('ul')!;
  clear(list);
  for (const k of keys.slice(0, MAX_UNMAPPED_ROWS)) {
    const a = s.graph.getNodeAttributes(k);
    const b = el('button', { type: 'button', class: `node-link kind-${a.kind}`, 'data-node': k, title: `Select ${a.label}` }, a.label);
    b.addEventListener('click', () => select(k, true));
    list.appendChild(el('li', {}, b));
  }
  if (keys.length > MAX_UNMAPPED_ROWS) list.appendChild(el('li', { class: 'muted' }, `and ${numberFormat.format(keys.length - MAX_UNMAPPED_ROWS)} more (use the search)`));
}
const MAX_UNMAPPED_ROWS = 200;

const numberFormat = new Intl.NumberFormat('en');

function syncOverviewControls(s: Core): void {
  const o = s.overview;
  const cut = o.shown + (state.unconnected ? 0 : o.unconnected) < o.total;
  const sel = state.selected;
  overviewNote.textContent =
    sel !== null && s.render.drawn?.has(sel)
      ? `${s.graph.getNodeAttribute(sel, 'label')} and ${numberFormat.format(s.render.drawn.size - 1)} ${state.depth === 2 ? 'nodes within two steps' : 'neighbours'} shown (close the details for the overview)`
      : cut
        ? `${numberFormat.format(o.shown)} of ${numberFormat.format(o.total)} nodes shown, most important first`
        : o.shown < o.total
          ? `${numberFormat.format(o.shown)} of ${numberFormat.format(o.total)} nodes shown (those without any edge are hidden)`
          : `All ${numberFormat.format(o.shown)} nodes shown`;
  showMoreButton.hidden = !cut;
  showAllButton.hidden = !cut;
  unconnectedInput.checked = state.unconnected;
  depthInput.checked = state.depth === 2;
  byId('unconnected-count').textContent = `(${numberFormat.format(o.unconnected)})`;
  unconnectedInput.closest('label')!.hidden = o.unconnected === 0 && !state.unconnected;
}

/** Node colours and sizes for the chosen meanings; the GEXF export and PNG follow what is shown. */
function applyColours(s: Core): void {
  const mode: ColourMode = state.colour;
  s.display = nodeDisplay(s.graph, undefined, undefined, mode, state.size);
  s.render.display = s.display;
  colourSelect.value = mode;
  sizeSelect.value = state.size;
  communityKeyEl.hidden = mode !== 'community';
  if (mode === 'community') {
    const rows: KeyRow[] = communityLegend(s.graph, s.communityColours).map((c) => ({
      key: communityKey(c.community),
      name: c.example,
      title: `Community of ${c.example}: show or hide it`,
      colour: c.colour,
      total: c.count,
      data: { community: String(c.community) },
    }));
    let others = 0;
    s.graph.forEachNode((_k, a) => {
      if (s.communityColours.get(communityOf(a)) === OTHER_COMMUNITY_COLOUR) others++;
    });
    if (others > 0) rows.push({ key: communityKey('other'), name: 'Other communities', colour: OTHER_COMMUNITY_COLOUR, total: others, data: { community: 'other' } });
    renderKeyList(communityKeyEl, rows, new Set(state.hidden), toggleLegendKey);
  } else clear(communityKeyEl);
}

function setOverview(patch: Partial<Pick<ViewState, 'limit' | 'unconnected'>>): void {
  setState(patch);
  if (!session) return;
  applyDrawn(session);
  redraw(session);
}

/** Applies the time range; returns the nodes and edges whose ghost state changed. */
function applyTime(s: Core): { nodes: string[]; edges: string[] } {
  const ghosts = ghostsFor(s.time, timeRange());
  const changed = { nodes: symmetricDifference(s.render.ghostNodes, ghosts.nodes), edges: symmetricDifference(s.render.ghostEdges, ghosts.edges) };
  s.render.ghostNodes = ghosts.nodes;
  s.render.ghostEdges = ghosts.edges;
  return changed;
}

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const k of a) if (!b.has(k)) out.push(k);
  for (const k of b) if (!a.has(k)) out.push(k);
  return out;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function shownNodes(s: Core): string[] {
  const out: string[] = [];
  const { drawn, ghostNodes, visibleNodes } = s.render;
  for (const key of drawn ?? visibleNodes) if (!ghostNodes.has(key) && (drawn === null || visibleNodes.has(key))) out.push(key);
  return out;
}

/** The legend buttons a node counts in (kind, kind/type, modality, community), computed once. */
function legendCountKeys(graph: ViewerGraph, colours: Map<number, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  graph.forEachNode((key, a) => {
    const kind = kindKey(a.kind);
    const c = communityOf(a);
    const keys = [kind, `${kind}/${typeKey(a.type)}`, communityKey(colours.get(c) === OTHER_COMMUNITY_COLOUR ? 'other' : c)];
    if (typeof a.modality === 'string') keys.push(modalityKey(a.modality));
    out.set(key, keys);
  });
  return out;
}

/** The status line's and the legends' counts (cheap: run on every time step, so playback shows live counts). */
function refreshCounts(s: Core): string[] {
  const nodes = shownNodes(s);
  // the legends count what is shown: filters, time range and budget all apply
  const counts = new Map<string, number>();
  for (const key of nodes) for (const k of s.countKeys.get(key)!) counts.set(k, (counts.get(k) ?? 0) + 1);
  syncLegendCounts(legendEl, counts);
  syncLegendCounts(communityKeyEl, counts);
  let edges = 0;
  const { drawn, drawnEdges } = s.render;
  const relations = new Map<string, number>();
  for (const e of drawnEdges ?? s.render.visibleEdges) {
    if (s.render.ghostEdges.has(e)) continue;
    if (drawnEdges === null || s.render.visibleEdges.has(e)) {
      edges++;
      const r = s.edgeCountKeys.get(e)!;
      relations.set(r, (relations.get(r) ?? 0) + 1);
    }
  }
  syncLegendCounts(edgeLegendEl, relations);
  let faded = 0;
  for (const key of s.render.ghostNodes) if (s.render.visibleNodes.has(key) && (drawn === null || drawn.has(key))) faded++;
  const extras = [faded > 0 ? `${faded} faded outside the time range` : '', state.map && s.map && s.map.parked.length ? `${s.map.parked.length} without a place on the map listed aside` : '']
    .filter(Boolean)
    .join(', ');
  countsText = `${nodes.length} nodes, ${edges} edges shown${extras ? ` (${extras})` : ''}`;
  announce('');
  return nodes;
}

/** The edge key: every relation of the graph, its colour, how many of its edges are drawn; a filter too. */
function renderEdgeLegend(s: Core): void {
  const totals = new Map<string, number>();
  s.graph.forEachEdge((_e, a) => void totals.set(a.relation, (totals.get(a.relation) ?? 0) + 1));
  const rows: KeyRow[] = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([relation, total]) => ({ key: relationKey(relation), name: relation, colour: relationColour(relation), total, data: { relation }, title: `Show or hide "${relation}" edges` }));
  renderKeyList(edgeLegendEl, rows, new Set(state.hidden), toggleLegendKey, 'No edges');
}

function refreshNodeList(s: Core, nodes = shownNodes(s)): void {
  nodeList.setItems(
    nodes
      .map((key) => {
        const a = s.graph.getNodeAttributes(key);
        return { key, label: a.label, kind: a.kind, type: a.type };
      })
      .sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1)),
  );
  nodeList.setSelected(state.selected);
}
function refreshLists(s: Core): void {
  refreshNodeList(s, refreshCounts(s));
}
// Sorting and rebuilding the list is the slow part: once the range stops moving.
const refreshNodeListSoon = debounce((s: Session) => refreshNodeList(s), 150);

function redraw(s: Session): void {
  s.sigma.refresh();
  refreshLists(s);
}

// ───────────── selection ─────────────

/**
 * Shows a node (or none). `how`: a user's choice makes a history entry; restoring one from
 * the URL (load, Back/Forward, an edited fragment) does not.
 */
function select(key: string | null, fly: boolean, how: 'push' | 'restore' = 'push'): void {
  const s = session;
  if (!s) return;
  if (key !== null && !s.graph.hasNode(key)) key = null;
  const changed = key !== s.render.selected;
  if (changed && how === 'push') {
    // the entry being left keeps the state as it is now (camera included)
    clearTimeout(urlTimer);
    history.replaceState(null, '', stateUrl());
  }
  setState({ selected: key });
  if (changed && how === 'push') pushUrl();
  s.render.selected = key;
  syncHighlightLayers(s.sigma, s.render);
  showSelection(s, key);
  // a new node's details start at the top, not where the previous one was scrolled to
  if (changed) panelEl.scrollTop = 0;
  if (key === null && changed) {
    searchInput.value = '';
    announce('');
  }
  applyDrawn(s);
  redraw(s);
  if (key !== null && fly) frameNodes(s, [...(s.render.drawn ?? [key])], true);
  if (key !== null) announce(`Selected ${s.graph.getNodeAttribute(key, 'label')}`);
}

/** The panel and the node list for a selection (no redraw). */
function showSelection(s: Core, key: string | null): void {
  renderPanel(panelEl, key === null ? null : describeNode(s.graph, key), {
    select: (k) => select(k, true),
    openArticle: (ev) => void openArticle(s.documents, ev),
    close: () => select(null, false),
    documentName: (id) => documentName(s, id),
  });
  nodeList.setSelected(key);
}

/** Margin kept free around framed nodes, in pixels (room for a label to the right). */
const FRAME_MARGIN = { left: 30, right: 110, top: 30, bottom: 30 };

/**
 * Moves the camera so every given node is inside the viewport with a margin: centred on their
 * box, at the ratio where the farthest one just fits (screen offsets scale with 1 / ratio).
 */
function frameNodes(s: Session, keys: string[], animate: boolean): void {
  const points = keys.map((k) => s.sigma.getNodeDisplayData(k)).filter((d) => d !== undefined);
  if (points.length === 0) return;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
  }
  const centre = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  const { width, height } = s.sigma.getDimensions();
  const probe = { ...centre, ratio: 1, angle: 0 };
  let ratio = 0;
  for (const p of points) {
    const v = s.sigma.framedGraphToViewport(p, { cameraState: probe });
    const dx = v.x - width / 2;
    const dy = v.y - height / 2;
    const room = (side: number): number => Math.max(20, side);
    ratio = Math.max(
      ratio,
      dx >= 0 ? dx / room(width / 2 - FRAME_MARGIN.right) : -dx / room(width / 2 - FRAME_MARGIN.left),
      dy >= 0 ? dy / room(height / 2 - FRAME_MARGIN.bottom) : -dy / room(height / 2 - FRAME_MARGIN.top),
    );
  }
  const min = s.sigma.getSetting('minCameraRatio') ?? MIN_CAMERA_RATIO;
  const max = s.sigma.getSetting('maxCameraRatio') ?? 20;
  // a lone node: a moderate zoom, not the deepest one
  const target = { ...centre, angle: 0, ratio: Math.min(max, Math.max(min, points.length === 1 ? 0.3 : ratio * 1.02)) };
  if (animate) void s.sigma.getCamera().animate(target, { duration: 500 });
  else s.sigma.getCamera().setState(target);
}

// ───────────── map mode ─────────────

function positionsOf(graph: ViewerGraph): Map<string, Point> {
  const out = new Map<string, Point>();
  graph.forEachNode((key, a) => out.set(key, { x: a.x, y: a.y }));
  return out;
}

function moveNodes(s: Session, targets: Map<string, Point>, animate: boolean, then: () => void): void {
  s.cancelAnimation?.();
  s.cancelAnimation = null;
  if (!animate) {
    s.graph.updateEachNodeAttributes((key, a) => {
      const p = targets.get(key);
      return p ? { ...a, x: p.x, y: p.y } : a;
    }, { attributes: ['x', 'y'] });
    s.sigma.refresh();
    then();
    return;
  }
  const plain: Record<string, Record<string, number>> = {};
  for (const [key, p] of targets) plain[key] = { x: p.x, y: p.y };
  s.cancelAnimation = animateNodes(s.graph, plain, { duration: 700, easing: 'quadraticInOut' }, () => {
    s.cancelAnimation = null;
    s.sigma.refresh(); // settle sigma's normalisation on the final positions before framing them
    then();
  });
}

function setMap(on: boolean, animate: boolean): void {
  const s = session;
  if (!s) return;
  if (on === (s.graphPositions !== null)) return;
  if (on) {
    s.map ??= mapLayout(s.graph, { minSpacing: MAP_MIN_SPACING });
    if (s.map.located === 0) {
      showMessage('Map mode needs places with coordinates (lat/lon); this graph has none.');
      setState({ map: false });
      mapButton.setAttribute('aria-pressed', 'false');
      return;
    }
    layout.cancel();
    s.graphPositions = positionsOf(s.graph);
    const projection = s.map.projection;
    if (!s.worldOutline) {
      worldPath(projection)
        .then((path) => {
          s.worldOutline = path;
          if (session === s && s.graphPositions) s.world.setPath(path);
        })
        .catch((err: unknown) => showMessage(`The world outline could not be loaded (${(err as Error).message}).`));
    } else s.world.setPath(s.worldOutline);
    s.sigma.setSetting('minCameraRatio', MAP_MIN_CAMERA_RATIO); // before fitCamera, which may frame closer than the graph view allows
    moveNodes(s, s.map.positions, animate, () => fitCamera(s, coreBox(s.map!), animate));
  } else {
    const back = s.graphPositions!;
    s.graphPositions = null;
    s.world.setPath(null);
    s.sigma.setSetting('minCameraRatio', MIN_CAMERA_RATIO);
    moveNodes(s, back, animate, () => resetCamera(s, animate));
  }
  // On the map, nodes keep their pixel size when zooming in, so close places separate.
  s.render.sizeScale = on ? 0.7 : 1;
  s.sigma.setSetting('zoomToSizeRatioFunction', on ? () => 1 : Math.sqrt);
  setState({ map: on });
  mapButton.setAttribute('aria-pressed', String(on));
  layoutButton.disabled = on;
  applyDrawn(s);
  s.sigma.refresh();
  refreshLists(s);
}

/** Where the located nodes concentrate (interquartile box), so far-off places do not shrink the map. */
function coreBox(layout: MapLayout): { x0: number; y0: number; x1: number; y1: number } {
  const parked = new Set(layout.parked);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [key, p] of layout.positions) {
    if (parked.has(key)) continue;
    xs.push(p.x);
    ys.push(p.y);
  }
  xs.sort((a, b) => a - b);
  ys.sort((a, b) => a - b);
  const q = (v: number[], f: number): number => v[Math.min(v.length - 1, Math.floor(f * v.length))] ?? 0;
  return { x0: q(xs, 0.25), y0: q(ys, 0.25), x1: q(xs, 0.75), y1: q(ys, 0.75) };
}

/** Point the camera at a box given in graph coordinates, with a margin. */
function fitCamera(s: Session, box: { x0: number; y0: number; x1: number; y1: number }, animate: boolean): void {
  const toFramed = (x: number, y: number) => s.sigma.viewportToFramedGraph(s.sigma.graphToViewport({ x, y }));
  const a = toFramed(box.x0, box.y0);
  const b = toFramed(box.x1, box.y1);
  const { width, height } = s.sigma.getDimensions();
  const aspect = Math.max(width, height) / Math.max(1, Math.min(width, height));
  const span = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y) * (width > height ? aspect : 1), 0.03);
  const target = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.min(1, span * 1.9), angle: 0 };
  if (animate) void s.sigma.getCamera().animate(target, { duration: 400 });
  else s.sigma.getCamera().setState(target);
}

function resetCamera(s: Session, animate: boolean): void {
  if (animate) void s.sigma.getCamera().animatedReset({ duration: 400 });
  else s.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

// ───────────── mounting a graph ─────────────

/** "2017-04-05 · Syria attack symptoms consistent with…" once documents.json is in, else the id. */
function documentName(s: Core, id: string): string {
  const doc = s.documents.loaded()?.get(id);
  if (!doc) return id;
  return [doc.date, doc.title || id].filter(Boolean).join(' · ');
}

/** The document filter: by date then title when the texts are in, by id until then. */
function populateDocuments(s: Core): void {
  clear(docSelect);
  docSelect.appendChild(el('option', { value: '' }, 'All documents'));
  const docs = s.documents.loaded();
  const rows = documentCounts(s.graph).map((d) => ({ ...d, date: docs?.get(d.id)?.date ?? '', name: documentName(s, d.id) }));
  if (docs) rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)));
  for (const doc of rows) docSelect.appendChild(el('option', { value: doc.id, title: doc.id }, `${doc.name} (${doc.nodes})`));
  docSelect.value = state.document ?? '';
  if (docSelect.value !== (state.document ?? '')) docSelect.value = '';
}

/** Titles and dates come with documents.json, fetched once the first frame is drawn. */
function nameDocuments(s: Session): void {
  void s.documents.all().then((docs) => {
    if (session !== s || docs.size === 0) return;
    populateDocuments(s);
    if (state.selected !== null && s.graph.hasNode(state.selected)) {
      const scroll = panelEl.scrollTop;
      showSelection(s, state.selected);
      panelEl.scrollTop = scroll;
    }
  });
}

function mount(graph: ViewerGraph, documentsUrl: URL | null): void {
  if (session) {
    layout.cancel();
    session.cancelAnimation?.();
    session.sigma.kill();
    session = null;
  }
  hook.ready = false;
  countsText = '';
  showMessage(null);
  closeArticle(false);
  const display = nodeDisplay(graph, undefined, undefined, state.colour);
  const render = emptyRenderState(graph, display, neighbourSets(graph));
  const order = importanceOrder(graph);
  const legend = buildLegend(graph);
  const colours = communityColours(graph);
  const labelSource: LabelSource = {
    forced: () => [render.selected, render.hovered].filter((k): k is string => k !== null),
    // the drawn nodes only: the label layer looks at each candidate on every frame
    order: () => core.drawnOrder,
  };
  const core: Core = {
    graph,
    render,
    display,
    time: buildTimeIndex(graph),
    search: null,
    documents: documentStore(documentsUrl),
    worldOutline: null,
    map: null,
    graphPositions: null,
    cancelAnimation: null,
    order,
    drawnOrder: order,
    rank: new Map(order.map((k, i) => [k, i])),
    importances: order.map((k) => importanceOf(graph.getNodeAttributes(k))),
    communityColours: colours,
    legend,
    countKeys: legendCountKeys(graph, colours),
    edgeCountKeys: new Map(graph.mapEdges((e, a) => [e, relationKey(a.relation)] as const)),
    overview: { nodes: null, shown: graph.order, total: graph.order, unconnected: 0 },
    labelSource,
  };
  // Filters, time and the drawn set first: sigma's first frame (its constructor draws one) is
  // then already the overview, not the whole corpus drawn once for nothing.
  renderLegend(legendEl, legend, modalityCounts(graph), new Set(state.hidden), toggleLegendKey);
  renderEdgeLegend(core);
  applyColours(core);
  syncImportance(core);
  populateDocuments(core);
  minInput.value = String(state.minMentions);
  timeline.setData(core.time);
  timeline.setRange(state.from, state.to);
  render.selected = state.selected !== null && graph.hasNode(state.selected) ? state.selected : null;
  applyFilters(core);
  applyTime(core);

  const container = byId('graph');
  clear(container);
  const sigma = createRenderer(container, graph, render);
  const labels = attachLabelLayer(sigma, labelSource);
  // A hover redraws its own layer and the labels, not sigma (view/hover.ts).
  const hover = attachHoverLayer(sigma, graph, render, () => labels.draw());
  labelSource.focus = () => hoverFocus(sigma, render);
  const s: Session = Object.assign(core, { sigma, world: attachWorldLayer(sigma), labels, hover });
  session = s;
  hook.graph = graph;
  hook.sigma = sigma;

  // Hover: the hover layer and the labels are redrawn at the next frame (several changes, once).
  sigma.on('enterNode', ({ node }) => {
    render.hovered = node;
    syncHighlightLayers(sigma, render);
    hover.schedule();
  });
  sigma.on('leaveNode', () => {
    render.hovered = null;
    syncHighlightLayers(sigma, render);
    hover.schedule();
  });
  sigma.on('clickNode', ({ node }) => select(node, true)); // its neighbourhood is framed, wherever it lies
  sigma.on('clickStage', () => select(null, false));
  sigma.getCamera().on('updated', (cam) => {
    if (!hook.ready) return;
    setState({ camera: { x: cam.x, y: cam.y, ratio: cam.ratio } });
  });

  layoutButton.disabled = false;
  if (state.map) setMap(true, false);
  else mapButton.setAttribute('aria-pressed', 'false');
  if (state.camera) sigma.getCamera().setState(state.camera);
  showSelection(s, render.selected);
  refreshCounts(s);
  // The constructor's frame is drawn; ready once a frame with the final camera is on screen.
  sigma.once('afterRender', () => {
    mark('firstRender');
    hook.ready = true;
    document.body.classList.add('ready');
    refreshNodeList(s); // the list can wait for the first frame
    // after the first interactions have had their turn
    (window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200)))(() => nameDocuments(s), { timeout: 2000 });
  });
  sigma.refresh({ schedule: true });
}

/** Events per modality in the graph, most frequent first. */
function modalityCounts(graph: ViewerGraph): Array<{ modality: string; count: number }> {
  const counts = new Map<string, number>();
  graph.forEachNode((_k, a) => {
    if (typeof a.modality === 'string') counts.set(a.modality, (counts.get(a.modality) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([modality, count]) => ({ modality, count }));
}

/**
 * Shows or hides what a legend button stands for. A type turned on while its kind is hidden
 * shows the kind with that type alone.
 */
function toggleLegendKey(key: string, within?: string): void {
  const hidden = new Set(state.hidden);
  if (within && hidden.has(within)) {
    hidden.delete(within);
    const kind = within.slice('kind:'.length);
    for (const t of session?.legend.find((k) => k.kind === kind)?.types ?? []) hidden.add(typeKey(t.type));
    hidden.delete(key);
  } else if (hidden.has(key)) hidden.delete(key);
  else hidden.add(key);
  setState({ hidden: [...hidden].sort() });
  syncFilterControls();
  if (session) {
    applyFilters(session);
    redraw(session);
  }
}

/** The legends' pressed states from the state. */
function syncFilterControls(): void {
  const hidden = new Set(state.hidden);
  syncLegend(legendEl, hidden);
  syncKeyList(edgeLegendEl, hidden);
  syncKeyList(communityKeyEl, hidden);
}

/** The importance slider and what it keeps. */
function syncImportance(s: Core): void {
  importanceInput.value = String(state.importance);
  const threshold = importanceThreshold(s.importances, state.importance);
  importanceNote.textContent =
    state.importance === 0
      ? 'All nodes'
      : `The ${100 - state.importance}% most important (${numberFormat.format(s.importances.filter((v) => v >= threshold).length)} nodes)`;
}

// ───────────── static controls (bound once) ─────────────

const nodeList = new NodeList(
  (key) => select(key, true),
  (key) => {
    if (!session) return;
    session.render.hovered = key;
    syncHighlightLayers(session.sigma, session.render);
    session.hover.schedule();
  },
);
const layout = new LayoutRunner(layoutButton, announce);
const timeline = new Timeline((from, to) => {
  setState({ from, to });
  const s = session;
  if (!s) return;
  // A drag step only re-reduces what changed, drawn at the next frame (steps within a frame merge).
  const changed = applyTime(s);
  if (changed.nodes.length + changed.edges.length > 0) s.sigma.refresh({ partialGraph: changed, skipIndexation: true, schedule: true });
  refreshCounts(s);
  refreshNodeListSoon(s);
});

bindArticlePane();
bindSearchBox(
  (query) => {
    const s = session;
    if (!s) return [];
    s.search ??= buildSearchIndex(s.graph.mapNodes((key, a) => ({ key, label: a.label, aliases: a.aliases, weight: a.mentions + a.size / 1000 })));
    return searchNodes(s.search, query, 12);
  },
  (key) => select(key, true),
);

showMoreButton.addEventListener('click', () => {
  const total = session?.overview.total ?? 0;
  const next = budgetOf() * 2;
  setOverview({ limit: next >= total ? 0 : next });
});
showAllButton.addEventListener('click', () => setOverview({ limit: 0 }));
colourSelect.addEventListener('change', () => {
  setState({ colour: (colourSelect.value as ColourMode) || 'type' });
  if (!session) return;
  applyColours(session);
  redraw(session);
});
unconnectedInput.addEventListener('change', () => setOverview({ unconnected: unconnectedInput.checked }));
depthInput.addEventListener('change', () => {
  setState({ depth: depthInput.checked ? 2 : 1 });
  const s = session;
  if (!s) return;
  applyDrawn(s);
  redraw(s);
  if (state.selected !== null && s.render.drawn) frameNodes(s, [...s.render.drawn], true);
});
sizeSelect.addEventListener('change', () => {
  setState({ size: (sizeSelect.value as SizeMode) || 'importance' });
  if (!session) return;
  applyColours(session);
  redraw(session);
});
// Filtering the whole graph takes a few milliseconds: follow the slider as it moves.
importanceInput.addEventListener('input', () => {
  const n = Math.max(0, Math.min(99, Math.round(Number(importanceInput.value) || 0)));
  if (n === state.importance) return;
  setState({ importance: n });
  if (!session) return;
  syncImportance(session);
  applyFilters(session);
  redraw(session);
});

// ───────────── collapsible side columns ─────────────

/** The filters column and the details panel fold away; the graph takes their room. */
for (const [buttonId, className] of [['toggle-sidebar', 'sidebar-collapsed'], ['toggle-panel', 'panel-collapsed']] as const) {
  const button = byId<HTMLButtonElement>(buttonId);
  button.addEventListener('click', () => {
    const layoutEl = document.querySelector<HTMLElement>('.layout')!;
    const collapsed = layoutEl.classList.toggle(className);
    button.setAttribute('aria-expanded', String(!collapsed));
    // the status line and the article pane are placed from the same widths (CSS variables)
    document.documentElement.style.setProperty(className === 'sidebar-collapsed' ? '--sidebar' : '--panel-w', collapsed ? '0px' : '');
    session?.sigma.scheduleRender(); // sigma reads its container's new size when it renders
  });
}

// ───────────── camera controls ─────────────

const ZOOM_FACTOR = 1.5;
byId('zoom-in').addEventListener('click', () => void session?.sigma.getCamera().animatedZoom({ duration: 250, factor: ZOOM_FACTOR }));
byId('zoom-out').addEventListener('click', () => void session?.sigma.getCamera().animatedUnzoom({ duration: 250, factor: ZOOM_FACTOR }));
byId('zoom-reset').addEventListener('click', () => {
  if (!session) return;
  if (state.map && session.map) fitCamera(session, coreBox(session.map), true);
  else resetCamera(session, true);
});
/** Arrow keys pan a tenth of the view, + and − zoom, 0 shows everything (on the focused graph). */
byId('graph').addEventListener('keydown', (e) => {
  const s = session;
  if (!s || e.altKey || e.ctrlKey || e.metaKey) return;
  const camera = s.sigma.getCamera();
  const { x, y, ratio } = camera.getState();
  const pan = 0.1 * ratio;
  const moves: Record<string, () => void> = {
    ArrowLeft: () => void camera.animate({ x: x - pan }, { duration: 150 }),
    ArrowRight: () => void camera.animate({ x: x + pan }, { duration: 150 }),
    ArrowUp: () => void camera.animate({ y: y + pan }, { duration: 150 }),
    ArrowDown: () => void camera.animate({ y: y - pan }, { duration: 150 }),
    '+': () => byId('zoom-in').click(),
    '=': () => byId('zoom-in').click(),
    '-': () => byId('zoom-out').click(),
    '0': () => byId('zoom-reset').click(),
  };
  const move = moves[e.key];
  if (!move) return;
  e.preventDefault();
  move();
});
// Skip links move focus without touching the fragment, which holds the view state.
document.querySelectorAll<HTMLAnchorElement>('a[data-skip]').forEach((a) =>
  a.addEventListener('click', (e) => {
    e.preventDefault();
    byId(a.dataset.skip!).focus();
  }),
);

docSelect.addEventListener('change', () => {
  setState({ document: docSelect.value || null });
  if (session) {
    applyFilters(session);
    redraw(session);
  }
});
const onMinMentions = (): void => {
  const n = Math.max(0, Math.floor(Number(minInput.value) || 0));
  if (n === state.minMentions) return;
  setState({ minMentions: n });
  if (session) {
    applyFilters(session);
    redraw(session);
  }
};
minInput.addEventListener('input', onMinMentions);
minInput.addEventListener('change', onMinMentions);

mapButton.addEventListener('click', () => setMap(!state.map, true));
layoutButton.addEventListener('click', () => {
  const s = session;
  if (!s || state.map) return;
  if (layout.running()) layout.stop(s.graph, s.sigma, () => undefined);
  else layout.start(s.graph, s.sigma, () => undefined);
});
/** What a PNG says about the view: what is shown, of what, when, through which filters, and its colour keys. */
function exportCaption(s: Core): ExportCaption {
  const sel = state.selected !== null && s.graph.hasNode(state.selected) ? s.graph.getNodeAttribute(state.selected, 'label') : null;
  const o = s.overview;
  const title = sel !== null ? `${sel} and its neighbours` : o.shown < o.total ? `The ${numberFormat.format(o.shown)} most important of ${numberFormat.format(o.total)} nodes` : `All ${numberFormat.format(o.total)} nodes`;
  const when = state.from || state.to ? `${state.from ?? 'start'} → ${state.to ?? 'end'}` : 'all dates';
  const filters = [
    state.hidden.length ? `hidden: ${state.hidden.map((k) => k.replace(/^[a-z]+:/, '')).join(', ')}` : '',
    state.document ? `document: ${documentName(s, state.document)}` : '',
    state.minMentions > 0 ? `at least ${state.minMentions} mentions` : '',
    state.importance > 0 ? `the ${100 - state.importance}% most important` : '',
    state.map ? 'map' : '',
  ].filter(Boolean);
  const subtitle = [`newsgraph · ${countsText}`, when, ...filters].join(' · ');
  // the colour key of the nodes shown, in the meaning colours have now
  const groups = new Map<string, KeyEntry>();
  for (const key of shownNodes(s)) {
    const a = s.graph.getNodeAttributes(key);
    const colour = s.display.get(key)?.colour ?? '#888888';
    const name =
      state.colour === 'kind' ? a.kind : state.colour === 'community' ? (colour === OTHER_COMMUNITY_COLOUR ? 'other communities' : `community ${communityOf(a)}`) : `${a.type || '(untyped)'} (${a.kind})`;
    const entry = groups.get(name);
    if (entry) entry.count++;
    else groups.set(name, { name, colour, count: 1 });
  }
  if (state.colour === 'community') {
    // a community is named by its most important member, as in the key on screen
    for (const c of communityLegend(s.graph, s.communityColours)) {
      const entry = groups.get(`community ${c.community}`);
      if (entry) entry.name = c.example;
    }
  }
  const relations = new Map<string, number>();
  for (const e of s.render.drawnEdges ?? s.render.visibleEdges) {
    if (s.render.ghostEdges.has(e) || !s.render.visibleEdges.has(e)) continue;
    const r = s.graph.getEdgeAttribute(e, 'relation');
    relations.set(r, (relations.get(r) ?? 0) + 1);
  }
  const byCount = (a: KeyEntry, b: KeyEntry): number => b.count - a.count || collator.compare(a.name, b.name);
  return {
    title,
    subtitle,
    nodes: { heading: `Nodes by ${state.colour}`, entries: [...groups.values()].sort(byCount) },
    edges: [...relations].map(([name, count]) => ({ name, colour: relationColour(name), count })).sort(byCount),
  };
}

byId('export-png').addEventListener('click', () => {
  const s = session;
  if (!s) return;
  exportPng(s.sigma, state.map ? s.worldOutline : null, s.labelSource, exportCaption(s))
    .then((layout) => (hook.lastExport = layout))
    .catch((e: unknown) => showMessage(`PNG export failed: ${(e as Error).message}`));
});
byId('export-gexf').addEventListener('click', () => {
  const s = session;
  if (!s) return;
  const r = s.render;
  const drawn = (k: string): boolean => r.drawn === null || r.drawn.has(k);
  const chunks = filteredGexf(
    s.graph,
    (k) => r.visibleNodes.has(k) && !r.ghostNodes.has(k) && drawn(k),
    (e) => r.visibleEdges.has(e) && !r.ghostEdges.has(e),
    (k) => s.display.get(k)?.colour ?? '#888888',
  );
  exportGexf(chunks);
  announce('GEXF of the filtered graph downloaded.');
});

async function openFile(file: File): Promise<void> {
  try {
    const graph = parseGraphText(await file.text(), file.name);
    state = defaultViewState();
    hook.state = state;
    writeUrl();
    mount(graph, null);
    announce(`Opened ${file.name}: ${graph.order} nodes, ${graph.size} edges.`);
  } catch (err) {
    showMessage(err instanceof LoadError ? err.message : `Could not open ${file.name}: ${(err as Error).message}`);
  }
}

const fileInput = byId<HTMLInputElement>('file-input');
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
  fileInput.value = '';
});
const dropHint = byId('drop-hint');
document.addEventListener('dragover', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  e.preventDefault();
  dropHint.hidden = false;
});
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) dropHint.hidden = true;
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  dropHint.hidden = true;
  const file = e.dataTransfer?.files[0];
  if (file) void openFile(file);
});
document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if (e.key === '/' && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
    e.preventDefault();
    byId('search').focus();
  } else if (e.key === 'Escape' && !byId('article').hidden) closeArticle();
});
/** A fragment edited by hand, or a history entry come back to: apply it as a whole. */
function applyUrlState(): void {
  const next = parseViewState(location.hash);
  if (serialiseViewState(next) === serialiseViewState(state) || !session) return;
  const s = session;
  state = next;
  hook.state = state;
  applyColours(s);
  syncFilterControls();
  syncImportance(s);
  docSelect.value = state.document ?? '';
  minInput.value = String(state.minMentions);
  timeline.setRange(state.from, state.to);
  applyFilters(s);
  applyTime(s);
  setMap(state.map, true);
  if (state.camera) s.sigma.getCamera().setState(state.camera);
  select(state.selected, false, 'restore');
  redraw(s);
}
window.addEventListener('hashchange', applyUrlState);
window.addEventListener('popstate', applyUrlState);

// ───────────── boot ─────────────

async function boot(): Promise<void> {
  const requested = new URLSearchParams(location.search).get('graph');
  let url: URL;
  try {
    url = new URL(requested ?? './graph.json', location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    showMessage(`The graph address "${requested}" is not a valid http(s) URL.`);
    return;
  }
  announce('Loading graph…');
  try {
    const graph = await loadGraphFromUrl(url, mark);
    mark('parsed');
    mount(graph, new URL('documents.json', url));
    mark('mounted');
  } catch (err) {
    showMessage(err instanceof LoadError ? err.message : `The graph could not be displayed: ${(err as Error).message}`);
    announce('No graph loaded.');
  }
}

void boot();

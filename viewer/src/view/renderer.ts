/**
 * Sigma setup. The reducers are bound once and only read precomputed sets (visibility, ghosts,
 * neighbours): a hover or a filter change updates those sets and asks sigma for a refresh.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { GHOST_EDGE, GHOST_NODE, relationColour } from '../core/legend';
import type { NodeDisplay } from '../core/graphModel';
import type { ViewerEdge, ViewerGraph, ViewerNode } from '../core/types';

/** Deepest zoom of the graph view; map mode goes far deeper (MAP_MIN_CAMERA_RATIO). */
export const MIN_CAMERA_RATIO = 0.02;
/**
 * Map mode: a city's events sit inside its own neighbourhood, closer to it than to its districts
 * (core/geo.ts), so reading them takes a street-level zoom (a few hundredths of a degree across
 * on a regional graph). Deeper than this, float32 positions would start to jitter.
 */
export const MAP_MIN_CAMERA_RATIO = 0.0002;
/**
 * Map mode: satellites at least this share of the map's extent apart, so that at the deepest zoom
 * (on a 400 px viewport, about 20 px per this spacing, halved when parked nodes double the extent)
 * each one can still be picked, however many events a city has.
 */
export const MAP_MIN_SPACING = MAP_MIN_CAMERA_RATIO * 0.05;


export interface RenderState {
  display: Map<string, NodeDisplay>;
  neighbours: Map<string, Set<string>>;
  /** Nodes / edges passing the structural filters. */
  visibleNodes: Set<string>;
  visibleEdges: Set<string>;
  /** Nodes / edges outside the time range. */
  ghostNodes: Set<string>;
  ghostEdges: Set<string>;
  hovered: string | null;
  selected: string | null;
  /** Node size multiplier (smaller on the map, where places crowd). */
  sizeScale: number;
  /** The nodes drawn (overview budget or a selection's neighbourhood), or null for all visible ones. */
  drawn: Set<string> | null;
  /** The edges with both ends drawn (setDrawn), or null when every node is drawn. */
  drawnEdges: Set<string> | null;
}

export function emptyRenderState(graph: ViewerGraph, display: Map<string, NodeDisplay>, neighbours: Map<string, Set<string>>): RenderState {
  return {
    display,
    neighbours,
    visibleNodes: new Set(graph.nodes()),
    visibleEdges: new Set(graph.edges()),
    ghostNodes: new Set(),
    ghostEdges: new Set(),
    hovered: null,
    selected: null,
    sizeScale: 1,
    drawn: null,
    drawnEdges: null,
  };
}

/** Smallest node radius on the map (px): sigma picks nodes on a layer drawn at half resolution. */
export const MIN_MAP_NODE_SIZE = 3;

/** The selected node's edges. */
const FOCUS_EDGE = '#6b7785';

// Per relation and per weight, computed once: the reducers run for every edge on each refresh.
const edgeColours = new Map<string, string>();
function edgeColour(relation: string): string {
  let c = edgeColours.get(relation);
  if (c === undefined) edgeColours.set(relation, (c = relationColour(relation)));
  return c;
}
const edgeSizes: number[] = [];
function edgeSize(weight: number | undefined): number {
  const w = weight ?? 1;
  if (Number.isInteger(w) && w >= 0 && w < 256) return (edgeSizes[w] ??= Math.min(4, 0.6 + Math.log2(1 + w) * 0.5));
  return Math.min(4, 0.6 + Math.log2(1 + w) * 0.5);
}

/**
 * Sets the drawn nodes, and with them the drawn edges (both ends drawn), so the edge reducer
 * answers with one set lookup instead of looking up each edge's two ends.
 */
export function setDrawn(graph: ViewerGraph, state: RenderState, drawn: Set<string> | null): void {
  state.drawn = drawn;
  if (drawn === null) {
    state.drawnEdges = null;
    return;
  }
  const edges = new Set<string>();
  for (const key of drawn) {
    if (!graph.hasNode(key)) continue;
    graph.forEachOutEdge(key, (edge, _a, _s, target) => {
      if (drawn.has(target)) edges.add(edge);
    });
    graph.forEachUndirectedEdge(key, (edge, _a, source, target) => {
      if (drawn.has(source === key ? target : source)) edges.add(edge);
    });
  }
  state.drawnEdges = edges;
}

export function sigmaSettings(graph: ViewerGraph, state: RenderState): Partial<Settings<ViewerNode, ViewerEdge>> {
  const large = graph.size > 20_000 || graph.order > 5_000;
  // Large graphs: 1-px GL lines (2 vertices an edge) instead of feathered quads (6 vertices).
  const edgeType = large ? 'thin' : 'arrow';
  const nodeType = large ? 'point' : 'circle';
  return {
    // Large-graph hygiene: no edges while moving, no z-sorting, no edge picking.
    hideEdgesOnMove: true,
    zIndex: false,
    enableEdgeEvents: false,
    renderEdgeLabels: false,
    // Node labels are placed by view/labels.ts (by importance, never overlapping).
    renderLabels: false,
    labelFont: 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    defaultEdgeType: edgeType,
    // (sigma's program classes are typed for plain Attributes; ours are a subtype.)
    edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram, thin: EdgeLineProgram } as unknown as Settings<ViewerNode, ViewerEdge>['edgeProgramClasses'],
    // Large graphs: one GL point a node instead of a triangle.
    nodeProgramClasses: { circle: NodeCircleProgram, point: NodePointProgram } as unknown as Settings<ViewerNode, ViewerEdge>['nodeProgramClasses'],
    defaultNodeType: nodeType,
    minCameraRatio: MIN_CAMERA_RATIO,
    maxCameraRatio: 20,
    stagePadding: 40,
    // Hover is not here: view/hover.ts draws it on a layer of its own, without a refresh.
    nodeReducer: (key: string, attrs: ViewerNode): Partial<NodeDisplayData> => {
      // Most nodes of a corpus are not drawn: answer those at once (sigma reduces every node).
      if (!state.visibleNodes.has(key) || (state.drawn !== null && !state.drawn.has(key))) return { x: attrs.x, y: attrs.y, hidden: true, size: 1, type: nodeType, label: null };
      const d = state.display.get(key);
      // On the map nodes keep their pixel size at any zoom: none may be too small for sigma's
      // half-resolution picking layer, or it could never be hovered or clicked.
      const size = state.sizeScale === 1 ? (d?.size ?? 4) : Math.max(MIN_MAP_NODE_SIZE, (d?.size ?? 4) * state.sizeScale);
      const selected = key === state.selected;
      if (state.ghostNodes.has(key)) {
        return { x: attrs.x, y: attrs.y, label: selected ? attrs.label : null, size: Math.max(2, size * 0.6), color: GHOST_NODE, type: nodeType, zIndex: 0, highlighted: selected, forceLabel: selected };
      }
      return { x: attrs.x, y: attrs.y, label: attrs.label, size, color: d?.colour ?? '#888888', type: nodeType, zIndex: 0, highlighted: selected, forceLabel: selected };
    },
    edgeReducer: (key: string, attrs: ViewerEdge): Partial<EdgeDisplayData> => {
      if (!state.visibleEdges.has(key) || (state.drawnEdges !== null && !state.drawnEdges.has(key))) return { hidden: true, type: edgeType };
      const size = edgeSize(attrs.weight);
      if (state.ghostEdges.has(key)) return { color: GHOST_EDGE, size, type: edgeType, label: null };
      const focus = state.selected;
      if (focus !== null && (graph.source(key) === focus || graph.target(key) === focus)) return { color: FOCUS_EDGE, size: size + 0.8, type: edgeType, label: null };
      return { color: edgeColour(attrs.relation), size, type: edgeType, label: null };
    },
  };
}

export function createRenderer(container: HTMLElement, graph: ViewerGraph, state: RenderState): Sigma<ViewerNode, ViewerEdge> {
  const sigma = new Sigma<ViewerNode, ViewerEdge>(graph, container, sigmaSettings(graph, state));
  // Sigma clears its label and edge-label canvases on every render, though neither is used here
  // (view/labels.ts draws the labels): out of the page, they cost nothing to composite.
  const canvases = sigma.getCanvases();
  for (const id of ['labels', 'edgeLabels']) if (canvases[id]) canvases[id].style.display = 'none';
  syncHighlightLayers(sigma, state);
  return sigma;
}

/**
 * Sigma's hover layers (a canvas and a WebGL context) hold only the hovered and the selected
 * node; it clears them on every render, and with software compositing each WebGL layer on the
 * page is read back at every frame. Out of the page while neither exists, a range drag's frame
 * reads back two WebGL layers instead of three.
 */
export function syncHighlightLayers(sigma: Sigma<ViewerNode, ViewerEdge>, state: RenderState): void {
  const display = state.hovered === null && state.selected === null ? 'none' : '';
  const canvases = sigma.getCanvases();
  for (const id of ['hovers', 'hoverNodes']) if (canvases[id] && canvases[id].style.display !== display) canvases[id].style.display = display;
}

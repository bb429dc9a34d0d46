/**
 * Sigma setup. The reducers are bound once and only read precomputed sets (visibility, ghosts,
 * neighbours): a hover or a filter change updates those sets and asks sigma for a refresh.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { fade, relationColour } from '../core/legend';
import type { NodeDisplay } from '../core/graphModel';
import type { ViewerEdge, ViewerGraph, ViewerNode } from '../core/types';

export const GHOST_NODE = '#e3e5e8';
export const GHOST_EDGE = '#eef0f2';
/** Deepest zoom of the graph view; map mode goes far deeper (MAP_MIN_CAMERA_RATIO). */
export const MIN_CAMERA_RATIO = 0.02;
/**
 * Map mode: a city's events sit inside its own neighbourhood, closer to it than to its districts
 * (core/geo.ts), so reading them takes a street-level zoom (a few hundredths of a degree across
 * on a regional graph). Deeper than this, float32 positions would start to jitter.
 */
export const MAP_MIN_CAMERA_RATIO = 0.0002;


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
  };
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
    nodeReducer: (key: string, attrs: ViewerNode): Partial<NodeDisplayData> => {
      // Most nodes of a corpus are not drawn: answer those at once (sigma reduces every node).
      if (!state.visibleNodes.has(key) || (state.drawn !== null && !state.drawn.has(key))) return { x: attrs.x, y: attrs.y, hidden: true, size: 1, type: nodeType, label: null };
      const d = state.display.get(key);
      const out: Partial<NodeDisplayData> = {
        x: attrs.x,
        y: attrs.y,
        label: attrs.label,
        size: (d?.size ?? 4) * state.sizeScale,
        color: d?.colour ?? '#888888',
        type: nodeType, // our `type` attribute is the node's type (capture, city…), not a sigma program
        hidden: !state.visibleNodes.has(key) || (state.drawn !== null && !state.drawn.has(key)),
        zIndex: 0,
      };
      if (state.ghostNodes.has(key)) {
        out.color = GHOST_NODE;
        out.label = null;
        out.size = Math.max(2, (out.size ?? 4) * 0.6);
      }
      const focus = state.hovered;
      if (focus !== null) {
        if (key === focus || state.neighbours.get(focus)?.has(key)) {
          out.forceLabel = !state.ghostNodes.has(key) || key === focus;
          if (key === focus) out.label = attrs.label;
          out.highlighted = key === focus;
        } else {
          out.color = fade(out.color ?? '#888888', 0.82);
          out.label = null;
        }
      }
      if (key === state.selected) {
        out.highlighted = true;
        out.forceLabel = true;
        out.label = attrs.label;
      }
      return out;
    },
    edgeReducer: (key: string, attrs: ViewerEdge): Partial<EdgeDisplayData> => {
      if (!state.visibleEdges.has(key)) return { hidden: true, type: edgeType };
      const out: Partial<EdgeDisplayData> = {
        color: relationColour(attrs.relation),
        size: Math.min(4, 0.6 + Math.log2(1 + (attrs.weight ?? 1)) * 0.5),
        type: edgeType,
        hidden: !state.visibleEdges.has(key) || (state.drawn !== null && !(state.drawn.has(graph.source(key)) && state.drawn.has(graph.target(key)))),
        label: null,
      };
      if (state.ghostEdges.has(key)) out.color = GHOST_EDGE;
      const focus = state.hovered ?? state.selected;
      if (focus !== null) {
        const touches = graph.source(key) === focus || graph.target(key) === focus;
        if (touches && !state.ghostEdges.has(key)) {
          out.color = '#6b7785';
          out.size = (out.size ?? 1) + 0.8;
        } else if (state.hovered !== null) out.hidden = true;
      }
      return out;
    },
  };
}

export function createRenderer(container: HTMLElement, graph: ViewerGraph, state: RenderState): Sigma<ViewerNode, ViewerEdge> {
  return new Sigma<ViewerNode, ViewerEdge>(graph, container, sigmaSettings(graph, state));
}

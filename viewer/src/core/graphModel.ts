/** Preparing a loaded graph for display, and the derived lookups the view needs (built once per graph). */
import { communityColours, kindColour, typeColour, type ColourMode, type SizeMode } from './legend';
import type { Evidence, ViewerGraph, ViewerNode } from './types';

function asStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? (value as string[]) : value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string' || value === '') return [];
  const parsed = tryJson(value);
  if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
  return value.split('|').map((v) => v.trim()).filter(Boolean);
}

function tryJson(value: string): unknown {
  if (!/^\s*[[{]/.test(value)) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

// GEXF keeps evidence as "docId#sentence: text" strings (a Gephi list holds only strings); the
// first "#<number>" followed by ": " or the end closes the id, which may hold a "#" of its own.
const EVIDENCE_STRING = /^(.*?)#(\d+)(?:: ([\s\S]*))?$/;

function asEvidence(value: unknown): Evidence[] {
  const list = typeof value === 'string' ? tryJson(value) : value;
  if (!Array.isArray(list)) return [];
  const out: Evidence[] = [];
  for (const e of list) {
    if (e && typeof e === 'object' && typeof (e as Evidence).text === 'string') {
      const ev = e as Evidence;
      // graph.json's entries are already in shape: keep them (a corpus has ~200,000 of them)
      if (typeof ev.doc === 'string' && typeof ev.sentence === 'number') out.push(ev);
      else out.push({ doc: String(ev.doc ?? ''), sentence: Number(ev.sentence ?? 0), text: ev.text });
    } else if (typeof e === 'string') {
      const m = EVIDENCE_STRING.exec(e);
      if (m?.[3]) out.push({ doc: m[1]!, sentence: Number(m[2]), text: m[3] });
    }
  }
  return out;
}

const finite = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/**
 * Give every node and edge the attributes the viewer relies on, whatever file it came from
 * (graph.json from the pipeline, or a GEXF where lists arrive as strings). Mutates and returns the graph.
 */
export function prepareGraph(graph: ViewerGraph): ViewerGraph {
  const order = graph.order;
  let index = 0;
  // In place (nothing listens to the graph yet): copying ~18,000 attribute objects of a corpus
  // costs a tenth of a second and as much again in garbage collection.
  graph.forEachNode((key, attrs) => {
    const a = attrs as Record<string, unknown>;
    const i = index++;
    const angle = (2 * Math.PI * i) / Math.max(order, 1);
    a.label = typeof a.label === 'string' && a.label !== '' ? a.label : key;
    a.kind = typeof a.kind === 'string' && a.kind ? a.kind : 'node';
    a.type = typeof a.type === 'string' ? a.type : '';
    a.aliases = asStringList(a.aliases);
    a.documents = asStringList(a.documents);
    a.evidence = asEvidence(a.evidence);
    a.mentions = finite(a.mentions) ?? 0;
    a.x = finite(a.x) ?? 100 * Math.cos(angle);
    a.y = finite(a.y) ?? 100 * Math.sin(angle);
    a.size = finite(a.size) ?? 1;
    for (const field of ['lat', 'lon', 'killed', 'wounded', 'captured', 'importance', 'community'] as const) {
      if (!(field in a)) continue;
      const v = finite(a[field]);
      if (v === undefined) delete a[field];
      else a[field] = v;
    }
    if (a.figures !== undefined) a.figures = asStringList(a.figures);
  });
  graph.forEachEdge((_key, attrs) => {
    const a = attrs as Record<string, unknown>;
    const spells = typeof a.spells === 'string' ? tryJson(a.spells) : a.spells;
    a.relation = typeof a.relation === 'string' && a.relation ? a.relation : typeof a.label === 'string' ? a.label : 'related';
    a.evidence = asEvidence(a.evidence);
    a.weight = finite(a.weight) ?? 1;
    if (Array.isArray(spells)) a.spells = spells;
  });
  return graph;
}

export interface NodeDisplay {
  colour: string;
  /** On-screen radius in pixels at ratio 1. */
  size: number;
}

/**
 * Colour by (kind, type), kind or community, and a radius from node.size (the pipeline's
 * importance) or from the mentions, rescaled to 3..18 px (sqrt, so hubs don't swamp); 2..12 px
 * above 5,000 nodes, where fewer covered pixels keep software WebGL responsive.
 */
export function nodeDisplay(
  graph: ViewerGraph,
  minSize = graph.order > 5000 ? 2 : 3,
  maxSize = graph.order > 5000 ? 12 : 18,
  mode: ColourMode = 'type',
  sizeMode: SizeMode = 'importance',
): Map<string, NodeDisplay> {
  const valueOf = sizeMode === 'mentions' ? (a: ViewerNode): number => a.mentions : (a: ViewerNode): number => a.size;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  graph.forEachNode((_k, a) => {
    lo = Math.min(lo, valueOf(a));
    hi = Math.max(hi, valueOf(a));
  });
  const span = Math.sqrt(Math.max(hi - lo, 0));
  const out = new Map<string, NodeDisplay>();
  const communities = mode === 'community' ? communityColours(graph) : null;
  const colourOf = (a: ViewerNode): string =>
    communities ? communities.get(typeof a.community === 'number' ? a.community : -1)! : mode === 'kind' ? kindColour(a.kind) : typeColour(a.kind, a.type);
  graph.forEachNode((key, a) => {
    const t = span > 0 ? Math.sqrt(valueOf(a) - lo) / span : 0.3;
    out.set(key, { colour: colourOf(a), size: minSize + t * (maxSize - minSize) });
  });
  return out;
}

/**
 * What a selection shows among `visible`: the node and its direct neighbours (depth 1), all of
 * them; at depth 2 also the neighbours' neighbours, most important first (`rank`: lower is more
 * important) while the whole stays within `limit` nodes, so a hub's second ring does not bring
 * back the hairball.
 */
export function neighbourhood(
  key: string,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  visible: ReadonlySet<string>,
  depth: 1 | 2 = 1,
  rank: ReadonlyMap<string, number> = new Map(),
  limit = Number.POSITIVE_INFINITY,
): Set<string> {
  const out = new Set<string>([key]);
  for (const n of neighbours.get(key) ?? []) if (visible.has(n)) out.add(n);
  if (depth < 2 || out.size >= limit) return out;
  const second = new Set<string>();
  for (const n of out) for (const m of neighbours.get(n) ?? []) if (!out.has(m) && visible.has(m)) second.add(m);
  const byRank = [...second].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
  for (const m of byRank) {
    if (out.size >= limit) break;
    out.add(m);
  }
  return out;
}

/** Neighbours of every node, either direction (hover highlighting). */
export function neighbourSets(graph: ViewerGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  graph.forEachNode((key) => out.set(key, new Set()));
  graph.forEachEdge((_e, _a, source, target) => {
    out.get(source)!.add(target);
    out.get(target)!.add(source);
  });
  return out;
}

/** A copy of the graph keeping only the given nodes and edges (edges need both ends kept). */
export function subgraph(
  graph: ViewerGraph,
  keepNode: (key: string) => boolean,
  keepEdge: (key: string) => boolean,
): ViewerGraph {
  const copy = graph.nullCopy(); // no nodes, no edges (emptyCopy keeps the nodes)
  graph.forEachNode((key, attrs) => {
    if (keepNode(key)) copy.addNode(key, { ...attrs });
  });
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    if (!keepEdge(key) || !copy.hasNode(source) || !copy.hasNode(target)) return;
    if (undirected) copy.addUndirectedEdgeWithKey(key, source, target, { ...attrs });
    else copy.addDirectedEdgeWithKey(key, source, target, { ...attrs });
  });
  return copy;
}

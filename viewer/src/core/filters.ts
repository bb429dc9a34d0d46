/** Structural filters (legend toggles, document, minimum mentions): which nodes and edges are shown at all. */
import type { ViewerGraph, ViewerNode } from './types';

export interface FilterState {
  /** Hidden legend keys: "kind:<kind>" or "type:<type>" (a type key hides that type in every kind). */
  hidden: ReadonlySet<string>;
  /** Only nodes mentioned in this document, or null for all. */
  document: string | null;
  /** Nodes mentioned fewer times are hidden (0 = no limit). */
  minMentions: number;
}

export const kindKey = (kind: string): string => `kind:${kind}`;
export const typeKey = (type: string): string => `type:${type}`;

export function nodePassesFilters(attrs: ViewerNode, filter: FilterState): boolean {
  if (filter.hidden.has(kindKey(attrs.kind)) || filter.hidden.has(typeKey(attrs.type))) return false;
  if (filter.document !== null && !attrs.documents.includes(filter.document)) return false;
  if (filter.minMentions > 0 && attrs.mentions < filter.minMentions) return false;
  return true;
}

export interface Visibility {
  nodes: Set<string>;
  /** Edges whose two ends are shown. */
  edges: Set<string>;
}

export function computeVisibility(graph: ViewerGraph, filter: FilterState): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (nodePassesFilters(attrs, filter)) nodes.add(key);
  });
  const edges = new Set<string>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target)) edges.add(edge);
  });
  return { nodes, edges };
}

/** Sorted ids of every document any node cites, with how many nodes cite it. */
export function documentCounts(graph: ViewerGraph): Array<{ id: string; nodes: number }> {
  const counts = new Map<string, number>();
  graph.forEachNode((_key, attrs) => {
    for (const doc of attrs.documents) counts.set(doc, (counts.get(doc) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, nodes]) => ({ id, nodes }));
}

/**
 * Structural filters (legend toggles, document, minimum mentions and importance): which nodes and
 * edges are shown at all.
 */
import type { ViewerGraph, ViewerNode } from './types';

export interface FilterState {
  /**
   * Hidden keys: "kind:<kind>", "type:<type>" (a type key hides that type in every kind),
   * "mod:<modality>" (events of that modality), "rel:<relation>" (edges of that relation).
   */
  hidden: ReadonlySet<string>;
  /** Only nodes mentioned in this document, or null for all. */
  document: string | null;
  /** Nodes mentioned fewer times are hidden (0 = no limit). */
  minMentions: number;
  /** Nodes less important are hidden (0 = no limit); see importanceOf. */
  minImportance?: number;
  /** Nodes of these communities are hidden (ids; -1 for nodes without one). */
  hiddenCommunities?: ReadonlySet<number>;
}

export const kindKey = (kind: string): string => `kind:${kind}`;
export const typeKey = (type: string): string => `type:${type}`;
export const modalityKey = (modality: string): string => `mod:${modality}`;
export const relationKey = (relation: string): string => `rel:${relation}`;
export const communityKey = (community: number | 'other'): string => `com:${community}`;
/** The prefixes a hidden key may have (anything else in a URL is ignored). */
export const HIDDEN_KEY = /^(kind|type|mod|rel|com):./;

/** The pipeline's importance (PageRank in [0, 1]), or the size a foreign file gives. */
export const importanceOf = (attrs: ViewerNode): number => attrs.importance ?? attrs.size;
export const communityOf = (attrs: ViewerNode): number => (typeof attrs.community === 'number' ? attrs.community : -1);

export function nodePassesFilters(attrs: ViewerNode, filter: FilterState): boolean {
  const hidden = filter.hidden;
  if (hidden.size > 0) {
    if (hidden.has(kindKey(attrs.kind)) || hidden.has(typeKey(attrs.type))) return false;
    if (typeof attrs.modality === 'string' && hidden.has(modalityKey(attrs.modality))) return false;
  }
  if (filter.document !== null && !attrs.documents.includes(filter.document)) return false;
  if (filter.minMentions > 0 && attrs.mentions < filter.minMentions) return false;
  if (filter.minImportance && importanceOf(attrs) < filter.minImportance) return false;
  if (filter.hiddenCommunities?.size && filter.hiddenCommunities.has(communityOf(attrs))) return false;
  return true;
}

export interface Visibility {
  nodes: Set<string>;
  /** Edges whose two ends are shown, of a relation not hidden. */
  edges: Set<string>;
}

export function computeVisibility(graph: ViewerGraph, filter: FilterState): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (nodePassesFilters(attrs, filter)) nodes.add(key);
  });
  const hiddenRelations = new Set([...filter.hidden].filter((k) => k.startsWith('rel:')));
  const edges = new Set<string>();
  graph.forEachEdge((edge, attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target) && (hiddenRelations.size === 0 || !hiddenRelations.has(relationKey(attrs.relation)))) edges.add(edge);
  });
  return { nodes, edges };
}

/**
 * The least importance kept when the bottom `percentile` % of nodes (by importance) is cut;
 * `importances` sorted high to low. 0 for no cut. Ties at the threshold are all kept.
 */
export function importanceThreshold(importances: readonly number[], percentile: number): number {
  if (percentile <= 0 || importances.length === 0) return 0;
  const keep = Math.max(1, Math.ceil((importances.length * (100 - Math.min(percentile, 100))) / 100));
  return importances[keep - 1]!;
}

/** Sorted ids of every document any node cites, with how many nodes cite it. */
export function documentCounts(graph: ViewerGraph): Array<{ id: string; nodes: number }> {
  const counts = new Map<string, number>();
  graph.forEachNode((_key, attrs) => {
    for (const doc of attrs.documents) counts.set(doc, (counts.get(doc) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, nodes]) => ({ id, nodes }));
}

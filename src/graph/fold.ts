import type { KnowledgeGraph } from './build.js';

/**
 * The multigraph folded into a simple undirected weighted graph on node indices: loops dropped,
 * a weight of 0 or less counted as 1, parallel edges (either direction) summed. The metrics and
 * the layout both work on it.
 */
export interface FoldedGraph {
  /** Node keys in the graph's order; a node's index is its position here. */
  keys: string[];
  index: Map<string, number>;
  /** Drawn sizes (1 where unset). */
  sizes: number[];
  /** One entry per linked pair, in the order the pair was first seen, as first seen (source → target). */
  pairs: Array<{ source: number; target: number; weight: number }>;
  /** Per node: its neighbours and the summed weights to them (pairs in order, lower index first). */
  neighbours: number[][];
  weights: number[][];
}

/** Each node's drawn size (1 where unset), in the graph's order. */
export function drawnSizes(graph: KnowledgeGraph): number[] {
  const sizes: number[] = [];
  graph.forEachNode((_key, attrs) => sizes.push(attrs.size > 0 ? attrs.size : 1));
  return sizes;
}

export function foldGraph(graph: KnowledgeGraph): FoldedGraph {
  const keys: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((key) => {
    index.set(key, keys.length);
    keys.push(key);
  });
  const sizes = drawnSizes(graph);
  const n = keys.length;
  // One entry per unordered pair: a Map lookup instead of graphology's per-edge bookkeeping.
  const byPair = new Map<number, { source: number; target: number; weight: number }>();
  graph.forEachEdge((_key, attrs, source, target) => {
    if (source === target) return;
    const a = index.get(source)!;
    const b = index.get(target)!;
    const pair = a < b ? a * n + b : b * n + a;
    const w = attrs.weight > 0 ? attrs.weight : 1;
    const entry = byPair.get(pair);
    if (entry) entry.weight += w;
    else byPair.set(pair, { source: a, target: b, weight: w });
  });
  const pairs = [...byPair.values()];
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const weights: number[][] = Array.from({ length: n }, () => []);
  for (const { source, target, weight } of pairs) {
    const a = Math.min(source, target);
    const b = Math.max(source, target);
    neighbours[a]!.push(b);
    weights[a]!.push(weight);
    neighbours[b]!.push(a);
    weights[b]!.push(weight);
  }
  return { keys, index, sizes, pairs, neighbours, weights };
}

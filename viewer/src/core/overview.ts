/**
 * The overview of a large graph: the most important nodes up to a budget, so the first view of a
 * corpus (thousands of nodes) reads as a map of its hubs rather than a hairball. Nodes without any
 * edge are left out unless asked for. Framework-free and deterministic.
 */
import type { ViewerGraph } from './types';

/** Nodes drawn at first; "Show more" doubles it. */
export const DEFAULT_BUDGET = 300;

/** Keys by importance, most important first: importance, then mentions, degree, key. */
export function importanceOrder(graph: ViewerGraph): string[] {
  const rows = graph.mapNodes((key, a) => ({ key, importance: a.importance ?? a.size, mentions: a.mentions, degree: graph.degree(key) }));
  rows.sort((a, b) => b.importance - a.importance || b.mentions - a.mentions || b.degree - a.degree || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((r) => r.key);
}

/** True when a node has an edge to another node (self-loops do not count). */
export function isConnected(neighbours: ReadonlyMap<string, ReadonlySet<string>>, key: string): boolean {
  const set = neighbours.get(key);
  if (!set) return false;
  for (const other of set) if (other !== key) return true;
  return false;
}

export interface Overview {
  /** Nodes drawn, or null when every visible node is drawn (nothing cut). */
  nodes: Set<string> | null;
  /** How many visible nodes are drawn, and how many pass the filters. */
  shown: number;
  total: number;
  /** Visible nodes left out because they have no edge at all. */
  unconnected: number;
}

/**
 * The drawn subset of `visible`: the top `budget` nodes in `order` (0 = no budget), without
 * unconnected ones unless `showUnconnected`. When the budget cuts, a node none of whose
 * neighbours made the cut would float alone; it gives its place to the next node that touches
 * the kept set (a few rounds, so the result stays close to the plain top-N).
 */
export function overviewSet(
  order: readonly string[],
  visible: ReadonlySet<string>,
  neighbours: ReadonlyMap<string, ReadonlySet<string>>,
  budget: number,
  showUnconnected: boolean,
): Overview {
  const candidates: string[] = [];
  const lone: string[] = [];
  for (const key of order) {
    if (!visible.has(key)) continue;
    if (isConnected(neighbours, key)) candidates.push(key);
    else lone.push(key);
  }
  const total = visible.size;
  // Unconnected nodes, when asked for, come on top of the budget: they are what was asked for.
  const extra = showUnconnected ? lone : [];
  if (budget <= 0 || candidates.length <= budget) {
    const shown = candidates.length + extra.length;
    return { nodes: shown === total ? null : new Set([...candidates, ...extra]), shown, total, unconnected: lone.length };
  }
  const kept = new Set(candidates.slice(0, budget));
  let next = budget;
  for (let round = 0; round < 4; round++) {
    const lonely = [...kept].filter((k) => ![...(neighbours.get(k) ?? [])].some((n) => n !== k && kept.has(n)));
    if (lonely.length === 0) break;
    for (const k of lonely) kept.delete(k);
    // refill with the next candidates that touch what is kept
    while (kept.size < budget && next < candidates.length) {
      const k = candidates[next++]!;
      if ([...(neighbours.get(k) ?? [])].some((n) => n !== k && kept.has(n))) kept.add(k);
    }
  }
  for (const k of extra) kept.add(k);
  return { nodes: kept, shown: kept.size, total, unconnected: lone.length };
}

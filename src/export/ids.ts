/**
 * Deterministic ids for exported nodes and edges.
 *
 * graphology names edges added without a key "geid_<instance>_<n>", where <instance> counts up from
 * a random byte: the same build would get different ids on each run. Exporters therefore rename
 * such keys to "e<n>" (n is the graph's own edge counter, so it is stable).
 */
import type { AbstractGraph } from 'graphology-types';

const GENERATED_EDGE_KEY = /^geid_\d+_(\d+)$/;

/** "geid_183_7" → "e7"; any other key is returned unchanged. */
export function stableEdgeKey(key: string): string {
  // Most keys are ours ("agent:a->b"): a prefix test spares them the regex.
  if (!key.startsWith('geid_')) return key;
  const match = GENERATED_EDGE_KEY.exec(key);
  return match ? `e${match[1]}` : key;
}

/**
 * Applies `rewrite` to every key and returns only the keys whose id differs, each mapped to a
 * unique id: keys left unchanged keep their id, rewritten ones get "~2", "~3"... on a clash.
 */
export function assignIds(forEachKey: (visit: (key: string) => void) => void, rewrite: (key: string) => string): Map<string, string> {
  const renamed = new Map<string, string>();
  const dirty: string[] = [];
  forEachKey((key) => {
    if (rewrite(key) !== key) dirty.push(key);
  });
  if (dirty.length === 0) return renamed;
  const used = new Set<string>();
  forEachKey((key) => {
    if (rewrite(key) === key) used.add(key);
  });
  for (const key of dirty) {
    const base = rewrite(key);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    renamed.set(key, id);
  }
  return renamed;
}

/** Renamed edge ids for a graph (see stableEdgeKey), optionally with a further rewrite (XML hygiene). */
export function edgeIdMap(graph: AbstractGraph, rewrite: (key: string) => string = (key) => key): Map<string, string> {
  return assignIds(
    (visit) => graph.forEachEdge((edge) => visit(edge)),
    (key) => rewrite(stableEdgeKey(key)),
  );
}

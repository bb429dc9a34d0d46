import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { cjsDefault } from '../util/interop.js';
import { seededRandom } from '../util/random.js';
import type { KnowledgeGraph } from './build.js';
import { foldGraph, type FoldedGraph } from './fold.js';

const louvain = cjsDefault(louvainModule);
const pagerank = cjsDefault(pagerankModule);

export { seededRandom };

/** The multigraph folded (see foldGraph) into a graphology graph, which the metrics expect. */
function simpleView(folded: FoldedGraph): UndirectedGraph {
  const simple = new UndirectedGraph({ allowSelfLoops: false });
  for (const key of folded.keys) simple.addNode(key);
  for (const { source, target, weight } of folded.pairs) simple.addEdge(folded.keys[source]!, folded.keys[target]!, { weight });
  return simple;
}

/**
 * importance ∈ [0,1] from PageRank (normalised to the maximum), community from Louvain. The
 * pipeline passes the graph folded once for both the metrics and the layout.
 */
export function assignMetrics(graph: KnowledgeGraph, folded?: FoldedGraph): void {
  if (graph.order === 0) return;
  const simple = simpleView(folded ?? foldGraph(graph));
  let ranks: Record<string, number>;
  try {
    ranks = pagerank(simple, { getEdgeWeight: 'weight', maxIterations: 200, tolerance: 1e-8 });
  } catch {
    // PageRank may not converge on odd graphs (a few disconnected pairs): weighted degree instead.
    ranks = {};
    simple.forEachNode((k) => {
      let w = 0;
      simple.forEachEdge(k, (_e, a) => (w += (a.weight as number) ?? 1));
      ranks[k] = w + 1;
    });
  }
  let max = 0;
  for (const k in ranks) max = Math.max(max, ranks[k]!);
  const communities = simple.size > 0 ? louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom(42) }) : {};
  graph.forEachNode((key, attrs) => {
    attrs.importance = max > 0 ? Math.round(((ranks[key] ?? 0) / max) * 1e6) / 1e6 : 0;
    attrs.community = communities[key] ?? 0;
  });
}

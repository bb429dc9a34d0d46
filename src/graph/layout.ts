import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../util/interop.js';
import type { KnowledgeGraph } from './build.js';
import { seededRandom, simpleView } from './metrics.js';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

/**
 * Positions from ForceAtlas2, run in the pipeline so Gephi and the viewer open on a readable
 * picture. Starting points come from a seeded PRNG and the iteration count from the graph's size,
 * so the same graph always gets the same coordinates.
 */
export function assignLayout(graph: KnowledgeGraph, options: { iterations?: number } = {}): void {
  if (graph.order === 0) return;
  const simple = simpleView(graph);
  const random = seededRandom(7);
  const radius = Math.sqrt(graph.order) * 10;
  simple.forEachNode((key: string) => {
    simple.mergeNodeAttributes(key, { x: (random() - 0.5) * radius, y: (random() - 0.5) * radius });
  });
  const n = graph.order;
  // Exact forces are O(n²) per iteration: beyond a few hundred nodes Barnes-Hut and fewer
  // iterations give the same picture in a fraction of the time.
  const iterations = options.iterations ?? (n < 500 ? 300 : n < 2_000 ? 100 : n < 5_000 ? 40 : 20);
  const settings = forceAtlas2.inferSettings(simple);
  const positions = forceAtlas2(simple, {
    iterations,
    getEdgeWeight: 'weight',
    settings: { ...settings, barnesHutOptimize: n >= 500, adjustSizes: false, outboundAttractionDistribution: true },
  });
  graph.forEachNode((key, attrs) => {
    const p = positions[key]!;
    // Rounded so tiny floating-point differences never change the output bytes.
    attrs.x = Number.isFinite(p.x) ? Math.round(p.x * 1000) / 1000 : 0;
    attrs.y = Number.isFinite(p.y) ? Math.round(p.y * 1000) / 1000 : 0;
  });
}

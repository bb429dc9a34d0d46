/** The filtered graph as GEXF 1.3 for Gephi (graphology-gexf's writer; pure, no DOM). */
import write from 'graphology-gexf/browser/writer.js';
import { flattenForGexf, subgraph } from './graphModel';
import type { ViewerGraph } from './types';

/** "#rrggbb" → "rgb(r,g,b)": the writer then emits r/g/b attributes, which Gephi and networkx read (not hex). */
export function gexfColour(colour: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return 'rgb(136,136,136)';
  return `rgb(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)})`;
}

export function filteredGexf(
  graph: ViewerGraph,
  keepNode: (key: string) => boolean,
  keepEdge: (key: string) => boolean,
  colourOf: (key: string) => string,
): string {
  const sub = subgraph(graph, keepNode, keepEdge);
  return write(sub, {
    version: '1.3',
    formatNode: (key, a) => ({
      label: String(a.label),
      viz: { color: gexfColour(colourOf(key)), size: Number(a.size) || 1, x: Number(a.x) || 0, y: Number(a.y) || 0 },
      attributes: flattenForGexf(a, ['label', 'x', 'y', 'size', 'color']),
    }),
    formatEdge: (_key, a) => ({
      label: String(a.relation ?? ''),
      weight: typeof a.weight === 'number' ? a.weight : 1,
      attributes: flattenForGexf(a, ['color', 'size', 'weight']),
    }),
  });
}

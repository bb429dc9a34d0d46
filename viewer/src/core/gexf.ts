/**
 * The filtered graph as GEXF 1.3 for Gephi: the pipeline's own writer (src/export/gexf-core.ts, pure,
 * no DOM or Node), so the file has the same timeline, typed columns and Gephi rules as graph.gexf.
 */
import { gexfUtf8Chunks, type GexfOptions } from '../../../src/export/gexf-core';
import { subgraph } from './graphModel';
import type { ViewerGraph } from './types';

/** Described as such in the file's <meta>, so a filtered export is not taken for a full build. */
export const FILTERED_GEXF_OPTIONS: GexfOptions = { title: 'newsgraph viewer: filtered graph' };

/**
 * The nodes and edges kept, each node coloured as the view shows it (`colourOf`: the viewer's
 * palette, not the stored colour). Everything else (positions as currently laid out, sizes,
 * attributes, dates and spells) is written as the graph holds it. Returns the file's UTF-8 bytes
 * in chunks, ready to be a Blob's parts.
 */
export function filteredGexf(
  graph: ViewerGraph,
  keepNode: (key: string) => boolean,
  keepEdge: (key: string) => boolean,
  colourOf: (key: string) => string,
  options: GexfOptions = FILTERED_GEXF_OPTIONS,
): Uint8Array<ArrayBuffer>[] {
  const sub = subgraph(graph, keepNode, keepEdge);
  // subgraph() copied every attribute object: recolouring them in place leaves the view's graph alone.
  sub.forEachNode((key, attributes) => {
    attributes.color = colourOf(key);
  });
  return gexfUtf8Chunks(sub, options);
}

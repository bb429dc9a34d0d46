/**
 * Streaming GEXF 1.3 writer for Gephi 0.10 and networkx: the text comes from gexf-core.ts (pure, also
 * used by the viewer), written here to a Node stream in chunks.
 */
import type { AbstractGraph } from 'graphology-types';
import type { EdgeAttributes, NodeAttributes } from '../types.js';
import { ChunkWriter } from './chunk-writer.js';
import { gexfPieces, type GexfOptions } from './gexf-core.js';

export { gexfPieces, gexfUtf8Chunks, isIsoDay, MAX_EVIDENCE_CHARS, MAX_EVIDENCE_ITEMS, normalizeSpells } from './gexf-core.js';
export type { GexfOptions } from './gexf-core.js';

/**
 * Writes `graph` as GEXF 1.3 to `out` in chunks, waiting on backpressure. Resolves once everything
 * is handed to the stream; the caller ends the stream (OutputBatch.commit() does).
 */
export async function writeGexf(
  graph: AbstractGraph<NodeAttributes, EdgeAttributes> | AbstractGraph,
  out: NodeJS.WritableStream,
  options: GexfOptions = {},
): Promise<void> {
  const writer = new ChunkWriter(out);
  try {
    for (const piece of gexfPieces(graph, options)) {
      writer.write(piece);
      if (writer.hasReadyChunks) await writer.flush();
    }
  } catch (error) {
    writer.detach();
    throw error;
  }
  await writer.finish();
}

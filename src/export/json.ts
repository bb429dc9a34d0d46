/**
 * graph.json: graphology's own serialisation (the viewer loads it with graph.import), made
 * deterministic: attribute keys sorted, graphology's run-dependent generated edge keys renamed
 * (see ids.ts), no pretty-printing. Same graph → byte-identical text.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { ChunkWriter } from './chunk-writer.js';
import { edgeIdMap } from './ids.js';

function sortedAttributes(attributes: Attributes): Attributes {
  const sorted: Attributes = {};
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
  return sorted;
}

function hasKeys(attributes: Attributes): boolean {
  for (const _key in attributes) return true;
  return false;
}

/** The export as JSON text pieces, in the order and shape of graph.export(). */
function* graphJsonPieces(graph: AbstractGraph): Generator<string> {
  const edgeIds = edgeIdMap(graph);
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(sortedAttributes(graph.getAttributes()))},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const entry: Attributes = { key: node };
    if (hasKeys(attributes)) entry.attributes = sortedAttributes(attributes);
    yield (first ? '' : ',') + JSON.stringify(entry);
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const entry: Attributes = { key: edgeIds.get(edge) ?? edge, source, target };
    if (hasKeys(attributes)) entry.attributes = sortedAttributes(attributes);
    if (undirected && graph.type === 'mixed') entry.undirected = true;
    yield (first ? '' : ',') + JSON.stringify(entry);
    first = false;
  }
  yield ']}';
}

/** graph.export() as compact, deterministic JSON text. */
export function serializeGraph(graph: AbstractGraph): string {
  const pieces: string[] = [];
  for (const piece of graphJsonPieces(graph)) pieces.push(piece);
  return pieces.join('');
}

/** The same text as serializeGraph(), streamed in chunks (for graphs too big for one string). */
export async function writeGraphJson(graph: AbstractGraph, out: NodeJS.WritableStream): Promise<void> {
  const writer = new ChunkWriter(out);
  try {
    for (const piece of graphJsonPieces(graph)) {
      writer.write(piece);
      if (writer.hasReadyChunks) await writer.flush();
    }
  } catch (error) {
    writer.detach();
    throw error;
  }
  await writer.finish();
}

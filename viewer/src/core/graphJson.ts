/** Reading graph.json (graphology's serialisation): pure, so tests load a graph exactly as the viewer does. */
import { MultiGraph } from 'graphology';
import type { ViewerGraph } from './types';

/** A problem with the file, worded for people (shown as is, never as a stack trace). */
export class LoadError extends Error {}

interface SerializedGraph {
  options?: { type?: string; multi?: boolean; allowSelfLoops?: boolean };
  nodes: unknown[];
  edges?: unknown[];
}

/** The graph in `text` as a multigraph of its own type (not yet prepared: see prepareGraph). */
export function graphFromJson(text: string, name: string): ViewerGraph {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new LoadError(`${name} is not valid JSON (${(err as Error).message}).`);
  }
  const data = json as SerializedGraph | null;
  if (!data || typeof data !== 'object' || !Array.isArray(data.nodes)) {
    throw new LoadError(`${name} is not a graphology graph: expected an object with a "nodes" array.`);
  }
  const type = data.options?.type === 'directed' || data.options?.type === 'undirected' ? data.options.type : 'mixed';
  const graph = new MultiGraph({ type, allowSelfLoops: true }) as unknown as ViewerGraph;
  try {
    graph.import({ ...data, options: undefined } as never);
  } catch (err) {
    throw new LoadError(`${name} could not be read as a graph: ${(err as Error).message}`);
  }
  return graph;
}

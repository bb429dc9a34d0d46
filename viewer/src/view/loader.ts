/** Loading a graph from a URL or a file (graphology JSON or GEXF), with errors worded for people. */
import { MultiGraph } from 'graphology';
import parseGexf from 'graphology-gexf/browser/parser.js';
import { graphFromJson, LoadError } from '../core/graphJson';
import { prepareGraph } from '../core/graphModel';
import type { ViewerGraph } from '../core/types';

export { LoadError };

function fromGexf(text: string, name: string): ViewerGraph {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new LoadError(`${name} is not well-formed XML.`);
  try {
    return parseGexf(MultiGraph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true }) as unknown as ViewerGraph;
  } catch (err) {
    throw new LoadError(`${name} could not be read as GEXF: ${(err as Error).message}`);
  }
}

/** Parse file contents; GEXF is recognised by extension or by content. */
export function parseGraphText(text: string, name: string): ViewerGraph {
  const looksXml = /\.gexf$/i.test(name) || /^\s*(<\?xml|<gexf)/.test(text);
  const graph = looksXml ? fromGexf(text, name) : graphFromJson(text, name);
  if (graph.order === 0) throw new LoadError(`${name} holds no nodes.`);
  return prepareGraph(graph);
}

/** `phase` hears when the file has arrived (for the first-render timings). */
export async function loadGraphFromUrl(url: URL, phase: (name: string) => void = () => undefined): Promise<ViewerGraph> {
  const name = url.pathname.split('/').pop() || url.href;
  let response: Response;
  try {
    response = await fetch(url.href, { credentials: 'same-origin' });
  } catch {
    throw new LoadError(`Could not fetch ${url.href}. Is the server running, and is the file on the same origin?`);
  }
  if (!response.ok) {
    throw new LoadError(
      response.status === 404
        ? `No graph at ${url.pathname} (404). Build one with "newsgraph build <articles> -o out", then "newsgraph view out", or open a file with "Open…".`
        : `Loading ${url.pathname} failed: HTTP ${response.status}.`,
    );
  }
  const text = await response.text();
  phase('fetched');
  return parseGraphText(text, name);
}

/** Export the view as PNG and the filtered graph as GEXF. */
import type Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import { write } from 'graphology-gexf/browser';
import { flattenForGexf, subgraph } from '../core/graphModel';
import type { ViewerGraph } from '../core/types';
import { downloadBlob } from './dom';
import { attachWorldLayer, type WorldPaths } from './world';

export async function exportPng(sigma: Sigma<any, any>, worldOutline: WorldPaths | null): Promise<void> {
  await downloadAsPNG(sigma, {
    fileName: 'newsgraph',
    backgroundColor: '#ffffff',
    layers: ['world', 'edges', 'nodes', 'edgeLabels', 'labels'],
    withTempRenderer: (tmp) => {
      if (worldOutline) attachWorldLayer(tmp).setPath(worldOutline);
    },
  });
}

export function gexfOf(
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
      viz: { color: colourOf(key), size: Number(a.size) || 1, x: Number(a.x) || 0, y: Number(a.y) || 0 },
      attributes: flattenForGexf(a, ['label', 'x', 'y', 'size', 'color']),
    }),
    formatEdge: (_key, a) => ({
      label: String(a.relation ?? ''),
      weight: typeof a.weight === 'number' ? a.weight : 1,
      attributes: flattenForGexf(a, ['color', 'size', 'weight']),
    }),
  });
}

export function exportGexf(text: string): void {
  downloadBlob(new Blob([text], { type: 'application/gexf+xml' }), 'newsgraph-filtered.gexf');
}

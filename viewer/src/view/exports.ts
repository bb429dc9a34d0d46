/** Export the view as PNG and the filtered graph as GEXF. */
import type Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import { downloadBlob } from './dom';
import { attachLabelLayer, type LabelSource } from './labels';
import { attachWorldLayer, type WorldPaths } from './world';

export async function exportPng(sigma: Sigma<any, any>, worldOutline: WorldPaths | null, labels: LabelSource): Promise<void> {
  await downloadAsPNG(sigma, {
    fileName: 'newsgraph',
    backgroundColor: '#ffffff',
    layers: ['world', 'edges', 'nodes', 'edgeLabels', 'labels', 'ngLabels'],
    withTempRenderer: (tmp) => {
      if (worldOutline) attachWorldLayer(tmp).setPath(worldOutline);
      attachLabelLayer(tmp, labels); // the same labels as on screen
    },
  });
}

/** `chunks`: the file's UTF-8 bytes (see filteredGexf), handed to the Blob without joining them. */
export function exportGexf(chunks: Uint8Array<ArrayBuffer>[]): void {
  downloadBlob(new Blob(chunks, { type: 'application/gexf+xml' }), 'newsgraph-filtered.gexf');
}

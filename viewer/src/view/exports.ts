/** Export the view as PNG (with a title and a legend) and the filtered graph as GEXF. */
import type Sigma from 'sigma';
import { drawOnCanvas } from '@sigma/export-image';
import { downloadBlob } from './dom';
import type { PlacedLabel } from '../core/labels';
import { attachLabelLayer, type LabelLayer, type LabelSource } from './labels';
import { attachWorldLayer, type WorldPaths } from './world';

export interface KeyEntry {
  name: string;
  colour: string;
  count: number;
}

/** What the picture says beside the graph: a title, a subtitle and the colour keys of what is drawn. */
export interface ExportCaption {
  title: string;
  subtitle: string;
  nodes: { heading: string; entries: KeyEntry[] };
  edges: KeyEntry[];
}

/** Where the parts of the last exported picture lie (CSS pixels), for tests. */
export interface ExportLayout {
  width: number;
  height: number;
  graph: { x: number; y: number; width: number; height: number };
  legend: { x: number; y: number; width: number; height: number };
  title: string;
  subtitle: string;
  legendRows: string[];
  /** The node labels drawn, in the graph's frame: each lies whole inside it. */
  labels: PlacedLabel[];
}

const TITLE_BAND = 58;
const LEGEND_WIDTH = 230;
const ROW = 17;
const MAX_ROWS = 24;
const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

/** Text cut to a width with an ellipsis (a picture has no tooltip). */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/**
 * The graph as sigma draws it (labels placed by view/labels.ts, kept whole inside the frame),
 * under a title band, with the colour keys of the drawn nodes and edges in a column on the right.
 */
export async function composePng(sigma: Sigma<any, any>, worldOutline: WorldPaths | null, labels: LabelSource, caption: ExportCaption): Promise<{ canvas: HTMLCanvasElement; layout: ExportLayout }> {
  let labelLayer: LabelLayer | null = null;
  const graph = await drawOnCanvas(sigma, {
    backgroundColor: '#ffffff',
    layers: ['world', 'edges', 'nodes', 'ngLabels'],
    withTempRenderer: (tmp) => {
      if (worldOutline) attachWorldLayer(tmp).setPath(worldOutline);
      // the same labels as on screen, each placed whole inside the frame; drawn now, since the
      // temporary renderer has already rendered its one frame when this runs
      labelLayer = attachLabelLayer(tmp, labels);
      labelLayer.draw();
    },
  });
  const { width: gw, height: gh } = sigma.getDimensions();
  const ratio = graph.width / Math.max(1, gw);
  const rows: Array<{ kind: 'heading' | 'node' | 'edge'; text: string; colour?: string; count?: number }> = [];
  const nodeEntries = caption.nodes.entries.slice(0, MAX_ROWS);
  rows.push({ kind: 'heading', text: caption.nodes.heading });
  for (const e of nodeEntries) rows.push({ kind: 'node', text: e.name, colour: e.colour, count: e.count });
  if (caption.nodes.entries.length > nodeEntries.length) rows.push({ kind: 'heading', text: `and ${caption.nodes.entries.length - nodeEntries.length} more` });
  if (caption.edges.length > 0) {
    rows.push({ kind: 'heading', text: 'Edges' });
    for (const e of caption.edges.slice(0, MAX_ROWS)) rows.push({ kind: 'edge', text: e.name, colour: e.colour, count: e.count });
  }
  const legendHeight = 16 + rows.length * ROW;
  const width = gw + LEGEND_WIDTH;
  const height = Math.max(TITLE_BAND + gh, TITLE_BAND + legendHeight);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(graph, 0, TITLE_BAND, gw, gh);
  // title band
  ctx.fillStyle = '#1f2933';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `600 17px ${FONT}`;
  ctx.fillText(fit(ctx, caption.title, width - 24), 12, 25);
  ctx.fillStyle = '#6b7280';
  ctx.font = `12px ${FONT}`;
  ctx.fillText(fit(ctx, caption.subtitle, width - 24), 12, 45);
  ctx.fillStyle = '#e3e6ea';
  ctx.fillRect(0, TITLE_BAND - 1, width, 1);
  ctx.fillRect(gw, TITLE_BAND, 1, height - TITLE_BAND);
  // legend column
  const x0 = gw + 14;
  let y = TITLE_BAND + 16;
  for (const row of rows) {
    if (row.kind === 'heading') {
      ctx.fillStyle = '#6b7280';
      ctx.font = `600 11px ${FONT}`;
      ctx.fillText(fit(ctx, row.text, LEGEND_WIDTH - 24), x0, y + 4);
    } else {
      ctx.fillStyle = row.colour!;
      if (row.kind === 'node') {
        ctx.beginPath();
        ctx.arc(x0 + 5, y, 5, 0, 2 * Math.PI);
        ctx.fill();
      } else ctx.fillRect(x0, y - 2, 12, 4);
      ctx.fillStyle = '#1f2933';
      ctx.font = `12px ${FONT}`;
      const count = row.count!.toLocaleString('en');
      const countWidth = ctx.measureText(count).width;
      ctx.fillText(fit(ctx, row.text, LEGEND_WIDTH - 48 - countWidth), x0 + 18, y + 4);
      ctx.fillStyle = '#6b7280';
      ctx.fillText(count, gw + LEGEND_WIDTH - 12 - countWidth, y + 4);
    }
    y += ROW;
  }
  return {
    canvas,
    layout: {
      width,
      height,
      graph: { x: 0, y: TITLE_BAND, width: gw, height: gh },
      legend: { x: gw, y: TITLE_BAND, width: LEGEND_WIDTH, height: legendHeight },
      title: caption.title,
      subtitle: caption.subtitle,
      legendRows: rows.map((r) => r.text),
      labels: [...((labelLayer as LabelLayer | null)?.placed() ?? [])],
    },
  };
}

export async function exportPng(sigma: Sigma<any, any>, worldOutline: WorldPaths | null, labels: LabelSource, caption: ExportCaption): Promise<ExportLayout> {
  const { canvas, layout } = await composePng(sigma, worldOutline, labels, caption);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser gave no PNG'))), 'image/png'));
  downloadBlob(blob, 'newsgraph.png');
  return layout;
}

/** `chunks`: the file's UTF-8 bytes (see filteredGexf), handed to the Blob without joining them. */
export function exportGexf(chunks: Uint8Array<ArrayBuffer>[]): void {
  downloadBlob(new Blob(chunks, { type: 'application/gexf+xml' }), 'newsgraph-filtered.gexf');
}

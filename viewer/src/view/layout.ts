/** "Layout": ForceAtlas2 in a web worker for a few seconds (stoppable), then noverlap in screen space. */
import type Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { ViewerGraph } from '../core/types';

export class LayoutRunner {
  private fa2: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly announce: (message: string) => void,
  ) {}

  running(): boolean {
    return this.fa2 !== null;
  }

  start(graph: ViewerGraph, sigma: Sigma<any, any>, done: () => void): void {
    if (this.fa2) return;
    const settings = { ...inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false };
    this.fa2 = new FA2Layout(graph, { settings, getEdgeWeight: 'weight' });
    this.fa2.start();
    this.button.textContent = 'Stop';
    this.button.setAttribute('aria-pressed', 'true');
    this.announce('Layout running…');
    const ms = Math.min(8000, 2500 + graph.order * 0.5);
    this.timer = setTimeout(() => this.stop(graph, sigma, done), ms);
  }

  stop(graph: ViewerGraph, sigma: Sigma<any, any>, done: () => void): void {
    if (!this.fa2) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.fa2.kill();
    this.fa2 = null;
    // Remove overlaps as seen on screen, where node sizes are pixels.
    noverlap.assign(graph, {
      maxIterations: graph.order > 5000 ? 8 : 60,
      settings: { margin: 2, ratio: 1.1 },
      inputReducer: (key, attrs) => {
        const p = sigma.graphToViewport(attrs);
        return { x: p.x, y: p.y, size: sigma.getNodeDisplayData(key)?.size ?? 4 };
      },
      outputReducer: (_key, attrs) => sigma.viewportToGraph(attrs),
    });
    this.button.textContent = 'Layout';
    this.button.setAttribute('aria-pressed', 'false');
    this.announce('Layout done.');
    done();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.fa2?.kill();
    this.fa2 = null;
    this.button.textContent = 'Layout';
    this.button.setAttribute('aria-pressed', 'false');
  }
}

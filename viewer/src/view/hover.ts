/**
 * Hover highlighting on a canvas layer above sigma's nodes: a white veil fades everything drawn
 * (the same colour as fading each node toward white), then the hovered node, its drawn
 * neighbours and the edges between them are drawn again on top. A hover costs the hovered node's
 * degree, not a sigma refresh, which re-reduces and re-uploads every node and edge (seconds at
 * 50,000 nodes in software WebGL). Redrawn after every sigma render, so it follows the camera.
 */
import type Sigma from 'sigma';
import type { ViewerGraph } from '../core/types';
import { fitCanvas } from './canvas';
import type { RenderState } from './renderer';

/** How far the rest of the graph fades toward white while a node is hovered. */
export const HOVER_FADE = 0.82;
/** The hovered node's edges. */
export const HOVER_EDGE_COLOUR = '#6b7785';

export interface HoverLayer {
  /** Redraws now (the hovered node in RenderState changed). */
  draw(): void;
  /** Redraws at the next animation frame; several calls within a frame draw once. */
  schedule(): void;
}

/**
 * The hovered node and its neighbours that sigma draws (not hidden): what stays in colour, and
 * whose labels are shown, while hovering. Null when nothing drawn is hovered.
 */
export function hoverFocus(sigma: Sigma<any, any>, state: RenderState): Set<string> | null {
  const focus = state.hovered;
  if (focus === null) return null;
  const own = sigma.getNodeDisplayData(focus);
  if (!own || own.hidden) return null;
  const out = new Set<string>([focus]);
  for (const n of state.neighbours.get(focus) ?? []) {
    const d = sigma.getNodeDisplayData(n);
    if (d && !d.hidden) out.add(n);
  }
  return out;
}

export function attachHoverLayer(sigma: Sigma<any, any>, graph: ViewerGraph, state: RenderState, afterDraw: () => void = () => undefined): HoverLayer {
  const canvas = sigma.createCanvas('ngHover', { afterLayer: 'nodes', style: { pointerEvents: 'none' } });
  canvas.setAttribute('aria-hidden', 'true');
  let frame = 0;
  // Out of the page while nothing is hovered: an empty full-size layer still costs a composite a frame.
  canvas.style.display = 'none';
  let drawn = false;
  const draw = (): void => {
    const focus = hoverFocus(sigma, state);
    if (focus === null && !drawn) return;
    const fitted = fitCanvas(canvas, sigma);
    if (!fitted) return;
    const { ctx, width, height, ratio } = fitted;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawn = focus !== null;
    canvas.style.display = drawn ? '' : 'none';
    if (focus === null) return;
    const hovered = state.hovered!;
    ctx.fillStyle = `rgba(255,255,255,${HOVER_FADE})`;
    ctx.fillRect(0, 0, width, height);
    // Its edges in time (a ghost edge stays faded), drawn under the nodes.
    ctx.strokeStyle = HOVER_EDGE_COLOUR;
    ctx.lineWidth = 1.4;
    ctx.beginPath();
    graph.forEachEdge(hovered, (edge, _attrs, source, target) => {
      if (state.ghostEdges.has(edge) || !state.visibleEdges.has(edge)) return;
      const other = source === hovered ? target : source;
      if (!focus.has(other)) return;
      const a = sigma.framedGraphToViewport(sigma.getNodeDisplayData(source)!);
      const b = sigma.framedGraphToViewport(sigma.getNodeDisplayData(target)!);
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.stroke();
    for (const key of focus) {
      const d = sigma.getNodeDisplayData(key)!;
      const p = sigma.framedGraphToViewport(d);
      const r = Math.max(1, sigma.scaleSize(d.size));
      ctx.beginPath();
      ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
      ctx.fillStyle = d.color;
      ctx.fill();
      if (key === hovered) {
        ctx.lineWidth = 2;
        ctx.strokeStyle = '#1f2933';
        ctx.stroke();
      }
    }
  };
  sigma.on('afterRender', draw);
  return {
    draw,
    schedule() {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
        afterDraw();
      });
    },
  };
}

import type Sigma from 'sigma';

/** A layer canvas sized to sigma's viewport at the device's pixel ratio, ready to draw on. */
export interface FittedCanvas {
  ctx: CanvasRenderingContext2D;
  /** The viewport in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
}

/**
 * Resizes a layer canvas of sigma's (createCanvas) to the viewport in device pixels, only when
 * the size changed (a resize clears it), and hands back its 2D context; the caller sets its own
 * transform. Null when the browser gives no 2D context.
 */
export function fitCanvas(canvas: HTMLCanvasElement, sigma: Sigma<any, any>): FittedCanvas | null {
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  return ctx ? { ctx, width, height, ratio } : null;
}

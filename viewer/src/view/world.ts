/**
 * The offline world outline behind sigma in map mode: Natural Earth countries (world-atlas, bundled
 * as an asset and fetched on first use), projected once into graph space as a Path2D, then drawn
 * each frame with the affine transform sigma currently uses from graph space to the viewport.
 */
import type Sigma from 'sigma';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { project, type Projection } from '../core/geo';
import { fitCanvas } from './canvas';

let topologyPromise: Promise<Topology> | null = null;

function loadTopology(): Promise<Topology> {
  topologyPromise ??= fetch(worldUrl).then((r) => {
    if (!r.ok) throw new Error(`world outline: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return topologyPromise;
}

export interface WorldPaths {
  /** Land, filled. */
  land: Path2D;
  /** Coasts and borders, stroked: without the artificial edges along the antimeridian and the poles. */
  outline: Path2D;
}

/** Country outlines projected into graph space. */
export async function worldPath(projection: Projection): Promise<WorldPaths> {
  const topology = await loadTopology();
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const land = new Path2D();
  const outline = new Path2D();
  const artificial = (a: number[], b: number[]): boolean =>
    (Math.abs(a[0]!) >= 179.99 && Math.abs(b[0]!) >= 179.99) || (Math.abs(a[1]!) >= 89.9 && Math.abs(b[1]!) >= 89.9);
  const addRing = (ring: number[][]): void => {
    let offset = 0; // unwrap longitudes so a ring crossing ±180° stays in one piece
    let prev: number[] | null = null;
    ring.forEach((point, i) => {
      const [lon, lat] = point as [number, number];
      if (prev && Math.abs(lon + offset - prev[0]!) > 180) offset += lon + offset > prev[0]! ? -360 : 360;
      const unwrapped = [lon + offset, lat];
      const p = project(projection, unwrapped[0]!, lat);
      if (i === 0) land.moveTo(p.x, p.y);
      else land.lineTo(p.x, p.y);
      if (i === 0 || (prev && artificial(point, ring[i - 1]!))) outline.moveTo(p.x, p.y);
      else outline.lineTo(p.x, p.y);
      prev = unwrapped;
    });
    land.closePath();
  };
  for (const f of countries.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Polygon') g.coordinates.forEach(addRing);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly) => poly.forEach(addRing));
  }
  return { land, outline };
}

export interface WorldLayer {
  draw(): void;
  setPath(path: WorldPaths | null): void;
}

/** A canvas under sigma's edge layer, redrawn after every sigma render. */
export function attachWorldLayer(sigma: Sigma<any, any>): WorldLayer {
  const canvas = sigma.createCanvas('world', { beforeLayer: 'edges', style: { pointerEvents: 'none' } });
  canvas.setAttribute('aria-hidden', 'true');
  let path: WorldPaths | null = null;
  // Out of the page while there is no map: an empty full-size layer still costs a composite a frame.
  canvas.style.display = 'none';
  const draw = (): void => {
    canvas.style.display = path ? '' : 'none';
    if (!path) return;
    const fitted = fitCanvas(canvas, sigma);
    if (!fitted) return;
    const { ctx, ratio } = fitted;
    const { width: w, height: h } = canvas; // device pixels
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#eef4f8'; // sea
    ctx.fillRect(0, 0, w, h);
    // graph → viewport is affine: read it off three points.
    const o = sigma.graphToViewport({ x: 0, y: 0 });
    const ex = sigma.graphToViewport({ x: 1, y: 0 });
    const ey = sigma.graphToViewport({ x: 0, y: 1 });
    const a = ex.x - o.x, b = ex.y - o.y, c = ey.x - o.x, d = ey.y - o.y;
    const scale = Math.sqrt(Math.abs(a * d - b * c)) || 1;
    ctx.setTransform(a * ratio, b * ratio, c * ratio, d * ratio, o.x * ratio, o.y * ratio);
    ctx.fillStyle = '#fbfaf7';
    ctx.fill(path.land, 'evenodd');
    ctx.lineWidth = 0.8 / scale;
    ctx.strokeStyle = '#b9c0c8';
    ctx.stroke(path.outline);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  };
  sigma.on('afterRender', draw);
  return {
    draw,
    setPath(p) {
      path = p;
      draw();
    },
  };
}

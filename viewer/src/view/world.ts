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

let topologyPromise: Promise<Topology> | null = null;

function loadTopology(): Promise<Topology> {
  topologyPromise ??= fetch(worldUrl).then((r) => {
    if (!r.ok) throw new Error(`world outline: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return topologyPromise;
}

/** Country outlines projected into graph space. */
export async function worldPath(projection: Projection): Promise<Path2D> {
  const topology = await loadTopology();
  const countries = feature(topology, topology.objects.countries as GeometryCollection);
  const path = new Path2D();
  const addRing = (ring: number[][]): void => {
    ring.forEach(([lon, lat], i) => {
      const p = project(projection, lon!, lat!);
      if (i === 0) path.moveTo(p.x, p.y);
      else path.lineTo(p.x, p.y);
    });
    path.closePath();
  };
  for (const f of countries.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Polygon') g.coordinates.forEach(addRing);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly) => poly.forEach(addRing));
  }
  return path;
}

export interface WorldLayer {
  draw(): void;
  setPath(path: Path2D | null): void;
}

/** A canvas under sigma's edge layer, redrawn after every sigma render. */
export function attachWorldLayer(sigma: Sigma<any, any>): WorldLayer {
  const canvas = sigma.createCanvas('world', { beforeLayer: 'edges', style: { pointerEvents: 'none' } });
  canvas.setAttribute('aria-hidden', 'true');
  let path: Path2D | null = null;
  const draw = (): void => {
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
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    if (!path) return;
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
    ctx.fill(path, 'evenodd');
    ctx.lineWidth = 0.8 / scale;
    ctx.strokeStyle = '#b9c0c8';
    ctx.stroke(path);
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

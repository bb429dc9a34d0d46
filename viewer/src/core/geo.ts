/**
 * Map mode layout: places at their lon/lat, events around their place, actors around their
 * most-connected place, everything else parked in a column to the east.
 * Projection: equirectangular with a standard parallel at the places' mean latitude
 * (x = lon·cos φ0, y = lat; sigma's graph y axis points up), so the region of interest keeps its shape.
 */
import type { Point, ViewerGraph } from './types';

export interface Projection {
  /** cos of the standard parallel. */
  k: number;
}

export function projectionFor(latitudes: readonly number[]): Projection {
  if (latitudes.length === 0) return { k: 1 };
  const mean = latitudes.reduce((s, v) => s + v, 0) / latitudes.length;
  const clamped = Math.max(-60, Math.min(60, mean));
  return { k: Math.cos((clamped * Math.PI) / 180) };
}

export function project(p: Projection, lon: number, lat: number): Point {
  return { x: lon * p.k, y: lat };
}

export interface MapLayout {
  positions: Map<string, Point>;
  /** Nodes with nowhere to go, in the side column. */
  parked: string[];
  projection: Projection;
  /** Nodes placed by coordinates (directly or through a place). */
  located: number;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/** i-th point of a sunflower spiral around an anchor: spread evenly, never two on the same spot. */
function around(anchor: Point, i: number, step: number, offset: number): Point {
  const r = step * Math.sqrt(i + offset);
  const a = (i + offset) * GOLDEN;
  return { x: anchor.x + r * Math.cos(a), y: anchor.y + r * Math.sin(a) };
}

const validCoord = (lat: unknown, lon: unknown): boolean =>
  typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

export function mapLayout(graph: ViewerGraph): MapLayout {
  const sorted = graph.nodes().sort();
  const coords = new Map<string, { lat: number; lon: number }>();
  for (const key of sorted) {
    const a = graph.getNodeAttributes(key);
    if (validCoord(a.lat, a.lon)) coords.set(key, { lat: a.lat!, lon: a.lon! });
  }
  const projection = projectionFor([...coords.values()].map((c) => c.lat));
  const anchors = new Map<string, Point>();
  for (const [key, c] of coords) anchors.set(key, project(projection, c.lon, c.lat));

  // Places without coordinates inherit their container's ("located in"), one or two hops up.
  for (let hop = 0; hop < 3; hop++) {
    for (const key of sorted) {
      if (anchors.has(key) || graph.getNodeAttribute(key, 'kind') !== 'place') continue;
      for (const edge of graph.outEdges(key)) {
        const parent = graph.target(edge);
        if (graph.getEdgeAttribute(edge, 'relation') === 'located in' && anchors.has(parent) && coords.has(parent)) {
          anchors.set(key, anchors.get(parent)!);
          break;
        }
      }
    }
  }

  let minX = Number.POSITIVE_INFINITY, maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY, maxY = Number.NEGATIVE_INFINITY;
  for (const p of anchors.values()) {
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  if (anchors.size === 0) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  const span = Math.max(maxX - minX, maxY - minY, 0.5);
  // Events → the place they happened at (heaviest location edge, then key).
  const eventPlace = new Map<string, string>();
  for (const key of sorted) {
    if (graph.getNodeAttribute(key, 'kind') !== 'event') continue;
    let best: string | null = null;
    let bestWeight = -1;
    for (const edge of graph.outEdges(key)) {
      const target = graph.target(edge);
      const e = graph.getEdgeAttributes(edge);
      if (e.relation !== 'location' || !anchors.has(target)) continue;
      const w = e.weight ?? 1;
      if (w > bestWeight || (w === bestWeight && best !== null && target < best)) {
        best = target;
        bestWeight = w;
      }
    }
    if (best !== null) eventPlace.set(key, best);
  }

  // Actors → the place they are most connected to, directly or through their events.
  const actorPlace = new Map<string, string>();
  for (const key of sorted) {
    if (graph.getNodeAttribute(key, 'kind') !== 'actor') continue;
    const score = new Map<string, number>();
    graph.forEachNeighbor(key, (other, attrs) => {
      const place = attrs.kind === 'event' ? eventPlace.get(other) : attrs.kind === 'place' && anchors.has(other) ? other : undefined;
      if (place !== undefined) score.set(place, (score.get(place) ?? 0) + 1);
    });
    let best: string | null = null;
    let bestScore = 0;
    for (const [place, s] of score) {
      if (s > bestScore || (s === bestScore && best !== null && place < best)) {
        best = place;
        bestScore = s;
      }
    }
    if (best !== null) actorPlace.set(key, best);
  }

  // Satellites are spaced by the scale where events concentrate (interquartile box of their
  // places, at least 1°), not the whole extent: one far-off place must not scatter or squash
  // Syria's events. The busiest place's spiral stays within that scale.
  const q = (v: number[], f: number): number => v[Math.min(v.length - 1, Math.floor(f * v.length))] ?? 0;
  const hubs = eventPlace.size >= 4 ? [...eventPlace.values()].map((k) => anchors.get(k)!) : [...anchors.values()];
  const xs = hubs.map((p) => p.x).sort((a, b) => a - b);
  const ys = hubs.map((p) => p.y).sort((a, b) => a - b);
  const coreSpan = Math.max(q(xs, 0.75) - q(xs, 0.25), q(ys, 0.75) - q(ys, 0.25), 1);
  const load = new Map<string, number>();
  for (const place of [...eventPlace.values(), ...actorPlace.values()]) load.set(place, (load.get(place) ?? 0) + 1);
  const busiest = Math.max(1, ...load.values());
  const step = coreSpan * Math.min(0.07, 1 / Math.sqrt(busiest));

  const positions = new Map<string, Point>();
  const crowd = new Map<string, number>(); // how many satellites each anchor already has
  const satellite = (anchorKey: string, offset: number): Point => {
    const i = crowd.get(anchorKey) ?? 0;
    crowd.set(anchorKey, i + 1);
    return around(anchors.get(anchorKey)!, i, step, offset);
  };
  const parked: string[] = [];
  for (const key of sorted) {
    if (coords.has(key)) positions.set(key, anchors.get(key)!);
  }
  // Places inheriting a container position sit just beside it.
  for (const key of sorted) {
    if (!coords.has(key) && anchors.has(key)) {
      const parent = [...anchors.entries()].find(([k, p]) => coords.has(k) && p === anchors.get(key))?.[0];
      positions.set(key, parent ? satellite(parent, 1) : anchors.get(key)!);
    }
  }
  for (const key of sorted) {
    if (positions.has(key)) continue;
    const anchorKey = eventPlace.get(key) ?? actorPlace.get(key);
    if (anchorKey !== undefined) positions.set(key, satellite(anchorKey, 1));
    else parked.push(key);
  }
  const located = positions.size;

  // Parking: a block of columns east of the map, top-aligned.
  const gap = span * 0.035;
  const rows = Math.max(1, Math.ceil(Math.sqrt(parked.length * 3)));
  const x0 = maxX + span * 0.12;
  parked.forEach((key, i) => {
    positions.set(key, { x: x0 + Math.floor(i / rows) * gap, y: maxY - (i % rows) * gap });
  });
  return { positions, parked, projection, located };
}

/** Outline rings (lon/lat) projected; returns arrays of points per ring. */
export function projectRings(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, p: Projection): Point[][] {
  return rings.map((ring) => ring.map(([lon, lat]) => project(p, lon, lat)));
}

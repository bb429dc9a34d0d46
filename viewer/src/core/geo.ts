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

/**
 * A satellite must be nearer its own anchor than any other anchor by this share of the distance
 * between the two: clouds stay in disjoint regions (no two satellites meet, each is nearest its own
 * anchor) with a free band between neighbours and around every other anchor. The boundary is a
 * hyperbola, not a circle, so a hub with a close neighbour can still grow away from it.
 */
const MARGIN = 0.1;
/** Spiral points tried per satellite before the spacing shrinks: a region may cover a sixth of that disc. */
const CANDIDATES = 6;

/**
 * Every point within (1 - MARGIN)/2 of the nearest other anchor's distance is in the region: at this
 * spacing a spiral of n fits there, so cloudAround's search always ends.
 */
const sureSpacing = (n: number, nearest: number): number => (0.999 * (1 - MARGIN) * nearest) / 2 / Math.sqrt(n);

/** A cloud may grow away from a close neighbour, but not without bound: ten times the sure spacing at most. */
const firstSpacing = (n: number, step: number, nearest: number): number => Math.min(step, 10 * sureSpacing(n, nearest));

/** The anchors among `byX` (sorted by x) within `radius` of `c`, but `c` itself, nearest first. */
function anchorsWithin(byX: readonly Point[], c: Point, radius: number): Array<{ p: Point; d: number }> {
  const out: Array<{ p: Point; d: number }> = [];
  let lo = 0;
  for (let hi = byX.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (byX[mid]!.x < c.x - radius) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < byX.length && byX[i]!.x <= c.x + radius; i++) {
    const p = byX[i]!;
    const d = Math.hypot(p.x - c.x, p.y - c.y);
    if (p !== c && d < radius) out.push({ p, d });
  }
  return out.sort((a, b) => a.d - b.d);
}

/** Distance from `c` to the nearest other anchor: walk out from `c` along x until |dx| alone is too far. */
function nearestAnchor(byX: readonly Point[], c: Point): number {
  const at = byX.indexOf(c);
  let best = Number.POSITIVE_INFINITY;
  for (let i = at - 1; i >= 0 && c.x - byX[i]!.x < best; i--) best = Math.min(best, Math.hypot(byX[i]!.x - c.x, byX[i]!.y - c.y));
  for (let i = at + 1; i < byX.length && byX[i]!.x - c.x < best; i++) best = Math.min(best, Math.hypot(byX[i]!.x - c.x, byX[i]!.y - c.y));
  return best;
}

/**
 * `n` distinct points around `center`, all inside its region (see MARGIN) among `others`, the other
 * anchor points within reach sorted by distance `d` from `center`. The spiral skips points outside
 * the region, so a hub hemmed in on one side grows on the other; when the region cannot hold `n`
 * points within about 2.5 times the spiral's natural radius, the spacing shrinks until it does.
 */
/** Points placed so far, in cells of the least spacing: whether a new point keeps that distance from all. */
class Occupancy {
  private readonly cells = new Map<string, Point[]>();
  constructor(private readonly spacing: number) {}
  private cell(p: Point): [number, number] {
    return [Math.floor(p.x / this.spacing), Math.floor(p.y / this.spacing)];
  }
  isFree(p: Point): boolean {
    if (this.spacing <= 0) return true;
    const [cx, cy] = this.cell(p);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) if (Math.hypot(q.x - p.x, q.y - p.y) < this.spacing) return false;
    return true;
  }
  add(p: Point): void {
    if (this.spacing <= 0) return;
    const id = this.cell(p).join(',');
    const list = this.cells.get(id);
    if (list) list.push(p);
    else this.cells.set(id, [p]);
  }
}

function cloudAround(center: Point, n: number, step: number, nearest: number, others: ReadonlyArray<{ p: Point; d: number }>, minSpacing: number, occupied: Occupancy): Point[] {
  const inRegion = (p: Point): boolean => {
    const r = Math.hypot(p.x - center.x, p.y - center.y);
    for (const o of others) {
      if (o.d >= (2 * r) / (1 - MARGIN)) break; // p is then at least r + MARGIN·d from this anchor and all farther ones
      if (Math.hypot(p.x - o.p.x, p.y - o.p.y) < r + MARGIN * o.d) return false;
    }
    return true;
  };
  // Never closer than minSpacing: a cloud too big for its region spills over rather than piling up.
  const floor = Math.max(sureSpacing(n, nearest), minSpacing);
  for (let s = Math.max(firstSpacing(n, step, nearest), minSpacing); ; ) {
    const points: Point[] = [];
    // At the floor the spiral goes on until it has n points clear of other clouds' (it grows without bound).
    const atFloor = s <= floor;
    for (let i = 0; points.length < n && (atFloor || i < CANDIDATES * n); i++) {
      const p = around(center, i, s, 1);
      if ((atFloor || inRegion(p)) && occupied.isFree(p)) points.push(p);
    }
    if (points.length === n) return points;
    // Each spiral point stands for the same area, so the region holds about points.length of them
    // at this spacing: shrink to fit n, never below the spacing that surely fits.
    s = Math.max(floor, 0.95 * s * Math.sqrt(Math.max(points.length, 1) / n));
  }
}

export interface MapLayoutOptions {
  /**
   * The least distance between two satellites, as a share of the map's extent: the viewer sets it so
   * that at its deepest zoom every node can still be told apart and picked. Default 0.
   */
  minSpacing?: number;
}

export function mapLayout(graph: ViewerGraph, options: MapLayoutOptions = {}): MapLayout {
  const sorted = graph.nodes().sort();
  const coords = new Map<string, { lat: number; lon: number }>();
  for (const key of sorted) {
    const a = graph.getNodeAttributes(key);
    if (validCoord(a.lat, a.lon)) coords.set(key, { lat: a.lat!, lon: a.lon! });
  }
  const projection = projectionFor([...coords.values()].map((c) => c.lat));
  const isEvent = (key: string): boolean => graph.getNodeAttribute(key, 'kind') === 'event';
  // Places (any node with coordinates but events, which carry their place's) sit at their
  // coordinates; one that has its container's (geoPrecision) is a satellite of that point instead.
  const fixed = new Map<string, Point>();
  const anchors = new Map<string, Point>();
  for (const [key, c] of coords) {
    if (isEvent(key)) continue;
    const p = project(projection, c.lon, c.lat);
    if (graph.getNodeAttribute(key, 'geoPrecision') === undefined) fixed.set(key, p);
    anchors.set(key, p);
  }

  // Places without coordinates inherit their container's ("located in").
  for (const key of sorted) {
    if (anchors.has(key) || graph.getNodeAttribute(key, 'kind') !== 'place') continue;
    for (const edge of graph.outEdges(key)) {
      const parent = graph.target(edge);
      if (graph.getEdgeAttribute(edge, 'relation') === 'located in' && fixed.has(parent)) {
        anchors.set(key, fixed.get(parent)!);
        break;
      }
    }
  }

  let minX = Number.POSITIVE_INFINITY, maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY, maxY = Number.NEGATIVE_INFINITY;
  for (const c of coords.values()) {
    const p = project(projection, c.lon, c.lat);
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  }
  if (coords.size === 0) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  const span = Math.max(maxX - minX, maxY - minY, 0.5);
  // Events → the place they happened at (heaviest location edge, then key); else their own coordinates.
  const eventPlace = new Map<string, string>();
  const eventPoint = new Map<string, Point>();
  for (const key of sorted) {
    if (!isEvent(key)) continue;
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
    else if (coords.has(key)) eventPoint.set(key, project(projection, coords.get(key)!.lon, coords.get(key)!.lat));
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

  // One cloud per anchor point, not per place: places sharing coordinates (a place and those
  // inheriting its position) share a spiral, so their satellites never land on each other.
  const positions = new Map<string, Point>();
  const clouds = new Map<string, { center: Point; members: string[] }>();
  const join = (key: string, center: Point): void => {
    const id = `${center.x},${center.y}`;
    if (!clouds.has(id)) clouds.set(id, { center, members: [] });
    clouds.get(id)!.members.push(key);
  };
  for (const [key, p] of fixed) {
    positions.set(key, p);
    join(key, p);
  }
  const parked: string[] = [];
  for (const key of sorted) {
    if (positions.has(key)) continue;
    const anchorKey = anchors.has(key) ? key : eventPlace.get(key) ?? actorPlace.get(key);
    const center = anchorKey !== undefined ? anchors.get(anchorKey)! : eventPoint.get(key);
    if (center !== undefined) join(key, center);
    else parked.push(key);
  }

  // Satellites are spaced by the scale where events concentrate (interquartile box of their
  // places, at least 1°), not the whole extent: one far-off place must not scatter or squash
  // Syria's events. Each cloud's natural radius stays within half that scale; its region
  // (cloudAround) then shrinks it where other anchors are near.
  const q = (v: number[], f: number): number => v[Math.min(v.length - 1, Math.floor(f * v.length))] ?? 0;
  const hubs = eventPlace.size >= 4 ? [...eventPlace.values()].map((k) => anchors.get(k)!) : [...anchors.values()];
  const xs = hubs.map((p) => p.x).sort((a, b) => a - b);
  const ys = hubs.map((p) => p.y).sort((a, b) => a - b);
  const coreSpan = Math.max(q(xs, 0.75) - q(xs, 0.25), q(ys, 0.75) - q(ys, 0.25), 1);
  // Nearest the anchor: places that inherit it, then by importance (PageRank), degree, key.
  const rank = (key: string): [number, number, number] => {
    const a = graph.getNodeAttributes(key);
    return [a.kind === 'place' ? 0 : 1, -(a.importance ?? 0), -graph.degree(key)];
  };
  const byRank = (a: string, b: string): number => {
    const ra = rank(a), rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || (a < b ? -1 : a > b ? 1 : 0);
  };
  const byX = [...clouds.values()].map((c) => c.center).sort((a, b) => a.x - b.x);
  // With a least spacing, a cloud that spills over its region must not land on another's satellites.
  const occupied = new Occupancy((options.minSpacing ?? 0) * span);
  for (const p of fixed.values()) occupied.add(p);
  for (const { center, members } of clouds.values()) {
    const satellites = members.filter((key) => !fixed.has(key)).sort(byRank);
    if (satellites.length === 0) continue;
    const n = satellites.length;
    const step = coreSpan * Math.min(0.07, 0.5 / Math.sqrt(n));
    const nearest = nearestAnchor(byX, center);
    // Only anchors within reach of the widest spiral tried can bound it (see inRegion).
    const reach = (2 * firstSpacing(n, step, nearest) * Math.sqrt(CANDIDATES * n + 1)) / (1 - MARGIN);
    const others = anchorsWithin(byX, center, reach);
    cloudAround(center, n, step, nearest, others, (options.minSpacing ?? 0) * span, occupied).forEach((p, i) => {
      positions.set(satellites[i]!, p);
      occupied.add(p);
    });
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

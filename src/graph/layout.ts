import type { KnowledgeGraph } from './build.js';
import { drawnSizes, foldGraph, type FoldedGraph as SimpleGraph } from './fold.js';
import { layoutCores, type CoreJob, type CorePositions } from './layout-core.js';

/**
 * Positions for Gephi and the viewer. ForceAtlas2 only runs where it has something to untangle:
 * the nodes with two or more neighbours (the "core") of each connected component. Everything else
 * is placed by rule, which is both faster and tidier than leaving it to a few force iterations:
 * a node's one-neighbour leaves go on rings around it, and components (largest first, isolated
 * nodes last) are packed in rings around the largest one, spaced by the nodes' drawn sizes so
 * nothing overlaps and nothing drifts far away. Seeded starting points and fixed iteration counts
 * make the same graph always get the same coordinates.
 *
 * In two phases, so that the expensive one can overlap with the metrics: the cores' layout
 * (planLayout, then layoutCores, here or on a worker thread: see layout-thread.ts) needs only the
 * graph's structure and edge weights; the placement (placeNodes) needs the drawn sizes.
 */
export function assignLayout(graph: KnowledgeGraph, options: { iterations?: number } = {}): void {
  if (graph.order === 0) return;
  const plan = planLayout(foldGraph(graph), options);
  placeNodes(graph, plan, layoutCores(coreJob(plan)));
}

/** The graph's structure as the layout sees it. */
export interface LayoutPlan {
  simple: SimpleGraph;
  parts: Part[];
  /** FA2 iterations for every core; 0 for a budget by the core's size. */
  iterations: number;
}

/** The structure-only phase: the folded graph's components split into cores and leaves. */
export function planLayout(simple: SimpleGraph, options: { iterations?: number } = {}): LayoutPlan {
  const parts = connectedComponents(simple).map((members) => splitLeaves(simple, members));
  return { simple, parts, iterations: options.iterations ?? 0 };
}

/**
 * The placement phase, once the drawn sizes are set (read again here: the plan may predate them):
 * cores scaled to their leaves' room, leaves hung on their nodes, components packed.
 */
export function placeNodes(graph: KnowledgeGraph, plan: LayoutPlan, cores: CorePositions): void {
  if (graph.order !== plan.simple.keys.length) throw new Error('the graph changed between planning its layout and placing its nodes');
  const simple: SimpleGraph = { ...plan.simple, sizes: drawnSizes(graph) };
  const { parts } = plan;
  const { xs, ys } = cores;
  const pitch = nodePitch(simple);
  const rooms = parts.map((part) => roomAroundHubs(part, xs, ys));
  const scale = coreScale(simple, parts, rooms, pitch);
  scaleCores(parts, scale, xs, ys);
  parts.forEach((part, k) => placeLeaves(simple, part, rooms[k]!, scale, pitch, xs, ys));
  packComponents(simple, parts, pitch, xs, ys);
  graph.forEachNode((key, attrs) => {
    const i = simple.index.get(key)!;
    // Rounded so tiny floating-point differences never change the output bytes.
    attrs.x = roundCoordinate(xs[i]!);
    attrs.y = roundCoordinate(ys[i]!);
  });
}

/**
 * The folded adjacency as flat typed arrays (neighbours in the folded order, which fixes FA2's
 * edge order) and the cores FA2 lays out: those of one node sit at the origin and are left out.
 */
export function coreJob(plan: LayoutPlan): CoreJob {
  const { simple: g, parts, iterations } = plan;
  const n = g.keys.length;
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v]! + g.neighbours[v]!.length;
  const neighbours = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let v = 0; v < n; v++) {
    neighbours.set(g.neighbours[v]!, offsets[v]!);
    weights.set(g.weights[v]!, offsets[v]!);
  }
  const laid = parts.filter((part) => part.core.length > 1);
  const coreStarts = new Int32Array(laid.length + 1);
  laid.forEach((part, k) => (coreStarts[k + 1] = coreStarts[k]! + part.core.length));
  const cores = new Int32Array(coreStarts[laid.length]!);
  laid.forEach((part, k) => cores.set(part.core, coreStarts[k]!));
  const memberCounts = Int32Array.from(laid, (part) => part.members.length);
  return { offsets, neighbours, weights, cores, coreStarts, memberCounts, iterations };
}

function roundCoordinate(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 1000) / 1000 : 0;
}

/** Components in breadth-first order from their first node, largest first (stable, so deterministic). */
function connectedComponents(g: SimpleGraph): number[][] {
  const seen = new Uint8Array(g.keys.length);
  const components: number[][] = [];
  for (let start = 0; start < g.keys.length; start++) {
    if (seen[start]) continue;
    seen[start] = 1;
    const members = [start];
    for (let head = 0; head < members.length; head++) {
      for (const u of g.neighbours[members[head]!]!) {
        if (!seen[u]) {
          seen[u] = 1;
          members.push(u);
        }
      }
    }
    components.push(members);
  }
  return components.sort((a, b) => b.length - a.length);
}

/** A component split into the nodes ForceAtlas2 lays out and the leaves hung on them afterwards. */
interface Part {
  members: number[];
  core: number[];
  leavesOf: Map<number, number[]>;
  /** Bounding circle once laid out, in the component's own coordinates. */
  cx: number;
  cy: number;
  radius: number;
}

/**
 * A leaf is a node whose only neighbour has others: FA2 would just spin it around that neighbour.
 * (In the Reuters graph 4,613 of the main component's 5,542 nodes are such leaves.)
 */
function splitLeaves(g: SimpleGraph, members: number[]): Part {
  const core: number[] = [];
  const leavesOf = new Map<number, number[]>();
  for (const v of members) {
    if (isLeaf(g, v)) {
      const hub = g.neighbours[v]![0]!;
      const leaves = leavesOf.get(hub);
      if (leaves) leaves.push(v);
      else leavesOf.set(hub, [v]);
    } else core.push(v);
  }
  return { members, core, leavesOf, cx: 0, cy: 0, radius: 0 };
}

/** Spacing for everything placed by rule, from the nodes' drawn sizes (Gephi draws them in layout units). */
function nodePitch(g: SimpleGraph): number {
  const sizes = [...g.sizes].sort((a, b) => a - b);
  return 2.5 * sizes[sizes.length >> 1]!;
}

/** Radius of the disc of k leaves on rings `pitch` apart around a node of the given size. */
function leafDiscRadius(k: number, hubSize: number, pitch: number): number {
  const inner = hubSize + pitch;
  return Math.sqrt(inner * inner + (k * pitch * pitch) / Math.PI);
}

/** Distance from each node with leaves to its nearest other core node: the room its leaves may take. */
function roomAroundHubs(part: Part, xs: Float64Array, ys: Float64Array): Map<number, number> {
  // Core sorted by x: the search walks outwards from the hub and stops once x alone is too far.
  const byX = [...part.core].sort((a, b) => xs[a]! - xs[b]! || a - b);
  const rank = new Map(byX.map((v, i) => [v, i]));
  const room = new Map<number, number>();
  for (const hub of part.leavesOf.keys()) {
    const at = rank.get(hub)!;
    let nearest = Infinity;
    for (const step of [-1, 1]) {
      for (let i = at + step; i >= 0 && i < byX.length; i += step) {
        const v = byX[i]!;
        const dx = xs[v]! - xs[hub]!;
        if (dx * dx >= nearest) break;
        nearest = Math.min(nearest, dx * dx + (ys[v]! - ys[hub]!) ** 2);
      }
    }
    room.set(hub, 0.45 * Math.sqrt(nearest));
  }
  return room;
}

/**
 * FA2 draws in its own units, the leaves need room in node units: the cores are scaled so that
 * half of the largest core's leaf discs fit in their room at the tightest spacing (leaves of the
 * others may touch a neighbour's), which keeps the core neither cramped nor sparse.
 */
function coreScale(g: SimpleGraph, parts: Part[], rooms: Map<number, number>[], pitch: number): number {
  const k = parts.findIndex((p) => p.core.length > 1 && p.leavesOf.size > 0);
  if (k < 0) return 1;
  const needs: number[] = [];
  for (const [hub, leaves] of parts[k]!.leavesOf) {
    needs.push(leafDiscRadius(leaves.length, g.sizes[hub]!, pitch) / rooms[k]!.get(hub)!);
  }
  needs.sort((a, b) => a - b);
  const need = needs[needs.length >> 1]!;
  return Number.isFinite(need) && need > 0 ? Math.min(Math.max(need, 0.02), 50) : 1;
}

function scaleCores(parts: Part[], factor: number, xs: Float64Array, ys: Float64Array): void {
  for (const part of parts) {
    for (const v of part.core) {
      xs[v] = xs[v]! * factor;
      ys[v] = ys[v]! * factor;
    }
  }
}

/** One neighbour, which has others (see splitLeaves). */
function isLeaf(g: SimpleGraph, v: number): boolean {
  const only = g.neighbours[v]!;
  return only.length === 1 && g.neighbours[only[0]!]!.length > 1;
}

/**
 * Leaves on rings around their node, heaviest link innermost, spaced wider (up to three pitches)
 * where the node has room. A partial ring is an arc centred on the side away from the node's
 * other neighbours, so a few leaves point outwards.
 */
function placeLeaves(g: SimpleGraph, part: Part, rooms: Map<number, number>, scale: number, minPitch: number, xs: Float64Array, ys: Float64Array): void {
  for (const [hub, leaves] of part.leavesOf) {
    const room = (rooms.get(hub) ?? Infinity) * scale;
    const spread = Math.min(3, Math.max(1, room / leafDiscRadius(leaves.length, g.sizes[hub]!, minPitch)));
    const pitch = minPitch * (Number.isFinite(spread) ? spread : 1);
    const ordered = [...leaves].sort((a, b) => weightTo(g, b, hub) - weightTo(g, a, hub));
    const away = awayAngle(g, hub, xs, ys);
    let placed = 0;
    for (let ring = 0; placed < ordered.length; ring++) {
      const r = g.sizes[hub]! + pitch * (ring + 1);
      const capacity = Math.max(1, Math.floor((2 * Math.PI * r) / pitch));
      const count = Math.min(capacity, ordered.length - placed);
      const step = (2 * Math.PI) / capacity;
      const first = away - ((count - 1) * step) / 2;
      for (let k = 0; k < count; k++, placed++) {
        const leaf = ordered[placed]!;
        xs[leaf] = xs[hub]! + r * Math.cos(first + k * step);
        ys[leaf] = ys[hub]! + r * Math.sin(first + k * step);
      }
    }
  }
}

function weightTo(g: SimpleGraph, v: number, u: number): number {
  return g.weights[v]![g.neighbours[v]!.indexOf(u)] ?? 0;
}

/** Direction from the centroid of a node's core neighbours (or of its component) towards the node. */
function awayAngle(g: SimpleGraph, hub: number, xs: Float64Array, ys: Float64Array): number {
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (const u of g.neighbours[hub]!) {
    if (!isLeaf(g, u)) {
      sx += xs[u]!;
      sy += ys[u]!;
      count++;
    }
  }
  if (count === 0) return 0;
  const dx = xs[hub]! - sx / count;
  const dy = ys[hub]! - sy / count;
  return dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
}

function boundingCircle(g: SimpleGraph, part: Part, xs: Float64Array, ys: Float64Array, margin: number): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const v of part.members) {
    minX = Math.min(minX, xs[v]!);
    maxX = Math.max(maxX, xs[v]!);
    minY = Math.min(minY, ys[v]!);
    maxY = Math.max(maxY, ys[v]!);
  }
  part.cx = (minX + maxX) / 2;
  part.cy = (minY + maxY) / 2;
  let radius = 0;
  for (const v of part.members) radius = Math.max(radius, Math.hypot(xs[v]! - part.cx, ys[v]! - part.cy) + g.sizes[v]!);
  part.radius = radius + margin;
}

/**
 * The largest component at the origin, the others on rings around it, largest first, each ring
 * as thick as its first (largest) member. Isolated nodes come last and so form the outer rings.
 */
function packComponents(g: SimpleGraph, parts: Part[], pitch: number, xs: Float64Array, ys: Float64Array): void {
  const gap = pitch / 2;
  for (const part of parts) boundingCircle(g, part, xs, ys, gap / 2);
  const order = [...parts].sort((a, b) => b.radius - a.radius || b.members.length - a.members.length);
  moveTo(order[0]!, 0, 0, xs, ys);
  let inner = order[0]!.radius;
  for (let i = 1; i < order.length; ) {
    const middle = inner + order[i]!.radius;
    const ring: Part[] = [];
    const widths: number[] = [];
    let total = 0;
    while (i < order.length) {
      const width = 2 * Math.asin(Math.min(1, order[i]!.radius / middle));
      if (ring.length > 0 && total + width > 2 * Math.PI) break;
      ring.push(order[i]!);
      widths.push(width);
      total += width;
      i++;
    }
    // Spread the ring's members over the whole circle so a short last ring is balanced too.
    const spare = (2 * Math.PI - Math.min(total, 2 * Math.PI)) / ring.length;
    let angle = 0;
    ring.forEach((part, k) => {
      const half = (widths[k]! + spare) / 2;
      angle += half;
      moveTo(part, middle * Math.cos(angle), middle * Math.sin(angle), xs, ys);
      angle += half;
    });
    inner = middle + ring[0]!.radius;
  }
}

function moveTo(part: Part, x: number, y: number, xs: Float64Array, ys: Float64Array): void {
  const dx = x - part.cx;
  const dy = y - part.cy;
  for (const v of part.members) {
    xs[v] = xs[v]! + dx;
    ys[v] = ys[v]! + dy;
  }
  part.cx = x;
  part.cy = y;
}

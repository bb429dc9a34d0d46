import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import { cjsDefault } from '../util/interop.js';
import { seededRandom } from '../util/random.js';

const forceAtlas2 = cjsDefault(forceAtlas2Module);

/**
 * What ForceAtlas2 needs to lay out the cores (see layout.ts): the folded graph's structure and
 * the cores, as typed arrays, so that a worker thread can be handed them without copying the
 * graph. Nothing here depends on the nodes' sizes or metrics, so the cores can be laid out while
 * those are computed.
 */
export interface CoreJob {
  /** The folded graph's adjacency: node v's neighbours and weights are at offsets[v] .. offsets[v + 1] - 1. */
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** The cores of more than one node, in component order: core k is cores[coreStarts[k] .. coreStarts[k + 1] - 1]. */
  cores: Int32Array;
  coreStarts: Int32Array;
  /** Nodes in each such core's component (its starting points spread with it). */
  memberCounts: Int32Array;
  /** Iterations for every core; 0 for a budget by the core's size. */
  iterations: number;
}

/** Core positions in ForceAtlas2's units, by node index (0 for nodes outside the laid-out cores). */
export interface CorePositions {
  xs: Float64Array;
  ys: Float64Array;
}

/** The typed arrays of a job, to transfer to a worker thread rather than copy. */
export function jobBuffers(job: CoreJob): ArrayBuffer[] {
  return [job.offsets, job.neighbours, job.weights, job.cores, job.coreStarts, job.memberCounts].map((a) => a.buffer as ArrayBuffer);
}

/** Lays out every core in order: one seeded sequence of starting points, so the result never varies. */
export function layoutCores(job: CoreJob): CorePositions {
  const n = job.offsets.length - 1;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const random = seededRandom(7);
  for (let k = 0; k + 1 < job.coreStarts.length; k++) {
    layoutCore(job, job.cores.subarray(job.coreStarts[k]!, job.coreStarts[k + 1]!), job.memberCounts[k]!, random, xs, ys);
  }
  return { xs, ys };
}

/**
 * A rough count of the node pairs FA2 will weigh: iterations × nodes × nodes, with the nodes
 * repelled by each past 1,500 capped there (Barnes-Hut takes over; an estimate from below).
 */
export function coreWork(job: CoreJob): number {
  let work = 0;
  for (let k = 0; k + 1 < job.coreStarts.length; k++) {
    const n = job.coreStarts[k + 1]! - job.coreStarts[k]!;
    work += (job.iterations || iterationBudget(n)) * n * Math.min(n, 1_500);
  }
  return work;
}

/** One neighbour, which has others: hung on it after the layout rather than given to FA2 (layout.ts's isLeaf, on the flat arrays). */
function isLeafIn(offsets: Int32Array, neighbours: Int32Array, v: number): boolean {
  if (offsets[v + 1]! - offsets[v]! !== 1) return false;
  const hub = neighbours[offsets[v]!]!;
  return offsets[hub + 1]! - offsets[hub]! > 1;
}

/**
 * Work per iteration grows with the core's size, so big cores get fewer iterations (never under
 * 20, as before); small ones get enough to settle.
 */
function iterationBudget(coreSize: number): number {
  return Math.max(20, Math.min(300, Math.round(40_000 / coreSize)));
}

function layoutCore(job: CoreJob, core: Int32Array, members: number, random: () => number, xs: Float64Array, ys: Float64Array): void {
  const { offsets, neighbours, weights } = job;
  const sub = new UndirectedGraph({ allowSelfLoops: true });
  const spread = Math.sqrt(members) * 10;
  // Keys are node indices: FA2 works on the order nodes and edges were added, never on their names.
  for (const v of core) sub.addNode(String(v), { x: (random() - 0.5) * spread, y: (random() - 0.5) * spread });
  for (const v of core) {
    let leafWeight = 0;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const u = neighbours[e]!;
      const w = weights[e]!;
      if (isLeafIn(offsets, neighbours, u)) leafWeight += w;
      else if (v < u) sub.addEdge(String(v), String(u), { weight: w });
    }
    // FA2's mass is 1 + weighted degree and a loop counts twice at no pull: a node keeps the
    // mass of its folded leaves, so it still claims the room they will take around it.
    if (leafWeight > 0) sub.addEdge(String(v), String(v), { weight: leafWeight / 2 });
  }
  const n = core.length;
  const positions = forceAtlas2(sub, {
    iterations: job.iterations || iterationBudget(n),
    getEdgeWeight: 'weight',
    // Exact repulsion is cheaper than graphology's Barnes-Hut tree below ~1,500 nodes.
    settings: { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n >= 1_500, adjustSizes: false, outboundAttractionDistribution: true },
  });
  for (const v of core) {
    const p = positions[String(v)]!;
    // A degenerate run must not poison the packing of everything else.
    xs[v] = Number.isFinite(p.x) ? p.x : 0;
    ys[v] = Number.isFinite(p.y) ? p.y : 0;
  }
}

import { describe, expect, it } from 'vitest';
import { createKnowledgeGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { assignLayout } from '../../src/graph/layout.js';
import { seededRandom } from '../../src/util/random.js';
import type { NodeAttributes } from '../../src/types.js';

function addNode(g: KnowledgeGraph, key: string, size = 3.18): void {
  g.addNode(key, { label: key, kind: 'actor', type: 'person', aliases: [key], documents: [], mentions: 1, evidence: [], x: 0, y: 0, size, color: '#999999', importance: 0, community: 0 } as NodeAttributes);
}

function link(g: KnowledgeGraph, a: string, b: string, weight = 1): void {
  g.addEdge(a, b, { relation: 'ally', weight, size: 1, color: '#cccccc', evidence: [] } as never);
}

/**
 * A Reuters-like graph in miniature: one main component (a tangled core whose nodes carry
 * leaves, one with many), a few small components (pairs, paths, a star) and many isolated nodes.
 */
function sampleGraph(): KnowledgeGraph {
  const g = createKnowledgeGraph();
  const random = seededRandom(3);
  for (let i = 0; i < 40; i++) addNode(g, `core${i}`, 3 + (i % 5) * 3);
  for (let i = 1; i < 40; i++) link(g, `core${i}`, `core${Math.floor(random() * i)}`, 1 + (i % 3));
  for (let i = 0; i < 30; i++) {
    const a = Math.floor(random() * 40);
    link(g, `core${a}`, `core${(a + 1 + Math.floor(random() * 39)) % 40}`);
  }
  for (let i = 0; i < 150; i++) {
    addNode(g, `leaf${i}`);
    link(g, `leaf${i}`, i < 100 ? 'core0' : `core${i % 40}`);
  }
  for (let c = 0; c < 6; c++) {
    for (let i = 0; i <= c; i++) addNode(g, `small${c}-${i}`);
    for (let i = 1; i <= c; i++) link(g, `small${c}-${i}`, `small${c}-${c % 2 ? 0 : i - 1}`);
  }
  for (let i = 0; i < 300; i++) addNode(g, `alone${i}`, 3 + (i % 7));
  return g;
}

function positions(g: KnowledgeGraph): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  g.forEachNode((key, a) => out.set(key, { x: a.x, y: a.y }));
  return out;
}

/** Each connected component's nodes (breadth-first over the undirected view). */
function components(g: KnowledgeGraph): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  g.forEachNode((start) => {
    if (seen.has(start)) return;
    seen.add(start);
    const members = [start];
    for (let i = 0; i < members.length; i++) {
      g.forEachNeighbor(members[i]!, (n) => {
        if (!seen.has(n)) {
          seen.add(n);
          members.push(n);
        }
      });
    }
    result.push(members);
  });
  return result;
}

/** Smallest circle around a component's node discs, centred on its bounding box. */
function hull(g: KnowledgeGraph, members: string[]): { x: number; y: number; r: number } {
  const xs = members.map((k) => g.getNodeAttribute(k, 'x'));
  const ys = members.map((k) => g.getNodeAttribute(k, 'y'));
  const x = (Math.min(...xs) + Math.max(...xs)) / 2;
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const r = Math.max(...members.map((k, i) => Math.hypot(xs[i]! - x, ys[i]! - y) + g.getNodeAttribute(k, 'size')));
  return { x, y, r };
}

describe('assignLayout', () => {
  it('gives the same graph the same rounded coordinates', () => {
    const a = sampleGraph();
    const b = sampleGraph();
    assignLayout(a);
    assignLayout(b);
    expect([...positions(a)]).toEqual([...positions(b)]);
    a.forEachNode((_k, p) => {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(Math.round(p.x * 1000) / 1000).toBe(p.x);
    });
  });

  it('packs components so that their discs never overlap', () => {
    const g = sampleGraph();
    assignLayout(g);
    const hulls = components(g).map((members) => hull(g, members));
    expect(hulls.length).toBe(1 + 6 + 300);
    for (let i = 0; i < hulls.length; i++) {
      for (let j = i + 1; j < hulls.length; j++) {
        const a = hulls[i]!;
        const b = hulls[j]!;
        // 1e-3: coordinates are rounded to three decimals
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r - 1e-2);
      }
    }
  });

  it('keeps isolated nodes and small components close around the main component', () => {
    const g = sampleGraph();
    assignLayout(g);
    const [main, ...others] = components(g).sort((a, b) => b.length - a.length);
    const centre = hull(g, main!);
    // Everything else would fit in an annulus of twice its packed area around the main disc.
    const packedArea = others.reduce((sum, members) => sum + (2 * hull(g, members).r + 6) ** 2, 0);
    const bound = Math.sqrt(centre.r ** 2 + (2 * packedArea) / Math.PI) + 40;
    for (const members of others) {
      for (const key of members) {
        const { x, y } = g.getNodeAttributes(key);
        expect(Math.hypot(x - centre.x, y - centre.y)).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('hangs leaves close to their node and spreads them apart', () => {
    const g = sampleGraph();
    assignLayout(g);
    const hub = g.getNodeAttributes('core0');
    const leaves = Array.from({ length: 100 }, (_v, i) => g.getNodeAttributes(`leaf${i}`));
    const distances = leaves.map((p) => Math.hypot(p.x - hub.x, p.y - hub.y));
    // 100 leaves at 2.5 node sizes apart fill a disc of about 50 units; room up to 3× that
    expect(Math.max(...distances)).toBeLessThan(300);
    const keys = new Set(leaves.map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(leaves.length);
  });

  it('lays out graphs without edges and single nodes', () => {
    const g = createKnowledgeGraph();
    addNode(g, 'only');
    assignLayout(g);
    expect(positions(g).get('only')).toEqual({ x: 0, y: 0 });
    for (let i = 0; i < 20; i++) addNode(g, `n${i}`);
    assignLayout(g);
    const seen = new Set([...positions(g).values()].map((p) => `${p.x},${p.y}`));
    expect(seen.size).toBe(21);
  });
});

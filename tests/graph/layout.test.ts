import { describe, expect, it } from 'vitest';
import { createKnowledgeGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { assignLayout } from '../../src/graph/layout.js';
import { addNode, positions, sampleGraph } from '../fixtures/layout-graph.js';

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

import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { neighbourhood, prepareGraph, neighbourSets } from '../../viewer/src/core/graphModel';
import { boxesOverlap, placeLabels, type LabelCandidate } from '../../viewer/src/core/labels';
import { importanceOrder, overviewSet } from '../../viewer/src/core/overview';
import type { ViewerGraph } from '../../viewer/src/core/types';

/** A star of `n` leaves around hub h0 (importance falling with the index), plus `isolated` lone nodes. */
function starGraph(n: number, isolated: number): ViewerGraph {
  const g = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
  const add = (key: string, importance: number): void => {
    g.addNode(key, { label: key, kind: 'actor', type: 'person', aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, importance } as never);
  };
  add('h0', 1);
  for (let i = 1; i <= n; i++) {
    add(`n${i}`, 1 - i / (n + 1));
    g.addEdge('h0', `n${i}`, { relation: 'ally', weight: 1, evidence: [] } as never);
  }
  // lone nodes more important than most leaves: still left out by default
  for (let i = 0; i < isolated; i++) add(`lone${i}`, 0.99);
  return prepareGraph(g);
}

describe('overview budget', () => {
  it('orders nodes by importance, then mentions, degree and key', () => {
    const g = starGraph(3, 1);
    expect(importanceOrder(g)).toEqual(['h0', 'lone0', 'n1', 'n2', 'n3']);
  });
  it('draws the top nodes up to the budget and leaves unconnected ones out unless asked', () => {
    const g = starGraph(500, 40);
    const order = importanceOrder(g);
    const visible = new Set(g.nodes());
    const nb = neighbourSets(g);
    const o = overviewSet(order, visible, nb, 300, false);
    expect(o.shown).toBe(300);
    expect(o.total).toBe(541);
    expect(o.unconnected).toBe(40);
    expect([...o.nodes!].some((k) => k.startsWith('lone'))).toBe(false);
    expect(o.nodes!.has('h0') && o.nodes!.has('n299') && !o.nodes!.has('n300')).toBe(true);
    // asked for, unconnected nodes come on top of the budget
    const withLone = overviewSet(order, visible, nb, 300, true);
    expect([...withLone.nodes!].filter((k) => k.startsWith('lone'))).toHaveLength(40);
    expect(withLone.shown).toBe(340);
    const all = overviewSet(order, visible, nb, 0, true);
    expect(all.nodes).toBeNull();
    expect(all.shown).toBe(541);
  });
  it('replaces a node whose neighbours all missed the cut by the next one that touches the kept set', () => {
    const g = starGraph(10, 0);
    // a pair important enough to make the cut, but only linked to each other's unkept partner
    g.addNode('a', { label: 'a', kind: 'actor', type: 'person', aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, importance: 0.95 } as never);
    g.addNode('b', { label: 'b', kind: 'actor', type: 'person', aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, importance: 0.01 } as never);
    g.addEdge('a', 'b', { relation: 'ally', weight: 1, evidence: [] } as never);
    const o = overviewSet(importanceOrder(g), new Set(g.nodes()), neighbourSets(g), 4, false);
    expect([...o.nodes!].sort()).toEqual(['h0', 'n1', 'n2', 'n3']);
  });
});

describe('selection neighbourhood', () => {
  // a chain a - b - c - d, and b's other neighbours x1..x3 with c2 behind x1
  const g = new MultiGraph({ type: 'undirected' }) as unknown as ViewerGraph;
  for (const k of ['a', 'b', 'c', 'd', 'x1', 'x2', 'x3', 'c2']) g.addNode(k, { label: k, kind: 'actor', type: '', aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1 } as never);
  for (const [s, t] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['b', 'x1'], ['b', 'x2'], ['b', 'x3'], ['x1', 'c2']]) g.addEdge(s, t, { relation: 'ally', weight: 1, evidence: [] } as never);
  const neighbours = neighbourSets(prepareGraph(g));
  const all = new Set(g.nodes());
  it('is the node and its neighbours at depth 1', () => {
    expect([...neighbourhood('a', neighbours, all)].sort()).toEqual(['a', 'b']);
    expect([...neighbourhood('b', neighbours, new Set(['a', 'b', 'c']))].sort()).toEqual(['a', 'b', 'c']);
  });
  it('adds the neighbours of neighbours at depth 2, most important first, within the limit', () => {
    expect([...neighbourhood('a', neighbours, all, 2)].sort()).toEqual(['a', 'b', 'c', 'x1', 'x2', 'x3']);
    const rank = new Map(['x3', 'c', 'x2', 'x1'].map((k, i) => [k, i]));
    expect([...neighbourhood('a', neighbours, all, 2, rank, 4)].sort()).toEqual(['a', 'b', 'c', 'x3']);
    // depth 1 is never cut, whatever the limit
    expect([...neighbourhood('b', neighbours, all, 2, rank, 2)].sort()).toEqual(['a', 'b', 'c', 'x1', 'x2', 'x3']);
    // only visible nodes, at either depth
    expect([...neighbourhood('a', neighbours, new Set(['a', 'b', 'x1', 'c2']), 2)].sort()).toEqual(['a', 'b', 'x1']);
  });
});

describe('label placement', () => {
  const measure = (label: string): number => label.length * 7;
  it('keeps the first (most important) label of two that would overlap, and never overlaps', () => {
    const cands: LabelCandidate[] = [
      { key: 'big', label: 'Damascus', x: 100, y: 100, radius: 10 },
      { key: 'small', label: 'Douma', x: 105, y: 104, radius: 3 },
      { key: 'far', label: 'Aleppo', x: 300, y: 40, radius: 3 },
    ];
    const placed = placeLabels(cands, { fontSize: 12, measure, width: 800, height: 600 });
    expect(placed.map((p) => p.key)).toEqual(['big', 'far']);
  });
  it('labels a node near the right edge on its left, and one that fits nowhere not at all', () => {
    const cands: LabelCandidate[] = [
      { key: 'edge', label: 'Islamic State', x: 780, y: 100, radius: 8 },
      { key: 'wide', label: 'A name so long that it fits on neither side of its node here', x: 400, y: 300, radius: 3 },
    ];
    const placed = placeLabels(cands, { fontSize: 12, measure, width: 800, height: 600 });
    expect(placed.map((p) => p.key)).toEqual(['edge']);
    expect(placed[0]!.left + placed[0]!.width).toBeLessThanOrEqual(780 - 8);
  });
  it('places no two labels on top of each other among thousands of crowded candidates', () => {
    const cands: LabelCandidate[] = [];
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 3000; i++) cands.push({ key: `k${i}`, label: `label ${i}`, x: rnd() * 800, y: rnd() * 600, radius: 2 + rnd() * 6 });
    const placed = placeLabels(cands, { fontSize: 12, measure, width: 800, height: 600 });
    expect(placed.length).toBeGreaterThan(20);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!, placed[j]!)).toBe(false);
    for (const p of placed) expect(p.left >= 0 && p.top >= 0 && p.left + p.width <= 800 && p.top + p.height <= 600).toBe(true);
  });
});

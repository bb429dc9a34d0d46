import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { serializeGraph, writeGraphJson } from '../../src/export/json.js';
import { buildFixtureGraph } from './fixture.js';
import { collectingSink } from '../helpers/sink.js';

describe('serializeGraph', () => {
  it('is graphology export JSON that graph.import reads back', () => {
    const graph = buildFixtureGraph();
    const text = serializeGraph(graph);
    const copy = new MultiGraph();
    copy.import(JSON.parse(text));
    expect(copy.order).toBe(graph.order);
    expect(copy.size).toBe(graph.size);
    expect(copy.getNodeAttributes('actor:isis')).toEqual(graph.getNodeAttributes('actor:isis'));
    expect(copy.getNodeAttribute('event:undated\u0001', 'label')).toBe(graph.getNodeAttribute('event:undated\u0001', 'label'));
    expect(copy.getEdgeAttributes('e-controls')).toEqual(graph.getEdgeAttributes('e-controls'));
    expect(copy.source('e-controls')).toBe('actor:isis');
  });

  it('is byte-identical across graph instances, compact, with sorted attribute keys', () => {
    const text = serializeGraph(buildFixtureGraph());
    expect(serializeGraph(buildFixtureGraph())).toBe(text);
    expect(text).not.toMatch(/geid_/);
    expect(text).not.toContain('\n');
    const parsed = JSON.parse(text) as { nodes: Array<{ attributes: Record<string, unknown> }> };
    const keys = Object.keys(parsed.nodes[0]!.attributes);
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps a user key that collides with a renamed generated key', () => {
    const graph = new MultiGraph();
    graph.addNode('a');
    graph.addNode('b');
    graph.addEdge('a', 'b'); // generated key → "e0"
    graph.addEdgeWithKey('e0', 'b', 'a');
    const parsed = JSON.parse(serializeGraph(graph)) as { edges: Array<{ key: string; source: string }> };
    expect(parsed.edges.map((edge) => [edge.key, edge.source])).toEqual([['e0~2', 'a'], ['e0', 'b']]);
    const copy = new MultiGraph();
    copy.import(parsed as never);
    expect(copy.size).toBe(2);
  });

  it('streams the same text with writeGraphJson', async () => {
    const sink = collectingSink(16);
    const graph = buildFixtureGraph();
    await writeGraphJson(graph, sink.stream);
    expect(sink.text()).toBe(serializeGraph(graph));
  });
});

// The browser tests fall back on these fixture graphs; they must follow the viewer contract
// exactly as `newsgraph build` output does, or the browser tests would test the wrong thing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { hostileGraph, HOSTILE_STRINGS, samplePalmyraGraph, writeGraphFolder } from '../fixtures/sample-graph.js';

describe.each([
  ['sample', samplePalmyraGraph],
  ['hostile', hostileGraph],
] as const)('%s fixture graph', (_name, make) => {
  it('is a directed multigraph whose evidence sentences occur verbatim in documents.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-fixture-'));
    try {
      writeGraphFolder(dir, make());
      const serialized = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'));
      expect(serialized.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: false });
      const graph = MultiDirectedGraph.from(serialized);
      const { documents } = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as { documents: { id: string; text: string }[] };
      const textOf = new Map(documents.map((d) => [d.id, d.text]));
      graph.forEachNode((key, a) => {
        expect(['actor', 'place', 'event'], key).toContain(a.kind);
        expect(a.aliases, key).toContain(a.label);
        expect(a.color, key).toMatch(/^#[0-9a-f]{6}$/);
        for (const e of a.evidence) expect(textOf.get(e.doc), `${key} evidence`).toContain(e.text);
        if (a.kind === 'place') expect(typeof a.lat === 'number' && typeof a.lon === 'number', key).toBe(true);
        if (a.kind === 'event') expect(a.start! <= a.end!, key).toBe(true);
      });
      graph.forEachEdge((key, a) => {
        for (const e of a.evidence) expect(textOf.get(e.doc), `${key} evidence`).toContain(e.text);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

it('the sample fixture holds what the browser tests look for', () => {
  const { graph } = samplePalmyraGraph();
  const byLabel = (label: string) => graph.findNode((_k, a) => a.label === label);
  expect(graph.getNodeAttribute(byLabel('Palmyra'), 'aliases')).toEqual(expect.arrayContaining(['Tadmur', 'Tadmor']));
  expect(graph.getNodeAttribute(byLabel('ISIL'), 'aliases')).toEqual(expect.arrayContaining(['ISIS', 'Daesh']));
  const dates = graph.filterNodes((_k, a) => a.kind === 'event').map((k) => graph.getNodeAttribute(k, 'date'));
  expect(dates).toEqual(expect.arrayContaining(['2015-05', '2016-03-27', '2016-12-11', '2017-03-02']));
});

it('the hostile fixture carries markup in labels, evidence and the article url', () => {
  const { graph, documents } = hostileGraph();
  const labels = graph.mapNodes((_k, a) => a.label);
  expect(labels).toEqual(expect.arrayContaining([HOSTILE_STRINGS.imgLabel, HOSTILE_STRINGS.scriptLabel, HOSTILE_STRINGS.javascriptUrl]));
  expect(documents[0]?.url).toBe('javascript:alert(1)');
  expect(documents[0]?.text).toContain(HOSTILE_STRINGS.evidence);
});

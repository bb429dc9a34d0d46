import { describe, expect, it } from 'vitest';
import { createKnowledgeGraph, type KnowledgeGraph } from '../../src/graph/build.js';
import { inheritCoordinates } from '../../src/graph/coordinates.js';
import type { NodeAttributes } from '../../src/types.js';

function place(graph: KnowledgeGraph, key: string, type: string, coords?: [number, number]): void {
  const attrs = { label: key, kind: 'place', type, aliases: [key], documents: ['d'], mentions: 1, evidence: [], x: 0, y: 0, size: 1, color: '#000000', importance: 0, community: 0 } as NodeAttributes;
  if (coords) [attrs.lat, attrs.lon] = coords;
  graph.addNode(key, attrs);
}
const within = (graph: KnowledgeGraph, child: string, parent: string, weight = 1): void => {
  graph.addDirectedEdgeWithKey(`${child}>${parent}`, child, parent, { relation: 'located in', weight, evidence: [] });
};

describe('coordinates from the place a place lies in', () => {
  it('takes a town’s coordinates, or a province’s marked as a region, never a country’s', () => {
    const g = createKnowledgeGraph();
    place(g, 'syria', 'country', [35, 38]);
    place(g, 'aleppo', 'city', [36.2, 37.16]);
    place(g, 'idlib-province', 'region', [35.8, 36.6]);
    place(g, 'sukkari', 'area');
    place(g, 'haas', 'town');
    place(g, 'lost', 'town');
    within(g, 'sukkari', 'syria', 5);
    within(g, 'sukkari', 'aleppo');
    within(g, 'haas', 'idlib-province');
    within(g, 'lost', 'syria');
    expect(inheritCoordinates(g)).toBe(2);
    expect(g.getNodeAttributes('sukkari')).toMatchObject({ lat: 36.2, lon: 37.16, geoPrecision: 'parent' });
    expect(g.getNodeAttributes('haas')).toMatchObject({ lat: 35.8, lon: 36.6, geoPrecision: 'region' });
    expect(g.getNodeAttributes('lost').lat).toBeUndefined();
    expect(g.getNodeAttributes('aleppo').geoPrecision).toBeUndefined();
  });

  it('climbs through unlocated parents, prefers the parent named most often, and never inherits an inherited guess', () => {
    const g = createKnowledgeGraph();
    place(g, 'damascus', 'city', [33.5, 36.3]);
    place(g, 'homs', 'city', [34.7, 36.7]);
    place(g, 'ghouta', 'area');
    place(g, 'zamalka', 'town');
    place(g, 'hospital', 'site');
    place(g, 'square', 'site');
    within(g, 'zamalka', 'ghouta');
    within(g, 'ghouta', 'damascus');
    within(g, 'hospital', 'homs', 1);
    within(g, 'hospital', 'damascus', 3);
    within(g, 'square', 'zamalka');
    inheritCoordinates(g);
    expect(g.getNodeAttributes('zamalka')).toMatchObject({ lat: 33.5, geoPrecision: 'parent' });
    expect(g.getNodeAttributes('hospital')).toMatchObject({ lat: 33.5, geoPrecision: 'parent' });
    // square → zamalka (a guess itself) → ghouta → damascus: the own coordinates found by climbing
    expect(g.getNodeAttributes('square')).toMatchObject({ lat: 33.5, geoPrecision: 'parent' });
  });

  it('takes the coordinates of a place the text sets it beside only when no parent has any', () => {
    const g = createKnowledgeGraph();
    place(g, 'aleppo', 'city', [36.2, 37.16]);
    place(g, 'manbij', 'city', [36.53, 37.95]);
    place(g, 'tokhar', 'town');
    place(g, 'kafr', 'town');
    place(g, 'lane', 'site');
    g.addDirectedEdgeWithKey('tokhar~manbij', 'tokhar', 'manbij', { relation: 'near', weight: 3, evidence: [] });
    g.addDirectedEdgeWithKey('kafr~manbij', 'kafr', 'manbij', { relation: 'near', weight: 3, evidence: [] });
    within(g, 'kafr', 'aleppo');
    within(g, 'lane', 'tokhar');
    inheritCoordinates(g);
    expect(g.getNodeAttributes('tokhar')).toMatchObject({ lat: 36.53, lon: 37.95, geoPrecision: 'near' });
    expect(g.getNodeAttributes('kafr')).toMatchObject({ lat: 36.2, geoPrecision: 'parent' });
    // inside a place that is only near another: near too
    expect(g.getNodeAttributes('lane')).toMatchObject({ lat: 36.53, geoPrecision: 'near' });
  });

  it('drops climbed coordinates far from every town an article of the place locates', () => {
    const g = createKnowledgeGraph();
    place(g, 'texas', 'region', [31.5, -99.3]);
    place(g, 'cairo', 'city', [30.06, 31.25]);
    place(g, 'dallas', 'city', [32.78, -96.8]);
    place(g, 'store', 'town');
    place(g, 'ranch', 'town');
    g.setNodeAttribute('cairo', 'documents', ['wire']);
    g.setNodeAttribute('store', 'documents', ['wire']);
    g.setNodeAttribute('dallas', 'documents', ['local']);
    g.setNodeAttribute('ranch', 'documents', ['local']);
    within(g, 'store', 'texas');
    within(g, 'ranch', 'texas');
    inheritCoordinates(g);
    // the wire locates only Cairo, 11,000 km away: no coordinates; the local story locates Dallas nearby
    expect(g.getNodeAttributes('store').lat).toBeUndefined();
    expect(g.getNodeAttributes('ranch')).toMatchObject({ lat: 31.5, geoPrecision: 'region' });
  });

  it('ends on a cycle of places the articles put inside each other', () => {
    const g = createKnowledgeGraph();
    place(g, 'a', 'area');
    place(g, 'b', 'area');
    within(g, 'a', 'b');
    within(g, 'b', 'a');
    expect(inheritCoordinates(g)).toBe(0);
  });
});

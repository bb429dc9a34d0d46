import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { articleParagraphs, locateSentence, parseDocuments } from '../../viewer/src/core/articles';
import { describeNode, relationFrom } from '../../viewer/src/core/details';
import { filteredGexf } from '../../viewer/src/core/gexf';
import { computeVisibility, documentCounts, importanceThreshold } from '../../viewer/src/core/filters';
import { mapLayout, projectionFor } from '../../viewer/src/core/geo';
import { neighbourSets, nodeDisplay, prepareGraph, subgraph } from '../../viewer/src/core/graphModel';
import { buildLegend, cieLab, colourDistance, communityColours, fade, GHOST_EDGE, GHOST_NODE, kindColour, OTHER_COMMUNITY_COLOUR, relationColour, typeColour } from '../../viewer/src/core/legend';
import { colorOf, KIND_COLORS, RELATION_COLORS, TYPE_COLORS } from '../../src/graph/style';
import { safeHttpUrl } from '../../viewer/src/core/safety';
import type { ViewerGraph } from '../../viewer/src/core/types';
import { gexfText, sampleGraph } from './helpers';

describe('filters', () => {
  const graph = sampleGraph();
  it('hides kinds, types, other documents and rarely mentioned nodes', () => {
    const all = computeVisibility(graph, { hidden: new Set(), document: null, minMentions: 0 });
    expect(all.nodes.size).toBe(graph.order);
    expect(all.edges.size).toBe(graph.size);
    const noActors = computeVisibility(graph, { hidden: new Set(['kind:actor']), document: null, minMentions: 0 });
    expect(noActors.nodes.has('isil')).toBe(false);
    expect([...noActors.edges].every((e) => graph.getNodeAttribute(graph.target(e), 'kind') !== 'actor')).toBe(true);
    const noCaptures = computeVisibility(graph, { hidden: new Set(['type:capture']), document: null, minMentions: 0 });
    expect(noCaptures.nodes.has('ev2015') || noCaptures.nodes.has('ev2016')).toBe(false);
    expect(noCaptures.nodes.has('evUndated')).toBe(true);
    const docA = computeVisibility(graph, { hidden: new Set(), document: 'a.txt', minMentions: 0 });
    expect([...docA.nodes].sort()).toEqual(['ev2015', 'isil', 'palmyra']);
    const min3 = computeVisibility(graph, { hidden: new Set(), document: null, minMentions: 3 });
    expect([...min3.nodes].sort()).toEqual(['isil', 'palmyra', 'saa', 'syria']);
  });
  it('hides events of a modality, edges of a relation, communities and the least important nodes', () => {
    const g = sampleGraph();
    g.setNodeAttribute('ev2016', 'modality', 'claimed');
    const noClaims = computeVisibility(g, { hidden: new Set(['mod:claimed']), document: null, minMentions: 0 });
    expect(noClaims.nodes.has('ev2016')).toBe(false);
    expect(noClaims.nodes.has('ev2015')).toBe(true); // asserted
    expect(noClaims.nodes.has('palmyra')).toBe(true); // no modality: never hidden by one
    const noLocated = computeVisibility(g, { hidden: new Set(['rel:located in']), document: null, minMentions: 0 });
    expect(noLocated.nodes.size).toBe(g.order); // a relation hides edges, not nodes
    expect([...noLocated.edges].map((e) => g.getEdgeAttribute(e, 'relation'))).not.toContain('located in');
    expect(noLocated.edges.size).toBe(g.size - 2);
    g.forEachNode((k) => g.setNodeAttribute(k, 'community', k === 'isil' || k === 'saa' ? 1 : 0));
    g.setNodeAttribute('nobody', 'community', undefined);
    const noOne = computeVisibility(g, { hidden: new Set(), document: null, minMentions: 0, hiddenCommunities: new Set([1, -1]) });
    expect(['isil', 'saa', 'nobody'].filter((k) => noOne.nodes.has(k))).toEqual([]);
    expect(noOne.nodes.size).toBe(g.order - 3);
    g.forEachNode((k, a) => g.setNodeAttribute(k, 'importance', a.size / 10));
    const important = computeVisibility(g, { hidden: new Set(), document: null, minMentions: 0, minImportance: 0.5 });
    expect([...important.nodes].sort()).toEqual(['isil', 'palmyra']);
  });
  it('finds the importance that keeps the top share of nodes, ties included', () => {
    const values = [0.9, 0.5, 0.5, 0.2, 0.1, 0.1, 0.05, 0.01];
    expect(importanceThreshold(values, 0)).toBe(0);
    expect(importanceThreshold(values, 50)).toBe(0.2); // top 4
    expect(importanceThreshold(values, 75)).toBe(0.5); // top 2, and the tie at 0.5
    expect(importanceThreshold(values, 99)).toBe(0.9);
    expect(importanceThreshold([], 50)).toBe(0);
  });
  it('lists documents with node counts, sorted', () => {
    expect(documentCounts(graph)).toEqual([
      { id: 'a.txt', nodes: 3 },
      { id: 'b.txt', nodes: 5 },
    ]);
  });
});

describe('legend and colours', () => {
  it('keeps every colour of a shown node or edge well apart from the out-of-range greys', () => {
    const nodeColours = { ...TYPE_COLORS, ...KIND_COLORS, 'other communities': OTHER_COMMUNITY_COLOUR };
    for (const [name, colour] of Object.entries(nodeColours)) expect(colourDistance(colour, GHOST_NODE), name).toBeGreaterThanOrEqual(20);
    for (const c of communityColours(sampleGraph()).values()) expect(colourDistance(c, GHOST_NODE)).toBeGreaterThanOrEqual(20);
    for (const relation of [...Object.keys(RELATION_COLORS), 'unknown relation']) expect(colourDistance(relationColour(relation), GHOST_EDGE), relation).toBeGreaterThanOrEqual(10);
    // ghosts stay visible on the white stage, and a ghost edge lighter than a ghost node
    expect(colourDistance(GHOST_NODE, '#ffffff')).toBeGreaterThanOrEqual(5);
    expect(cieLab(GHOST_EDGE)[0]).toBeGreaterThan(cieLab(GHOST_NODE)[0]);
  });
  it('measures colour differences in CIE L*a*b*', () => {
    expect(cieLab('#ffffff').map((v) => Math.round(v) + 0)).toEqual([100, 0, 0]);
    expect(cieLab('#000000').map((v) => Math.round(v) + 0)).toEqual([0, 0, 0]);
    expect(colourDistance('#ff0000', '#ff0000')).toBe(0);
    expect(Math.round(colourDistance('#ffffff', '#000000'))).toBe(100);
  });
  it('orders kinds actor, place, event and counts types', () => {
    const legend = buildLegend(sampleGraph());
    expect(legend.map((k) => k.kind)).toEqual(['actor', 'place', 'event']);
    expect(legend[2]!.types[0]).toMatchObject({ type: 'capture', count: 2 });
    expect(legend[1]!.count).toBe(4);
  });
  it('colours nodes and edges with the pipeline palette (src/graph/style.ts), the one graph.gexf carries', () => {
    for (const [kind, types] of Object.entries({ actor: ['person', 'armed group', 'military', 'government', 'organization', 'media', 'country'], place: ['country', 'region', 'city', 'town', 'area', 'site'], event: Object.keys(TYPE_COLORS).slice(12) })) {
      for (const type of types) expect(typeColour(kind, type), `${kind}/${type}`).toBe(colorOf(kind, type));
      expect(kindColour(kind)).toBe(KIND_COLORS[kind]);
    }
    const bySize = nodeDisplay(sampleGraph(), 3, 18, 'type', 'mentions');
    // sized by mentions: Palmyra (5) > Islamic State (4) > Syrian Army (3) > Damascus (2) > T4 (1)
    const radii = ['palmyra', 'isil', 'saa', 'damascus', 't4'].map((k) => bySize.get(k)!.size);
    expect([...radii].sort((a, b) => b - a)).toEqual(radii);
    expect(new Set(radii).size).toBe(5);
    expect(radii[0]).toBe(18);
    expect(radii[4]).toBe(3);
    const d = nodeDisplay(sampleGraph());
    const g = sampleGraph();
    g.forEachNode((k, a) => expect(d.get(k)!.colour).toBe(colorOf(a.kind, a.type)));
    // edges: the palette's colour, faded toward white
    // edges: the relation's colour faded toward white, greys less (they would pass for ghosts)
    for (const [relation, colour] of Object.entries(RELATION_COLORS)) expect(relationColour(relation)).toBe(fade(colour, ['source', 'mentioned with'].includes(relation) ? 0.15 : 0.45));
  });
  it('gives stable colours, also to unknown types', () => {
    expect(typeColour('event', 'capture')).toMatch(/^#[0-9a-f]{6}$/);
    expect(typeColour('actor', 'wizard')).toBe(typeColour('actor', 'wizard'));
    expect(fade('#000000', 0.5)).toBe('#808080');
    expect(fade('#ffffff', 0.9)).toBe('#ffffff');
  });
});

describe('graph model', () => {
  it('fills missing attributes and decodes GEXF-style strings', () => {
    const g = new MultiGraph() as unknown as ViewerGraph;
    g.addNode('a', { aliases: 'x|y', documents: '["d1","d2"]', evidence: '[{"doc":"d1","sentence":2,"text":"Hi."}]', lat: '34.5', mentions: '3' } as never);
    g.addNode('b', {} as never);
    g.addEdge('a', 'b', { label: 'ally' } as never);
    prepareGraph(g);
    const a = g.getNodeAttributes('a');
    expect(a).toMatchObject({ label: 'a', kind: 'node', type: '', aliases: ['x', 'y'], documents: ['d1', 'd2'], mentions: 3, lat: 34.5 });
    expect(a.evidence).toEqual([{ doc: 'd1', sentence: 2, text: 'Hi.' }]);
    expect(Number.isFinite(g.getNodeAttribute('b', 'x'))).toBe(true);
    expect(g.getNodeAttribute('a', 'x')).not.toBe(g.getNodeAttribute('b', 'x'));
    expect(g.getEdgeAttributes(g.edges()[0]!)).toMatchObject({ relation: 'ally', weight: 1, evidence: [] });
  });
  it('reads evidence back from GEXF, where it is a list of "docId#sentence: text" strings', () => {
    const g = new MultiGraph() as unknown as ViewerGraph;
    const written = ['000_a.txt#3: Troops retook Palmyra.', 'news.jsonl#12#0: A note #2: kept as text.', 'x.txt#?', 'no marker at all'];
    g.addNode('a', { evidence: JSON.stringify(written) } as never);
    g.addNode('b', { evidence: written } as never);
    prepareGraph(g);
    const expected = [
      { doc: '000_a.txt', sentence: 3, text: 'Troops retook Palmyra.' },
      { doc: 'news.jsonl#12', sentence: 0, text: 'A note #2: kept as text.' },
    ];
    expect(g.getNodeAttribute('a', 'evidence')).toEqual(expected);
    expect(g.getNodeAttribute('b', 'evidence')).toEqual(expected);
  });

  it('scales display sizes to pixels and colours by type', () => {
    const graph = sampleGraph();
    const d = nodeDisplay(graph);
    expect(d.get('palmyra')!.size).toBe(18);
    expect(d.get('syria')!.size).toBe(3);
    expect(d.get('ev2015')!.colour).toBe(typeColour('event', 'capture'));
  });
  it('precomputes neighbours in both directions', () => {
    const n = neighbourSets(sampleGraph());
    expect([...n.get('saa')!].sort()).toEqual(['ev2015', 'ev2016', 'evUndated']);
    expect(n.get('palmyra')!.has('isil')).toBe(true);
  });
  it('extracts a subgraph and writes GEXF that parses back', () => {
    const graph = sampleGraph();
    const keep = new Set(['palmyra', 'syria', 'isil', 'ev2015']);
    const sub = subgraph(graph, (k) => keep.has(k), () => true);
    expect(sub.order).toBe(4);
    expect(sub.size).toBe(4); // ev2015→isil, ev2015→palmyra, palmyra→syria, isil→palmyra
    const back = parse(MultiGraph, gexfText(filteredGexf(graph, (k) => keep.has(k), () => true, () => '#888888')));
    expect(back.order).toBe(4);
    expect(back.getNodeAttribute('palmyra', 'aliases')).toEqual(['Palmyra', 'Tadmur', 'Tadmor']);
  });
});

describe('node details', () => {
  const graph = sampleGraph();
  it('lists an event’s participants by role, its place, casualties and ACLED types', () => {
    const d = describeNode(graph, 'ev2015');
    expect(d.participants).toEqual([
      { role: 'agent', nodes: [{ key: 'isil', label: 'Islamic State', kind: 'actor' }] },
      { role: 'target', nodes: [{ key: 'saa', label: 'Syrian Army', kind: 'actor' }] },
    ]);
    expect(d.places.map((p) => p.key)).toEqual(['palmyra']);
    expect(d.casualties).toEqual([{ label: 'killed', value: 3 }]);
    expect(d.acled).toBe('Battles / Non-state actor overtakes territory');
    expect(d.dates).toBe('2015-05-21');
    expect(d.evidence).toHaveLength(1);
  });
  it('reads relations from the node’s side', () => {
    const d = describeNode(graph, 'palmyra');
    expect(d.aliases).toEqual(['Tadmur', 'Tadmor']); // data order, label left out
    expect(d.coordinates).toBe('34.5505, 38.2684');
    const rel = Object.fromEntries(d.neighbours.map((n) => [n.key, n.relation]));
    expect(rel).toMatchObject({ ev2015: 'location of', syria: 'located in', isil: 'controlled by' });
    expect(relationFrom('agent', false)).toBe('agent of');
    expect(relationFrom('ally', false)).toBe('ally');
  });
});

describe('map layout', () => {
  const graph = sampleGraph();
  const layout = mapLayout(graph);
  const at = (k: string) => layout.positions.get(k)!;
  it('puts places at lon/lat with y up and east to the right', () => {
    expect(at('palmyra').x).toBeGreaterThan(at('damascus').x); // 38.27°E vs 36.28°E
    expect(at('palmyra').y).toBeGreaterThan(at('damascus').y); // 34.55°N vs 33.51°N
    expect(at('damascus').y).toBeCloseTo(33.5138, 4);
    expect(at('damascus').x).toBeCloseTo(36.2765 * layout.projection.k, 4);
  });
  it('puts events near their place without stacking them, actors near their most-connected place', () => {
    const d = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(d('ev2015', 'palmyra')).toBeLessThan(0.2);
    expect(d('ev2016', 'palmyra')).toBeLessThan(0.2);
    expect(d('ev2015', 'ev2016')).toBeGreaterThan(0);
    expect(d('isil', 'palmyra')).toBeLessThan(0.3);
    expect(d('t4', 'syria')).toBeLessThan(0.3); // inherits its container
  });
  it('parks nodes with no location in a column east of the map', () => {
    expect(layout.parked.sort()).toEqual(['evUndated', 'nobody']);
    const maxPlaceX = Math.max(at('palmyra').x, at('damascus').x, at('syria').x);
    for (const k of layout.parked) expect(at(k).x).toBeGreaterThan(maxPlaceX);
    expect(layout.positions.size).toBe(graph.order);
  });
  it('uses the places’ mean latitude as the standard parallel', () => {
    expect(projectionFor([60, 60]).k).toBeCloseTo(0.5, 6);
    expect(projectionFor([]).k).toBe(1);
  });
});

describe('map layout of crowded hubs', () => {
  /** A hub with `events` events 0.5° west of a small town with 5; events carry their place's lat/lon as the pipeline writes them, or none. */
  function crowded(events: number, eventCoords = true): ViewerGraph {
    const g = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
    const node = (key: string, attrs: Record<string, unknown>): void => {
      g.addNode(key, { label: key, aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, ...attrs } as never);
    };
    node('hub', { kind: 'place', type: 'city', lat: 36, lon: 37 });
    node('town', { kind: 'place', type: 'town', lat: 36, lon: 37.5 });
    node('district', { kind: 'place', type: 'area' }); // no coordinates: inherits the hub's
    g.addEdge('district', 'hub', { relation: 'located in', weight: 1, evidence: [] } as never);
    const event = (key: string, place: string, lat: number, lon: number, importance: number): void => {
      node(key, { kind: 'event', type: 'battle', importance, ...(eventCoords ? { lat, lon } : {}) });
      g.addEdge(key, place, { relation: 'location', weight: 1, evidence: [] } as never);
    };
    for (let i = 0; i < events; i++) event(`h${String(i).padStart(3, '0')}`, 'hub', 36, 37, (i % 7) / 10);
    for (let i = 0; i < 5; i++) event(`d${i}`, 'district', 36, 37, 0.1);
    for (let i = 0; i < 5; i++) event(`t${i}`, 'town', 36, 37.5, 0.1);
    event('top', 'hub', 36, 37, 1);
    return prepareGraph(g);
  }
  const graph = crowded(300);
  const layout = mapLayout(graph);
  const at = (k: string) => layout.positions.get(k)!;
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const own = (k: string): string => (k.startsWith('t') && k !== 'top' ? 'town' : 'hub');
  const satellites = graph.nodes().filter((k) => k !== 'hub' && k !== 'town');

  it('keeps places exactly at their coordinates', () => {
    expect(at('hub')).toEqual({ x: 37 * layout.projection.k, y: 36 });
    expect(at('town')).toEqual({ x: 37.5 * layout.projection.k, y: 36 });
  });
  it('keeps every satellite nearer its own place than the other one', () => {
    for (const positions of [layout.positions, mapLayout(crowded(300, false)).positions]) {
      const p = (k: string) => positions.get(k)!;
      const astray = satellites.filter((k) => d(p(k), p(own(k))) >= d(p(k), p(own(k) === 'hub' ? 'town' : 'hub')));
      expect(astray).toEqual([]);
    }
  });
  it('gives every node its own spot: events with coordinates and an inheriting place’s events included', () => {
    const spots = new Set(graph.nodes().map((k) => `${at(k).x},${at(k).y}`));
    expect(spots.size).toBe(graph.order);
    expect(layout.parked).toEqual([]);
  });
  it('puts the most important satellites nearest their place', () => {
    const hubs = satellites.filter((k) => own(k) === 'hub' && graph.getNodeAttribute(k, 'kind') === 'event');
    const nearest = hubs.reduce((a, b) => (d(at(a), at('hub')) <= d(at(b), at('hub')) ? a : b));
    expect(nearest).toBe('top');
    const low = hubs.filter((k) => (graph.getNodeAttribute(k, 'importance') ?? 0) === 0);
    const high = hubs.filter((k) => (graph.getNodeAttribute(k, 'importance') ?? 0) >= 0.6);
    const mean = (ks: string[]) => ks.reduce((s, k) => s + d(at(k), at('hub')), 0) / ks.length;
    expect(mean(high)).toBeLessThan(mean(low));
  });
  it('keeps satellites minSpacing apart, even where the region is too small for them', () => {
    // a hub with a town 0.01° away: its region alone would pile 300 events into a speck
    const g = crowded(300);
    g.setNodeAttribute('town', 'lon', 37.01);
    const minSpacing = 0.02;
    const spaced = mapLayout(g, { minSpacing }).positions;
    const tight = mapLayout(g).positions;
    const closest = (positions: Map<string, { x: number; y: number }>): number => {
      const pts = satellites.filter((k) => own(k) === 'hub').map((k) => positions.get(k)!);
      let best = Infinity;
      for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) best = Math.min(best, d(pts[i]!, pts[j]!));
      return best;
    };
    const span = 0.5; // the layout's least extent, which this one-degree map takes
    expect(closest(spaced)).toBeGreaterThanOrEqual(minSpacing * span * 0.99);
    expect(closest(tight)).toBeLessThan(minSpacing * span);
  });
  it('keeps clouds that spill over their regions off each other', () => {
    // two crowded places 0.002 degrees apart: both clouds outgrow their regions at this spacing
    const g = crowded(300);
    g.setNodeAttribute('town', 'lon', 37.002);
    for (let i = 0; i < 200; i++) {
      g.addNode(`x${i}`, { label: `x${i}`, kind: 'event', type: 'battle', importance: 0, aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1 } as never);
      g.addEdge(`x${i}`, 'town', { relation: 'location', weight: 1, evidence: [] } as never);
    }
    const minSpacing = 0.02;
    const positions = mapLayout(prepareGraph(g), { minSpacing }).positions;
    const satellitePoints = [...positions].filter(([k]) => k !== 'hub' && k !== 'town').map(([, p]) => p);
    let closest = Infinity;
    for (const p of satellitePoints) for (const q of positions.values()) if (p !== q) closest = Math.min(closest, d(p, q));
    expect(closest).toBeGreaterThanOrEqual(minSpacing * 0.5 * 0.99); // the map's extent is its least, 0.5
  });
  it('lays out the same graph the same way', () => {
    const again = mapLayout(crowded(300));
    for (const k of graph.nodes()) expect(again.positions.get(k)).toEqual(at(k));
  });
});

describe('articles and links', () => {
  const text = 'First para.\n\nIS  seized\nPalmyra. Then more.\n\nLast.';
  it('locates a sentence verbatim or modulo whitespace', () => {
    expect(locateSentence(text, 'First para.')).toEqual({ start: 0, end: 11 });
    const span = locateSentence(text, 'IS seized Palmyra.')!;
    expect(text.slice(span.start, span.end)).toBe('IS  seized\nPalmyra.');
    expect(locateSentence(text, 'Not there.')).toBeNull();
    expect(locateSentence(text, 'a (b')).toBeNull(); // regex metacharacters are escaped
  });
  it('splits paragraphs and marks the sentence', () => {
    const paras = articleParagraphs(text, locateSentence(text, 'IS seized Palmyra.'));
    expect(paras).toHaveLength(3);
    expect(paras[1]).toEqual([
      { text: 'IS  seized\nPalmyra.', marked: true },
      { text: ' Then more.', marked: false },
    ]);
    expect(paras[0]).toEqual([{ text: 'First para.', marked: false }]);
  });
  it('parses documents.json leniently', () => {
    const docs = parseDocuments({ documents: [{ id: 'a', text: 'x', title: 'T', url: 'https://e.org' }, { id: 3 }, null] });
    expect([...docs.keys()]).toEqual(['a']);
    expect(parseDocuments('nope').size).toBe(0);
  });
  it('lets only http(s) URLs through', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(42)).toBeNull();
  });
});

describe('GEXF export of the filtered graph', () => {
  const checker = fileURLToPath(new URL('../../../shared/eval/gexf_check.py', import.meta.url));
  const graph = sampleGraph();
  const keep = (k: string) => k !== 'nobody';
  const xml = gexfText(filteredGexf(graph, keep, () => true, () => '#d1495b'));

  it('writes the kept nodes with r/g/b colours (not hex) and list attributes as JSON lists', () => {
    const back = parse(MultiGraph, xml);
    expect(back.order).toBe(graph.order - 1);
    expect(back.size).toBe(graph.size);
    expect(xml).toContain('r="209" g="73" b="91"');
    expect(xml).not.toContain('hex=');
    expect(back.getNodeAttribute('palmyra', 'aliases')).toEqual(['Palmyra', 'Tadmur', 'Tadmor']);
  });

  const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
  const canCheck = existsSync(checker) && python.status === 0;
  if (!canCheck) console.warn('SKIPPED tests/viewer/model.test.ts gexf_check: ../shared/eval/gexf_check.py or python3+networkx absent');
  it.skipIf(!canCheck)('passes ../shared/eval/gexf_check.py (schema, networkx, Gephi rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'viewer-gexf-'));
    const file = join(dir, 'filtered.gexf');
    writeFileSync(file, xml);
    const run = spawnSync('python3', [checker, file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

describe('map layout of places located by their container', () => {
  it('draws a place with its container’s coordinates (geoPrecision) beside the container, not on it', () => {
    const g = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
    const node = (key: string, attrs: Record<string, unknown>): void => {
      g.addNode(key, { label: key, aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, ...attrs } as never);
    };
    node('aleppo', { kind: 'place', type: 'city', lat: 36.2, lon: 37.16 });
    for (const d of ['sukkari', 'shaar', 'bustan']) {
      node(d, { kind: 'place', type: 'area', lat: 36.2, lon: 37.16, geoPrecision: 'parent' });
      g.addEdge(d, 'aleppo', { relation: 'located in', weight: 1, evidence: [] } as never);
    }
    const layout = mapLayout(prepareGraph(g));
    const at = (k: string) => layout.positions.get(k)!;
    expect(at('aleppo')).toEqual({ x: 37.16 * layout.projection.k, y: 36.2 });
    const spots = new Set(['aleppo', 'sukkari', 'shaar', 'bustan'].map((k) => `${at(k).x},${at(k).y}`));
    expect(spots.size).toBe(4);
    for (const d of ['sukkari', 'shaar', 'bustan']) expect(Math.hypot(at(d).x - at('aleppo').x, at(d).y - at('aleppo').y)).toBeLessThan(0.5);
  });
});

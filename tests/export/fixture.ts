/** A small graph with every attribute kind and hostile strings, shared by the export tests. */
import { MultiGraph } from 'graphology';
import type { EdgeAttributes, Evidence, NodeAttributes } from '../../src/types.js';

export const NASTY = 'Quote " apos \' <script>alert(1)</script> & amp; \u0001ctl\u000B vt \uD800lone 😀 emoji العربية RTL \uFFFE';
/** NASTY after XML hygiene: controls, the lone surrogate and U+FFFE removed. */
export const NASTY_CLEAN = 'Quote " apos \' <script>alert(1)</script> & amp; ctl vt lone 😀 emoji العربية RTL ';

function evidence(doc: string, sentence: number, text: string): Evidence {
  return { doc, sentence, text };
}

function node(overrides: Partial<NodeAttributes> & Pick<NodeAttributes, 'label' | 'kind' | 'type'>): NodeAttributes {
  return {
    aliases: [overrides.label],
    documents: ['doc1.txt'],
    mentions: 1,
    evidence: [],
    x: 0,
    y: 0,
    size: 5,
    color: '#336699',
    importance: 0.5,
    community: 0,
    ...overrides,
  };
}

export function buildFixtureGraph(): MultiGraph<NodeAttributes, EdgeAttributes> {
  const graph = new MultiGraph<NodeAttributes, EdgeAttributes>();
  const longSentence = 'word '.repeat(200);
  graph.addNode('actor:isis', node({
    label: 'Islamic State',
    kind: 'actor',
    type: 'armed group',
    aliases: ['Daesh', 'IS', 'ISIS', 'Islamic State', NASTY],
    documents: ['doc1.txt', 'doc2.txt'],
    mentions: 7,
    firstSeen: '2016-12-08',
    lastSeen: '2016-12-11',
    evidence: Array.from({ length: 25 }, (_, i) => evidence('doc1.txt', i, i === 0 ? NASTY : i === 1 ? longSentence : `Sentence ${i} with "quotes".`)),
    x: 10.5,
    y: -3.25,
    size: 12,
    color: '#ff0000',
    importance: 0.9,
    community: 1,
    parent: 'actor:nobody',
  }));
  graph.addNode('actor:syria-army', node({ label: 'Syrian Army', kind: 'actor', type: 'military', x: 1, y: 2, color: '#00ff00', community: 2 }));
  graph.addNode('place:palmyra', node({
    label: 'Palmyra',
    kind: 'place',
    type: 'city',
    lat: 34.5503,
    lon: 38.2684,
    country: 'SY',
    geonameId: 170017,
    x: -5,
    y: 7,
    color: '#0000ff',
  }));
  graph.addNode('place:syria', node({ label: 'Syria', kind: 'place', type: 'country', lat: 35, lon: 38, country: 'SY', x: 3, y: 3 }));
  graph.addNode('event:capture', node({
    label: 'capture of Palmyra',
    kind: 'event',
    type: 'capture',
    date: '2016-12-11',
    datePrecision: 'day',
    dateEnd: '2016-12-12',
    start: '2016-12-11',
    end: '2016-12-12',
    modality: 'asserted',
    acledEventType: 'Battles',
    acledSubEventType: 'Non-state actor overtakes territory',
    killed: 300,
    wounded: 12,
    captured: 4,
    figures: ['more than 300 Daesh elements killed', '12 wounded'],
    documents: ['doc1.txt', 'doc2.txt'],
    evidence: [evidence('doc1.txt', 3, 'Islamic State fighters, "backed" by\nartillery, re-entered Palmyra.')],
    x: 4,
    y: 4,
  }));
  graph.addNode('event:airstrike', node({
    label: 'airstrike near Palmyra',
    kind: 'event',
    type: 'airstrike',
    date: '2016-12',
    datePrecision: 'month',
    start: '2016-12-01',
    end: '2016-12-31',
    modality: 'claimed',
    x: 6,
    y: 6,
  }));
  // Undated, with a hostile label and key, an empty list, a missing colour and a bad size.
  graph.addNode('event:undated\u0001', node({
    label: NASTY,
    kind: 'event',
    type: 'statement',
    aliases: [],
    documents: [],
    x: Number.NaN,
    y: 1,
    size: 0,
    color: 'not a colour',
  }));
  graph.addNode('actor:blank-label', node({ label: '   ', kind: 'actor', type: 'person', x: 2, y: 1 }));

  graph.addEdgeWithKey('e-agent', 'event:capture', 'actor:isis', { relation: 'agent', weight: 2, evidence: [evidence('doc1.txt', 3, 'x')] });
  graph.addEdgeWithKey('e-target', 'event:capture', 'actor:syria-army', { relation: 'target', weight: 1, evidence: [] });
  graph.addEdgeWithKey('e-location', 'event:capture', 'place:palmyra', { relation: 'location', weight: 1, evidence: [] });
  graph.addEdgeWithKey('e-located', 'place:palmyra', 'place:syria', { relation: 'located in', weight: 1, evidence: [] });
  graph.addEdgeWithKey('e-controls', 'actor:isis', 'place:palmyra', {
    relation: 'controls',
    weight: 1,
    evidence: [],
    // Two spells, given out of order; the second is open-ended.
    spells: [{ start: '2016-12-11' }, { start: '2015-05-21', end: '2016-03-27' }],
  });
  graph.addEdgeWithKey('e-enemy', 'actor:isis', 'actor:syria-army', { relation: 'enemy', weight: 0, title: NASTY, evidence: [] });
  // Parallel edge with a graphology-generated key.
  graph.addEdge('actor:isis', 'actor:syria-army', { relation: 'enemy', weight: 3, evidence: [] });
  graph.addEdgeWithKey('e-agent2', 'event:airstrike', 'actor:syria-army', { relation: 'agent', weight: 1, evidence: [] });
  graph.addEdgeWithKey('e-agent3', 'event:capture', 'actor:blank-label', { relation: 'agent', weight: 1, evidence: [] });
  return graph;
}

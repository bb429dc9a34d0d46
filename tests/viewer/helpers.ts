import { MultiGraph } from 'graphology';
import { prepareGraph } from '../../viewer/src/core/graphModel';
import type { ViewerGraph } from '../../viewer/src/core/types';

/** A tiny Palmyra-like graph: 3 places, 2 actors, 3 events, a "controls" edge with spells. */
export function sampleGraph(): ViewerGraph {
  const g = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
  const n = (key: string, attrs: Record<string, unknown>): void => {
    g.addNode(key, { aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1, ...attrs } as never);
  };
  n('palmyra', { label: 'Palmyra', kind: 'place', type: 'city', aliases: ['Palmyra', 'Tadmur', 'Tadmor'], lat: 34.5505, lon: 38.2684, documents: ['a.txt', 'b.txt'], mentions: 5, x: 1, y: 2, size: 10 });
  n('damascus', { label: 'Damascus', kind: 'place', type: 'city', lat: 33.5138, lon: 36.2765, documents: ['b.txt'], mentions: 2 });
  n('t4', { label: 'T4 airbase', kind: 'place', type: 'site', documents: ['b.txt'] });
  n('syria', { label: 'Syria', kind: 'place', type: 'country', lat: 35, lon: 38.5, mentions: 3 });
  n('isil', { label: 'Islamic State', kind: 'actor', type: 'armed group', aliases: ['ISIL', 'Daesh', 'ISIS'], documents: ['a.txt'], mentions: 4, size: 8 });
  n('saa', { label: 'Syrian Army', kind: 'actor', type: 'military', documents: ['b.txt'], mentions: 3 });
  n('nobody', { label: 'Élysée Palace', kind: 'actor', type: 'government', mentions: 1 });
  n('ev2015', { label: 'IS captures Palmyra', kind: 'event', type: 'capture', date: '2015-05-21', start: '2015-05-21', end: '2015-05-21', documents: ['a.txt'], evidence: [{ doc: 'a.txt', sentence: 0, text: 'IS seized Palmyra.' }], killed: 3, modality: 'asserted', acledEventType: 'Battles', acledSubEventType: 'Non-state actor overtakes territory' });
  n('ev2016', { label: 'Army retakes Palmyra', kind: 'event', type: 'capture', date: '2016-03', datePrecision: 'month', documents: ['b.txt'] });
  n('evUndated', { label: 'Statement', kind: 'event', type: 'statement' });
  const e = (s: string, t: string, relation: string, extra: Record<string, unknown> = {}): void => {
    g.addEdge(s, t, { relation, weight: 1, evidence: [], ...extra } as never);
  };
  e('ev2015', 'isil', 'agent');
  e('ev2015', 'saa', 'target');
  e('ev2015', 'palmyra', 'location');
  e('ev2016', 'saa', 'agent');
  e('ev2016', 'palmyra', 'location');
  e('palmyra', 'syria', 'located in');
  e('t4', 'syria', 'located in');
  e('isil', 'palmyra', 'controls', { spells: [{ start: '2015-05-21', end: '2016-03-26' }] });
  e('evUndated', 'saa', 'source');
  return prepareGraph(g);
}

/** The text of a GEXF export (filteredGexf returns its UTF-8 bytes in chunks). */
export function gexfText(chunks: Uint8Array[]): string {
  return Buffer.concat(chunks).toString('utf8');
}

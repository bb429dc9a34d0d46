import { describe, expect, it } from 'vitest';
import { buildGraph, eventLabel, styleGraph } from '../../src/graph/build.js';
import { assignMetrics } from '../../src/graph/metrics.js';
import { assignLayout } from '../../src/graph/layout.js';
import { intervalOf, dayBefore } from '../../src/graph/dates.js';
import { mergeExtractions } from '../../src/resolve/merge.js';
import type { DocExtraction, EntityMention, EventMention } from '../../src/extract/model.js';

function m(key: string, label: string, kind: 'actor' | 'place', type: string): EntityMention {
  return { key, label, kind, type, surface: label, sentence: 0, start: 0, end: label.length, known: true };
}
function ev(p: Partial<EventMention>): EventMention {
  return { type: 'capture', acledEventType: 'Battles', acledSubEventType: '', modality: 'asserted', trigger: 'took', sentence: 0, agents: [], targets: [], places: [], sources: [], figures: [], ...p };
}
const isil = m('actor:isil', 'ISIL', 'actor', 'armed group');
const army = m('actor:syrian-army', 'Syrian Army', 'actor', 'military');
const russia = m('actor:russian-air-force', 'Russian Air Force', 'actor', 'military');
const palmyra = m('place:palmyra', 'Palmyra', 'place', 'city');

function doc(id: string, events: EventMention[]): DocExtraction {
  const ents = [isil, army, russia, palmyra];
  return { doc: { id, title: id, file: id, date: '2017-03-05' }, sentences: { 0: 'A sentence.' }, entities: ents, refs: Object.fromEntries(ents.map((e) => [e.key, e])), relations: [], events, words: 3 };
}

const history = [
  doc('a', [ev({ agents: ['actor:isil'], targets: ['actor:syrian-army'], places: ['place:palmyra'], date: '2015-05-20', datePrecision: 'day' })]),
  doc('b', [
    ev({
      agents: ['actor:syrian-army', 'actor:russian-air-force'],
      targets: ['actor:isil'],
      places: ['place:palmyra'],
      date: '2016-03-27',
      datePrecision: 'day',
      bonds: [
        { relation: 'ally', a: 'actor:syrian-army', b: 'actor:russian-air-force' },
        { relation: 'enemy', a: 'actor:syrian-army', b: 'actor:isil' },
      ],
    }),
  ]),
  doc('c', [ev({ agents: ['actor:isil'], targets: ['actor:syrian-army'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day' })]),
  doc('d', [ev({ agents: ['actor:syrian-army'], targets: ['actor:isil'], places: ['place:palmyra'], date: '2017-03', datePrecision: 'month' })]),
];

describe('buildGraph', () => {
  const graph = buildGraph(mergeExtractions(history));

  it('labels events with a one-line summary', () => {
    expect(eventLabel('capture', 'Syrian Army', 'Palmyra', 'ISIL', '2017-03-02')).toBe('Syrian Army captures Palmyra from ISIL, 2017-03-02');
    // Nobody named as doing it: a noun phrase, not "Unknown actor ...".
    expect(eventLabel('capture', undefined, 'Eastern Ghouta', undefined, '2016-03-26')).toBe('Capture of Eastern Ghouta, 2016-03-26');
    expect(eventLabel('killing', undefined, 'Palmyra', undefined, '2016-03-20')).toBe('Killings in Palmyra, 2016-03-20');
    expect(eventLabel('airstrike', undefined, 'Raqqa', 'ISIL', undefined)).toBe('Airstrike on Raqqa against ISIL');
    expect(eventLabel('battle', undefined, undefined, undefined, '2016')).toBe('Fighting, 2016');
    const labels = graph.filterNodes((_k, a) => a.kind === 'event').map((k) => graph.getNodeAttribute(k, 'label')).sort();
    expect(labels).toContain('ISIL captures Palmyra from Syrian Army, 2015-05-20');
  });

  it('gives dated events a timeline interval at their precision', () => {
    const e = graph.findNode((_k, a) => a.kind === 'event' && a.date === '2017-03')!;
    expect(graph.getNodeAttribute(e, 'start')).toBe('2017-03-01');
    expect(graph.getNodeAttribute(e, 'end')).toBe('2017-03-31');
  });

  it('derives alternating control spells from captures', () => {
    const spells = (key: string) =>
      graph.filterEdges(key, 'place:palmyra', (_e, a) => a.relation === 'controls').flatMap((e) => graph.getEdgeAttribute(e, 'spells') ?? []);
    expect(spells('actor:isil')).toEqual([
      { start: '2015-05-20', end: '2016-03-26' },
      { start: '2016-12-11', end: '2017-02-28' },
    ]);
    expect(spells('actor:syrian-army')).toEqual([
      { start: '2016-03-27', end: '2016-12-10' },
      { start: '2017-03-01', end: '2017-03-31' },
    ]);
  });

  it('ignores a withdrawal reported by the other side or in the same days as the capture', () => {
    const g = buildGraph(
      mergeExtractions([
        ...history,
        doc('e', [ev({ type: 'withdrawal', agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-12', datePrecision: 'day' })]),
        doc('f', [ev({ type: 'withdrawal', agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-03-28', datePrecision: 'day' })]),
      ]),
    );
    const spells = g.filterEdges('actor:isil', 'place:palmyra', (_e, a) => a.relation === 'controls').flatMap((e) => g.getEdgeAttribute(e, 'spells') ?? []);
    expect(spells).toEqual([
      { start: '2015-05-20', end: '2016-03-26' },
      { start: '2016-12-11', end: '2017-02-28' },
    ]);
  });

  const rel = (g: typeof graph, r: string) => g.filterEdges((_e, a) => a.relation === r).map((e) => [g.source(e), g.target(e)].sort().join('|'));

  it('derives ally and enemy edges from what reports state, listing the events that support them', () => {
    expect(rel(graph, 'ally')).toEqual(['actor:russian-air-force|actor:syrian-army']);
    expect(rel(graph, 'enemy')).toEqual(['actor:isil|actor:syrian-army']);
    const enemy = graph.findEdge((_e, a) => a.relation === 'enemy')!;
    expect(graph.getEdgeAttribute(enemy, 'events')).toEqual([graph.findNode((_k, a) => a.kind === 'event' && a.date === '2016-03-27')]);
  });

  it('derives no ally or enemy from actors that merely share an event, nor with its voices or within one state', () => {
    // co-agents with no stated bond (other reports' agents pile up in a merged event)
    expect(rel(graph, 'ally')).not.toContain('actor:isil|actor:russian-air-force');
    const afp = m('actor:afp', 'AFP', 'actor', 'media');
    const gov = { ...m('actor:gov:SY', 'Syrian government', 'actor', 'government') };
    const army2 = { ...army, parent: 'actor:gov:SY' };
    const ents = [isil, army2, gov, afp, palmyra];
    const d: DocExtraction = {
      ...doc('g', [
        ev({
          agents: ['actor:syrian-army', 'actor:gov:SY'],
          targets: ['actor:isil'],
          places: ['place:palmyra'],
          sources: ['actor:isil'],
          date: '2016-03-27',
          datePrecision: 'day',
          bonds: [
            { relation: 'ally', a: 'actor:syrian-army', b: 'actor:gov:SY' },
            { relation: 'enemy', a: 'actor:syrian-army', b: 'actor:isil' },
            { relation: 'ally', a: 'actor:syrian-army', b: 'actor:afp' },
          ],
        }),
      ]),
      entities: ents,
      refs: Object.fromEntries(ents.map((e) => [e.key, e])),
    };
    const g = buildGraph(mergeExtractions([d]));
    expect(rel(g, 'ally')).toEqual([]); // one state's bodies; a news agency is no side
    expect(rel(g, 'enemy')).toEqual([]); // ISIL is this report's voice
  });

  it('derives control only for places in the theatre of the events, held by forces', () => {
    const sy = (key: string, label: string, type = 'city') => ({ ...m(key, label, 'place', type), country: 'SY' });
    const moscow = { ...m('place:moscow', 'Moscow', 'place', 'city'), country: 'RU' };
    const aleppo = sy('place:aleppo', 'Aleppo');
    const hama = sy('place:hama', 'Hama');
    const syria = sy('place:syria', 'Syria', 'country');
    const person = m('actor:person:someone', 'Someone', 'actor', 'person');
    const usGov = { ...m('actor:us-government', 'U.S. government', 'actor', 'government'), country: 'US' };
    const ents = [isil, army, person, usGov, moscow, aleppo, hama, syria];
    const day = (n: number) => `2016-05-${String(n).padStart(2, '0')}`;
    const events = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ev({ type: 'shelling', agents: ['actor:syrian-army'], places: ['place:aleppo'], date: day(n), datePrecision: 'day' })),
      ev({ agents: ['actor:syrian-army'], targets: ['actor:isil'], places: ['place:hama'], date: day(11), datePrecision: 'day' }),
      ev({ agents: ['actor:isil'], places: ['place:moscow'], date: day(12), datePrecision: 'day' }),
      ev({ agents: ['actor:isil'], places: ['place:syria'], date: day(13), datePrecision: 'day' }),
      ev({ agents: ['actor:person:someone'], places: ['place:aleppo'], date: day(14), datePrecision: 'day' }),
      // a government holds ground only in its own country
      ev({ agents: ['actor:us-government'], places: ['place:aleppo'], date: day(15), datePrecision: 'day' }),
    ];
    const d: DocExtraction = { ...doc('h', events), entities: ents, refs: Object.fromEntries(ents.map((e) => [e.key, e])) };
    const g = buildGraph(mergeExtractions([d]));
    const controls = g.filterEdges((_e, a) => a.relation === 'controls').map((e) => `${g.source(e)}>${g.target(e)}`);
    expect(controls).toEqual(['actor:syrian-army>place:hama']);
    const edge = g.findEdge((_e, a) => a.relation === 'controls')!;
    expect(g.getEdgeAttribute(edge, 'events')).toHaveLength(1);
  });

  it('is deterministic through metrics, styling and layout', () => {
    const run = () => {
      const g = buildGraph(mergeExtractions([...history].reverse()));
      assignMetrics(g);
      styleGraph(g);
      assignLayout(g);
      return JSON.stringify(g.export());
    };
    expect(run()).toBe(run());
    const g = buildGraph(mergeExtractions(history));
    assignMetrics(g);
    styleGraph(g);
    assignLayout(g);
    g.forEachNode((_k, a) => {
      expect(a.size).toBeGreaterThan(0);
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
  });
});

describe('calendar helpers', () => {
  it('expands precisions and steps back a day across months', () => {
    expect(intervalOf('2016')).toEqual({ start: '2016-01-01', end: '2016-12-31' });
    expect(intervalOf('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(intervalOf('2016-03-20', '2016-03-23')).toEqual({ start: '2016-03-20', end: '2016-03-23' });
    expect(dayBefore('2016-03-01')).toBe('2016-02-29');
  });
});

import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { prepareGraph } from '../../viewer/src/core/graphModel';
import type { ViewerGraph } from '../../viewer/src/core/types';
import { dayToIso, eventInterval, isoPeriod, isoToDay } from '../../viewer/src/core/dates';
import { buildTimeIndex, ghostsFor, monthHistogram, timeAxis } from '../../viewer/src/core/time';
import { sampleGraph } from './helpers';

describe('dates', () => {
  it('reads day, month and year precision as periods', () => {
    expect(isoPeriod('2016-03-27')).toEqual({ start: isoToDay('2016-03-27'), end: isoToDay('2016-03-27') });
    const march = isoPeriod('2016-03')!;
    expect(dayToIso(march.start)).toBe('2016-03-01');
    expect(dayToIso(march.end)).toBe('2016-03-31');
    const leap = isoPeriod('2016')!;
    expect(leap.end - leap.start + 1).toBe(366);
  });
  it('rejects impossible or malformed dates', () => {
    expect(isoPeriod('2016-02-31')).toBeNull();
    expect(isoPeriod('2016-13')).toBeNull();
    expect(isoPeriod('last week')).toBeNull();
    expect(isoPeriod(undefined)).toBeNull();
  });
  it('takes an event interval from start/end, else from date at its precision', () => {
    const e1 = eventInterval({ start: '2016-03-20', end: '2016-03-23' })!;
    expect([dayToIso(e1.start), dayToIso(e1.end)]).toEqual(['2016-03-20', '2016-03-23']);
    const e2 = eventInterval({ date: '2016-07', dateEnd: '2016-12-13' })!;
    expect([dayToIso(e2.start), dayToIso(e2.end)]).toEqual(['2016-07-01', '2016-12-13']);
    const e3 = eventInterval({ date: '2017-02' })!;
    expect(dayToIso(e3.end)).toBe('2017-02-28');
    expect(eventInterval({})).toBeNull();
  });
});

describe('time filter', () => {
  const graph = sampleGraph();
  const index = buildTimeIndex(graph);

  it('indexes dated events and spells, and the domain covering them', () => {
    expect([...index.events.keys()].sort()).toEqual(['ev2015', 'ev2016']);
    expect(index.spells.size).toBe(1);
    expect(dayToIso(index.domain!.start)).toBe('2015-05-21');
    expect(dayToIso(index.domain!.end)).toBe('2016-03-31');
  });

  it('fades nothing without a range', () => {
    const g = ghostsFor(index, null);
    expect(g.nodes.size + g.edges.size).toBe(0);
  });

  it('fades events outside the range, actors whose events all are, and their edges', () => {
    const range = { start: isoToDay('2016-01-01')!, end: isoToDay('2016-12-31')! };
    const g = ghostsFor(index, range);
    expect(g.nodes.has('ev2015')).toBe(true);
    expect(g.nodes.has('ev2016')).toBe(false);
    expect(g.nodes.has('isil')).toBe(true); // its only dated event is 2015
    expect(g.nodes.has('saa')).toBe(false); // in the 2016 event
    expect(g.nodes.has('evUndated')).toBe(false); // undated never fades
    expect(g.nodes.has('syria')).toBe(false); // no dated neighbour
    const edge = (s: string, t: string, rel: string): string =>
      graph.edges(s, t).find((e) => graph.getEdgeAttribute(e, 'relation') === rel)!;
    expect(g.edges.has(edge('ev2015', 'isil', 'agent'))).toBe(true);
    expect(g.edges.has(edge('ev2016', 'saa', 'agent'))).toBe(false);
    // controls spell 2015-05-21..2016-03-26 overlaps 2016, but isil itself is faded
    expect(g.edges.has(edge('isil', 'palmyra', 'controls'))).toBe(true);
  });

  it('fades an edge whose spells miss the range', () => {
    const range = { start: isoToDay('2016-03-27')!, end: isoToDay('2016-03-31')! };
    const g = ghostsFor(index, range);
    const controls = graph.edges('isil', 'palmyra')[0]!;
    expect(g.edges.has(controls)).toBe(true);
  });

  it('counts events per month with empty months present', () => {
    const bins = monthHistogram(index);
    expect(bins[0]).toEqual({ month: '2015-05', count: 1 });
    expect(bins[bins.length - 1]).toEqual({ month: '2016-03', count: 1 });
    expect(bins).toHaveLength(11);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(2);
  });

  it('starts the axis at the 2nd percentile of event dates, older events in an "earlier" bucket', () => {
    const g = new MultiGraph({ type: 'directed' }) as unknown as ViewerGraph;
    const add = (key: string, date: string): void => {
      g.addNode(key, { label: key, kind: 'event', type: 'battle', date, start: date, end: date, aliases: [], documents: [], evidence: [], mentions: 1, x: 0, y: 0, size: 1 } as never);
    };
    add('old1', '1967-06-05');
    add('old2', '1973-10-06');
    for (let i = 0; i < 198; i++) add(`e${i}`, `${2011 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`);
    const idx = buildTimeIndex(prepareGraph(g));
    const axis = timeAxis(idx)!;
    expect(dayToIso(axis.start)).toBe('2011-01-01');
    expect(axis.earlier).toBe(2);
    const bins = monthHistogram(idx, axis.start);
    expect(bins[0]!.month).toBe('2011-01');
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(198);
    // few events: the axis keeps its first one
    expect(timeAxis(index)!.earlier).toBe(0);
    expect(dayToIso(timeAxis(index)!.start)).toBe('2015-05-21');
  });
});

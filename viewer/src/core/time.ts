/** The time filter: which nodes and edges fall outside a day range, and the event histogram by month. */
import { dayToMonth, edgeSpells, eventInterval, isoPeriod, overlaps, type DayRange } from './dates';
import type { ViewerGraph } from './types';

export interface TimeIndex {
  /** Dated events and their intervals. */
  events: Map<string, DayRange>;
  /** Edges that carry spells. */
  spells: Map<string, DayRange[]>;
  /** For each non-event node touching dated events: those events. */
  datedNeighbours: Map<string, string[]>;
  /**
   * The only edges a range can fade (spells, or an end that can fade), with their ends, as flat
   * lists: a range drag walks them at every step.
   */
  timedEdges: { keys: string[]; sources: string[]; targets: string[] };
  /** Days spanned by all events and spells, or null when nothing is dated. */
  domain: DayRange | null;
}

export function buildTimeIndex(graph: ViewerGraph): TimeIndex {
  const events = new Map<string, DayRange>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  graph.forEachNode((key, attrs) => {
    if (attrs.kind !== 'event') return;
    const interval = eventInterval(attrs);
    if (!interval) return;
    events.set(key, interval);
    min = Math.min(min, interval.start);
    max = Math.max(max, interval.end);
  });
  const spells = new Map<string, DayRange[]>();
  const datedNeighbours = new Map<string, string[]>();
  graph.forEachEdge((edge, attrs, source, target) => {
    const ranges = edgeSpells(attrs);
    if (ranges.length > 0) {
      spells.set(edge, ranges);
      for (const r of ranges) {
        min = Math.min(min, r.start);
        if (Number.isFinite(r.end)) max = Math.max(max, r.end);
      }
    }
    for (const [event, other] of [[source, target], [target, source]] as const) {
      if (!events.has(event) || events.has(other)) continue;
      const list = datedNeighbours.get(other);
      if (list) list.push(event);
      else datedNeighbours.set(other, [event]);
    }
  });
  const domain = Number.isFinite(min) ? { start: min, end: Math.max(max, min) } : null;
  const timedEdges = { keys: [] as string[], sources: [] as string[], targets: [] as string[] };
  const canFade = (key: string): boolean => events.has(key) || datedNeighbours.has(key);
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (!spells.has(edge) && !canFade(source) && !canFade(target)) return;
    timedEdges.keys.push(edge);
    timedEdges.sources.push(source);
    timedEdges.targets.push(target);
  });
  return { events, spells, datedNeighbours, timedEdges, domain };
}

export interface Ghosts {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * What fades out for a time range: dated events outside it; actors and places all of whose dated
 * events are outside it; edges whose spells all miss it, or that touch a faded node.
 * A null range fades nothing. Undated items never fade.
 */
export function ghostsFor(index: TimeIndex, range: DayRange | null): Ghosts {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!range) return { nodes, edges };
  for (const [key, interval] of index.events) if (!overlaps(interval, range)) nodes.add(key);
  for (const [key, events] of index.datedNeighbours) {
    if (events.every((event) => nodes.has(event))) nodes.add(key);
  }
  const { keys, sources, targets } = index.timedEdges;
  for (let i = 0; i < keys.length; i++) {
    const edge = keys[i]!;
    const spells = index.spells.get(edge);
    if (spells && !spells.some((s) => overlaps(s, range))) edges.add(edge);
    else if (nodes.has(sources[i]!) || nodes.has(targets[i]!)) edges.add(edge);
  }
  return { nodes, edges };
}

export interface MonthBin {
  /** "YYYY-MM" */
  month: string;
  count: number;
}

export interface TimeAxis {
  /** First day of the axis (a month's first day) and the last day of the data. */
  start: number;
  end: number;
  /** Dated events that start before the axis: the "earlier" bucket. */
  earlier: number;
}

/**
 * The axis the timeline draws: from the month of the `percentile` quantile of event start days,
 * so a handful of historical events (a 1967 war in a 2011-2018 corpus) fall into an "earlier"
 * bucket instead of stretching the axis over empty decades.
 */
export function timeAxis(index: TimeIndex, percentile = 0.02): TimeAxis | null {
  if (!index.domain) return null;
  const starts = [...index.events.values()].map((r) => r.start).sort((a, b) => a - b);
  let start = index.domain.start;
  if (starts.length > 0) {
    const q = starts[Math.floor(percentile * (starts.length - 1))]!;
    start = Math.max(start, isoPeriod(dayToMonth(q))!.start);
  }
  start = Math.min(start, index.domain.end);
  let earlier = 0;
  for (const day of starts) if (day < start) earlier++;
  return { start, end: index.domain.end, earlier };
}

/**
 * Number of dated events starting in each month from `from` (default: the domain's start) to the
 * domain's end, every month present (zeros included); events before `from` are not binned.
 */
export function monthHistogram(index: TimeIndex, from: number | null = null): MonthBin[] {
  if (!index.domain) return [];
  const counts = new Map<string, number>();
  for (const interval of index.events.values()) {
    const month = dayToMonth(interval.start);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const bins: MonthBin[] = [];
  const [startYear, startMonth] = dayToMonth(from ?? index.domain.start).split('-').map(Number) as [number, number];
  const last = dayToMonth(index.domain.end);
  for (let y = startYear, m = startMonth; bins.length < 12 * 200; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    bins.push({ month, count: counts.get(month) ?? 0 });
    if (month === last) break;
  }
  return bins;
}

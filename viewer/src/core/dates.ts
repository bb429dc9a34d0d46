/**
 * Calendar arithmetic on ISO dates, as whole UTC days since 1970-01-01 ("day numbers").
 * Events carry dates at day, month or year precision; a coarse date covers its whole period.
 */
import type { ViewerEdge, ViewerNode } from './types';

const DAY_MS = 86_400_000;
const ISO_RE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

export interface DayRange {
  /** First day, inclusive. */
  start: number;
  /** Last day, inclusive. */
  end: number;
}

/** The period an ISO date (YYYY, YYYY-MM or YYYY-MM-DD, any suffix ignored) covers, or null when unparseable. */
export function isoPeriod(iso: string | undefined | null): DayRange | null {
  if (typeof iso !== 'string') return null;
  // A corpus repeats the same few thousand dates: parse each once (results are never mutated).
  let period = periods.get(iso);
  if (period === undefined) {
    period = parsePeriod(iso);
    if (periods.size >= MAX_CACHED_PERIODS) periods.clear();
    periods.set(iso, period);
  }
  return period === null ? null : { start: period.start, end: period.end };
}

const periods = new Map<string, DayRange | null>();
const MAX_CACHED_PERIODS = 100_000;

function parsePeriod(iso: string): DayRange | null {
  const m = ISO_RE.exec(iso.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { start: utcDay(year, 0, 1), end: utcDay(year + 1, 0, 1) - 1 };
  if (day === null) return { start: utcDay(year, month - 1, 1), end: utcDay(year, month, 1) - 1 };
  const start = utcDay(year, month - 1, day);
  if (dayToIso(start) !== `${m[1]}-${m[2]}-${m[3]}`) return null; // 2016-02-31 and the like
  return { start, end: start };
}

/** First day of an ISO date, or null. */
export function isoToDay(iso: string | undefined | null): number | null {
  return isoPeriod(iso)?.start ?? null;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM" of a day number. */
export function dayToMonth(day: number): string {
  return dayToIso(day).slice(0, 7);
}

function utcDay(year: number, monthIndex: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round(d.getTime() / DAY_MS);
}

/** An event's interval: start..end when given, else date..dateEnd at the date's precision. */
export function eventInterval(attrs: Partial<ViewerNode>): DayRange | null {
  const start = isoPeriod(attrs.start ?? attrs.date);
  if (!start) return null;
  const endSource = attrs.end ?? attrs.dateEnd ?? (attrs.start ? undefined : attrs.date);
  const end = isoPeriod(endSource);
  const last = end ? Math.max(end.end, start.start) : start.end;
  return { start: start.start, end: last };
}

/** Spells of an edge as day ranges (an open end runs forever); empty when the edge has none. */
export function edgeSpells(attrs: Partial<ViewerEdge>): DayRange[] {
  const spells = Array.isArray(attrs.spells) ? attrs.spells : [];
  const out: DayRange[] = [];
  for (const spell of spells) {
    const start = isoPeriod(spell?.start);
    if (!start) continue;
    const end = spell.end ? isoPeriod(spell.end) : null;
    out.push({ start: start.start, end: end ? end.end : Number.POSITIVE_INFINITY });
  }
  return out;
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

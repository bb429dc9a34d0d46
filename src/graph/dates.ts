/** Calendar helpers for the timeline: ISO strings only, UTC, no local-time surprises. */

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days covered by an ISO date at its precision (2016-03 → 2016-03-01..2016-03-31). */
export function intervalOf(date: string, dateEnd?: string): { start: string; end: string } {
  const [y, m] = date.split('-').map(Number) as [number, number | undefined];
  let start: string;
  let end: string;
  if (date.length === 4) {
    start = `${date}-01-01`;
    end = `${date}-12-31`;
  } else if (date.length === 7) {
    start = `${date}-01`;
    end = `${date}-${String(lastDayOfMonth(y, m!)).padStart(2, '0')}`;
  } else {
    start = date;
    end = date;
  }
  if (dateEnd && dateEnd > end) end = dateEnd;
  return { start, end };
}

/** The ISO day before `day`. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

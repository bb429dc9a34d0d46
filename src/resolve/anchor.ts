import type { MergedEvent } from './merge.js';

/**
 * Publication dates for undated articles, from corroboration: when an undated article's own news
 * ("ISIS recaptured Palmyra on Sunday") was merged into an event that dated articles report
 * (2016-12-11), the article was written on or after the last day of that event. That day becomes
 * its reference date, so its other relative dates ("on Saturday", "last night") resolve too.
 * Nothing is guessed: an article none of whose reports matched a dated event stays undated.
 */
export function inferPublicationDates(events: MergedEvent[]): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const e of events) {
    if (e.undatedDocs.size === 0) continue;
    const days = [...e.dateVotes.keys(), ...(e.dateEnd ? [e.dateEnd] : [])].filter((d) => d.length === 10).sort();
    const last = days[days.length - 1];
    if (!last) continue;
    for (const doc of e.undatedDocs) {
      const prev = anchors.get(doc);
      if (!prev || last > prev) anchors.set(doc, last);
    }
  }
  return anchors;
}

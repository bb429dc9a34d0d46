/**
 * Publication dates: parsing metadata values and recognising date lines in page text.
 * Hand-written patterns (not a general date parser) so that only unambiguous calendar dates count.
 */
import type { DatePrecision } from '../types.js';

export interface FoundDate {
  iso: string;
  precision: DatePrecision;
  /** Offsets of the match in the searched string. */
  index: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?';

const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})${ORD}(?:\\s+of)?[\\s-]+${MONTH},?[\\s-]+(\\d{4})(?!\\d)`, 'gi');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})(?!\\d)`, 'gi');
const YEAR_MONTH_DAY = /\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
const NUMERIC_DAY_FIRST = /\b(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/g;

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function dayIso(year: number, month: number, day: number): string | undefined {
  return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

/** Numeric a/b/yyyy: `dayFirst` decides when both parts could be a month; a part above 12 settles it. */
function numericIso(a: number, b: number, year: number, dayFirst: boolean): string | undefined {
  if (a > 12 && b <= 12) return dayIso(year, b, a);
  if (b > 12 && a <= 12) return dayIso(year, a, b);
  return dayFirst ? dayIso(year, b, a) : dayIso(year, a, b);
}

/** Every full calendar date (day precision) in a string, in order of position. */
export function findDates(text: string, dayFirst = true): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (m: RegExpExecArray, iso: string | undefined) => {
    if (!iso) return;
    const end = m.index + m[0].length;
    if (found.some((f) => m.index < f.end && f.index < end)) return;
    found.push({ iso, precision: 'day', index: m.index, end });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, dayIso(Number(m[3]), monthNumber(m[2]!), Number(m[1])));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, dayIso(Number(m[3]), monthNumber(m[1]!), Number(m[2])));
  for (const m of text.matchAll(YEAR_MONTH_DAY)) add(m, dayIso(Number(m[1]), Number(m[3]), Number(m[4])));
  for (const m of text.matchAll(NUMERIC_DAY_FIRST)) add(m, numericIso(Number(m[1]), Number(m[3]), Number(m[4]), dayFirst));
  return found.sort((x, y) => x.index - y.index);
}

const LABEL = '(?:(?:date(?:\\s+of\\s+publication)?|publication\\s+date|published(?:\\s+on)?|posted(?:\\s+on)?|updated(?:\\s+on)?|last\\s+updated|first\\s+published|created|released?)\\s*:?\\s*)';
const TIME = '(?:(?:at\\s+)?\\d{1,2}[:.h]\\d{2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s*\\(?(?:gmt|utc|[a-z]{2,4}t|[+-]\\d{1,2}(?::?\\d{2})?)\\)?)?)';
const LEFTOVER_IN_DATE_LINE = new RegExp(`^(?:[\\s,|/•·*()\\-–—:]|${WEEKDAY}|${TIME}|${LABEL}|at\\b|on\\b|gmt\\b|utc\\b|[+-]\\d{2}:?\\d{2})*$`, 'i');

/**
 * The date of a line that holds nothing but a date (with optional label, weekday and time),
 * such as "11 December 2016 - 15:39", "• Date: 2017/03/02" or "Published: March 26, 2016".
 */
export function dateOnlyLine(line: string): FoundDate | undefined {
  if (line.length > 80) return undefined;
  const dates = findDates(line);
  if (dates.length !== 1) return undefined;
  const d = dates[0]!;
  const rest = line.slice(0, d.index) + ' ' + line.slice(d.end);
  return LEFTOVER_IN_DATE_LINE.test(rest) ? d : undefined;
}

/** The place words of a dateline: an upper-case place ("LONDON", "NEW YORK", "SANA'A"), an optional region or country after a comma. */
const STAMP_PLACE = String.raw`\p{Lu}[\p{Lu}'./-]+(?:\s+\p{Lu}[\p{Lu}'./-]*){0,3}`;
const DATELINE_PLACE = new RegExp(String.raw`^(${STAMP_PLACE})(?:,\s*\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2})?(?:\s*\([^()]{2,30}\))?[\s,:\-–—]*$`, 'u');
const AFTER_DATELINE_DATE = /^(?:\s*\([^()]{2,30}\))?[\s,:\-–—]*$/u;

/**
 * A dateline standing on its own line ("LONDON 1996-08-30", "BEIRUT, Lebanon, March 3, 2016 (AFP) -"):
 * the place the story was filed from, then its date. Returns the place and the date.
 */
export function datelineOnly(line: string): { place: string; date: FoundDate } | undefined {
  if (line.length > 80) return undefined;
  const dates = findDates(line);
  if (dates.length !== 1) return undefined;
  const d = dates[0]!;
  const place = DATELINE_PLACE.exec(line.slice(0, d.index));
  if (!place || !AFTER_DATELINE_DATE.test(line.slice(d.end))) return undefined;
  return { place: place[1]!, date: d };
}

// A dateline opening the lead paragraph: up to the dash before the story's first word.
const INLINE_DATELINE = /^(.{4,90}?)\s[-–—]{1,2}\s+(?=[\p{Lu}\p{N}"“'‘])/u;

// A wire's dateline with no year, which dates nothing but names where the story was filed:
// "BAKU/YEREVAN, Nov 8 (Reuters) - ", "KABUL (AP) - ", "NEW YORK, March 3 - ".
const YEARLESS_DATELINE = new RegExp(`^(${STAMP_PLACE})(?:,\\s*${MONTH}\\s+\\d{1,2}(?:\\s*\\([^()]{2,30}\\))?|\\s*\\([^()]{2,30}\\))\\s*[-–—]{1,2}\\s+`, 'iu');

/** The place of a wire's dateline that has no year ("KABUL (AP) - "), with the stamp's length. */
export function yearlessDateline(paragraph: string): { place: string; length: number } | undefined {
  const m = YEARLESS_DATELINE.exec(paragraph);
  // The place is written in capitals: the flag "i" is there for the month only.
  return m && !/\p{Ll}/u.test(m[1]!) ? { place: m[1]!, length: m[0].length } : undefined;
}

/**
 * The dateline that opens a lead paragraph ("KYIV, March 3, 2023 (Reuters) - Russian forces ..."),
 * or the paragraph that is nothing but a dateline ("LONDON 1996-08-30"): its place, its date and
 * its length, the part of the text that is the page's stamp rather than the story.
 */
export function openingDateline(paragraph: string): { place: string; date: FoundDate; length: number } | undefined {
  const whole = datelineOnly(paragraph);
  if (whole) return { ...whole, length: paragraph.length };
  const m = INLINE_DATELINE.exec(paragraph);
  const inline = m ? datelineOnly(m[0].trimEnd()) : undefined;
  return inline ? { ...inline, length: m![0].length } : undefined;
}

const LOOSE_DATE_TIME_LINE = /^(?:[\d]{1,4}[-/.][\d]{1,2}[-/.][\d]{1,4}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4})[\s,\-–—|]*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/iu;

/** A date-and-time stamp of any calendar ("1395/12/13 4:19"), as heads a reader comment. */
export function isDateTimeStamp(line: string): boolean {
  return line.length <= 40 && LOOSE_DATE_TIME_LINE.test(line);
}

const GLUED_DAY_YEAR = new RegExp(`^${MONTH}\\.?\\s+\\d{1,2}(?=(?:19|20)\\d{2}(?!\\d))`, 'i');
const LEADING_DATE = new RegExp(`^(${LABEL})?(?:${WEEKDAY},?\\s+)?`, 'i');
const AFTER_LEADING_DATE = new RegExp(`^(?:,?\\s*${TIME}|\\s+at\\s+\\d{3,4}(?!\\d))?(?:\\s*[|\\-–—:,]\\s*)?\\s*`, 'i');

/** A date that opens a paragraph ("Wed 05 Apr 2017 Syria attack..."), with the length of the prefix to strip. */
export function leadingDate(paragraph: string): (FoundDate & { prefixEnd: number; labelled: boolean }) | undefined {
  let head = paragraph.slice(0, 120);
  const lead = LEADING_DATE.exec(head);
  let start = lead ? lead[0].length : 0;
  // a labelled stamp flattened by a scraper: "Last updated at Aug 142016" is 14 Aug 2016
  let glued = -1;
  if (lead?.[1]) {
    start += /^at\s+/i.exec(head.slice(start))?.[0].length ?? 0;
    const g = GLUED_DAY_YEAR.exec(head.slice(start));
    if (g) {
      glued = start + g[0].length;
      head = `${head.slice(0, glued)} ${head.slice(glued)}`;
    }
  }
  const dates = findDates(head.slice(start));
  const d = dates[0];
  if (!d || d.index !== 0) return undefined;
  const afterDate = start + d.end - (glued >= 0 && start + d.end > glued ? 1 : 0);
  if (glued >= 0) head = paragraph.slice(0, 120);
  const tail = AFTER_LEADING_DATE.exec(head.slice(afterDate));
  const prefixEnd = afterDate + (tail ? tail[0].length : 0);
  return { ...d, index: start, end: afterDate, prefixEnd, labelled: !!lead?.[1] };
}

const ISO_LIKE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s]\d{1,2}:\d{2}.*)?$/;
const MONTH_YEAR = new RegExp(`^${MONTH},?\\s+(\\d{4})$`, 'i');

/**
 * Parses a metadata date value (front matter, HTML meta, a record field, --date).
 * ISO forms keep their precision; numeric a/b/yyyy is month-first unless a part above 12 says otherwise
 * (the US convention of spreadsheet exports such as FA-KES), and text dates are parsed as in pages.
 */
export function parseDateValue(value: unknown): { iso: string; precision: DatePrecision } | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString().slice(0, 10);
    return { iso, precision: 'day' };
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) {
    return { iso: String(value), precision: 'year' };
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s) return undefined;
  const iso = ISO_LIKE.exec(s);
  if (iso) {
    const year = Number(iso[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
    if (iso[3] !== undefined) {
      const day = dayIso(year, Number(iso[2]), Number(iso[3]));
      return day ? { iso: day, precision: 'day' } : undefined;
    }
    if (iso[2] !== undefined) {
      const month = Number(iso[2]);
      return month >= 1 && month <= 12 ? { iso: `${year}-${pad(month)}`, precision: 'month' } : undefined;
    }
    return { iso: String(year), precision: 'year' };
  }
  const numeric = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T\s].*)?$/.exec(s);
  if (numeric) {
    const day = numericIso(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]), false);
    return day ? { iso: day, precision: 'day' } : undefined;
  }
  const dates = findDates(s);
  if (dates[0]) return { iso: dates[0].iso, precision: 'day' };
  const monthYear = MONTH_YEAR.exec(s);
  if (monthYear) {
    const year = Number(monthYear[2]);
    if (year >= MIN_YEAR && year <= MAX_YEAR) return { iso: `${year}-${pad(monthNumber(monthYear[1]!))}`, precision: 'month' };
  }
  return undefined;
}

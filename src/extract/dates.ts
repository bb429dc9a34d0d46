/**
 * Date mentions in news sentences, resolved against the document's publication date.
 *
 * chrono-node finds the absolute expressions ("26 March 2016", "in May 2015", "December 8",
 * "2017/03/02", "March 20 to March 23"); the relative ones ("on Thursday", "last night",
 * "yesterday", "3 days ago") and bare years ("since 2011") are matched here, because news needs
 * different resolution rules than chrono's defaults: a weekday or a bare month means the latest
 * past one, and an undated article leaves them unresolved instead of guessing.
 *
 * All arithmetic is on UTC calendar days (Date.UTC), so the machine's TZ never shifts a date.
 */
// The English locale alone: the package's main entry also loads its 14 other locales (about
// 0.15 s of every thread's start); chrono.casual is this locale's casual parser.
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import type { DatePrecision } from '../types.js';

export interface DateMention {
  /** Character offsets into the sentence (end exclusive). */
  start: number;
  end: number;
  text: string;
  /** ISO date at its precision (YYYY-MM-DD, YYYY-MM, YYYY); undefined when it cannot be resolved. */
  date?: string;
  precision?: DatePrecision;
  /** Last day of a range, ISO YYYY-MM-DD (or at the precision of `date`). */
  endDate?: string;
  /** True when the year was not written in the mention (weekday, "yesterday", bare "in March"). */
  relative: boolean;
}

export interface DateContext {
  /** Publication date of the document, ISO (YYYY-MM-DD or YYYY-MM); undefined = undated. */
  reference?: string;
  /** Year (and month) of the last date read in the text, carried forward to bare months and days. */
  carryYear?: number;
  carryMonth?: number;
  /** Day of the last date read, when it named one: "two days later" counts from it. */
  carryDay?: number;
  /** Sentences read since the carried year was set: 0 in its own sentence, 1 in the next. */
  carryAge?: number;
  /** Dates read so far within a year before the publication date (the text speaks of its present)... */
  recentDates?: number;
  /** ...and further back (a narrative of the past, as an encyclopaedia tells it). */
  olderDates?: number;
}

// ───────────────────────────── calendar helpers (UTC only) ─────────────────────────────

interface Ymd {
  y: number;
  m?: number;
  d?: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function iso(v: Ymd): string {
  if (v.m === undefined) return String(v.y).padStart(4, '0');
  if (v.d === undefined) return `${String(v.y).padStart(4, '0')}-${pad2(v.m)}`;
  return `${String(v.y).padStart(4, '0')}-${pad2(v.m)}-${pad2(v.d)}`;
}

function precisionOf(v: Ymd): DatePrecision {
  return v.d !== undefined ? 'day' : v.m !== undefined ? 'month' : 'year';
}

function parseIso(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (mo !== undefined && (mo < 1 || mo > 12)) return undefined;
  return { y, m: mo, d };
}

/** Adds days to a full date, in UTC. */
function addDays(v: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(v.y, (v.m ?? 1) - 1, v.d ?? 1) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function weekdayOf(v: Ymd): number {
  return new Date(Date.UTC(v.y, (v.m ?? 1) - 1, v.d ?? 1)).getUTCDay();
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(v: Ymd): boolean {
  if (v.m === undefined) return true;
  if (v.m < 1 || v.m > 12) return false;
  return v.d === undefined || (v.d >= 1 && v.d <= daysInMonth(v.y, v.m));
}

/** Compares two dates on the fields both have (a month is "equal" to each of its days). */
function compare(a: Ymd, b: Ymd): number {
  if (a.y !== b.y) return a.y - b.y;
  if (a.m === undefined || b.m === undefined) return 0;
  if (a.m !== b.m) return a.m - b.m;
  if (a.d === undefined || b.d === undefined) return 0;
  return a.d - b.d;
}

// ───────────────────────────── vocabulary ─────────────────────────────

const MONTH_NAMES = [
  'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30,
  few: 3, several: 3, 'couple of': 2,
};

/** Month names as written in news: capitalised, optionally abbreviated ("Sept.", "Dec"). */
const MONTH_SRC =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const MONTH_RE = new RegExp(`\\b${MONTH_SRC}(?![a-z])`);
const NUMERIC_DATE_RE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;

/**
 * Cheap prefilter: a sentence without any of these tokens has no date, and chrono is not called.
 * Month and weekday names must be capitalised ("may" the verb does not count).
 */
const PREFILTER_RE = new RegExp(
  `${MONTH_RE.source}|\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b|\\b\\d{1,4}[/.-]\\d{1,2}\\b|\\b(?:1[89]|20)\\d\\d\\b|` +
    '\\b(?:today|tonight|overnight|yesterday|tomorrow|night|ago|later|next day|following day|weeks?|weekend|months?|years?|hours|days)\\b',
  'i',
);

/** Words that announce a bare year: "since 2011", "in 2015", "mid-2014", "by the end of 2016". */
const YEAR_CUE_RE =
  /(?:\b(?:in|since|by|until|till|from|during|early|late|mid|of|before|after|through|throughout|between|and|to|summer|winter|spring|autumn|fall|year)\s*-?\s*|\bmid-|\(|,\s*)$/i;
/**
 * A year heading a list item or paragraph ("* 2011: - In June..."), as timelines and factboxes
 * write them: a bullet (or nothing but dashes) before it, a colon after it.
 */
const YEAR_HEADING_BEFORE_RE = /(?:^|\s)[*•·]\s*$|^[\s–—-]*$/;
const YEAR_HEADING_AFTER_RE = /^:/;
/** A number followed by these is a count, not a year ("in 2000 fighters"). */
const COUNT_AFTER_RE =
  /^\s*-?\s*(?:km|kilomet|metre|meter|miles?|people|persons?|fighters|troops|soldiers|civilians|militants|men|women|children|families|refugees|tons?|tonnes?|dollars|barrels|units|vehicles|shares|[a-z]+(?:ers|ians|ants|ists|ees)\b)/i;

// ───────────────────────────── resolution rules ─────────────────────────────

function referenceOf(ctx: DateContext): Ymd | undefined {
  return parseIso(ctx.reference);
}

/** Day-level reference, needed by weekday and "yesterday" style expressions. */
function dayReference(ctx: DateContext): Ymd | undefined {
  const ref = referenceOf(ctx);
  return ref && ref.d !== undefined ? ref : undefined;
}

/** Latest month/day on or before the reference (a bare "in March" in a December article). */
function latestPast(m: number, d: number | undefined, ref: Ymd): Ymd {
  const sameYear: Ymd = { y: ref.y, m, d };
  return compare(sameYear, ref) <= 0 ? sameYear : { y: ref.y - 1, m, d };
}

/**
 * A month (and day) without a year. The narrative's carried year wins while the text moves
 * forward ("On 13 May 2015 ... On 14 May"); a month earlier than the carried one wraps to the
 * next year; anything that would land after the publication date falls back to the latest past.
 */
function resolveYearless(m: number, d: number | undefined, ctx: DateContext): Ymd | undefined {
  const ref = referenceOf(ctx);
  if (ctx.carryYear !== undefined) {
    const y = m >= (ctx.carryMonth ?? 1) ? ctx.carryYear : ctx.carryYear + 1;
    const cand: Ymd = { y, m, d };
    if (!ref) return cand;
    if (compare(cand, ref) <= 0 && (cand.y === latestPast(m, d, ref).y || chronologyCarries(ctx))) return cand;
  }
  return ref ? latestPast(m, d, ref) : undefined;
}

/**
 * Whether the year of an earlier date carries to a yearless "On February 27" that the
 * publication date would place in another year. The text's own chronology decides: it does
 * right after that date ("On 13 May 2015 ... The next day ... On 20 May"), and all through a
 * narrative of the past that never comes near its publication (an encyclopaedia's history). In
 * news that speaks of its present, a year read sentences ago ("the uprising began in March
 * 2011") is background: the day is the nearest one on or before the publication date.
 */
function chronologyCarries(ctx: DateContext): boolean {
  if ((ctx.carryAge ?? 0) <= 1) return true;
  return (ctx.recentDates ?? 0) === 0 && (ctx.olderDates ?? 0) >= 2;
}

function carry(ctx: DateContext, v: Ymd | undefined): void {
  if (!v) return;
  ctx.carryYear = v.y;
  ctx.carryMonth = v.m;
  ctx.carryDay = v.d;
  ctx.carryAge = 0;
}

const YEAR_MS = 365 * 86_400_000;

/** Counts a date read as of the text's present or of its past, against the publication date. */
function noteChronology(ctx: DateContext, date: string): void {
  const ref = referenceOf(ctx);
  const v = parseIso(date);
  if (!ref || !v) return;
  const end = Date.UTC(v.y, (v.m ?? 12) - 1, v.d ?? (v.m === undefined ? 31 : daysInMonth(v.y, v.m)));
  const now = Date.UTC(ref.y, (ref.m ?? 12) - 1, ref.d ?? 28);
  if (now - end <= YEAR_MS) ctx.recentDates = (ctx.recentDates ?? 0) + 1;
  else ctx.olderDates = (ctx.olderDates ?? 0) + 1;
}

// ───────────────────────────── matchers ─────────────────────────────

interface Candidate {
  start: number;
  end: number;
  /** Computes the mention (and updates the context) in text order. */
  resolve: (ctx: DateContext) => Omit<DateMention, 'start' | 'end' | 'text'> | undefined;
}

function numberWord(s: string): number | undefined {
  const t = s.toLowerCase().trim();
  if (/^\d+$/.test(t)) return Number(t);
  return NUMBER_WORDS[t];
}

const RELATIVE_RULES: Array<{ re: RegExp; resolve: (m: RegExpExecArray, ctx: DateContext) => Omit<DateMention, 'start' | 'end' | 'text'> }> = [
  {
    re: /\bthe day before yesterday\b/gi,
    resolve: (_m, ctx) => dayOffset(ctx, -2),
  },
  {
    // "last night", "over the past night": the evening before publication
    re: /\byesterday\b|\blast night\b|\b(?:the )?(?:past|previous) night\b/gi,
    resolve: (_m, ctx) => dayOffset(ctx, -1),
  },
  {
    // "Two days later", "the next day", "a week later": counted from the day the text read last,
    // in this sentence or the two before (a narrative's chronology, not the publication date)
    re: /\b(?:the\s+(?:next|following)\s+(day|week)|(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of)\s+(days?|weeks?)\s+later)\b/gi,
    resolve: (m, ctx) => {
      if (ctx.carryYear === undefined || ctx.carryMonth === undefined || ctx.carryDay === undefined || (ctx.carryAge ?? 0) > 2) return { relative: true };
      const week = /^week/i.test(m[1] ?? m[3] ?? '');
      const n = m[1] ? 1 : (numberWord(m[2] ?? '') ?? 1);
      const v = addDays({ y: ctx.carryYear, m: ctx.carryMonth, d: ctx.carryDay }, n * (week ? 7 : 1));
      carry(ctx, v);
      return { date: iso(v), precision: 'day', relative: true };
    },
  },
  {
    // "tanks advanced overnight", "overnight strikes": the night that ends on the publication day
    re: /\bovernight\b/gi,
    resolve: (_m, ctx) => span(ctx, 1),
  },
  {
    re: /\b(?:earlier |later )?today\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b/gi,
    resolve: (_m, ctx) => dayOffset(ctx, 0),
  },
  {
    re: /\btomorrow\b/gi,
    resolve: (_m, ctx) => dayOffset(ctx, 1),
  },
  {
    re: /\b(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|few|several|couple of) (days?|weeks?) ago\b/gi,
    resolve: (m, ctx) => {
      const n = numberWord(m[1] ?? '') ?? 1;
      return dayOffset(ctx, -n * (/^week/i.test(m[2] ?? '') ? 7 : 1));
    },
  },
  {
    // "over the past 24 hours", "in the last two days", "the past week": a span ending at publication
    re: /\b(?:the )?(?:past|last|previous) (?:(\d{1,2}|two|three|four|five|six|seven|ten|few|several|couple of) )?(hours|days?|weeks?)\b/gi,
    resolve: (m, ctx) => {
      const unit = (m[2] ?? '').toLowerCase();
      const n = m[1] ? (numberWord(m[1]) ?? 1) : 1;
      const days = unit === 'hours' ? Math.max(1, Math.ceil(n / 24)) : unit.startsWith('week') ? n * 7 : n;
      return span(ctx, days);
    },
  },
  {
    re: /\blast (month|year)\b/gi,
    resolve: (m, ctx) => {
      const ref = referenceOf(ctx);
      if (!ref) return { relative: true };
      if ((m[1] ?? '').toLowerCase() === 'year') return { date: iso({ y: ref.y - 1 }), precision: 'year', relative: true };
      if (ref.m === undefined) return { relative: true };
      const v: Ymd = ref.m === 1 ? { y: ref.y - 1, m: 12 } : { y: ref.y, m: ref.m - 1 };
      return { date: iso(v), precision: 'month', relative: true };
    },
  },
  {
    re: /\b(?:earlier |later )?this (month|year)\b/gi,
    resolve: (m, ctx) => {
      const ref = referenceOf(ctx);
      if (!ref) return { relative: true };
      if ((m[1] ?? '').toLowerCase() === 'year') return { date: iso({ y: ref.y }), precision: 'year', relative: true };
      if (ref.m === undefined) return { relative: true };
      return { date: iso({ y: ref.y, m: ref.m }), precision: 'month', relative: true };
    },
  },
  {
    // "an offensive which began last weekend": the Saturday and Sunday of the week before
    re: /\b(?:last|past|over the) weekend\b/gi,
    resolve: (_m, ctx) => {
      const ref = dayReference(ctx);
      if (!ref) return { relative: true };
      let offset = -((weekdayOf(ref) - 6 + 7) % 7);
      if (offset > -2) offset -= 7;
      const saturday = addDays(ref, offset);
      return { date: iso(saturday), precision: 'day', endDate: iso(addDays(saturday, 1)), relative: true };
    },
  },
  {
    // weekdays, optionally "last"/"next"/"this"; "Wednesday night" is still Wednesday
    re: /\b(?:(last|next|this|past|coming) )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    resolve: (m, ctx) => {
      const ref = dayReference(ctx);
      if (!ref) return { relative: true };
      const wanted = WEEKDAYS.indexOf((m[2] ?? '').toLowerCase());
      const today = weekdayOf(ref);
      const mod = (m[1] ?? '').toLowerCase();
      let offset: number;
      if (mod === 'next' || mod === 'coming') offset = (wanted - today + 7) % 7 || 7;
      else {
        offset = -((today - wanted + 7) % 7);
        if (offset === 0 && (mod === 'last' || mod === 'past')) offset = -7;
      }
      const v = addDays(ref, offset);
      carry(ctx, v);
      return { date: iso(v), precision: 'day', relative: true };
    },
  },
];

function dayOffset(ctx: DateContext, offset: number): Omit<DateMention, 'start' | 'end' | 'text'> {
  const ref = dayReference(ctx);
  if (!ref) return { relative: true };
  const v = addDays(ref, offset);
  carry(ctx, v);
  return { date: iso(v), precision: 'day', relative: true };
}

function span(ctx: DateContext, days: number): Omit<DateMention, 'start' | 'end' | 'text'> {
  const ref = dayReference(ctx);
  if (!ref) return { relative: true };
  return { date: iso(addDays(ref, -days)), precision: 'day', endDate: iso(ref), relative: true };
}

function relativeCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RELATIVE_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const found = m;
      out.push({ start: found.index, end: found.index + found[0].length, resolve: (ctx) => rule.resolve(found, ctx) });
    }
  }
  return out;
}

// Built once: a regular expression in a function is a new object (and for new RegExp, a new
// source string and a cache look-up) at each call, and these run for most sentences.
const BARE_YEAR_RE = /(?<![\d,.$£€/:-])\b(1[89]\d\d|20\d\d)\b(?![,.:/]?\d)/g;
const DAY_RANGE_RE = new RegExp(
  `\\b(?:between|from) (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|until|till) (\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTH_SRC})(?:,? (\\d{4}))?`,
  'g',
);

function bareYearCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const re = BARE_YEAR_RE;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 30), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const heading = YEAR_HEADING_BEFORE_RE.test(before) && YEAR_HEADING_AFTER_RE.test(after);
    if ((!heading && !YEAR_CUE_RE.test(before)) || COUNT_AFTER_RE.test(after)) continue;
    const y = Number(m[1]);
    // "since 2013" dates the start of a state, background: the narrative's year stays
    const background = /\b(?:since|until|till)\s+$/i.test(before);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      resolve: (ctx) => {
        if (!background) {
          ctx.carryYear = y;
          ctx.carryMonth = undefined;
          ctx.carryAge = 0;
        }
        return { date: iso({ y }), precision: 'year', relative: false };
      },
    });
  }
  return out;
}

/** Day ranges chrono misses: "between 1 and 3 May", "from 20 to 23 March 2016". */
function dayRangeCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  const re = DAY_RANGE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    const mo = monthNumber(m[3] ?? '');
    const y = m[4] ? Number(m[4]) : undefined;
    if (!mo || d1 > d2) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      resolve: (ctx) => resolveParts({ year: y, month: mo, day: d1 }, { year: y, month: mo, day: d2 }, ctx),
    });
  }
  return out;
}

function monthNumber(name: string): number | undefined {
  const i = MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

interface Parts {
  year?: number;
  month?: number;
  day?: number;
}

/** Resolves explicit parts (a year written or not) and their optional range end. */
function resolveParts(start: Parts, end: Parts | undefined, ctx: DateContext): Omit<DateMention, 'start' | 'end' | 'text'> | undefined {
  if (start.month === undefined) {
    if (start.year === undefined) return undefined;
    carry(ctx, { y: start.year });
    return { date: iso({ y: start.year }), precision: 'year', relative: false };
  }
  let v: Ymd | undefined;
  const relative = start.year === undefined;
  if (start.year !== undefined) v = { y: start.year, m: start.month, d: start.day };
  else v = resolveYearless(start.month, start.day, ctx);
  if (!v) return { relative: true };
  if (!validDay(v)) return undefined;
  carry(ctx, v);
  const mention: Omit<DateMention, 'start' | 'end' | 'text'> = { date: iso(v), precision: precisionOf(v), relative };
  if (end && end.month !== undefined) {
    let e: Ymd = { y: end.year ?? v.y, m: end.month, d: end.day };
    if (end.year === undefined && compare(e, v) < 0) e = { ...e, y: v.y + 1 };
    if (validDay(e) && compare(e, v) > 0) {
      mention.endDate = iso(e);
      carry(ctx, e);
    }
  }
  return mention;
}

function partsOf(c: ParsedComponents): Parts {
  return {
    year: c.isCertain('year') ? c.get('year') ?? undefined : undefined,
    month: c.isCertain('month') ? c.get('month') ?? undefined : undefined,
    day: c.isCertain('day') ? c.get('day') ?? undefined : undefined,
  };
}

/**
 * chronoCandidates keeps only results that name a month (MONTH_RE) or are numeric dates
 * (NUMERIC_DATE_RE), and a result's text is part of the sentence: a sentence without a month's
 * first three letters, capitalised, or two separators between digits ("3/12/2016") cannot give
 * one, and chrono (the costliest step of date finding) is not called for it. Two in three of the
 * sentences the prefilter lets through in Reuters are of that kind ("last year", "on Monday",
 * "in 1987", "4.5 pct").
 */
const CHRONO_GATE_RE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d[/.-]\d\d?[/.-]\d/;

/** A date's text ending in a day (or month) and then a bare two-digit number: "October 13th 30", "13 October 30". */
const TWO_DIGITS_AFTER_DAY_RE = /(?<=[a-z\d.])\s+\d{2}$/i;

/** A fixed reference for chrono: its own resolution of yearless dates is not used. */
const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

function chronoCandidates(sentence: string): Candidate[] {
  const out: Candidate[] = [];
  if (!CHRONO_GATE_RE.test(sentence)) return out;
  for (const r of chrono.casual.parse(sentence, CHRONO_REFERENCE)) {
    // Only absolute expressions: a month name or a full numeric date. Weekdays, "today",
    // "3 days ago", times alone ("9:51") and "now" are left to the rules above or dropped.
    const text = r.text;
    const numeric = NUMERIC_DATE_RE.test(text);
    if (!MONTH_RE.test(text) && !numeric) continue;
    const start = partsOf(r.start);
    if (start.month === undefined) continue;
    // "On October 13th 30 people were killed": chrono takes a bare two-digit number after the day
    // for the year (2030). News writes years in full or as '16: the number is the sentence's own.
    const countAfter = numeric || start.year === undefined || start.day === undefined ? null : TWO_DIGITS_AFTER_DAY_RE.exec(text);
    if (countAfter) start.year = undefined;
    // all-numeric dates in other calendars (Persian "1395/12/13") and impossible years
    if (start.year !== undefined && (start.year > 2100 || (numeric && !MONTH_RE.test(text) && start.year < 1900))) continue;
    const end = r.end ? partsOf(r.end) : undefined;
    if (end && end.month === undefined) end.month = start.month;
    // chrono keeps a leading "on"/"in"; trim to the date itself
    const lead = /^(?:on|in|at|since|by|from|during|until)\s+/i.exec(text)?.[0].length ?? 0;
    // a trailing clock time is not part of a calendar date
    const clock = /\s+(?:-\s*)?(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$/i.exec(text);
    let stop = countAfter ? countAfter.index : clock ? text.length - clock[0].length : text.length;
    // trailing punctuation ("In March, ..."), keeping the dot of an abbreviation ("Dec.")
    while (stop > lead && (/[\s,;:-]/.test(text[stop - 1] ?? '') || (text[stop - 1] === '.' && /\d/.test(text[stop - 2] ?? '')))) stop--;
    out.push({
      start: r.index + lead,
      end: r.index + stop,
      resolve: (ctx) => resolveParts(start, end, ctx),
    });
  }
  return out;
}

/** Keeps the longest of overlapping candidates, in text order. */
function dropOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Candidate[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

// A relative clause in the past: "which"/"who"/"that" after a noun, then a past verb ("the
// conflict that began in March 2011", "ISIL, which had seized the city in May 2015"), to the next
// comma or the sentence's end. ("said that" is no relative clause: checked below.)
const PAST_RELATIVE = /(?<=[\p{L}\p{N})](?:\s*,)?\s)(?:which|who|that)\s+(?:(?:had|has|have|was|were|first|also|then)\s+)*(?:\p{Ll}+ed|began|begun|broke|took|taken|fell|fallen|won|lost|saw|came|grew|rose|swept|overran|drove|struck)\b[^,;:()—–]*/gu;
const SAYING_BEFORE = /\b(?:said|says|say|announced|reported|claimed|stated|warned|added|believed|believe|thought|noted|confirmed|denied|showed|shows|so|such|now)\s*$/i;

function backgroundClauses(sentence: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  PAST_RELATIVE.lastIndex = 0;
  for (let m = PAST_RELATIVE.exec(sentence); m; m = PAST_RELATIVE.exec(sentence)) {
    if (/^that/i.test(m[0]) && SAYING_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index))) continue;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

// ───────────────────────────── public API ─────────────────────────────

/**
 * Every date mention in a sentence, in text order, resolved against ctx.reference and the
 * carried year; ctx.carryYear/carryMonth are updated as dates are read (pass the same ctx for
 * the sentences of one document, in order).
 */
export function findDates(sentence: string, ctx: DateContext): DateMention[] {
  if (ctx.carryAge !== undefined) ctx.carryAge++;
  if (!PREFILTER_RE.test(sentence)) return [];
  const cands = dropOverlaps([
    ...dayRangeCandidates(sentence),
    ...chronoCandidates(sentence),
    ...relativeCandidates(sentence),
    ...bareYearCandidates(sentence),
  ]);
  const out: DateMention[] = [];
  const asides = backgroundClauses(sentence);
  for (const c of cands) {
    // a date in a relative clause recalls ("the conflict that began in March 2011"): the
    // narrative's year does not move to it
    const aside = asides.some(([a, b]) => c.start >= a && c.end <= b);
    const kept = aside ? { carryYear: ctx.carryYear, carryMonth: ctx.carryMonth, carryDay: ctx.carryDay, carryAge: ctx.carryAge } : undefined;
    const resolved = c.resolve(ctx);
    if (kept) Object.assign(ctx, kept);
    if (!resolved) continue;
    if (resolved.date) noteChronology(ctx, resolved.date);
    // Every mention with all its fields, so the code reading them sees one shape.
    out.push({
      start: c.start,
      end: c.end,
      text: sentence.slice(c.start, c.end),
      date: resolved.date,
      precision: resolved.precision,
      endDate: resolved.endDate,
      relative: resolved.relative,
    });
  }
  return out;
}

/**
 * The first date in a short phrase ("on December 11", "last night"); ctx is read, not modified.
 */
export function dateOfPhrase(text: string, ctx: DateContext): DateMention | undefined {
  return findDates(text, { ...ctx })[0];
}

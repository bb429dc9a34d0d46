/**
 * The cleaning core: raw article text → a Doc with its title, publication date and body,
 * page furniture removed. Works line by line; every line is a paragraph of the result.
 */
import type { DatePrecision, Diagnostic, Doc, Report, SourceRef } from '../types.js';
import { datelineOnly, dateOnlyLine, openingDateline, yearlessDateline, findDates, isDateTimeStamp, leadingDate, parseDateValue, type FoundDate } from './dates.js';
import { cutsSection, defaultFurnitureRules, isFurnitureLine, ruleView, stripInline, stripTrailing } from './furniture.js';
import { decodeBasicEntities, normalizeText } from './normalize.js';
import type { IngestOptions } from './options.js';

export const DEFAULT_MAX_CHARS = 2_000_000;

export interface TextMeta {
  id: string;
  file: string;
  title?: string;
  date?: string;
  url?: string;
  format: 'txt' | 'md' | 'html';
  /** Where the text came from when it is not the whole file (a record, a line); defaults to { file }. */
  source?: SourceRef;
}

interface Line {
  text: string;
  words: number;
  body: boolean;
  /** Before the first body paragraph: the page header, where titles, datelines and site names live. */
  header: boolean;
  /** Number of body paragraphs seen before this line. */
  bodyBefore: number;
}

const TERMINAL = /[.!?]["”’')\]]*$/;
const HAS_YEAR = /\d{4}/;

function wordCount(line: string): number {
  if (line.length > 400) return 100;
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** "Home News Syria Iraq Lebanon Opinion Sport": five or more capitalised words, no lower-case word, no punctuation. */
function looksLikeMenu(line: string, words: number): boolean {
  return words >= 5 && !/[,.:;!?'"“”‘’()]/.test(line) && line.split(' ').every((w) => /^[\p{Lu}\p{N}&|/»›-]/u.test(w));
}

/** A paragraph of running prose, as opposed to a heading, label or link. */
function isBodyLike(line: string, words: number): boolean {
  if (line.length > 300) return true;
  return (words >= 12 && TERMINAL.test(line)) || words >= 25;
}

/** Comparison key for titles: case, punctuation and spacing do not matter. */
function titleKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function firstSentence(paragraph: string): string {
  const head = paragraph.slice(0, 400);
  const m = /^(.{15,200}?[.!?])["”’]?(?=\s|$)/su.exec(head);
  if (m) return m[1]!;
  if (head.length <= 150) return head;
  const cut = head.lastIndexOf(' ', 150);
  return `${head.slice(0, cut > 40 ? cut : 150)}…`;
}

/** A sentence shaped as a headline: no final full stop, at most about 140 characters (cut at a word). */
function headlineFrom(sentence: string): string {
  const bare = sentence.replace(/\.$/, '');
  if (bare.length <= 140) return bare;
  const cut = bare.lastIndexOf(' ', 140);
  return `${bare.slice(0, cut > 60 ? cut : 140)}…`;
}

/** Plain text wrapped at a fixed width (e.g. newswire copy): lines of 40-90 characters, none much longer. */
export function looksHardWrapped(text: string): boolean {
  let nonEmpty = 0;
  let typical = 0;
  let start = 0;
  for (let n = 0; n < 300 && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const len = end - start;
    if (len > 100) return false;
    if (text.slice(start, end).trim()) {
      nonEmpty++;
      if (len >= 40) typical++;
    }
    start = end + 1;
  }
  return nonEmpty >= 4 && typical / nonEmpty >= 0.5;
}

/** Joins wrapped lines; blank lines and indented lines start new paragraphs. */
export function unwrapLines(text: string): string {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      if (current) out.push(current);
      current = '';
    } else if (/^\s/.test(line) && current) {
      out.push(current);
      current = line.trim();
    } else {
      current = current ? `${current} ${line.trim()}` : line.trim();
    }
  }
  if (current) out.push(current);
  return out.join('\n');
}

function shifted<T extends { prefixEnd: number; index: number; end: number }>(d: T | undefined, by: number): T | undefined {
  return d ? { ...d, index: d.index + by, end: d.end + by, prefixEnd: d.prefixEnd + by } : undefined;
}

/** `text` without a leading `prefix` that ends at a sentence or heading boundary, or undefined. */
function withoutPrefix(text: string, prefix: string): string | undefined {
  if (!prefix || text.length < prefix.length) return undefined;
  if (text.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
  const rest = text.slice(prefix.length);
  if (!rest) return '';
  const boundary = /^(?:\s*[.:!?|\-–—]+\s*|\s+(?=[\p{Lu}\p{N}"“'‘(]))/u.exec(rest);
  return boundary ? rest.slice(boundary[0].length) : undefined;
}

/**
 * Strips the headline from the start of the body. A "Headline - Section - Site" title whose
 * first part opens the body is shortened to that part.
 */
function stripLeadingTitle(text: string, title: string): { text: string; title?: string } {
  const whole = withoutPrefix(text, title);
  if (whole !== undefined) return { text: whole };
  const parts = title.split(/\s+(?:[-–—|]|::)\s+/);
  if (parts.length > 1 && parts[0]!.split(' ').length >= 2) {
    const rest = withoutPrefix(text, parts[0]!);
    if (rest !== undefined) return { text: rest, title: parts[0]! };
  }
  return { text };
}

/** What cleaning a text gives, apart from the id and source it is told: kept by the cleaned-text memo. */
interface Cleaned {
  doc?: Omit<Doc, 'id' | 'source'>;
  /** The warnings the cleaning gave, said again when the result is reused. */
  notes: Array<Pick<Diagnostic, 'level' | 'message'>>;
}

/**
 * A document from a page's or record's text: furniture removed, title and date found. With a
 * memo (options.cleaned), a text cleaned by an earlier build with the same title, date, url and
 * options is not cleaned again: its result and its warnings are reused.
 */
export function docFromText(raw: string, meta: TextMeta, options: IngestOptions, report: Report): Doc | undefined {
  const source: SourceRef = meta.source ?? { file: meta.file };
  const memo = options.cleaned;
  if (!memo) return cleanText(raw, meta, options, source, report);
  const none = '\u0001';
  const key = memo.keyOf([meta.format, meta.title ?? none, meta.date ?? none, meta.url ?? none, String(options.maxChars ?? DEFAULT_MAX_CHARS), options.dateOverride ?? none, raw]);
  const stored = memo.get(key);
  let cleaned: Cleaned | undefined;
  try {
    cleaned = stored === undefined ? undefined : (JSON.parse(stored) as Cleaned);
  } catch {
    // a damaged entry: clean again
  }
  if (!cleaned) {
    const notes: Cleaned['notes'] = [];
    const doc = cleanText(raw, meta, options, source, (d) => {
      notes.push({ level: d.level, message: d.message });
      report(d);
    });
    if (doc) {
      const { id: _id, source: _source, ...rest } = doc;
      cleaned = { doc: rest, notes };
    } else cleaned = { notes };
    memo.set(key, JSON.stringify(cleaned));
    return doc;
  }
  for (const note of cleaned.notes) report({ level: note.level, source, message: note.message });
  return cleaned.doc && withIdentity(cleaned.doc, meta.id, source);
}

/** A remembered cleaning with this build's id and source, its fields in cleanText's order. */
function withIdentity(cleaned: Omit<Doc, 'id' | 'source'>, id: string, source: SourceRef): Doc {
  const doc: Doc = { id, title: cleaned.title, text: cleaned.text, source };
  if (cleaned.datelineLength !== undefined) doc.datelineLength = cleaned.datelineLength;
  if (cleaned.date !== undefined) doc.date = cleaned.date;
  if (cleaned.datePrecision !== undefined) doc.datePrecision = cleaned.datePrecision;
  if (cleaned.dateSource !== undefined) doc.dateSource = cleaned.dateSource;
  if (cleaned.url !== undefined) doc.url = cleaned.url;
  return doc;
}

function cleanText(raw: string, meta: TextMeta, options: IngestOptions, source: SourceRef, report: Report): Doc | undefined {
  const rules = defaultFurnitureRules();
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  let input = raw;
  if (input.length > maxChars) {
    report({ level: 'warning', source, message: `article is ${input.length} characters long; only the first ${maxChars} are used` });
    input = input.slice(0, maxChars);
  }
  input = input.replace(/\r\n?/g, '\n');
  if (meta.format !== 'html') input = decodeBasicEntities(input);
  if (meta.format === 'txt' && looksHardWrapped(input)) input = unwrapLines(input);
  const rawLines = normalizeText(input).split('\n');

  // Pass 1: classify lines, collect date lines, stop at a comments / related-links section.
  const lines: Line[] = [];
  const dateLines: Array<{ date: FoundDate; bodyBefore: number }> = [];
  const total = rawLines.length;
  let bodyCount = 0;
  let datelined = false;
  for (let i = 0; i < total; i++) {
    const text = rawLines[i]!;
    if (!text) continue;
    if (bodyCount > 0) {
      if (cutsSection(text, rules, i >= total / 2)) break;
      // A reader comment: a bare date-and-time stamp ("1395/12/13 4:19") after the article.
      if (isDateTimeStamp(text) && (bodyCount >= 3 || !dateOnlyLine(text))) break;
    }
    const date = text.length <= 80 && HAS_YEAR.test(text) ? dateOnlyLine(ruleView(text)) : undefined;
    if (date) {
      dateLines.push({ date, bodyBefore: bodyCount });
      continue;
    }
    // A dateline under the headline dates the page, names the place the story was filed from (so
    // it stays, as a paragraph of its own) and ends the page header: what follows is the story,
    // even when it is a table of results.
    const dateline = !datelined && bodyCount === 0 && text.length <= 80 && HAS_YEAR.test(text) ? datelineOnly(ruleView(text)) : undefined;
    if (dateline) {
      dateLines.push({ date: dateline.date, bodyBefore: bodyCount });
      datelined = true;
      lines.push({ text, words: wordCount(text), body: false, header: false, bodyBefore: bodyCount });
      continue;
    }
    if (isFurnitureLine(text, rules)) continue;
    const words = wordCount(text);
    const body = isBodyLike(text, words);
    lines.push({ text, words, body, header: bodyCount === 0 && !datelined, bodyBefore: bodyCount });
    if (body) bodyCount++;
  }

  // Title: metadata, else the most title-like header line, else the first sentence of the body.
  let title = meta.title ? normalizeText(decodeBasicEntities(meta.title)).replace(/\n+/g, ' ').trim() : '';
  let titleLine: Line | undefined;
  let derivedTitle = false;
  if (!title) {
    const candidates = lines.filter((l) => l.header && !l.body && l.words >= 2 && l.words <= 40 && !/:$/.test(l.text));
    // The longest header line, but a run of capitalised words with no small word is a menu, not a headline.
    // Without any body paragraph (an article of short paragraphs) every line is "header": take the first.
    const hasBody = lines.some((l) => l.body);
    const score = (l: Line) => (looksLikeMenu(l.text, l.words) ? 0 : 100) + (hasBody ? l.words : 0);
    const best = candidates.reduce<Line | undefined>((a, l) => (!a || score(l) > score(a) ? l : a), undefined);
    if (best) {
      titleLine = best;
      title = best.text;
    } else {
      const firstBody = lines.find((l) => l.body) ?? lines[0];
      if (firstBody) {
        // Without the dateline ("Rasa - ", "DAMASCUS, March 3 (Reuters) -") a lead sentence reads as a headline.
        title = headlineFrom(firstSentence(firstBody.text).replace(/^\p{Lu}[^.!?\n]{0,40}?\s[-–—]\s(?=\p{Lu})/u, ''));
        derivedTitle = true;
      }
    }
  }
  const originalTitleKey = titleKey(title);
  const originalTitleLength = title.length;
  // "Headline | Site Name": a pipe before a short tail is a site name in practice.
  const piped = /^(.*\S)\s+\|\s+([^|]{2,40})$/u.exec(title);
  if (piped && wordCount(piped[2]!) <= 5 && wordCount(piped[1]!) >= Math.max(3, wordCount(piped[2]!) + 1)) title = piped[1]!;
  const fullTitleKey = titleKey(title);
  const fullTitleSource = title;
  // "Headline - Site Name": drop the site name when the page also shows the bare headline or the site name alone.
  const suffixed = /^(.*\S)\s+(?:[-–—|]|::)\s+(\S.{0,60})$/u.exec(title);
  if (suffixed && !derivedTitle) {
    const head = titleKey(suffixed[1]!);
    const site = titleKey(suffixed[2]!);
    const longest = Math.max(suffixed[1]!.length, suffixed[2]!.length) + 20;
    if (lines.some((l) => l !== titleLine && l.text.length <= longest && (titleKey(l.text) === head || titleKey(l.text) === site))) title = suffixed[1]!;
  }
  const shortTitleKey = titleKey(title);
  const maxTitleLength = Math.max(fullTitleSource.length, originalTitleLength) * 2 + 20;

  // Pass 2: the body text.
  let paragraphs: string[] = [];
  for (const l of lines) {
    if (l === titleLine) continue;
    // Keys ignore punctuation and spacing, so only lines of about the title's length can match.
    if (!derivedTitle && l.text.length <= maxTitleLength) {
      const key = titleKey(l.text);
      if (key && (key === fullTitleKey || key === shortTitleKey || key === originalTitleKey)) continue;
    }
    if (l.header && !l.body) {
      // Site names, section names, kickers and labels above the article.
      if (l.words <= 3 && !TERMINAL.test(l.text)) continue;
      if (/:$/.test(l.text) && l.words <= 5) continue;
      if (looksLikeMenu(l.text, l.words)) continue;
    }
    const text = stripInline(l.text, rules);
    if (text) paragraphs.push(text);
  }

  // A dateline, site furniture and/or the headline repeated at the start of the body
  // ("Wed 05 Apr 2017 Headline. Body...", "AFP Saturday 21 Jun 2014 Body...").
  let leading: (FoundDate & { labelled?: boolean }) | undefined;
  if (paragraphs[0]) {
    let first = paragraphs[0];
    for (let pass = 0; pass < 4; pass++) {
      const before = first;
      // a labelled stamp that a furniture rule strips ("Last updated at Aug 142016") still dates the page
      const stamp = leadingDate(first);
      if (stamp?.labelled) leading ??= stamp;
      for (const re of rules.leading) {
        const m = re.exec(first);
        if (m && m.index === 0 && m[0]) first = first.slice(m[0].length);
      }
      const agency = /^(?:\p{Lu}{2,8}|Reuters|Sputnik|Anadolu Agency)\s+/u.exec(first);
      // an agency's dateline ("AFP Saturday 26 Jul 2014") is the page's own stamp, as a label is
      const datelined = agency ? shifted(leadingDate(first.slice(agency[0].length)), agency[0].length) : undefined;
      const lead = leadingDate(first) ?? (datelined ? { ...datelined, labelled: true } : undefined);
      if (lead) {
        leading ??= lead;
        const rest = first.slice(lead.prefixEnd);
        if (/^[\p{Lu}\p{N}"“'‘(]/u.test(rest)) first = rest;
      }
      if (!derivedTitle) {
        const stripped = stripLeadingTitle(first, title);
        first = stripped.text;
        if (stripped.title) title = stripped.title;
      }
      if (first === before) break;
    }
    first = first.trim();
    if (first) paragraphs[0] = first;
    else paragraphs = paragraphs.slice(1);
  }
  const lastIndex = paragraphs.length - 1;
  if (lastIndex >= 0) {
    const last = stripTrailing(paragraphs[lastIndex]!, rules);
    if (last) paragraphs[lastIndex] = last;
    else paragraphs.pop();
  }

  let text = paragraphs.join('\n\n');
  if (text.length > maxChars) text = text.slice(0, maxChars).replace(/[\uD800-\uDBFF]$/, '').trimEnd(); // blank lines between paragraphs add characters
  if (!text && title && !derivedTitle) text = title; // a page that is nothing but a headline-like line
  if (!text) {
    report({ level: 'warning', source, message: 'no article text left after removing page furniture; skipped' });
    return undefined;
  }

  // "KYIV, March 3, 2023 (Reuters) - ...": the agency's stamp dates the page, as a label does.
  const opening = paragraphs[0] ? openingDateline(paragraphs[0]) : undefined;
  // Its place is written in capitals ("SAO PAULO"), which names read as acronyms or headline
  // words; in title case it is read as the place it is. Same length: offsets do not move. A
  // dateline on a line of its own ("LONDON 1996-08-30") stays as written: the tagger learnt those.
  const inline = opening && opening.length < paragraphs[0]!.length;
  // A wire's stamp with no year ("BAKU/YEREVAN, Nov 8 (Reuters) - ") dates nothing but is a stamp all the same.
  const yearless = !opening && paragraphs[0] ? yearlessDateline(paragraphs[0]) : undefined;
  const stampPlace = inline ? opening.place : yearless?.place;
  if (stampPlace && paragraphs[0]!.startsWith(stampPlace)) text = titleCased(stampPlace) + text.slice(stampPlace.length);
  const doc: Doc = { id: meta.id, title, text, source };
  if (yearless) doc.datelineLength = yearless.length;
  if (opening) {
    doc.datelineLength = opening.length;
    leading ??= { ...opening.date, labelled: true };
  }
  const dated = chooseDate(meta, options, dateLines, leading, lines, source, report);
  if (dated) {
    doc.date = dated.iso;
    doc.datePrecision = dated.precision;
    doc.dateSource = dated.source;
  }
  if (meta.url) doc.url = meta.url.trim();
  return doc;
}

function chooseDate(
  meta: TextMeta,
  options: IngestOptions,
  dateLines: Array<{ date: FoundDate; bodyBefore: number }>,
  leading: (FoundDate & { labelled?: boolean }) | undefined,
  lines: Line[],
  source: SourceRef,
  report: Report,
): { iso: string; precision: DatePrecision; source: 'metadata' | 'text' | 'flag' } | undefined {
  if (options.dateOverride) {
    const flag = parseDateValue(options.dateOverride);
    if (flag) return { ...flag, source: 'flag' };
  }
  // The article's own stamp ("Published October 12 2016") is its publication date; a data set's
  // date column may be when it was collected.
  if (leading?.labelled) return { iso: leading.iso, precision: 'day', source: 'text' };
  if (meta.date !== undefined && String(meta.date).trim()) {
    const parsed = parseDateValue(meta.date);
    if (parsed) return { ...parsed, source: 'metadata' };
    report({ level: 'warning', source, message: `unrecognised date ${JSON.stringify(String(meta.date).slice(0, 60))}; looking for a date in the text` });
  }
  // A date standing on its own line near the title; not one deep in the body.
  const standalone = dateLines.find((d) => d.bodyBefore <= 3);
  if (standalone) return { iso: standalone.date.iso, precision: 'day', source: 'text' };
  if (leading) return { iso: leading.iso, precision: 'day', source: 'text' };
  // A short header line with exactly one date ("By Jane Doe | March 3, 2016").
  for (const l of lines) {
    if (!l.header) break;
    if (l.body || l.text.length > 120 || TERMINAL.test(l.text)) continue;
    const dates = findDates(l.text);
    if (dates.length === 1) return { iso: dates[0]!.iso, precision: 'day', source: 'text' };
  }
  return undefined;
}

/** "SAO PAULO" → "Sao Paulo", "AL-RAQQA" → "Al-Raqqa"; the text unchanged unless it is all capitals and keeps its length. */
export function titleCased(place: string): string {
  if (!/\p{Lu}\p{Lu}/u.test(place) || /\p{Ll}/u.test(place)) return place;
  const out = place.replace(/\p{L}+/gu, (w) => w[0]! + w.slice(1).toLowerCase());
  return out.length === place.length ? out : place;
}

/**
 * Page furniture: the user-extensible rule table in data/ingest/furniture.json plus general
 * line heuristics (share bars, menus, lines without letters, header date bars).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { longestFirst, phraseSource } from '../util/regexp.js';
import { findDates } from './dates.js';

export const FURNITURE_FILE = fileURLToPath(new URL('../../data/ingest/furniture.json', import.meta.url));

interface RuleSpec {
  pattern: string;
  flags?: string;
  why?: string;
  tailOnly?: boolean;
}

interface FurnitureFile {
  drop?: RuleSpec[];
  cutAfter?: RuleSpec[];
  trailing?: Array<string | RuleSpec>;
  leading?: Array<string | RuleSpec>;
  inline?: Array<string | RuleSpec>;
  socialWords?: string[];
  navWords?: string[];
  relatedMarkers?: string[];
}

export interface FurnitureRules {
  drop: RegExp[];
  cutAfter: Array<{ re: RegExp; tailOnly: boolean }>;
  trailing: RegExp[];
  leading: RegExp[];
  /** Credits glued between two sentences of a flattened page: removed wherever they match (global). */
  inline: RegExp[];
  socialWords: Set<string>;
  navWords: Set<string>;
  /** A related-headlines marker ("Related", "Related News") before a capitalised word; undefined when none. */
  relatedMarker: RegExp | undefined;
  /** Problems met while loading (bad JSON, bad regexes): reported once by the reader. */
  problems: string[];
}

/** Lines longer than this are never furniture: keeps the rule table off long paragraphs. */
export const MAX_FURNITURE_LINE = 250;

const SOCIAL_NETWORKS = new Set(['share', 'tweet', 'facebook', 'twitter', 'youtube', 'instagram', 'telegram', 'whatsapp', 'linkedin', 'pinterest', 'reddit', 'tumblr', 'vk', 'email', 'e-mail', 'print', 'rss', 'google+', 'tiktok', 'messenger']);

function compile(spec: RuleSpec | string, where: string, problems: string[]): RegExp | undefined {
  const pattern = typeof spec === 'string' ? spec : spec.pattern;
  const flags = typeof spec === 'string' ? 'i' : (spec.flags ?? 'i');
  try {
    return new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch (err) {
    problems.push(`${where}: invalid regular expression ${JSON.stringify(pattern)} (${(err as Error).message}); rule ignored`);
    return undefined;
  }
}

export function loadFurnitureRules(file: string = FURNITURE_FILE): FurnitureRules {
  const problems: string[] = [];
  let spec: FurnitureFile = {};
  try {
    spec = JSON.parse(readFileSync(file, 'utf8')) as FurnitureFile;
  } catch (err) {
    problems.push(`cannot read page-furniture rules: ${(err as Error).message}; only built-in heuristics apply`);
  }
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  return {
    drop: list(spec.drop).map((r, i) => compile(r, `drop[${i}]`, problems)).filter((r): r is RegExp => !!r),
    cutAfter: list(spec.cutAfter).flatMap((r, i) => {
      const re = compile(r, `cutAfter[${i}]`, problems);
      return re ? [{ re, tailOnly: !!(typeof r === 'object' && r.tailOnly) }] : [];
    }),
    trailing: list(spec.trailing).map((r, i) => compile(r, `trailing[${i}]`, problems)).filter((r): r is RegExp => !!r),
    leading: list(spec.leading).map((r, i) => compile(r, `leading[${i}]`, problems)).filter((r): r is RegExp => !!r),
    inline: list(spec.inline)
      .map((r, i) => compile(r, `inline[${i}]`, problems))
      .filter((r): r is RegExp => !!r)
      .map((re) => new RegExp(re.source, `${re.flags}g`)),
    socialWords: new Set(list(spec.socialWords).map((w) => String(w).toLowerCase())),
    navWords: new Set(list(spec.navWords).map((w) => String(w).toLowerCase())),
    relatedMarker: markerRegExp(list(spec.relatedMarkers)),
    problems,
  };
}

/** The markers as one case-sensitive alternation, longest first, followed by a capitalised word. */
function markerRegExp(markers: string[]): RegExp | undefined {
  const words = markers.map((m) => String(m).trim()).filter(Boolean).sort(longestFirst);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(phraseSource).join('|')})\\s+(?=["“‘]?\\p{Lu})`, 'gu');
}

let defaultRules: FurnitureRules | undefined;
export function defaultFurnitureRules(): FurnitureRules {
  defaultRules ??= loadFurnitureRules();
  return defaultRules;
}

const LEADING_BULLETS = /^[\s•·●○◦▪▫■□►▶➤→*–—-]+(?=\S)/;
const HAS_LETTER = /\p{L}/u;
const FOUR_DIGITS = /\d{4}/g;

function hasThreeYears(text: string): boolean {
  FOUR_DIGITS.lastIndex = 0;
  let count = 0;
  while (FOUR_DIGITS.exec(text)) if (++count >= 3) return true;
  return false;
}
const TOKEN_SPLIT = /[\s|,/•·»›]+/;

/** The line as rules see it: without leading bullets or trailing spaces. */
export function ruleView(line: string): string {
  return line.replace(LEADING_BULLETS, '').trim();
}

/** True when a whole line is page furniture (to be dropped). */
export function isFurnitureLine(line: string, rules: FurnitureRules): boolean {
  const view = ruleView(line);
  if (!view) return true;
  if (!HAS_LETTER.test(view)) return true; // counters, bullets, "847/940", captchas
  if (view.length > 400) return false;
  if (view.length <= MAX_FURNITURE_LINE) {
    for (const re of rules.drop) if (re.test(view)) return true;
    const tokens = view.length <= 160 ? view.toLowerCase().split(TOKEN_SPLIT).filter(Boolean) : [];
    if (tokens.length >= 1 && tokens.length <= 12) {
      if (tokens.every((t) => rules.socialWords.has(t)) && tokens.some((t) => SOCIAL_NETWORKS.has(t))) return true;
      if (tokens.length >= 2 && tokens.every((t) => rules.navWords.has(t))) return true;
    }
    if (isMenuLine(view)) return true;
  }
  if (hasThreeYears(view) && isDateBar(view)) return true;
  return false;
}

/** Running prose between the dates: more lower-case words than a bar's weekday names and counters. */
const MAX_BAR_WORDS = 4;
const LOWER_WORD = /(?<![\p{L}\d])\p{Ll}{2,}(?![\p{L}\d])/gu;

/**
 * Site header bars listing several dates ("23 June 2018 - Saturday | 22/06/2018 (26) 21/06/2018
 * (23)..."), as against a sentence of a chronicle that names three dates ("On 24 January 2017 ...
 * began on 19 February 2017. On 17 March 2017, an airstrike ..."), which is the article.
 */
function isDateBar(view: string): boolean {
  const dates = findDates(view);
  if (dates.length < 3) return false;
  let words = 0;
  let from = 0;
  for (const d of [...dates, { index: view.length, end: view.length }]) {
    words += view.slice(from, d.index).match(LOWER_WORD)?.length ?? 0;
    if (words > MAX_BAR_WORDS) return false;
    from = d.end;
  }
  return true;
}

/** "Home | World | Middle East | Syria": three or more short segments between separators, no sentence. */
function isMenuLine(view: string): boolean {
  const segments = view.split(/\s+[|•·»›]\s+|\s*\|\s*/);
  if (segments.length < 3) return false;
  if (/[.!?]["”’]?$/.test(view)) return false;
  return segments.every((s) => s.trim().split(/\s+/).length <= 3);
}

/** Whether the line opens a trailing section (comments, related links) that should be cut with it. */
export function cutsSection(line: string, rules: FurnitureRules, inTail: boolean): boolean {
  const view = ruleView(line);
  if (!view || view.length > MAX_FURNITURE_LINE) return false;
  for (const { re, tailOnly } of rules.cutAfter) {
    if ((!tailOnly || inTail) && re.test(view)) return true;
  }
  return false;
}

/** How far from the end a related-headlines trailer may start (a dozen headlines). */
const TRAILER_WINDOW = 2000;
/** What may stand between the last sentence and the marker: a credit, a view counter, a topic box. */
const MAX_TRAILER_LEAD = 200;
/** A sentence ending, then a capitalised word: running text, not a list of headlines (which may be questions). */
const SENTENCE_BREAK_RE = /[.!]["”’)]?\s+["“‘(]?\p{Lu}(?:\p{Ll}|\s)/u;
/** The end of the last sentence: its punctuation (and closing quote), then a space. */
const SENTENCE_END_RE = /[.!?…]["”’)]?(?=\s)/gu;

/**
 * "... the city. Source AFP Related News Suicide car bomb kills eight in Daraa Death toll rises to
 * 70 ...": a flattened page ends in a related-headlines box. Cut from the end of the last sentence
 * when a marker follows it closely and what follows the marker reads as headlines (no sentence
 * break), so the headlines' events and names are not read as the article's.
 */
export function stripRelatedTrailer(paragraph: string, rules: FurnitureRules): string {
  const marker = rules.relatedMarker;
  if (!marker) return paragraph;
  const offset = Math.max(0, paragraph.length - TRAILER_WINDOW);
  const tail = paragraph.slice(offset);
  marker.lastIndex = 0;
  for (let m = marker.exec(tail); m; m = marker.exec(tail)) {
    const headlines = tail.slice(m.index + m[0].length);
    if (SENTENCE_BREAK_RE.test(headlines)) continue;
    let sentenceEnd = -1;
    SENTENCE_END_RE.lastIndex = 0;
    const before = tail.slice(0, m.index);
    for (let e = SENTENCE_END_RE.exec(before); e; e = SENTENCE_END_RE.exec(before)) sentenceEnd = e.index + e[0].length;
    if (sentenceEnd < 0 || m.index - sentenceEnd > MAX_TRAILER_LEAD) continue;
    if (offset + sentenceEnd === 0) continue;
    // a site's "..." before its counters goes with them
    return paragraph.slice(0, offset + sentenceEnd).replace(/\s*(?:\.\.\.|…)$/, '').trimEnd();
  }
  return paragraph;
}

/**
 * "... near the border. (TRT World and Agencies) A bomb blast ...", "... 2015. (AFP Photo) At least ...":
 * photo and agency credits left between a caption and the text; removed so that the next sentence
 * does not open with them (and the agency is not read as an actor).
 */
export function stripInline(paragraph: string, rules: FurnitureRules): string {
  let text = paragraph;
  // twice: a credit may stand before another one ("(File photo) (TRT World and Agencies)")
  for (let pass = 0; pass < 2; pass++) {
    for (const re of rules.inline) {
      re.lastIndex = 0;
      text = text.replace(re, ' ');
    }
  }
  return text === paragraph ? paragraph : text.replace(/ {2,}/g, ' ').trim();
}

/** Strips share buttons and "Read also" stubs glued to the end of the last paragraph. */
export function stripTrailing(paragraph: string, rules: FurnitureRules): string {
  let text = paragraph;
  // a site's footer comes off in layers (menu, copyright line, promotion, related box): one per pass
  for (let pass = 0; pass < 6; pass++) {
    const before = text;
    // a related box may only show once a footer after it is gone
    text = stripRelatedTrailer(text, rules);
    const tail = text.length > 300 ? text.slice(-300) : text;
    const offset = text.length - tail.length;
    for (const re of rules.trailing) {
      const m = re.exec(tail);
      if (m && m.index + offset > 0) {
        text = text.slice(0, offset + m.index).trimEnd();
        break;
      }
    }
    if (text === before) break;
  }
  return stripSignature(text);
}

/**
 * Editors' initials and desk codes after the last sentence of a flattened page ("... damage. Qabas / Hazem",
 * "... attack. SSH 11", "... rubble. 218-11"): a short tail with no lower-case word.
 */
function stripSignature(paragraph: string): string {
  if (paragraph.length < 300) return paragraph;
  const m = /[.!?]["”’)]?\s+((?:[^.!?]|[.](?!\s|$)){1,40})$/u.exec(paragraph.slice(-60));
  if (!m) return paragraph;
  const tail = m[1]!;
  if (/(?:^|\s)\p{Ll}/u.test(tail) || !/^[\p{Lu}\p{N}(-]/u.test(tail)) return paragraph;
  return paragraph.slice(0, paragraph.length - tail.length).trimEnd();
}

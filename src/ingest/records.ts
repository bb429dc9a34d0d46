/**
 * Record files: JSON (an array, one object, or { articles: [...] }), JSONL (one object a line) and
 * CSV / TSV (header row). JSONL and CSV are read record by record from a stream.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import type { Doc, Report, SourceRef } from '../types.js';
import { docFromText } from './clean.js';
import { htmlToText } from './html.js';
import type { IngestOptions } from './options.js';

type FieldName = 'text' | 'title' | 'date' | 'id' | 'url';
const FIELD_NAMES: FieldName[] = ['text', 'title', 'date', 'id', 'url'];
export const FIELDS_FILE = fileURLToPath(new URL('../../data/ingest/fields.json', import.meta.url));

const BUILT_IN_ALIASES: Record<FieldName, string[]> = {
  text: ['text', 'body', 'content', 'article_content', 'article'],
  title: ['title', 'article_title', 'headline'],
  date: ['date', 'published', 'pubDate'],
  id: ['id', 'unit_id'],
  url: ['url', 'link'],
};

let aliases: Record<FieldName, string[]> | undefined;
function fieldAliases(): Record<FieldName, string[]> {
  if (aliases) return aliases;
  try {
    const data = JSON.parse(readFileSync(FIELDS_FILE, 'utf8')) as Partial<Record<FieldName, unknown>>;
    aliases = { ...BUILT_IN_ALIASES };
    for (const name of FIELD_NAMES) {
      const list = data[name];
      if (Array.isArray(list)) aliases[name] = list.map(String);
    }
  } catch {
    aliases = BUILT_IN_ALIASES;
  }
  return aliases;
}

/** Maps each wanted field to the record key / column that holds it. */
export function resolveFields(keys: string[], options: IngestOptions): Partial<Record<FieldName, string>> {
  const lower = new Map<string, string>();
  for (const k of keys) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k);
  const resolved: Partial<Record<FieldName, string>> = {};
  const known = fieldAliases();
  for (const name of FIELD_NAMES) {
    const wanted = options.fields?.[name];
    const tries = wanted ? [wanted] : known[name];
    for (const t of tries) {
      const key = keys.includes(t) ? t : lower.get(t.toLowerCase());
      if (key !== undefined) {
        resolved[name] = key;
        break;
      }
    }
  }
  return resolved;
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('\n\n');
  return undefined;
}

const LOOKS_HTML = /<\/(?:p|div|span|a|li|h\d|article|section|em|strong)>|<br\s*\/?>|<p[\s>]/i;

export function docFromRecord(
  record: Record<string, unknown>,
  fields: Partial<Record<FieldName, string>>,
  file: string,
  source: SourceRef,
  options: IngestOptions,
  report: Report,
): Doc | undefined {
  const get = (name: FieldName) => (fields[name] !== undefined ? asText(record[fields[name]!]) : undefined);
  const text = get('text');
  if (text === undefined || !text.trim()) {
    const where = fields.text
      ? `its "${fields.text}" field is empty or not text`
      : options.fields?.text
        ? `it has no "${options.fields.text}" field`
        : 'it has no text field';
    report({ level: 'warning', source, message: `record skipped: ${where}` });
    return undefined;
  }
  const rawId = get('id')?.trim();
  const id = rawId || `${file === '-' ? 'stdin' : basename(file)}#${source.record ?? 1}`;
  let title = get('title');
  let date = get('date');
  let url = get('url');
  let body = text;
  let format: 'txt' | 'html' = 'txt';
  if (LOOKS_HTML.test(text.slice(0, 5000))) {
    const html = htmlToText(text);
    body = html.text;
    format = 'html';
    title ||= html.title;
    date ||= html.date;
    url ||= html.url;
  }
  const meta: Parameters<typeof docFromText>[1] = { id, file, format, source };
  if (title?.trim()) meta.title = title;
  if (date?.trim()) meta.date = date;
  if (url?.trim()) meta.url = url;
  return docFromText(body, meta, options, report);
}

const ARRAY_KEYS = ['articles', 'items', 'documents', 'docs', 'records', 'data', 'results', 'posts', 'entries', 'stories', 'news'];

/** A whole JSON file: an array of objects, one object, or an object holding such an array. */
export function* docsFromJson(content: string, file: string, options: IngestOptions, report: Report): Generator<Doc> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? content.slice(0, Number(pos[1])).split('\n').length : undefined;
    const source: SourceRef = line ? { file, line } : { file };
    report({ level: 'warning', source, message: `not valid JSON (${message}); file skipped` });
    return;
  }
  let records: unknown[];
  if (Array.isArray(data)) records = data;
  else if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    const key = ARRAY_KEYS.find((k) => Array.isArray(obj[k])) ?? Object.keys(obj).find((k) => Array.isArray(obj[k]) && (obj[k] as unknown[]).some((x) => x && typeof x === 'object'));
    const hasText = resolveFields(Object.keys(obj), options).text !== undefined;
    records = !hasText && key ? (obj[key] as unknown[]) : [obj];
  } else {
    report({ level: 'warning', source: { file }, message: 'JSON holds neither an object nor an array of objects; file skipped' });
    return;
  }
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const source: SourceRef = { file, record: i + 1 };
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      report({ level: 'warning', source, message: 'record skipped: not a JSON object' });
      continue;
    }
    const obj = rec as Record<string, unknown>;
    const doc = docFromRecord(obj, resolveFields(Object.keys(obj), options), file, source, options, report);
    if (doc) yield doc;
  }
}

/** JSON Lines, one record a line; a broken line is reported and skipped. */
export async function* docsFromJsonLines(input: Readable, file: string, options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let record = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!line.trim()) continue;
    record++;
    const source: SourceRef = { file, record, line: lineNumber };
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      report({ level: 'warning', source, message: `broken JSON line skipped (${(err as Error).message})` });
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      report({ level: 'warning', source, message: 'line skipped: not a JSON object' });
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const doc = docFromRecord(rec, resolveFields(Object.keys(rec), options), file, source, options, report);
    if (doc) yield doc;
  }
}

/** The delimiter of a CSV file, from its header line (",", ";", tab or "|"). */
export function sniffDelimiter(headerLine: string, fallback = ','): string {
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: headerLine.split(d).length - 1 }));
  const best = counts.reduce((a, c) => (c.n > a.n ? c : a));
  return best.n > 0 ? best.d : fallback;
}

interface CsvState {
  header?: string[];
  fields?: Partial<Record<FieldName, string>>;
  record: number;
  delimiter: string;
  stop: boolean;
}

/**
 * CSV with a header row, streamed. Broken records (an unclosed quote swallowing the rest of the
 * file) are reported with their line and parsing resumes on the next line.
 */
export async function* docsFromCsv(input: Readable, file: string, options: IngestOptions, report: Report, delimiter = ','): AsyncGenerator<Doc> {
  const state: CsvState = { record: 0, stop: false, delimiter };
  yield* parseCsvPart(input, 0, state, file, options, report);
}

async function* parseCsvPart(
  input: Readable,
  lineOffset: number,
  state: CsvState,
  file: string,
  options: IngestOptions,
  report: Report,
): AsyncGenerator<Doc> {
  let unclosed: { raw: string; line: number } | undefined;
  let lastLine = lineOffset;
  const parser = parseCsv({
    delimiter: state.delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED' && raw !== undefined) unclosed = { raw, line: lastLine + 1 };
      else report({ level: 'warning', source: { file, line: lastLine + 1 }, message: `broken CSV record skipped (${err?.message ?? 'unknown error'})` });
      return undefined;
    },
  });
  input.pipe(parser);
  input.on('error', (err) => parser.destroy(err));
  for await (const item of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    const { record } = item;
    const startLine = lastLine + 1;
    lastLine = lineOffset + item.info.lines;
    if (state.stop) continue;
    if (!state.header) {
      state.header = record.map((c) => c.trim());
      state.fields = resolveFields(state.header, options);
      if (!state.fields.text) {
        const wanted = options.fields?.text ? `"${options.fields.text}"` : fieldAliases().text.slice(0, 8).join(', ');
        report({ level: 'warning', source: { file, line: startLine }, message: `no text column (looked for ${wanted}); columns are: ${state.header.join(', ')}; file skipped` });
        state.stop = true;
        parser.destroy();
        return;
      }
      continue;
    }
    state.record++;
    // With relaxed quotes an unbalanced quote does not fail: the opening quote stays in the value, and
    // the field runs on over the next lines or swallows the delimiters after it (too few columns).
    // Report the record and re-read from its second line.
    // A quote closed in mid-field ("a,"b...) keeps the column count when the text holds a comma:
    // the value then starts with the stray quote and has text glued after its closing quote.
    const midQuote = record.some((v) => /^"[^"]*"[^",\s]/.test(v));
    if (midQuote || (record.some((v) => v.startsWith('"')) && (record.some((v) => v.includes('\n')) || record.length !== state.header.length))) {
      report({ level: 'warning', source: { file, record: state.record, line: startLine }, message: 'broken CSV record skipped (unbalanced quote); reading resumes on the next line' });
      const newline = item.raw.indexOf('\n');
      if (newline >= 0 && item.raw.slice(newline + 1).trim()) {
        yield* parseCsvPart(Readable.from([item.raw.slice(newline + 1)]), startLine, state, file, options, report);
      }
      continue;
    }
    const obj: Record<string, unknown> = {};
    state.header.forEach((name, i) => {
      if (name && record[i] !== undefined) obj[name] = record[i];
    });
    const doc = docFromRecord(obj, state.fields!, file, { file, record: state.record, line: startLine }, options, report);
    if (doc) yield doc;
  }
  if (unclosed && !state.stop) {
    const { raw, line } = unclosed;
    const newline = raw.indexOf('\n');
    state.record++;
    report({ level: 'warning', source: { file, record: state.record, line }, message: 'broken CSV record skipped (unbalanced quote: it is never closed); reading resumes on the next line' });
    if (newline >= 0 && raw.slice(newline + 1).trim()) {
      yield* parseCsvPart(Readable.from([raw.slice(newline + 1)]), line, state, file, options, report);
    }
  }
}

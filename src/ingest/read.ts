/**
 * From command-line inputs (files, folders, globs, "-") to Docs: expansion, format dispatch,
 * decoding, and unique ids. Everything is lazy: one file (or one record) at a time.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { glob } from 'tinyglobby';
import type { Doc, Report, SourceRef } from '../types.js';
import { DEFAULT_MAX_CHARS, docFromText } from './clean.js';
import { parseDateValue } from './dates.js';
import { binaryKind, decodeBytes, detectBom, guessLegacyEncoding, guessWarning, mostlyUtf8 } from './decode.js';
import { defaultFurnitureRules, FURNITURE_FILE } from './furniture.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { InputError, type IngestOptions } from './options.js';
import { docsFromCsv, docsFromJson, docsFromJsonLines, sniffDelimiter } from './records.js';

type Format = 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'unknown';

const FORMATS: Record<string, Format> = {
  '.txt': 'txt', '.text': 'txt',
  '.md': 'md', '.markdown': 'md', '.mdown': 'md',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.csv': 'csv', '.tsv': 'tsv',
};

export function formatOf(file: string): Format {
  return FORMATS[extname(file).toLowerCase()] ?? 'unknown';
}

const GLOB_CHARS = /[*?[\]{}]/;

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? '';
}

function describeError(err: unknown): string {
  const code = errorCode(err);
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOENT: 'no such file',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  return known[code] ?? (err as Error)?.message ?? String(err);
}

/** Files of a folder, recursively, sorted by name; hidden entries and node_modules are skipped. */
async function* walk(dir: string, report?: Report, visited = new Set<string>()): AsyncGenerator<string> {
  // Symbolic links can make a folder its own descendant: each real folder is walked once.
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
  } catch {
    // unreadable: readdir below reports it
  }
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    report?.({ level: 'warning', source: { file: dir }, message: `cannot read folder (${describeError(err)}); skipped` });
    return;
  }
  const names = entries
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = (await stat(path)).isDirectory();
      } catch {
        isDir = false; // a dangling link: the reader reports it
      }
    }
    if (isDir) yield* walk(path, report, visited);
    else yield path;
  }
}

async function globFiles(pattern: string): Promise<string[]> {
  const found = await glob(pattern, { onlyFiles: true, dot: false, absolute: isAbsolute(pattern), expandDirectories: false, ignore: ['**/node_modules/**'] });
  return found.sort();
}

/** Checks one input before any reading starts; returns the glob's matches when it is a glob. */
async function checkInput(input: string): Promise<{ kind: 'stdin' | 'dir' | 'file' } | { kind: 'glob'; files: string[] }> {
  if (input === '-') return { kind: 'stdin' };
  try {
    const info = await stat(input);
    return { kind: info.isDirectory() ? 'dir' : 'file' };
  } catch (err) {
    if (errorCode(err) !== 'ENOENT' && errorCode(err) !== 'ENOTDIR') return { kind: 'file' }; // the reader reports it
    if (GLOB_CHARS.test(input)) {
      const files = await globFiles(input);
      if (files.length === 0) throw new InputError(`no files match ${input}`);
      return { kind: 'glob', files };
    }
    throw new InputError(`no such file or directory: ${input}`);
  }
}

async function* expandInputs(inputs: string[], report?: Report): AsyncGenerator<string> {
  const checked = [];
  for (const input of inputs) checked.push({ input, check: await checkInput(input) });
  for (const { input, check } of checked) {
    if (check.kind === 'glob') yield* check.files;
    else if (check.kind === 'dir') yield* walk(input, report);
    else yield input;
  }
}

export async function listInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for await (const file of expandInputs(inputs)) files.push(file);
  return files;
}

/**
 * The bytes of the inputs' files, counted until they pass `limit` (the count so far is then
 * returned at once); infinite when a size cannot be known (standard input, an input that will
 * fail, which the build itself then reports).
 */
export async function inputBytesUpTo(inputs: string[], limit: number): Promise<number> {
  let total = 0;
  try {
    for await (const file of expandInputs(inputs)) {
      if (file === '-') return Number.POSITIVE_INFINITY;
      total += (await stat(file)).size;
      if (total > limit) return total;
    }
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return total;
}

let furnitureProblemsReported = false;

function checkOptions(options: IngestOptions): void {
  if (options.dateOverride !== undefined && !parseDateValue(options.dateOverride)) {
    throw new InputError(`--date ${JSON.stringify(options.dateOverride)} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
}

export async function* readDocuments(inputs: string[], options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  checkOptions(options);
  reportRuleProblems(report);
  const seen = new Map<string, number>();
  for await (const file of expandInputs(inputs, report)) {
    yield* uniqueIds(readOne(file, options, report), seen, report);
  }
}

export async function* readDocumentsFromFile(file: string, options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  checkOptions(options);
  reportRuleProblems(report);
  yield* uniqueIds(readOne(file, options, report), new Map(), report);
}

function reportRuleProblems(report: Report): void {
  if (furnitureProblemsReported) return;
  furnitureProblemsReported = true;
  for (const message of defaultFurnitureRules().problems) report({ level: 'warning', source: { file: FURNITURE_FILE }, message });
}

/** Duplicated ids get "~2", "~3"... in input order. */
async function* uniqueIds(docs: AsyncGenerator<Doc>, seen: Map<string, number>, report: Report): AsyncGenerator<Doc> {
  for await (const doc of docs) {
    const count = (seen.get(doc.id) ?? 0) + 1;
    seen.set(doc.id, count);
    if (count > 1) {
      let id = `${doc.id}~${count}`;
      while (seen.has(id)) id = `${id}~`;
      seen.set(id, 1);
      report({ level: 'warning', source: doc.source, message: `duplicate document id "${doc.id}"; renamed "${id}"` });
      doc.id = id;
    }
    yield doc;
  }
}

async function readStdin(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function* readOne(file: string, options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  const warn = (message: string, extra: Partial<SourceRef> = {}) => report({ level: 'warning', source: { file, ...extra }, message });
  if (file === '-') {
    yield* readStdinDocs(options, report);
    return;
  }
  let format = formatOf(file);
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      warn('is a directory, not a file; skipped');
      return;
    }
    if (!info.isFile()) {
      // Reading a FIFO or a device could block forever or never end.
      const kind = info.isFIFO() ? 'a named pipe (FIFO)' : info.isSocket() ? 'a socket' : 'a device or special file';
      warn(`is ${kind}, not a regular file; skipped`);
      return;
    }
    if (info.size === 0) {
      warn('empty file; skipped');
      return;
    }
  } catch (err) {
    warn(`cannot read file (${describeError(err)}); skipped`);
    return;
  }

  if (format === 'jsonl' || format === 'csv' || format === 'tsv') {
    yield* readRecordStream(file, format, options, report);
    return;
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    warn(`cannot read file (${describeError(err)}); skipped`);
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    warn(`${decoded.reason}; skipped`);
    return;
  }
  if (decoded.guessed) warn(guessWarning(decoded.encoding));
  const text = decoded.text;
  if (!text.trim()) {
    warn('empty file (only whitespace); skipped');
    return;
  }
  // A web page saved under a text name is still a web page.
  if (format === 'txt' && /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 500))) format = 'html';
  // Unknown extensions: markup (HTML, XML, RSS) is read for its text, anything else as plain text.
  if (format === 'unknown') format = /^\s*</.test(text.slice(0, 1000)) && /<\/?[a-zA-Z][^>]*>/.test(text.slice(0, 5000)) ? 'html' : 'txt';
  if (format === 'json' && looksLikeJsonLines(text)) {
    yield* docsFromJsonLines(Readable.from([text]), file, options, report);
    return;
  }
  yield* docsFromDecoded(text, file, basename(file), format, options, report);
}

/** JSON Lines saved as .json: a first line that is a whole object, and more lines after it. */
function looksLikeJsonLines(text: string): boolean {
  const body = text.trimStart();
  const newline = body.indexOf('\n');
  if (!body.startsWith('{') || newline < 0 || !body.slice(newline + 1).trim()) return false;
  try {
    const first: unknown = JSON.parse(body.slice(0, newline));
    return first !== null && typeof first === 'object' && !Array.isArray(first);
  } catch {
    return false;
  }
}

function* docsFromDecoded(text: string, file: string, id: string, format: Format, options: IngestOptions, report: Report): Generator<Doc> {
  if (format === 'json') {
    yield* docsFromJson(text, file, options, report);
    return;
  }
  let doc: Doc | undefined;
  if (format === 'html') {
    const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    const html = htmlToText(text, maxChars + 1);
    if (html.truncated) report({ level: 'warning', source: { file }, message: `page text is longer than ${maxChars} characters; only the first ${maxChars} are used` });
    const meta: Parameters<typeof docFromText>[1] = { id, file, format: 'html' };
    if (html.title) meta.title = html.title;
    if (html.date) meta.date = html.date;
    if (html.url) meta.url = html.url;
    doc = docFromText(html.truncated ? html.text.slice(0, maxChars) : html.text, meta, options, report);
  } else if (format === 'md') {
    const md = markdownToText(text);
    if (md.problem) report({ level: 'warning', source: { file, line: md.problem.line }, message: md.problem.message });
    const meta: Parameters<typeof docFromText>[1] = { id, file, format: 'md' };
    if (md.title) meta.title = md.title;
    if (md.date) meta.date = md.date;
    if (md.url) meta.url = md.url;
    doc = docFromText(md.text, meta, options, report);
  } else {
    doc = docFromText(text, { id, file, format: 'txt' }, options, report);
  }
  if (doc) yield doc;
}

/** JSONL and CSV: sniff the first bytes for binary content and encoding, then stream records. */
async function* readRecordStream(file: string, format: 'jsonl' | 'csv' | 'tsv', options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  const warn = (message: string) => report({ level: 'warning', source: { file }, message });
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(65536);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    warn(`cannot read file (${describeError(err)}); skipped`);
    return;
  }
  const binary = binaryKind(head);
  if (binary) {
    warn(`binary file (${binary}); skipped`);
    return;
  }
  const bom = detectBom(head);
  let encoding: string = bom ?? 'utf8';
  if (!bom && !isValidUtf8Prefix(head)) {
    encoding = mostlyUtf8(head) ? 'utf8' : guessLegacyEncoding(head);
    warn(guessWarning(encoding === 'utf8' ? 'utf-8' : encoding));
  }
  const headText = iconv.decode(head, encoding);
  if (!headText.trim()) {
    warn('empty file (only whitespace); skipped');
    return;
  }
  const stream = createReadStream(file).pipe(iconv.decodeStream(encoding));
  if (format === 'jsonl') yield* docsFromJsonLines(stream as unknown as Readable, file, options, report);
  else yield* docsFromCsv(stream as unknown as Readable, file, options, report, sniffDelimiter(headText.replace(/^\uFEFF/, '').split('\n')[0] ?? '', format === 'tsv' ? '\t' : ','));
}

/** UTF-8 validity of a prefix that may end in the middle of a character. */
function isValidUtf8Prefix(buf: Buffer): boolean {
  let end = buf.length;
  // Back off up to 3 bytes of an unfinished trailing sequence.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = buf[end - i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

async function* readStdinDocs(options: IngestOptions, report: Report): AsyncGenerator<Doc> {
  const file = '-';
  const bytes = await readStdin(options.stdin);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    report({ level: 'warning', source: { file }, message: `${decoded.reason} on standard input; skipped` });
    return;
  }
  if (decoded.guessed) report({ level: 'warning', source: { file }, message: guessWarning(decoded.encoding) });
  const text = decoded.text;
  if (!text.trim()) {
    report({ level: 'warning', source: { file }, message: 'standard input is empty; nothing read' });
    return;
  }
  const start = text.trimStart();
  if (start.startsWith('<')) {
    yield* docsFromDecoded(text, file, 'stdin', 'html', options, report);
  } else if (start.startsWith('[') || start.startsWith('{')) {
    let wholeJson = true;
    try {
      JSON.parse(text);
    } catch {
      wholeJson = false;
    }
    if (wholeJson) yield* docsFromJson(text, file, options, report);
    else yield* docsFromJsonLines(Readable.from([text]), file, options, report);
  } else {
    yield* docsFromDecoded(text, file, 'stdin', 'txt', options, report);
  }
}

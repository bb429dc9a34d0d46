/**
 * GEXF 1.3 text for Gephi 0.10 and networkx, as a sequence of pieces. Pure: no Node modules, so the
 * viewer's "Export GEXF" shares it; gexf.ts streams the same pieces to a Node stream (writeGexf).
 *
 * Our own instead of graphology-gexf because that one writes no timeline and Gephi drops data from
 * it. What Gephi needs beyond the schema (see ../shared/gexf-schema/README.md and
 * ../shared/eval/gexf_check.py): typed attribute columns before <nodes> with unreserved ids, no
 * empty attvalues, lists as ["a","b"] with quoted items, integer viz:color channels, positive sizes
 * and weights, positions on all nodes, full YYYY-MM-DD dates with a timezone, closed and
 * non-overlapping spells, and only XML-legal characters.
 *
 * Output is deterministic: node and edge order is the graph's; nothing depends on the clock.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { EdgeAttributes, Evidence, NodeAttributes } from '../types.js';
import { assignIds, edgeIdMap, stableEdgeKey } from './ids.js';
import {
  escapeMarkup,
  escapeXml,
  escapeXmlForSingleQuotes,
  hasControlOrSurrogate,
  needsXmlEscaping,
  replaceIllegalXmlChars,
  stripIllegalXmlChars,
} from './xml.js';

export interface GexfOptions {
  /** Written as the <meta> description. */
  title?: string;
  /** Written as the <meta> creator; default "newsgraph". */
  creator?: string;
}

/** Evidence sentences kept per node or edge, and characters kept per sentence. */
export const MAX_EVIDENCE_ITEMS = 20;
export const MAX_EVIDENCE_CHARS = 300;

type ColumnType = 'string' | 'integer' | 'double' | 'boolean' | 'liststring';

interface Column {
  /** Attribute name in the graph, also the column title the scorers look up. */
  key: string;
  /** Column id in the file: never one of Gephi's reserved ids (id, label, timeset, weight). */
  id: string;
  type: ColumnType;
  /** The record's `<attvalue .../>` line up to its value, and after it (lists go in single quotes). */
  open: string;
  close: string;
}

// Contract attributes (src/types.ts) with their Gephi types, in a fixed order.
const NODE_COLUMNS: ReadonlyArray<readonly [string, ColumnType]> = [
  ['kind', 'string'],
  ['type', 'string'],
  ['aliases', 'liststring'],
  ['documents', 'liststring'],
  ['mentions', 'integer'],
  ['firstSeen', 'string'],
  ['lastSeen', 'string'],
  ['date', 'string'],
  ['datePrecision', 'string'],
  ['dateEnd', 'string'],
  ['modality', 'string'],
  ['acledEventType', 'string'],
  ['acledSubEventType', 'string'],
  ['killed', 'integer'],
  ['wounded', 'integer'],
  ['captured', 'integer'],
  ['figures', 'liststring'],
  ['lat', 'double'],
  ['lon', 'double'],
  ['geoPrecision', 'string'],
  ['country', 'string'],
  ['geonameId', 'integer'],
  ['parent', 'string'],
  ['importance', 'double'],
  ['community', 'integer'],
  ['evidence', 'liststring'],
];

const EDGE_COLUMNS: ReadonlyArray<readonly [string, ColumnType]> = [
  ['relation', 'string'],
  ['title', 'string'],
  ['evidence', 'liststring'],
];

/** Attributes written as XML attributes or viz elements rather than columns, plus Sigma render state. */
const NODE_NOT_COLUMNS = new Set(['label', 'x', 'y', 'size', 'color', 'start', 'end', 'spells', 'hidden', 'highlighted', 'forceLabel', 'zIndex']);
const EDGE_NOT_COLUMNS = new Set(['weight', 'label', 'color', 'size', 'spells', 'start', 'end', 'hidden', 'forceLabel', 'zIndex']);
/** Gephi's own column ids and GEXF's time attributes: never usable as ids of ours. */
const RESERVED_IDS = new Set(['id', 'label', 'timeset', 'weight', 'start', 'end', 'spells', 'timestamp', 'timestamps', 'intervals']);

const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

// ───────────────────────────── values ─────────────────────────────

/**
 * The same text as String(value) for a finite number. V8's String() keeps its results in a
 * number-to-string cache whose entries outlive young-generation collections: on a big graph that
 * promoted tens of MB of dead strings and brought on a full collection mid-export. JSON.stringify
 * formats straight into its result.
 */
function finiteNumberText(value: number): string {
  // Small integers (counts, weights, communities) are most numbers in a graph: a table lookup costs
  // a tenth of JSON.stringify's setup and makes no garbage.
  if (value >= 0 && value < SMALL_INTS && (value | 0) === value) return smallIntText(value);
  return JSON.stringify(value);
}

const SMALL_INTS = 1024;
let smallInts: string[] | undefined;

function smallIntText(value: number): string {
  smallInts ??= Array.from({ length: SMALL_INTS }, (_, i) => JSON.stringify(i));
  return smallInts[value] as string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayValidity = new Map<string, boolean>();

/** True for a real calendar day written YYYY-MM-DD (what a timeformat="date" graph accepts). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  const known = dayValidity.get(value);
  if (known !== undefined) return known;
  const valid = checkIsoDay(value);
  if (dayValidity.size < 100_000) dayValidity.set(value, valid);
  return valid;
}

function checkIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/** Whitespace other than single spaces (JS \s), or characters XML forbids: the slow path. One scan for both. */
const MESSY_TEXT = /[\u0000-\u001F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]| {2}/;

// List items as they appear inside value='[...]': JSON-escaped, then XML-escaped for single quotes.
// (Caching fragments of shared sentences was measured three times: what it keeps pushed the 100k-node bench
// graph into a full collection mid-export, which cost more than the cache saved. Last time, a per-export
// sentence -> fragment Map saved ~360 ms of warm generation, but its ~15 MB on top of the ~17 MB the bench's
// sentences gain when first flattened crossed V8's old-generation limit: bench CPU 3.0-3.7 s -> 5.4-7.8 s.)

/** Anything JSON or XML would escape, or XML forbids. */
const LIST_ITEM_NEEDS_WORK = /["\\\u0000-\u001F&<>'\uD800-\uDFFF\uFFFE\uFFFF]/;

function hasVisibleText(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) > 0x20 || text.trim() !== '');
}

/** The escaped body of a JSON string for `text`, or '' when nothing printable is left. */
function fragmentOf(text: string): string {
  if (!LIST_ITEM_NEEDS_WORK.test(text)) return hasVisibleText(text) ? text : '';
  // Without controls or surrogates JSON escapes only \ and ", and nothing is illegal in XML.
  if (!hasControlOrSurrogate(text)) return text.trim() ? escapeMarkup(escapeJsonQuotes(text), false) : '';
  const clean = stripIllegalXmlChars(text);
  return clean.trim() ? escapeXmlForSingleQuotes(JSON.stringify(clean).slice(1, -1)) : '';
}

/** JSON.stringify(text).slice(1, -1) for text holding no control character or surrogate. */
function escapeJsonQuotes(text: string): string {
  let out = text;
  // Backslashes first: the ones added before quotes must stay single.
  if (out.includes('\\')) out = out.replaceAll('\\', '\\\\');
  if (out.includes('"')) out = out.replaceAll('"', '\\"');
  return out;
}

/** A sentence with whitespace collapsed, forbidden characters dropped, cut to MAX_EVIDENCE_CHARS; escaped. */
function sentenceFragment(raw: string): string {
  // Bound the work on long texts before any regex runs; collapsing only ever shortens.
  let text = raw.length > MAX_EVIDENCE_CHARS * 4 ? raw.slice(0, MAX_EVIDENCE_CHARS * 4) : raw;
  // Plain text, the usual case: no whitespace but single spaces, nothing XML forbids, no surrogates.
  const plain = !MESSY_TEXT.test(text);
  if (!plain) text = stripIllegalXmlChars(text.replace(/\s+/g, ' '));
  text = text.trim();
  if (text.length > MAX_EVIDENCE_CHARS) {
    // Cut on a code point boundary: never leave half of a surrogate pair behind.
    let cut = MAX_EVIDENCE_CHARS - 1;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    text = `${text.slice(0, cut).trimEnd()}…`;
  }
  // Trimmed plain text is visible unless empty and needs only the JSON and markup escapes (see fragmentOf).
  if (plain) return text === '' ? '' : escapeMarkup(escapeJsonQuotes(text), false);
  return fragmentOf(text);
}

function plainFragment(item: unknown): string {
  if (typeof item === 'string') return fragmentOf(item);
  if (typeof item === 'number') return Number.isFinite(item) ? finiteNumberText(item) : '';
  if (typeof item === 'boolean') return String(item);
  if (item === null || item === undefined) return '';
  return fragmentOf(JSON.stringify(item) ?? '');
}

/** "docId#sentence: text" (see sentenceFragment), or a plain item for strings. */
function evidenceFragment(item: unknown): string {
  if (!item || typeof item !== 'object') return plainFragment(item);
  const evidence = item as Partial<Evidence>;
  const text = sentenceFragment(typeof evidence.text === 'string' ? evidence.text : String(evidence.text ?? ''));
  const doc = evidence.doc === undefined ? '?' : plainFragment(evidence.doc) || '?';
  const sentence = typeof evidence.sentence === 'number' ? String(evidence.sentence) : plainFragment(evidence.sentence) || '?';
  return text ? `${doc}#${sentence}: ${text}` : `${doc}#${sentence}`;
}

/** A liststring value, ready for value='...': ["a","b"] with every item quoted and escaped. */
function encodeList(value: unknown, isEvidence: boolean): string | undefined {
  const source: unknown[] = Array.isArray(value) ? value : [value];
  let list = '';
  let count = 0;
  for (const item of source) {
    const fragment = isEvidence ? evidenceFragment(item) : plainFragment(item);
    if (!fragment) continue;
    list += count === 0 ? `"${fragment}"` : `,"${fragment}"`;
    if (++count >= MAX_EVIDENCE_ITEMS && isEvidence) break;
  }
  return count > 0 ? `[${list}]` : undefined;
}

function stringValue(value: unknown): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = Number.isFinite(value) ? finiteNumberText(value) : '';
  else if (typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value) ?? '';
  if (!needsXmlEscaping(text)) return text.trim() ? text : undefined;
  const clean = stripIllegalXmlChars(text);
  return clean.trim() ? escapeXml(clean) : undefined;
}

/**
 * The attvalue text for a column, already XML-escaped (lists for single quotes, the rest for
 * double quotes), or undefined when absent or empty (Gephi rejects empty values).
 */
function encodeValue(column: Column, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'liststring':
      return encodeList(value, column.key === 'evidence');
    case 'integer': {
      if (typeof value !== 'number') return undefined;
      const rounded = Math.round(value);
      return isInt32(rounded) ? finiteNumberText(rounded) : undefined;
    }
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? finiteNumberText(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'string':
      return stringValue(value);
  }
}

function cleanText(value: string): string | undefined {
  const text = stripIllegalXmlChars(value);
  return text.trim() ? text : undefined;
}

// ───────────────────────────── colours ─────────────────────────────

const colorCache = new Map<string, string | null>();

/** `<viz:color r g b [a]/>` from "#rgb", "#rrggbb", "#rrggbbaa", "rgb(...)" or "rgba(...)"; null when unreadable. */
function vizColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const cached = colorCache.get(color);
  if (cached !== undefined) return cached;
  const element = parseColor(color.trim().toLowerCase());
  if (colorCache.size < 10_000) colorCache.set(color, element);
  return element;
}

function parseColor(color: string): string | null {
  let channels: number[] | undefined;
  let alpha: number | undefined;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(color);
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    channels = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
    if (digits.length === 8) alpha = parseInt(digits.slice(6, 8), 16) / 255;
  } else {
    const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(color);
    if (!rgb) return null;
    channels = [rgb[1], rgb[2], rgb[3]].map((c) => Math.min(255, Math.round(Number(c))));
    if (rgb[4] !== undefined) alpha = Math.min(1, Number(rgb[4]));
  }
  if (channels.some((c) => !Number.isFinite(c))) return null;
  const [r, g, b] = channels;
  const a = alpha !== undefined && Number.isFinite(alpha) && alpha < 1 ? ` a="${Math.round(alpha * 1000) / 1000}"` : '';
  return `<viz:color r="${r}" g="${g}" b="${b}"${a}/>`;
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

// ───────────────────────────── schema discovery ─────────────────────────────

const SEEN_STRING = 1;
const SEEN_INT = 2;
const SEEN_DOUBLE = 4;
const SEEN_BOOLEAN = 8;
const SEEN_LIST = 16;
const SEEN_OBJECT = 32;

function observe(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return SEEN_STRING;
  if (typeof value === 'number') return isInt32(value) ? SEEN_INT : SEEN_DOUBLE;
  if (typeof value === 'boolean') return SEEN_BOOLEAN;
  if (Array.isArray(value)) return SEEN_LIST;
  return SEEN_OBJECT;
}

function typeFromObservations(seen: number): ColumnType {
  if (seen === SEEN_INT) return 'integer';
  if ((seen & ~(SEEN_INT | SEEN_DOUBLE)) === 0) return 'double';
  if (seen === SEEN_BOOLEAN) return 'boolean';
  if (seen === SEEN_LIST) return 'liststring';
  return 'string';
}

/** Contract columns, then any other attribute found on the graph (sorted by name; case-insensitive duplicates of a title dropped), with safe ids. */
function buildColumns(known: ReadonlyArray<readonly [string, ColumnType]>, extras: Map<string, number>): Column[] {
  const columns: Column[] = [];
  const usedIds = new Set<string>();
  const add = (key: string, type: ColumnType): void => {
    let id = /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) ? key : `attr_${columns.length}`;
    while (RESERVED_IDS.has(id.toLowerCase()) || usedIds.has(id.toLowerCase())) id = `attr_${columns.length}_${id}`;
    usedIds.add(id.toLowerCase());
    // Column ids are plain names: no escaping. JSON lists go in single quotes to keep their " as is.
    const quote = type === 'liststring' ? "'" : '"';
    columns.push({ key, id, type, open: `          <attvalue for="${id}" value=${quote}`, close: `${quote}/>\n` });
  };
  for (const [key, type] of known) add(key, type);
  // Scorers find columns by title ignoring case: an extra "Kind" or "Weight" would shadow ours.
  const titles = new Set([...known.map(([key]) => key.toLowerCase()), ...RESERVED_IDS]);
  const names = [...extras.keys()].sort();
  for (const key of names) {
    const seen = extras.get(key) ?? 0;
    if (seen === 0 || titles.has(key.toLowerCase())) continue;
    titles.add(key.toLowerCase());
    add(key, typeFromObservations(seen));
  }
  return columns;
}

interface GraphSurvey {
  nodeColumns: Column[];
  edgeColumns: Column[];
  /** Latest full day anywhere in the graph: closes open spells and dates the file. */
  lastDay: string | undefined;
  /** Whether some node or edge key is not usable as its id as it is (see xmlId, stableEdgeKey). */
  renamesNodes: boolean;
  renamesEdges: boolean;
}

/** One pass over the graph before writing: extra attribute columns and the latest date. */
function surveyGraph(graph: AbstractGraph): GraphSurvey {
  // One set per class of the attributes that are not extras: one lookup per attribute, not two.
  const knownNode = new Set([...NODE_COLUMNS.map(([key]) => key), ...NODE_NOT_COLUMNS]);
  const knownEdge = new Set([...EDGE_COLUMNS.map(([key]) => key), ...EDGE_NOT_COLUMNS]);
  const nodeExtras = new Map<string, number>();
  const edgeExtras = new Map<string, number>();
  let lastDay: string | undefined;
  const seeDay = (value: unknown): void => {
    if (isIsoDay(value) && (lastDay === undefined || value > lastDay)) lastDay = value;
  };

  let renamesNodes = false;
  let renamesEdges = false;
  graph.forEachNode((node, attributes) => {
    if (!renamesNodes && xmlId(node) !== node) renamesNodes = true;
    for (const key in attributes) {
      if (knownNode.has(key)) continue;
      const seen = observe(attributes[key]);
      if (seen) nodeExtras.set(key, (nodeExtras.get(key) ?? 0) | seen);
    }
    seeDay(attributes.start);
    seeDay(attributes.end);
    seeDay(attributes.date);
    seeDay(attributes.dateEnd);
    seeDay(attributes.firstSeen);
    seeDay(attributes.lastSeen);
  });
  graph.forEachEdge((edge, attributes) => {
    if (!renamesEdges && xmlId(stableEdgeKey(edge)) !== edge) renamesEdges = true;
    for (const key in attributes) {
      if (knownEdge.has(key)) continue;
      const seen = observe(attributes[key]);
      if (seen) edgeExtras.set(key, (edgeExtras.get(key) ?? 0) | seen);
    }
    const spells: unknown = attributes.spells;
    if (Array.isArray(spells)) {
      for (const spell of spells as Array<Record<string, unknown> | null>) {
        seeDay(spell?.start);
        seeDay(spell?.end);
      }
    }
  });
  return {
    nodeColumns: buildColumns(NODE_COLUMNS, nodeExtras),
    edgeColumns: buildColumns(EDGE_COLUMNS, edgeExtras),
    lastDay,
    renamesNodes,
    renamesEdges,
  };
}

// ───────────────────────────── time ─────────────────────────────

/** Valid, closed (open ends close on `lastDay`), sorted and merged spells: Gephi rejects overlaps. */
export function normalizeSpells(spells: unknown, lastDay: string | undefined): Array<{ start: string; end: string }> {
  if (!Array.isArray(spells)) return [];
  const closed: Array<{ start: string; end: string }> = [];
  for (const spell of spells as Array<Record<string, unknown> | null>) {
    const start = spell?.start;
    if (!isIsoDay(start)) continue;
    let end = isIsoDay(spell?.end) ? (spell.end as string) : lastDay;
    if (end === undefined || end < start) end = start;
    closed.push({ start, end });
  }
  closed.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Array<{ start: string; end: string }> = [];
  for (const spell of closed) {
    const previous = merged[merged.length - 1];
    // Ends are inclusive days, so a spell starting on the previous one's last day overlaps it.
    if (previous && spell.start <= previous.end) {
      if (spell.end > previous.end) previous.end = spell.end;
    } else {
      merged.push({ ...spell });
    }
  }
  return merged;
}

// ───────────────────────────── writer ─────────────────────────────

function attvaluesXml(columns: Column[], attributes: Attributes): string {
  let xml = '';
  for (const column of columns) {
    const value = encodeValue(column, attributes[column.key]);
    if (value !== undefined) xml += column.open + value + column.close;
  }
  return xml ? `        <attvalues>\n${xml}        </attvalues>\n` : '';
}

/** The node's label, escaped: its label attribute, else its key, else its id (trimmed, never empty). */
function nodeLabel(label: unknown, key: string, id: string): string {
  if (typeof label === 'string' && !needsXmlEscaping(label)) {
    const trimmed = label.trim();
    if (trimmed) return trimmed;
  }
  return escapeXml((typeof label === 'string' ? cleanText(label)?.trim() : undefined) || cleanText(key)?.trim() || id);
}

/** The edge's label (its relation), escaped, or undefined when it has none. */
function edgeLabel(relation: unknown): string | undefined {
  if (typeof relation !== 'string') return undefined;
  if (!needsXmlEscaping(relation)) return relation.trim() ? relation : undefined;
  const label = cleanText(relation);
  return label ? escapeXml(label) : undefined;
}

function nodeXml(id: string, key: string, attributes: Attributes, survey: GraphSurvey): string {
  let open = `      <node id="${escapeXml(id)}" label="${nodeLabel(attributes.label, key, id)}"`;
  // Undated nodes get no interval and stay visible on Gephi's timeline.
  if (isIsoDay(attributes.start)) {
    open += ` start="${attributes.start}"`;
    if (isIsoDay(attributes.end) && attributes.end >= attributes.start) open += ` end="${attributes.end}"`;
  } else if (isIsoDay(attributes.end)) {
    open += ` end="${attributes.end}"`;
  }
  let xml = `${open}>\n${attvaluesXml(survey.nodeColumns, attributes)}`;
  xml += `        <viz:size value="${finiteNumberText(positiveOr(attributes.size, 1))}"/>\n`;
  // Every node gets a position (Gephi wants all or none): a missing coordinate becomes 0.
  xml += `        <viz:position x="${finiteNumberText(finiteOr(attributes.x, 0))}" y="${finiteNumberText(finiteOr(attributes.y, 0))}"/>\n`;
  const color = vizColor(attributes.color);
  if (color) xml += `        ${color}\n`;
  return `${xml}      </node>\n`;
}

function edgeXml(id: string, source: string, target: string, attributes: Attributes, survey: GraphSurvey): string {
  let open = `      <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}"`;
  const label = edgeLabel(attributes.relation);
  if (label) open += ` label="${label}"`;
  open += ` weight="${finiteNumberText(positiveOr(attributes.weight, 1))}"`;
  let xml = `${open}>\n${attvaluesXml(survey.edgeColumns, attributes)}`;
  const spells = attributes.spells === undefined ? [] : normalizeSpells(attributes.spells, survey.lastDay);
  if (spells.length > 0) {
    xml += '        <spells>\n';
    for (const spell of spells) xml += `          <spell start="${spell.start}" end="${spell.end}"/>\n`;
    xml += '        </spells>\n';
  }
  const color = vizColor(attributes.color);
  if (color) xml += `        ${color}\n`;
  if (typeof attributes.size === 'number' && Number.isFinite(attributes.size) && attributes.size > 0) {
    xml += `        <viz:thickness value="${finiteNumberText(attributes.size)}"/>\n`;
  }
  return `${xml}      </edge>\n`;
}

function columnsXml(cls: 'node' | 'edge', columns: Column[]): string {
  let xml = `    <attributes class="${cls}" mode="static">\n`;
  for (const column of columns) {
    xml += `      <attribute id="${escapeXml(column.id)}" title="${escapeXml(column.key)}" type="${column.type}"/>\n`;
  }
  return `${xml}    </attributes>\n`;
}

/** Ids must be XML-legal, non-empty and unique: forbidden characters become "_". */
function xmlId(key: string): string {
  return key === '' ? '_' : replaceIllegalXmlChars(key, '_');
}

/**
 * The GEXF document for `graph` in order: the header with the columns, one piece per node, the
 * tag between nodes and edges, one piece per edge, the footer. Lazy, so a caller can hand pieces
 * on as they come instead of holding one giant string. Edges are all written as directed (the
 * graph's convention is event → participant).
 */
export function* gexfPieces(
  graph: AbstractGraph<NodeAttributes, EdgeAttributes> | AbstractGraph,
  options: GexfOptions = {},
): Generator<string, void, undefined> {
  const g = graph as AbstractGraph;
  const survey = surveyGraph(g);
  // The survey already saw every key: the id maps (another pass each) only when some key needs renaming.
  const nodeIds = survey.renamesNodes ? assignIds((visit) => g.forEachNode((node) => visit(node)), xmlId) : new Map<string, string>();
  const edgeIds = survey.renamesEdges ? edgeIdMap(g, xmlId) : new Map<string, string>();

  let header = '<?xml version="1.0" encoding="UTF-8"?>\n';
  header += '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n';
  header += survey.lastDay ? `  <meta lastmodifieddate="${survey.lastDay}">\n` : '  <meta>\n';
  header += `    <creator>${escapeXml(options.creator ?? 'newsgraph')}</creator>\n`;
  if (options.title) header += `    <description>${escapeXml(options.title)}</description>\n`;
  header += '  </meta>\n';
  header += '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timezone="UTC">\n';
  header += columnsXml('node', survey.nodeColumns);
  header += columnsXml('edge', survey.edgeColumns);
  header += `    <nodes count="${g.order}">\n`;
  yield header;

  // Renamed ids are rare: with none, three map lookups per edge are skipped.
  const nodeId = nodeIds.size === 0 ? (key: string): string => key : (key: string): string => nodeIds.get(key) ?? key;
  const edgeId = edgeIds.size === 0 ? (key: string): string => key : (key: string): string => edgeIds.get(key) ?? key;
  for (const { node, attributes } of g.nodeEntries()) {
    yield nodeXml(nodeId(node), node, attributes, survey);
  }
  yield `    </nodes>\n    <edges count="${g.size}">\n`;
  for (const { edge, attributes, source, target } of g.edgeEntries()) {
    yield edgeXml(edgeId(edge), nodeId(source), nodeId(target), attributes, survey);
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

const CHUNK_BYTES = 1 << 18;
/** Text gathered between encoding calls: each call has a fixed cost, records are small. */
const PENDING_CHARS = CHUNK_BYTES >> 4;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * The whole document as UTF-8 chunks of about 256 KB (a Blob's parts, in the browser): the same
 * bytes writeGexf streams. Pieces are encoded as they come because keeping them as strings costs
 * more than making them: on FA-KES (21 MB) generating the pieces took ~70 ms, keeping and joining
 * them 280-580 ms, encoding them as they come ~150 ms (as fast as writeGexf).
 */
export function gexfUtf8Chunks(
  graph: AbstractGraph<NodeAttributes, EdgeAttributes> | AbstractGraph,
  options: GexfOptions = {},
): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let buffer = new Uint8Array(CHUNK_BYTES);
  let offset = 0;
  let pending = '';
  const encodePending = (): void => {
    if (pending.length * MAX_BYTES_PER_UNIT > buffer.length - offset) {
      if (offset > 0) chunks.push(buffer.subarray(0, offset));
      buffer = new Uint8Array(Math.max(CHUNK_BYTES, pending.length * MAX_BYTES_PER_UNIT));
      offset = 0;
    }
    offset += encoder.encodeInto(pending, buffer.subarray(offset)).written;
    pending = '';
  };
  for (const piece of gexfPieces(graph, options)) {
    pending += piece;
    if (pending.length >= PENDING_CHARS) encodePending();
  }
  encodePending();
  if (offset > 0) chunks.push(buffer.subarray(0, offset));
  return chunks;
}

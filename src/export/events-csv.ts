/**
 * out/events.csv: one row per event node, in ACLED-like columns, RFC 4180 (CRLF, quoted fields).
 *
 * Participants come from the event's edges (event → participant by convention; the other end is
 * taken either way): `agent` → actor1, `target` → actor2, `location` → location. When there are
 * several, the heaviest edge wins and the other actors go to assoc_actors.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { ChunkWriter } from './chunk-writer.js';
import { stripIllegalXmlChars } from './xml.js';

export const EVENT_CSV_COLUMNS = [
  'event_id',
  'event_date',
  'date_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'assoc_actors',
  'location',
  'latitude',
  'longitude',
  'fatalities',
  'modality',
  'sources',
  'source_documents',
  'notes',
] as const;

export type EventCsvRow = Record<(typeof EVENT_CSV_COLUMNS)[number], string>;

/** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One CSV record with its CRLF line end. Control characters (other than tab/CR/LF), lone
 * surrogates and U+FFFE/U+FFFF are dropped, as in the GEXF, so every output holds the same text.
 */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((field) => csvField(stripIllegalXmlChars(field))).join(',')}\r\n`;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return '';
}

function integerText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(Math.round(value)) : '';
}

interface Participant {
  key: string;
  label: string;
  weight: number;
}

function participants(graph: AbstractGraph, event: string): Map<string, Participant[]> {
  const byRelation = new Map<string, Participant[]>();
  const seen = new Set<string>();
  graph.forEachEdge(event, (_edge, attributes, source, target) => {
    const relation = attributes.relation;
    if (relation !== 'agent' && relation !== 'target' && relation !== 'location') return;
    const other = source === event ? target : source;
    if (other === event || seen.has(`${relation}\u0000${other}`)) return;
    seen.add(`${relation}\u0000${other}`);
    const label = text(graph.getNodeAttribute(other, 'label')).trim() || other;
    const weight = typeof attributes.weight === 'number' && Number.isFinite(attributes.weight) ? attributes.weight : 1;
    const list = byRelation.get(relation) ?? [];
    list.push({ key: other, label, weight });
    byRelation.set(relation, list);
  });
  for (const list of byRelation.values()) {
    list.sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.key < b.key ? -1 : 1));
  }
  return byRelation;
}

function firstEvidence(attributes: Attributes): string {
  const evidence: unknown = attributes.evidence;
  if (!Array.isArray(evidence)) return '';
  for (const item of evidence as unknown[]) {
    const sentence = typeof item === 'string' ? item : text((item as { text?: unknown } | null)?.text);
    const clean = sentence.replace(/\s+/g, ' ').trim();
    if (clean) return clean;
  }
  return '';
}

function coordinate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The CSV row of one event node. */
export function eventRow(graph: AbstractGraph, event: string): EventCsvRow {
  const attributes = graph.getNodeAttributes(event);
  const linked = participants(graph, event);
  const agents = linked.get('agent') ?? [];
  const targets = linked.get('target') ?? [];
  const place = linked.get('location')?.[0];
  const placeAttributes = place ? graph.getNodeAttributes(place.key) : undefined;
  let lat = coordinate(attributes.lat);
  let lon = coordinate(attributes.lon);
  if ((lat === undefined || lon === undefined) && placeAttributes) {
    lat = coordinate(placeAttributes.lat);
    lon = coordinate(placeAttributes.lon);
  }
  const documents: unknown[] = Array.isArray(attributes.documents) ? attributes.documents : [];
  const assoc = [...agents.slice(1), ...targets.slice(1)].map((p) => p.label);
  return {
    event_id: event,
    event_date: text(attributes.date),
    date_precision: text(attributes.datePrecision),
    event_type: text(attributes.acledEventType) || text(attributes.type),
    sub_event_type: text(attributes.acledSubEventType),
    actor1: agents[0]?.label ?? '',
    actor2: targets[0]?.label ?? '',
    assoc_actors: [...new Set(assoc)].join('; '),
    location: place?.label ?? '',
    latitude: lat !== undefined && lon !== undefined ? String(lat) : '',
    longitude: lat !== undefined && lon !== undefined ? String(lon) : '',
    fatalities: integerText(attributes.killed),
    modality: text(attributes.modality),
    sources: String(documents.length),
    source_documents: documents.map(text).filter(Boolean).join('; '),
    notes: firstEvidence(attributes),
  };
}

/** Event nodes ordered by date (undated last), then id: the row order of events.csv. */
export function eventNodes(graph: AbstractGraph): string[] {
  const events: Array<{ key: string; date: string }> = [];
  graph.forEachNode((node, attributes) => {
    if (attributes.kind === 'event') events.push({ key: node, date: text(attributes.date) });
  });
  events.sort((a, b) => {
    if (a.date !== b.date) {
      if (!a.date) return 1;
      if (!b.date) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return events.map((event) => event.key);
}

/** Writes events.csv (header + one row per event node) to `out`; the caller ends the stream. */
export async function writeEventsCsv(graph: AbstractGraph, out: NodeJS.WritableStream): Promise<void> {
  const writer = new ChunkWriter(out);
  try {
    writer.write(csvLine(EVENT_CSV_COLUMNS));
    for (const event of eventNodes(graph)) {
      const row = eventRow(graph, event);
      writer.write(csvLine(EVENT_CSV_COLUMNS.map((column) => row[column])));
      if (writer.hasReadyChunks) await writer.flush();
    }
  } catch (error) {
    writer.detach();
    throw error;
  }
  await writer.finish();
}

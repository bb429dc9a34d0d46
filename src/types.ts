/**
 * The typed contracts between newsgraph's stages.
 *
 *   ingest → nlp → extract → resolve → graph → export → viewer
 *
 * Each stage is a folder of small modules under src/; this file holds only the shapes that cross
 * a stage boundary, so any stage can be rewritten without touching the others.
 */

// ───────────────────────────── diagnostics ─────────────────────────────

/** Where a document (or a problem) came from: a file, and inside it a record or a line. */
export interface SourceRef {
  /** Path as the user gave it (relative paths stay relative), or "-" for standard input. */
  file: string;
  /** 1-based record number inside a CSV / JSON / JSONL file. */
  record?: number;
  /** 1-based line number inside the file, when known. */
  line?: number;
}

export interface Diagnostic {
  level: 'warning' | 'error';
  source: SourceRef;
  message: string;
}

/** Stages report problems through this; the CLI prints "file:line: message" and counts them. */
export type Report = (d: Diagnostic) => void;

// ───────────────────────────── ingest ─────────────────────────────

/** Precision of a calendar date: ISO strings are YYYY-MM-DD, YYYY-MM or YYYY accordingly. */
export type DatePrecision = 'day' | 'month' | 'year';

/** One article, cleaned: page furniture removed, text normalised to NFC with "\n\n" between paragraphs. */
export interface Doc {
  /** Stable id: the file name (e.g. "000_9059b69ab8d497aa.txt"), or the record's id / "<file>#<record>". */
  id: string;
  title: string;
  /** Publication date, ISO YYYY-MM-DD (or YYYY-MM / YYYY at lower precision); absent when unknown. */
  date?: string;
  datePrecision?: DatePrecision;
  /**
   * How the date was found: "metadata", "text", "flag" (--date), or "inferred": an undated article
   * whose own news was matched to an event other articles date (see resolve/anchor.ts).
   */
  dateSource?: 'metadata' | 'text' | 'flag' | 'inferred';
  url?: string;
  /**
   * Length of the dateline that opens the text ("KYIV, March 3, 2023 (Reuters) - "): its date is
   * the page's stamp, no event's.
   */
  datelineLength?: number;
  /** The article body (title not repeated), paragraphs separated by a blank line. */
  text: string;
  source: SourceRef;
}

// ───────────────────────────── nlp ─────────────────────────────

export interface Sentence {
  /** 0-based index within the document. */
  index: number;
  /** 0-based paragraph index within the document. */
  paragraph: number;
  /** Character offsets into Doc.text (end exclusive). */
  start: number;
  end: number;
  text: string;
}

// ───────────────────────────── graph attributes (graph.json / graph.gexf) ─────────────────────────────

export type NodeKind = 'actor' | 'place' | 'event';

export type ActorType =
  | 'person'
  | 'armed group'
  | 'military'
  | 'government'
  | 'organization'
  | 'media'
  | 'country';

export type PlaceType = 'country' | 'region' | 'city' | 'town' | 'area' | 'site';

/** The event types: the keys of the registry in knowledge/event-types.ts. */
export type { EventType } from './knowledge/event-types.js';

export type Modality = 'asserted' | 'claimed' | 'denied' | 'planned';

/** A sentence a fact came from. */
export interface Evidence {
  doc: string;
  /** Index of the sentence in its document. */
  sentence: number;
  text: string;
}

/** A time interval on Gephi's timeline: ISO YYYY-MM-DD, end inclusive; an open end is omitted. */
export interface Spell {
  start: string;
  end?: string;
}

/**
 * Node attributes. Sigma reads label/x/y/size/color directly; the rest is ours.
 * Names follow ../shared/eval/README.md (kind, type, aliases, documents, date, lat, lon).
 */
export interface NodeAttributes {
  label: string;
  kind: NodeKind;
  type: string;
  /** Every surface form merged into the node, sorted, including the label. */
  aliases: string[];
  /** Ids of the documents that mention it, sorted. */
  documents: string[];
  /** Number of mentions across all documents. */
  mentions: number;
  /** First and last publication/event date seen (ISO), when any. */
  firstSeen?: string;
  lastSeen?: string;
  /** Up to a few dozen evidence sentences, in document order. */
  evidence: Evidence[];

  // layout and appearance (pipeline-computed)
  x: number;
  y: number;
  size: number;
  /** "#rrggbb" */
  color: string;
  /** PageRank-like importance in [0,1], used for sizes. */
  importance: number;
  /** Louvain community id. */
  community: number;

  // places
  lat?: number;
  lon?: number;
  /**
   * Set when the coordinates are not the place's own: 'parent' (those of the town or city it lies
   * in), 'region' (a province's centroid), 'near' (those of the place the text sets it beside:
   * "a village 10 km north of Manbij").
   */
  geoPrecision?: 'parent' | 'region' | 'near';
  /** ISO 3166-1 alpha-2 country code. */
  country?: string;
  geonameId?: number;

  // actors
  /** Canonical id of the parent actor (e.g. the Russian Defense Ministry → Russia's government). */
  parent?: string;

  // events
  /** ISO date at its precision: 2016-12-11, 2016-12 or 2016. */
  date?: string;
  datePrecision?: DatePrecision;
  /** Last day of a range ("from March 20 to March 23"), ISO YYYY-MM-DD. */
  dateEnd?: string;
  /** Timeline interval: start/end days covering date..dateEnd at its precision. */
  start?: string;
  end?: string;
  modality?: Modality;
  /** True when every report of the event recalls it as history (not the news of any article). */
  background?: boolean;
  acledEventType?: string;
  acledSubEventType?: string;
  killed?: number;
  wounded?: number;
  captured?: number;
  /** Every reported figure, verbatim ("more than 300 Daesh elements killed"). */
  figures?: string[];
}

export type Relation =
  | 'agent'
  | 'target'
  | 'location'
  | 'source'
  | 'located in'
  | 'near'
  | 'affiliation'
  | 'part of'
  | 'ally'
  | 'enemy'
  | 'controls'
  | 'mentioned with';

export interface EdgeAttributes {
  relation: Relation;
  /** Number of supporting events / sentences. */
  weight: number;
  /** For affiliation: the title or role ("press secretary"). */
  title?: string;
  evidence: Evidence[];
  /** For ally, enemy and controls: the keys of the events that support the edge. */
  events?: string[];
  /** For controls: the spells during which the actor held the place. */
  spells?: Spell[];
  color?: string;
  size?: number;
}

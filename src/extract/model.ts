import type { ActorType, DatePrecision, EventType, Modality, PlaceType, Relation } from '../types.js';

/**
 * What extraction finds in one document. Plain data (no class instances, no Maps) so it can cross
 * a worker-thread boundary and be cached on disk as JSON.
 */

/** A resolved reference to an entity: a global key shared across documents. */
export interface EntityRef {
  /** "actor:isil", "place:geonames:170017", "actor:person:rami abdel rahman"... */
  key: string;
  kind: 'actor' | 'place';
  type: ActorType | PlaceType | string;
  /** Canonical label. */
  label: string;
  lat?: number;
  lon?: number;
  country?: string;
  parent?: string;
  /** True when the entity comes from the lexicon or gazetteer (its identity is known, not guessed). */
  known?: boolean;
  /** A state force's branch from the lexicon ("air force", "army"): what it can do (aircraft strike, they hold no ground). */
  role?: string;
}

export interface EntityMention extends EntityRef {
  surface: string;
  /**
   * The surface names the entity by a figure of speech ("Moscow said" for Russia): the key of the
   * entity it names literally (the city), whose name it is, not the country's.
   */
  figurative?: string;
  sentence: number;
  start: number;
  end: number;
}

export interface RelationMention {
  from: string;
  to: string;
  relation: Relation;
  title?: string;
  sentence: number;
}

export interface EventRole {
  agents: string[];
  targets: string[];
  places: string[];
  sources: string[];
}

/**
 * What a report says about two of its actors' sides: "A, backed by B, took X" (ally), "A seized X
 * from B", "clashes between A and B" (enemy). Only what the clause states, never two names that
 * merely share an event.
 */
export interface SideBond {
  relation: 'ally' | 'enemy';
  a: string;
  b: string;
}

export interface EventMention extends EventRole {
  type: EventType;
  acledEventType: string;
  acledSubEventType: string;
  modality: Modality;
  trigger: string;
  /** The trigger names violence without its kind ("an attack"): the type is a default that reports naming the weapon override. */
  generic?: boolean;
  sentence: number;
  date?: string;
  datePrecision?: DatePrecision;
  dateEnd?: string;
  killed?: number;
  wounded?: number;
  captured?: number;
  figures: string[];
  /** History the article recalls (a subordinate clause, or dated two months or more before it), not its news. */
  background?: boolean;
  /** Alliances and hostilities the clause states between the event's actors. */
  bonds?: SideBond[];
  /**
   * For a statement: the country whose state its speakers speak for (its government, or office-
   * holders whose title names it: "British Foreign Secretary William Hague"). A state's
   * statements of one day are one statement, whichever of its voices made them.
   */
  speakerState?: string;
  /**
   * For an undated report in an undated article: the latest date the article states. Its news
   * happened after every date it mentions, which tells which known event the report can be.
   */
  after?: string;
}

export interface DocExtraction {
  doc: {
    id: string;
    title: string;
    date?: string;
    datePrecision?: DatePrecision;
    url?: string;
    file: string;
  };
  /** Sentence texts referenced by index from mentions (only the ones used as evidence). */
  sentences: Record<number, string>;
  entities: EntityMention[];
  /** The entity table of this document: key → ref (one per distinct entity). */
  refs: Record<string, EntityRef>;
  relations: RelationMention[];
  events: EventMention[];
  /** Word count, for throughput figures. */
  words: number;
}

import { distance } from 'fastest-levenshtein';
import type { DatePrecision, EventType, Evidence, Modality, Relation } from '../types.js';
import type { DocExtraction, EntityRef, EventMention } from '../extract/model.js';

/**
 * Cross-document resolution: one entity per canonical key, spelling variants of guessed names
 * merged by edit distance, and event mentions from many articles merged into one event when they
 * agree on type, place, date and sides.
 */

export interface MergedEntity {
  key: string;
  ref: EntityRef;
  aliases: Set<string>;
  /** How often each surface form occurs, to label GeoNames places the way the news spells them. */
  aliasCounts: Map<string, number>;
  documents: Set<string>;
  mentions: number;
  evidence: Evidence[];
  /** Publication dates of the documents mentioning it. */
  dates: string[];
}

export interface MergedRelation {
  from: string;
  to: string;
  relation: Relation;
  title?: string;
  weight: number;
  evidence: Evidence[];
}

export interface MergedEvent {
  key: string;
  type: EventType;
  acledEventType: string;
  acledSubEventType: string;
  modality: Modality;
  date?: string;
  datePrecision?: DatePrecision;
  dateEnd?: string;
  agents: Map<string, number>;
  targets: Map<string, number>;
  places: Map<string, number>;
  sources: Map<string, number>;
  documents: Set<string>;
  evidence: Evidence[];
  killed?: number;
  wounded?: number;
  captured?: number;
  figures: string[];
  mentions: number;
  /** Dates proposed by every mention, with counts, to pick the best-supported one. */
  dateVotes: Map<string, number>;
  /** Undated articles whose undated reports joined this event (anchors for their dates). */
  undatedDocs: Set<string>;
}

export interface MergedGraphData {
  entities: Map<string, MergedEntity>;
  relations: MergedRelation[];
  events: MergedEvent[];
  documents: DocExtraction['doc'][];
}

const MAX_EVIDENCE = 40;

function pushEvidence(list: Evidence[], ev: Evidence): void {
  if (list.length >= MAX_EVIDENCE) return;
  if (list.some((e) => e.doc === ev.doc && e.sentence === ev.sentence)) return;
  list.push(ev);
}

/**
 * Which of 32 classes of characters (code mod 32) a name uses. One edit changes at most two of
 * these bits, so names whose masks differ in more than 2k bits are more than k edits apart: the
 * cheap test spares nearly all edit-distance computations (438k → 23k on Reuters).
 */
function lettersOf(name: string): number {
  let mask = 0;
  for (let i = 0; i < name.length; i++) mask |= 1 << (name.charCodeAt(i) & 31);
  return mask;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Keys of guessed (not lexicon/gazetteer) entities that are spelling variants of another key. */
function variantMap(refs: Map<string, { ref: EntityRef; count: number }>): Map<string, string> {
  const out = new Map<string, string>();
  const byKindType = new Map<string, Array<{ key: string; name: string; letters: number; known: boolean; count: number }>>();
  for (const [key, { ref, count }] of refs) {
    const group = `${ref.kind}|${ref.kind === 'place' ? '' : ref.type}`;
    // Not names.normalizeName: punctuation is dropped here, not turned into a space, so that a
    // glued article compares closely with a hyphenated one ("Maaret Alnouman" ~ "Maaret al-Numan");
    // with normalizeName FA-KES lost such merges (and gained others): 27 nodes changed.
    const name = ref.label.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N} ]/gu, '');
    if (!byKindType.has(group)) byKindType.set(group, []);
    byKindType.get(group)!.push({ key, name, letters: lettersOf(name), known: !!ref.known, count });
  }
  for (const list of byKindType.values()) {
    // Known entities first, then the most frequent, so variants fold into the best-attested form.
    list.sort((a, b) => Number(b.known) - Number(a.known) || b.count - a.count || a.key.localeCompare(b.key));
    // Candidates share a first letter and differ in length by two at most: the names seen so far
    // are indexed by both (not all pairs), and the earliest match in that order wins.
    const seen = new Map<string, Map<number, Array<{ key: string; name: string; letters: number; rank: number }>>>();
    for (let rank = 0; rank < list.length; rank++) {
      const a = list[rank]!;
      const initial = a.name[0] ?? '';
      let byLength = seen.get(initial);
      if (!byLength) seen.set(initial, (byLength = new Map()));
      const limit = a.name.length >= 12 ? 2 : a.name.length >= 6 ? 1 : 0;
      if (!a.known && limit > 0 && !out.has(a.key)) {
        let match: { key: string; rank: number } | undefined;
        for (let length = a.name.length - 2; length <= a.name.length + 2; length++) {
          for (const b of byLength.get(length) ?? []) {
            if (match && b.rank > match.rank) break;
            if (bitCount(a.letters ^ b.letters) <= 2 * limit && !out.has(b.key) && distance(a.name, b.name) <= limit) {
              match = b;
              break;
            }
          }
        }
        if (match) out.set(a.key, match.key);
      }
      const sameLength = byLength.get(a.name.length);
      if (sameLength) sameLength.push({ key: a.key, name: a.name, letters: a.letters, rank });
      else byLength.set(a.name.length, [{ key: a.key, name: a.name, letters: a.letters, rank }]);
    }
  }
  return out;
}

export function mergeExtractions(extractions: DocExtraction[]): MergedGraphData {
  // Documents in id order so the result does not depend on input order.
  const docs = [...extractions].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));

  const refCounts = new Map<string, { ref: EntityRef; count: number }>();
  for (const x of docs) {
    for (const m of x.entities) {
      const r = refCounts.get(m.key);
      if (r) r.count++;
      else refCounts.set(m.key, { ref: x.refs[m.key] ?? m, count: 1 });
    }
  }
  const variants = variantMap(refCounts);
  const canon = (key: string): string => variants.get(key) ?? key;

  const entities = new Map<string, MergedEntity>();
  const ensureEntity = (key: string, ref: EntityRef): MergedEntity => {
    let e = entities.get(key);
    if (!e) {
      const base = refCounts.get(key)?.ref ?? ref;
      e = { key, ref: { ...base, key }, aliases: new Set(), aliasCounts: new Map(), documents: new Set(), mentions: 0, evidence: [], dates: [] };
      entities.set(key, e);
    }
    return e;
  };
  for (const x of docs) {
    for (const m of x.entities) {
      const key = canon(m.key);
      const e = ensureEntity(key, m);
      e.aliases.add(m.surface);
      e.aliasCounts.set(m.surface, (e.aliasCounts.get(m.surface) ?? 0) + 1);
      e.mentions++;
      if (!e.documents.has(x.doc.id)) {
        e.documents.add(x.doc.id);
        if (x.doc.date) e.dates.push(x.doc.date);
      }
      pushEvidence(e.evidence, { doc: x.doc.id, sentence: m.sentence, text: x.sentences[m.sentence] ?? '' });
    }
    // Entities referenced only by relations or events (e.g. a parent place) still need a node.
    for (const [key, ref] of Object.entries(x.refs)) {
      const e = ensureEntity(canon(key), ref);
      e.aliases.add(ref.label);
    }
  }

  const relations = new Map<string, MergedRelation>();
  for (const x of docs) {
    for (const r of x.relations) {
      const from = canon(r.from);
      const to = canon(r.to);
      if (from === to) continue;
      const id = `${r.relation}|${from}|${to}`;
      let rel = relations.get(id);
      if (!rel) {
        rel = { from, to, relation: r.relation, weight: 0, evidence: [] };
        if (r.title) rel.title = r.title;
        relations.set(id, rel);
      }
      rel.weight++;
      if (!rel.title && r.title) rel.title = r.title;
      pushEvidence(rel.evidence, { doc: x.doc.id, sentence: r.sentence, text: x.sentences[r.sentence] ?? '' });
    }
  }

  const events = mergeEvents(docs, canon);
  return {
    entities,
    relations: liftToMentioned(entities, [...relations.values()]),
    events,
    documents: docs.map((x) => x.doc),
  };
}

const HIERARCHY: ReadonlySet<Relation> = new Set<Relation>(['located in', 'part of', 'affiliation']);

/**
 * Entities no article mentions (a region or a parent body known only from the gazetteer or
 * lexicon) are not nodes: a hierarchical edge to one is lifted to its nearest mentioned ancestor
 * (Palmyra → [Homs Governorate, unmentioned] → Syria), and the entity is dropped.
 */
function liftToMentioned(entities: Map<string, MergedEntity>, relations: MergedRelation[]): MergedRelation[] {
  const mentioned = (k: string) => (entities.get(k)?.mentions ?? 0) > 0;
  const parents = new Map<string, string[]>();
  for (const r of relations) {
    if (r.relation === 'located in' || r.relation === 'part of') {
      const list = parents.get(r.from) ?? [];
      if (!list.includes(r.to)) list.push(r.to);
      parents.set(r.from, list);
    }
  }
  const nearest = (key: string, seen = new Set<string>()): string[] => {
    if (mentioned(key)) return [key];
    if (seen.has(key)) return [];
    seen.add(key);
    return (parents.get(key) ?? []).flatMap((p) => nearest(p, seen));
  };
  const out = new Map<string, MergedRelation>();
  for (const r of relations) {
    if (!mentioned(r.from)) continue;
    const targets = HIERARCHY.has(r.relation) ? nearest(r.to) : mentioned(r.to) ? [r.to] : [];
    for (const to of targets) {
      if (to === r.from) continue;
      const id = `${r.relation}|${r.from}|${to}`;
      const existing = out.get(id);
      if (existing) {
        existing.weight += r.weight;
        for (const ev of r.evidence) pushEvidence(existing.evidence, ev);
      } else out.set(id, { ...r, to, evidence: [...r.evidence] });
    }
  }
  for (const [k, e] of entities) if (e.mentions === 0) entities.delete(k);
  return [...out.values()];
}

// ───────────────────────────── events ─────────────────────────────

const TYPE_FAMILY: Record<EventType, string> = {
  battle: 'fight',
  capture: 'capture',
  withdrawal: 'withdrawal',
  airstrike: 'airstrike',
  shelling: 'shelling',
  explosion: 'explosion',
  killing: 'killing',
  destruction: 'destruction',
  deployment: 'deployment',
  agreement: 'agreement',
  statement: 'statement',
  aid: 'aid',
  displacement: 'displacement',
  arrest: 'arrest',
};

interface DatedMention {
  m: EventMention;
  doc: string;
  docDate?: string;
  evidence: Evidence;
  places: string[];
  agents: string[];
  targets: string[];
  sources: string[];
}

/** Two dates agree when one contains the other (2016-12 ⊃ 2016-12-11) or days lie within a day. */
export function datesCompatible(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  if (a.length === 10 && b.length === 10) {
    // Reports of one operation give days a little apart ("entered on Wednesday", "took it on Sunday").
    const d = Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
    return d <= 4 * 86_400_000;
  }
  return false;
}

/** A date agrees with a cluster when it agrees with any day the cluster's reports give. */
function spanCompatible(c: MergedEvent, date?: string): boolean {
  if (!date || c.dateVotes.size === 0) return datesCompatible(c.date, date);
  // Months and years must contain each other; days must fall within four days of the span of
  // days already reported, ends of ranges included ("from March 20 to March 23").
  for (const d of c.dateVotes.keys()) if ((d.length < 10 || date.length < 10) && !datesCompatible(d, date)) return false;
  const days = [...c.dateVotes.keys(), ...(c.dateEnd ? [c.dateEnd] : [])].filter((d) => d.length === 10).sort();
  if (date.length === 10 && days.length) {
    const t = Date.parse(`${date}T00:00:00Z`);
    return t >= Date.parse(`${days[0]}T00:00:00Z`) - 4 * 86_400_000 && t <= Date.parse(`${days[days.length - 1]}T00:00:00Z`) + 4 * 86_400_000;
  }
  return true;
}

/** Whether an event dated `event` can be the news of a report published on `published`. */
function recentBefore(event: string, published: string): boolean {
  const e = Date.parse(`${event.length === 4 ? `${event}-12-31` : event.length === 7 ? `${event}-28` : event}T00:00:00Z`);
  const p = Date.parse(`${published.length === 7 ? `${published}-28` : published.length === 4 ? `${published}-12-31` : published}T00:00:00Z`);
  return e <= p + 86_400_000 && p - e <= 45 * 86_400_000;
}

function sidesCompatible(type: EventType, a: { agents: Iterable<string>; targets: Iterable<string> }, b: DatedMention): boolean {
  const aAgents = new Set(a.agents);
  const aTargets = new Set(a.targets);
  if (b.agents.some((x) => aTargets.has(x))) return false;
  if (b.targets.some((x) => aAgents.has(x))) return false;
  // A place changes hands to one side: captures and withdrawals by different actors differ.
  if ((type === 'capture' || type === 'withdrawal') && aAgents.size && b.agents.length && !b.agents.some((x) => aAgents.has(x))) return false;
  return true;
}

/** Claims and assertions of one event are one event; plans and denials are not the event. */
function modalityCompatible(a: Modality, b: Modality): boolean {
  const factual = (m: Modality) => m === 'asserted' || m === 'claimed';
  return a === b || (factual(a) && factual(b));
}

function precisionRank(p?: DatePrecision): number {
  return p === 'day' ? 3 : p === 'month' ? 2 : p === 'year' ? 1 : 0;
}

function bump(map: Map<string, number>, keys: Iterable<string>): void {
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
}

function mergeEvents(docs: DocExtraction[], canon: (k: string) => string): MergedEvent[] {
  const all: DatedMention[] = [];
  for (const x of docs) {
    for (const m of x.events) {
      all.push({
        m,
        doc: x.doc.id,
        ...(x.doc.date ? { docDate: x.doc.date } : {}),
        evidence: { doc: x.doc.id, sentence: m.sentence, text: x.sentences[m.sentence] ?? '' },
        places: m.places.map(canon),
        agents: m.agents.map(canon),
        targets: m.targets.map(canon),
        sources: m.sources.map(canon),
      });
    }
  }
  // Most precise first, so clusters form around day-dated reports and vaguer ones join them.
  all.sort(
    (a, b) =>
      precisionRank(b.m.datePrecision) - precisionRank(a.m.datePrecision) ||
      (a.m.date ?? '').localeCompare(b.m.date ?? '') ||
      a.doc.localeCompare(b.doc) ||
      a.m.sentence - b.m.sentence,
  );

  // Events at a site inside a town (the castle of Palmyra) are reported as events at the town
  // too: they share the town's bucket, so the two reports can meet.
  const parentOf = new Map<string, string>();
  const typeOf = new Map<string, string>();
  for (const x of docs) {
    for (const [k, r] of Object.entries(x.refs)) typeOf.set(canon(k), String(r.type));
    for (const r of x.relations) if (r.relation === 'located in' && !parentOf.has(canon(r.from))) parentOf.set(canon(r.from), canon(r.to));
  }
  const townOf = (place: string): string => {
    let p: string | undefined = place;
    for (let hops = 0; p && hops < 3; hops++) {
      const t = typeOf.get(p);
      if (t === 'city' || t === 'town') return p;
      if (t !== 'site' && t !== 'area') break;
      p = parentOf.get(p);
    }
    return place;
  };

  const clusters: MergedEvent[] = [];
  const byFamilyPlace = new Map<string, MergedEvent[]>();
  for (const d of all) {
    const family = TYPE_FAMILY[d.m.type] ?? d.m.type;
    const place = d.places[0] ? townOf(d.places[0]) : '';
    const bucketKey = `${family}|${place}`;
    const bucket = byFamilyPlace.get(bucketKey) ?? [];
    let target: MergedEvent | undefined;
    if (place) {
      const compatible = bucket.filter(
        (c) =>
          spanCompatible(c, d.m.date) &&
          sidesCompatible(d.m.type, { agents: c.agents.keys(), targets: c.targets.keys() }, d) &&
          modalityCompatible(c.modality, d.m.modality),
      );
      // An undated report joins an event only when it is unambiguous which one it reports: the
      // one dated event of its kind there, not long before the report was published, or an
      // undated report of the same article.
      if (d.m.date) target = compatible[0];
      else {
        // From an undated article, an event its own article dates, or the one event after every
        // date the article states (its news is later than its background).
        const after = d.m.after;
        const laterThan = (date: string) => !!after && date > after && !date.startsWith(after) && !after.startsWith(date);
        const dated = compatible.filter((c) => c.date && (d.docDate ? recentBefore(c.date, d.docDate) : after ? laterThan(c.date) : c.documents.has(d.doc)));
        const sameDocUndated = compatible.filter((c) => !c.date && c.documents.has(d.doc));
        if (dated.length === 1) target = dated[0];
        else if (dated.length === 0 && sameDocUndated.length === 1) target = sameDocUndated[0];
      }
    }
    if (!target) {
      target = {
        key: '',
        type: d.m.type,
        acledEventType: d.m.acledEventType,
        acledSubEventType: d.m.acledSubEventType,
        modality: d.m.modality,
        agents: new Map(),
        targets: new Map(),
        places: new Map(),
        sources: new Map(),
        documents: new Set(),
        evidence: [],
        figures: [],
        mentions: 0,
        dateVotes: new Map(),
        undatedDocs: new Set(),
      };
      if (d.m.date) {
        target.date = d.m.date;
        if (d.m.datePrecision) target.datePrecision = d.m.datePrecision;
        if (d.m.dateEnd) target.dateEnd = d.m.dateEnd;
      }
      clusters.push(target);
      bucket.push(target);
      byFamilyPlace.set(bucketKey, bucket);
    }
    target.mentions++;
    if (!d.m.date && !d.docDate && target.date) target.undatedDocs.add(d.doc);
    if (d.m.modality === 'asserted') target.modality = 'asserted';
    if (d.m.date) target.dateVotes.set(d.m.date, (target.dateVotes.get(d.m.date) ?? 0) + 1);
    if (!target.date && d.m.date) {
      target.date = d.m.date;
      if (d.m.datePrecision) target.datePrecision = d.m.datePrecision;
    }
    if (d.m.dateEnd && (!target.dateEnd || d.m.dateEnd > target.dateEnd)) target.dateEnd = d.m.dateEnd;
    bump(target.agents, d.agents);
    bump(target.targets, d.targets);
    bump(target.places, d.places);
    bump(target.sources, d.sources);
    target.documents.add(d.doc);
    pushEvidence(target.evidence, d.evidence);
    for (const f of d.m.figures) if (!target.figures.includes(f)) target.figures.push(f);
    // Conservative casualty reading: the largest figure reported by any single source.
    for (const k of ['killed', 'wounded', 'captured'] as const) {
      const v = d.m[k];
      if (v !== undefined && (target[k] === undefined || v > target[k]!)) target[k] = v;
    }
    // A capture's ACLED sub-type may only be known once an agent is.
    if (d.m.acledSubEventType && target.acledSubEventType !== d.m.acledSubEventType && d.agents.length > 0)
      target.acledSubEventType ||= d.m.acledSubEventType;
  }
  // Deterministic keys: type, date, first place, then a counter for clashes.
  const seen = new Map<string, number>();
  for (const c of clusters) {
    c.evidence.sort((a, b) => a.doc.localeCompare(b.doc) || a.sentence - b.sentence);
    const place = [...c.places.keys()][0]?.replace(/^place:/, '') ?? 'unplaced';
    const base = `event:${c.type}:${c.date ?? 'undated'}:${place}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    c.key = n === 1 ? base : `${base}#${n}`;
  }
  clusters.sort((a, b) => a.key.localeCompare(b.key));
  return clusters;
}

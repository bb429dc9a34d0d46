import { distance } from 'fastest-levenshtein';
import type { DatePrecision, EventType, Evidence, Modality, Relation } from '../types.js';
import type { DocExtraction, EntityRef, EventMention, RelationMention, SideBond } from '../extract/model.js';
import { shortFormMap } from './short-forms.js';
import { skeletonVariants } from './place-variants.js';
import { personVariants } from './person-variants.js';
import { eventTypeInfo } from '../knowledge/event-types.js';

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
  /**
   * Alliances and hostilities its reports state ("A, backed by B, ..."), keyed
   * "relation|a|b" with a < b, each with the sentences that state it.
   */
  bonds: Map<string, SideBond & { evidence: Evidence[] }>;
  /** Every report of it is background: no article reports it as its news. */
  background: boolean;
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
    // Places also fold by their consonants ("Ain Tarma" = "Ein Tarma"): see place-variants.ts.
    // Their labels as written: the article must stay apart to be dropped ("al-Habbari" = "Habari").
    if (list[0] && refs.get(list[0].key)?.ref.kind === 'place') {
      const places = list.map((p) => ({ key: p.key, name: refs.get(p.key)!.ref.label, known: p.known }));
      for (const [from, to] of skeletonVariants(places, out)) out.set(from, to);
    }
    // People also fold word by word ("Ahmed al-Jarba" = "Ahmad Jarba"): see person-variants.ts.
    const firstRef = list[0] ? refs.get(list[0].key)?.ref : undefined;
    if (firstRef?.kind === 'actor' && firstRef.type === 'person') {
      const people = list.map((p) => ({ key: p.key, name: refs.get(p.key)!.ref.label, known: p.known }));
      for (const [from, to] of personVariants(people, out)) out.set(from, to);
    }
  }
  return out;
}

/**
 * Cross-document merging as the extractions arrive, in any order: each one is folded into
 * per-key tallies and then dropped, so a build holds what the graph needs, not every article's
 * extraction. The result is defined by reading the documents in id order (and each document's
 * mentions in order); every tally keeps the position, document id then index, of what it
 * holds, so the order of arrival never shows.
 */
export class Merger {
  private readonly index = new KeyIndex();
  private readonly entities = new Map<string, EntityTally>();
  private readonly relations = new Map<string, RelationTally>();
  private readonly documents: Array<DocExtraction['doc']> = [];

  /** Documents added so far. */
  get documentCount(): number {
    return this.documents.length;
  }

  add(x: DocExtraction): void {
    const doc = x.doc.id;
    this.documents.push(x.doc);
    const index = this.index;
    const count = x.entities.length;
    for (let i = 0; i < count; i++) {
      const m = x.entities[i]!;
      const e = this.entity(m.key, doc, i);
      index.noteMention(e.index, x, i);
      // "Damascus" said for the Syrian government is no name of Syria: it stays the city's, which
      // the document names too (a node of the document; events count the country only).
      const literal = m.figurative !== undefined ? x.refs[m.figurative] : undefined;
      const named = literal ? this.entity(literal.key, doc, i) : e;
      if (literal) index.noteLiteral(named.index, literal, doc, i);
      noteFirst(named.aliases, m.surface, doc, i);
      countSurface(named.spoken, m.surface, 1, doc, i);
      if (!named.documents.has(doc)) named.documents.set(doc, x.doc.date);
      if (!e.documents.has(doc)) e.documents.set(doc, x.doc.date);
      e.evidence.add(doc, i, m.sentence, x.sentences);
    }
    // Entities referenced only by relations or events (e.g. a parent place) still need a node.
    let j = count;
    for (const key in x.refs) {
      const ref = x.refs[key]!;
      const e = this.entity(key, doc, j);
      index.noteTableEntry(e.index, ref, doc, j);
      if (!e.tableRef || earlier(doc, j, e.tableDoc, e.tableAt)) {
        e.tableRef = ref;
        e.tableDoc = doc;
        e.tableAt = j;
      }
      noteFirst(e.aliases, ref.label, doc, j);
      j++;
    }
    for (let t = 0; t < x.relations.length; t++) {
      const r = x.relations[t]!;
      const id = `${r.relation}|${r.from}|${r.to}`;
      let rel = this.relations.get(id);
      if (!rel) {
        rel = { relation: r.relation, from: r.from, to: r.to, doc, at: t, weight: 0, title: undefined, titleDoc: '', titleAt: 0, evidence: new EvidenceTally() };
        this.relations.set(id, rel);
      } else if (earlier(doc, t, rel.doc, rel.at)) moveTo(rel, doc, t);
      rel.weight++;
      if (r.title && (rel.title === undefined || earlier(doc, t, rel.titleDoc, rel.titleAt))) {
        rel.title = r.title;
        rel.titleDoc = doc;
        rel.titleAt = t;
      }
      rel.evidence.add(doc, t, r.sentence, x.sentences);
      index.noteRelation(r, doc, t);
    }
    index.noteEvents(x);
  }

  /** The events as if `extra` had been added too, the merger unchanged (to date undated articles). */
  eventsWith(extra: DocExtraction[]): MergedEvent[] {
    const index = this.index.copy();
    for (const x of extra) index.add(x);
    return index.events(index.canon());
  }

  result(): MergedGraphData {
    const canon = this.index.canon();
    const entities = this.mergedEntities(canon);
    return {
      entities,
      relations: liftToMentioned(entities, this.mergedRelations(canon)),
      events: this.index.events(canon),
      documents: [...this.documents].sort((a, b) => compareIds(a.id, b.id)),
    };
  }

  private entity(key: string, doc: string, at: number): EntityTally {
    let e = this.entities.get(key);
    if (!e) {
      e = { doc, at, index: this.index.entry(key), tableRef: undefined, tableDoc: '', tableAt: 0, aliases: new Map(), spoken: new Map(), documents: new Map(), evidence: new EvidenceTally() };
      this.entities.set(key, e);
    } else if (earlier(doc, at, e.doc, e.at)) moveTo(e, doc, at);
    return e;
  }

  /** One entity per canonical key, in the order the keys are first met. */
  private mergedEntities(canon: (key: string) => string): Map<string, MergedEntity> {
    const groups = groupBy(this.entities, canon);
    const merged = new Map<string, MergedEntity>();
    for (const [key, tallies] of sortedGroups(groups)) {
      // The label of the first mention of the key itself, else of the first table entry.
      const base = this.index.firstMentionRef(key) ?? this.entities.get(key)!.tableRef!;
      const documents = new Map<string, string | undefined>();
      for (const t of tallies) for (const [doc, date] of t.documents) documents.set(doc, date);
      const docIds = [...documents.keys()].sort(compareIds);
      const dates: string[] = [];
      for (const id of docIds) {
        const date = documents.get(id);
        if (date) dates.push(date);
      }
      const aliases = new Map<string, Position>();
      const spoken = new Map<string, SurfaceCount>();
      let mentions = 0;
      for (const t of tallies) {
        for (const [alias, p] of t.aliases) noteFirst(aliases, alias, p.doc, p.at);
        for (const [surface, s] of t.spoken) countSurface(spoken, surface, s.count, s.doc, s.at);
        mentions += t.index.mentions;
      }
      merged.set(key, {
        key,
        ref: { ...base, key },
        aliases: new Set(inOrder(aliases)),
        aliasCounts: new Map(inOrder(spoken).map((surface) => [surface, spoken.get(surface)!.count])),
        documents: new Set(docIds),
        mentions,
        evidence: firstEvidence(tallies.flatMap((t) => t.evidence.ranked)),
        dates,
      });
    }
    return merged;
  }

  /** Relations between canonical keys (a relation of a key with itself dropped), in the order first met. */
  private mergedRelations(canon: (key: string) => string): MergedRelation[] {
    const groups = new Map<string, RelationTally[]>();
    for (const r of this.relations.values()) {
      const from = canon(r.from);
      const to = canon(r.to);
      if (from === to) continue;
      const id = `${r.relation}|${from}|${to}`;
      const group = groups.get(id);
      if (group) group.push(r);
      else groups.set(id, [r]);
    }
    const out: Array<{ doc: string; at: number; relation: MergedRelation }> = [];
    for (const tallies of groups.values()) {
      const first = earliest(tallies);
      const titled = tallies.filter((t) => t.title !== undefined);
      const title = titled.length ? titled.reduce((a, b) => (earlier(b.titleDoc, b.titleAt, a.titleDoc, a.titleAt) ? b : a)).title : undefined;
      const relation: MergedRelation = {
        from: canon(first.from),
        to: canon(first.to),
        relation: first.relation,
        weight: tallies.reduce((n, t) => n + t.weight, 0),
        evidence: firstEvidence(tallies.flatMap((t) => t.evidence.ranked)),
      };
      if (title) relation.title = title;
      out.push({ doc: first.doc, at: first.at, relation });
    }
    return out.sort(byPosition).map((o) => o.relation);
  }
}

export function mergeExtractions(extractions: DocExtraction[]): MergedGraphData {
  const merger = new Merger();
  for (const x of extractions) merger.add(x);
  return merger.result();
}

/** Where a contribution sits: its document's id, then its index within the document. */
interface Position {
  doc: string;
  at: number;
}

/** Ids in code-unit order, the order the merge is defined in. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function earlier(doc: string, at: number, thanDoc: string, thanAt: number): boolean {
  return doc < thanDoc || (doc === thanDoc && at < thanAt);
}

function moveTo(p: Position, doc: string, at: number): void {
  p.doc = doc;
  p.at = at;
}

function byPosition(a: Position, b: Position): number {
  return compareIds(a.doc, b.doc) || a.at - b.at;
}

function noteFirst(map: Map<string, Position>, key: string, doc: string, at: number): void {
  const p = map.get(key);
  if (!p) map.set(key, { doc, at });
  else if (earlier(doc, at, p.doc, p.at)) moveTo(p, doc, at);
}

/** How often a surface form is written, and where first. */
interface SurfaceCount extends Position {
  count: number;
}

function countSurface(map: Map<string, SurfaceCount>, surface: string, count: number, doc: string, at: number): void {
  const s = map.get(surface);
  if (!s) map.set(surface, { count, doc, at });
  else {
    s.count += count;
    if (earlier(doc, at, s.doc, s.at)) moveTo(s, doc, at);
  }
}

/** The member of a list met first. */
function earliest<T extends Position>(list: readonly T[]): T {
  return list.reduce((a, b) => (earlier(b.doc, b.at, a.doc, a.at) ? b : a));
}

/** Keys of a map in the order of their positions. */
function inOrder(map: Map<string, Position>): string[] {
  return [...map].sort((a, b) => byPosition(a[1], b[1])).map(([k]) => k);
}

interface RankedEvidence extends Position {
  evidence: Evidence;
}

/** The first MAX_EVIDENCE distinct sentences in reading order (what pushEvidence keeps). */
function firstEvidence(list: RankedEvidence[]): Evidence[] {
  return firstDistinct(list).map((r) => r.evidence);
}

/** The first MAX_EVIDENCE distinct sentences in reading order, from evidence met in any order. */
class EvidenceTally {
  private list: RankedEvidence[] = [];
  /**
   * Once MAX_EVIDENCE distinct sentences are held, the position of the last of them: nothing
   * after it can be among the first (documents mostly arrive in id order, so most are turned
   * away here, before anything is allocated).
   */
  private cutoff: Position | undefined;

  add(doc: string, at: number, sentence: number, sentences: Record<number, string>): void {
    if (this.cutoff && !earlier(doc, at, this.cutoff.doc, this.cutoff.at)) return;
    this.list.push({ doc, at, evidence: { doc, sentence, text: sentences[sentence] ?? '' } });
    if (this.list.length < 2 * MAX_EVIDENCE) return;
    this.list = firstDistinct(this.list);
    if (this.list.length >= MAX_EVIDENCE) this.cutoff = this.list[this.list.length - 1];
  }

  get ranked(): readonly RankedEvidence[] {
    return this.list;
  }
}

function firstDistinct(list: RankedEvidence[]): RankedEvidence[] {
  const out: RankedEvidence[] = [];
  const seen = new Set<string>();
  for (const r of list.sort(byPosition)) {
    if (out.length >= MAX_EVIDENCE) break;
    const id = `${r.evidence.doc}\u0000${r.evidence.sentence}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(r);
  }
  return out;
}

interface EntityTally extends Position {
  /** What the key index holds for the same key (its mention count among it), looked up once with the tally. */
  index: KeyEntry;
  /** The first entry for the key in a document's entity table, with its position. */
  tableRef: EntityRef | undefined;
  tableDoc: string;
  tableAt: number;
  aliases: Map<string, Position>;
  /** Surface forms of the mentions: how often, and where first. */
  spoken: Map<string, SurfaceCount>;
  /** Documents mentioning it, with their publication dates. */
  documents: Map<string, string | undefined>;
  evidence: EvidenceTally;
}

interface RelationTally extends Position {
  relation: Relation;
  from: string;
  to: string;
  weight: number;
  title: string | undefined;
  titleDoc: string;
  titleAt: number;
  evidence: EvidenceTally;
}

function groupBy<T>(tallies: Map<string, T>, canon: (key: string) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, t] of tallies) {
    const c = canon(key);
    const group = groups.get(c);
    if (group) group.push(t);
    else groups.set(c, [t]);
  }
  return groups;
}

/** Groups in the order their first member was met. */
function sortedGroups<T extends Position>(groups: Map<string, T[]>): Array<[string, T[]]> {
  return [...groups].map(([k, list]) => ({ k, list, p: earliest(list) })).sort((a, b) => byPosition(a.p, b.p)).map((g) => [g.k, g.list]);
}

interface KeyEntry {
  mentions: number;
  /** The entity table's ref (or the mention itself) at the key's first mention. */
  mentionRef: EntityRef | undefined;
  mentionDoc: string;
  mentionAt: number;
  /** The type in the last entity table listing the key. */
  type: string | undefined;
  typeDoc: string;
  typeAt: number;
}

interface EventDoc {
  id: string;
  date: string | undefined;
  mentions: Array<{ m: EventMention; text: string }>;
}

/**
 * What canonical keys and events need, small enough to copy: per key its mention count, first
 * ref and latest type; per place its first parent; the event mentions with their sentences.
 */
class KeyIndex {
  private keys = new Map<string, KeyEntry>();
  /** "located in" parents of raw keys: the first one met. */
  private parents = new Map<string, { doc: string; at: number; to: string }>();
  /** Every "located in" parent of raw keys: a district may be put in its city by one article, in its country by another. */
  private containers = new Map<string, Set<string>>();
  /** Places the text sets beside each other ("al-Buseiri, near Palmyra"), both ways. */
  private neighbours = new Map<string, Set<string>>();
  private eventDocs: EventDoc[] = [];

  /** A whole document (the merger notes each part as it reads it, see Merger.add). */
  add(x: DocExtraction): void {
    const doc = x.doc.id;
    const count = x.entities.length;
    for (let i = 0; i < count; i++) {
      const m = x.entities[i]!;
      this.noteMention(this.entry(m.key), x, i);
      const literal = m.figurative !== undefined ? x.refs[m.figurative] : undefined;
      if (literal) this.noteLiteral(this.entry(literal.key), literal, doc, i);
    }
    let j = count;
    for (const key in x.refs) this.noteTableEntry(this.entry(key), x.refs[key]!, doc, j++);
    for (let t = 0; t < x.relations.length; t++) this.noteRelation(x.relations[t]!, doc, t);
    this.noteEvents(x);
  }

  noteMention(k: KeyEntry, x: DocExtraction, i: number): void {
    const doc = x.doc.id;
    if (k.mentions === 0 || earlier(doc, i, k.mentionDoc, k.mentionAt)) {
      const m = x.entities[i]!;
      k.mentionRef = x.refs[m.key] ?? m;
      k.mentionDoc = doc;
      k.mentionAt = i;
    }
    k.mentions++;
  }

  /** A figurative mention ("Damascus said" for Syria) names its city too: a mention of the city's name. */
  noteLiteral(k: KeyEntry, ref: EntityRef, doc: string, i: number): void {
    if (k.mentions === 0 || earlier(doc, i, k.mentionDoc, k.mentionAt)) {
      k.mentionRef = ref;
      k.mentionDoc = doc;
      k.mentionAt = i;
    }
    k.mentions++;
  }

  noteTableEntry(k: KeyEntry, ref: EntityRef, doc: string, j: number): void {
    // The last writer in reading order wins, as when the table is read document by document.
    if (k.type === undefined || earlier(k.typeDoc, k.typeAt, doc, j)) {
      k.type = String(ref.type);
      k.typeDoc = doc;
      k.typeAt = j;
    }
  }

  noteRelation(r: RelationMention, doc: string, t: number): void {
    if (r.relation === 'near') {
      for (const [a, b] of [[r.from, r.to], [r.to, r.from]] as const) {
        const set = this.neighbours.get(a);
        if (set) set.add(b);
        else this.neighbours.set(a, new Set([b]));
      }
      return;
    }
    if (r.relation !== 'located in') return;
    const p = this.parents.get(r.from);
    if (!p || earlier(doc, t, p.doc, p.at)) this.parents.set(r.from, { doc, at: t, to: r.to });
    const all = this.containers.get(r.from);
    if (all) all.add(r.to);
    else this.containers.set(r.from, new Set([r.to]));
  }

  noteEvents(x: DocExtraction): void {
    if (x.events.length) this.eventDocs.push({ id: x.doc.id, date: x.doc.date, mentions: x.events.map((m) => ({ m, text: x.sentences[m.sentence] ?? '' })) });
  }

  copy(): KeyIndex {
    const c = new KeyIndex();
    for (const [k, e] of this.keys) c.keys.set(k, { ...e });
    c.parents = new Map(this.parents);
    for (const [k, set] of this.containers) c.containers.set(k, new Set(set));
    for (const [k, set] of this.neighbours) c.neighbours.set(k, new Set(set));
    c.eventDocs = [...this.eventDocs];
    return c;
  }

  firstMentionRef(key: string): EntityRef | undefined {
    const k = this.keys.get(key);
    return k && k.mentions > 0 ? k.mentionRef : undefined;
  }

  /** Spelling variants of guessed names folded into their best-attested form, and people named by the end of their name into the one full name that ends so. */
  canon(): (key: string) => string {
    const mentioned = [...this.keys].filter(([, k]) => k.mentions > 0);
    mentioned.sort((a, b) => compareIds(a[1].mentionDoc, b[1].mentionDoc) || a[1].mentionAt - b[1].mentionAt);
    const variants = variantMap(new Map(mentioned.map(([key, k]) => [key, { ref: k.mentionRef!, count: k.mentions }])));
    const folded = new Map<string, EntityRef>();
    for (const [key, k] of mentioned) if (!variants.has(key)) folded.set(key, k.mentionRef!);
    const shortForms = shortFormMap(folded);
    return (key) => {
      const c = variants.get(key) ?? key;
      return shortForms.get(c) ?? c;
    };
  }

  events(canon: (key: string) => string): MergedEvent[] {
    const all: DatedMention[] = [];
    for (const d of [...this.eventDocs].sort((a, b) => compareIds(a.id, b.id))) {
      for (const { m, text } of d.mentions) {
        all.push({
          m,
          doc: d.id,
          ...(d.date ? { docDate: d.date } : {}),
          evidence: { doc: d.id, sentence: m.sentence, text },
          places: m.places.map(canon),
          agents: m.agents.map(canon),
          targets: m.targets.map(canon),
          sources: m.sources.map(canon),
          bonds: (m.bonds ?? []).map((b) => ({ relation: b.relation, a: canon(b.a), b: canon(b.b) })),
        });
      }
    }
    const typeOf = new Map<string, { type: string; doc: string; at: number }>();
    for (const [key, k] of this.keys) {
      if (k.type === undefined) continue;
      const c = canon(key);
      const t = typeOf.get(c);
      if (!t || earlier(t.doc, t.at, k.typeDoc, k.typeAt)) typeOf.set(c, { type: k.type, doc: k.typeDoc, at: k.typeAt });
    }
    const parentOf = new Map<string, { doc: string; at: number; to: string }>();
    for (const [from, p] of this.parents) {
      const c = canon(from);
      const q = parentOf.get(c);
      if (!q || earlier(p.doc, p.at, q.doc, q.at)) parentOf.set(c, p);
    }
    const nearOf = new Map<string, Set<string>>();
    for (const [from, set] of this.neighbours) {
      const c = canon(from);
      const list = nearOf.get(c) ?? new Set<string>();
      for (const to of set) if (canon(to) !== c) list.add(canon(to));
      nearOf.set(c, list);
    }
    const containersOf = new Map<string, Set<string>>();
    for (const [from, set] of this.containers) {
      const c = canon(from);
      const list = containersOf.get(c) ?? new Set<string>();
      for (const to of set) if (canon(to) !== c) list.add(canon(to));
      containersOf.set(c, list);
    }
    return mergeEvents(
      all,
      (key) => typeOf.get(key)?.type,
      (key) => {
        const p = parentOf.get(key);
        return p ? canon(p.to) : undefined;
      },
      (key) => [...(containersOf.get(key) ?? [])].sort(),
      (key) => [...(nearOf.get(key) ?? [])].sort(),
    );
  }

  entry(key: string): KeyEntry {
    let k = this.keys.get(key);
    if (!k) {
      k = { mentions: 0, mentionRef: undefined, mentionDoc: '', mentionAt: 0, type: undefined, typeDoc: '', typeAt: 0 };
      this.keys.set(key, k);
    }
    return k;
  }
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

/** The attack families whose toll a separate report of deaths can be, most specific first. */
const REMOTE = 'remote';
const STATEMENT = eventTypeInfo('statement').family;
const TOLL_OF = [REMOTE, 'fight'];

interface DatedMention {
  m: EventMention;
  doc: string;
  docDate?: string;
  evidence: Evidence;
  places: string[];
  agents: string[];
  targets: string[];
  sources: string[];
  /** The report's stated alliances and hostilities, keys canonical. */
  bonds: SideBond[];
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

const DAY_MS = 86_400_000;
/**
 * How far (days) a day-dated report may lie from the day of the event it joins: a strike, a blast
 * or a statement is of one day; a capture or a battle is an operation that reports date a few
 * days apart ("entered on Wednesday", "took it on Sunday").
 */
const JOIN_DAYS: Partial<Record<EventType, number>> = { capture: 3, withdrawal: 3, battle: 3, deployment: 3, displacement: 3, aid: 3 };
const joinDays = (type: EventType): number => JOIN_DAYS[type] ?? 1;

/**
 * A report joins an event only when its date agrees with the event's own date (the day of the
 * report that founded it, or its stated range), not with the last report that joined: one day
 * either side for days, containment for months and years. Reports cannot chain a week of
 * fighting in a city into one event.
 */
function foundingCompatible(c: MergedEvent, date?: string): boolean {
  const days = joinDays(c.type);
  if (!date || !c.date) return true;
  if (c.date.length === 10 && date.length === 10) {
    const t = Date.parse(`${date}T00:00:00Z`);
    const end = c.dateEnd && c.dateEnd.length === 10 ? c.dateEnd : c.date;
    return t >= Date.parse(`${c.date}T00:00:00Z`) - days * DAY_MS && t <= Date.parse(`${end}T00:00:00Z`) + days * DAY_MS;
  }
  return c.date.startsWith(date) || date.startsWith(c.date);
}

/** A date agrees with a cluster when it agrees with any day the cluster's reports give. */
export function spanCompatible(c: MergedEvent, date?: string): boolean {
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
  // An event is its actors' act: a report that names other actors (a statement by another
  // speaker, a strike by another air force, a capture by the other side) is another event.
  if (aAgents.size && b.agents.length && !b.agents.some((x) => aAgents.has(x))) return false;
  return true;
}

/** The report names the event's agent: a toll can only be of an attack by whoever it says killed. */
function sameSide(c: MergedEvent, d: DatedMention): boolean {
  return d.agents.length > 0 && d.agents.some((x) => c.agents.has(x));
}

/**
 * Claims, assertions and denials of one event are reports of one event (a denial disputes the
 * event the others report: "the government denied the reports of the attack"); a plan is not
 * the event.
 */
function modalityCompatible(a: Modality, b: Modality): boolean {
  return a === b || (a !== 'planned' && b !== 'planned');
}

/** The event's standing once a report joins: asserted over claimed over denied (a denial does not undo a report). */
function joinedModality(event: Modality, report: Modality): Modality {
  if (report === 'asserted' || (report === 'claimed' && event === 'denied')) return report;
  return event;
}

function precisionRank(p?: DatePrecision): number {
  return p === 'day' ? 3 : p === 'month' ? 2 : p === 'year' ? 1 : 0;
}

function bump(map: Map<string, number>, keys: Iterable<string>): void {
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
}

/**
 * Event mentions (in reading order, roles canonical) clustered into events. typeOf and parentOf
 * answer for canonical keys: a place's type and the place it lies in.
 */
function mergeEvents(
  all: DatedMention[],
  typeOf: (key: string) => string | undefined,
  parentOf: (key: string) => string | undefined,
  containersOf: (key: string) => string[] = (key) => [parentOf(key)].filter((p): p is string => !!p),
  nearOf: (key: string) => string[] = () => [],
): MergedEvent[] {
  // Most precise first, so clusters form around day-dated reports and vaguer ones join them.
  // Tolls last: a report of deaths joins the attack that caused them once the attacks are events.
  // Reports that name no kind of violence ("an attack") after those that do, so they can join them.
  all.sort(
    (a, b) =>
      Number(a.m.type === 'killing') - Number(b.m.type === 'killing') ||
      Number(!!a.m.generic) - Number(!!b.m.generic) ||
      precisionRank(b.m.datePrecision) - precisionRank(a.m.datePrecision) ||
      (a.m.date ?? '').localeCompare(b.m.date ?? '') ||
      a.doc.localeCompare(b.doc) ||
      a.m.sentence - b.m.sentence,
  );

  // Events at a site inside a town (the castle of Palmyra) are reported as events at the town
  // too: they share the town's bucket, so the two reports can meet.
  const townOf = (place: string): string => {
    let p: string | undefined = place;
    for (let hops = 0; p && hops < 3; hops++) {
      const t = typeOf(p);
      if (t === 'city' || t === 'town') return p;
      if (t !== 'site' && t !== 'area') break;
      p = parentOf(p);
    }
    return place;
  };

  const clusters: MergedEvent[] = [];
  // Reports of one event may name its kind differently (a rocket attack, a bombardment): each
  // type's reports are counted, tolls aside, and the event takes the most reported one.
  const typeVotes = new Map<MergedEvent, Map<EventType, { count: number; acled: string; sub: string }>>();
  const byFamilyPlace = new Map<string, MergedEvent[]>();
  for (const d of all) {
    const family = eventTypeInfo(d.m.type).family;
    // A statement is its speaker's, wherever the text puts it ("said in Paris", "in Syria"): a
    // speaker's statements are clustered together, not by place.
    // (a state's voices, its government and its office-holders, speak as one: by state, not by speaker)
    const state = family === STATEMENT ? d.m.speakerState : undefined;
    const speaker = family === STATEMENT && d.agents.length ? d.agents[0]! : '';
    const place = state ? `said for ${state}` : speaker ? `said by ${speaker}` : d.places[0] ? townOf(d.places[0]) : '';
    const bucketKey = `${family}|${place}`;
    const bucket = byFamilyPlace.get(bucketKey) ?? [];
    let target: MergedEvent | undefined;
    if (place) {
      // "An attack" can be the air strike or the shelling other reports name there that day.
      const remote = d.m.generic && family !== REMOTE ? (byFamilyPlace.get(`${REMOTE}|${place}`) ?? []) : [];
      const compatible = [...remote, ...bucket].filter(
        (c) =>
          foundingCompatible(c, d.m.date) &&
          (!!state || sidesCompatible(d.m.type, { agents: c.agents.keys(), targets: c.targets.keys() }, d)) &&
          modalityCompatible(c.modality, d.m.modality),
      );
      // Deaths reported apart from their attack ("12 people were killed in Aleppo on Friday") are
      // the toll of the attack there that day, when there is one and no killing event of its own:
      // the attack by whoever the report says killed or, when it names no killer, the one attack
      // there that day (two leave it apart).
      if (d.m.type === 'killing' && d.m.date && compatible.length === 0) {
        for (const fam of TOLL_OF) {
          const attacks = (byFamilyPlace.get(`${fam}|${place}`) ?? []).filter((c) => foundingCompatible(c, d.m.date) && modalityCompatible(c.modality, d.m.modality) && sidesCompatible(c.type, { agents: c.agents.keys(), targets: c.targets.keys() }, d));
          const attack = d.agents.length ? attacks.find((c) => sameSide(c, d)) : attacks.length === 1 ? attacks[0] : undefined;
          if (attack) {
            compatible.push(attack);
            break;
          }
        }
      }
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
        bonds: new Map(),
        background: true,
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
    if (d.m.type !== 'killing' || target.type === 'killing') {
      const votes = typeVotes.get(target) ?? new Map<EventType, { count: number; acled: string; sub: string }>();
      const v = votes.get(d.m.type) ?? { count: 0, acled: d.m.acledEventType, sub: d.m.acledSubEventType };
      // A word that names no kind of violence counts less than one that names the weapon.
      v.count += d.m.generic ? 0.5 : 1;
      votes.set(d.m.type, v);
      typeVotes.set(target, votes);
    }
    if (!d.m.background) target.background = false;
    if (!d.m.date && !d.docDate && target.date) target.undatedDocs.add(d.doc);
    target.modality = joinedModality(target.modality, d.m.modality);
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
    for (const b of d.bonds) {
      const [x, y] = [b.a, b.b].sort();
      if (x === y) continue;
      const id = `${b.relation}|${x}|${y}`;
      const bond = target.bonds.get(id) ?? { relation: b.relation, a: x!, b: y!, evidence: [] };
      pushEvidence(bond.evidence, d.evidence);
      target.bonds.set(id, bond);
    }
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
  for (const c of clusters) {
    let best: { type: EventType; count: number; acled: string; sub: string } | undefined;
    // Map order is first-report order: a tie keeps the type of the report that founded the event.
    for (const [type, v] of typeVotes.get(c) ?? []) if (!best || v.count > best.count) best = { type, ...v };
    if (best && best.type !== c.type) {
      c.type = best.type;
      c.acledEventType = best.acled;
      c.acledSubEventType = best.sub;
    }
  }
  const events = joinNested(clusters, typeOf, containersOf, nearOf);
  // Deterministic keys: type, date, first place, then a counter for clashes.
  const seen = new Map<string, number>();
  for (const c of events) {
    c.evidence.sort((a, b) => a.doc.localeCompare(b.doc) || a.sentence - b.sentence);
    const place = [...c.places.keys()][0]?.replace(/^place:/, '') ?? 'unplaced';
    const base = `event:${c.type}:${c.date ?? 'undated'}:${place}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    c.key = n === 1 ? base : `${base}#${n}`;
  }
  events.sort((a, b) => a.key.localeCompare(b.key));
  return events;
}

/** Families whose events are acts of violence that can cause deaths and damage. */
const ATTACK_FAMILIES: ReadonlySet<string> = new Set([REMOTE, 'fight', 'capture']);
/** Types that are the consequence of an act rather than an act: an attack's toll and damage. */
const CONSEQUENCES: ReadonlySet<EventType> = new Set(['killing', 'destruction']);

/**
 * The second stage of event identity: clusters the first stage (one place, one family) keeps
 * apart that are one event, joined under explicit constraints. Each rule asks for places that are
 * the same or one inside the other (never through a country), days at most one apart, compatible
 * modalities and sides, and exactly one event to join; the joined event keeps its own type:
 *
 * - the fighting for a place (or beside it) and its capture that day are one event, the capture:
 *   the outcome names the event (only fighting by the capture's own side or by no named side
 *   joins it);
 * - an article's strikes by one side that day at places it sets beside each other ("near") are
 *   one strike;
 * - an event an article reports at a region or a town is the event of the same family it reports
 *   that day at a place inside it, by the same side (across articles a wider place is ambiguous:
 *   "shelling in Aleppo" may be any of the day's shellings of its districts);
 * - deaths and damage are attributes of the attack that caused them, at a place inside its place
 *   or containing it (or at no place named, in an article that reports the attack), and damage
 *   goes with the killing there that day when there is no attack.
 *
 * Withdrawals stay apart: the loser leaving is an act of its own, reported as one.
 */
function joinNested(
  clusters: MergedEvent[],
  typeOf: (key: string) => string | undefined,
  containersOf: (key: string) => string[],
  nearOf: (key: string) => string[] = () => [],
): MergedEvent[] {
  const ancestry = new Map<string, string[]>();
  /** Every place a place lies in, up to its country (excluded: a country holds every event of its war). */
  const ancestors = (place: string): string[] => {
    let list = ancestry.get(place);
    if (list) return list;
    list = [];
    const queue = [place];
    for (let i = 0; i < queue.length && list.length < 12; i++) {
      for (const p of containersOf(queue[i]!)) {
        if (p === place || list.includes(p) || typeOf(p) === 'country') continue;
        list.push(p);
        queue.push(p);
      }
    }
    ancestry.set(place, list);
    return list;
  };
  const placeOf = (c: MergedEvent): string | undefined => c.places.keys().next().value;
  /** 0: the same place, 1: one inside the other, undefined: neither (countries never contain). */
  const nesting = (a: string | undefined, b: string | undefined): number | undefined => {
    if (!a || !b) return undefined;
    if (a === b) return 0;
    if (typeOf(a) === 'country' || typeOf(b) === 'country') return undefined;
    return ancestors(a).includes(b) || ancestors(b).includes(a) ? 1 : undefined;
  };
  const absorbed = new Set<MergedEvent>();

  const isNear = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && nearOf(a).includes(b);
  /**
   * The one cluster `c` may join among those `accept` allows, the same place preferred to a nested
   * one (or, with `near`, to one at a place the text sets beside it).
   */
  const soleHost = (c: MergedEvent, accept: (h: MergedEvent) => boolean, near = false): MergedEvent | undefined => {
    const byDistance: MergedEvent[][] = [[], []];
    for (const h of clusters) {
      if (h === c || absorbed.has(h) || !accept(h)) continue;
      if (!withinDay(h, c) || !modalityCompatible(h.modality, c.modality) || !crossSidesCompatible(h, c)) continue;
      // A report that names no place is of its own article's event there that day.
      let n = placeOf(c) === undefined ? (placeOf(h) !== undefined && sharesArticles(c, h) ? 1 : undefined) : nesting(placeOf(h), placeOf(c));
      if (n === undefined && near && isNear(placeOf(h), placeOf(c))) n = 1;
      if (n !== undefined) byDistance[n]!.push(h);
    }
    const list = byDistance[0]!.length ? byDistance[0]! : byDistance[1]!;
    return list.length === 1 ? list[0] : undefined;
  };
  const join = (c: MergedEvent, accept: (h: MergedEvent) => boolean, near = false): void => {
    if (absorbed.has(c)) return;
    const host = soleHost(c, accept, near);
    if (!host) return;
    absorbInto(host, c);
    absorbed.add(c);
  };

  // Fighting into the capture it won, there or beside it: the capture's side (or nobody named) fought.
  for (const c of clusters) if (c.type === 'battle') join(c, (h) => h.type === 'capture' && subset(c.agents, h.agents), true);
  // An article's strikes at places it sets beside each other ("around Palmyra, at al-Buseiri")
  // by one side that day are one strike, reported under its best-reported place. Not captures:
  // a village taken beside a town is a capture of its own.
  for (const c of clusters) {
    if (eventTypeInfo(c.type).family !== REMOTE) continue;
    join(
      c,
      (h) => eventTypeInfo(h.type).family === REMOTE && isNear(placeOf(h), placeOf(c)) && subset(c.agents, h.agents) && sharesArticles(c, h) && h.documents.size >= c.documents.size,
      true,
    );
  }
  // An article's report at a wider place into its event at a place inside it, by the same side.
  for (const c of clusters) {
    const place = placeOf(c);
    if (!place || CONSEQUENCES.has(c.type)) continue;
    const family = eventTypeInfo(c.type).family;
    join(c, (h) => {
      const inner = placeOf(h);
      return (
        !!inner &&
        inner !== place &&
        ancestors(inner).includes(place) &&
        eventTypeInfo(h.type).family === family &&
        subset(c.agents, h.agents) &&
        sharesArticles(c, h)
      );
    });
  }
  // Deaths and damage into the attack that caused them, then damage into the killing there.
  for (const c of clusters) if (CONSEQUENCES.has(c.type)) join(c, (h) => ATTACK_FAMILIES.has(eventTypeInfo(h.type).family) && subset(c.agents, h.agents));
  for (const c of clusters) if (c.type === 'destruction') join(c, (h) => h.type === 'killing' && subset(c.agents, h.agents));
  return clusters.filter((c) => !absorbed.has(c));
}

/** Every article of `c` reports `h` too. */
function sharesArticles(c: MergedEvent, h: MergedEvent): boolean {
  for (const d of c.documents) if (!h.documents.has(d)) return false;
  return true;
}

function subset(a: Map<string, number>, b: Map<string, number>): boolean {
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}

/** Founding days at most one day apart, or the same month or year. */
function withinDay(a: MergedEvent, b: MergedEvent): boolean {
  if (!a.date || !b.date) return false;
  if (a.date.length === 10 && b.date.length === 10) return Math.abs(Date.parse(`${a.date}T00:00:00Z`) - Date.parse(`${b.date}T00:00:00Z`)) <= DAY_MS;
  return a.date === b.date;
}

/** Nobody is a doer in one and a target in the other. */
function crossSidesCompatible(a: MergedEvent, b: MergedEvent): boolean {
  for (const k of a.agents.keys()) if (b.targets.has(k)) return false;
  for (const k of b.agents.keys()) if (a.targets.has(k)) return false;
  return true;
}

/** Everything `from` holds added to `into`, which keeps its type. */
function absorbInto(into: MergedEvent, from: MergedEvent): void {
  into.mentions += from.mentions;
  for (const key of ['agents', 'targets', 'places', 'sources'] as const) for (const [k, n] of from[key]) into[key].set(k, (into[key].get(k) ?? 0) + n);
  for (const d of from.documents) into.documents.add(d);
  for (const d of from.undatedDocs) into.undatedDocs.add(d);
  for (const [d, n] of from.dateVotes) into.dateVotes.set(d, (into.dateVotes.get(d) ?? 0) + n);
  if (from.dateEnd && from.dateEnd.length === into.date?.length && (!into.dateEnd || from.dateEnd > into.dateEnd)) into.dateEnd = from.dateEnd;
  for (const ev of from.evidence) pushEvidence(into.evidence, ev);
  into.evidence.sort((a, b) => a.doc.localeCompare(b.doc) || a.sentence - b.sentence);
  for (const f of from.figures) if (!into.figures.includes(f)) into.figures.push(f);
  for (const k of ['killed', 'wounded', 'captured'] as const) {
    const v = from[k];
    if (v !== undefined && (into[k] === undefined || v > into[k]!)) into[k] = v;
  }
  for (const [id, bond] of from.bonds) {
    const mine = into.bonds.get(id);
    if (!mine) into.bonds.set(id, { ...bond, evidence: [...bond.evidence] });
    else for (const ev of bond.evidence) pushEvidence(mine.evidence, ev);
  }
  if (!from.background) into.background = false;
  into.modality = joinedModality(into.modality, from.modality);
}

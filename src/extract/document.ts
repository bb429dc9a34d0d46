import type { Doc, Sentence } from '../types.js';
import { splitSentences } from '../nlp/sentences.js';
import type { DocExtraction, EntityMention, EntityRef, EventMention } from './model.js';
import { extractEntities, type EntityResult } from './entities.js';
import { extractEvents } from './events.js';
import type { KnowledgeBase } from '../knowledge/knowledge.js';

/**
 * Everything extraction finds in one document, as plain data: the unit of work a worker thread
 * does and the unit the incremental cache stores.
 */
export function extractDocument(doc: Doc, kb: KnowledgeBase): DocExtraction {
  // The headline names actors and places too: entities are read over the body and the headline
  // after it (so the body keeps its offsets and sentence numbers), events over the body alone (a
  // headline repeats the lead's news, with no date of its own).
  const headline = headlineOf(doc);
  const read: Doc = headline ? { ...doc, text: doc.text + headline } : doc;
  const sentences = splitSentences(read.text);
  const bodyEnd = doc.text.length;
  const entities = headline ? withHeadlineNamesKnown(extractEntities(read, sentences, kb), bodyEnd) : extractEntities(read, sentences, kb);
  const body = headline ? sentences.filter((s) => s.end <= bodyEnd) : sentences;
  const bodyMentions = headline ? entities.mentions.filter((m) => m.end <= bodyEnd) : entities.mentions;
  const { events, stateMentions } = extractEvents(doc, body, bodyMentions, { triggers: kb.triggers, stateOf: kb.stateOf, countryName: (cc) => kb.countryRef(cc)?.label, countryOfDemonym: (word) => kb.countryOfDemonym(word), affiliationOf: (key) => affiliationOf(entities, key) });
  const mentions = stateMentions.length || entities.anchors.length ? [...entities.mentions, ...stateMentions, ...entities.anchors] : entities.mentions;
  const refs = entities.refs;
  for (const m of stateMentions) refs[m.key] ??= refOf(m);
  return {
    doc: docMeta(doc),
    sentences: evidenceTexts(sentences, entities, events),
    entities: mentions,
    refs,
    relations: entities.relations,
    events,
    words: wordCount(doc.text),
  };
}

/**
 * The headline as a paragraph to read after the text ("" for none), not when the text's opening
 * holds it (a title taken from the first sentence).
 */
function headlineOf(doc: Doc): string {
  const title = doc.title.trim();
  if (!title || doc.text.slice(0, 2000).includes(title.replace(/[.…]+$/, '').trimEnd())) return '';
  return `\n\n${title}`;
}

/**
 * A headline's words are capitalised for show ("LEAGUE STANDINGS", "Rebels Seize Air Base"), so
 * only the names the knowledge base confirms count there, and those the body names too.
 */
function withHeadlineNamesKnown(entities: EntityResult, bodyEnd: number): EntityResult {
  const inBody = new Set<string>();
  for (const m of entities.mentions) if (m.end <= bodyEnd) inBody.add(m.key);
  const mentions = entities.mentions.filter((m) => m.end <= bodyEnd || m.known || inBody.has(m.key));
  if (mentions.length === entities.mentions.length) return entities;
  const kept = new Set(mentions.map((m) => m.key));
  const refs: Record<string, EntityRef> = {};
  for (const [key, ref] of Object.entries(entities.refs)) if (kept.has(key) || !entities.mentions.some((m) => m.key === key)) refs[key] = ref;
  const relations = entities.relations.filter((r) => kept.has(r.from) || !entities.mentions.some((m) => m.key === r.from)).filter((r) => kept.has(r.to) || !entities.mentions.some((m) => m.key === r.to));
  return { ...entities, mentions, refs, relations };
}

/** The texts of the sentences that mentions, relations and events cite, by index. */
function evidenceTexts(sentences: Sentence[], entities: EntityResult, events: EventMention[]): Record<number, string> {
  const used = new Set<number>();
  for (const m of entities.mentions) used.add(m.sentence);
  for (const r of entities.relations) used.add(r.sentence);
  for (const e of events) used.add(e.sentence);
  const texts: Record<number, string> = {};
  for (const i of [...used].sort((a, b) => a - b)) {
    const s = sentences[i];
    if (s) texts[i] = s.text;
  }
  return texts;
}

/** The body a person belongs to in the document: an actor first, else a country. */
function affiliationOf(entities: EntityResult, key: string): EntityRef | undefined {
  let country: EntityRef | undefined;
  for (const r of entities.relations) {
    if (r.from !== key || r.relation !== 'affiliation') continue;
    const ref = entities.refs[r.to];
    if (ref?.kind === 'actor') return ref;
    if (ref?.type === 'country') country ??= ref;
  }
  return country;
}

function refOf(m: EntityMention): EntityRef {
  return { key: m.key, kind: m.kind, type: m.type, label: m.label, known: m.known, lat: m.lat, lon: m.lon, country: m.country, parent: m.parent, role: m.role };
}

function docMeta(doc: Doc): DocExtraction['doc'] {
  // One shape for every document (absent fields undefined, which JSON leaves out as before).
  return {
    id: doc.id,
    title: doc.title,
    file: doc.source.file,
    date: doc.date || undefined,
    datePrecision: doc.datePrecision || undefined,
    url: doc.url || undefined,
  };
}

function wordCount(text: string): number {
  let words = 0;
  for (let i = 0, inWord = false; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

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
  const sentences = splitSentences(doc.text);
  const entities = extractEntities(doc, sentences, kb);
  const { events, stateMentions } = extractEvents(doc, sentences, entities.mentions, { triggers: kb.triggers, stateOf: kb.stateOf, countryName: (cc) => kb.countryRef(cc)?.label, countryOfDemonym: (word) => kb.countryOfDemonym(word) });
  const mentions = stateMentions.length ? [...entities.mentions, ...stateMentions] : entities.mentions;
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

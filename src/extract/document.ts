import type { Doc } from '../types.js';
import { splitSentences } from '../nlp/sentences.js';
import type { DocExtraction } from './model.js';
import { extractEntities } from './entities.js';
import { extractEvents } from './events.js';
import type { KnowledgeBase } from './knowledge.js';

/**
 * Everything extraction finds in one document, as plain data: the unit of work a worker thread
 * does and the unit the incremental cache stores.
 */
export function extractDocument(doc: Doc, kb: KnowledgeBase): DocExtraction {
  const sentences = splitSentences(doc.text);
  const entities = extractEntities(doc, sentences, kb);
  const { events } = extractEvents(doc, sentences, entities.mentions, { triggers: kb.triggers });
  const used = new Set<number>();
  for (const m of entities.mentions) used.add(m.sentence);
  for (const r of entities.relations) used.add(r.sentence);
  for (const e of events) used.add(e.sentence);
  const texts: Record<number, string> = {};
  for (const i of [...used].sort((a, b) => a - b)) {
    const s = sentences[i];
    if (s) texts[i] = s.text;
  }
  // One shape for every document (absent fields undefined, which JSON leaves out as before).
  const meta: DocExtraction['doc'] = {
    id: doc.id,
    title: doc.title,
    file: doc.source.file,
    date: doc.date || undefined,
    datePrecision: doc.datePrecision || undefined,
    url: doc.url || undefined,
  };
  let words = 0;
  for (let i = 0, inWord = false; i < doc.text.length; i++) {
    const space = doc.text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return {
    doc: meta,
    sentences: texts,
    entities: entities.mentions,
    refs: entities.refs,
    relations: entities.relations,
    events,
    words,
  };
}

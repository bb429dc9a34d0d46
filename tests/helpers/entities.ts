import { extractEntities, type EntityResult } from '../../src/extract/entities.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import type { Doc } from '../../src/types.js';

/**
 * The entities extraction finds in a text of one's own, read as an article published on `date`,
 * with the default knowledge base (loaded once per test file: loadKnowledgeBase keeps it).
 */
export function entitiesOf(text: string, date = '2018-04-10'): EntityResult {
  const doc: Doc = { id: 't', title: 't', text, source: { file: 't' }, date };
  return extractEntities(doc, splitSentences(text), loadKnowledgeBase());
}

import { workerData } from 'node:worker_threads';
import type { Doc } from '../types.js';
import { extractDocument } from './document.js';
import { loadKnowledgeBase, type KnowledgeOptions } from './knowledge.js';
import type { DocExtraction } from './model.js';

/**
 * The worker-thread entry point (piscina): each thread loads the knowledge base once, then
 * extracts documents one task at a time. Problems loading user lexicons were already reported
 * by the main thread, so this thread stays quiet about them.
 */
const kb = loadKnowledgeBase((workerData ?? {}) as KnowledgeOptions);

export default function extract(doc: Doc): DocExtraction {
  return extractDocument(doc, kb);
}

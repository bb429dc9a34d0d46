import { workerData } from 'node:worker_threads';
import type { Doc } from '../types.js';
import { extractDocument } from '../extract/document.js';
import { loadKnowledgeBase, type KnowledgeOptions } from '../knowledge/knowledge.js';

/**
 * The worker-thread entry point (piscina): each thread loads the knowledge base once, then
 * extracts a batch of documents per task (one document is ~1-3 ms of work, too little to pay a
 * message round trip for). Problems loading user lexicons were already reported by the main
 * thread, so this thread stays quiet about them. Results travel as JSON text: stringifying here
 * and parsing there costs less than a structured clone both ways, and the text is what the
 * cache stores.
 */
const kb = loadKnowledgeBase((workerData ?? {}) as KnowledgeOptions);

/** `json`: the DocExtraction as JSON text. */
export type WorkerResult = { json: string } | { error: string };

export default function extract(docs: Doc[]): WorkerResult[] {
  return docs.map((doc) => {
    try {
      return { json: JSON.stringify(extractDocument(doc, kb)) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
}

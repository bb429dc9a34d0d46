/**
 * ingest: whatever users scraped (txt, md, html, json, jsonl, csv; files, folders, globs, stdin)
 * → clean Docs (src/types.ts), with problems reported as Diagnostics, never thrown.
 */
export { InputError, type IngestOptions } from './options.js';
export { inputBytesUpTo, listInputs, readDocuments, readDocumentsFromFile } from './read.js';
export { docFromText, type TextMeta } from './clean.js';

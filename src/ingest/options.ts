export interface IngestOptions {
  /** Field / column names for json, jsonl and csv records. */
  fields?: { text?: string; title?: string; date?: string; id?: string; url?: string };
  /** --date YYYY-MM-DD: wins over every other date. */
  dateOverride?: string;
  /** Longer articles are truncated with a warning (default 2,000,000 characters). */
  maxChars?: number;
  /** Read for the input "-". */
  stdin?: NodeJS.ReadableStream;
}

/** A usage-level problem (a path that does not exist, a glob that matches nothing): the CLI exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

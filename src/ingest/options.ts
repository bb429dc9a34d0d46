export interface IngestOptions {
  /** Field / column names for json, jsonl and csv records. */
  fields?: { text?: string; title?: string; date?: string; id?: string; url?: string };
  /** --date YYYY-MM-DD: wins over every other date. */
  dateOverride?: string;
  /** Longer articles are truncated with a warning (default 2,000,000 characters). */
  maxChars?: number;
  /** Read for the input "-". */
  stdin?: NodeJS.ReadableStream;
  /** Cleaned texts of earlier builds (the incremental cache): a rebuild skips cleaning what it has seen. */
  cleaned?: CleanedTextMemo;
}

/**
 * A store of cleaning results, as JSON text, keyed by everything a cleaning depends on. `keyOf`
 * adds what the store knows and the caller does not (the cleaning code and rules it was made with).
 */
export interface CleanedTextMemo {
  keyOf(parts: readonly string[]): string;
  get(key: string): string | undefined;
  set(key: string, json: string): void;
}

/** A usage-level problem (a path that does not exist, a glob that matches nothing): the CLI exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * The event lexicon's files: data/lexicon/events.json and a user's extensions, read and merged.
 * Apart from the trigger compiler (triggers.ts, which loads compromise), so that checking a user's
 * files on the main thread does not load the tagger.
 */
import { readFileSync } from 'node:fs';
import type { Report } from '../types.js';
import type { CaptureRoles } from './trigger-lexicon.js';

export const DEFAULT_EVENT_LEXICON = new URL('../../data/lexicon/events.json', import.meta.url);

/** Raw JSON shape of data/lexicon/events.json (all keys optional in extension files). */
export interface EventLexiconJson {
  types?: Record<string, { acled?: string; sub?: string; roles?: CaptureRoles }>;
  triggers?: Array<Record<string, unknown>>;
  excludePhrases?: string[];
  militaryContext?: string[];
  airContext?: string[];
  politicalContext?: string[];
  humanitarianContext?: string[];
  lists?: Record<string, string[]>;
  modality?: Record<string, string[]>;
  casualties?: { kinds?: Record<string, string[]>; personNouns?: string[]; singularPersonNouns?: string[]; nonPersonNouns?: string[] };
  quantifiers?: Record<string, number | string>;
  hedges?: Record<string, string[]>;
}

/**
 * Reads the default lexicon and extension files and merges them: trigger lists are appended,
 * word lists merged, maps overridden key by key. Unreadable files are reported, not thrown.
 */
export function readEventLexiconFiles(extraFiles: string[] = [], report?: Report): EventLexiconJson {
  const merged: EventLexiconJson = {};
  const files: Array<string | URL> = [DEFAULT_EVENT_LEXICON, ...extraFiles];
  for (const file of files) {
    const name = typeof file === 'string' ? file : file.pathname;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      const d = { level: 'error' as const, source: { file: name }, message: `cannot read event lexicon: ${(err as Error).message}` };
      // without a reporter, a missing lexicon must still be visible: no triggers at all is a silent failure
      if (report) report(d);
      else console.warn(`${name}: ${d.message}`);
      continue;
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      report?.({ level: 'error', source: { file: name }, message: 'event lexicon must be a JSON object' });
      continue;
    }
    mergeInto(merged as Record<string, unknown>, json as Record<string, unknown>);
  }
  return merged;
}

function mergeInto(target: Record<string, unknown>, add: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(add)) {
    if (key.startsWith('$')) continue;
    const old = target[key];
    if (Array.isArray(value)) target[key] = Array.isArray(old) ? [...old, ...value] : [...value];
    else if (value && typeof value === 'object') {
      const base = old && typeof old === 'object' && !Array.isArray(old) ? { ...(old as Record<string, unknown>) } : {};
      mergeInto(base, value as Record<string, unknown>);
      target[key] = base;
    } else target[key] = value;
  }
}

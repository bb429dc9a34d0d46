import { readFileSync } from 'node:fs';
import type { Report } from '../types.js';

/**
 * Reads a user knowledge file that holds a list, written either as a bare JSON array or as
 * `{ "<key>": [...] }`. Problems are reported as Diagnostics naming the file; the result is then
 * undefined and the caller goes on without the file.
 */
export function readListFile(file: string, key: string, what: string, report: Report): unknown[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    report({ level: 'error', source: { file }, message: `cannot read ${what} file: ${(e as Error).message}` });
    return undefined;
  }
  const list = Array.isArray(json) ? json : (json as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) {
    report({ level: 'error', source: { file }, message: `${what} file must be an array of ${key} or { "${key}": [...] }` });
    return undefined;
  }
  return list;
}

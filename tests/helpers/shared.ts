import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared beside the repository: present in CI, absent in a user's clone. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const hasShared = existsSync(SHARED_DIR + 'eval/score.py');

export function sharedPath(rel: string): string {
  return SHARED_DIR + rel;
}

/** A visible note for skipped suites, so a green run never hides what it did not check. */
export function noteSkip(what: string): void {
  if (!hasShared) console.warn(`[newsgraph tests] skipped ${what}: ../shared is not present beside the repository`);
}

/**
 * Search over labels and aliases, insensitive to case and accents ("Tadmur" finds Palmyra,
 * "alep" finds Alep/Aleppo). Ranks exact > prefix > word prefix > substring; labels before aliases.
 */

/** Lower case, accents stripped, punctuation as spaces, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchItem {
  key: string;
  label: string;
  aliases: readonly string[];
  /** Tie-breaker: heavier items first (e.g. mentions or size). */
  weight: number;
}

interface Entry {
  key: string;
  label: string;
  form: string;
  norm: string;
  isLabel: boolean;
  weight: number;
}

export interface SearchIndex {
  entries: Entry[];
}

export function buildSearchIndex(items: Iterable<SearchItem>): SearchIndex {
  const entries: Entry[] = [];
  for (const item of items) {
    const seen = new Set<string>();
    for (const [form, isLabel] of [[item.label, true] as const, ...item.aliases.map((a) => [a, false] as const)]) {
      if (typeof form !== 'string') continue;
      const norm = normaliseText(form);
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      entries.push({ key: item.key, label: item.label, form, norm, isLabel, weight: item.weight });
    }
  }
  return { entries };
}

export interface SearchHit {
  key: string;
  label: string;
  /** The surface form that matched (the label, or an alias). */
  matched: string;
  /** 0 exact, 1 prefix, 2 word prefix, 3 substring. */
  rank: number;
}

function rankOf(norm: string, query: string): number {
  if (norm === query) return 0;
  if (norm.startsWith(query)) return 1;
  if (norm.includes(` ${query}`)) return 2;
  if (norm.includes(query)) return 3;
  return -1;
}

/** Best hits for a query, one per node; `accept` can exclude nodes (e.g. filtered-out ones). */
export function searchNodes(
  index: SearchIndex,
  query: string,
  limit = 10,
  accept: (key: string) => boolean = () => true,
): SearchHit[] {
  const q = normaliseText(query);
  if (!q) return [];
  const best = new Map<string, { hit: SearchHit; score: number; weight: number }>();
  for (const entry of index.entries) {
    const rank = rankOf(entry.norm, q);
    if (rank < 0) continue;
    const score = rank * 2 + (entry.isLabel ? 0 : 1);
    const current = best.get(entry.key);
    if (current && current.score <= score) continue;
    if (!current && !accept(entry.key)) continue;
    best.set(entry.key, { hit: { key: entry.key, label: entry.label, matched: entry.form, rank }, score, weight: entry.weight });
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.score - b.score ||
        b.weight - a.weight ||
        (a.hit.label < b.hit.label ? -1 : a.hit.label > b.hit.label ? 1 : 0) ||
        (a.hit.key < b.hit.key ? -1 : a.hit.key > b.hit.key ? 1 : 0),
    )
    .slice(0, limit)
    .map((b) => b.hit);
}

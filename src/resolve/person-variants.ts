import { distance } from 'fastest-levenshtein';

/**
 * Transliterations of one Arabic person's name: "Ahmed al-Jarba" = "Ahmad Jarba", "Mohammed
 * Allouch" = "Mohammad Alloush". The article of a family name comes and goes, and each word may
 * differ in one letter; whole-name edit distance, which counts the article, misses them. Two
 * distinct names that differ in more than one letter of a word ("Hassan Ali", "Hussein Ali") stay
 * apart.
 */

export interface PersonName {
  key: string;
  name: string;
  known: boolean;
}

/** The words of a name in lower case, without diacritics and without Arabic articles ("al-", "el"). */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\b(?:al|el)[-\s]+/g, '')
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Shortest word that may differ in a letter: shorter ones are other names ("Ali", "Alu"). */
const MIN_LETTERS_FOR_TYPO = 4;

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= MIN_LETTERS_FOR_TYPO && b.length >= MIN_LETTERS_FOR_TYPO && a[0] === b[0] && distance(a, b) <= 1;
}

/**
 * Unknown people whose name matches, word for word, that of a person ranked before them (list in
 * rank order: known first, then the most mentioned), as key → the key they fold into. Names of
 * two words at least; keys already folded (`folded`) neither fold again nor take others.
 */
export function personVariants(list: readonly PersonName[], folded: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, Array<{ key: string; words: string[] }>>();
  for (const p of list) {
    if (folded.has(p.key)) continue;
    const words = nameWords(p.name);
    if (words.length < 2) continue;
    // Candidates share the number of words and the last word's first letter.
    const bucket = `${words.length}|${words[words.length - 1]![0]}`;
    const earlier = seen.get(bucket) ?? [];
    if (!p.known) {
      const match = earlier.find((e) => e.words.every((w, i) => sameWord(w, words[i]!)));
      if (match) {
        out.set(p.key, match.key);
        continue;
      }
    }
    earlier.push({ key: p.key, words });
    seen.set(bucket, earlier);
  }
  return out;
}

/**
 * Word tokens with offsets, and the orthographic tests entity recognition needs.
 * Regex-based: two orders of magnitude faster than a tagger, and enough for capitalised spans.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

// Words, with inner apostrophes/hyphens ("Sha’er", "al-Mahr", "Dara'a"), and numbers with separators.
const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/** Arabic article prefixes written lower-case before a capitalised name: al-Mahr, a-Nusra, el-Bab. */
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|az|ez|an|at|a|ul)-\p{Lu}/u;

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || ARTICLE_PREFIX.test(word);
}

export function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 8 && /^\p{Lu}[\p{Lu}\d]+$/u.test(word) && /\p{Lu}.*\p{Lu}|\p{Lu}\d/u.test(word);
}

export function isWord(t: Token): boolean {
  return /[\p{L}\p{N}]/u.test(t.text[0]!);
}

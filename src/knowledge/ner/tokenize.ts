/**
 * Tokens as CoNLL-2003 (Penn Treebank style) cuts them, with offsets: the tagger was trained on
 * those, so it reads text cut the same way. Differences from src/extract/tokens.ts: a clitic is
 * a token of its own ("Smith 's", "does n't"), dotted abbreviations ("U.S.", "Corp.", "J.") and
 * numbers with separators ("3,000", "1996-08-30") are one token.
 */

export interface NerToken {
  text: string;
  start: number;
  end: number;
}

// Initials and dotted acronyms ("J.", "U.S.", "a.m."), numbers with inner separators, words with
// inner apostrophes, hyphens or ampersands ("O'Neill", "al-Assad", "AT&T"), or one other character.
const TOKEN_AT = /(?:\p{L}\.){2,}|\p{Lu}\.(?=\s|$)|\p{N}+(?:[.,:/-]\p{N}+)*|[\p{L}\p{N}]+(?:['’&-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/uy;
const CLITIC = /(?:['’][sS]|[nN]['’][tT])$/;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

/**
 * Tokenises text[from, to). `abbreviations` are the words written with a final dot in the
 * training text ("Corp.", "Calif."): the dot after one of them stays in its token.
 */
export function nerTokenize(text: string, from = 0, to = text.length, abbreviations?: ReadonlySet<string>): NerToken[] {
  const out: NerToken[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    TOKEN_AT.lastIndex = i;
    let end = TOKEN_AT.test(text) ? TOKEN_AT.lastIndex : i + 1;
    if (end > to) end = to;
    let word = text.slice(i, end);
    if (end < to && text.charCodeAt(end) === 0x2e && abbreviations?.has(word + '.')) {
      end++;
      word += '.';
    }
    const clitic = word.length > 3 ? CLITIC.exec(word) : null;
    if (clitic) {
      const at = end - clitic[0].length;
      out.push({ text: text.slice(i, at), start: i, end: at });
      out.push({ text: clitic[0], start: at, end });
    } else out.push({ text: word, start: i, end });
    i = end;
  }
  return out;
}

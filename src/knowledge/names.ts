/**
 * Name normalisation: the one key used by the lexicon, the gazetteer and the matcher.
 *
 * normalizeName(s):
 *   - Unicode NFKD, combining marks dropped ("Dar‘ā" → "dara"), lower case;
 *   - apostrophes and ayn/hamza marks (' ’ ‘ ` ʻ ʼ ʿ ʾ ′) are removed inside words ("Dar'a" → "dara");
 *     a possessive "'s" at the end of a word is dropped ("Russia's" → "russia");
 *   - dots between single letters are removed ("U.S." → "us");
 *   - hyphens, dashes, slashes and every other non-letter/digit become one space;
 *   - a leading "the" is dropped. Arabic articles ("al-", "el-", "ar-"...) are kept here, so
 *     "al-Bab" → "al bab"; nameVariants() and looseKey() add the article-free forms.
 * The same tokenizer (tokenizeName / scanToken) drives the matcher, so a text span and a lexicon
 * alias normalise identically.
 */

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x60, 0x2bb, 0x2bc, 0x2bf, 0x2be, 0x2032, 0xb4]);

/** True for characters that are part of a word: letters, digits, and combining marks. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  }
  if (APOSTROPHES.has(code)) return false;
  return WORD_RE.test(String.fromCharCode(code));
}
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

export function isApostrophe(code: number): boolean {
  return APOSTROPHES.has(code);
}

const MARKS_RE = /\p{M}/gu;

/** Normalise one raw token (letters/digits, maybe with inner apostrophes or dots). */
export function normalizeToken(raw: string): string {
  let ascii = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80 || c === 0x27 || c === 0x60 || c === 0x2e) {
      ascii = false;
      break;
    }
  }
  if (ascii) return raw.toLowerCase();
  let s = raw.normalize('NFKD').replace(MARKS_RE, '');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (APOSTROPHES.has(c) || c === 0x2e) continue;
    out += s[i];
  }
  // ß, æ, œ, ı… are not decomposed by NFKD
  return foldSpecial(out.toLowerCase());
}

export interface TokenSpan {
  start: number;
  end: number;
}

/**
 * Scan the word token starting at or after `from`. Returns the span or undefined at end of text.
 * Inner apostrophes join ("Dar'a"); a final "'s" is left out of the token; dots join single
 * letters ("U.S." is one token, its final dot included).
 */
export function scanToken(text: string, from: number): TokenSpan | undefined {
  const start = tokenStart(text, from);
  return start < 0 ? undefined : { start, end: tokenEnd(text, start) };
}

/** Where the token at or after `from` starts (see scanToken), or -1 at the end of the text. */
export function tokenStart(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n && !isWordChar(text.charCodeAt(i))) {
    // a possessive "'s" after a word is not a token: "Russia's army" → russia, army
    if (APOSTROPHES.has(text.charCodeAt(i)) && i > 0 && isWordChar(text.charCodeAt(i - 1)) && i + 1 < n &&
        (text.charCodeAt(i + 1) | 0x20) === 0x73 && (i + 2 >= n || !isWordChar(text.charCodeAt(i + 2)))) {
      i += 2;
      continue;
    }
    i++;
  }
  return i >= n ? -1 : i;
}

/** Where the token starting at `start` (a word character, as tokenStart found) ends. */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  for (;;) {
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    if (i + 1 < n) {
      const c = text.charCodeAt(i);
      if (APOSTROPHES.has(c) && isWordChar(text.charCodeAt(i + 1))) {
        // possessive: 's followed by a non-word char ends the token before the apostrophe
        const s = text.charCodeAt(i + 1);
        if ((s === 0x73 || s === 0x53) && (i + 2 >= n || !isWordChar(text.charCodeAt(i + 2)))) break;
        i++;
        continue;
      }
      if (c === 0x2e && i - start >= 1 && isSingleLetterSegment(text, start, i) && isWordChar(text.charCodeAt(i + 1)) &&
          (i + 2 >= n || !isWordChar(text.charCodeAt(i + 2)))) {
        i++;
        continue;
      }
    }
    break;
  }
  // dotted acronym: keep its final dot ("U.S.")
  if (i < n && text.charCodeAt(i) === 0x2e && i - start >= 3 && text.charCodeAt(start + 1) === 0x2e) i++;
  return i;
}

function isSingleLetterSegment(text: string, start: number, dot: number): boolean {
  // the segment before `dot` is one letter: either the token start or preceded by a dot
  return dot - 1 === start || text.charCodeAt(dot - 2) === 0x2e;
}

/** Tokens of a name, normalised. */
export function tokenizeName(s: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const t = scanToken(s, pos);
    if (!t) break;
    const norm = normalizeToken(s.slice(t.start, t.end));
    if (norm) out.push(norm);
    pos = t.end;
  }
  return out;
}

/** The normalised key of a name (see the module comment). */
// dots and possessives need the tokenizer; everything else folds with a few regular expressions
const NEEDS_TOKENIZER_RE = /[.]|['’‘`ʻʼʿʾ′´][sS](?![\p{L}\p{N}\p{M}])/u;
const APOSTROPHES_RE = /['’‘`ʻʼʿʾ′´]/g;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const SPECIAL_RE = /[ßæœıøđł]/;
export function normalizeName(s: string): string {
  if (isPlainName(s)) {
    const low = s.toLowerCase();
    return low.startsWith('the ') ? low.slice(4) : low;
  }
  let out = foldLatinName(s);
  if (out !== undefined) return out.startsWith('the ') ? out.slice(4) : out;
  if (!NEEDS_TOKENIZER_RE.test(s)) {
    out = s.normalize('NFKD').replace(MARKS_RE, '').replace(APOSTROPHES_RE, '').toLowerCase();
    if (SPECIAL_RE.test(out)) out = foldSpecial(out);
    out = out.replace(NON_WORD_RE, ' ').trim();
  } else out = tokenizeName(s).join(' ');
  return out.startsWith('the ') ? out.slice(4) : out;
}

/**
 * The key of a name written in Latin letters (U+0000–U+024F, combining marks U+0300–U+036F) without
 * dots or apostrophes, char by char from a table: the same as the NFKD and regex path below (that
 * path folds each character on its own; only spaces collapse across characters), much faster.
 * Undefined for any other name.
 */
function foldLatinName(s: string): string | undefined {
  const n = s.length;
  if (n > FOLD_BUFFER.length / 4) return undefined;
  const table = (latinFold ??= latinFoldTable());
  let len = 0;
  let space = false; // a space is pending: written only before a following letter or digit
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c < 0x370) continue;
    // Beyond the table, dots and apostrophes: the general path's rules.
    if (c >= 0x250 || c === 0x2e || APOSTROPHES.has(c)) return undefined;
    const f = table[c]!;
    for (let j = 0; j < f.length; j++) {
      const fc = f.charCodeAt(j);
      if (fc === 0x20) space = len > 0;
      else {
        if (space) {
          FOLD_BUFFER[len++] = 0x20;
          space = false;
        }
        FOLD_BUFFER[len++] = fc;
      }
    }
  }
  return String.fromCharCode.apply(null, FOLD_BUFFER.subarray(0, len) as unknown as number[]);
}
const FOLD_BUFFER = new Uint16Array(1024); // a Latin character folds to at most 4 (checked when the table is built)
let latinFold: string[] | undefined;

/** Each Latin character through the NFKD and regex path: its folded letters, ' ' for non-word parts. */
function latinFoldTable(): string[] {
  const table: string[] = [];
  for (let c = 0; c < 0x250; c++) {
    let f = String.fromCharCode(c).normalize('NFKD').replace(MARKS_RE, '').replace(APOSTROPHES_RE, '').toLowerCase();
    if (SPECIAL_RE.test(f)) f = foldSpecial(f);
    f = f.replace(NON_WORD_RE, ' ');
    if (f.length > 4) throw new Error(`names: U+${c.toString(16)} folds to more than 4 characters`);
    table.push(f);
  }
  return table;
}

/**
 * ASCII letters and digits in words separated by single spaces (/^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/):
 * most names, whose key is just their lower case. A loop, as this runs for every name of the gazetteer.
 */
function isPlainName(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let afterSpace = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) afterSpace = false;
    else return false;
  }
  return !afterSpace;
}

function foldSpecial(s: string): string {
  return s.replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ł/g, 'l');
}

/** Arabic definite articles as separate tokens after hyphen splitting. */
export const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'az', 'an', 'at', 'ash', 'ath', 'adh', 'es', 'ez', 'ed', 'er', 'et', 'en', 'a', 'ul', 'il']);

/**
 * The key with Arabic articles removed: free-standing ones (but a last token), and glued ones in
 * non-initial tokens ("deir ez zor" → "deir zor", "deir ezzor" → "deir zor"). The key itself
 * (same string) when it has none, the usual case.
 */
function stripArticles(key: string): string {
  if (!hasArticle(key)) return key;
  const kept: string[] = [];
  let changed = false;
  let start = 0;
  for (let i = 0; ; i++) {
    const space = key.indexOf(' ', start);
    const token = key.slice(start, space < 0 ? key.length : space);
    // free-standing articles have one to three letters
    if (space >= 0 && token.length <= 3 && ARTICLES.has(token)) changed = true;
    else if (i > 0 && hasGluedArticle(token)) {
      kept.push(token.slice(2));
      changed = true;
    } else kept.push(token);
    if (space < 0) return changed ? kept.join(' ') : key;
    start = space + 1;
  }
}

/** Whether stripArticles changes the key: the same tests, on offsets, without building its tokens. */
function hasArticle(key: string): boolean {
  let start = 0;
  for (let i = 0; ; i++) {
    const space = key.indexOf(' ', start);
    const end = space < 0 ? key.length : space;
    if (space >= 0 && end - start <= 3 && ARTICLES.has(key.slice(start, end))) return true;
    if (i > 0 && gluedArticleAt(key, start, end)) return true;
    if (space < 0) return false;
    start = space + 1;
  }
}

/**
 * A glued article at the start of a longer token: a or e, then a doubled sun letter ("ezzor",
 * "ashsham"); the same test as /^[ae](?:(sh)sh|(th)th|(dh)dh|([tdrzsnl])\4)/ on tokens over 4 letters.
 */
function hasGluedArticle(t: string): boolean {
  return gluedArticleAt(t, 0, t.length);
}

/** hasGluedArticle of the token key[start, end). */
function gluedArticleAt(key: string, start: number, end: number): boolean {
  if (end - start <= 4) return false;
  const c0 = key.charCodeAt(start);
  if (c0 !== 0x61 && c0 !== 0x65) return false;
  const c1 = key.charCodeAt(start + 1);
  if (c1 === key.charCodeAt(start + 2) && SUN_LETTERS.includes(key[start + 1]!)) return true;
  return key.charCodeAt(start + 2) === 0x68 && (c1 === 0x73 || c1 === 0x74 || c1 === 0x64) && key.charCodeAt(start + 3) === c1 && key.charCodeAt(start + 4) === 0x68;
}
const SUN_LETTERS = 'tdrzsnl';

/**
 * Normalised variants under which a name is indexed and looked up: the normal key, the key with
 * Arabic articles removed ("ar raqqah" → "raqqah", "deir ez zor" → "deir zor"), and that key with a
 * final "ah" shortened to "a" ("raqqa"). Distinct, normal key first.
 */
export function nameVariants(s: string): string[] {
  const key = normalizeName(s);
  if (!key) return [];
  // a single token has no article to strip; most keys have neither article nor final "ah"
  const stripped = key.includes(' ') ? stripArticles(key) : key;
  const bare = dropFinalH(stripped);
  if (stripped === key) return bare === key ? [key] : [key, bare];
  return bare === stripped ? [key, stripped] : [key, stripped, bare];
}

/**
 * "raqqah" → "raqqa", "qardahah" → "qardaha": a final h after a is a common transliteration choice.
 * Same as key.replace(/(\w{3}a)h(?= |$)/g, '$1'), by hand: it runs for every name of the gazetteer.
 */
function dropFinalH(key: string): string {
  if (!key.includes('ah')) return key;
  let out = '';
  let from = 0;
  for (let start = 0; start <= key.length; ) {
    let end = key.indexOf(' ', start);
    if (end < 0) end = key.length;
    if (end - start >= 5 && key.charCodeAt(end - 1) === 0x68 && key.charCodeAt(end - 2) === 0x61 &&
        isAsciiWordChar(key.charCodeAt(end - 3)) && isAsciiWordChar(key.charCodeAt(end - 4)) && isAsciiWordChar(key.charCodeAt(end - 5))) {
      out += key.slice(from, end - 1);
      from = end;
    }
    start = end + 1;
  }
  return from === 0 ? key : out + key.slice(from);
}

/** The regex class \w: ASCII letters, digits and the underscore. */
function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * A coarse transliteration skeleton for fallback lookups: articles removed, ou/oo → u, ee → i,
 * q → k, ph → f, doubled letters and final h after a vowel dropped, diphthongs (ay, ey, aw) and all
 * vowel runs folded to "a", spaces removed. "Deir ez-Zor", "Dayr az Zawr", "Deir Ezzur" → "darzar";
 * "Daraa", "Dar'a", "Deraa" → "dara"; "Idleb", "Idlib" → "adlab".
 */
export function looseKey(s: string): string {
  const toks = stripArticles(normalizeName(s)).split(' ').filter(Boolean);
  let out = '';
  for (let t of toks) {
    // each rewrite only where it applies: a replace that finds nothing still costs a regex scan
    if (t.includes('o')) t = t.replace(/ou|oo/g, 'u');
    if (t.includes('ee')) t = t.replace(/ee/g, 'i');
    if (t.includes('ph')) t = t.replace(/ph/g, 'f');
    if (t.includes('q')) t = t.replace(/q/g, 'k');
    if (t.includes('h')) t = t.replace(/kh/g, 'k').replace(/dh/g, 'd');
    if (hasDoubledLetter(t)) t = t.replace(/([a-z])\1+/g, '$1');
    if (t.endsWith('h')) t = t.replace(/([aeiou])h$/, '$1');
    if (t.includes('y') || t.includes('w')) t = t.replace(/([aeiou])[yw](?![aeiou])/g, '$1');
    out += foldVowels(t);
  }
  return out;
}

/** Whether two neighbouring characters are the same ASCII letter (what /([a-z])\1+/ would find). */
function hasDoubledLetter(t: string): boolean {
  for (let i = 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === t.charCodeAt(i - 1) && c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/** Every run of vowels (y included) as one "a": t.replace(/[aeiouy]+/g, 'a'), by hand. */
function foldVowels(t: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < t.length; ) {
    if (!isVowelOrY(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < t.length && isVowelOrY(t.charCodeAt(end))) end++;
    if (end - i !== 1 || t.charCodeAt(i) !== 0x61) {
      out += t.slice(from, i) + 'a';
      from = end;
    }
    i = end;
  }
  return from === 0 ? t : out + t.slice(from);
}

function isVowelOrY(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79;
}

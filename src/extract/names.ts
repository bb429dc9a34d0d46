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
  if (i >= n) return undefined;
  const start = i;
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
  return { start, end: i };
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
const PLAIN_RE = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;
// dots and possessives need the tokenizer; everything else folds with a few regular expressions
const NEEDS_TOKENIZER_RE = /[.]|['’‘`ʻʼʿʾ′´][sS](?![\p{L}\p{N}\p{M}])/u;
const APOSTROPHES_RE = /['’‘`ʻʼʿʾ′´]/g;
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const SPECIAL_RE = /[ßæœıøđł]/;
export function normalizeName(s: string): string {
  if (PLAIN_RE.test(s)) {
    const low = s.toLowerCase();
    return low.startsWith('the ') ? low.slice(4) : low;
  }
  let out: string;
  if (!NEEDS_TOKENIZER_RE.test(s)) {
    out = s.normalize('NFKD').replace(MARKS_RE, '').replace(APOSTROPHES_RE, '').toLowerCase();
    if (SPECIAL_RE.test(out)) out = foldSpecial(out);
    out = out.replace(NON_WORD_RE, ' ').trim();
  } else out = tokenizeName(s).join(' ');
  return out.startsWith('the ') ? out.slice(4) : out;
}

function foldSpecial(s: string): string {
  return s.replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ı/g, 'i').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/ł/g, 'l');
}

/** Arabic definite articles as separate tokens after hyphen splitting. */
export const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'az', 'an', 'at', 'ash', 'ath', 'adh', 'es', 'ez', 'ed', 'er', 'et', 'en', 'a', 'ul', 'il']);
const GLUED_ARTICLE_RE = /^[ae](?:(sh)sh|(th)th|(dh)dh|([tdrzsnl])\4)/;

/** Tokens with Arabic articles removed, also glued ones in non-initial tokens ("Ezzor" → "zor"). */
function stripArticles(toks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (ARTICLES.has(t) && i < toks.length - 1) continue;
    if (i > 0 && t.length > 4) {
      const m = GLUED_ARTICLE_RE.exec(t);
      if (m) {
        out.push(t.slice(2));
        continue;
      }
    }
    out.push(t);
  }
  return out.length ? out : toks;
}

/**
 * Normalised variants under which a name is indexed and looked up: the normal key, the key with
 * Arabic articles removed ("ar raqqah" → "raqqah", "deir ez zor" → "deir zor"), and that key with a
 * final "ah" shortened to "a" ("raqqa"). Distinct, normal key first.
 */
export function nameVariants(s: string): string[] {
  const key = normalizeName(s);
  if (!key) return [];
  if (!key.includes(' ')) {
    // a single token has no article to strip
    const bare = dropFinalH(key);
    return bare === key ? [key] : [key, bare];
  }
  const toks = key.split(' ');
  const out = [key];
  const stripped = stripArticles(toks).join(' ');
  if (stripped !== key) out.push(stripped);
  const bare = dropFinalH(stripped);
  if (bare !== stripped && !out.includes(bare)) out.push(bare);
  return out;
}

/** "raqqah" → "raqqa", "qardahah" → "qardaha": a final h after a is a common transliteration choice. */
function dropFinalH(key: string): string {
  return key.replace(/(\w{3}a)h(?= |$)/g, '$1');
}

/**
 * A coarse transliteration skeleton for fallback lookups: articles removed, ou/oo → u, ee → i,
 * q → k, ph → f, doubled letters and final h after a vowel dropped, diphthongs (ay, ey, aw) and all
 * vowel runs folded to "a", spaces removed. "Deir ez-Zor", "Dayr az Zawr", "Deir Ezzur" → "darzar";
 * "Daraa", "Dar'a", "Deraa" → "dara"; "Idleb", "Idlib" → "adlab".
 */
export function looseKey(s: string): string {
  const toks = stripArticles(normalizeName(s).split(' ').filter(Boolean));
  let out = '';
  for (let t of toks) {
    t = t.replace(/ou|oo/g, 'u').replace(/ee/g, 'i').replace(/ph/g, 'f').replace(/q/g, 'k').replace(/kh/g, 'k').replace(/dh/g, 'd');
    t = t.replace(/([a-z])\1+/g, '$1');
    t = t.replace(/([aeiou])h$/, '$1');
    t = t.replace(/([aeiou])[yw](?![aeiou])/g, '$1');
    t = t.replace(/[aeiouy]+/g, 'a');
    out += t;
  }
  return out;
}

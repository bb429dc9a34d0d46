/**
 * XML 1.0 text hygiene for the GEXF writer: every string that reaches the file goes through here.
 */

/** Characters XML 1.0 forbids outright: C0 controls except \t \n \r, lone surrogates, U+FFFE/U+FFFF. */
// In a /u regex a surrogate range only matches lone surrogates: a valid pair is one code point.
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
// Quick tests without /u (much faster); they also match valid pairs (emoji), which the slow paths keep.
const ILLEGAL_OR_SPECIAL = /[\u0000-\u001F&<>"'\uD800-\uDFFF\uFFFE\uFFFF]/;
const ILLEGAL_OR_SPECIAL_BUT_DOUBLE_QUOTE = /[\u0000-\u001F&<>'\uD800-\uDFFF\uFFFE\uFFFF]/;
const ILLEGAL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Characters only the character-by-character path handles: controls and surrogates. */
const CONTROL_OR_SURROGATE = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes the characters XML 1.0 cannot carry at all. */
export function stripIllegalXmlChars(text: string): string {
  return ILLEGAL_TEST.test(text) ? text.replace(ILLEGAL_CHARS, '') : text;
}

/** Replaces each forbidden character by `replacement` (ids must stay distinct and non-empty). */
export function replaceIllegalXmlChars(text: string, replacement: string): string {
  return ILLEGAL_TEST.test(text) ? text.replace(ILLEGAL_CHARS, replacement) : text;
}

/**
 * Escapes `text` for a double- or single-quoted XML attribute value (also safe as element text),
 * dropping forbidden characters; \t \n \r become character references so that parsers do not
 * fold them to spaces. One pass over the string: this runs on every value of a big graph.
 */
export function escapeXml(text: string): string {
  if (!ILLEGAL_OR_SPECIAL.test(text)) return text;
  return CONTROL_OR_SURROGATE.test(text) ? escapeSlowly(text, true) : escapeMarkup(text, true);
}

/** False when escapeXml would return `text` unchanged (and so would stripIllegalXmlChars). */
export function needsXmlEscaping(text: string): boolean {
  return ILLEGAL_OR_SPECIAL.test(text);
}

/** True when `text` holds a control character, a surrogate (even a valid pair) or U+FFFE/U+FFFF. */
export function hasControlOrSurrogate(text: string): boolean {
  return CONTROL_OR_SURROGATE.test(text);
}

/**
 * Escapes `text` for a single-quoted attribute value: double quotes stay as they are. Used for
 * JSON list values, which are full of double quotes; any XML parser reads both quote styles.
 */
export function escapeXmlForSingleQuotes(text: string): string {
  if (!ILLEGAL_OR_SPECIAL_BUT_DOUBLE_QUOTE.test(text)) return text;
  return CONTROL_OR_SURROGATE.test(text) ? escapeSlowly(text, false) : escapeMarkup(text, false);
}

/**
 * The common case, text with an apostrophe or an ampersand but nothing exotic: native
 * indexOf/replaceAll scans are much faster than a JavaScript loop over every character.
 * Only for text known to hold no control character or surrogate (see hasControlOrSurrogate).
 */
export function escapeMarkup(text: string, escapeDoubleQuote: boolean): string {
  let out = text;
  // '&' first: the entities added after it must not be escaped again.
  if (out.includes('&')) out = out.replaceAll('&', '&amp;');
  if (out.includes('<')) out = out.replaceAll('<', '&lt;');
  if (out.includes('>')) out = out.replaceAll('>', '&gt;');
  if (out.includes("'")) out = out.replaceAll("'", '&apos;');
  if (escapeDoubleQuote && out.includes('"')) out = out.replaceAll('"', '&quot;');
  return out;
}

function escapeSlowly(text: string, escapeDoubleQuote: boolean): string {
  let out = '';
  let last = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string;
    if (code < 0x20) {
      replacement = code === 0x09 ? '&#9;' : code === 0x0a ? '&#10;' : code === 0x0d ? '&#13;' : '';
    } else if (code === 0x26) {
      replacement = '&amp;';
    } else if (code === 0x3c) {
      replacement = '&lt;';
    } else if (code === 0x3e) {
      replacement = '&gt;';
    } else if (code === 0x22 && escapeDoubleQuote) {
      replacement = '&quot;';
    } else if (code === 0x27) {
      replacement = '&apos;';
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid surrogate pair: keep both halves
        continue;
      }
      replacement = '';
    } else if (code === 0xfffe || code === 0xffff) {
      replacement = '';
    } else {
      continue;
    }
    out += text.slice(last, i) + replacement;
    last = i + 1;
  }
  return out + text.slice(last);
}

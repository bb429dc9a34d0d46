/**
 * XML 1.0 text hygiene for the GEXF writer: every string that reaches the file goes through here.
 */

/** Characters XML 1.0 forbids outright: C0 controls except \t \n \r, lone surrogates, U+FFFE/U+FFFF. */
// In a /u regex a surrogate range only matches lone surrogates: a valid pair is one code point.
const ILLEGAL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const ILLEGAL_OR_SPECIAL = /[\u0000-\u001F&<>"'\uD800-\uDFFF\uFFFE\uFFFF]/u;
const ILLEGAL_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;
const SPECIAL_CHARS = /[&<>"'\t\n\r]/g;

/** Entities for attribute values; \t \n \r as character references so parsers do not fold them to spaces. */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Removes the characters XML 1.0 cannot carry at all. */
export function stripIllegalXmlChars(text: string): string {
  return ILLEGAL_TEST.test(text) ? text.replace(ILLEGAL_CHARS, '') : text;
}

/** Replaces each forbidden character by `replacement` (ids must stay distinct and non-empty). */
export function replaceIllegalXmlChars(text: string, replacement: string): string {
  return ILLEGAL_TEST.test(text) ? text.replace(ILLEGAL_CHARS, replacement) : text;
}

/** Escapes `text` for a double- or single-quoted XML attribute value (also safe as element text). */
export function escapeXml(text: string): string {
  if (!ILLEGAL_OR_SPECIAL.test(text)) return text;
  return stripIllegalXmlChars(text).replace(SPECIAL_CHARS, (c) => ENTITIES[c] ?? '');
}

/**
 * Character-level normalisation shared by every format: NFC, LF line ends, no XML-illegal
 * characters, no zero-width junk, one space between words. Whole-string passes only (linear time).
 */

// C0 controls except \t \n (\r, \v, \f are turned into line breaks first), DEL, C1 controls.
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Non-characters, replacement characters left by earlier bad decoding, BOM / zero-width no-break space, zero-width space, word joiner, soft hyphen, bidi marks.
// ZWNJ/ZWJ (U+200C/D) are kept: they carry meaning in Persian and Arabic script and in emoji.
const INVISIBLE_JUNK = /[\uFFFD\uFFFE\uFFFF\uFEFF\u200B\u2060\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069\u180E]/g;
// Tabs and every Unicode space separator (NBSP, thin spaces, ideographic space...) become a plain space.
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const SPACE_RUNS = / {2,}/g;
const LINE_EDGE_SPACES = /^ +| +$/gm;

export function normalizeText(raw: string): string {
  let text = raw.replace(/\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g, '\n');
  text = text.replace(CONTROL_CHARS, '').replace(LONE_SURROGATES, '').replace(INVISIBLE_JUNK, '');
  text = text.normalize('NFC');
  text = text.replace(SPACES, ' ').replace(SPACE_RUNS, ' ').replace(LINE_EDGE_SPACES, '');
  return text;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos|nbsp));/gi;

/** Decodes the few HTML entities that leak into scraped plain text ("&lt;", "&amp;", "&#3;"). */
export function decodeBasicEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  });
}

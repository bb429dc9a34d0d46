import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/ingest/index.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { htmlToText } from '../../src/ingest/html.js';
import { normalizeText } from '../../src/ingest/normalize.js';
import { markdownToText } from '../../src/ingest/markdown.js';

const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Text made of article-like pieces mixed with arbitrary (also invalid) characters.
const pieces = fc.oneof(
  fc.constantFrom('Share', 'Back to top', 'Leave a Reply', 'News ID: 1', '26 March 2016 9:51', 'Headline here', '\n', '\n\n', '\r\n', ' ', '\u00A0', '\u200B', '\uD800', '\u0000', '\t', '&amp;', '<p>'),
  fc.constantFrom(
    'The army said on Sunday that its troops had entered the eastern districts of the city after heavy fighting.',
    'Local sources reported that dozens of families fled towards the countryside as the clashes spread.',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const pageText = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

describe('properties of the cleaning core', () => {
  it('any text gives either no document or a clean one, deterministically', () => {
    fc.assert(
      fc.property(pageText, fc.constantFrom<'txt' | 'md' | 'html'>('txt', 'md', 'html'), (raw, format) => {
        const run = () => docFromText(raw, { id: 'p', file: 'p.txt', format }, {}, () => {});
        const doc = run();
        expect(JSON.stringify(run())).toBe(JSON.stringify(doc));
        if (!doc) return;
        expect(doc.text.length).toBeGreaterThan(0);
        for (const s of [doc.text, doc.title]) {
          expect(XML_ILLEGAL.test(s)).toBe(false);
          expect(s).toBe(s.normalize('NFC'));
          expect(s).not.toMatch(/ {2}|\r|\t|\u200B|\u00A0/);
        }
        expect(doc.title).not.toMatch(/\n/);
        expect(doc.text).not.toMatch(/\n{3,}|^\s|\s$/);
        for (const p of doc.text.split('\n\n')) expect(p).toBe(p.trim());
        if (doc.date) expect(doc.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }),
      { numRuns: 400 },
    );
  });

  it('normalising is idempotent', () => {
    fc.assert(
      fc.property(pageText, (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('decoding, HTML and Markdown extraction never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), pageText, (bytes, text) => {
        const decoded = decodeBytes(bytes);
        if (decoded.ok) expect(typeof decoded.text).toBe('string');
        expect(typeof htmlToText(`<html><body>${text}</body></html>`).text).toBe('string');
        expect(typeof markdownToText(`---\n${text}\n---\n${text}`).text).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('the text never exceeds maxChars', () => {
    fc.assert(
      fc.property(pageText, fc.integer({ min: 1, max: 300 }), (raw, maxChars) => {
        const doc = docFromText(raw, { id: 'p', file: 'p.txt', format: 'txt' }, { maxChars }, () => {});
        if (doc) expect(doc.text.length).toBeLessThanOrEqual(Math.max(maxChars, doc.title.length));
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyHashFilter, lowerAsciiHash } from '../../src/knowledge/word-hash.js';

describe('word hash filter', () => {
  it('never turns away a key, in any case, in place in a text', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 50 }), fc.nat(), (keys, pick) => {
        const filter = new KeyHashFilter(keys.map((k) => k.toLowerCase()));
        const k = keys[pick % keys.length]!;
        const text = `(${k.toUpperCase()}) ${k}`;
        expect(filter.mayHave(lowerAsciiHash(text, 1, 1 + k.length))).toBe(true);
        expect(filter.mayHave(lowerAsciiHash(text, k.length + 3, text.length))).toBe(true);
      }),
    );
  });

  it('lets every word that is not ASCII through, and turns most other words away', () => {
    const filter = new KeyHashFilter(['aleppo', 'idlib', 'raqqa']);
    expect(lowerAsciiHash('Ḥamā', 0, 4)).toBe(-1);
    expect(filter.mayHave(-1)).toBe(true);
    const others = ['the', 'said', 'of', 'and', 'forces', 'killed', 'people', 'town', 'village', 'government'];
    expect(others.filter((w) => filter.mayHave(lowerAsciiHash(w, 0, w.length))).length).toBeLessThan(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCapitalised, isSpace, isWord, tokenize, writesInLowerCase } from '../../src/extract/tokens.js';

// The regular expressions the hand-written tests stand for.
const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

function tokenizeByRegex(text: string, offset = 0): Array<{ text: string; start: number; end: number }> {
  const out = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: offset + m.index!, end: offset + m.index! + m[0].length });
  return out;
}

describe('tokens', () => {
  it('isSpace is \\s for every UTF-16 unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('tokenize finds what the global regular expression finds', () => {
    const texts = [
      '',
      '   ',
      "Syrian forces shelled al-Mahr and Dara'a on Monday, killing 12 (SOHR).",
      'Sha’er\u00a0gas field — “Ain al-Zekr” 1,200 km\u2028U.S.-backed',
      'Math 𝐀𝐁 letters, lone \ud800 surrogate and 😀 emoji\tend ',
    ];
    for (const t of texts) expect(tokenize(t, 7)).toEqual(tokenizeByRegex(t, 7));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (t) => {
      expect(tokenize(t)).toEqual(tokenizeByRegex(t));
    }));
  });

  it('isCapitalised and isWord agree with their regular expressions', () => {
    const words = ['Assad', 'assad', 'al-Bab', 'al-bab', 'a-Nusra', 'ul-Haq', 'Émile', 'émile', '𝐀x', 'ñ', '1990', '-', '’', 'ش', ''];
    for (const w of words) {
      expect(isCapitalised(w), w).toBe(/^\p{Lu}/u.test(w) || /^(?:al|el|ad|ar|as|ash|az|ez|an|at|a|ul)-\p{Lu}/u.test(w));
      if (w) expect(isWord({ text: w, start: 0, end: w.length }), w).toBe(/[\p{L}\p{N}]/u.test(w[0]!));
    }
  });

  it('writesInLowerCase is membership in the set of lower-case words', () => {
    const lowerWords = (text: string): Set<string> => new Set([...text.matchAll(/(?<![\p{L}\-'’])\p{Ll}[\p{Ll}\-]{2,}/gu)].map((m) => m[0]));
    const text = "Rebels took al-Bab; the rebels' base, co-op and Hama-based 'camp' ’camp’ x-ray élan Élan the-";
    for (const w of ['rebels', 'took', 'bab', 'base', 'co-op', 'based', 'camp', 'ray', 'x-ray', 'élan', 'the', 'the-', 'he', 'Rebels', 'reb'])
      expect(writesInLowerCase(text, w), w).toBe(lowerWords(text).has(w));
    const letters = fc.constantFrom('a', 'b', 'B', '-', "'", '’', ' ', 'é', 'É', '𝐚', '\ud835');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), fc.array(letters, { minLength: 3, maxLength: 5 }), (t, w) => {
        const text = t.join('');
        const word = w.join('');
        expect(writesInLowerCase(text, word)).toBe(lowerWords(text).has(word));
      }),
      { numRuns: 3000 },
    );
  });
});

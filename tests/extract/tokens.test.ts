import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCapitalised, isSpace, isWord, tokenize } from '../../src/extract/tokens.js';

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
});

import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/nlp/sentences.js';

describe('splitSentences', () => {
  it('splits on terminal punctuation and keeps offsets into the text', () => {
    const text = 'Rebels took the town. The army withdrew! Was it over? Nobody knew.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Rebels took the town.', 'The army withdrew!', 'Was it over?', 'Nobody knew.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not split after titles, initials and abbreviations', () => {
    const s = splitSentences('Maj. Gen. John Smith met Dr. Ali in the U.S. capital. He left.');
    expect(s.map((x) => x.text)).toEqual(['Maj. Gen. John Smith met Dr. Ali in the U.S. capital.', 'He left.']);
  });

  it('does not split before a lower-case word or inside numbers', () => {
    const s = splitSentences('The strike killed 3.5 percent of the unit. e.g. nothing else.');
    expect(s).toHaveLength(1);
  });

  it('handles closing quotes after the full stop', () => {
    const s = splitSentences('“We will win.” The commander left.');
    expect(s.map((x) => x.text)).toEqual(['“We will win.”', 'The commander left.']);
  });

  it('numbers paragraphs and treats single line breaks as sentence ends', () => {
    const text = 'Headline without a stop\nFirst line of body.\n\nSecond paragraph. Another.';
    const s = splitSentences(text);
    expect(s.map((x) => [x.paragraph, x.text])).toEqual([
      [0, 'Headline without a stop'],
      [0, 'First line of body.'],
      [1, 'Second paragraph.'],
      [1, 'Another.'],
    ]);
    expect(splitParagraphs(text)).toHaveLength(2);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { nameWords, personVariants } from '../../src/resolve/person-variants.js';

describe('people spelt in other transliterations', () => {
  it('compare names word by word without the Arabic article', () => {
    expect(nameWords('Ahmed al-Jarba')).toEqual(['ahmed', 'jarba']);
    expect(nameWords('Mahmoud el Hassan')).toEqual(['mahmoud', 'hassan']);
  });

  it('fold a name whose words differ in a letter at most into the one ranked first', () => {
    const list = [
      { key: 'jarba', name: 'Ahmad Jarba', known: false },
      { key: 'al-jarba', name: 'Ahmed al-Jarba', known: false },
      { key: 'alloush', name: 'Mohammed Alloush', known: false },
      { key: 'allouch', name: 'Mohammad Allouch', known: false },
    ];
    expect(Object.fromEntries(personVariants(list, new Map()))).toEqual({ 'al-jarba': 'jarba', allouch: 'alloush' });
  });

  it('keep apart other names, short words, single words and known people', () => {
    const list = [
      { key: 'hassan', name: 'Hassan Ali', known: false },
      { key: 'hussein', name: 'Hussein Ali', known: false },
      { key: 'omar-ali', name: 'Omar Ali', known: false },
      { key: 'amar-ali', name: 'Amar Ali', known: false },
      { key: 'bashar', name: 'Bashar', known: false },
      { key: 'bachar', name: 'Bachar', known: false },
      { key: 'known', name: 'Ahmad Jarba', known: true },
      { key: 'known2', name: 'Ahmed Jarba', known: true },
    ];
    expect(personVariants(list, new Map()).size).toBe(0);
  });
});

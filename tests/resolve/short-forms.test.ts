import { describe, expect, it } from 'vitest';
import { shortFormMap } from '../../src/resolve/short-forms.js';
import type { EntityRef } from '../../src/extract/model.js';

function people(...names: Array<string | [string, boolean]>): Map<string, EntityRef> {
  return new Map(
    names.map((n) => {
      const [label, known] = typeof n === 'string' ? [n, false] : n;
      return [`actor:person:${label.toLowerCase()}`, { key: `actor:person:${label.toLowerCase()}`, kind: 'actor', type: 'person', label, known }];
    }),
  );
}
const ties = (refs: Map<string, EntityRef>): Record<string, string> => Object.fromEntries([...shortFormMap(refs)].map(([a, b]) => [refs.get(a)!.label, refs.get(b)!.label]));

describe('people named by the end of their name, across the corpus', () => {
  it('join the one person whose full name ends so, with or without the Arabic article', () => {
    expect(ties(people('Bill Clinton', 'Clinton', 'Bob Dole', 'Dole'))).toEqual({ Clinton: 'Bill Clinton', Dole: 'Bob Dole' });
    expect(ties(people(['Rami Abdel Rahman', true], 'Abdel Rahman', 'Rahman'))).toEqual({ 'Abdel Rahman': 'Rami Abdel Rahman', Rahman: 'Rami Abdel Rahman' });
    expect(ties(people('Salman al-Afandi', 'Afandi'))).toEqual({ Afandi: 'Salman al-Afandi' });
  });

  it('stay apart when two people’s names end so, or the word is someone’s given name, or it is too short', () => {
    expect(ties(people('Bashar al-Assad', 'Hafez al-Assad', 'Assad'))).toEqual({});
    expect(ties(people('Saddam Hussein', 'Hussein Ali', 'Hussein'))).toEqual({});
    expect(ties(people('Hassan Ali', 'Ali'))).toEqual({});
  });

  it('never fold a lexicon person, an organisation, or a name into itself', () => {
    expect(ties(people('Boris Johnson', ['Johnson', true]))).toEqual({});
    const org = people('Barry Citrus Products');
    org.set('actor:organization:products', { key: 'actor:organization:products', kind: 'actor', type: 'organization', label: 'Products' });
    expect(ties(org)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { creditSpans, insideSpans } from '../../src/extract/credits.js';
import { entitiesOf } from '../helpers/entities.js';

const people = (text: string): string[] =>
  Object.values(entitiesOf(text).refs)
    .filter((r) => r.type === 'person')
    .map((r) => r.label)
    .sort();
const places = (text: string): string[] =>
  Object.values(entitiesOf(text).refs)
    .filter((r) => r.kind === 'place')
    .map((r) => r.label)
    .sort();

describe('agency credits', () => {
  it('finds chained credit clauses and photo credits', () => {
    const text = 'Talks resumed in Vienna. Additional reporting by Ingrid Halvorsen in Oslo; Writing by Tomas Brandt; Editing by Kate Moody';
    const spans = creditSpans(text);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('Additional reporting by Ingrid Halvorsen in Oslo; Writing by Tomas Brandt; Editing by Kate Moody');
    const photo = 'Smoke rises over the town. REUTERS/Omar Sanadiki fighting went on.';
    expect(creditSpans(photo).map((s) => photo.slice(s.start, s.end))).toEqual(['REUTERS/Omar Sanadiki']);
    expect(insideSpans(spans, text.indexOf('Tomas'), text.indexOf('Tomas') + 12)).toBe(true);
    expect(insideSpans(spans, 0, 5)).toBe(false);
  });

  it('keeps the people a credit names out of the graph, but not its places', () => {
    const text =
      'Syrian Foreign Minister Walid al-Moualem met Hassan Rouhani in Tehran on Monday. Additional reporting by Ingrid Halvorsen in Oslo and Marek Novak in Prague; Writing by Tomas Brandt; Editing by Kate Moody';
    const found = people(text);
    expect(found).toContain('Walid al-Moualem');
    for (const reporter of ['Ingrid Halvorsen', 'Marek Novak', 'Tomas Brandt', 'Kate Moody']) expect(found).not.toContain(reporter);
    expect(places(text)).toEqual(expect.arrayContaining(['Oslo', 'Prague', 'Tehran']));
  });

  it('keeps a person a story says something was done by', () => {
    expect(people('The attack was claimed by Abu Mohammed al-Golani, the group said.')).toContain('Abu Mohammad al-Julani');
  });
});

describe("a dateline's bracketed byline", () => {
  it('the reporter after the agency in brackets is no actor; a person in other brackets is', () => {
    const text = 'KABUL Afghanistan (The Associated Press Halvard Lund) Afghan officials said Colonel Amir Haidari was killed near Herat.';
    expect(people(text)).not.toContain('Halvard Lund');
    expect(people(text)).toContain('Amir Haidari');
    const spans = creditSpans('TUNIS (Agence Tunis Afrique Press Lina Berg) Talks resumed.');
    expect(spans).toHaveLength(1);
    expect(creditSpans('The envoy (Marek Novak) arrived.')).toEqual([]);
  });
});

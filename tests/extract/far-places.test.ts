import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../helpers/entities.js';

/** Each place named in the text: its surface and, where it has them, its rounded coordinates. */
function places(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of entitiesOf(text, '2016-09-01').mentions) {
    if (m.kind === 'place' && m.type !== 'country') out[m.surface] = m.lat === undefined ? 'unlocated' : `${Math.round(m.lat)},${Math.round(m.lon!)}`;
  }
  return out;
}

describe('a town far from every other place of its article', () => {
  it('gives way to the capital of the same name (Berlin, not Berlin in New Hampshire beside Washington)', () => {
    const p = places('American officials said Washington and the United States army would help. US envoys met in Berlin on Monday to discuss the shelling of Aleppo and Homs, the United States said.');
    expect(p['Berlin']).toBe('53,13');
    expect(p['Aleppo']).toBe('36,37');
  });

  it('stays where its neighbours are (Berlin, New Hampshire, beside Concord and Manchester)', () => {
    expect(places('Snow closed roads in Berlin, Concord and Manchester, New Hampshire officials said on Monday.')['Berlin']).toBe('44,-71');
  });

  it('is kept when it is a large city (London beside Aleppo), and a town of the article’s own country is never doubted', () => {
    const p = places('Airstrikes hit Aleppo and Idlib, the Observatory, based in London, said.');
    expect(p['London']).toBe('52,0');
    expect(places('Rebels shelled Qamishli. Officials in Daraa denied it.')).toEqual({ Qamishli: '37,41', Daraa: '33,36' });
  });

  it('loses its coordinates when it is small, thousands of kilometres away and no namesake fits', () => {
    const p = places('Army units shelled Hama and Homs. Families fled to University City.');
    expect(p['University City']).toBe('unlocated');
    expect(p['Homs']).toBe('35,37');
  });
});

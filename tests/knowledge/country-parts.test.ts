import { describe, expect, it } from 'vitest';
import { countryPartCoordinates, directionOf, isCountryPart } from '../../src/knowledge/country-parts.js';
import { loadGazetteer } from '../../src/knowledge/gazetteer.js';
import { entitiesOf } from '../helpers/entities.js';

describe('parts of a country named by a direction', () => {
  it('reads direction words in their spellings', () => {
    expect(directionOf('north-western')).toBe('northwest');
    expect(directionOf('Eastern')).toBe('east');
    expect(directionOf('central')).toBe('central');
    expect(directionOf('upper')).toBeUndefined();
  });

  it('places a part among the regions that lie that way', () => {
    const g = loadGazetteer();
    const syria = g.country('SY')!;
    const north = countryPartCoordinates(g, syria, 'north')!;
    const south = countryPartCoordinates(g, syria, 'south')!;
    const east = countryPartCoordinates(g, syria, 'east')!;
    expect(north.lat).toBeGreaterThan(syria.lat);
    expect(south.lat).toBeLessThan(syria.lat);
    expect(east.lon).toBeGreaterThan(syria.lon);
    expect(countryPartCoordinates(g, syria, 'central')).toEqual({ lat: syria.lat, lon: syria.lon });
  });

  it('makes "northern Syria" a region of its own, inside Syria, and leaves other words alone', () => {
    const r = entitiesOf('Jets struck targets in northern Syria and in the east of Syria on Monday. Syria denied it.');
    const parts = Object.values(r.refs).filter((ref) => isCountryPart(ref.key));
    expect(parts.map((p) => p.label).sort()).toEqual(['Eastern Syria', 'Northern Syria']);
    expect(r.mentions.filter((m) => isCountryPart(m.key)).map((m) => m.surface).sort()).toEqual(['east of Syria', 'northern Syria']);
    for (const p of parts) expect(r.relations).toContainEqual(expect.objectContaining({ from: p.key, to: 'place:country:SY', relation: 'located in' }));
    // the country is named too: "Syria" of "northern Syria" stays a mention of Syria
    const at = 'Jets struck targets in northern '.length;
    expect(r.mentions.some((m) => m.key === 'place:country:SY' && m.start === at)).toBe(true);
    // "Syria denied it" stays the country
    expect(r.mentions.some((m) => m.key === 'place:country:SY' && m.surface === 'Syria')).toBe(true);
    const plain = entitiesOf('Talks on Syria resumed in Geneva with the opposition from Syria.');
    expect(Object.keys(plain.refs).some(isCountryPart)).toBe(false);
  });
});

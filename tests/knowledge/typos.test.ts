import { describe, expect, it } from 'vitest';
import { oneTypo, oneTypoAway, spellingsByLength, type KnownPlace } from '../../src/knowledge/knowledge.js';

const place = (name: string) => ({ id: name, name, aliases: [], type: 'town', country: 'XX', lat: 0, lon: 0 }) as unknown as KnownPlace;

describe('a place one typo away', () => {
  const [hamas, homs, hama, hams] = ['hamas', 'homs', 'hama', 'hams'].map(place) as [KnownPlace, KnownPlace, KnownPlace, KnownPlace];

  it('is the first in the list of those one typo away, whatever their lengths', () => {
    // "hams": "hamas" less a letter, "homs" and "hama" one letter changed, "hams" itself
    expect(oneTypoAway(spellingsByLength([['hamas', hamas], ['homs', homs], ['hams', hams]]), 'hams')).toBe(hamas);
    expect(oneTypoAway(spellingsByLength([['homs', homs], ['hamas', hamas], ['hama', hama]]), 'hams')).toBe(homs);
    expect(oneTypoAway(spellingsByLength([['hama', hama], ['homs', homs]]), 'hams')).toBe(hama);
  });

  it('is none when every spelling is two edits away or more', () => {
    expect(oneTypoAway(spellingsByLength([['hamadan', hama], ['hm', homs], ['hmos', homs]]), 'hams')).toBeUndefined();
    expect(oneTypo('hmos', 'homs')).toBe(true); // a swap of neighbours is one typo
    expect(oneTypoAway(spellingsByLength([['hmos', homs]]), 'homs')).toBe(homs);
  });
});

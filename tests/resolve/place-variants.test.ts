import { describe, expect, it } from 'vitest';
import { consonantSkeleton, skeletonVariants } from '../../src/resolve/place-variants.js';

describe('places spelt with other vowels', () => {
  it('share a consonant skeleton', () => {
    expect(consonantSkeleton('Kafr Batna')).toBe(consonantSkeleton('Kfar Batna'));
    expect(consonantSkeleton('Tal Baghdaq')).toBe(consonantSkeleton('Tel Baghdaq'));
    expect(consonantSkeleton('Saif al-Dawleh')).toBe(consonantSkeleton('Seif al-Dawla'));
    expect(consonantSkeleton('Kafr Batna')).not.toBe(consonantSkeleton('Kafr Nabudah'));
  });

  it('fold an unknown spelling into the known or more frequent one, and only long skeletons', () => {
    const list = [
      { key: 'known:kafr-batna', name: 'Kafr Batna', known: true },
      { key: 'tel', name: 'Tel Baghdaq', known: false },
      { key: 'kfar', name: 'Kfar Batna', known: false },
      { key: 'tal', name: 'Tal Baghdaq', known: false },
      { key: 'hama', name: 'Hama', known: false },
      { key: 'homa', name: 'Homa', known: false },
    ];
    expect(Object.fromEntries(skeletonVariants(list, new Map()))).toEqual({ kfar: 'known:kafr-batna', tal: 'tel' });
  });

  it('fold a short skeleton only when the last word is spelt the same', () => {
    const list = [
      { key: 'ain', name: 'Ain Tarma', known: false },
      { key: 'ein', name: 'Ein Tarma', known: false },
      { key: 'umm', name: 'Ain Hamra', known: false },
      { key: 'tel', name: 'Ein Hamri', known: false },
      { key: 'hama', name: 'Hama', known: false },
      { key: 'homa', name: 'Homa', known: false },
    ];
    expect(Object.fromEntries(skeletonVariants(list, new Map()))).toEqual({ ein: 'ain' });
  });

  it('fold a name too short for its skeleton by its transliteration key, if long enough', () => {
    const list = [
      { key: 'rasafa', name: 'al-Rasafa', known: false },
      { key: 'rasafeh', name: 'al-Rasafeh', known: false },
      { key: 'hama', name: 'Hama', known: false },
      { key: 'homa', name: 'Homa', known: false },
      { key: 'qusayr', name: 'Qusayr', known: false },
      { key: 'qasr', name: 'Qasr', known: false },
    ];
    expect(Object.fromEntries(skeletonVariants(list, new Map()))).toEqual({ rasafeh: 'rasafa' });
    // Never into a known place by that key, and not names written far apart.
    const others = [
      { key: 'iraq', name: 'Sulaymaniyah', known: true },
      { key: 'aleppo', name: 'al-Sulaimaniyeh', known: false },
      { key: 'hammouriyah', name: 'Hammouriyah', known: false },
      { key: 'humeiri', name: 'Al-Humeiri', known: false },
    ];
    expect(skeletonVariants(others, new Map()).size).toBe(0);
  });

  it('leave a known place and an already folded one alone', () => {
    const list = [
      { key: 'a', name: 'Tal Baghdaq', known: true },
      { key: 'b', name: 'Tel Baghdaq', known: true },
      { key: 'c', name: 'Tall Baghdaq', known: false },
    ];
    expect(skeletonVariants(list, new Map([['c', 'a']])).size).toBe(0);
  });
});

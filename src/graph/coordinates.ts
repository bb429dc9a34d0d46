import type { KnowledgeGraph } from './build.js';

/** How many "located in" or "near" steps a place may climb to find coordinates. */
const MAX_DEPTH = 3;
/**
 * Coordinates found by climbing are dropped when, in one of the place's articles, they lie
 * farther than this from every town or city the article locates (a company read as a place in a
 * wire that names one US state and a foreign city).
 */
const FAR_KM = 2000;

type Precision = 'parent' | 'region' | 'near';

/**
 * A place the gazetteer could not locate takes the coordinates of the place the articles put it
 * in ("the al-Sukkari neighbourhood of Aleppo" → Aleppo's), marked `geoPrecision: 'parent'`, or
 * `'region'` when the nearest located parent is a province or region (its centroid), as ACLED's
 * geo_precision does; failing a parent, those of the place the articles set it beside ("a village
 * 10 km north of Manbij"), marked `'near'`. Countries are never a parent here: a country's
 * centroid says nothing about where in it a place lies, so such a place keeps no coordinates.
 * Among several parents the one the articles name most often wins (then the key, for a
 * deterministic choice).
 */
export function inheritCoordinates(graph: KnowledgeGraph): number {
  let located = 0;
  const via = (key: string, relation: string): string[] =>
    graph
      .outEdges(key)
      .filter((e) => graph.getEdgeAttribute(e, 'relation') === relation)
      .map((e) => ({ to: graph.target(e), weight: graph.getEdgeAttribute(e, 'weight') }))
      .filter(({ to }) => graph.getNodeAttribute(to, 'kind') === 'place' && graph.getNodeAttribute(to, 'type') !== 'country')
      .sort((a, b) => b.weight - a.weight || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
      .map(({ to }) => to);
  const find = (key: string, depth: number, seen: Set<string>, near: boolean): { lat: number; lon: number; precision: Precision } | undefined => {
    for (const [relation, isNear] of [['located in', near], ['near', true]] as const) {
      for (const parent of via(key, relation)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        const a = graph.getNodeAttributes(parent);
        if (a.lat !== undefined && a.lon !== undefined && a.geoPrecision === undefined) {
          return { lat: a.lat, lon: a.lon, precision: isNear ? 'near' : a.type === 'region' ? 'region' : 'parent' };
        }
        const up = depth < MAX_DEPTH ? find(parent, depth + 1, seen, isNear) : undefined;
        if (up) return up;
      }
    }
    return undefined;
  };
  // The towns and cities each article locates by their own coordinates.
  const locatedIn = new Map<string, Array<{ key: string; lat: number; lon: number }>>();
  graph.forEachNode((key, a) => {
    if (a.kind !== 'place' || a.lat === undefined || a.lon === undefined || a.geoPrecision !== undefined) return;
    if (a.type === 'country' || a.type === 'region') return;
    for (const doc of a.documents) {
      const list = locatedIn.get(doc);
      if (list) list.push({ key, lat: a.lat, lon: a.lon });
      else locatedIn.set(doc, [{ key, lat: a.lat, lon: a.lon }]);
    }
  });
  // Each article that locates other towns must have one of them within reach of the coordinates.
  const fitsArticles = (key: string, documents: readonly string[], at: { lat: number; lon: number }): boolean => {
    for (const doc of documents) {
      let others = 0;
      let near = false;
      for (const o of locatedIn.get(doc) ?? []) {
        if (o.key === key) continue;
        others++;
        if (distanceKm(o, at) <= FAR_KM) {
          near = true;
          break;
        }
      }
      if (others > 0 && !near) return false;
    }
    return true;
  };
  // Sorted keys: a place found through another one that was located here first gets the same answer
  // whatever the graph's insertion order, since only own coordinates are inherited.
  for (const key of graph.nodes().sort()) {
    const a = graph.getNodeAttributes(key);
    if (a.kind !== 'place' || a.lat !== undefined || a.type === 'country' || a.type === 'region') continue;
    const found = find(key, 1, new Set([key]), false);
    if (!found || !fitsArticles(key, a.documents, found)) continue;
    graph.mergeNodeAttributes(key, { lat: found.lat, lon: found.lon, geoPrecision: found.precision });
    located++;
  }
  return located;
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

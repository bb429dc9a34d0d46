/** Colours by kind and type, and the legend model (which doubles as the kind/type filter). */
import { KIND_COLORS, RELATION_COLORS, TYPE_COLORS } from '../../../src/graph/style';
import type { ViewerGraph } from './types';

const KIND_ORDER = ['actor', 'place', 'event'];

// The one palette: the pipeline's (src/graph/style.ts), which also colours graph.json and
// graph.gexf, so the canvas, its legend, the viewer's GEXF export and Gephi agree.
const KIND_COLOURS: Readonly<Record<string, string>> = KIND_COLORS;
const TYPE_COLOURS: Readonly<Record<string, string>> = TYPE_COLORS;

/** Categorical colours for communities (Louvain ids), distinct from one another at a glance. */
const COMMUNITY_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#bcbd22', '#7f3c8d'];
/** Communities beyond the largest ones share one muted colour, so twelve hues stay telling. */
export const OTHER_COMMUNITY_COLOUR = '#98a0aa';

/**
 * Nodes and edges outside the time range ("ghosts"): greys lighter than any colour a shown node
 * or edge takes (tests/viewer keep every such colour at least ΔE 20 from GHOST_NODE, 10 from
 * GHOST_EDGE), so the palette's own greys (statement, the other communities) never read as faded.
 */
export const GHOST_NODE = '#eceef1';
export const GHOST_EDGE = '#f3f4f6';

export type ColourMode = 'type' | 'kind' | 'community';
export const COLOUR_MODES: readonly ColourMode[] = ['type', 'kind', 'community'];
/** What a node's radius shows: the pipeline's importance (its `size`), or how often it is mentioned. */
export type SizeMode = 'importance' | 'mentions';
export const SIZE_MODES: readonly SizeMode[] = ['importance', 'mentions'];

/**
 * The community → colour table: the largest communities (by node count, then id) get the
 * categorical colours in order, the rest OTHER_COMMUNITY_COLOUR. Deterministic for a graph.
 */
export function communityColours(graph: ViewerGraph): Map<number, string> {
  const sizes = new Map<number, number>();
  graph.forEachNode((_k, a) => {
    const c = typeof a.community === 'number' ? a.community : -1;
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  });
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out = new Map<number, string>();
  ranked.forEach(([c], i) => out.set(c, c >= 0 && i < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[i]! : OTHER_COMMUNITY_COLOUR));
  return out;
}

export interface CommunityEntry {
  community: number;
  colour: string;
  count: number;
  /** Label of its most important member, to name it. */
  example: string;
}

/** The coloured communities, largest first, each named by its most important member. */
export function communityLegend(graph: ViewerGraph, colours: Map<number, string>): CommunityEntry[] {
  const best = new Map<number, { count: number; example: string; weight: number }>();
  graph.forEachNode((_k, a) => {
    const c = typeof a.community === 'number' ? a.community : -1;
    const weight = a.importance ?? a.size;
    const entry = best.get(c);
    if (!entry) best.set(c, { count: 1, example: a.label, weight });
    else {
      entry.count++;
      if (weight > entry.weight) Object.assign(entry, { example: a.label, weight });
    }
  });
  return [...best]
    .filter(([c]) => colours.get(c) !== OTHER_COMMUNITY_COLOUR)
    .map(([community, e]) => ({ community, colour: colours.get(community)!, count: e.count, example: e.example }))
    .sort((a, b) => b.count - a.count || a.community - b.community);
}

/** Edge colours by relation: the palette's, faded toward white so the nodes stay in front. */
export const RELATION_COLOURS: Readonly<Record<string, string>> = RELATION_COLORS;
const EDGE_FADE = 0.45;
/** Greys fade less: faded as much as hues, they would look like edges out of the time range. */
const GREY_EDGE_FADE = 0.15;
export const OTHER_RELATION_COLOUR = '#c2c8cf';

/** The colour an edge of this relation is drawn in (also its swatch in the edge key). */
export function relationColour(relation: string): string {
  const base = RELATION_COLOURS[relation];
  if (!base) return OTHER_RELATION_COLOUR;
  const [, a, b] = cieLab(base);
  return fade(base, Math.hypot(a, b) < 12 ? GREY_EDGE_FADE : EDGE_FADE);
}

/** CIE L*a*b* (D65) of a "#rrggbb" colour. */
export function cieLab(colour: string): [number, number, number] {
  const n = parseInt(colour.slice(1, 7), 16);
  const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => linear(c / 255)) as [number, number, number];
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 colour difference (ΔE*ab): about 2 is just noticeable. */
export function colourDistance(a: string, b: string): number {
  const p = cieLab(a);
  const q = cieLab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const FALLBACK = ['#6c757d', '#8e6c8a', '#5e8c7d', '#a67c52', '#4f6d7a', '#9c6644', '#5c677d', '#7d8f69'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function kindColour(kind: string): string {
  return KIND_COLOURS[kind] ?? FALLBACK[hash(kind) % FALLBACK.length]!;
}

/**
 * Stable colour of a (kind, type) pair, as the pipeline colours it (a country keeps the place
 * colour whether actor or place); types the palette does not know get a deterministic muted
 * colour, untyped nodes their kind's.
 */
export function typeColour(kind: string, type: string): string {
  return TYPE_COLOURS[type] ?? (type ? FALLBACK[hash(`${kind}/${type}`) % FALLBACK.length]! : kindColour(kind));
}

export interface LegendType {
  type: string;
  colour: string;
  count: number;
}

export interface LegendKind {
  kind: string;
  colour: string;
  count: number;
  types: LegendType[];
}

/** Kinds in actor/place/event order (then others by name), each with its types by count then name. */
export function buildLegend(graph: ViewerGraph): LegendKind[] {
  const kinds = new Map<string, Map<string, number>>();
  graph.forEachNode((_key, attrs) => {
    let types = kinds.get(attrs.kind);
    if (!types) kinds.set(attrs.kind, (types = new Map()));
    types.set(attrs.type, (types.get(attrs.type) ?? 0) + 1);
  });
  const rank = (kind: string): number => {
    const i = KIND_ORDER.indexOf(kind);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...kinds.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((kind) => {
      const types = [...kinds.get(kind)!]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([type, count]) => ({ type, colour: typeColour(kind, type), count }));
      return { kind, colour: kindColour(kind), count: types.reduce((n, t) => n + t.count, 0), types };
    });
}

/** Mix a "#rrggbb" colour toward white (amount 0..1); used for dimmed and ghost items. */
export function fade(colour: string, amount: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!m) return colour;
  const n = parseInt(m[1]!, 16);
  const mix = (c: number): string =>
    Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

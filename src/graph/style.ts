import type { EdgeAttributes, NodeAttributes } from '../types.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '../knowledge/event-types.js';

/**
 * Colours by kind and type: actors warm, places green/teal, events blue/purple, so a glance at the
 * canvas (or Gephi's partition) tells the three apart. Event colours come from the event-type
 * registry; the viewer's legend reads this same table.
 */
export const TYPE_COLORS: Record<string, string> = {
  // actors
  person: '#e15759',
  'armed group': '#b6202d',
  military: '#f28e2b',
  government: '#d4a017',
  organization: '#ff9da7',
  media: '#9c755f',
  // places
  country: '#2e7d32',
  region: '#59a14f',
  city: '#17becf',
  town: '#76b7b2',
  area: '#8cd17d',
  site: '#499894',
  // events: the registry's colours
  ...Object.fromEntries(EVENT_TYPE_NAMES.map((t) => [t, EVENT_TYPES[t].color])),
};

export const KIND_COLORS: Record<string, string> = { actor: '#e15759', place: '#59a14f', event: '#4e79a7' };

export const RELATION_COLORS: Record<string, string> = {
  agent: '#4e79a7',
  target: '#e15759',
  location: '#59a14f',
  source: '#bab0ac',
  'located in': '#8cd17d',
  near: '#b6e3a8',
  affiliation: '#f28e2b',
  'part of': '#f1ce63',
  ally: '#2ca02c',
  enemy: '#d62728',
  controls: '#9467bd',
  'mentioned with': '#cccccc',
};

export function colorOf(kind: string, type: string): string {
  // A country is both an actor and a place; it keeps the place colour.
  return TYPE_COLORS[type] ?? KIND_COLORS[kind] ?? '#999999';
}

export function styleNode(_key: string, attrs: NodeAttributes): void {
  attrs.color = colorOf(attrs.kind, attrs.type);
  // Importance in [0,1] → 3..18 px, so hubs stand out but leaves stay clickable.
  attrs.size = Math.round((3 + 15 * Math.sqrt(attrs.importance)) * 100) / 100;
}

export function styleEdge(attrs: EdgeAttributes): void {
  attrs.color = RELATION_COLORS[attrs.relation] ?? '#cccccc';
  attrs.size = Math.round(Math.min(6, 0.5 + Math.log2(1 + attrs.weight)) * 100) / 100;
}

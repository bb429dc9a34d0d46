import type { EdgeAttributes, NodeAttributes } from '../types.js';

/**
 * Colours by kind and type: actors warm, places green/teal, events blue/purple, so a glance at the
 * canvas (or Gephi's partition) tells the three apart. Data, not code, would be overkill here: the
 * viewer's legend reads the same table from the graph itself.
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
  // events
  battle: '#4e79a7',
  capture: '#1f3b99',
  withdrawal: '#86bcb6',
  airstrike: '#6a3d9a',
  shelling: '#8e6bbf',
  explosion: '#b07aa1',
  killing: '#5b2c6f',
  destruction: '#7f7f7f',
  deployment: '#a0cbe8',
  agreement: '#2ca02c',
  statement: '#bab0ac',
  aid: '#66c2a5',
  displacement: '#c49c94',
  arrest: '#393b79',
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

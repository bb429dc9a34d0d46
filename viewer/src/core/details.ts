/** What the side panel shows for a node, as plain data (the view only turns it into DOM text). */
import type { Evidence, ViewerGraph } from './types';

export interface NodeRef {
  key: string;
  label: string;
  kind: string;
}

export interface Neighbour extends NodeRef {
  /** The relation read from the selected node's side: "agent", "agent of", "located in", "contains"… */
  relation: string;
}

export interface NodeDetails {
  key: string;
  label: string;
  kind: string;
  type: string;
  /** Aliases other than the label. */
  aliases: string[];
  /** "2016-03-27", "2016-03-20 – 2016-03-23", first/last seen for non-events; null when undated. */
  dates: string | null;
  /** "34.5505, 38.2684" or null. */
  coordinates: string | null;
  country: string | null;
  /** Events: participants by role, in the order agent, target, source. */
  participants: Array<{ role: string; nodes: NodeRef[] }>;
  /** Events: where it happened. */
  places: NodeRef[];
  casualties: Array<{ label: string; value: number }>;
  figures: string[];
  modality: string | null;
  acled: string | null;
  mentions: number;
  documents: string[];
  evidence: Evidence[];
  neighbours: Neighbour[];
}

const INVERSE: Record<string, string> = {
  agent: 'agent of',
  target: 'target of',
  location: 'location of',
  source: 'source of',
  'located in': 'contains',
  affiliation: 'has member',
  'part of': 'has part',
  controls: 'controlled by',
};

/** How an edge reads from one of its ends. */
export function relationFrom(relation: string, outgoing: boolean): string {
  return outgoing ? relation : (INVERSE[relation] ?? relation);
}

const ROLES = ['agent', 'target', 'source'];

const byLabel = (a: NodeRef, b: NodeRef): number =>
  a.label.localeCompare(b.label, 'en') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function describeNode(graph: ViewerGraph, key: string): NodeDetails {
  const a = graph.getNodeAttributes(key);
  const ref = (k: string): NodeRef => {
    const n = graph.getNodeAttributes(k);
    return { key: k, label: n.label, kind: n.kind };
  };
  const participants = new Map<string, Map<string, NodeRef>>();
  const places = new Map<string, NodeRef>();
  const neighbours = new Map<string, Neighbour>();
  graph.forEachEdge(key, (_edge, e, source, target) => {
    const outgoing = source === key;
    const other = outgoing ? target : source;
    if (other === key) return;
    const relation = relationFrom(e.relation, outgoing);
    const id = `${other}\u0000${relation}`;
    if (!neighbours.has(id)) neighbours.set(id, { ...ref(other), relation });
    if (outgoing && a.kind === 'event') {
      if (ROLES.includes(e.relation)) {
        let role = participants.get(e.relation);
        if (!role) participants.set(e.relation, (role = new Map()));
        role.set(other, ref(other));
      } else if (e.relation === 'location') places.set(other, ref(other));
    }
  });
  const casualties: Array<{ label: string; value: number }> = [];
  for (const field of ['killed', 'wounded', 'captured'] as const) {
    const v = a[field];
    if (typeof v === 'number') casualties.push({ label: field, value: v });
  }
  return {
    key,
    label: a.label,
    kind: a.kind,
    type: a.type,
    aliases: a.aliases.filter((alias) => alias !== a.label),
    dates: describeDates(a),
    coordinates:
      typeof a.lat === 'number' && typeof a.lon === 'number' ? `${a.lat.toFixed(4)}, ${a.lon.toFixed(4)}` : null,
    country: typeof a.country === 'string' ? a.country : null,
    participants: ROLES.filter((r) => participants.has(r)).map((role) => ({
      role,
      nodes: [...participants.get(role)!.values()].sort(byLabel),
    })),
    places: [...places.values()].sort(byLabel),
    casualties,
    figures: Array.isArray(a.figures) ? a.figures : [],
    modality: typeof a.modality === 'string' ? a.modality : null,
    acled:
      [a.acledEventType, a.acledSubEventType].filter((v): v is string => typeof v === 'string' && v !== '').join(' / ') ||
      null,
    mentions: a.mentions,
    documents: a.documents,
    evidence: a.evidence,
    neighbours: [...neighbours.values()].sort(
      (x, y) => x.relation.localeCompare(y.relation, 'en') || byLabel(x, y),
    ),
  };
}

function describeDates(a: { kind: string; date?: string; dateEnd?: string; firstSeen?: string; lastSeen?: string }): string | null {
  if (a.date) return a.dateEnd && a.dateEnd !== a.date ? `${a.date} – ${a.dateEnd}` : a.date;
  if (a.firstSeen) return a.lastSeen && a.lastSeen !== a.firstSeen ? `${a.firstSeen} – ${a.lastSeen}` : a.firstSeen;
  return null;
}

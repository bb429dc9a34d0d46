import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, Evidence, EventType, NodeAttributes, Relation, Spell } from '../types.js';
import type { MergedEvent, MergedGraphData } from '../resolve/merge.js';
import { controlSpells } from './control.js';
import { inheritCoordinates } from './coordinates.js';
import { intervalOf } from './dates.js';
import { styleNode, styleEdge } from './style.js';
import { eventTypeInfo } from '../knowledge/event-types.js';

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function createKnowledgeGraph(): KnowledgeGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
}

/** Keys by support; ties keep first-mentioned order (insertion order is deterministic). */
function ranked(map: Map<string, number>): string[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

/** "Syrian Army captures Palmyra from ISIL, 2017-03-02" */
export function eventLabel(
  type: EventType,
  agent: string | undefined,
  place: string | undefined,
  target: string | undefined,
  date: string | undefined,
): string {
  const info = eventTypeInfo(type);
  let text: string;
  if (info.noun) {
    const noun = type.charAt(0).toUpperCase() + type.slice(1);
    text = agent ? `${agent} ${type}` : noun;
    if (place) text += ` in ${place}`;
  } else {
    if (agent) text = `${agent} ${info.verb}${place ? ` ${place}` : ''}`;
    else {
      // Without a doer, a noun phrase: "Unknown actor kills in Palmyra" reads as a name.
      const phrase = info.agentless;
      text = place ? `${phrase} ${place}` : phrase.slice(0, phrase.lastIndexOf(' '));
    }
    if (target && (type === 'capture' || type === 'battle' || type === 'airstrike' || type === 'shelling'))
      text += type === 'capture' ? ` from ${target}` : ` against ${target}`;
  }
  if (date) text += `, ${date}`;
  return text.replace(/ in in /g, ' in ');
}

function sortedEvidence(list: Evidence[]): Evidence[] {
  return [...list].sort((a, b) => a.doc.localeCompare(b.doc) || a.sentence - b.sentence);
}

/**
 * The event's date: the span of the days its reports give (a battle fought from the 8th to the
 * 11th), else the date most reports give, preferring the most precise.
 */
function bestDate(e: MergedEvent): { date?: string; precision?: 'day' | 'month' | 'year'; end?: string } {
  if (e.dateVotes.size === 0) return {};
  const days = [...e.dateVotes.keys()].filter((d) => d.length === 10).sort();
  if (days.length) {
    const last = days[days.length - 1]!;
    return { date: days[0]!, precision: 'day', ...(last !== days[0] ? { end: last } : {}) };
  }
  const votes = [...e.dateVotes.entries()];
  // A vaguer date supports every precise date inside it.
  const support = (d: string) => votes.reduce((n, [v, c]) => n + (d.startsWith(v) ? c : 0), 0);
  votes.sort((a, b) => support(b[0]) - support(a[0]) || b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const date = votes[0]![0];
  return { date, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year' };
}

/** A node's common attributes; layout, size, colour and metrics are filled in later. */
function newNode(label: string, kind: NodeAttributes['kind'], type: string, aliases: string[], documents: string[], mentions: number, evidence: Evidence[], seen: string[]): NodeAttributes {
  const attrs: NodeAttributes = {
    label, kind, type, aliases, documents, mentions,
    evidence: sortedEvidence(evidence),
    x: 0, y: 0, size: 1, color: '#999999', importance: 0, community: 0,
  };
  if (seen.length) {
    attrs.firstSeen = seen[0]!;
    attrs.lastSeen = seen[seen.length - 1]!;
  }
  return attrs;
}

export function buildGraph(data: MergedGraphData): KnowledgeGraph {
  const graph = createKnowledgeGraph();
  const docDate = new Map(data.documents.map((d) => [d.id, d.date]));

  // Entities, in key order.
  for (const key of [...data.entities.keys()].sort()) {
    const e = data.entities.get(key)!;
    // GeoNames spells places its own way ("Dayr Ḩāfir"); label them as the articles do.
    if (key.startsWith('place:geonames:')) {
      const spoken = [...e.aliasCounts.entries()]
        .filter(([a]) => /^\p{Lu}/u.test(a) && !/\s(?:province|governorate|city|region|district)$/i.test(a))
        .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0];
      if (spoken) e.ref = { ...e.ref, label: spoken[0] };
    }
    const aliases = [...e.aliases].filter((a) => a.trim()).sort();
    if (!aliases.includes(e.ref.label)) aliases.unshift(e.ref.label);
    const documents = [...e.documents].sort();
    const dates = e.dates.filter(Boolean).sort();
    const attrs = newNode(e.ref.label, e.ref.kind, String(e.ref.type), [...new Set(aliases)].sort(), documents, e.mentions, e.evidence, dates);
    if (e.ref.lat !== undefined && e.ref.lon !== undefined) {
      attrs.lat = e.ref.lat;
      attrs.lon = e.ref.lon;
    }
    if (e.ref.country) attrs.country = e.ref.country;
    if (e.ref.parent) attrs.parent = e.ref.parent;
    graph.addNode(key, attrs);
  }

  const edgeIds = new Map<string, number>();
  const addEdge = (from: string, to: string, attrs: EdgeAttributes): void => {
    if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) return;
    const base = `${attrs.relation}:${from}->${to}`;
    const n = (edgeIds.get(base) ?? 0) + 1;
    edgeIds.set(base, n);
    graph.addDirectedEdgeWithKey(n === 1 ? base : `${base}#${n}`, from, to, attrs);
  };

  for (const r of [...data.relations].sort((a, b) =>
    `${a.relation}|${a.from}|${a.to}`.localeCompare(`${b.relation}|${b.from}|${b.to}`),
  )) {
    const attrs: EdgeAttributes = { relation: r.relation, weight: r.weight, evidence: sortedEvidence(r.evidence) };
    if (r.title) attrs.title = r.title;
    addEdge(r.from, r.to, attrs);
  }

  // Places the gazetteer could not locate, placed by where the articles put them (before events take their place's coordinates).
  inheritCoordinates(graph);

  // Events.
  const labelOf = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, 'label') : undefined);
  for (const e of data.events) {
    const agents = ranked(e.agents).filter((k) => graph.hasNode(k));
    const targets = ranked(e.targets).filter((k) => graph.hasNode(k) && !e.agents.has(k));
    const places = ranked(e.places).filter((k) => graph.hasNode(k));
    const sources = ranked(e.sources).filter((k) => graph.hasNode(k));
    const { date, precision, end: rangeEnd } = bestDate(e);
    const documents = [...e.documents].sort();
    const dates = documents.map((d) => docDate.get(d)).filter((d): d is string => !!d).sort();
    const label = eventLabel(e.type, labelOf(agents[0] ?? ''), labelOf(places[0] ?? ''), labelOf(targets[0] ?? ''), date);
    const attrs = newNode(label, 'event', e.type, [label], documents, e.mentions, e.evidence, dates);
    Object.assign(attrs, { modality: e.modality, acledEventType: e.acledEventType, acledSubEventType: e.acledSubEventType, figures: [...e.figures] });
    if (e.background) attrs.background = true;
    if (date && precision) {
      attrs.date = date;
      attrs.datePrecision = precision;
      const dateEnd = [rangeEnd, e.dateEnd && e.dateEnd.length === date.length ? e.dateEnd : undefined].filter((x): x is string => !!x).sort().pop();
      if (dateEnd && dateEnd > date) attrs.dateEnd = dateEnd;
      const span = intervalOf(date, attrs.dateEnd);
      attrs.start = span.start;
      attrs.end = span.end;
    }
    for (const k of ['killed', 'wounded', 'captured'] as const) if (e[k] !== undefined) attrs[k] = e[k];
    const place = places[0] ? graph.getNodeAttributes(places[0]) : undefined;
    if (place?.lat !== undefined && place.lon !== undefined) {
      attrs.lat = place.lat;
      attrs.lon = place.lon;
    }
    graph.addNode(e.key, attrs);
    const ev = (rel: Relation, keys: string[], counts: Map<string, number>) => {
      for (const k of keys) addEdge(e.key, k, { relation: rel, weight: counts.get(k) ?? 1, evidence: attrs.evidence.slice(0, 3) });
    };
    ev('agent', agents, e.agents);
    ev('target', targets, e.targets);
    ev('location', places, e.places);
    ev('source', sources, e.sources);
  }

  addDerivedEdges(graph, data.events);
  return graph;
}

// Actors that can be a side in a war: whose alliances and hostilities the graph records.
const SIDE_TYPES: ReadonlySet<string> = new Set(['armed group', 'military', 'government', 'country']);

/** Two bodies of one state (its army and its government) are neither allies nor enemies. */
function sameState(graph: KnowledgeGraph, a: string, b: string): boolean {
  const pa = graph.getNodeAttribute(a, 'parent');
  const pb = graph.getNodeAttribute(b, 'parent');
  return pa === b || pb === a || (!!pa && pa === pb);
}

/**
 * ally and enemy edges only from what reports state ("A, backed by B, ...", "A seized X from B",
 * "clashes between A and B": the events' bonds), each with the events that support it; never
 * with a voice that reports the event. Then actor → place control spells.
 */
function addDerivedEdges(graph: KnowledgeGraph, events: MergedEvent[]): void {
  const pairs = new Map<string, { relation: Relation; from: string; to: string; weight: number; evidence: Evidence[]; events: string[] }>();
  const isSide = (k: string) => graph.hasNode(k) && graph.getNodeAttribute(k, 'kind') === 'actor' && SIDE_TYPES.has(graph.getNodeAttribute(k, 'type'));
  for (const e of events) {
    if (e.modality === 'denied' || e.modality === 'planned') continue;
    for (const [id, bond] of e.bonds) {
      const { a, b } = bond;
      if (a === b || !isSide(a) || !isSide(b) || sameState(graph, a, b)) continue;
      if (e.sources.has(a) || e.sources.has(b)) continue;
      const p = pairs.get(id) ?? { relation: bond.relation, from: a, to: b, weight: 0, evidence: [], events: [] };
      p.weight++;
      if (!p.events.includes(e.key)) p.events.push(e.key);
      for (const ev of bond.evidence) if (p.evidence.length < 5 && !p.evidence.some((x) => x.doc === ev.doc && x.sentence === ev.sentence)) p.evidence.push(ev);
      pairs.set(id, p);
    }
  }
  // An ally pair that also fights each other is recorded as both: infighting is real in this war.
  for (const p of [...pairs.values()].sort((a, b) =>
    `${a.relation}|${a.from}|${a.to}`.localeCompare(`${b.relation}|${b.from}|${b.to}`),
  )) {
    graph.addDirectedEdgeWithKey(`${p.relation}:${p.from}->${p.to}`, p.from, p.to, {
      relation: p.relation,
      weight: p.weight,
      evidence: sortedEvidence(p.evidence),
      events: p.events.sort(),
    });
  }

  for (const c of controlSpells(graph, events)) {
    const spells: Spell[] = c.spells;
    graph.addDirectedEdgeWithKey(`controls:${c.actor}->${c.place}`, c.actor, c.place, {
      relation: 'controls',
      weight: spells.length,
      evidence: c.evidence,
      events: c.events,
      spells,
    });
  }
}

export function styleGraph(graph: KnowledgeGraph): void {
  graph.forEachNode((key, attrs) => styleNode(key, attrs));
  graph.forEachEdge((key, attrs) => styleEdge(attrs));
}

import type { Evidence, Spell } from '../types.js';
import type { MergedEvent } from '../resolve/merge.js';
import type { KnowledgeGraph } from './build.js';
import { dayBefore, intervalOf } from './dates.js';

export interface ControlEdge {
  actor: string;
  place: string;
  spells: Spell[];
  evidence: Evidence[];
  /** The captures (and withdrawals) that opened its spells. */
  events: string[];
}

interface Change {
  day: string;
  gains?: string;
  loses?: string;
  evidence: Evidence[];
  event: string;
}

// Only forces hold ground (a person, a newspaper or an agency captures nothing), and a government
// only in its own country.
const HOLDERS: ReadonlySet<string> = new Set(['armed group', 'military', 'government']);
// Acts on the ground whose places make the theatre of a war.
const GROUND: ReadonlySet<string> = new Set(['capture', 'withdrawal', 'battle', 'shelling', 'airstrike', 'explosion']);
// A country is part of the theatre when at least this share of the reports of located acts on the ground are in it.
const THEATRE_SHARE = 0.1;

/**
 * The countries where the war of these events is fought: those holding a tenth or more of the
 * reports of located ground acts. "The Syrian army retook Palmyra, the ministry said in Moscow" puts no
 * Syrian unit in Moscow.
 */
export function theatreCountries(graph: KnowledgeGraph, events: MergedEvent[]): Set<string> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const e of events) {
    if (!GROUND.has(e.type) || e.modality === 'denied' || e.modality === 'planned') continue;
    const place = top(e.places);
    const country = place && graph.hasNode(place) ? graph.getNodeAttribute(place, 'country') : undefined;
    if (!country) continue;
    counts.set(country, (counts.get(country) ?? 0) + e.mentions);
    total += e.mentions;
  }
  return new Set([...counts].filter(([, n]) => n >= THEATRE_SHARE * total).map(([c]) => c));
}

// Air forces strike places but do not hold them.
const AIR = /\b(?:air|aerospace|aviation)\b/i;

/** The best-supported key; ties go to the first mentioned (Map insertion order is deterministic). */
function top(map: Map<string, number>, exclude?: Map<string, number>, accept: (k: string) => boolean = () => true): string | undefined {
  return [...map.entries()]
    .filter(([k]) => !exclude?.has(k) && accept(k))
    .sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Who held which place when, from asserted capture and withdrawal events: a capture by A from B
 * on day t ends B's spell the day before t and opens A's, until the next change of hands.
 * The last spell stays open until the latest date in the graph (the checker wants closed spells).
 */
export function controlSpells(graph: KnowledgeGraph, events: MergedEvent[]): ControlEdge[] {
  const isActor = (k?: string) => !!k && graph.hasNode(k) && graph.getNodeAttribute(k, 'kind') === 'actor' && HOLDERS.has(graph.getNodeAttribute(k, 'type'));
  const theatre = theatreCountries(graph, events);
  // A place of the theatre, not a country as a whole: a town changes hands, a country does not.
  const inTheatre = (k: string) => {
    const p = graph.getNodeAttributes(k);
    return p.kind === 'place' && p.type !== 'country' && (!p.country || theatre.has(p.country));
  };
  const changesByPlace = new Map<string, Change[]>();
  let lastDay = '';
  for (const e of events) {
    if (e.date) {
      const { end } = intervalOf(e.date, e.dateEnd);
      if (end > lastDay) lastDay = end;
    }
    if (e.modality !== 'asserted' || !e.date) continue;
    if (e.type !== 'capture' && e.type !== 'withdrawal') continue;
    const place = top(e.places);
    if (!place || !graph.hasNode(place) || !inTheatre(place)) continue;
    // a voice that reports the capture is not a side of it
    const placeCountry = graph.getNodeAttribute(place, 'country');
    const ground = (k: string) =>
      isActor(k) &&
      !AIR.test(graph.getNodeAttribute(k, 'label')) &&
      !e.sources.has(k) &&
      (graph.getNodeAttribute(k, 'type') !== 'government' || !placeCountry || graph.getNodeAttribute(k, 'country') === placeCountry);
    const agent = top(e.agents, undefined, ground);
    const target = top(e.targets, e.agents, ground);
    const change: Change = { day: intervalOf(e.date).start, evidence: e.evidence.slice(0, 2), event: e.key };
    if (e.type === 'capture') {
      if (isActor(agent)) change.gains = agent;
      if (isActor(target)) change.loses = target;
    } else if (isActor(agent)) change.loses = agent;
    if (!change.gains && !change.loses) continue;
    const list = changesByPlace.get(place) ?? [];
    list.push(change);
    changesByPlace.set(place, list);
  }

  const out: ControlEdge[] = [];
  for (const place of [...changesByPlace.keys()].sort()) {
    const changes = changesByPlace.get(place)!.sort((a, b) => a.day.localeCompare(b.day));
    const spells = new Map<string, { spells: Spell[]; evidence: Evidence[]; events: string[] }>();
    let holder: string | undefined;
    let since: string | undefined;
    const close = (day: string) => {
      if (holder && since && day >= since) {
        const s = spells.get(holder) ?? { spells: [], evidence: [], events: [] };
        s.spells.push({ start: since, end: day });
        spells.set(holder, s);
      }
    };
    for (const c of changes) {
      if (c.gains && c.gains === holder) continue; // a second report of the same change
      // A withdrawal changes hands only when the holder withdraws ("ISIS withdrew" while the
      // army already holds the town is the same change reported from the other side).
      if (!c.gains && c.loses !== holder) continue;
      // A withdrawal within two days of taking the place is the back-and-forth of the same battle.
      if (!c.gains && since && Date.parse(`${c.day}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`) <= 2 * 86_400_000) continue;
      if (holder) close(dayBefore(c.day) < since! ? since! : dayBefore(c.day));
      holder = c.gains;
      since = c.gains ? c.day : undefined;
      if (c.gains) {
        const s = spells.get(c.gains) ?? { spells: [], evidence: [], events: [] };
        s.evidence.push(...c.evidence);
        if (!s.events.includes(c.event)) s.events.push(c.event);
        spells.set(c.gains, s);
      }
    }
    if (holder && since) close(lastDay > since ? lastDay : since);
    for (const actor of [...spells.keys()].sort()) {
      const s = spells.get(actor)!;
      if (s.spells.length) out.push({ actor, place, spells: s.spells, evidence: s.evidence.slice(0, 5), events: [...s.events].sort() });
    }
  }
  return out;
}

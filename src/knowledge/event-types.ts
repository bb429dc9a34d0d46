/**
 * The event-type registry: every event type with its family (the clusters reports of one event
 * may join), its ACLED type and sub-type, how a label reads it and its colour. The extractor, the
 * merger, the graph builder (labels), the styling shared by the GEXF writer and the viewer all
 * read this table, and `EventType` is its keys: a new event type is one entry here (plus its
 * trigger words in data/lexicon/events.json).
 *
 * Plain data with no imports, so the viewer's bundle can read it as the pipeline does.
 */
export interface EventTypeInfo {
  /**
   * Reports of one event can differ in type but not in family ("fight" for a battle). Air strikes,
   * shelling and blasts are one family, ACLED's "remote violence": reports of one attack name its
   * weapon differently (a rocket attack, a bombardment, an explosion).
   */
  family: string;
  acled: string;
  acledSub: string;
  /** Label with a doer: "Syrian Army captures Palmyra"; `noun` types read "X statement in P". */
  verb: string;
  /** Label without a doer, a noun phrase: "Capture of Eastern Ghouta". */
  agentless: string;
  /** Labelled as a noun after the doer ("Russia statement in Moscow") rather than with a verb. */
  noun?: boolean;
  color: string;
}

export const EVENT_TYPES = {
  battle: { family: 'fight', acled: 'Battles', acledSub: 'Armed clash', verb: 'fights', agentless: 'Fighting in', color: '#4e79a7' },
  capture: { family: 'capture', acled: 'Battles', acledSub: 'Non-state actor overtakes territory', verb: 'captures', agentless: 'Capture of', color: '#1f3b99' },
  withdrawal: { family: 'withdrawal', acled: 'Strategic developments', acledSub: 'Non-violent transfer of territory', verb: 'withdraws from', agentless: 'Withdrawal from', color: '#86bcb6' },
  airstrike: { family: 'remote', acled: 'Explosions/Remote violence', acledSub: 'Air/drone strike', verb: 'strikes', agentless: 'Airstrike on', color: '#6a3d9a' },
  shelling: { family: 'remote', acled: 'Explosions/Remote violence', acledSub: 'Shelling/artillery/missile attack', verb: 'shells', agentless: 'Shelling of', color: '#8e6bbf' },
  explosion: { family: 'remote', acled: 'Explosions/Remote violence', acledSub: 'Remote explosive/landmine/IED', verb: 'explosion in', agentless: 'Explosion in', noun: true, color: '#b07aa1' },
  killing: { family: 'killing', acled: 'Violence against civilians', acledSub: 'Attack', verb: 'kills in', agentless: 'Killings in', color: '#5b2c6f' },
  destruction: { family: 'destruction', acled: 'Strategic developments', acledSub: 'Looting/property destruction', verb: 'destroys in', agentless: 'Destruction in', color: '#7f7f7f' },
  deployment: { family: 'deployment', acled: 'Strategic developments', acledSub: 'Change to group/activity', verb: 'deploys to', agentless: 'Deployment to', color: '#a0cbe8' },
  agreement: { family: 'agreement', acled: 'Strategic developments', acledSub: 'Agreement', verb: 'agreement in', agentless: 'Agreement in', noun: true, color: '#2ca02c' },
  statement: { family: 'statement', acled: 'Strategic developments', acledSub: 'Other', verb: 'statement on', agentless: 'Statement on', noun: true, color: '#bab0ac' },
  aid: { family: 'aid', acled: 'Strategic developments', acledSub: 'Other', verb: 'delivers aid in', agentless: 'Aid delivered in', color: '#66c2a5' },
  displacement: { family: 'displacement', acled: 'Strategic developments', acledSub: 'Other', verb: 'displacement from', agentless: 'Displacement from', noun: true, color: '#c49c94' },
  arrest: { family: 'arrest', acled: 'Strategic developments', acledSub: 'Arrests', verb: 'arrests in', agentless: 'Arrests in', color: '#393b79' },
} as const satisfies Record<string, EventTypeInfo>;

export type EventType = keyof typeof EVENT_TYPES;

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(name: string): name is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, name);
}

export function eventTypeInfo(type: EventType): EventTypeInfo {
  return EVENT_TYPES[type];
}

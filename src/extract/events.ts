import type { DatePrecision, Doc, EventType, Modality, Sentence } from '../types.js';
import type { EntityMention, EventMention } from './model.js';
import { findDates, type DateContext, type DateMention } from './dates.js';
import { findFigures } from './casualties.js';
import { findTriggers, type TriggerLexicon, type TriggerMatch } from './triggers.js';

/**
 * Event mentions: a trigger ("recaptured", "air raids"), its participants by role, its place and
 * its date, one sentence at a time. Roles come from word order around the trigger, which is how
 * news English states them: "[agent] seized [place] from [target]", "[target] was driven out of
 * [place] by [agent]", "clashes between [A] and [B] in [place]".
 */

// Event types whose reports are about actions on a place, and need one to be useful.
const PLACE_BOUND: ReadonlySet<EventType> = new Set<EventType>(['capture', 'withdrawal', 'battle', 'airstrike', 'shelling', 'deployment', 'aid']);
// Types that are events of their own only when nothing else happens in the sentence.
const WEAK: ReadonlySet<EventType> = new Set<EventType>(['statement']);

const GOVERNMENT_TYPES = new Set(['military', 'government', 'country']);
// Only armed actors fight, capture, strike, shell, kill or withdraw.
const VIOLENT: ReadonlySet<EventType> = new Set<EventType>(['battle', 'capture', 'withdrawal', 'airstrike', 'shelling', 'explosion', 'killing', 'destruction', 'deployment', 'arrest']);
const ARMED = new Set(['armed group', 'military', 'government', 'country']);
// The words that introduce the losing or attacked side, per event type.
const TARGET_CUES: Partial<Record<EventType, string[]>> = {
  capture: ['from', 'of'],
  battle: ['with', 'against', 'between', 'on', 'and'],
  airstrike: ['on', 'against', 'targeting', 'over'],
  shelling: ['on', 'against', 'targeting'],
  killing: ['of'],
  withdrawal: [],
  explosion: ['against', 'targeting'],
  arrest: [],
};
// Types whose direct object is the target ("killed 40 ISIL militants", "shelled the army's positions").
const OBJECT_TARGET: ReadonlySet<EventType> = new Set<EventType>(['killing', 'shelling', 'airstrike', 'arrest', 'battle']);
// Text between two actors of one side: "A and B", "A, backed by B", "A alongside B".
const JOINED = /^(?:\s*,?\s*(?:and|&|alongside|together with|along with|with the help of|in cooperation with|backed by|supported by|aided by|assisted by)\s+(?:the\s+|its\s+|their\s+)?|\s*,\s*(?:backed|supported|aided|assisted)\s+by\s+(?:the\s+)?|\s*,\s*)$/i;
const SPECIFICITY = (p: EntityMention): number =>
  p.type === 'site' || p.type === 'town' || p.type === 'area' ? 3 : p.type === 'city' ? 3 : p.type === 'region' ? 2 : 1;

interface Participant {
  m: EntityMention;
  /** Word before the mention, lower-cased: "from", "against", "by", "with"... */
  cue: string;
}

function wordBefore(text: string, offset: number, sentenceStart: number): string {
  const slice = text.slice(Math.max(sentenceStart, offset - 40), offset);
  const m = /([\p{L}-]+)[\s,]*(?:(?:the|a|an|so-called|its|their)\s+)*$/iu.exec(slice);
  return m ? m[1]!.toLowerCase() : '';
}

function wordsBetween(text: string, a: number, b: number): string {
  return text.slice(Math.min(a, b), Math.max(a, b));
}

export interface EventContext {
  triggers: TriggerLexicon;
}

export function extractEvents(
  doc: Doc,
  sentences: Sentence[],
  mentions: EntityMention[],
  ctx: EventContext,
): { events: EventMention[]; usedSentences: Set<number> } {
  const text = doc.text;
  const events: EventMention[] = [];
  const used = new Set<number>();
  const dateCtx: DateContext = {};
  if (doc.date) dateCtx.reference = doc.date;

  const bySentence = new Map<number, EntityMention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  // The document's salient city and protagonist, for "the city" and agentless reports.
  const counts = new Map<string, { m: EntityMention; n: number }>();
  for (const m of mentions) {
    const c = counts.get(m.key);
    if (c) c.n++;
    else counts.set(m.key, { m, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.m.key.localeCompare(b.m.key));
  const salientCity = ranked.find((c) => c.m.kind === 'place' && (c.m.type === 'city' || c.m.type === 'town'))?.m;

  let latestStated = '';
  let lastPlace: EntityMention | undefined;
  let lastParagraph = -1;
  let lastAgent: { m: EntityMention; sentence: number } | undefined;

  for (const s of sentences) {
    if (s.paragraph !== lastParagraph) {
      lastParagraph = s.paragraph;
    }
    const ents = bySentence.get(s.index) ?? [];
    const dates = findDates(s.text, dateCtx).filter((d) => d.date);
    for (const d of dates) if (!d.relative && d.date && d.date > latestStated) latestStated = d.date;
    const triggers = findTriggers(s.text, ctx.triggers);
    const places = ents.filter((e) => e.kind === 'place' && e.type !== 'country');
    const countriesHere = ents.filter((e) => e.kind === 'place' && e.type === 'country');
    const actors = ents.filter((e) => e.kind === 'actor' || e.type === 'country');
    if (triggers.length === 0) {
      if (places.length) lastPlace = places[places.length - 1];
      continue;
    }
    const strong = triggers.filter((t) => !WEAK.has(t.type));
    const chosen = strong.length ? dedupeTriggers(strong) : [];
    const figures = findFigures(s.text);
    const sources = findSources(s, actors, text);

    for (const t of chosen) {
      const tStart = s.start + t.start;
      const tEnd = s.start + t.end;
      const before: Participant[] = [];
      const after: Participant[] = [];
      const seenBefore = new Set<string>();
      for (const a of actors) {
        // A second name of one actor in the same stretch ("the Islamic State (ISIS)") adds nothing.
        if (a.end <= tStart && seenBefore.has(a.key)) continue;
        if (a.end <= tStart) seenBefore.add(a.key);
        const p = { m: a, cue: wordBefore(text, a.start, s.start) };
        if (a.end <= tStart) before.push(p);
        else if (a.start >= tEnd) after.push(p);
        else before.push(p); // the trigger is inside the name ("Russian airstrikes")
      }
      let agents: EntityMention[] = [];
      let targets: EntityMention[] = [];
      const sourceKeys = new Set(sources.map((x) => x.key));
      // Who can act in a violent event: forces, groups, states; not reporters or monitors.
      const canBeTarget = (p: Participant) =>
        !sourceKeys.has(p.m.key) && (VIOLENT.has(t.type) ? ARMED.has(String(p.m.type)) || t.type === 'killing' : p.m.type !== 'media');
      // A possessive is no subject: "Syria’s Dara’a province", "ISIL’s positions".
      // A demonym alone ("Russian support") names no actor.
      const canAct = (p: Participant) =>
        canBeTarget(p) && !/['’]s$/.test(p.m.surface) && !/^['’]s?\b/.test(text.slice(p.m.end, p.m.end + 3)) && !(p.m.type === 'country' && /(?:an|ian|ese|i|ish|ic)$/i.test(p.m.surface) && p.m.surface !== p.m.label);
      const targetCues = TARGET_CUES[t.type] ?? [];

      if (t.passive) {
        // "Palmyra was captured by ISIL from the army"
        agents = after.filter((p) => p.cue === 'by' && canAct(p)).map((p) => p.m);
        targets = before.filter(canBeTarget).slice(-1).map((p) => p.m);
        if (t.type === 'capture') targets = after.filter((p) => p.cue === 'from' && canBeTarget(p)).map((p) => p.m);
      } else if (t.roles?.gainer === 'to' || /\bfell\b|\bfall(?:s|en)?\b/.test(t.text)) {
        agents = after.filter((p) => p.cue === 'to' && canAct(p)).map((p) => p.m);
      } else {
        // The subject: the first actor of the clause before the trigger, with the actors joined
        // to it by "and", "backed by", "alongside", "with the help of"...
        const clauseStart = Math.max(s.start, ...[...text.slice(s.start, tStart).matchAll(/[;:]|,\s*(?:which|who|but)\b|\b(?:while|after|before|when|because|although|though|since|until|as)\s/g)].map((m) => s.start + m.index! + 1));
        // "4,000 fighters of the ISIL captured": "of" after a word for fighters introduces the subject.
        const fightersOf = (p: Participant) => p.cue === 'of' && /\b(?:fighters|militants|members|troops|units|forces|soldiers|elements|jihadists|rebels|gunmen)\s+of\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, p.m.start - 30), p.m.start));
        const subj = before.filter((p) => p.m.start >= clauseStart && canAct(p) && (fightersOf(p) || !['from', 'against', 'with', 'on', 'of', 'to', 'at', 'in', 'near', 'over', 'targeting'].includes(p.cue)));
        if (subj.length) {
          agents = [subj[0]!.m];
          for (let k = 1; k < subj.length; k++) {
            const gap = text.slice(subj[k - 1]!.m.end, subj[k]!.m.start);
            if (JOINED.test(gap)) agents.push(subj[k]!.m);
            else break;
          }
        }
        targets = after.filter((p) => canBeTarget(p) && (targetCues.includes(p.cue) || (OBJECT_TARGET.has(t.type) && p.m.start - tEnd < 30))).map((p) => p.m);
        // "clashes between A and B": both sides act.
        if (t.type === 'battle' && agents.length === 0 && targets.length >= 2) {
          agents = targets.slice(0, 2);
          targets = [];
        }
      }
      // Places: the most specific one in the clause after the trigger ("seized Palmyra"), then
      // before it ("Palmyra in Homs province was liberated"), then the context.
      const placeAfter = places.filter((p) => p.start >= tEnd);
      const placeBefore = places.filter((p) => p.end <= tStart);
      const pick = (list: EntityMention[], fromEnd: boolean) => {
        const ordered = fromEnd ? [...list].reverse() : list;
        return ordered.reduce<EntityMention | undefined>((best, p) => (!best || SPECIFICITY(p) > SPECIFICITY(best) ? p : best), undefined);
      };
      const chosen = pick(placeAfter, false) ?? pick(placeBefore, true);
      let place: EntityMention[] = chosen ? [chosen] : [];
      const definiteCity = /\bthe\s+(?:\S+\s+){0,3}(?:city|town)\b/i.test(s.text.slice(t.end));
      if (place.length === 0 && definiteCity && salientCity) place = [salientCity];
      if (place.length === 0 && lastPlace && lastPlace.sentence >= s.index - 2) place = [lastPlace];
      if (place.length === 0 && PLACE_BOUND.has(t.type) && salientCity) place = [salientCity];
      if (place.length === 0 && countriesHere.length) place = [countriesHere[0]!];

      // "The Syrian army says it has retaken Palmyra": the speaker is the subject of its claim.
      if (agents.length === 0 && !t.passive) {
        const speaker = [...before].reverse().find((p) => sourceKeys.has(p.m.key) && ARMED.has(String(p.m.type)));
        if (speaker && /^\W*(?:\w+\W+){0,2}(?:says?|said|announced|claimed|stated|declared|confirmed)\s+(?:that\s+)?(?:it|they)\b/i.test(text.slice(speaker.m.end, tStart)))
          agents = [speaker.m];
      }
      // Agentless reports ("the destruction of the temple") borrow the last agent nearby.
      if (agents.length === 0 && lastAgent && lastAgent.sentence >= s.index - 2 && !actors.some((a) => ARMED.has(String(a.type)) && a.type !== 'country')) {
        const a = lastAgent.m;
        if (!targets.some((x) => x.key === a.key)) agents = [a];
      }
      agents = uniqueByKey(agents);
      targets = uniqueByKey(targets).filter((x) => !agents.some((a) => a.key === x.key));

      // Date: the mention nearest the trigger, else present-tense news is the publication day.
      // A plan has no date of its own yet: the dates in its sentence belong to what did happen.
      const date = t.modality === 'planned' ? undefined : nearestDate(dates, t, s.text);
      let iso = date?.date;
      let precision: DatePrecision | undefined = date?.precision;
      let dateEnd = date?.endDate;
      // Undated: what the report is about (present or present-perfect tense, or the lead
      // paragraph of the article) happened on its publication day; background stays undated.
      // ...but not what a subordinate clause recalls ("months after the army liberated the town").
      const recalled = /\b(?:after|before|since|until)\b[^,;]*$/i.test(s.text.slice(Math.max(0, t.start - 60), t.start));
      const lede = s.paragraph <= 1 && !recalled;
      if (!iso && doc.date && t.modality !== 'planned' && !recalled && (t.tense === 'present' || lede || /\b(?:has|have)\s+(?:\S+\s+){0,2}\w+(?:ed|en)\b/.test(s.text))) {
        iso = doc.date;
        precision = doc.datePrecision ?? (doc.date.length === 10 ? 'day' : 'month');
        dateEnd = undefined;
      }
      const modality: Modality = t.negated ? 'denied' : t.modality;
      const acled = acledFor(t, agents);
      const ev: EventMention = {
        type: t.type,
        acledEventType: acled.type,
        acledSubEventType: acled.sub,
        modality,
        trigger: t.text,
        sentence: s.index,
        agents: agents.map((a) => a.key),
        targets: targets.map((a) => a.key),
        places: uniqueByKey(place).map((p) => p.key),
        sources: sources.map((x) => x.key),
        figures: [],
      };
      if (iso) {
        ev.date = iso;
        if (precision) ev.datePrecision = precision;
        if (dateEnd && dateEnd !== iso) ev.dateEnd = dateEnd;
      }
      for (const f of figures) {
        ev.figures.push(f.text);
        if (f.kind === 'killed' || f.kind === 'wounded' || f.kind === 'captured') {
          ev[f.kind] = Math.max(ev[f.kind] ?? 0, f.count);
        }
      }
      if (ev.places.length === 0 && ev.agents.length === 0) continue;
      events.push(ev);
      used.add(s.index);
      if (agents[0]) lastAgent = { m: agents[0], sentence: s.index };
    }
    if (places.length) lastPlace = places[places.length - 1];
  }
  if (!doc.date && latestStated) for (const e of events) if (!e.date) e.after = latestStated;
  return { events, usedSentences: used };
}

function uniqueByKey(list: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  return list.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

/** One trigger per type per sentence: "clashes ... fighting" in one sentence is one battle. */
function dedupeTriggers(list: TriggerMatch[]): TriggerMatch[] {
  // Words of one type close together are one event ("clashes ... fighting"); far apart in the
  // sentence they can be two ("liberated X in 2016, a year after it was captured in 2015").
  const kept: TriggerMatch[] = [];
  for (const t of [...list].sort((a, b) => a.start - b.start)) {
    const prev = kept.filter((k) => k.type === t.type).pop();
    if (!prev || t.start - prev.end > 40) kept.push(t);
  }
  const near = (a: TriggerMatch, b: TriggerMatch) => Math.abs(a.start - b.start) <= 60;
  const captures = kept.filter((t) => t.type === 'capture');
  const battles = kept.filter((t) => t.type === 'battle');
  return kept.filter((t) => {
    // A capture subsumes the battle words around it ("seized ... after heavy clashes").
    if (t.type === 'battle') return !captures.some((c) => c.modality === 'asserted' && !c.negated && near(c, t));
    // "began an offensive to regain X": the offensive is the event, the capture only its aim.
    if (t.type === 'capture' && t.modality === 'planned') return !battles.some((b) => b.start < t.start && near(b, t));
    return true;
  });
}

function nearestDate(dates: DateMention[], t: TriggerMatch, sentence: string): DateMention | undefined {
  let best: DateMention | undefined;
  let bestDist = Infinity;
  for (const d of dates) {
    // "under ISIL control since May 2015": the start of a state, not the date of this event.
    if (/\b(?:since|until|till)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, d.start - 12), d.start))) continue;
    // A date across "after"/"before" belongs to the other clause: "On Thursday, X began an
    // offensive ... months after the army liberated the city".
    const between = d.start >= t.end ? sentence.slice(t.end, d.start) : sentence.slice(d.end, t.start);
    if (/\b(?:after|before|until|while|whereas)\b/i.test(between)) continue;
    const dist = d.start >= t.end ? d.start - t.end : t.start - d.end;
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best;
}

/** "said the Russian Defense Ministry", "according to SOHR", "X said", "X announced that". */
function findSources(s: Sentence, actors: EntityMention[], text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const a of actors) {
    if (a.kind !== 'actor') continue;
    const before = text.slice(Math.max(s.start, a.start - 30), a.start).toLowerCase();
    const after = text.slice(a.end, Math.min(s.end, a.end + 40)).toLowerCase();
    if (
      /(?:said|says|according to|reported|told|stated|announced|claimed|quoted|cited)\s+(?:the\s+)?(?:so-called\s+)?[\w\s]{0,20}$/.test(before) ||
      /^\s*(?:\w+\s+){0,2}(?:said|says|announced|stated|reported|claimed|confirmed|declared|noted|cited|estimated|revealed)\b/.test(after)
    ) {
      if (a.type === 'media' || a.type === 'organization' || a.type === 'government' || a.type === 'person' || a.type === 'military') out.push(a);
    }
  }
  return uniqueByKey(out);
}

function acledFor(t: TriggerMatch, agents: EntityMention[]): { type: string; sub: string } {
  if (t.type === 'capture' && agents[0]) {
    const gov = GOVERNMENT_TYPES.has(String(agents[0].type));
    return { type: 'Battles', sub: gov ? 'Government regains territory' : 'Non-state actor overtakes territory' };
  }
  return { type: t.acledEventType, sub: t.acledSubEventType };
}

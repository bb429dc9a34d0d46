import type { EntityMention } from './model.js';

/**
 * Who holds what office where, as news writes it, read from the words between a person's name
 * and the name of a body or place in the same sentence:
 *
 *   title before the name   "Syrian Information Minister Omran Zoabi", "SOHR director Rami Abdel Rahman"
 *   possessive              "the Observatory's director Rami Abdel Rahman"
 *   title of the body       "the head of the Observatory Rami Abdel Rahman", "the governor of Homs, Talal Barazi"
 *   apposition              "Redur Xelil, the spokesman of the YPG", "X, a commander with Ahrar al-Sham"
 *   "X of Y"                "Ahmed al-Jarba of the National Coalition"
 *   relative clause         "Abu Mohammad al-Julani, who leads the Nusra Front"
 *   passive                 "the U.N. inspection team in Syria led by Ake Sellstrom",
 *                           "the Sudanese Armed Forces, led by General Abdel Fattah al-Burhan"
 *
 * The words of a title are the cue list's titles (data/lexicon/cues.json): a title ends in one of
 * them ("Foreign Secretary", "deputy director"), after at most three words that qualify it.
 */
export interface Affiliation {
  person: EntityMention;
  /** The body or place, or the country a demonym names ("Syrian", "British"). */
  body: EntityMention | { country: string; start: number; end: number };
  /** The title, in lower case ("information minister"); empty for "X of Y". */
  title: string;
}

export interface AffiliationContext {
  /** Whether a lower-case word ends a title ("minister", "spokesman", "head"). */
  isTitleHead(word: string): boolean;
  /** Whether a lower-case word is part of some title ("deputy", "foreign", "press"). */
  isTitleWord(word: string): boolean;
  /** The country a demonym names ("Syrian" → SY). */
  countryOfDemonym(word: string): string | undefined;
}

/** How far apart, in characters, a title's person and body may be. */
const MAX_GAP = 80;
/** Words a title's qualifiers never are: they end the title going left. */
const NOT_QUALIFIER = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'by', 'with', 'at', 'in', 'on', 'from', 'said', 'says', 'told', 'its', 'his', 'her', 'their', 'that', 'who', 'as', 'former', 'then']);
/** The verb of a relative clause and the office it means. */
const HEADS_VERB: Record<string, string> = { heads: 'head', headed: 'head', leads: 'leader', led: 'leader', commands: 'commander', commanded: 'commander', chairs: 'chairman', runs: 'head', directs: 'director', founded: 'founder', represents: 'representative' };
const COMPOUND_ADJECTIVE = /^-\p{Ll}+\s/u;
const WORD = /[\p{L}][\p{L}.'’-]*/gu;

/** A body a person can belong to: an organisation, an armed group, a state, or a country or town whose official they are. */
function isBody(m: EntityMention): boolean {
  if (m.kind === 'actor') return m.type !== 'person';
  return m.type === 'country' || m.type === 'region' || m.type === 'city' || m.type === 'town';
}

/** Forms of address are titles but no office: "Dr", "Sheikh", "Mr" say nothing of a body. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sheikh', 'imam', 'professor', 'prof']);

function isOffice(word: string, ctx: AffiliationContext): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return ctx.isTitleHead(lower) && !HONORIFICS.has(lower);
}

/** The title that ends `gap` (words only, the last one a title head), with where it starts in the gap. */
function titleAtEnd(gap: string, ctx: AffiliationContext): { title: string; at: number } | undefined {
  const words = [...gap.matchAll(WORD)];
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  // Nothing but spaces and one comma may stand between the title and the name.
  if (!/^\s*,?\s*$/.test(gap.slice(last.index! + last[0].length))) return undefined;
  if (!isOffice(last[0], ctx)) return undefined;
  // Qualifiers are written as the head is ("Information Minister", "deputy director"), or are
  // title words in lower case (so "activists accused President" is no title).
  const capitalHead = /^\p{Lu}/u.test(last[0]);
  let first = words.length - 1;
  while (first > 0 && words.length - first <= 3) {
    const prev = words[first - 1]!;
    const between = gap.slice(prev.index! + prev[0].length, words[first]!.index!);
    const lower = prev[0].toLowerCase();
    if (!/^\s+$/.test(between) || NOT_QUALIFIER.has(lower) || ctx.countryOfDemonym(prev[0])) break;
    // A capitalised rank may follow lower-case title words: "intelligence chief Prince", "coalition
    // spokesperson Colonel".
    if (capitalHead ? !/^\p{Lu}/u.test(prev[0]) && !ctx.isTitleWord(lower) : !ctx.isTitleWord(lower)) break;
    first--;
  }
  const at = words[first]!.index!;
  return { title: gap.slice(at, last.index! + last[0].length).toLowerCase(), at };
}

const BODY_TITLE_GAP = /^(?:['’]s?)?((?:\s+\p{Ll}+){0,2})\s+$/u;

/**
 * Between a body and its title: a possessive, or up to two lower-case words that qualify the
 * title ("Houthi military spokesman"), no verb ("accused Director X") nor word of grammar.
 */
function bodyThenTitle(lead: string): boolean {
  const m = BODY_TITLE_GAP.exec(lead);
  if (!m) return false;
  const words = m[1]!.trim().split(/\s+/).filter(Boolean);
  return words.every((w) => !NOT_QUALIFIER.has(w) && !/(?:ed|ing|s)$/.test(w));
}

/** Title, then "of"/"for" and the body, ending the gap before the body: "the head of (the) ". */
const TITLE_OF = /^(.*?)\s+(?:of|for|at)\s+(?:the\s+)?$/su;
/** After the person: ", the commander of the", ", a spokesman for", " head of the", ", who heads the". */
function titleAfter(gap: string, ctx: AffiliationContext): string | undefined {
  const relative = /^\s*,?\s*who\s+(?:(?:also|now|currently)\s+)?(\p{L}+)\s+(?:the\s+)?$/u.exec(gap);
  if (relative) return HEADS_VERB[relative[1]!.toLowerCase()];
  const m = /^\s*,?\s*(?:(?:the|a|an|its|their)\s+)?((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\s+(?:of|for|at|with|in)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.exec(gap);
  if (!m || !isOffice(m[2]!, ctx)) return undefined;
  const qualifiers = m[1]!.trim().split(/\s+/).filter(Boolean);
  if (qualifiers.some((w) => NOT_QUALIFIER.has(w.toLowerCase()))) return undefined;
  return [...qualifiers, m[2]!].join(' ').toLowerCase();
}

/** "led by", "headed by": the passive of a leading verb, right before the person, and the office it means. */
// (a rank may stand before the name: "led by General X", "commanded by Lieutenant General X")
const LED_BY = /\b(led|headed|commanded|chaired|run|founded|directed)\s+by\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u;
const PASSIVE_OFFICE: Record<string, string> = { led: 'leader', headed: 'head', commanded: 'commander', chaired: 'chairman', run: 'head', founded: 'founder', directed: 'director' };
/** ", the private military company ": an apposition, one comma before it. */
const APPOSITION = /^\s*,\s*(?:the|an?)\s+[^,;:]*$/i;
/** A comma, and perhaps a relative pronoun and its verb, before the participle: ", which is (now) ". */
const PARTICIPLE_OPENING = /^\s*,\s*(?:(?:which|that|who)\s+(?:is|are|was|were)\s+)?(?:(?:now|also|currently)\s+)?$/;
/** Most words between a body's name and "led by": "the U.N. inspection team in Syria led by". */
const MAX_LED_GAP_WORDS = 5;

/**
 * "the Harbour Authority's inspection team in Oslo led by X": the body named last before "led
 * by" in the sentence, a few words before it, is the one the person leads (an actor named as
 * such; a place between, where the body works, or a common noun is passed over, and a comma
 * only opens an apposition: "the Falcon Group, the security firm led by X").
 */
function bodyLedBy(text: string, sorted: readonly EntityMention[], i: number): { mention: EntityMention; title: string } | undefined {
  const person = sorted[i]!;
  const led = LED_BY.exec(text.slice(Math.max(0, person.start - 48), person.start));
  if (!led) return undefined;
  const verbAt = person.start - led[0].length;
  for (let k = i - 1; k >= 0; k--) {
    const m = sorted[k]!;
    if (m.sentence !== person.sentence || verbAt - m.end > MAX_GAP) return undefined;
    // A place where the body works, or a common noun of the description ("the private military
    // company"), is passed over.
    if (m.kind === 'place' || /^\p{Ll}/u.test(m.surface)) continue;
    if (m.type === 'person') return undefined;
    const between = text.slice(m.end, verbAt);
    if ([...between.matchAll(WORD)].length > MAX_LED_GAP_WORDS) return undefined;
    // No clause between, but an apposition may describe the body ("the Wagner Group, the private
    // military company led by"), or a comma open the participle ("the RSF, commanded by", "the
    // fund, which is run by").
    if (/[,;:]/.test(between) && !APPOSITION.test(between) && !PARTICIPLE_OPENING.test(between)) return undefined;
    return { mention: m, title: PASSIVE_OFFICE[led[1]!.toLowerCase()]! };
  }
  return undefined;
}

/** The affiliations one sentence's mentions state (mentions of one sentence, any order). */
export function findAffiliations(text: string, mentions: readonly EntityMention[], ctx: AffiliationContext): Affiliation[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Affiliation[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const person = sorted[i]!;
    if (person.kind !== 'actor' || person.type !== 'person') continue;
    const before = sorted[i - 1];
    const lineStart = Math.max(0, person.start - MAX_GAP, before && before.sentence === person.sentence ? before.end : 0);
    const gapBefore = text.slice(lineStart, person.start);
    const adjacent = before !== undefined && before.sentence === person.sentence && before.end === lineStart && isBody(before);
    const led = bodyLedBy(text, sorted, i);
    const title = led ? undefined : titleAtEnd(gapBefore, ctx);
    if (led) {
      out.push({ person, body: led.mention, title: led.title });
    } else if (title) {
      // "Syrian Information Minister X"; "SOHR director X", "the Observatory's director X".
      const lead = gapBefore.slice(0, title.at);
      const demonym = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(lead);
      const cc = demonym ? ctx.countryOfDemonym(demonym[1]!) : undefined;
      if (cc) {
        const start = lineStart + demonym!.index;
        out.push({ person, body: { country: cc, start, end: start + demonym![1]!.length }, title: title.title });
      }
      else if (adjacent && bodyThenTitle(lead)) out.push({ person, body: before, title: title.title });
    } else if (adjacent && /^\s*,?\s*$/.test(gapBefore)) {
      // "the head of the Observatory Rami Abdel Rahman", "the governor of Homs, Talal Barazi".
      const of = TITLE_OF.exec(text.slice(Math.max(0, before.start - MAX_GAP), before.start));
      const t = of ? titleAtEnd(of[1]!, ctx) : undefined;
      if (t) out.push({ person, body: before, title: t.title });
    }
    let after = sorted[i + 1];
    if (!after || after.sentence !== person.sentence) continue;
    const gapAfter = text.slice(person.end, after.start);
    // "who runs the UK-based Observatory": a name in a compound adjective only qualifies the body after it.
    if (COMPOUND_ADJECTIVE.test(text.slice(after.end, after.end + 24))) after = sorted[i + 2];
    if (!after || after.sentence !== person.sentence || !isBody(after) || after.start - person.end > MAX_GAP) continue;
    const t = titleAfter(gapAfter, ctx);
    if (t) out.push({ person, body: after, title: t });
    else if (after.kind === 'actor' && /^\s+of\s+(?:the\s+)?$/.test(gapAfter)) out.push({ person, body: after, title: '' });
  }
  return out;
}

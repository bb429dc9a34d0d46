/**
 * Casualty figures in a sentence: "more than 300 Daesh elements" killed, "Dozens of soldiers
 * were killed", "killing and wounding a number of militants", "10,000 people had escaped".
 *
 * A number counts only when it is tied to a casualty cue (data/lexicon/events.json,
 * casualties.kinds) by position: the cue just before it ("killed 40 militants"), or after its
 * noun phrase ("Tens of terrorists were killed", "hundreds of terrorists dead or injured"), or a
 * "death toll ... to 50". Numbers of things ("11 tanks", "146 targets", "41 sorties") never count.
 * Vague amounts are read conservatively, as ACLED does (tens 10, dozens 12, hundreds 100).
 */
import { readEventLexiconFiles, type EventLexiconJson } from '../knowledge/event-lexicon.js';
import type { Report } from '../types.js';
import { longestFirst, phraseSource } from '../util/regexp.js';

export type FigureKind = 'killed' | 'wounded' | 'captured' | 'missing' | 'displaced';
export type Hedge = 'exact' | 'at least' | 'more than' | 'about' | 'up to' | 'vague';

export interface Figure {
  kind: FigureKind;
  /** Conservative count: the lower bound of a range, the stated number of "more than 300", 12 for "dozens". */
  count: number;
  low?: number;
  high?: number;
  hedge?: Hedge;
  /** The verbatim phrase: number, noun and cue ("killed more than 300 Daesh elements"). */
  text: string;
  /** Offsets into the sentence (end exclusive). */
  start: number;
  end: number;
}

export interface CasualtyLexicon {
  /** Cue regex per kind, matched at the start of a string. */
  kinds: Array<{ kind: FigureKind; re: RegExp }>;
  /** Any cue, anywhere (to find the "killed" in "killed 40 militants"). */
  anyCue: RegExp;
  person: Set<string>;
  nonPerson: Set<string>;
  /** One person named by a singular noun with its cue: "a civilian was killed", "killing the driver". */
  singlePassive?: RegExp;
  singleObject?: RegExp;
  quantity: RegExp;
  quantifiers: Map<string, number>;
  hedges: Array<{ hedge: Hedge; re: RegExp }>;
}

const KINDS: FigureKind[] = ['killed', 'wounded', 'captured', 'missing', 'displaced'];
const HEDGES: Hedge[] = ['at least', 'more than', 'about', 'up to'];

const phraseRe = (words: string[]): string =>
  [...new Set(words.map((w) => w.toLowerCase().trim()).filter(Boolean))]
    .sort(longestFirst)
    .map(phraseSource)
    .join('|');

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS)].join('|')})(?:-(?:${Object.keys(UNITS).join('|')}))?(?:\\s+(?:hundred|thousand|million)(?:\\s+(?:and\\s+)?(?:${[...Object.keys(UNITS), ...Object.keys(TENS)].join('|')})(?:-(?:${Object.keys(UNITS).join('|')}))?)?)?`;
const DIGITS = '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?(?:\\s+(?:million|thousand))?';

/** Value of "1,200", "twenty-three", "two hundred", "1.5 million". */
export function numberValue(text: string): number | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (million|thousand))?$/.exec(t);
  if (digits) {
    const n = Number(digits[1]!.replace(/,/g, ''));
    return Math.round(n * (digits[2] ? SCALES[digits[2]]! : 1));
  }
  let total = 0;
  let current = 0;
  for (const w of t.replace(/-/g, ' ').split(' ')) {
    if (w === 'and' || w === 'a' || w === 'an') {
      if (w !== 'and') current = current || 1;
      continue;
    }
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

export function compileCasualtyLexicon(json: EventLexiconJson): CasualtyLexicon {
  const c = json.casualties ?? {};
  const kinds = KINDS.filter((k) => c.kinds?.[k]?.length).map((k) => ({
    kind: k,
    re: new RegExp(`^(?:${phraseRe(c.kinds![k]!)})(?![\\p{L}])`, 'iu'),
  }));
  const allCues = KINDS.flatMap((k) => c.kinds?.[k] ?? []);
  const quantifiers = new Map<string, number>();
  for (const [k, v] of Object.entries(json.quantifiers ?? {})) if (!k.startsWith('$') && typeof v === 'number' && v > 0) quantifiers.set(k.toLowerCase(), v);
  const quantity = new RegExp(
    `(?<![\\p{L}\\p{N},.])(?:(?:between\\s+)?(${DIGITS}|${NUMBER_WORD})(?:\\s*(?:-|–|to|and)\\s*(${DIGITS}|${NUMBER_WORD}))?|(${phraseRe([...quantifiers.keys()])}))(?![\\p{L}\\p{N}]|,\\d)`,
    'giu',
  );
  const single = phraseRe(c.singularPersonNouns ?? []);
  const killedOrWounded = phraseRe([...(c.kinds?.killed ?? []), ...(c.kinds?.wounded ?? [])].filter((w) => /(?:ed|dead|slain)$/i.test(w)));
  const activeCues = phraseRe([...(c.kinds?.killed ?? []), ...(c.kinds?.wounded ?? [])].filter((w) => /(?:ing|ed)$/i.test(w) && !/\s/.test(w)));
  const out: CasualtyLexicon = {
    kinds,
    anyCue: new RegExp(`(?<![\\p{L}])(?:${phraseRe(allCues)})(?![\\p{L}])`, 'giu'),
    person: new Set((c.personNouns ?? []).map((w) => w.toLowerCase())),
    nonPerson: new Set((c.nonPersonNouns ?? []).map((w) => w.toLowerCase())),
    quantity,
    quantifiers,
    hedges: HEDGES.filter((h) => json.hedges?.[h]?.length).map((h) => ({
      hedge: h,
      re: new RegExp(`(?<![\\p{L}])(?:${phraseRe(json.hedges![h]!)})\\s+$`, 'iu'),
    })),
  };
  if (single && killedOrWounded) {
    // (a determiner, at most one word before the noun, a finite "be", the cue)
    out.singlePassive = new RegExp(`(?<![\\p{L}])(?:a|an|one|the|his|her|their)\\s+(?:[\\p{L}-]+\\s+)?(?:${single})\\s+(?:was|has\\s+been|had\\s+been|is)\\s+(?:\\p{L}+ly\\s+)?(?:${killedOrWounded})(?![\\p{L}])`, 'giu');
    out.singleObject = new RegExp(`(?<![\\p{L}])(?:${activeCues})\\s+(?:a|an|one|the|his|her|their)\\s+(?:[\\p{L}-]+\\s+)?(?:${single})(?![\\p{L}])`, 'giu');
  }
  return out;
}

export function loadCasualtyLexicon(extraFiles?: string[], report?: Report): CasualtyLexicon {
  return compileCasualtyLexicon(readEventLexiconFiles(extraFiles, report));
}

let defaultLexicon: CasualtyLexicon | undefined;

/** Words a sentence must contain to be worth reading (cheap prefilter). */
const PREFILTER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|tens|scores|several|number|few|many|numerous|couple)\b/i;

/** A singular victim needs a determiner (cheap prefilter for sentences without numbers). */
const SINGLE_PREFILTER = /\b(?:a|an|the|his|her|their)\s/i;

/** Finite "be"/"have" and adverbs that may stand between a noun phrase and its cue. */
const LINK = /^(?:\s+(?:were|was|have|has|had|been|are|is|got|remain|remained|remains|reportedly|also|all|later|allegedly|either|both|being|now|still|likely|believed|said|reported|thought|feared|known|to|be|confirmed|left|lay))*\s+/i;
// A subset named inside the noun phrase: "287 fighters, among them 26 minors, were killed".
const SUBSET = /^\s*,?\s*(?:among\s+them|among\s+whom|of\s+whom|including|one\s+(?:of\s+(?:them|whom)\s+)?(?:identified|named|described)\s+as)\s+[^,;.]{1,40}?\s*,?(?=\s+(?:were|was|have|has|had)\b)/i;
// "fighting that cost more than 500 lives", "the attack claimed the lives of two civilians"
const LIVES_AFTER = /^\s+lives\b/i;
const LIVES_VERB_BEFORE = /\b(?:cost|costing|claimed|claiming|took|taking)\s+$/i;
const LIVES_OF_BEFORE = /\b(?:cost|costing|claimed|claiming|took|taking)\s+(?:the\s+)?lives\s+of\s+$/i;

interface NounPhrase {
  end: number;
  person: boolean;
  thing: boolean;
}

/** The words after a number up to punctuation or a link verb: is its head a person or a thing? */
function nounPhrase(sentence: string, from: number, lex: CasualtyLexicon): NounPhrase {
  const re = /\s*(?:of\s+)?([\p{L}%][\p{L}'’-]*)/uy;
  let pos = from;
  let person = false;
  let thing = false;
  let end = from;
  for (let i = 0; i < 6; i++) {
    re.lastIndex = pos;
    const m = re.exec(sentence);
    if (!m) break;
    const w = m[1]!.toLowerCase().replace(/['’]s$/, '');
    // (an acronym in capitals is a name: "287 IS fighters")
    if (!/^\p{Lu}{2,}$/u.test(m[1]!) && /^(?:were|was|have|has|had|are|is|and|or|in|on|at|during|from|by|with|who|which|that|near|across)$/.test(w)) break;
    // the cue itself ends the noun phrase: "23 sailors died"
    if (kindsAt(sentence.slice(re.lastIndex - m[1]!.length), lex).length) break;
    pos = re.lastIndex;
    end = pos;
    const two = `${w} ${(/^\s*([\p{L}]+)/u.exec(sentence.slice(pos))?.[1] ?? '').toLowerCase()}`;
    if (lex.nonPerson.has(two) || lex.nonPerson.has(w)) {
      thing = true;
      break;
    }
    if (lex.person.has(two) || lex.person.has(w) || w === 'them' || w === 'whom') {
      person = true;
      break;
    }
  }
  return { end, person, thing };
}

function kindsAt(text: string, lex: CasualtyLexicon): Array<{ kind: FigureKind; length: number }> {
  const out: Array<{ kind: FigureKind; length: number }> = [];
  for (const k of lex.kinds) {
    const m = k.re.exec(text);
    if (m) {
      out.push({ kind: k.kind, length: m[0].length });
      break;
    }
  }
  return out;
}

/**
 * Casualty figures in one sentence, in text order. "killing and wounding a number of militants"
 * gives a killed and a wounded figure for the same number; so does "dead or injured".
 */
export function findFigures(sentence: string, lexicon?: CasualtyLexicon): Figure[] {
  const lex = lexicon ?? (defaultLexicon ??= loadCasualtyLexicon());
  const out: Figure[] = [];
  if (!PREFILTER.test(sentence)) {
    if (SINGLE_PREFILTER.test(sentence)) singleVictims(sentence, lex, out);
    return out;
  }
  lex.quantity.lastIndex = 0;
  for (let m = lex.quantity.exec(sentence); m; m = lex.quantity.exec(sentence)) {
    const qStart = m.index;
    const qEnd = m.index + m[0].length;
    // numbers glued to units ("2km") or parts of dates/times are not counts
    if (/^[\p{L}]/u.test(sentence.slice(qEnd)) || /^[:/]\d/.test(sentence.slice(qEnd))) continue;
    let count: number | undefined;
    let low: number | undefined;
    let high: number | undefined;
    let hedge: Hedge = 'exact';
    if (m[3]) {
      count = lex.quantifiers.get(m[3].toLowerCase().replace(/\s+/g, ' '));
      hedge = 'vague';
      low = count;
    } else {
      const a = numberValue(m[1] ?? '');
      const b = m[2] ? numberValue(m[2]) : undefined;
      if (a === undefined) continue;
      if (b !== undefined && b > a) {
        count = a;
        low = a;
        high = b;
        hedge = 'about';
      } else count = a;
      // a year or a time is not a count of people
      if (b === undefined && /^\d{4}$/.test(m[1] ?? '') && a >= 1900 && a <= 2100) continue;
    }
    if (count === undefined || count <= 0) continue;
    let start = qStart;
    const before = sentence.slice(Math.max(0, qStart - 25), qStart);
    if (hedge !== 'vague' && high === undefined) {
      for (const h of lex.hedges) {
        const hm = h.re.exec(before);
        if (hm) {
          hedge = h.hedge;
          start = qStart - hm[0].length;
          if (hedge === 'up to') high = count;
          else if (hedge !== 'about') low = count;
          break;
        }
      }
    }
    const np = nounPhrase(sentence, qEnd, lex);
    if (np.thing) continue;

    const found: Array<{ kind: FigureKind; s: number; e: number }> = [];
    // lives lost: "cost more than 500 lives", "claimed the lives of two civilians"
    const head45 = sentence.slice(Math.max(0, start - 45), start);
    if ((LIVES_AFTER.test(sentence.slice(qEnd)) && LIVES_VERB_BEFORE.test(head45)) || LIVES_OF_BEFORE.test(head45)) {
      const verb = /\b(?:cost|costing|claimed|claiming|took|taking)\b/i.exec(head45)!;
      found.push({ kind: 'killed', s: Math.max(0, start - 45) + verb.index, e: LIVES_AFTER.test(sentence.slice(qEnd)) ? qEnd + LIVES_AFTER.exec(sentence.slice(qEnd))![0].length : np.end });
    }
    // cue after the noun phrase: "were killed", "dead or injured", "had escaped"
    const subset = SUBSET.exec(sentence.slice(np.end));
    const npEnd = np.end + (subset ? subset[0].length : 0);
    const link = LINK.exec(sentence.slice(npEnd));
    const cuePos = npEnd + (link ? link[0].length : 0);
    let after = found.length ? [] : kindsAt(sentence.slice(cuePos), lex);
    if (after.length === 0 && np.person) {
      // lists: "Six command centers, 320 terrorists, five tanks ... were destroyed"
      const rest = sentence.slice(np.end);
      // (or joined by "and" alone: "120 soldiers and pro-regime militiamen and several dozen Kurdish forces were also killed")
      const list = /^(?:(?:,\s*[^,.;:]{1,40}?){1,8}?(?:,?\s+and\s+[^,.;:]{1,40}?)?|(?:\s+and\s+[^,.;:]{1,40}?){1,3})\s+(?:were|was|have been|had been)\s+(?:(?:\w+ly|also|all)\s+)?/i.exec(rest);
      if (list && !/\b(?:said|says|is|are|had|has|have)\b/i.test(list[0].replace(/(?:were|was|have been|had been)\s+(?:(?:\w+ly|also|all)\s+)?$/i, ''))) {
        const at = np.end + list[0].length;
        after = kindsAt(sentence.slice(at), lex).filter((k) => k.kind === 'killed');
        for (const k of after) found.push({ kind: k.kind, s: start, e: at + k.length });
        after = [];
      }
    }
    for (const k of after) {
      found.push({ kind: k.kind, s: start, e: cuePos + k.length });
      // "dead or injured", "killed and wounded"
      const more = /^\s+(?:or|and|and\/or)\s+/i.exec(sentence.slice(cuePos + k.length));
      if (more) {
        const at = cuePos + k.length + more[0].length;
        for (const k2 of kindsAt(sentence.slice(at), lex)) if (k2.kind !== k.kind) found.push({ kind: k2.kind, s: start, e: at + k2.length });
      }
    }
    // cue before: "killed 40 militants", "killing and wounding a number of militants"
    if (found.length === 0 && !np.thing) {
      // (a quote may open before the number: 'killed "tens of people."')
      const head = sentence.slice(Math.max(0, start - 45), start).replace(/["“”']+\s*$/u, (q) => ' '.repeat(q.length));
      const cueBefore = /([\p{L}][\p{L} ]*?)\s+(?:(?:and|or)\s+([\p{L}]+)\s+)?$/u.exec(head);
      if (cueBefore) {
        const words = head.trimEnd().split(/\s+/);
        // the last one or two words, possibly "X and Y"
        const lastWord = words[words.length - 1] ?? '';
        const cands = [lastWord];
        if (words.length >= 3 && /^(?:and|or)$/i.test(words[words.length - 2] ?? '')) cands.push(words[words.length - 3] ?? '');
        for (const w of cands) {
          const k = kindsAt(w, lex)[0];
          if (k && k.length === w.length && /(?:ed|ing|dead)$/i.test(w)) {
            const idx = head.lastIndexOf(w);
            const s = Math.max(0, start - 45) + idx;
            found.push({ kind: k.kind, s, e: np.person ? np.end : qEnd });
          }
        }
        // "resulted in the death of at least 50 terrorists", "the killing of 12 villagers"
        const deathOf = /\b(?:death|deaths|killing|killings|massacre)\s+of\s+$/i.exec(head);
        if (found.length === 0 && deathOf && np.person) found.push({ kind: 'killed', s: Math.max(0, start - 45) + deathOf.index, e: np.end });
        // the death toll rose to 50
        if (found.length === 0 && /\b(?:death toll|toll)\b[^.;]{0,30}$/i.test(head)) {
          const idx = head.search(/\b(?:death toll|toll)\b[^.;]{0,30}$/i);
          found.push({ kind: 'killed', s: Math.max(0, start - 45) + idx, e: qEnd });
        }
      }
    }
    // a cue that reads the number as a thing count is only accepted with people: "killed 40"
    for (const f of found.sort((x, y) => KINDS.indexOf(x.kind) - KINDS.indexOf(y.kind))) {
      if (out.some((o) => o.kind === f.kind && o.start <= qStart && qStart < o.end)) continue;
      const fig: Figure = { kind: f.kind, count, hedge, text: sentence.slice(f.s, f.e), start: f.s, end: f.e };
      if (low !== undefined) fig.low = low;
      if (high !== undefined) fig.high = high;
      out.push(fig);
    }
  }
  singleVictims(sentence, lex, out);
  return out.sort((a, b) => a.start - b.start || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

/** "A civilian was killed and his son was injured", "exploded, killing the driver": one each. */
function singleVictims(sentence: string, lex: CasualtyLexicon, out: Figure[]): void {
  for (const re of [lex.singlePassive, lex.singleObject]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      const cue = re === lex.singlePassive ? /\S+$/.exec(m[0])![0] : /^\S+/.exec(m[0])![0];
      const kind = kindsAt(cue, lex)[0]?.kind;
      if (kind !== 'killed' && kind !== 'wounded') continue;
      out.push({ kind, count: 1, hedge: 'exact', low: 1, text: m[0], start, end });
    }
  }
}

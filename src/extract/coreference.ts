import type { EntityMention } from './model.js';

/**
 * Bodies an article names once and then calls by a common noun or a pronoun:
 *
 *   office              "… the Kurdish YPG militia. … militia spokesman Redur Xelil said"
 *                       "the group's leader X", "its spokesman X", "their commander X"
 *   membership          "the Hazzm movement joined the alliance", "X, part of the rebel alliance",
 *                       "X, a member of the Levant Front"
 *
 * A common noun ("the rebel alliance") resolves to the body the article itself describes with
 * that noun: in its name ("Levant Front"), before it ("the rebel group Hazzm"), right after it
 * ("the YPG militia") or in an apposition ("the Army of Conquest, an alliance of rebel groups"),
 * the one sharing most of the anaphor's modifiers, then the nearest before it, then after it.
 * When the article describes no body so, a noun for an armed body ("the alliance", "the
 * militia") falls back on the armed group named last in that sentence or the one before; a
 * pronoun likewise takes the body named last in the sentence or the one before.
 */
export interface CoreferenceContext {
  /** Whether a lower-case word is a noun for a body ("group", "militia", "alliance", "ministry"). */
  isBodyNoun(word: string): boolean;
  /** Whether a lower-case word ends a title ("spokesman", "leader"). */
  isTitleHead(word: string): boolean;
  /** Whether a lower-case word is part of some title ("deputy", "military"). */
  isTitleWord(word: string): boolean;
}

export interface AnaphoricOffice {
  person: EntityMention;
  body: EntityMention;
  title: string;
}

export interface Membership {
  member: EntityMention;
  body: EntityMention;
}

/** The nouns the article uses for a body, and the words that qualify them ("rebel", "islamist"). */
interface Description {
  nouns: Set<string>;
  words: Set<string>;
}

const WORD = /[\p{L}][\p{L}'’-]*/gu;
const DETERMINER = /^(?:the|a|an)$/;
/** Words that end a run of modifiers going left or right: grammar, not description. */
const NOT_MODIFIER = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'by', 'with', 'at', 'in', 'on', 'from', 'said', 'says', 'its', 'his', 'her', 'their', 'that', 'which', 'who', 'as', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'by']);
/** Nouns for armed bodies: with no described body, the last armed group named is the one meant. */
const ARMED_NOUNS = new Set(['group', 'militia', 'alliance', 'coalition', 'movement', 'faction', 'front', 'brigade', 'battalion']);
const ARMED_TYPES = new Set(['armed group', 'militia']);
/** Bodies a pronoun or a noun can stand for: not people, not places. */
function isBody(m: EntityMention): boolean {
  return m.kind === 'actor' && m.type !== 'person';
}

/** A possessive's stem: "group's", "groups" (an apostrophe lost) → "group". */
function possessed(word: string, ctx: CoreferenceContext): string | undefined {
  const lower = word.toLowerCase();
  const bare = lower.replace(/['’]s?$/, '');
  if (ctx.isBodyNoun(bare)) return bare;
  if (lower.endsWith('s') && ctx.isBodyNoun(lower.slice(0, -1))) return lower.slice(0, -1);
  return undefined;
}

function wordsOf(text: string): Array<{ w: string; at: number; end: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ w: m[0], at: m.index!, end: m.index! + m[0].length }));
}

/** Up to three qualifying words before index i of `words` (in lower case, nearest last). */
function modifiersBefore(words: Array<{ w: string }>, i: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= 0 && out.length < 3; k--) {
    const lower = words[k]!.w.toLowerCase();
    if (NOT_MODIFIER.has(lower)) break;
    out.unshift(lower);
  }
  return out;
}

/** What the article calls each body it names, by key. */
export function describeBodies(text: string, mentions: readonly EntityMention[], ctx: CoreferenceContext): Map<string, Description> {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out = new Map<string, Description>();
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    if (!isBody(m)) continue;
    let d = out.get(m.key);
    if (!d) out.set(m.key, (d = { nouns: new Set(), words: new Set() }));
    const add = (noun: string, words: readonly string[]) => {
      d!.nouns.add(noun);
      for (const w of words) d!.words.add(w);
    };
    // In the name: "Levant Front", "Hazzm movement".
    for (const { w } of wordsOf(m.surface)) if (ctx.isBodyNoun(w.toLowerCase())) add(w.toLowerCase(), []);
    // Before it: "the Western-backed rebel group Hazzm".
    const prevEnd = i > 0 ? Math.max(sorted[i - 1]!.end, m.start - 60) : Math.max(0, m.start - 60);
    const before = wordsOf(text.slice(prevEnd, m.start));
    const last = before[before.length - 1];
    if (last && /^\s*$/.test(text.slice(prevEnd + last.end, m.start)) && ctx.isBodyNoun(last.w.toLowerCase())) {
      add(last.w.toLowerCase(), modifiersBefore(before, before.length - 1));
    }
    // After it: "the YPG militia", "the Army of Conquest, an alliance of rebel groups".
    const next = sorted[i + 1];
    const after = text.slice(m.end, Math.min(m.end + 80, next && next.start > m.end ? next.start : m.end + 80));
    const words = wordsOf(after);
    if (words.length === 0 || !/^\s*,?\s*$/.test(after.slice(0, words[0]!.at))) continue;
    const first = words[0]!.w.toLowerCase();
    if (ctx.isBodyNoun(first)) {
      add(first, []);
      continue;
    }
    if (!DETERMINER.test(first)) continue;
    for (let k = 1; k < Math.min(words.length, 5); k++) {
      const lower = words[k]!.w.toLowerCase();
      if (NOT_MODIFIER.has(lower)) break;
      if (!ctx.isBodyNoun(lower)) continue;
      const qualifiers = words.slice(1, k).map((x) => x.w.toLowerCase());
      // "an alliance of rebel Islamist and militant forces": what it is made of qualifies it too.
      if (words[k + 1]?.w === 'of') {
        for (let j = k + 2; j < Math.min(words.length, k + 5); j++) {
          const q = words[j]!.w.toLowerCase();
          if (q === 'the' || q === 'and') continue;
          if (NOT_MODIFIER.has(q)) break;
          qualifiers.push(q);
        }
      }
      add(lower, qualifiers);
      break;
    }
  }
  return out;
}

/**
 * The body a common noun (with its modifiers) at offset `at` names: see the module comment.
 * `exclude` is the key of the mention the noun is said of (a body is no member of itself).
 */
function resolveNoun(noun: string, modifiers: readonly string[], at: number, sentence: number, mentions: readonly EntityMention[], descriptions: Map<string, Description>, exclude?: string): EntityMention | undefined {
  let best: EntityMention | undefined;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const m of mentions) {
    if (!isBody(m) || m.key === exclude) continue;
    const d = descriptions.get(m.key);
    if (!d || !d.nouns.has(noun)) continue;
    const score = modifiers.filter((w) => d.words.has(w)).length;
    // Mentions before the noun are nearer than any after it.
    const distance = m.end <= at ? at - m.end : 1e6 + (m.start - at);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = m;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best) return best;
  return ARMED_NOUNS.has(noun) ? lastBefore(at, sentence, mentions, (m) => ARMED_TYPES.has(m.type), exclude) : undefined;
}

/** The last body (that `accepts`) named before `at`, in the same sentence or the one before. */
function lastBefore(at: number, sentence: number, mentions: readonly EntityMention[], accepts: (m: EntityMention) => boolean, exclude?: string): EntityMention | undefined {
  let best: EntityMention | undefined;
  for (const m of mentions) {
    if (!isBody(m) || m.key === exclude || m.end > at || m.sentence < sentence - 1 || !accepts(m)) continue;
    if (!best || m.end > best.end) best = m;
  }
  return best;
}

/**
 * Offices held in a body the sentence names by a noun or a pronoun only: "militia spokesman X",
 * "the group's leader X", "its spokesman X". People with a named body before their title are the
 * business of findAffiliations.
 */
export function findAnaphoricOffices(text: string, mentions: readonly EntityMention[], sentenceStarts: (sentence: number) => number, ctx: CoreferenceContext): AnaphoricOffice[] {
  const descriptions = describeBodies(text, mentions, ctx);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: AnaphoricOffice[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const person = sorted[i]!;
    if (person.kind !== 'actor' || person.type !== 'person') continue;
    const prev = sorted[i - 1];
    const from = Math.max(sentenceStarts(person.sentence), prev && prev.sentence === person.sentence ? prev.end : 0, person.start - 80);
    const gap = text.slice(from, person.start);
    const words = wordsOf(gap);
    const last = words.length - 1;
    if (last < 1 || !/^\s*,?\s*$/.test(gap.slice(words[last]!.end))) continue;
    const head = words[last]!.w.toLowerCase();
    if (!ctx.isTitleHead(head) || !/^\p{Ll}/u.test(words[last]!.w)) continue;
    // The title: its head and up to two lower-case title words before it.
    let k = last;
    while (k > 0 && last - k < 2 && /^\p{Ll}/u.test(words[k - 1]!.w) && ctx.isTitleWord(words[k - 1]!.w.toLowerCase()) && !ctx.isBodyNoun(words[k - 1]!.w.toLowerCase())) k--;
    if (k === 0) continue;
    const title = words.slice(k, last + 1).map((x) => x.w.toLowerCase()).join(' ');
    const owner = words[k - 1]!;
    const lower = owner.w.toLowerCase();
    let body: EntityMention | undefined;
    if (lower === 'its' || lower === 'their') {
      body = lastBefore(from + owner.at, person.sentence, sorted, () => true);
    } else {
      const noun = /^\p{Ll}/u.test(owner.w) ? possessed(owner.w, ctx) : undefined;
      // A possessive needs "the" before it ("the group's leader"); a bare noun is a compound ("militia spokesman").
      if (noun && (noun === lower || DETERMINER.test(words[k - 2]?.w.toLowerCase() ?? '') || /['’]/.test(owner.w))) {
        body = resolveNoun(noun, modifiersBefore(words, k - 1), from + owner.at, person.sentence, sorted, descriptions);
      }
    }
    if (body) out.push({ person, body, title });
  }
  return out;
}

/**
 * "joined the", "part of the", "a member of the", "which belongs to the": after the member's
 * name. Not "members of", said of people ("militants against members of the YPG").
 */
const MEMBERSHIP = /^\s*,?\s*(?:(?:an?|the)\s+)?((?:[\p{L}-]+\s+){0,2}?)(?:(?:which|that|who)\s+)?(?:(?:has|had|have|is|was|are|were)\s+)?(?:also\s+)?(?:joined|part\s+of|an?\s+(?:part|member|component)\s+of|belongs?\s+to|belonging\s+to)\s+(?:the\s+)?/iu;

/** Bodies the article says one body joined or belongs to, named or called by a noun. */
export function findMemberships(text: string, mentions: readonly EntityMention[], ctx: CoreferenceContext): Membership[] {
  const descriptions = describeBodies(text, mentions, ctx);
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const out: Membership[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const member = sorted[i]!;
    if (!isBody(member)) continue;
    const next = sorted[i + 1];
    const limit = Math.min(member.end + 100, next && next.sentence === member.sentence ? next.end : member.end + 100);
    const after = text.slice(member.end, limit);
    const m = MEMBERSHIP.exec(after);
    if (!m) continue;
    // The words between the name and the verb qualify the member: a noun for a body and its
    // modifiers ("Islamist faction", "movement"), or capitalised words; nothing else ("militants against").
    const between = m[1] ? wordsOf(m[1]) : [];
    const noun = between.length > 0 && ctx.isBodyNoun(between[between.length - 1]!.w.toLowerCase()) && !between.some((x) => NOT_MODIFIER.has(x.w.toLowerCase()));
    if (between.length > 0 && !noun && between.some((x) => !/^\p{Lu}/u.test(x.w))) continue;
    const at = member.end + m[0].length;
    let body: EntityMention | undefined;
    if (next && next.sentence === member.sentence && next.start === at) body = isBody(next) ? next : undefined;
    else {
      const rest = wordsOf(text.slice(at, at + 60));
      for (let k = 0; k < Math.min(rest.length, 3); k++) {
        const lower = rest[k]!.w.toLowerCase();
        if (NOT_MODIFIER.has(lower) || !/^\p{Ll}/u.test(rest[k]!.w)) break;
        if (!ctx.isBodyNoun(lower)) continue;
        body = resolveNoun(lower, rest.slice(0, k).map((x) => x.w.toLowerCase()), at, member.sentence, sorted, descriptions, member.key);
        break;
      }
    }
    if (body && body.key !== member.key) out.push({ member, body });
  }
  return out;
}

import type { EntityMention, EntityRef } from './model.js';

/** One place the text puts inside another: "the al-Sukkari neighbourhood of Aleppo". */
export interface Containment {
  child: string;
  parent: string;
  /** 'located in' for a part of the place; 'near' for a place the text sets beside it ("X, 10 km north of Y"). */
  relation: 'located in' | 'near';
  sentence: number;
}

// The words news puts between a part of a place and the place: a head noun for the part, a
// direction or side, "the city of". Case-insensitive; matched against the whole gap.
const PART = String.raw`(?:neighbou?rhoods?|distri[ck]ts?|quarters?|areas?|suburbs?|villages?|towns?|camps?|squares?|streets?|roads?|hospitals?|mosques?|markets?|neighbou?ring\s+towns?)`;
const SIDE = String.raw`(?:(?:north|south)[\s-]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|old|[\p{L}]+[\s-](?:held|controlled|run|besieged)|besieged)`;
const WHOLE = String.raw`(?:(?:part|parts|side|outskirts|countryside|suburbs|city|town|province|governorate|region)\s+of\s+(?:the\s+)?)`;

/** child … parent: "X neighbourhood in eastern Aleppo", "X in the city of Homs", "X, a suburb of Damascus". */
const CHILD_THEN_PARENT = new RegExp(
  String.raw`^\s*(?:,\s*(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2})?(?:${PART}\s+)?(?:in|of|inside|within)\s+(?:the\s+)?(?:${SIDE}\s+)?${WHOLE}?$`,
  'iu',
);
/** A direction, a distance, or nearness: "10 km north of", "just west of", "near", "outside", "on the outskirts of". */
const DIRECTION = String.raw`(?:(?:north|south)[\s-]?(?:east|west)|north|south|east|west)`;
const DISTANCE = String.raw`(?:(?:about|some|around|roughly|nearly|almost|only|less\s+than|more\s+than)\s+)?\d+(?:[.,]\d+)?\s*(?:km|kilometres?|kilometers?|miles?)\s+(?:\([^)]{0,30}\)\s+)?`;
const BESIDE = String.raw`(?:(?:just\s+|directly\s+|due\s+)?(?:${DISTANCE})?${DIRECTION}\s+of|near|nearby|close\s+to|outside|(?:on|in)\s+the\s+(?:outskirts|edges?|vicinity)\s+of)`;
/** What may stand before the other place's name: "the embattled northern city of", "the Syrian capital". */
const PLACE_WORDS = String.raw`(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,3}?(?:city|town|capital|village|province|governorate)\s+(?:of\s+)?|${SIDE}\s+)?`;
/** child … parent, where the child lies beside the parent: "Tokhar, a village 10 km north of Manbij". */
const CHILD_NEAR_PARENT = new RegExp(
  String.raw`^\s*(?:,?\s*(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,2}(?:${PART}\s+)?)?(?:${PART}\s+)?${BESIDE}\s+${PLACE_WORDS}$`,
  'iu',
);
/** parent … child: "Aleppo's al-Shaar district", "Damascus' eastern suburb of Jobar", "the Aleppo district of X". */
const PARENT_THEN_CHILD = new RegExp(String.raw`^(?:['’]s?\s+(?:${SIDE}\s+)?(?:${PART}\s+(?:of\s+)?)?|\s+(?:${SIDE}\s+)?${PART}\s+of\s+)$`, 'iu');
/** Between the items of a list of places: "al-Sukkari, al-Shaar and Bustan al-Qasr neighbourhoods of Aleppo". */
const LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$|^ $/i;
/** How far apart two names may be for the words between them to tie them. */
const MAX_GAP = 60;

/** A place the text may put inside another: one the gazetteer does not locate (unless asked), and no country. */
function mayBeChild(m: EntityRef, located: boolean): boolean {
  return m.kind === 'place' && (located || m.lat === undefined) && m.type !== 'country' && m.type !== 'region';
}

function mayBeParent(m: EntityRef): boolean {
  return m.kind === 'place' && m.type !== 'country';
}

/**
 * The places an article puts inside other places, from the words between two place names in one
 * sentence. Only places the gazetteer cannot locate are children (the gazetteer knows where the
 * others lie), unless `locatedChildren` asks for all (to check the gazetteer's reading against
 * the text's); a child at the end of a list takes its list with it.
 */
export function findContainment(text: string, mentions: readonly EntityMention[], options: { locatedChildren?: boolean } = {}): Containment[] {
  const located = options.locatedChildren === true;
  const places = mentions.filter((m) => m.kind === 'place').sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Containment[] = [];
  const seen = new Set<string>();
  const add = (child: EntityMention, parent: EntityMention, relation: Containment['relation'] = 'located in'): void => {
    if (child.key === parent.key || !mayBeChild(child, located) || !mayBeParent(parent)) return;
    const id = `${child.key}\u0000${parent.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ child: child.key, parent: parent.key, relation, sentence: child.sentence });
  };
  // The child at i, and the list that ends in it, share the parent.
  const addWithList = (i: number, parent: EntityMention, relation: Containment['relation']): void => {
    add(places[i]!, parent, relation);
    for (let j = i - 1; j >= 0; j--) {
      const prev = places[j]!;
      const next = places[j + 1]!;
      if (prev.sentence !== next.sentence || !LIST_GAP.test(text.slice(prev.end, next.start))) break;
      add(prev, parent, relation);
    }
  };
  for (let i = 0; i + 1 < places.length; i++) {
    const a = places[i]!;
    const b = places[i + 1]!;
    if (a.sentence !== b.sentence || b.start < a.end || b.start - a.end > MAX_GAP) continue;
    const gap = text.slice(a.end, b.start);
    // " district of " reads both ways: the first name is the part only when it can be one.
    if (mayBeChild(a, located) && mayBeParent(b) && CHILD_THEN_PARENT.test(gap)) {
      addWithList(i, b, 'located in');
    } else if (mayBeChild(a, located) && mayBeParent(b) && CHILD_NEAR_PARENT.test(gap)) {
      addWithList(i, b, 'near');
    } else if (PARENT_THEN_CHILD.test(gap)) add(b, a);
  }
  return out;
}

/** "a village held by Islamic State in": an indefinite place noun, then words up to "in" and the place it lies in. */
const DESCRIBED_PART = /\b(?:a|an)\s+(village|town|city|district|neighbou?rhood|suburb|camp)\b/giu;
const IN_BEFORE = /\bin\s+(?:the\s+)?$/i;
/** How far after its noun the place a described part lies in may be named. */
const MAX_DESCRIBED_GAP = 60;
/** How many sentences on the described part may be named. */
const MAX_NAMING_SENTENCES = 2;

/**
 * A place the text first describes and then names: "Russian air strikes killed 34 civilians in a
 * village held by Islamic State in Deir az-Zour province. … the strikes hit the village of
 * Al-Shafah": the village named with the same noun ("the village of X", "the X village") in that
 * sentence or the next two lies in the place the description gave. Only places the gazetteer
 * cannot locate are children, as in findContainment.
 */
export function findDescribedContainment(text: string, mentions: readonly EntityMention[]): Containment[] {
  const places = mentions.filter((m) => m.kind === 'place').sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Containment[] = [];
  const seen = new Set<string>();
  DESCRIBED_PART.lastIndex = 0;
  for (let d = DESCRIBED_PART.exec(text); d; d = DESCRIBED_PART.exec(text)) {
    const noun = d[1]!.toLowerCase().replace('neighbourhood', 'neighborhood');
    const at = d.index + d[0].length;
    const from = firstAtOrAfter(places, at);
    let parentAt = -1;
    for (let k = from; k < places.length && places[k]!.start - at <= MAX_DESCRIBED_GAP; k++) {
      if (IN_BEFORE.test(text.slice(at, places[k]!.start))) {
        parentAt = k;
        break;
      }
    }
    const parent = parentAt >= 0 ? places[parentAt]! : undefined;
    if (!parent || !mayBeParent(parent)) continue;
    // The words between the noun and the place are no sentence's end.
    if (/[.!?]/.test(text.slice(at, parent.start))) continue;
    const named = new RegExp(String.raw`\bthe\s+${noun.replace('neighborhood', 'neighbou?rhood')}\s+of\s+$`, 'iu');
    const namedAfter = new RegExp(String.raw`^\s+${noun.replace('neighborhood', 'neighbou?rhood')}\b`, 'iu');
    for (let k = parentAt + 1; k < places.length; k++) {
      const child = places[k]!;
      if (child.sentence > parent.sentence + MAX_NAMING_SENTENCES) break;
      if (child.start <= parent.end) continue;
      const before = text.slice(Math.max(0, child.start - 40), child.start);
      const isNamed = named.test(before) || (/\bthe\s+$/i.test(before) && namedAfter.test(text.slice(child.end, child.end + 20)));
      if (!isNamed) continue;
      if (child.key !== parent.key && mayBeChild(child, false) && !seen.has(child.key)) {
        seen.add(child.key);
        out.push({ child: child.key, parent: parent.key, relation: 'located in', sentence: child.sentence });
      }
      break;
    }
  }
  return out;
}

/** The index of the first place starting at or after `at` (places sorted by start). */
function firstAtOrAfter(places: readonly EntityMention[], at: number): number {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

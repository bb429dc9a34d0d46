import type { Doc, Sentence } from '../types.js';
import type { EntityMention, EntityRef, RelationMention } from './model.js';
import type { KnowledgeBase, KnownPlace } from './knowledge.js';
import { isAcronym, isCapitalised, isWord, tokenize, type Token } from './tokens.js';

/**
 * Actor and place mentions in one document, resolved to global keys.
 *
 * Three sources, in order of trust: the compiled lexicon/gazetteer matcher; patterns that type an
 * unknown capitalised span (titles before people, heads like "District" or "Brigade", place
 * prefixes like Tal/Jabal/Deir, prepositions before places); and within-document resolution
 * (surnames to full names, acronyms to their expansion, "the army" to the army of the country the
 * article is about). Spans with no cue are dropped: precision matters more than reach.
 */

export interface EntityResult {
  mentions: EntityMention[];
  refs: Record<string, EntityRef>;
  relations: RelationMention[];
  /** ISO codes of the countries the document is about, most mentioned first. */
  countries: string[];
}

interface SentenceTokens {
  sentence: Sentence;
  tokens: Token[];
  /** For each token, the index of the mention covering it, or -1. */
  covered: Int32Array;
}

const MILITARY_GROUND = /^(?:army|armed forces|military|forces|troops|soldiers|army troops|army units|army soldiers|army forces|ground forces|government forces|regime forces|government troops|security forces|special forces|militaries)$/i;
const MILITARY_AIR = /^(?:air force|air forces|aerospace forces|air and space forces|warplanes|war planes|jets|fighter jets|fighter planes|aircraft|bombers|helicopters|air raids|airstrikes|air strikes|aviation|raids|bombing|bombardment|strikes)$/i;
// Phrases after a demonym that name a state's armed forces ("Russian fighter jets", "Syrian soldiers").
const DEMONYM_MILITARY = /^\s+((?:(?:fighter|war|combat)\s+)?(?:jets|planes|warplanes|aircraft|bombers|helicopters|aviation)|air\s+(?:force|forces)|aerospace\s+forces|air\s+and\s+space\s+forces|air\s+raids|airstrikes|air\s+strikes|(?:raids|bombing|bombardment|strikes)\b|(?:army|government|regime|ground|armed|security|special)\s+(?:forces|troops|soldiers|units)|forces|troops|soldiers|army|military|armed\s+forces)\b/i;
// Generic references that, in an article about one country's war, mean that country's army.
const GENERIC_ARMY = /\b(?:the|its|an?|government|regime|pro-government)?\s*\b(army|military|government forces|regime forces|government troops|pro-government forces|army troops|army units|army soldiers|army men)\b/gi;

function keyFromName(kind: 'actor' | 'place', type: string, name: string): string {
  const n = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return kind === 'place' ? `place:name:${n}` : `actor:${type.replace(/\s+/g, '-')}:${n}`;
}

function placeRef(p: KnownPlace): EntityRef {
  const ref: EntityRef = { key: `place:${p.id}`, kind: 'place', type: p.type, label: p.name, known: true, lat: p.lat, lon: p.lon };
  if (p.country) ref.country = p.country;
  if (p.parent) ref.parent = `place:${p.parent}`;
  return ref;
}

function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function extractEntities(doc: Doc, sentences: Sentence[], kb: KnowledgeBase): EntityResult {
  const text = doc.text;
  const cues = kb.cues;
  const refs: Record<string, EntityRef> = {};
  const mentions: EntityMention[] = [];
  const relations: RelationMention[] = [];

  const addRef = (ref: EntityRef): EntityRef => {
    const existing = refs[ref.key];
    if (existing) return existing;
    refs[ref.key] = ref;
    return ref;
  };
  /** The sentence of each entity's first mention (in the order mentions were found). */
  const firstSentences = (): Map<string, number> => {
    const first = new Map<string, number>();
    for (const m of mentions) if (!first.has(m.key)) first.set(m.key, m.sentence);
    return first;
  };
  /** Adds a mention; it is always the last element of `mentions` afterwards. */
  const mention = (ref: EntityRef, s: Sentence, start: number, end: number, surface?: string): EntityMention => {
    const r = addRef(ref);
    const m: EntityMention = { ...r, surface: surface ?? text.slice(start, end), sentence: s.index, start, end };
    mentions.push(m);
    return m;
  };

  // ── 1. The fast pass: lexicon and gazetteer names, and the countries the article is about.
  const hits = kb.findNames(text);
  const countryCounts = new Map<string, number>();
  const countCountry = (cc: string | undefined, n = 1) => {
    if (cc) countryCounts.set(cc, (countryCounts.get(cc) ?? 0) + n);
  };
  for (const h of hits) {
    for (const c of h.candidates) {
      if (c.type === 'country') countCountry(kb.candidateCountry(c), 2);
      else if (h.candidates.length === 1) countCountry(kb.candidateCountry(c));
    }
  }
  for (const t of tokenize(text)) {
    const cc = isCapitalised(t.text) ? kb.countryOfDemonym(t.text) : undefined;
    if (cc) countCountry(cc);
  }
  const countries = [...countryCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const context = { countries };

  // Pre-tokenise sentences and mark what the matcher covered.
  const perSentence: SentenceTokens[] = sentences.map((s) => {
    const tokens = tokenize(s.text, s.start);
    return { sentence: s, tokens, covered: new Int32Array(tokens.length).fill(-1) };
  });
  const cover = (st: SentenceTokens, start: number, end: number, idx: number) => {
    for (let i = 0; i < st.tokens.length; i++) {
      const t = st.tokens[i]!;
      if (t.start >= start && t.end <= end) st.covered[i] = idx;
    }
  };

  for (const h of hits) {
    const si = sentenceIndexAt(sentences, h.start);
    if (si < 0) continue;
    // A place-name hit that is really the first word of a longer unknown name ("Ain" of
    // "Ain al-Zekr", "Tal" of "Tal Shahab") or a common word ("March", "North") is no place.
    // A generic alias used as a modifier ("Military sources said", "army vehicles") is no actor.
    if (/^(?:the\s+)?(?:military|army|regime|government)$/i.test(h.surface) && /^\s+(?:sources?|analysts?|experts?|officials?|vehicles?|posts?|bases?|operations?|positions?|units?|spokesm[ae]n|statement|media)\b/i.test(text.slice(h.end, h.end + 16)))
      continue;
    if (h.candidates.every((c) => c.kind === 'place')) {
      const single = !/\s/.test(h.surface);
      const after = text.slice(h.end, h.end + 24);
      if (single && cues.placePrefixes.has(h.surface) && /^\s+(?:\p{Lu}|(?:al|el|ad|ar|as|az|ez|ash)-)/u.test(after)) continue;
      // ...or its second part ("Malah" of "Tal Malah").
      const prev = /(\p{Lu}[\p{L}]*)\s+$/u.exec(text.slice(Math.max(0, h.start - 12), h.start));
      if (prev && cues.placePrefixes.has(prev[1]!)) continue;
      if (single && cues.notNames.has(h.surface.toLowerCase())) continue;
    }
    const ref = kb.resolveHit(h, context);
    if (!ref) continue;
    const s = sentences[si]!;
    mention(ref, s, h.start, h.end, h.surface);
    cover(perSentence[si]!, h.start, h.end, mentions.length - 1);
  }

  // ── 2. Demonym + armed-forces phrases ("Russian fighter jets", "Syrian and Russian air forces").
  for (const st of perSentence) {
    const s = st.sentence;
    for (let i = 0; i < st.tokens.length; i++) {
      const t = st.tokens[i]!;
      const cc = isCapitalised(t.text) ? kb.countryOfDemonym(t.text) : undefined;
      if (!cc) continue;
      // "Syrian and Russian air forces": both demonyms share the head.
      let j = i;
      const demonyms = [{ cc, tok: t }];
      while (st.tokens[j + 1]?.text === 'and' || st.tokens[j + 1]?.text === '-') {
        const next = st.tokens[j + 2];
        const ncc = next && isCapitalised(next.text) ? kb.countryOfDemonym(next.text) : undefined;
        if (!next || !ncc) break;
        demonyms.push({ cc: ncc, tok: next });
        j += 2;
      }
      const after = text.slice(st.tokens[j]!.end, Math.min(s.end, st.tokens[j]!.end + 40));
      const m = DEMONYM_MILITARY.exec(after);
      if (!m) continue;
      const head = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const branch = MILITARY_AIR.test(head) ? 'air' : 'ground';
      const end = st.tokens[j]!.end + m[0].length;
      // A phrase the matcher already knows ("Syrian Arab Army") wins.
      const firstIdx = i;
      if (st.covered[firstIdx]! >= 0) continue;
      for (const d of demonyms) {
        const ref = kb.militaryOf(d.cc, branch);
        if (!ref) continue;
        const startOff = d.tok.start;
        const surface = demonyms.length > 1 ? `${d.tok.text} ${m[1]}` : text.slice(startOff, end);
        mention(ref, s, startOff, end, surface);
        cover(st, startOff, end, mentions.length - 1);
      }
      i = j;
    }
  }

  // ── 3. Unknown capitalised spans, typed by cues.
  // Words the article writes in lower case somewhere: capitalised elsewhere, they are no names.
  let lowerWords: Set<string> | undefined;
  const lowerCaseWords = (): Set<string> => {
    if (!lowerWords) {
      lowerWords = new Set();
      for (const m of text.matchAll(/(?<![\p{L}\-'’])\p{Ll}[\p{Ll}\-]{2,}/gu)) lowerWords.add(m[0]);
    }
    return lowerWords;
  };
  const personNames: EntityRef[] = [];
  let lastPlaceSpan: { sentence: number; end: number } | undefined;
  const pendingShortForms: Array<{ st: SentenceTokens; start: number; end: number; surface: string; words: string[] }> = [];
  const acronyms = new Map<string, EntityRef>();
  for (const st of perSentence) recogniseSpans(st);

  function recogniseSpans(st: SentenceTokens): void {
    const s = st.sentence;
    const toks = st.tokens;
    let i = 0;
    while (i < toks.length) {
      if (st.covered[i]! >= 0) {
        const m = mentions[st.covered[i]!]!;
        if (m.kind === 'place') lastPlaceSpan = { sentence: s.index, end: m.end };
        i++;
        continue;
      }
      if (!isWord(toks[i]!) || !isCapitalised(toks[i]!.text)) {
        i++;
        continue;
      }
      // Extend a run of capitalised words, allowing name connectors inside it.
      let j = i;
      while (j + 1 < toks.length) {
        const next = toks[j + 1]!;
        if (st.covered[j + 1]! >= 0) break;
        if (text.slice(toks[j]!.end, next.start).includes('\n')) break;
        if (isWord(next) && isCapitalised(next.text)) {
          j++;
          continue;
        }
        const conn = next.text.toLowerCase();
        const after = toks[j + 2];
        if (
          (conn === 'of' || conn === 'al' || conn === 'bin' || conn === 'ibn' || conn === 'abu' || conn === 'de' || conn === 'for' || conn === 'and' || /^(?:al|el|ad|ar|as|az|ez|ash)-/.test(conn)) &&
          after && isWord(after) && isCapitalised(after.text) && st.covered[j + 2]! < 0 &&
          // "X and Y" joins only inside an organisation name ("Syrian Observatory for Human Rights" style)
          (conn !== 'and' || /^(?:Security|Development|Justice|Human|Space|Construction)$/.test(after.text))
        ) {
          j += 2;
          continue;
        }
        break;
      }
      classifySpan(st, i, j);
      i = j + 1;
    }
    // Lower-case cues before capitalised lists: "towns of Yalda, Babbila and Seyedi Meqdad".
  }

  function lowerWordBefore(st: SentenceTokens, i: number, n = 1): string {
    const words: string[] = [];
    for (let k = i - 1; k >= 0 && words.length < n; k--) {
      const t = st.tokens[k]!;
      if (!isWord(t)) break;
      words.unshift(t.text.toLowerCase());
    }
    return words.join(' ');
  }

  function classifySpan(st: SentenceTokens, i: number, j: number): void {
    const s = st.sentence;
    const toks = st.tokens;
    // Drop leading words that are capitalised only by position or are titles.
    let a = i;
    let title = '';
    const bare = (w: string) => w.toLowerCase().replace(/\.$/, '').replace(/['’]s$/, '');
    // Directions and adjectives open many real names ("Northern Storm Brigade", "Eastern Ghouta"):
    // kept when the span ends in an organisation or place head.
    const headed = cues.orgHeads.has(bare(toks[j]!.text)) || cues.placeHeads.has(bare(toks[j]!.text));
    while (a <= j) {
      const w = bare(toks[a]!.text);
      if (headed && a < j && /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|new|old|great|grand|greater|free|national|popular|islamic|united|general)$/.test(w)) break;
      if (cues.titles.has(w) || (a + 1 <= j && cues.titles.has(`${w} ${toks[a + 1]!.text.toLowerCase()}`))) {
        title = title ? `${title} ${toks[a]!.text}` : toks[a]!.text;
        a++;
        continue;
      }
      if (cues.notNames.has(w) || (a === 0 && cues.sentenceStarters(w))) {
        a++;
        continue;
      }
      break;
    }
    // Trailing words that are no names either ("Syria Monday", "Assad's").
    let z = j;
    while (z >= a && cues.notNames.has(bare(toks[z]!.text)) && !cues.placeHeads.has(bare(toks[z]!.text)) && !cues.orgHeads.has(bare(toks[z]!.text))) z--;
    if (a > z) return;
    const words = toks.slice(a, z + 1);
    // A run of many capitalised words with no punctuation is a list or a headline, not a name.
    if (words.length > 5) return;
    const surface = text.slice(words[0]!.start, words[words.length - 1]!.end).replace(/['’]s$/, '');
    const lastLower = words[words.length - 1]!.text.toLowerCase();
    const firstWord = words[0]!.text;
    const start = words[0]!.start;
    const end = start + surface.length;
    // A lone generic noun capitalised in a name's tail ("the Palmyra Triangle and Castle").
    if (words.length === 1 && (cues.placeHeads.has(lastLower) || cues.orgHeads.has(lastLower) || cues.titles.has(lastLower))) return;

    // A known actor the fast pass missed (a possessive, an odd hyphen): "ISIL’s".
    const knownActor = kb.actorByName(surface);
    if (knownActor) {
      mention(knownActor, s, start, end);
      return;
    }

    // An acronym defined in the text: "National Defense Forces (NDF)".
    const afterSpan = text.slice(end, end + 12);
    const acr = /^\s*\(([A-Z][A-Z0-9\-]{1,7})\)/.exec(afterSpan);

    // Text before the span decides place readings ("in Zizun", "town of Yalda").
    const before1 = lowerWordBefore(st, a, 1);
    const before3 = lowerWordBefore(st, a, 3);
    const nextTok = toks[z + 1];
    const nextWord = nextTok && isWord(nextTok) ? nextTok.text.toLowerCase() : '';
    const next2 = toks[z + 2] && isWord(toks[z + 2]!) ? toks[z + 2]!.text.toLowerCase() : '';

    // Place heads written in lower case after the name: "Tal al-Frat region", "al-Mahr oilfield".
    let placeHead: string | undefined = words.length >= 2 ? cues.placeHeads.get(lastLower) : undefined;
    let headEnd = end;
    let lowerHead = false;
    if (!placeHead && nextWord && nextTok && /^\p{Ll}/u.test(nextTok.text) && cues.placeHeads.has(nextWord) && nextWord !== 'city' && nextWord !== 'state' && nextWord !== 'front') {
      placeHead = cues.placeHeads.get(nextWord);
      headEnd = nextTok.end;
      lowerHead = true;
    }
    // Organisation heads: in the name ("Yarmouk Martyrs Brigade") or after it in lower case
    // ("Jeish al-Islam terrorist group", "Desert Falcons fighters").
    let orgType = words.length >= 2 ? cues.orgHeads.get(lastLower) : undefined;
    if (!orgType && /^(?:group|militia|faction|brigade|battalion|movement)$/.test(nextWord)) orgType = 'armed group';
    if (!orgType && /^(?:terrorist|militant|rebel|jihadist|extremist|armed|insurgent|islamist)$/.test(nextWord) && /^(?:group|groups|organization|militia|faction)$/.test(next2)) orgType = 'armed group';
    const hasPlacePrefix = cues.placePrefixes.has(firstWord) && words.length >= 2 || (/^(?:al|el|ad|ar|as|az|ez|ash)-/.test(firstWord) && words.length === 1);

    // People: a title before (capitalised in the span or lower case before it), a known first
    // name, or a reporting verb after a two-word name.
    const lowerTitle = lowerTitleBefore(st, a);
    if (!title && lowerTitle) title = lowerTitle;
    const firstIsGivenName = kb.isGivenName(firstWord) && words.length >= 2;
    const personCue = title !== '' || firstIsGivenName;

    if (acr && isAcronym(acr[1]!) && words.length >= 2) {
      const known = kb.actorByName(surface) ?? kb.actorByName(acr[1]!);
      const ref = known ?? addRef({ key: keyFromName('actor', orgType ?? 'organization', surface), kind: 'actor', type: orgType ?? 'organization', label: surface });
      mention(ref, s, start, end);
      acronyms.set(acr[1]!, ref);
      return;
    }
    if (isAcronym(surface) && acronyms.has(surface)) {
      mention(acronyms.get(surface)!, s, start, end);
      return;
    }
    if (personCue && !orgType && !placeHead && !hasPlacePrefix && words.length <= 4) {
      const ref = addRef({ key: keyFromName('actor', 'person', surface), kind: 'actor', type: 'person', label: surface });
      if (words.length >= 2) personNames.push(ref);
      const m = mention(ref, s, start, end);
      if (title) noteAffiliation(st, title === lowerTitle ? a - lowerTitle.split(/\s+/).length : i, m, title);
      lastPlaceSpan = undefined;
      return;
    }
    if (orgType) {
      const known = kb.actorByName(surface);
      const ref = known ?? addRef({ key: keyFromName('actor', orgType, surface), kind: 'actor', type: orgType, label: surface });
      mention(ref, s, start, end);
      return;
    }
    // A surname of someone named earlier ("According to al-Hussein") is that person, not a place.
    const namedBefore = words.length <= 2 && !placeHead ? personByTail(words.map((w) => w.text)) : undefined;
    if (namedBefore) {
      mention(namedBefore, s, start, end);
      return;
    }
    // A list continues a place reading: "towns of Yalda, Babbila and Seyedi Meqdad".
    const between = lastPlaceSpan && lastPlaceSpan.sentence === s.index ? text.slice(lastPlaceSpan.end, start) : '';
    const listCue = between !== '' && /^\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(between);
    const prefixCue = [...cues.placeLowerPrefixes].some((p) => before3.endsWith(p));
    const placeCue = placeHead !== undefined || hasPlacePrefix || listCue || prefixCue || cues.placePrepositions.has(before1);
    // One unknown word that is a demonym or an ordinary English word ("Turkish", "Ceasefire"),
    // or that the same article also writes in lower case, is no place name.
    if (words.length === 1 && !placeHead && !hasPlacePrefix) {
      const lower = firstWord.toLowerCase();
      if (kb.countryOfDemonym(firstWord) || cues.commonWord(lower) || /(?:ean|ian|ish|ese)$/.test(lower) || lowerCaseWords().has(lower)) return;
    }
    if (placeCue) {
      const name = placeHead && !lowerHead && words.length >= 2 ? text.slice(start, words[words.length - 2]!.end) : surface;
      const known = kb.lookupPlace(surface, context) ?? (name !== surface ? kb.lookupPlace(name, context) : undefined);
      const surfaceFull = text.slice(start, headEnd);
      if (known) {
        mention(placeRef(known), s, start, headEnd, surfaceFull);
        lastPlaceSpan = { sentence: s.index, end: headEnd };
        return;
      }
      // An unknown one-word name needs more than "of" before it, and a given name is a person.
      if (!placeHead && !hasPlacePrefix && !listCue && !prefixCue && words.length === 1 && before1 === 'of') return;
      if (!placeHead && !hasPlacePrefix && kb.isGivenName(firstWord)) return;
      if (!placeHead && !hasPlacePrefix && !listCue && kb.countryOfDemonym(firstWord)) return;
      const type = placeHead ?? 'town';
      // The label is the name; a lower-case head ("region", "oilfield") stays an alias only.
      const label = surface.replace(/^(?:the)\s+/i, '');
      const ref = addRef({ key: keyFromName('place', type, label.replace(/\s+(?:region|district|area|province|governorate)$/i, '')), kind: 'place', type, label });
      mention(ref, s, start, headEnd, surfaceFull);
      lastPlaceSpan = { sentence: s.index, end: headEnd };
      return;
    }
    // Otherwise: a short form resolved later, or nothing.
    pendingShortForms.push({ st, start, end, surface, words: words.map((w) => w.text) });
  }

  /** The person of this article whose full name ends with these words ("al-Omar", "Abdel Rahman"). */
  function personByTail(words: string[]): EntityRef | undefined {
    const key = words.join(' ').toLowerCase().replace(/^(?:al|el)-/, '');
    return personNames.find((r) => {
      const parts = r.label.toLowerCase().split(/\s+/);
      for (let n = 1; n < parts.length; n++) if (parts.slice(n).join(' ').replace(/^(?:al|el)-/, '') === key) return true;
      return false;
    });
  }

  /** A lower-case title just before a name: "media activist", "press secretary", "lawmaker". */
  function lowerTitleBefore(st: SentenceTokens, a: number): string {
    const parts: string[] = [];
    for (let k = a - 1; k >= 0 && parts.length < 3; k--) {
      const t = st.tokens[k]!;
      if (!isWord(t) || !/^\p{Ll}/u.test(t.text) || !cues.titleWords.has(t.text.toLowerCase())) break;
      parts.unshift(t.text);
    }
    // Only a real title counts ("local media activist" ends in "activist").
    while (parts.length && !cues.titles.has(parts[parts.length - 1]!.toLowerCase())) parts.pop();
    return parts.join(' ');
  }

  // "Kremlin press secretary Dmitry Peskov", "SOHR Director Rami Abdel Rahman",
  // "The Observatory head, Rami Abdel Rahman", "Russian lawmaker Andrey Krasov".
  function noteAffiliation(st: SentenceTokens, titleStart: number, person: EntityMention, title: string): void {
    // Look left of the title words (up to 4 tokens) for an organisation, a country or a demonym.
    let fullTitle = title;
    for (let k = titleStart - 1; k >= Math.max(0, titleStart - 5); k--) {
      const t = st.tokens[k]!;
      const idx = st.covered[k]!;
      if (idx >= 0) {
        const org = mentions[idx]!;
        if (org.kind === 'actor' || org.type === 'country') {
          relations.push({ from: person.key, to: org.key, relation: 'affiliation', title: fullTitle.toLowerCase(), sentence: person.sentence });
        }
        return;
      }
      const cc = kb.countryOfDemonym(t.text);
      if (cc) {
        const country = kb.countryRef(cc);
        if (country) {
          addRef(country);
          relations.push({ from: person.key, to: country.key, relation: 'affiliation', title: fullTitle.toLowerCase(), sentence: person.sentence });
        }
        return;
      }
      if (!isWord(t) || t.text === 'the' || t.text === 'The') return;
      const lower = t.text.toLowerCase();
      if (/^\p{Ll}/u.test(t.text) && cues.titleWords.has(lower)) {
        fullTitle = `${t.text} ${fullTitle}`;
        continue;
      }
      return;
    }
  }


  // Lower-case titles before a capitalised name ("media activist Abas al-Omar") are not part of
  // the capitalised run, so catch them here: the token before the span.
  for (const m of [...mentions]) {
    if (m.type !== 'person') continue;
    const st = perSentence[m.sentence]!;
    const k = st.tokens.findIndex((t) => t.start === m.start);
    if (k <= 0) continue;
    if (relations.some((r) => r.from === m.key && r.sentence === m.sentence)) continue;
    let k2 = k - 1;
    const titleWords: string[] = [];
    while (k2 >= 0 && cues.titleWords.has(st.tokens[k2]!.text.toLowerCase().replace(/\.$/, ''))) {
      titleWords.unshift(st.tokens[k2]!.text);
      k2--;
    }
    // Apposition: "The Observatory head, Rami Abdel Rahman".
    if (titleWords.length === 0 && st.tokens[k - 1]?.text === ',') {
      k2 = k - 2;
      while (k2 >= 0 && cues.titleWords.has(st.tokens[k2]!.text.toLowerCase())) {
        titleWords.unshift(st.tokens[k2]!.text);
        k2--;
      }
    }
    if (titleWords.length) noteAffiliation(st, k2 + 1, m, titleWords.join(' '));
  }

  // ── 4. Short forms: a surname or the last part of a full name seen in this document.
  for (const m of mentions) if (m.type === 'person' && /\s/.test(m.label) && !personNames.some((r) => r.key === m.key)) personNames.push(refs[m.key] ?? m);
  for (const p of pendingShortForms) {
    const person = personByTail(p.words);
    if (person) {
      mention(person, p.st.sentence, p.start, p.end, p.surface);
      continue;
    }
    const actor = kb.actorByName(p.surface);
    if (actor) mention(actor, p.st.sentence, p.start, p.end, p.surface);
  }

  // Known people from the lexicon whose surname appears alone ("Putin", "Shoigu") are found by the
  // matcher through their aliases; lexicon people also carry their affiliation.
  const firstOfActor = firstSentences();
  for (const ref of Object.values(refs)) {
    if (ref.kind === 'actor' && ref.parent) {
      const parent = kb.actorRef(ref.parent) ?? kb.countryRef(ref.parent);
      if (parent) {
        addRef(parent);
        const first = firstOfActor.get(ref.key);
        if (first !== undefined) relations.push({ from: ref.key, to: parent.key, relation: ref.type === 'person' ? 'affiliation' : 'part of', sentence: first });
      }
    }
  }

  // ── 4b. "X, known as the Y" / "X, also known as Y": one entity under two names.
  const KNOWN_AS = /^\s*[,(]?\s*(?:also\s+|better\s+|locally\s+|widely\s+)?known(?:\s+in\s+\p{L}+)?\s+as\s+(?:the\s+)?["“']?$/iu;
  const ordered = [...mentions].sort((x, y) => x.start - y.start);
  for (let k = 0; k + 1 < ordered.length; k++) {
    const a = ordered[k]!;
    const b = ordered[k + 1]!;
    if (a.sentence !== b.sentence || a.kind !== b.kind || a.key === b.key) continue;
    if (!KNOWN_AS.test(text.slice(a.end, b.start))) continue;
    const keep = refs[a.key]?.known || !refs[b.key]?.known ? a : b;
    const drop = keep === a ? b : a;
    const target = refs[keep.key]!;
    for (const m of mentions) {
      if (m.key !== drop.key) continue;
      Object.assign(m, { ...target, surface: m.surface, sentence: m.sentence, start: m.start, end: m.end });
    }
    delete refs[drop.key];
  }

  // ── 5. "the army" in an article about one country's war means that country's army.
  const home = countries[0];
  if (home) {
    const army = kb.militaryOf(home, 'ground');
    if (army) {
      for (const st of perSentence) {
        const s = st.sentence;
        GENERIC_ARMY.lastIndex = 0;
        for (let m = GENERIC_ARMY.exec(s.text); m; m = GENERIC_ARMY.exec(s.text)) {
          const start = s.start + m.index + m[0].length - m[1]!.length;
          const end = start + m[1]!.length;
          const k = st.tokens.findIndex((t) => t.start === start);
          if (k < 0 || st.covered[k]! >= 0) continue;
          // Skip when a demonym or a name precedes it ("Iraqi army", "Free Syrian Army").
          const prev = st.tokens[k - 1];
          if (prev && isCapitalised(prev.text) && prev.text !== 'The') continue;
          mention(army, s, start, end, m[1]!);
          cover(st, start, end, mentions.length - 1);
        }
      }
    }
  }

  // ── 6. Places sit in their regions and countries.
  const firstOfPlace = firstSentences();
  for (const ref of Object.values(refs)) {
    if (ref.kind !== 'place' || !ref.known) continue;
    let child = ref;
    for (const parent of kb.parentChain(ref.key)) {
      const p = addRef(parent);
      relations.push({ from: child.key, to: p.key, relation: 'located in', sentence: firstOfPlace.get(ref.key) ?? 0 });
      child = p;
    }
  }
  // Unknown places with a document context: located in the country the article is about.
  if (home) {
    const country = kb.countryRef(home);
    if (country) {
      for (const ref of Object.values(refs)) {
        if (ref.kind === 'place' && !ref.known) {
          addRef(country);
          relations.push({ from: ref.key, to: country.key, relation: 'located in', sentence: firstOfPlace.get(ref.key) ?? 0 });
        }
      }
    }
  }

  mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { mentions, refs, relations, countries };
}

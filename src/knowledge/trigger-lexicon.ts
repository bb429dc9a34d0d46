/**
 * The event-trigger lexicon: data/lexicon/events.json (plus a user's --triggers files) compiled
 * once into one regex per entry and a filter of first words, for extract/triggers.ts to match.
 */
import type { EventType, Report } from '../types.js';
import { readEventLexiconFiles, type EventLexiconJson } from './event-lexicon.js';
import { KeyHashFilter } from './word-hash.js';
import { longestFirst, phraseSource } from '../util/regexp.js';
import { EVENT_TYPE_NAMES, eventTypeInfo, isEventType } from './event-types.js';

/** Which side of a capture gains the place: the subject, the object of "to" ("fell to X") or of "by" (passive). */
export interface CaptureRoles {
  gainer: 'subject' | 'to' | 'by';
  /** Where the loser is named: "from X", the grammatical subject ("X lost Y to Z") or the object ("dislodged X"). */
  loser?: 'from' | 'subject' | 'object';
}


export type TriggerPos = 'verb' | 'noun' | 'phrase';
export type ContextName = 'military' | 'air' | 'political' | 'humanitarian' | 'none';

export interface Switch {
  list: string;
  side: 'before' | 'after' | 'around';
  type: EventType;
  acled?: string;
  sub?: string;
}

/** A list of weapon words and the type of the act a weapon of that list does. */
export interface WeaponSwitch {
  list: string;
  type: EventType;
}

/** One trigger of the lexicon, compiled. */
export interface Entry {
  lemma: string;
  pos: TriggerPos;
  type: EventType;
  acled: string;
  sub: string;
  context: ContextName;
  fallback?: { context: ContextName; type: EventType };
  roles?: CaptureRoles;
  ifNear: Switch[];
  requiresAfter?: string;
  /** A list name: the trigger is dropped when a word of that list occurs in the sentence. */
  unless?: string;
  /**
   * The verb says an act of violence only when a weapon is its doer ("a missile struck", "was hit
   * by a rocket"; not "the earthquake struck"): the first list whose word stands as its subject
   * (or after "by") gives the type. Empty: no such requirement.
   */
  byWeapon: WeaponSwitch[];
  /** The word does not tell the kind of violence ("attack"): the type is a default. */
  generic: boolean;
  /** Case-insensitive and case-sensitive (acronyms) alternations; undefined when empty. */
  reCi?: RegExp;
  reCs?: RegExp;
  /** Index in the lexicon: earlier entries win ties. */
  order: number;
}

export interface TriggerLexicon {
  entries: Entry[];
  /** Lower-cased first word of a surface form → entries that may match. */
  byFirstWord: Map<string, Entry[]>;
  /** The keys of byFirstWord, to pass over most words of a sentence, which are none, cheaply. */
  firstWords: KeyHashFilter;
  typeDefaults: Map<EventType, { acled: string; sub: string; roles?: CaptureRoles }>;
  contexts: Record<Exclude<ContextName, 'none'>, RegExp>;
  lists: Map<string, RegExp>;
  exclude?: RegExp;
  modality: { denied: RegExp; denialWords: RegExp; planned: RegExp; claimed: RegExp; achieved: RegExp };
}


// ───────────────────────────── compiling ─────────────────────────────

/** Regular English inflections of a verb: seize → seizes, seized, seizing; carry → carries, carried. */
export function inflectVerb(lemma: string): string[] {
  const w = lemma.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`, `${w}ing`];
  if (/ee$/.test(w)) return [w, `${w}s`, `${w}d`, `${w}ing`];
  if (/e$/.test(w)) return [w, `${w}s`, `${w}d`, `${w.slice(0, -1)}ing`];
  if (/(?:s|sh|ch|x|z)$/.test(w)) return [w, `${w}es`, `${w}ed`, `${w}ing`];
  return [w, `${w}s`, `${w}ed`, `${w}ing`];
}

/** Plural of a noun: raid → raids, casualty → casualties, clash → clashes. */
export function pluralNoun(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

function surfaceForms(lemma: string, pos: TriggerPos): string[] {
  const words = lemma.split(' ');
  const head = words[0] ?? lemma;
  const rest = words.slice(1).join(' ');
  if (pos === 'noun') {
    const last = words[words.length - 1] ?? lemma;
    const stem = words.slice(0, -1).join(' ');
    return [lemma, stem ? `${stem} ${pluralNoun(last)}` : pluralNoun(last)];
  }
  return inflectVerb(head).map((f) => (rest ? `${f} ${rest}` : f));
}

/** "pushed ... back" → regex source; "..." lets up to four words stand in between. */
function formSource(form: string): string {
  return form
    .split(/\s*\.\.\.\s*/)
    .map(phraseSource)
    .join('(?:\\s+[^\\s,;.!?"“”]+){0,4}?\\s+');
}

function alternation(forms: string[], flags: string): RegExp | undefined {
  if (forms.length === 0) return undefined;
  const sorted = [...new Set(forms)].sort(longestFirst);
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${sorted.map(formSource).join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`, flags);
}

function wordListRe(words: string[] | undefined): RegExp {
  const list = (words ?? []).filter((w) => typeof w === 'string' && w.trim());
  if (list.length === 0) return /(?!)/;
  const sorted = [...new Set(list.map((w) => w.toLowerCase()))].sort(longestFirst);
  // "rebel-held" is not "rebel": a hyphen glued to a letter continues the word
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\p{L}-)(?:${sorted.map(phraseSource).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'iu');
}

const isAcronym = (form: string): boolean => /^[A-Z]{2,}s?$/.test(form.split(' ')[0] ?? '');

/**
 * Compiles data/lexicon/events.json plus extension files. Entries with an unknown type or no
 * lemma are reported (file "events lexicon", record = 1-based trigger index) and skipped.
 */
export function loadTriggerLexicon(extraFiles?: string[], report?: Report): TriggerLexicon {
  return compileTriggerLexicon(readEventLexiconFiles(extraFiles, report), report);
}

export function compileTriggerLexicon(json: EventLexiconJson, report?: Report): TriggerLexicon {
  // ACLED types from the registry; a lexicon file may override them and give a type's roles
  const typeDefaults = new Map<EventType, { acled: string; sub: string; roles?: CaptureRoles }>();
  for (const type of EVENT_TYPE_NAMES) {
    const info = eventTypeInfo(type);
    typeDefaults.set(type, { acled: info.acled, sub: info.acledSub });
  }
  for (const [type, d] of Object.entries(json.types ?? {})) {
    if (!isEventType(type)) {
      report?.({ level: 'warning', source: { file: 'events lexicon' }, message: `unknown event type "${type}" in types` });
      continue;
    }
    const base = typeDefaults.get(type)!;
    typeDefaults.set(type, { acled: d.acled ?? base.acled, sub: d.sub ?? base.sub, ...(d.roles ? { roles: d.roles } : {}) });
  }
  const entries: Entry[] = [];
  const byFirstWord = new Map<string, Entry[]>();
  (json.triggers ?? []).forEach((raw, i) => {
    const lemma = typeof raw.lemma === 'string' ? raw.lemma.trim() : '';
    const type = raw.type as EventType;
    if (!lemma || !isEventType(type)) {
      report?.({ level: 'warning', source: { file: 'events lexicon', record: i + 1 }, message: `trigger skipped: needs a lemma and a known type (got ${JSON.stringify(raw.lemma)}, ${JSON.stringify(raw.type)})` });
      return;
    }
    const pos: TriggerPos = raw.pos === 'noun' || raw.pos === 'phrase' ? raw.pos : 'verb';
    const defaults = typeDefaults.get(type);
    const forms = Array.isArray(raw.forms) ? raw.forms.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : surfaceForms(lemma, pos);
    const entry: Entry = {
      lemma,
      pos,
      type,
      acled: typeof raw.acled === 'string' ? raw.acled : (defaults?.acled ?? ''),
      sub: typeof raw.sub === 'string' ? raw.sub : (defaults?.sub ?? ''),
      context: (['military', 'air', 'political', 'humanitarian', 'none'] as const).includes(raw.context as ContextName) ? (raw.context as ContextName) : 'military',
      fallback: raw.fallback as Entry['fallback'],
      roles: (raw.roles as CaptureRoles | undefined) ?? defaults?.roles,
      ifNear: Array.isArray(raw.ifNear) ? (raw.ifNear as Switch[]).filter((s) => isEventType(s.type)) : [],
      requiresAfter: typeof raw.requiresAfter === 'string' ? raw.requiresAfter : undefined,
      unless: typeof raw.unless === 'string' ? raw.unless : undefined,
      byWeapon: Array.isArray(raw.byWeapon) ? (raw.byWeapon as WeaponSwitch[]).filter((w) => w && typeof w.list === 'string' && isEventType(w.type)) : [],
      generic: raw.generic === true,
      reCi: alternation(forms.filter((f) => !isAcronym(f)), 'giu'),
      reCs: alternation(forms.filter(isAcronym), 'gu'),
      order: entries.length,
    };
    entries.push(entry);
    for (const f of forms) {
      const first = (f.split(/\s+/)[0] ?? f).toLowerCase();
      const list = byFirstWord.get(first) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byFirstWord.set(first, list);
    }
  });
  const lists = new Map<string, RegExp>();
  for (const [name, words] of Object.entries(json.lists ?? {})) lists.set(name, wordListRe(words));
  const mod = json.modality ?? {};
  const denied = mod.denied ?? [];
  return {
    entries,
    byFirstWord,
    firstWords: new KeyHashFilter(byFirstWord.keys()),
    typeDefaults,
    contexts: {
      military: wordListRe(json.militaryContext),
      air: wordListRe(json.airContext),
      political: wordListRe([...(json.politicalContext ?? []), ...(json.militaryContext ?? [])]),
      humanitarian: wordListRe(json.humanitarianContext),
    },
    lists,
    exclude: json.excludePhrases?.length ? new RegExp(wordListRe(json.excludePhrases).source, 'giu') : undefined,
    modality: {
      // local negation (next to the trigger) and sentence-level denial ("denied that ...")
      denied: wordListRe(denied.filter((w) => /^(?:not|n't|never|no longer|failed to|fails to|fail to|nor)$/.test(w)).concat(['no', 'without'])),
      denialWords: wordListRe(denied.filter((w) => !/^(?:not|n't|never|no longer|failed to|fails to|fail to|nor)$/.test(w))),
      planned: wordListRe(mod.planned),
      claimed: wordListRe(mod.claimed),
      achieved: wordListRe(mod.achieved),
    },
  };
}

let defaultLexicon: TriggerLexicon | undefined;
/** The default lexicon, compiled once per process. */
export function defaultTriggerLexicon(): TriggerLexicon {
  defaultLexicon ??= loadTriggerLexicon();
  return defaultLexicon;
}

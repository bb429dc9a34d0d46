/**
 * The actor lexicon: hand-curated actors (data/lexicon/actors.json and user files) plus actors
 * generated from world-countries — one per country (id "country:SY") and, per country, the state
 * institutions of data/lexicon/institutions.json ("army:TR", "gov:IQ"…), unless a curated entry
 * with the same role and country takes their place and their names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActorType, Diagnostic, Report } from '../types.js';
import { countryNames, readSupplement, worldCountries } from './gazetteer.js';
import { isWordChar, nameVariants, normalizeName } from './names.js';
import { readListFile } from '../util/list-file.js';
import { KeyHashFilter, lowerAsciiHash } from './word-hash.js';

export interface ActorEntry {
  id: string;
  name: string;
  type: ActorType;
  /** Other surface forms, without the name itself. */
  aliases: string[];
  /** Id of the parent entry (a country code in the source file becomes "country:XX"). */
  parent?: string;
  /** ISO 3166-1 alpha-2 of the home country. */
  country?: string;
  /** ISO codes of the countries where the actor operates (for disambiguation). */
  context?: string[];
  /** State-institution role ("army", "air force", "government", "defense ministry"…), when it is one. */
  role?: string;
  /** True for entries generated from world-countries and institutions.json. */
  generated?: boolean;
  /** Countries only: the capital's name (for "Moscow said…" metonymy). */
  capital?: string;
  /** Countries only: English demonyms ("Syrian"). */
  demonyms?: string[];
  /** Countries only: a representative point (world-countries' latlng). */
  lat?: number;
  lon?: number;
}

const NO_ENTRIES: readonly ActorEntry[] = Object.freeze([]);

export interface ActorLexicon {
  /**
   * Entries whose name or alias normalises like `surface` (exact key first, then without Arabic
   * articles). The index's own list, not a copy: read it, never change it.
   */
  lookup(surface: string): readonly ActorEntry[];
  get(id: string): ActorEntry | undefined;
  entries(): readonly ActorEntry[];
  /** "Syrian" / "Syrians" / "syrian" → "SY". */
  countryOfDemonym(word: string): string | undefined;
  /** Normalised demonym → ISO code, for pattern building ("Turkish-backed rebels"). */
  demonyms(): ReadonlyMap<string, string>;
  /** The generated country actor "country:XX". */
  countryActor(code: string): ActorEntry | undefined;
  /** The institution of a country in a role: ("SY", "army") → the Syrian Arab Army entry. */
  institution(code: string, role: string): ActorEntry | undefined;
  /** Role names of institutions.json ("army", "air force"…). */
  roles(): readonly string[];
}

const ACTOR_TYPES: ReadonlySet<string> = new Set(['person', 'armed group', 'military', 'government', 'organization', 'media', 'country']);
const DATA = new URL('../../data/', import.meta.url);
const BUILTIN_ACTORS = fileURLToPath(new URL('lexicon/actors.json', DATA));
const INSTITUTIONS = fileURLToPath(new URL('lexicon/institutions.json', DATA));
const PLACES = fileURLToPath(new URL('gazetteer/places.json', DATA));

interface RoleSpec {
  idPrefix: string;
  type: ActorType;
  label: string;
  parentRole?: string;
  templates: string[];
}
interface InstitutionsFile {
  roles: Record<string, RoleSpec>;
  demonyms?: Record<string, string>;
  excludeDemonyms?: string[];
}

const cache = new Map<string, ActorLexicon>();

/** Load (once per process and file list) the lexicon; user files' problems go to `report`. */
export function loadActorLexicon(extraFiles: string[] = [], report?: Report): ActorLexicon {
  const key = JSON.stringify(extraFiles);
  let lex = cache.get(key);
  if (!lex) {
    lex = buildLexicon(extraFiles, report ?? (() => {}));
    cache.set(key, lex);
  }
  return lex;
}

function buildLexicon(extraFiles: string[], report: Report): ActorLexicon {
  const inst = JSON.parse(readFileSync(INSTITUTIONS, 'utf8')) as InstitutionsFile;
  const roleNames = Object.keys(inst.roles);

  // ── curated entries (builtin, then user files: same id → fields override, aliases merge)
  const curated = new Map<string, ActorEntry>();
  const fileOf = new Map<string, string>();
  for (const file of [BUILTIN_ACTORS, ...extraFiles]) {
    for (const e of readActorFile(file, report)) {
      fileOf.set(e.id, file);
      const prev = curated.get(e.id);
      if (prev) {
        const aliases = [...new Set([...prev.aliases, prev.name, ...e.aliases])].filter((a) => a !== e.name);
        curated.set(e.id, { ...prev, ...e, aliases });
      } else curated.set(e.id, e);
    }
  }

  // ── countries: names, demonyms, capitals
  const countryNamesOf = new Map<string, string[]>();
  const demonymsOf = new Map<string, string[]>();
  const demonymMap = new Map<string, string>();
  const demonymOwners = new Map<string, Array<{ code: string; un: boolean }>>();
  const excluded = new Set((inst.excludeDemonyms ?? []).map(normalizeName));
  const extraCountryNames = new Map<string, string[]>();
  for (const { entry } of readSupplement(PLACES, () => {})) {
    if (entry.type === 'country' && entry.same?.startsWith('country:')) {
      const code = entry.same.slice(8);
      extraCountryNames.set(code, [...(extraCountryNames.get(code) ?? []), entry.name, ...(entry.aliases ?? [])]);
    }
  }
  const countryEntries: ActorEntry[] = [];
  for (const c of worldCountries()) {
    const names = [...new Set([...countryNames(c), ...(extraCountryNames.get(c.cca2) ?? [])])];
    const name = /^[\x20-\x7e]+$/.test(c.name.common) ? c.name.common : (names.find((n) => /^[\x20-\x7e]+$/.test(n)) ?? c.name.common);
    const ordered = [name, ...names.filter((n) => n !== name)];
    countryNamesOf.set(c.cca2, ordered);
    const dems = englishDemonyms(c);
    for (const d of dems) {
      const k = normalizeName(d);
      if (excluded.has(k)) continue;
      let owners = demonymOwners.get(k);
      if (!owners) demonymOwners.set(k, (owners = []));
      owners.push({ code: c.cca2, un: (c as { unMember?: boolean }).unMember === true });
    }
    const entry: ActorEntry = {
      id: `country:${c.cca2}`, name, type: 'country', aliases: ordered.slice(1), country: c.cca2, generated: true,
    };
    if (c.capital?.[0]) entry.capital = c.capital[0];
    entry.lat = c.latlng[0];
    entry.lon = c.latlng[1];
    countryEntries.push(entry);
    demonymsOf.set(c.cca2, []);
  }
  // a demonym shared by several countries goes to the only UN member among them, else nowhere
  for (const [k, owners] of demonymOwners) {
    const un = owners.filter((o) => o.un);
    const pick = owners.length === 1 ? owners[0] : un.length === 1 ? un[0] : undefined;
    if (pick) demonymMap.set(k, pick.code);
  }
  for (const [d, code] of Object.entries(inst.demonyms ?? {})) {
    if (countryNamesOf.has(code)) demonymMap.set(normalizeName(d), code);
  }
  // surface forms of demonyms per country (first spelling seen for each key)
  const demonymSurface = new Map<string, string>();
  for (const c of worldCountries()) {
    for (const d of englishDemonyms(c)) if (!demonymSurface.has(normalizeName(d))) demonymSurface.set(normalizeName(d), d);
  }
  for (const d of Object.keys(inst.demonyms ?? {})) if (!demonymSurface.has(normalizeName(d))) demonymSurface.set(normalizeName(d), d);
  for (const [k, code] of demonymMap) demonymsOf.get(code)?.push(demonymSurface.get(k) ?? k);
  for (const e of countryEntries) {
    const dems = demonymsOf.get(e.country!) ?? [];
    if (dems.length) e.demonyms = dems;
  }

  // ── institutions: curated ones (role + country) absorb the generated names
  const curatedByRole = new Map<string, ActorEntry>();
  for (const e of curated.values()) if (e.role && e.country) curatedByRole.set(`${e.role}|${e.country}`, e);
  const idAlias = new Map<string, string>(); // generated id → curated id that replaced it
  const institutionOf = new Map<string, ActorEntry>();
  const generated: ActorEntry[] = [];
  for (const ce of countryEntries) {
    const code = ce.country!;
    const dems = demonymsOf.get(code) ?? [];
    const names = countryNamesOf.get(code) ?? [ce.name];
    if (dems.length === 0) continue;
    for (const role of roleNames) {
      const spec = inst.roles[role]!;
      const forms = new Set<string>();
      for (const t of spec.templates) {
        if (t.includes('{Demonym}')) for (const d of dems) forms.add(t.replaceAll('{Demonym}', d));
        else if (t.includes('{Country}')) for (const n of names.slice(0, 3)) forms.add(t.replaceAll('{Country}', n));
        else forms.add(t);
      }
      const genId = `${spec.idPrefix}:${code}`;
      const label = spec.label.replaceAll('{Demonym}', dems[0]!).replaceAll('{Country}', ce.name);
      const owner = curatedByRole.get(`${role}|${code}`);
      if (owner) {
        idAlias.set(genId, owner.id);
        const have = new Set([owner.name, ...owner.aliases].map(normalizeName));
        for (const f of [label, ...forms]) {
          if (!have.has(normalizeName(f))) {
            owner.aliases.push(f);
            have.add(normalizeName(f));
          }
        }
        institutionOf.set(`${code}|${role}`, owner);
        continue;
      }
      const parentRole = spec.parentRole ? inst.roles[spec.parentRole] : undefined;
      const entry: ActorEntry = {
        id: genId, name: label, type: spec.type, aliases: [...forms].filter((f) => f !== label),
        parent: parentRole ? `${parentRole.idPrefix}:${code}` : `country:${code}`, country: code, role, generated: true,
      };
      generated.push(entry);
      institutionOf.set(`${code}|${role}`, entry);
    }
  }

  // ── assemble, resolve parents, index
  const all: ActorEntry[] = [...curated.values(), ...countryEntries, ...generated];
  const byId = new Map<string, ActorEntry>();
  for (const e of all) byId.set(e.id, e);
  for (const e of all) {
    if (!e.parent) continue;
    let p = e.parent;
    if (/^[A-Z]{2}$/.test(p)) p = `country:${p}`;
    p = idAlias.get(p) ?? p;
    if (p === e.id || !byId.has(p)) {
      if (!e.generated) {
        report({ level: 'warning', source: { file: fileOf.get(e.id) ?? BUILTIN_ACTORS }, message: `actor "${e.id}": parent "${e.parent}" is not a known id or country code; ignored` });
      }
      delete e.parent;
    } else e.parent = p;
  }

  const exact = new Map<string, ActorEntry[]>();
  const stripped = new Map<string, ActorEntry[]>();
  const put = (m: Map<string, ActorEntry[]>, k: string, e: ActorEntry): void => {
    const l = m.get(k);
    if (!l) m.set(k, [e]);
    else if (!l.includes(e)) l.push(e);
  };
  for (const e of all) {
    for (const n of [e.name, ...e.aliases]) {
      const v = nameVariants(n);
      if (v[0]) put(exact, v[0], e);
      if (v[1]) put(stripped, v[1], e);
    }
  }

  // Asked for every capitalised word of every article, most of them no demonym.
  const demonymWords = new KeyHashFilter(demonymMap.keys());
  return {
    lookup(surface) {
      const v = nameVariants(surface);
      for (const k of v) {
        const hit = exact.get(k);
        if (hit) return hit;
      }
      for (const k of v) {
        const hit = stripped.get(k);
        if (hit) return hit;
      }
      return NO_ENTRIES;
    },
    get: (id) => byId.get(idAlias.get(id) ?? (/^[A-Z]{2}$/.test(id) ? `country:${id}` : id)),
    entries: () => all,
    countryOfDemonym(word) {
      if (!mayBeDemonym(word, demonymWords)) return undefined;
      const k = normalizeName(word);
      return demonymMap.get(k) ?? (k.endsWith('s') ? demonymMap.get(k.slice(0, -1)) : undefined);
    },
    demonyms: () => demonymMap,
    countryActor: (code) => byId.get(`country:${code.toUpperCase()}`),
    institution: (code, role) => institutionOf.get(`${code.toUpperCase()}|${role}`),
    roles: () => roleNames,
  };
}

/**
 * False only when `word` surely is no demonym, with or without a final s: a word of ASCII letters
 * and digits normalises to its lower case, and no demonym has its hash (nor that without the s).
 */
function mayBeDemonym(word: string, demonyms: KeyHashFilter): boolean {
  if (word.length === 0) return true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 || !isWordChar(c)) return true;
  }
  if (demonyms.mayHave(lowerAsciiHash(word, 0, word.length))) return true;
  return (word.charCodeAt(word.length - 1) | 0x20) === 0x73 && demonyms.mayHave(lowerAsciiHash(word, 0, word.length - 1));
}

/** Read one actor file (an array or { "actors": [...] }); problems become Diagnostics, never exceptions. */
export function readActorFile(file: string, report: Report): ActorEntry[] {
  const list = readListFile(file, 'actors', 'lexicon', report);
  if (!list) return [];
  const out: ActorEntry[] = [];
  const seen = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const source: Diagnostic['source'] = { file, record: i + 1 };
    const e = raw as Record<string, unknown> | null;
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    const problem =
      !e || typeof e !== 'object' || Array.isArray(e) ? 'not an object'
      : typeof e['id'] !== 'string' || !e['id'] ? 'missing "id"'
      : typeof e['name'] !== 'string' || !e['name'] ? 'missing "name"'
      : typeof e['type'] !== 'string' || !ACTOR_TYPES.has(e['type']) ? `"type" must be one of ${[...ACTOR_TYPES].join(', ')}`
      : e['aliases'] !== undefined && !strings(e['aliases']) ? '"aliases" must be an array of strings'
      : e['context'] !== undefined && !strings(e['context']) ? '"context" must be an array of country codes'
      : e['parent'] !== undefined && typeof e['parent'] !== 'string' ? '"parent" must be a string'
      : e['country'] !== undefined && !/^[A-Z]{2}$/.test(String(e['country'])) ? '"country" must be an ISO 3166-1 alpha-2 code'
      : e['role'] !== undefined && typeof e['role'] !== 'string' ? '"role" must be a string'
      : seen.has(e['id']) ? `duplicate id "${e['id']}"`
      : undefined;
    if (problem || !e) {
      report({ level: 'warning', source, message: `actor skipped: ${problem}` });
      return;
    }
    seen.add(e['id'] as string);
    const name = e['name'] as string;
    const entry: ActorEntry = {
      id: e['id'] as string, name, type: e['type'] as ActorType,
      aliases: [...new Set((e['aliases'] as string[] | undefined) ?? [])].filter((a) => a !== name),
    };
    if (typeof e['parent'] === 'string') entry.parent = e['parent'];
    if (typeof e['country'] === 'string') entry.country = e['country'];
    if (e['context']) entry.context = e['context'] as string[];
    if (typeof e['role'] === 'string') entry.role = e['role'];
    out.push(entry);
  });
  return out;
}

/** A country's English demonyms, one per word: world-countries writes two in one string ("Bosnian, Herzegovinian"). */
function englishDemonyms(c: ReturnType<typeof worldCountries>[number]): string[] {
  const eng = c.demonyms?.['eng'];
  if (!eng) return [];
  return [...new Set([eng.m, eng.f].filter(Boolean).flatMap((d) => d.split(/\s*,\s*/)).filter(Boolean))];
}

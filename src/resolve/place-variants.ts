import { distance } from 'fastest-levenshtein';
import { looseKey } from '../knowledge/names.js';

/**
 * Transliterations of one Arabic place name that differ in their vowels: "Ain Tarma" = "Ein
 * Tarma", "Kafr Batna" = "Kfar Batna", "al-Jamilia" = "Jameliaiah". Their consonant skeleton (the
 * transliteration key without its vowels) is the same; edit distance, which needs
 * a shared first letter and at most one edit in ten letters, misses them.
 */
export function consonantSkeleton(name: string): string {
  return looseKey(name)
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Fewest consonants a skeleton needs before it can tie two names: short ones collide by chance. */
const MIN_CONSONANTS = 5;
/**
 * Fewer do for names of several words whose last word is spelt the same, as when only a prefix's
 * vowels differ ("Ain Tarma" = "Ein Tarma", "Tal Abyad" = "Tel Abyad").
 */
const MIN_CONSONANTS_SAME_LAST_WORD = 4;

/** The last word of a name of two words or more, in lower case; '' for one word. */
function lastWordOf(name: string): string {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length >= 2 ? words[words.length - 1]! : '';
}

/** Fewest letters a transliteration key needs to tie two names whose skeleton is too short. */
const MIN_LOOSE_LETTERS = 6;

/**
 * What ties two spellings: a long enough skeleton; a shorter one with the same last word ("Ain
 * Tarma" = "Ein Tarma"); else a long enough transliteration key, which keeps the vowels' places
 * ("al-Rasafa" = "al-Rasafeh", not "Hama" = "Homa").
 */
function variantId(name: string): string | undefined {
  const skeleton = consonantSkeleton(name);
  if (skeleton.length >= MIN_CONSONANTS) return skeleton;
  const last = lastWordOf(name);
  if (skeleton.length >= MIN_CONSONANTS_SAME_LAST_WORD && last) return `${skeleton} ${last}`;
  const loose = looseKey(name);
  return loose.length >= MIN_LOOSE_LETTERS ? `${LOOSE}${loose}` : undefined;
}

const LOOSE = 'loose:';
/** Most letters, as a share of the longer name, two spellings tied by their key may differ in. */
const MAX_LOOSE_EDITS = 0.4;

/**
 * Whether a spelling tied to an earlier one by its transliteration key alone may fold into it:
 * both unknown (a known place's spellings are the gazetteer's: "al-Sulaimaniyeh" in Aleppo is no
 * Sulaymaniyah in Iraq), and written alike, the article aside ("al-Rasafeh" ~ "al-Rasafa", not
 * "Al-Humeiri" ~ "Hammouriyah").
 */
function closeSpellings(earlier: PlaceName, p: PlaceName): boolean {
  if (earlier.known) return false;
  const a = bareName(earlier.name);
  const b = bareName(p.name);
  return distance(a, b) <= MAX_LOOSE_EDITS * Math.max(a.length, b.length);
}

function bareName(name: string): string {
  return name.toLowerCase().replace(/^(?:al|el)[-\s]+/, '').replace(/[^\p{L}]/gu, '');
}

export interface PlaceName {
  key: string;
  name: string;
  known: boolean;
}

/**
 * Unknown places whose skeleton equals that of a place ranked before them (list in rank order:
 * known first, then the most mentioned), as key → the key they fold into. Keys already folded
 * (`folded`) neither fold again nor take others.
 */
export function skeletonVariants(list: readonly PlaceName[], folded: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const firstName = new Map<string, PlaceName>();
  for (const p of list) {
    if (folded.has(p.key)) continue;
    const id = variantId(p.name);
    if (id === undefined) continue;
    const earlier = firstName.get(id);
    if (earlier === undefined) firstName.set(id, p);
    else if (!p.known && (!id.startsWith(LOOSE) || closeSpellings(earlier, p))) out.set(p.key, earlier.key);
  }
  return out;
}

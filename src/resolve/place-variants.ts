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
  const first = new Map<string, string>();
  for (const p of list) {
    if (folded.has(p.key)) continue;
    const skeleton = consonantSkeleton(p.name);
    if (skeleton.length < MIN_CONSONANTS_SAME_LAST_WORD) continue;
    // Short skeletons are told apart by the last word too.
    const id = skeleton.length >= MIN_CONSONANTS ? skeleton : `${skeleton} ${lastWordOf(p.name)}`;
    if (id.endsWith(' ')) continue;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, p.key);
    else if (!p.known) out.set(p.key, earlier);
  }
  return out;
}

import type { EntityRef } from '../extract/model.js';

/** A guessed person named by fewer letters than this is too short to tie to anyone ("Ali"). */
const MIN_LETTERS = 4;
/** Arabic article glued to a name part: "al-Assad" and "Assad" are one name part. */
const ARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|ul)-(?=\p{L})/u;

function nameParts(label: string): string[] {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .map((w) => w.replace(ARTICLE, '').replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter(Boolean);
}

/**
 * People an article names only by the end of their name ("Abdel Rahman said"), tied to the one
 * person of the corpus whose full name ends so (Rami Abdel Rahman). Within one article extraction
 * does this already; across articles a short form stays its own node unless exactly one longer
 * name fits: "Assad" joins no one while Bashar and Hafez al-Assad are both named, and a name of
 * the lexicon is never folded into another, nor a word the corpus also uses as a given name. `refs` are the corpus's person entities (key → ref),
 * already folded for spelling; the answer maps each short form's key to its full name's key.
 */
export function shortFormMap(refs: ReadonlyMap<string, EntityRef>): Map<string, string> {
  const people: Array<{ key: string; parts: string[]; known: boolean }> = [];
  for (const [key, ref] of refs) {
    if (ref.kind === 'actor' && ref.type === 'person') people.push({ key, parts: nameParts(ref.label), known: !!ref.known });
  }
  // Every ending of every name of two parts or more, with the people whose name ends so.
  const byEnding = new Map<string, Set<string>>();
  for (const p of people) {
    for (let i = 1; i < p.parts.length; i++) {
      const ending = p.parts.slice(i).join(' ');
      let set = byEnding.get(ending);
      if (!set) byEnding.set(ending, (set = new Set()));
      set.add(p.key);
    }
  }
  // A word the corpus also writes first in someone's name is a given name there: alone, it may
  // mean anyone of that name ("Hussein", "Said").
  const firstParts = new Set<string>();
  for (const p of people) if (p.parts.length > 1) firstParts.add(p.parts[0]!);
  const out = new Map<string, string>();
  // Longer short forms first, so that "Rahman" counts "Abdel Rahman" as the Rami Abdel Rahman
  // it was tied to, not as a second person.
  const shortestLast = [...people].sort((a, b) => b.parts.length - a.parts.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const p of shortestLast) {
    if (p.known) continue;
    const name = p.parts.join(' ');
    if (name.replace(/[^\p{L}]/gu, '').length < MIN_LETTERS || (p.parts.length === 1 && firstParts.has(name))) continue;
    const fits = new Set([...(byEnding.get(name) ?? [])].map((k) => out.get(k) ?? k));
    fits.delete(p.key);
    if (fits.size === 1) out.set(p.key, [...fits][0]!);
  }
  return out;
}

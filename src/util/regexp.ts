/**
 * Building regular expressions from word lists (lexicons, cue words, file-name prefixes): the
 * same escaping, phrase and ordering rules wherever a list becomes an alternation.
 */

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase matched literally with any run of white space between its words: "air strikes" → "air\s+strikes". */
export function phraseSource(phrase: string): string {
  return phrase.split(/\s+/).map(escapeRegExp).join('\\s+');
}

/** Alternatives longest first, so that a phrase wins over its own start; ties in code-unit order. */
export function longestFirst(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : 1);
}

/**
 * A pre-filter for looking words up in a table keyed by their lower case: a hash of a word's lower
 * case computed in place from its ASCII characters, and a bit set of the hashes of the table's
 * keys. A word whose hash is not in the set is surely no key, so the scan need not slice it out
 * of the text nor lower-case it; one whose hash is (or that is not ASCII) is looked up as before.
 */

/** FNV-1a of the lower case of text[start, end), or -1 when a character is not ASCII. */
export function lowerAsciiHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h & 0x3fffffff; // a small integer: no heap number
}

export class KeyHashFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** About 16 bits per key: some 6% of the words that are no key pass. */
  constructor(keys: Iterable<string>) {
    const list = [...keys];
    let words = 32;
    while (words * 32 < list.length * 16) words *= 2;
    this.bits = new Uint32Array(words);
    this.mask = words - 1;
    for (const k of list) {
      const h = lowerAsciiHash(k, 0, k.length);
      if (h >= 0) this.bits[(h >>> 5) & this.mask]! |= 1 << (h & 31);
    }
  }

  /** Whether a key may have this hash (from lowerAsciiHash; -1, not ASCII, always may). */
  mayHave(h: number): boolean {
    return h < 0 || (this.bits[(h >>> 5) & this.mask]! & (1 << (h & 31))) !== 0;
  }
}

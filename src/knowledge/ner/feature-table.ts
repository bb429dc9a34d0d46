/**
 * A hash table from feature keys (two int32) to dense row numbers, in one typed array with open
 * addressing: a look-up allocates nothing and touches no boxed number, unlike a Map keyed by a
 * string or a double. Each slot's key halves and row sit side by side (16 bytes), so a probe
 * reads one cache line: the table is larger than the cache, and these misses are most of the
 * tagger's time.
 */
const STRIDE = 4;

export class FeatureTable {
  /** Per slot: k1, k2, row + 1 (0 when empty), padding. */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.slots = new Int32Array(n * STRIDE);
    this.mask = n - 1;
  }

  /** The index in `slots` of the key's slot, or of the empty slot where it would go. */
  private find(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const at = i * STRIDE;
      if (slots[at + 2] === 0 || (slots[at] === a && slots[at + 1] === b)) return at;
      i = (i + 1) & this.mask;
    }
  }

  /** The row of the feature, or -1. */
  get(a: number, b: number): number {
    return this.slots[this.find(a, b) + 2]! - 1;
  }

  /** The row of the feature, given the next free one if it had none. */
  add(a: number, b: number): number {
    let at = this.find(a, b);
    const r = this.slots[at + 2]!;
    if (r !== 0) return r - 1;
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.grow();
      at = this.find(a, b);
    }
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = ++this.size;
    return this.size - 1;
  }

  /** Every key with its row, in row order. */
  entries(): { k1: Int32Array; k2: Int32Array } {
    const k1 = new Int32Array(this.size);
    const k2 = new Int32Array(this.size);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += STRIDE) {
      const r = slots[at + 2]!;
      if (r === 0) continue;
      k1[r - 1] = slots[at]!;
      k2[r - 1] = slots[at + 1]!;
    }
    return { k1, k2 };
  }

  private grow(): void {
    const { k1, k2 } = this.entries();
    const n = (this.mask + 1) * 2;
    this.slots = new Int32Array(n * STRIDE);
    this.mask = n - 1;
    const size = this.size;
    this.size = 0;
    for (let r = 0; r < size; r++) this.add(k1[r]!, k2[r]!);
  }
}

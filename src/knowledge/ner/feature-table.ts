/**
 * A hash table from feature keys (two int32) to dense row numbers, in typed arrays with open
 * addressing: a look-up allocates nothing and touches no boxed number, unlike a Map keyed by a
 * string or a double.
 */
export class FeatureTable {
  private k1: Int32Array;
  private k2: Int32Array;
  /** Row + 1 of each slot; 0 when the slot is empty. */
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.k1 = new Int32Array(slots);
    this.k2 = new Int32Array(slots);
    this.rows = new Int32Array(slots);
    this.mask = slots - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 13;
    let i = h & this.mask;
    while (this.rows[i] !== 0 && (this.k1[i] !== a || this.k2[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The row of the feature, or -1. */
  get(a: number, b: number): number {
    return this.rows[this.slot(a, b)]! - 1;
  }

  /** The row of the feature, given the next free one if it had none. */
  add(a: number, b: number): number {
    let i = this.slot(a, b);
    const r = this.rows[i]!;
    if (r !== 0) return r - 1;
    if ((this.size + 1) * 2 > this.rows.length) {
      this.grow();
      i = this.slot(a, b);
    }
    this.k1[i] = a;
    this.k2[i] = b;
    this.rows[i] = ++this.size;
    return this.size - 1;
  }

  /** Every key with its row, in row order. */
  entries(): { k1: Int32Array; k2: Int32Array } {
    const k1 = new Int32Array(this.size);
    const k2 = new Int32Array(this.size);
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i]!;
      if (r === 0) continue;
      k1[r - 1] = this.k1[i]!;
      k2[r - 1] = this.k2[i]!;
    }
    return { k1, k2 };
  }

  private grow(): void {
    const { k1, k2 } = this.entries();
    const slots = this.rows.length * 2;
    this.k1 = new Int32Array(slots);
    this.k2 = new Int32Array(slots);
    this.rows = new Int32Array(slots);
    this.mask = slots - 1;
    const n = this.size;
    this.size = 0;
    for (let r = 0; r < n; r++) this.add(k1[r]!, k2[r]!);
  }
}

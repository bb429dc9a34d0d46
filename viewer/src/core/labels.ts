/**
 * Label placement: candidates in priority order, each label kept only if its box overlaps no
 * label already kept, so labels never overlap and the important ones win. Framework-free
 * (boxes in screen pixels); a uniform grid keeps the overlap test cheap for thousands of nodes.
 */

export interface LabelCandidate {
  key: string;
  label: string;
  /** Node centre and radius on screen. */
  x: number;
  y: number;
  radius: number;
}

export interface PlacedLabel {
  key: string;
  label: string;
  /** Box of the text (left, top, width, height), and the baseline the text is drawn at. */
  left: number;
  top: number;
  width: number;
  height: number;
  baseline: number;
}

export interface PlacementOptions {
  /** Text size in pixels. */
  fontSize: number;
  /** Width of a label's text in pixels. */
  measure: (label: string) => number;
  /** Screen size; labels must lie inside it. */
  width: number;
  height: number;
  /** Empty space kept around each label. */
  padding?: number;
  /** At most this many labels. */
  limit?: number;
}

/**
 * Label box to the right of the node, vertically centred on it (as sigma draws its labels), or to
 * its left.
 */
export function labelBox(c: LabelCandidate, fontSize: number, textWidth: number, side: 'right' | 'left' = 'right'): PlacedLabel {
  const left = side === 'right' ? c.x + c.radius + 3 : c.x - c.radius - 3 - textWidth;
  const top = c.y - fontSize * 0.6;
  return { key: c.key, label: c.label, left, top, width: textWidth, height: fontSize * 1.2, baseline: c.y + fontSize / 3 };
}

export function boxesOverlap(a: PlacedLabel, b: PlacedLabel, padding = 0): boolean {
  return a.left < b.left + b.width + padding && b.left < a.left + a.width + padding && a.top < b.top + b.height + padding && b.top < a.top + a.height + padding;
}

/** Greedy placement in the candidates' order (most important first). */
export function placeLabels(candidates: Iterable<LabelCandidate>, options: PlacementOptions): PlacedLabel[] {
  const { fontSize, measure, width, height } = options;
  const padding = options.padding ?? 2;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const cell = 64;
  const grid = new Map<number, PlacedLabel[]>();
  const cellsOf = (b: PlacedLabel): number[] => {
    const out: number[] = [];
    const x0 = Math.floor((b.left - padding) / cell);
    const x1 = Math.floor((b.left + b.width + padding) / cell);
    const y0 = Math.floor((b.top - padding) / cell);
    const y1 = Math.floor((b.top + b.height + padding) / cell);
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) out.push(y * 100_003 + x);
    return out;
  };
  const placed: PlacedLabel[] = [];
  for (const c of candidates) {
    if (placed.length >= limit) break;
    if (!c.label) continue;
    const outside = (b: PlacedLabel): boolean => b.left < 0 || b.top < 0 || b.left + b.width > width || b.top + b.height > height;
    let box = labelBox(c, fontSize, measure(c.label));
    // a node near the right edge is labelled on its left rather than not at all
    if (outside(box)) box = labelBox(c, fontSize, box.width, 'left');
    if (outside(box)) continue;
    const cells = cellsOf(box);
    if (cells.some((k) => grid.get(k)?.some((other) => boxesOverlap(box, other, padding)))) continue;
    placed.push(box);
    for (const k of cells) {
      const list = grid.get(k);
      if (list) list.push(box);
      else grid.set(k, [box]);
    }
  }
  return placed;
}

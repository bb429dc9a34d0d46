// @ts-check
// The guard: every figure of the eval report against the floor (or, for figures where less is
// better, the ceiling) that eval/floors.json keeps for it. Floors only go up and ceilings only
// come down; a commit that moves one the other way says why in its body.

/**
 * @typedef {{ min?: number, max?: number }} Bound
 * @typedef {Record<string, Bound>} Floors  keys starting with "$" are comments
 * @typedef {{ value: number, count?: string }} Figure
 * @typedef {{ figure: string, value: number, count?: string, bound?: Bound, ok: boolean }} Row
 */

/** Figures where a lower value is better: their bound is a ceiling (`max`). */
const LOWER_IS_BETTER = new Set(['wrong-merges', 'junk', 'agent-to-place', 'no-agent', 'crowded-events', 'self-roles', 'unlocated-places', 'far-homonyms']);

/** Values are compared at this precision, so a floor written from a rounded report still holds. */
const EPSILON = 1e-4;

/**
 * @param {string} figure  a report key, "<suite>.<scorer>.<name>"
 * @returns {boolean}
 */
export function lowerIsBetter(figure) {
  return LOWER_IS_BETTER.has(figure.slice(figure.lastIndexOf('.') + 1));
}

/**
 * Each figure with its bound and whether it keeps it; a floor whose figure is missing from the
 * report is a failure too (a scorer that stopped printing a figure must not pass silently).
 * @param {Record<string, Figure>} figures
 * @param {Floors} floors
 * @returns {Row[]}
 */
export function checkFloors(figures, floors) {
  /** @type {Row[]} */
  const rows = [];
  for (const [figure, { value, count }] of Object.entries(figures)) {
    const bound = floors[figure];
    const ok = !bound || ((bound.min === undefined || value >= bound.min - EPSILON) && (bound.max === undefined || value <= bound.max + EPSILON));
    rows.push({ figure, value, ...(count !== undefined && { count }), ...(bound && { bound }), ok });
  }
  for (const [figure, bound] of Object.entries(floors)) {
    if (!figure.startsWith('$') && !(figure in figures)) rows.push({ figure, value: Number.NaN, bound, ok: false });
  }
  return rows;
}

/**
 * The floors raised (and ceilings lowered) to what the report reaches; bounds are never loosened,
 * and a figure without a bound gets one. Keys starting with "$" are comments, kept first; the
 * figures follow in the report's order.
 * @param {Record<string, Figure>} figures
 * @param {Floors} floors
 * @returns {Floors}
 */
export function raiseFloors(figures, floors) {
  /** @type {Floors} */
  const raised = Object.fromEntries(Object.entries(floors).filter(([k]) => k.startsWith('$')));
  for (const [figure, { value }] of Object.entries(figures)) {
    const old = floors[figure];
    const v = round(value);
    if (lowerIsBetter(figure)) raised[figure] = { max: old?.max === undefined ? v : Math.min(old.max, v) };
    else raised[figure] = { min: old?.min === undefined ? v : Math.max(old.min, v) };
  }
  for (const [figure, bound] of Object.entries(floors)) if (!(figure in raised)) raised[figure] = bound;
  return raised;
}

/**
 * floors.json as written: one figure a line, so a diff shows each floor that moved.
 * @param {Floors} floors
 */
export function formatFloors(floors) {
  const lines = Object.entries(floors).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Four decimals: a share to a hundredth of a percent. */
export function round(value) {
  return Math.round(value * 1e4) / 1e4;
}

/**
 * The one table: figure, value (with its counts), bound, and a mark where a bound is broken.
 * @param {Row[]} rows
 * @returns {string}
 */
export function formatTable(rows) {
  const show = (/** @type {number} */ v, /** @type {string} */ figure) =>
    Number.isNaN(v) ? 'missing' : isShare(figure) ? `${(v * 100).toFixed(1)}%` : String(round(v));
  const lines = rows.map((r) => {
    const bound = r.bound ? (r.bound.min !== undefined ? `>= ${show(r.bound.min, r.figure)}` : `<= ${show(r.bound.max ?? 0, r.figure)}`) : '-';
    return [r.figure, show(r.value, r.figure) + (r.count ? ` (${r.count})` : ''), bound, r.ok ? '' : 'BELOW FLOOR'];
  });
  const header = ['figure', 'value', 'floor', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const fmt = (/** @type {string[]} */ cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

/** Counts (wrong merges, junk nodes) are shown as numbers, everything else as a percentage. */
function isShare(figure) {
  return !/\.(wrong-merges|junk)$/.test(figure);
}

// @ts-check
// Reading the acceptance scorers' output (../shared/eval): each prints one summary line of
// "name a/b (p%)" and "name N" parts joined by " | ", and gexf_check.py prints one PASS/FAIL line
// per gate. A figure is kept with its counts, so the report shows what a percentage is made of.

/**
 * @typedef {{ value: number, count?: string }} Figure
 *   value: a share in [0, 1] for "a/b" parts, the number itself for bare counts.
 */

/**
 * The figures of one summary line. "x/0" counts as 1 (nothing to get wrong), as the project's
 * sample test always read it.
 * @param {string} line
 * @returns {Record<string, Figure>}
 */
export function parseSummaryLine(line) {
  /** @type {Record<string, Figure>} */
  const out = {};
  for (const part of line.split('|')) {
    const m = /^\s*([A-Za-z][\w-]*(?: [a-z][\w-]*)?)\s+(\d+)(?:\/(\d+))?(?:\s+\([\d.]+%\))?(?:\s+typed\s+(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const [, name, a, b, typed] = m;
    if (b !== undefined) {
      out[name] = { value: Number(b) ? Number(a) / Number(b) : 1, count: `${a}/${b}` };
      if (typed !== undefined) out[`${name} typed`] = { value: Number(b) ? Number(typed) / Number(b) : 1, count: `${typed}/${b}` };
    } else out[name] = { value: Number(a) };
  }
  return out;
}

/**
 * score_ner.py's figures, with F1 and typed-F1 recomputed from the counts (the line rounds them to
 * whole points, which would hide a change of less than half a point).
 * @param {string} line
 * @returns {Record<string, Figure>}
 */
export function parseNerLine(line) {
  const parts = parseSummaryLine(line);
  const recall = parts['ner recall'];
  const typed = parts['typed'];
  const precision = parts['precision'];
  const typedPrecision = parts['typed-precision'];
  if (!recall || !typed || !precision || !typedPrecision) throw new Error(`not a score_ner.py summary: ${line}`);
  const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
  /** @type {Record<string, Figure>} */
  const out = {
    recall,
    'typed-recall': typed,
    precision,
    'typed-precision': typedPrecision,
    F1: { value: f1(precision.value, recall.value) },
    'typed-F1': { value: f1(typedPrecision.value, typed.value) },
  };
  for (const type of ['PER', 'ORG', 'LOC']) {
    if (parts[type]) out[type] = parts[type];
    if (parts[`${type} typed`]) out[`${type}-typed`] = parts[`${type} typed`];
  }
  return out;
}

/**
 * gexf_check.py: one figure, the share of its gates that passed, and the failures' messages.
 * @param {string} output
 * @returns {{ figures: Record<string, Figure>, failures: string[] }}
 */
export function parseGexfCheck(output) {
  const gates = output.split('\n').filter((l) => /^(PASS|FAIL) /.test(l));
  if (!gates.length) throw new Error(`gexf_check.py printed no gate: ${output.slice(0, 500)}`);
  const passed = gates.filter((l) => l.startsWith('PASS ')).length;
  return {
    figures: { gates: { value: passed / gates.length, count: `${passed}/${gates.length}` } },
    failures: gates.filter((l) => l.startsWith('FAIL ')),
  };
}

/**
 * The summary line of a scorer's output: its last line that has " | " parts.
 * @param {string} output
 */
export function lastSummaryLine(output) {
  const line = output.trim().split('\n').reverse().find((l) => l.includes(' | '));
  if (!line) throw new Error(`no summary line in: ${output.slice(-500)}`);
  return line;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFloors, formatFloors, formatTable, lowerIsBetter, raiseFloors } from '../../scripts/eval/floors.mjs';
import { lastSummaryLine, parseGexfCheck, parseNerLine, parseSummaryLine } from '../../scripts/eval/summary.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

// Summary lines as the scorers in ../shared/eval print them.
const SCORE_LINE =
  'entities 92/115 (80%) | single-node 85/115 (74%) | precision 116/144 (81%) | wrong-merges 1 | junk 10 | relations 11/15 (73%) | geo 0/0 | events 8/42 (19%)';
const NER_LINE =
  'ner recall 1848/3395 (54%) | typed 1660/3395 (49%) | precision 1733/1975 (88%) | typed-precision 1519/1975 (77%) | F1 67 | typed-F1 60 | PER 786/1420 (55%) typed 762 | ORG 295/978 (30%) typed 139 | LOC 767/997 (77%) typed 759';

describe('reading the scorers', () => {
  it('reads shares with their counts, bare counts, and x/0 as nothing to get wrong', () => {
    const f = parseSummaryLine(SCORE_LINE);
    expect(f['entities']).toEqual({ value: 92 / 115, count: '92/115' });
    expect(f['wrong-merges']).toEqual({ value: 1 });
    expect(f['junk']).toEqual({ value: 10 });
    expect(f['geo']).toEqual({ value: 1, count: '0/0' });
    expect(Object.keys(f)).toEqual(['entities', 'single-node', 'precision', 'wrong-merges', 'junk', 'relations', 'geo', 'events']);
  });

  it('recomputes F1 and typed-F1 from the counts, and reads each type with its typed count', () => {
    const f = parseNerLine(NER_LINE);
    const p = 1733 / 1975;
    const r = 1848 / 3395;
    expect(f['F1']!.value).toBeCloseTo((2 * p * r) / (p + r), 12);
    expect(f['F1']!.value).toBeGreaterThan(0.67); // the line's "F1 67" rounds 67.2
    expect(f['ORG-typed']).toEqual({ value: 139 / 978, count: '139/978' });
    expect(() => parseNerLine('entities 1/2 (50%)')).toThrow(/not a score_ner.py summary/);
  });

  it('counts gexf_check gates and keeps the failures', () => {
    const { figures, failures } = parseGexfCheck('PASS valid against the GEXF 1.3 schema\nFAIL xmllint is not installed\nPASS networkx reads 3 nodes');
    expect(figures['gates']).toEqual({ value: 2 / 3, count: '2/3' });
    expect(failures).toEqual(['FAIL xmllint is not installed']);
  });

  it('takes the last summary line after verbose output', () => {
    expect(lastSummaryLine(`missing entities: a, b\n${SCORE_LINE}\n`)).toBe(SCORE_LINE);
    expect(() => lastSummaryLine('Traceback ...')).toThrow(/no summary line/);
  });
});

describe('the floors', () => {
  const figures = {
    'fakes-dev.score_events.agents': { value: 0.324, count: '11/34' },
    'fakes.sanity.agent-to-place': { value: 0.262, count: '1204/4588' },
    'sample.score.junk': { value: 0 },
  };
  const floors = {
    $comment: 'ignored',
    'fakes-dev.score_events.agents': { min: 0.324 },
    'fakes.sanity.agent-to-place': { max: 0.262 },
    'sample.score.junk': { max: 0 },
  };

  it('pass every figure that keeps its floor or ceiling', () => {
    expect(checkFloors(figures, floors).every((r) => r.ok)).toBe(true);
  });

  it('fail a figure lowered below its floor, and one risen above its ceiling', () => {
    const lowered = { ...figures, 'fakes-dev.score_events.agents': { value: 0.3, count: '10/34' } };
    expect(checkFloors(lowered, floors).filter((r) => !r.ok).map((r) => r.figure)).toEqual(['fakes-dev.score_events.agents']);
    const risen = { ...figures, 'sample.score.junk': { value: 1 } };
    expect(checkFloors(risen, floors).filter((r) => !r.ok).map((r) => r.figure)).toEqual(['sample.score.junk']);
    expect(formatTable(checkFloors(risen, floors))).toMatch(/sample\.score\.junk\s+1\s+<= 0\s+BELOW FLOOR/);
  });

  it('fail a floor whose figure the report no longer has', () => {
    const { ['fakes.sanity.agent-to-place']: _gone, ...rest } = figures;
    expect(checkFloors(rest, floors).filter((r) => !r.ok).map((r) => r.figure)).toEqual(['fakes.sanity.agent-to-place']);
  });

  it('are only ever raised (ceilings only lowered), comments first, one figure a line', () => {
    const better = { ...figures, 'fakes-dev.score_events.agents': { value: 0.5 }, 'fakes.sanity.agent-to-place': { value: 0.1 }, 'sample.score.precision': { value: 0.97 } };
    const raised = raiseFloors(better, floors);
    expect(raised).toEqual({
      $comment: 'ignored',
      'fakes-dev.score_events.agents': { min: 0.5 },
      'fakes.sanity.agent-to-place': { max: 0.1 },
      'sample.score.junk': { max: 0 },
      'sample.score.precision': { min: 0.97 },
    });
    const worse = { ...figures, 'fakes-dev.score_events.agents': { value: 0.1 }, 'fakes.sanity.agent-to-place': { value: 0.9 } };
    expect(raiseFloors(worse, floors)).toMatchObject({ 'fakes-dev.score_events.agents': { min: 0.324 }, 'fakes.sanity.agent-to-place': { max: 0.262 } });
    expect(formatFloors(raised).split('\n')[2]).toBe('  "fakes-dev.score_events.agents": {"min":0.5},');
    expect(lowerIsBetter('reuters-3000.sanity.far-homonyms')).toBe(true);
    expect(lowerIsBetter('conll-dev.score_ner.precision')).toBe(false);
  });

  it('in the repository hold a bound for every figure of the committed report', () => {
    const report = JSON.parse(readFileSync(join(ROOT, 'eval/report.json'), 'utf8')) as { figures: Record<string, unknown> };
    const committed = JSON.parse(readFileSync(join(ROOT, 'eval/floors.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(committed).filter((k) => !k.startsWith('$')).sort()).toEqual(Object.keys(report.figures).sort());
  });
});

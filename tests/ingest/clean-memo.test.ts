/**
 * The cleaned-text memo (issue 6): a rebuild reuses an earlier build's cleaning of the same text,
 * with this build's id and source, and says the same warnings again.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/ingest/clean.js';
import type { CleanedTextMemo } from '../../src/ingest/options.js';
import type { Diagnostic } from '../../src/types.js';

function memo(): CleanedTextMemo & { entries: Map<string, string>; sets: number } {
  const entries = new Map<string, string>();
  return {
    entries,
    sets: 0,
    keyOf: (parts) => JSON.stringify(parts),
    get: (key) => entries.get(key),
    set(key, json) {
      this.sets++;
      entries.set(key, json);
    },
  };
}

const PAGE = 'Share on Facebook\n\nDAMASCUS, March 3 (Reuters) - Syrian troops retook the town of Palmyra on Sunday, state media said.\n\nThe army said its forces were clearing mines.';

describe('docFromText with a memo', () => {
  it('cleans a text once and gives the same document, with the new id and source, the second time', () => {
    const m = memo();
    const first = docFromText(PAGE, { id: 'a', file: 'a.jsonl', format: 'txt', date: '2016-03-27', source: { file: 'a.jsonl', record: 1 } }, { cleaned: m }, () => {});
    const second = docFromText(PAGE, { id: 'b', file: 'b.jsonl', format: 'txt', date: '2016-03-27', source: { file: 'b.jsonl', record: 7 } }, { cleaned: m }, () => {});
    expect(m.sets).toBe(1);
    expect(second).toEqual({ ...first, id: 'b', source: { file: 'b.jsonl', record: 7 } });
    // Same fields in the same order as a cleaning (JSON of a document is compared byte for byte).
    expect(JSON.stringify(second)).toBe(JSON.stringify({ ...first, id: 'b', source: { file: 'b.jsonl', record: 7 } }));
    expect(docFromText(PAGE, { id: 'b', file: 'b.jsonl', format: 'txt', date: '2016-03-27', source: { file: 'b.jsonl', record: 7 } }, {}, () => {})).toEqual(second);
  });

  it('says the warnings of the cleaning again, about the new source', () => {
    const m = memo();
    const said: Diagnostic[] = [];
    const meta = (record: number) => ({ id: `r${record}`, file: 'x.csv', format: 'txt' as const, date: 'not a date', source: { file: 'x.csv', record } });
    docFromText(PAGE, meta(1), { cleaned: m }, (d) => said.push(d));
    docFromText(PAGE, meta(2), { cleaned: m }, (d) => said.push(d));
    expect(m.sets).toBe(1);
    expect(said).toHaveLength(2);
    expect(said[1]).toEqual({ ...said[0], source: { file: 'x.csv', record: 2 } });
    expect(said[0]!.message).toMatch(/unrecognised date/);
  });

  it('remembers a text that cleaning skips, and its warning', () => {
    const m = memo();
    const said: Diagnostic[] = [];
    for (const id of ['a', 'b']) expect(docFromText('Share on Facebook', { id, file: `${id}.txt`, format: 'txt' }, { cleaned: m }, (d) => said.push(d))).toBeUndefined();
    expect(m.sets).toBe(1);
    expect(said.map((d) => d.source.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('cleans again when what shapes the cleaning differs, or the entry is damaged', () => {
    const m = memo();
    const clean = (meta: { title?: string; date?: string }, maxChars?: number) =>
      docFromText(PAGE, { id: 'a', file: 'a.txt', format: 'txt', ...meta }, maxChars === undefined ? { cleaned: m } : { cleaned: m, maxChars }, () => {});
    clean({});
    clean({ title: 'Palmyra retaken' });
    clean({ date: '2016-03-27' });
    clean({}, 60);
    expect(m.sets).toBe(4);
    for (const key of m.entries.keys()) m.entries.set(key, '{"doc":');
    expect(clean({})?.text).toContain('Syrian troops retook');
    expect(m.sets).toBe(5);
  });
});

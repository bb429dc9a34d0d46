import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normaliseText, searchNodes } from '../../viewer/src/core/search';
import { defaultViewState, parseViewState, serialiseViewState } from '../../viewer/src/core/urlState';
import { sampleGraph } from './helpers';

describe('search', () => {
  const graph = sampleGraph();
  const index = buildSearchIndex(graph.mapNodes((key, a) => ({ key, label: a.label, aliases: a.aliases, weight: a.mentions })));

  it('normalises case, accents and punctuation', () => {
    expect(normaliseText('  Élysée-Palace ')).toBe('elysee palace');
    expect(normaliseText('Ḥalab')).toBe('halab');
  });
  it('finds nodes by alias ("Tadmur" → Palmyra, "Daesh" → Islamic State)', () => {
    expect(searchNodes(index, 'Tadmur')[0]).toMatchObject({ key: 'palmyra', matched: 'Tadmur', rank: 0 });
    expect(searchNodes(index, 'daesh')[0]?.key).toBe('isil');
    expect(searchNodes(index, 'tad')[0]?.key).toBe('palmyra');
  });
  it('is accent-insensitive both ways', () => {
    expect(searchNodes(index, 'elysee')[0]?.key).toBe('nobody');
    expect(searchNodes(index, 'ÉLYSÉE')[0]?.key).toBe('nobody');
  });
  it('ranks prefix before word prefix before substring, one hit per node', () => {
    const hits = searchNodes(index, 'pal', 10);
    // palmyra: prefix; the rest: word prefix, equal weight, by label
    expect(hits.map((h) => h.key)).toEqual(['palmyra', 'ev2016', 'ev2015', 'nobody']);
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 2, 2]);
    expect(new Set(hits.map((h) => h.key)).size).toBe(hits.length);
    expect(searchNodes(index, 'myra').map((h) => h.rank)).toContain(3);
  });
  it('respects the limit and the accept filter, and ignores empty queries', () => {
    expect(searchNodes(index, 'a', 2)).toHaveLength(2);
    expect(searchNodes(index, 'Tadmur', 10, (k) => k !== 'palmyra')).toEqual([]);
    expect(searchNodes(index, '  ')).toEqual([]);
  });
});

describe('URL state', () => {
  it('parses the contract example', () => {
    const s = parseViewState('#sel=palmyra&from=2016-01-01&to=2017-12-31&map=1&hide=type:capture,kind:actor&cam=0.5,0.5,1');
    expect(s).toEqual({
      ...defaultViewState(),
      selected: 'palmyra',
      from: '2016-01-01',
      to: '2017-12-31',
      map: true,
      hidden: ['kind:actor', 'type:capture'],
      camera: { x: 0.5, y: 0.5, ratio: 1 },
    });
  });
  it('round-trips every field, including awkward keys', () => {
    const state = {
      hidden: ['com:3', 'com:other', 'kind:event', 'mod:claimed', 'rel:located in', 'type:armed group'],
      document: '000_a&b.txt',
      minMentions: 3,
      importance: 75,
      from: '2015-05-01',
      to: null,
      selected: 'place:Ḥalab#1',
      camera: { x: 0.25, y: -0.125, ratio: 0.5 },
      map: true,
      limit: 600,
      unconnected: true,
      colour: 'community' as const,
      size: 'mentions' as const,
      depth: 2 as const,
    };
    const text = serialiseViewState(state);
    expect(parseViewState(`#${text}`)).toEqual(state);
    expect(serialiseViewState(parseViewState(text))).toBe(text);
  });
  it('serialises the default state as an empty string', () => {
    expect(serialiseViewState(defaultViewState())).toBe('');
  });
  it('keeps the overview budget: a number, "all" (0), or the default when absent', () => {
    expect(parseViewState('#top=all').limit).toBe(0);
    expect(parseViewState('#top=1200&iso=1')).toEqual({ ...defaultViewState(), limit: 1200, unconnected: true });
    expect(parseViewState('#top=-3').limit).toBeNull();
    expect(serialiseViewState({ ...defaultViewState(), limit: 0 })).toBe('top=all');
  });
  it('ignores malformed parts instead of throwing', () => {
    const s = parseViewState('#from=2016-02-31&to=soon&min=-4&imp=150&size=huge&cam=1,2&hide=bogus,kind:actor,mood:sad&sel=%E0%A4%A&map=yes');
    expect(s).toEqual({ ...defaultViewState(), hidden: ['kind:actor'] });
  });
});

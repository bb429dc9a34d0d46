import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/document.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge.js';
import type { DocExtraction } from '../../src/extract/model.js';
import type { Doc } from '../../src/types.js';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

function extract(title: string, text: string): DocExtraction {
  const doc: Doc = { id: 'h', title, text, source: { file: 'h' }, date: '2024-05-04' };
  return extractDocument(doc, kb);
}
const labels = (x: DocExtraction) => x.entities.map((m) => m.label);

describe('names in the headline', () => {
  it('reads a known place only the headline names', () => {
    const x = extract('Portugal backs Madrid on fishing quotas.', 'LISBON 2024-05-04\n\nThe government said on Saturday it would support the Spanish proposal at the next meeting.');
    expect(labels(x)).toContain('Portugal');
    // The body keeps its offsets: the dateline is still the first mention.
    expect(x.entities[0]?.label).toBe('Lisbon');
    expect(x.entities[0]?.start).toBe(0);
  });

  it('takes no capitalised words of an upper-case headline as names', () => {
    const x = extract('SOCCER - LEAGUE STANDINGS AFTER FRIDAY MATCHES.', 'LONDON 2024-05-04\n\nStandings of the league after Friday matches.');
    expect(labels(x).some((l) => /STANDINGS|MATCHES/.test(l))).toBe(false);
  });

  it('reads no event in the headline', () => {
    const x = extract('Rebels seize Kafr Nabl in Syria.', 'BEIRUT 2024-05-04\n\nThe town lies in Idlib province.');
    expect(x.events.filter((e) => e.type === 'capture')).toEqual([]);
  });
});

describe('a title taken from the text', () => {
  it('is not read twice', () => {
    const text = 'PARIS 2024-05-04\n\nThe French minister Jean Dupont visited Lyon on Saturday.';
    const x = extract('The French minister Jean Dupont visited Lyon on Saturday', text);
    expect(x.entities.every((m) => m.end <= text.length)).toBe(true);
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/types.js';
import { readAll } from './helpers.js';

const PALMYRA = fileURLToPath(new URL('../../data/corpus/palmyra/', import.meta.url));
const FAKES = fileURLToPath(new URL('../../../shared/corpus/fakes/FA-KES-Dataset.csv', import.meta.url));

const FURNITURE = [
  'Back to top', 'Send comment', 'News ID', 'News Code', 'Leave a Reply', 'free articles', 'Scroll Up', 'Related Items',
  'Your comment', 'Email :', 'Name :', 'Service :', 'Required fields', 'Please type in your comments', 'View: 739', 'Time: 20:57',
  'Facebook Twitter', '847/940', '11 − 11', 'Print', 'Were is ISIS geting', '1395/12/13', 'Shawwal', 'Islamic Invitation Turkey',
  'The comments that contain',
];

describe('the five Palmyra sample articles', async () => {
  const { docs, diagnostics } = await readAll([PALMYRA]);
  const byPrefix = (p: string) => docs.find((d) => d.id.startsWith(p)) as Doc;

  it('all load, without warnings, with file names as ids', () => {
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => d.id)).toEqual([
      '000_9059b69ab8d497aa.txt', '001_81e78f0b521ea31c.txt', '002_3e5b1aeaa37e44e8.txt', '003_804af44f8335d183.txt', '004_4c56e3434bd9df26.txt',
    ]);
  });

  it('have their publication dates, and none where the page shows none', () => {
    expect(docs.map((d) => [d.date ?? null, d.dateSource ?? null])).toEqual([
      [null, null],
      ['2016-12-11', 'text'],
      [null, null],
      ['2017-03-02', 'text'],
      ['2016-03-26', 'text'],
    ]);
  });

  it('have their headlines as titles, without site names, not repeated in the text', () => {
    expect(byPrefix('000').title).toBe('Syrian Army Blocks ISIL Reinforcement Forces for Palmyra');
    expect(byPrefix('002').title).toBe('Islamic State retakes ancient Syrian city of Palmyra');
    expect(byPrefix('003').title).toBe('Pro-Assad forces once again purge ISIS terrorists from Palmyra');
    expect(byPrefix('004').title).toBe('Syria in Last 24 Hours: Army Wins Back More Strategic Regions Near Ancient Palmyra');
    // 001 has no headline line: its lead sentence stands in, without the agency dateline.
    expect(byPrefix('001').title).toMatch(/^Daesh Takfiri terrorists have reportedly withdrawn from the ancient Syrian city of Palmyra.{0,60}…$/);
    for (const p of ['000', '002', '003', '004']) {
      const doc = byPrefix(p);
      expect(doc.text.split('\n\n')).not.toContain(doc.title);
    }
  });

  it('keep no page furniture, comments or site headers', () => {
    for (const doc of docs) {
      for (const junk of FURNITURE) expect(doc.text, `${doc.id} contains "${junk}"`).not.toContain(junk);
      expect(doc.text).not.toMatch(/\n{3,}|^\s|\s$| {2}|\u00A0/);
    }
  });

  it('keep the article sentences, whole, from first to last', () => {
    const keeps: Array<[string, string[]]> = [
      ['000', ['The Syrian Army units deployed in areas South-West of Homs province', 'destruction of the ancient heritage since World War II.']],
      ['001', ['Rasa - Daesh Takfiri terrorists have reportedly withdrawn', 'The strikes killed more than 300 Daesh elements and destroyed 11 tanks', 'to rid the city of foreign-backed militants.']],
      ['002', ['Homs – Islamic State (ISIS) militants recaptured the ancient city of Palmyra on Sunday', 'Syrian Army Losing Ground To ISIS in Homs', 'push on to Homs city.']],
      ['003', ['Syrian army says it has fully retaken Palmyra', 'Syrian army announces Palmyra recapture from ISIS terrorist group', 'aimed at finding a solution to the foreign-sponsored crisis gripping the Arab country since 2011.']],
      ['004', ['The Syrian army and its allies made significant advances', 'Six command centers, 320 terrorists, five tanks', 'killed 40 ISIL militants during the clashes in al-Midrib West of Dara’a province.']],
    ];
    for (const [p, sentences] of keeps) for (const s of sentences) expect(byPrefix(p).text).toContain(s);
    expect(byPrefix('003').text.split('\n\n')).toHaveLength(14);
    expect(byPrefix('000').text.split('\n\n')).toHaveLength(23);
  });
});

describe.skipIf(!existsSync(FAKES))('FA-KES (../shared)', () => {
  it('loads all 804 articles with metadata dates, titles and unit ids', async () => {
    const { docs, diagnostics } = await readAll([FAKES]);
    expect(docs).toHaveLength(804);
    // a page's own "Published ..." stamp wins over the data set's column
    expect(docs.every((d) => (d.dateSource === 'metadata' || d.dateSource === 'text') && /^\d{4}-\d{2}-\d{2}$/.test(d.date ?? ''))).toBe(true);
    expect(docs.find((d) => d.id === '1924058193')).toMatchObject({ date: '2016-10-12', dateSource: 'text' }); // "Published October 12 2016", column 10/7/2016
    expect(docs[0]).toMatchObject({ id: '1914947530', title: 'Syria attack symptoms consistent with nerve agent use WHO', date: '2017-04-05' });
    // The page's dateline and repeated headline are not part of the text.
    expect(docs[0]!.text.startsWith('Victims of a suspected chemical attack in Syria')).toBe(true);
    expect(docs.every((d) => d.text.length > 0 && d.title.length > 0)).toBe(true);
    // Only the dataset's own repeated unit ids are reported.
    expect(diagnostics.every((d) => /duplicate document id/.test(d.message))).toBe(true);
    expect(new Set(docs.map((d) => d.id)).size).toBe(804);
  });
});
if (!existsSync(FAKES)) console.warn(`ingest test note: ${FAKES} is absent; the FA-KES loading test is skipped`);

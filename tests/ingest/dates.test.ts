import { describe, expect, it } from 'vitest';
import { titleCased } from '../../src/ingest/clean.js';
import { docFromText } from '../../src/ingest/index.js';
import { datelineOnly, dateOnlyLine, openingDateline, yearlessDateline, findDates, isDateTimeStamp, leadingDate, parseDateValue } from '../../src/ingest/dates.js';
import type { Diagnostic } from '../../src/types.js';
import { PROSE } from './helpers.js';

describe('date lines', () => {
  it.each([
    ['11 December 2016 - 15:39', '2016-12-11'],
    ['Date: 2017/03/02', '2017-03-02'],
    ['• Date: 2017/03/02', '2017-03-02'],
    ['26 March 2016 9:51', '2016-03-26'],
    ['March 26, 2016', '2016-03-26'],
    ['2016-03-26', '2016-03-26'],
    ['26/03/2016', '2016-03-26'],
    ['03/04/2016', '2016-04-03'], // day first when ambiguous
    ['04/26/2016', '2016-04-26'], // a part above 12 settles it
    ['Saturday, 21 Jun 2014 10:00 GMT', '2014-06-21'],
    ['Published on 3rd of May 2015', '2015-05-03'],
    ['Posted: Sept 3, 2016 at 4:30 pm', '2016-09-03'],
    ['26.03.2016 | 09:51', '2016-03-26'],
  ])('%s → %s', (line, iso) => {
    expect(dateOnlyLine(line)?.iso).toBe(iso);
  });

  it.each([
    'The army entered the city on 26 March 2016 after heavy fighting.',
    '23 June 2018 - Saturday - 9 Shawwal 1439 | 22/06/2018 (26) 21/06/2018 (23)',
    '1395/12/13 4:19',
    '31 February 2016',
    'Time: 20:57',
    'March 2016',
  ])('not a date line: %s', (line) => {
    expect(dateOnlyLine(line)).toBeUndefined();
  });

  it('finds several dates in a header bar, and only valid calendar dates', () => {
    expect(findDates('22/06/2018 (26) 21/06/2018 (23) 1395/12/13 30/02/2016').map((d) => d.iso)).toEqual(['2018-06-22', '2018-06-21']);
  });

  it('recognises date-and-time stamps of any calendar, as over reader comments', () => {
    expect(isDateTimeStamp('1395/12/13 4:19')).toBe(true);
    expect(isDateTimeStamp('2017/03/02 20:57')).toBe(true);
    expect(isDateTimeStamp('The meeting ended at 4:19')).toBe(false);
  });

  it('reads datelines that open a flattened page', () => {
    expect(leadingDate('Wed 05 Apr 2017 Syria attack')).toMatchObject({ iso: '2017-04-05', prefixEnd: 16 });
    expect(leadingDate('Date of publication 7 July 2016 Video More')).toMatchObject({ iso: '2016-07-07' });
    expect(leadingDate('The army said on 7 July 2016')).toBeUndefined();
  });
});

describe('metadata date values', () => {
  it.each([
    ['4/5/2017', '2017-04-05', 'day'], // M/D/YYYY, the spreadsheet convention (FA-KES)
    ['13/4/2017', '2017-04-13', 'day'],
    ['2017-03-02T10:00:00Z', '2017-03-02', 'day'],
    ['2016-03-26T23:30:00-05:00', '2016-03-26', 'day'], // the publisher's local date
    ['1987-02-26', '1987-02-26', 'day'],
    ['2016-03', '2016-03', 'month'],
    ['2016', '2016', 'year'],
    ['March 2016', '2016-03', 'month'],
    ['Sat, 26 Mar 2016 09:51:00 GMT', '2016-03-26', 'day'],
  ])('%s → %s (%s)', (value, iso, precision) => {
    expect(parseDateValue(value)).toEqual({ iso, precision });
  });

  it.each(['garbage', '2016-13-01', '1395/12/13', '', '0000-00-00'])('rejects %j', (value) => {
    expect(parseDateValue(value)).toBeUndefined();
  });
});

describe('choosing the publication date of a page', () => {
  const doc = (raw: string, meta: { date?: string } = {}, dateOverride?: string) => {
    const diags: Diagnostic[] = [];
    const d = docFromText(raw, { id: 'd', file: 'd.txt', format: 'txt', ...meta }, dateOverride ? { dateOverride } : {}, (x) => diags.push(x))!;
    return { ...d, diags };
  };

  it('prefers the date standing alone near the title to dates in a long header bar', () => {
    const d = doc(`Site Name\n23 June 2018 - Saturday | 22/06/2018 (26) 21/06/2018 (23) 20/06/2018 (34)\nHeadline of the article here\n26 March 2016 9:51\n${PROSE[0]}`);
    expect([d.date, d.dateSource]).toEqual(['2016-03-26', 'text']);
  });

  it('never takes a date from inside the body sentences', () => {
    const d = doc(`Headline of the article here\nThe army entered the city on 26 March 2016 after a long battle with militants, officials said.\n${PROSE[1]}`);
    expect(d.date).toBeUndefined();
  });

  it('ignores dates after several body paragraphs and in reader comments', () => {
    const d = doc(`Headline of the article here\n${PROSE[0]}\n${PROSE[1]}\n${PROSE[2]}\n${PROSE[0]}\n2 April 2016\n${PROSE[1]}`);
    expect(d.date).toBeUndefined();
  });

  it('accepts a labelled date just under the lead paragraph', () => {
    const d = doc(`Headline of the article here\n${PROSE[0]}\n• Date: 2017/03/02\n• Time: 20:57\n${PROSE[1]}`);
    expect([d.date, d.datePrecision, d.dateSource]).toEqual(['2017-03-02', 'day', 'text']);
    expect(d.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('takes the article\'s own labelled stamp over a data set\'s date column', () => {
    const raw = `Headline of the article here\nPublished October 12 2016 ${PROSE[0]}`;
    expect(doc(raw, { date: '10/7/2016' })).toMatchObject({ date: '2016-10-12', dateSource: 'text' });
    // a stamp flattened by a scraper, which the furniture rules strip, still dates the page
    expect(doc(`Headline of the article here\nLast updated at Aug 142016 BEIRUT ${PROSE[0]}`, { date: '8/19/2016' })).toMatchObject({ date: '2016-08-14', dateSource: 'text' });
    // so is an agency's dateline under the headline
    expect(doc(`Headline of the article here\nAFP Monday 2 Feb 2015 ${PROSE[0]}`, { date: '2/13/2015' })).toMatchObject({ date: '2015-02-02', dateSource: 'text' });
    // an unlabelled date in the text does not override the metadata
    expect(doc(`Headline of the article here\n12 October 2016 ${PROSE[0]}`, { date: '10/7/2016' })).toMatchObject({ date: '2016-10-07', dateSource: 'metadata' });
  });

  it('metadata wins over the text, --date over everything; a bad metadata date is reported', () => {
    const raw = `Headline of the article here\n26 March 2016\n${PROSE[0]}`;
    expect(doc(raw, { date: '2016-03-27' })).toMatchObject({ date: '2016-03-27', dateSource: 'metadata' });
    expect(doc(raw, { date: '2016-03-27' }, '2020-01-02')).toMatchObject({ date: '2020-01-02', dateSource: 'flag' });
    const bad = doc(raw, { date: 'yesterday' });
    expect(bad).toMatchObject({ date: '2016-03-26', dateSource: 'text' });
    expect(bad.diags).toHaveLength(1);
    expect(bad.diags[0]!.message).toMatch(/unrecognised date "yesterday"/);
  });
});

describe('a dateline on its own line', () => {
  const clean = (raw: string) => docFromText(raw, { id: 't', file: 't.txt', format: 'txt' }, {}, () => {})!;

  it.each([
    ['OSLO 2019-04-12', 'OSLO', '2019-04-12'],
    ['NEW YORK 2003-11-02', 'NEW YORK', '2003-11-02'],
    ['BEIRUT, Lebanon, March 3, 2016 (AFP) -', 'BEIRUT', '2016-03-03'],
  ])('%s: place %s, date %s', (line, place, iso) => {
    const found = datelineOnly(line);
    expect(found?.place).toBe(place);
    expect(found?.date.iso).toBe(iso);
  });

  it.each(['By Jane Doe | March 3, 2016', 'Published 2016-03-03', 'Updated on 2016-03-03 at 10:00', 'Oslo 2019-04-12', 'The talks ended on 2019-04-12.'])('%s is no dateline', (line) => {
    expect(datelineOnly(line)).toBeUndefined();
  });

  it('keeps the place as text, dates the page, and keeps a results table after it', () => {
    const doc = clean('FOOTBALL - NORDIC CUP RESULTS.\n\nOSLO 2019-04-12\nResults of Nordic cup matches on Thursday:\nBrann 2 Molde 1\nTromso 3 4 0 1 7 2 12\n');
    expect(doc.title).toBe('FOOTBALL - NORDIC CUP RESULTS.');
    expect(doc.date).toBe('2019-04-12');
    expect(doc.text.split('\n\n')).toEqual(['OSLO 2019-04-12', 'Results of Nordic cup matches on Thursday:', 'Brann 2 Molde 1', 'Tromso 3 4 0 1 7 2 12']);
  });

  it('a page without a dateline keeps dropping short header lines', () => {
    const doc = clean(`Kicker\n\nMarch 3, 2016\n\n${PROSE.join('\n\n')}`);
    expect(doc.text.startsWith('Kicker')).toBe(false);
    expect(doc.date).toBe('2016-03-03');
  });
});

describe('a dateline opening the lead paragraph', () => {
  const clean = (raw: string) => docFromText(raw, { id: 't', file: 't.txt', format: 'txt' }, {}, () => {})!;
  it.each([
    ['KYIV, March 3, 2023 (Reuters) - Russian forces shelled Kharkiv on Tuesday.', 'KYIV', '2023-03-03', 'KYIV, March 3, 2023 (Reuters) - '],
    ['BEIRUT, Lebanon, 3 March 2016 (AFP) — Air strikes hit Idlib.', 'BEIRUT', '2016-03-03', 'BEIRUT, Lebanon, 3 March 2016 (AFP) — '],
    ['LONDON 1996-08-30', 'LONDON', '1996-08-30', 'LONDON 1996-08-30'],
  ])('%s', (paragraph, place, iso, stamp) => {
    const found = openingDateline(paragraph);
    expect(found?.place).toBe(place);
    expect(found?.date.iso).toBe(iso);
    expect(paragraph.slice(0, found?.length)).toBe(stamp);
  });

  it.each([
    'DAMASCUS (Reuters) - Air strikes hit Idlib on March 3, 2016.',
    'On March 3, 2016 - a Thursday - air strikes hit Idlib.',
    'Kyiv said on March 3, 2023 - as fighting went on - that Russian forces shelled Kharkiv.',
  ])('%s has none', (paragraph) => {
    expect(openingDateline(paragraph)).toBeUndefined();
  });

  it('dates the page and tells how long the stamp is, the text kept whole', () => {
    const lead = 'KYIV, March 3, 2023 (Reuters) - Russian forces shelled the eastern city of Kharkiv on Tuesday, killing 12 civilians.';
    const doc = clean(`Kharkiv attack kills 12\n\n${lead}\n\n${PROSE.join('\n\n')}`);
    expect(doc.date).toBe('2023-03-03');
    // the place of the stamp in title case, so it reads as a name; nothing else changes
    expect(doc.text.startsWith(`Kyiv${lead.slice(4)}`)).toBe(true);
    expect(doc.datelineLength).toBe('KYIV, March 3, 2023 (Reuters) - '.length);
  });

  it.each([
    ['BAKU/YEREVAN, Nov 8 (Reuters) - Azerbaijan said its forces took Shusha.', 'BAKU/YEREVAN', 'BAKU/YEREVAN, Nov 8 (Reuters) - '],
    ['KABUL (AP) - Taliban fighters took Kunduz.', 'KABUL', 'KABUL (AP) - '],
    ['NEW YORK, March 3 - Shares fell.', 'NEW YORK', 'NEW YORK, March 3 - '],
  ])('a wire stamp with no year names its place: %s', (paragraph, place, stamp) => {
    expect(openingDateline(paragraph)).toBeUndefined();
    const found = yearlessDateline(paragraph);
    expect(found?.place).toBe(place);
    expect(paragraph.slice(0, found?.length)).toBe(stamp);
  });

  it.each(['The army (SAA) - which lost the town - retreated.', 'Fighting in HOMS (Syria) - the worst yet.', 'KABUL, the capital - quiet.'])('%s is no stamp with no year', (paragraph) => {
    expect(yearlessDateline(paragraph)).toBeUndefined();
  });

  it('writes the place of a stamp with no year in title case', () => {
    const lead = 'BAKU/YEREVAN, Nov 8 (Reuters) - Azerbaijan said on Sunday that its forces had taken the town of Shusha after weeks of fighting.';
    const doc = clean(`Shusha falls\n\n${lead}\n\n${PROSE.join('\n\n')}`);
    expect(doc.text.startsWith(`Baku/Yerevan${lead.slice(12)}`)).toBe(true);
    expect(doc.datelineLength).toBe('BAKU/YEREVAN, Nov 8 (Reuters) - '.length);
  });

  it('writes the place of the stamp in title case, not a place written so in the story', () => {
    const doc = clean(`Lula wins\n\nSAO PAULO, Oct 30, 2022 (Reuters) - Lula won in SAO PAULO state and AL-RAQQA.\n\n${PROSE[0]}`);
    expect(doc.text.startsWith('Sao Paulo, Oct 30, 2022 (Reuters) - Lula won in SAO PAULO state and AL-RAQQA.')).toBe(true);
    expect(titleCased('AL-RAQQA')).toBe('Al-Raqqa');
    expect(titleCased('Kyiv')).toBe('Kyiv');
  });
});

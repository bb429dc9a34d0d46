import { describe, expect, it } from 'vitest';
import { dateOfPhrase, findDates, type DateContext, type DateMention } from '../../src/extract/dates.js';

/** Resolved [text, date, precision] of every mention, reading sentences in order with one context. */
function read(reference: string | undefined, ...sentences: string[]): Array<[string, string | undefined, string | undefined]> {
  const ctx: DateContext = { reference };
  return sentences.flatMap((s) => findDates(s, ctx).map((d): [string, string | undefined, string | undefined] => [d.text, d.date, d.precision]));
}
const only = (reference: string | undefined, sentence: string): DateMention | undefined => {
  const found = findDates(sentence, { reference });
  expect(found).toHaveLength(1);
  return found[0];
};

describe('relative days against the publication date', () => {
  // 2019-01-06 is a Sunday
  it('a weekday is the latest one on or before the publication day, across a week boundary', () => {
    expect(only('2019-01-06', 'Rebels shelled the town on Friday.')?.date).toBe('2019-01-04');
    expect(only('2019-01-06', 'The convoy arrived on Sunday.')?.date).toBe('2019-01-06');
    // a Tuesday article speaking of Saturday reaches back into the previous week and year
    expect(only('2019-01-01', 'Clashes erupted on Saturday near the border.')?.date).toBe('2018-12-29');
    expect(only('2019-01-06', 'They crossed the river last Sunday.')?.date).toBe('2018-12-30');
  });

  it('"last weekend" is the Saturday and Sunday before the publication week\'s end', () => {
    // 2015-02-27 is a Friday, 2019-01-06 a Sunday
    const friday = only('2015-02-27', 'Kurdish forces began an offensive last weekend.');
    expect([friday?.date, friday?.endDate]).toEqual(['2015-02-21', '2015-02-22']);
    expect(only('2019-01-06', 'The offensive began last weekend.')?.date).toBe('2018-12-29');
    // "last week" is a span, not a weekend
    expect(only('2015-02-27', 'The offensive began last week.')?.date).toBe('2015-02-20');
  });

  it('"Wednesday night" is Wednesday, and the mention is marked relative', () => {
    const d = only('2019-01-06', 'Militants attacked the base on Wednesday night.');
    expect(d).toMatchObject({ text: 'Wednesday', date: '2019-01-02', precision: 'day', relative: true });
  });

  it('last night and yesterday are the day before; today and earlier today are the day itself', () => {
    expect(read('2020-03-01', 'Jets bombed the depot last night.', 'Officials said yesterday that talks failed.', 'Reports said earlier today that the road was cut.')).toEqual([
      ['last night', '2020-02-29', 'day'],
      ['yesterday', '2020-02-29', 'day'],
      ['earlier today', '2020-03-01', 'day'],
    ]);
  });

  it('"two days later", "the next day", "a week later" count from the day read last, nearby', () => {
    const ctx = { reference: '2020-03-10' };
    const dates = ['On 15 October 2017, a convoy left the city.', 'Two days later, troops took the hospital.', 'The next day they entered the stadium.', 'A week later, talks began.'].map((s) => findDates(s, ctx)[0]?.date);
    expect(dates).toEqual(['2017-10-15', '2017-10-17', '2017-10-18', '2017-10-25']);
    // with no day read before (or only a month), it is no date
    expect(findDates('Two days later, troops took the hospital.', { reference: '2020-03-10' }).map((d) => d.date)).toEqual([undefined]);
    const month = { reference: '2020-03-10' };
    findDates('In October 2017 a convoy left.', month);
    expect(findDates('The next day troops took the hospital.', month).map((d) => d.date)).toEqual([undefined]);
  });

  it('spans ending at publication: past 24 hours, last two days, days ago', () => {
    const span = only('2020-03-10', 'Over the past 24 hours the army advanced.');
    expect(span).toMatchObject({ date: '2020-03-09', endDate: '2020-03-10' });
    expect(only('2020-03-10', 'The bridge was blown up 3 days ago.')?.date).toBe('2020-03-07');
    // "overnight": the night that ends on the publication day
    expect(only('2020-03-10', 'Tanks advanced into the town overnight, witnesses said.')).toMatchObject({ date: '2020-03-09', endDate: '2020-03-10' });
    expect(findDates('Tanks advanced into the town at night, witnesses said.', { reference: '2020-03-10' })).toEqual([]);
    expect(read('2020-03-10', 'Fighting resumed earlier this month.', 'Losses this year were heavy.', 'The town fell last year.')).toEqual([
      ['earlier this month', '2020-03', 'month'],
      ['this year', '2020', 'year'],
      ['last year', '2019', 'year'],
    ]);
  });
});

describe('bare months and days mean the latest past one', () => {
  it('in a December article, "in March" is March of the same year', () => {
    expect(read('2018-12-20', 'The town was retaken in March.')).toEqual([['March', '2018-03', 'month']]);
  });
  it('in a March article, "on December 8" is the previous December', () => {
    expect(read('2018-03-15', 'The siege began on December 8.')).toEqual([['December 8', '2017-12-08', 'day']]);
  });
  it('a day later in the publication month than the publication day is last year', () => {
    expect(read('2018-03-15', 'Fighting resumed on March 20.')).toEqual([['March 20', '2017-03-20', 'day']]);
  });
  it('a month-precision reference still resolves bare months and days', () => {
    expect(read('2017-03', 'The offensive began on December 8.')).toEqual([['December 8', '2016-12-08', 'day']]);
  });
});

describe('explicit years and carrying the year forward', () => {
  it('keeps the precision of what is written', () => {
    expect(read('2020-01-01', 'The group first appeared in May 2014.', 'It was defeated in October, 2017.', 'The war has raged since 2011.', 'Talks resumed on 4 June 2019.')).toEqual([
      ['May 2014', '2014-05', 'month'],
      ['October, 2017', '2017-10', 'month'],
      ['2011', '2011', 'year'],
      ['4 June 2019', '2019-06-04', 'day'],
    ]);
  });

  it('carries the year of the last explicit date to later day-and-month dates', () => {
    const ctx: DateContext = { reference: '2021-06-01' };
    findDates('On 2 April 2018 the rebels took the hill.', ctx);
    expect(ctx.carryYear).toBe(2018);
    expect(findDates('On 5 April they lost it again.', ctx)[0]?.date).toBe('2018-04-05');
    // a month before the carried one moves into the next year
    expect(findDates('By February the front had collapsed.', ctx)[0]?.date).toBe('2019-02');
  });

  it('a bare month-day in news that speaks of its present is the nearest such day on or before publication', () => {
    // the background year of the war, sentences back, does not date this year's ceasefire
    expect(
      read('2016-07-10', 'Rebels shelled Aleppo on Saturday.', 'The uprising began in March 2011.', 'It has since become a war.', 'On February 27 a ceasefire came into force.'),
    ).toEqual([
      ['Saturday', '2016-07-09', 'day'],
      ['March 2011', '2011-03', 'month'],
      ['February 27', '2016-02-27', 'day'],
    ]);
    // right after a dated sentence the narrative goes on in its year
    expect(read('2016-07-10', 'Rebels shelled Aleppo on Saturday.', 'In March 2015 rebels took Idlib.', 'On April 3 they entered Jisr al-Shughur.')).toEqual([
      ['Saturday', '2016-07-09', 'day'],
      ['March 2015', '2015-03', 'month'],
      ['April 3', '2015-04-03', 'day'],
    ]);
  });

  it('a narrative of the past that never reaches its publication carries its own year', () => {
    // an encyclopaedia's history, published years later
    expect(
      read('2020-05-01', 'In May 2015 the group captured Palmyra.', 'It destroyed the temple in August 2015.', 'Russian jets then bombed its positions.', 'On 27 March the army retook the city.'),
    ).toEqual([
      ['May 2015', '2015-05', 'month'],
      ['August 2015', '2015-08', 'month'],
      ['27 March', '2016-03-27', 'day'],
    ]);
    // and an undated text always carries
    expect(read(undefined, 'In May 2015 the group captured Palmyra.', 'Russian jets then bombed it.', 'Many fled.', 'On 27 March the army retook it.')).toEqual([
      ['May 2015', '2015-05', 'month'],
      ['27 March', '2016-03-27', 'day'],
    ]);
  });

  it('a year heading a factbox item ("* 2011: - In June...") is a date and carries its year', () => {
    expect(read('2014-08-01', 'It was the site of a massacre in 1982: * 1982: - In February troops moved in.', '* 2011: - In June activists said forces killed 60.', '- On July 31 an assault killed 80 people.')).toEqual([
      ['1982', '1982', 'year'],
      ['1982', '1982', 'year'],
      ['February', '1982-02', 'month'],
      ['2011', '2011', 'year'],
      ['June', '2011-06', 'month'],
      ['July 31', '2011-07-31', 'day'],
    ]);
    // not without the colon, nor after other words
    expect(read('2014-08-01', '2011 fighters joined.', 'The 2011: what?')).toEqual([]);
  });

  it('a two-digit number after the day is the sentence\'s own, not a year (no 2030)', () => {
    expect(read('2016-10-20', 'On October 13th 30 people were killed and 90 injured.', 'On 14 October 12 more died.')).toEqual([
      ['October 13th', '2016-10-13', 'day'],
      ['14 October', '2016-10-14', 'day'],
    ]);
    expect(read('2016-10-20', 'On October 13, 2015 30 people were killed.')).toEqual([['October 13, 2015', '2015-10-13', 'day']]);
  });

  it('falls back to the latest past when the carried year would pass the publication date', () => {
    // article of 2016-12-11: "August 2015 ... In March" is March 2016, not March 2015
    expect(read('2016-12-11', 'In August 2015 the temple was destroyed.', 'In March, troops returned.')).toEqual([
      ['August 2015', '2015-08', 'month'],
      ['March', '2016-03', 'month'],
    ]);
  });
});

describe('ranges', () => {
  it('"from March 20 to March 23" gives a start and an end day', () => {
    const d = only('2016-03-26', 'From March 20 to March 23 the jets flew 60 sorties.');
    expect(d).toMatchObject({ date: '2016-03-20', endDate: '2016-03-23', precision: 'day' });
  });
  it('"between 1 and 3 May" with and without a year', () => {
    expect(only('2020-06-01', 'Talks were held between 1 and 3 May 2019.')).toMatchObject({ date: '2019-05-01', endDate: '2019-05-03', relative: false });
    expect(only('2020-06-01', 'Talks were held between 1 and 3 May.')).toMatchObject({ date: '2020-05-01', endDate: '2020-05-03', relative: true });
  });
});

describe('undated documents', () => {
  it('leave weekdays, last night and bare months unresolved but relative', () => {
    for (const s of ['Troops entered the town on Thursday.', 'Shelling continued last night.', 'The town fell in March.']) {
      const d = only(undefined, s);
      expect(d?.date).toBeUndefined();
      expect(d?.relative).toBe(true);
    }
  });
  it('still resolve absolute dates, and carry their year', () => {
    expect(read(undefined, 'On 13 May 2015 the army withdrew.', 'On 14 May the town fell.')).toEqual([
      ['13 May 2015', '2015-05-13', 'day'],
      ['14 May', '2015-05-14', 'day'],
    ]);
  });
});

describe('false positives from numbers', () => {
  it.each([
    'Some 5,000 fighters massed near the town.',
    'The front is 2km from the river.',
    '4,000 fighters attacked while 800 army soldiers defended the city.',
    'It was the worst destruction since World War II.',
    'The 5-year-long conflict has displaced millions.',
    'The rebels are now in control.',
    'One of them was wounded.',
    'The 2,000-year-old temple was damaged.',
    'It may be too late.',
    'They sent 1500 troops.',
  ])('finds no date in %s', (s) => {
    expect(findDates(s, { reference: '2016-12-11' })).toEqual([]);
  });

  it('drops a clock time but keeps the day it belongs to', () => {
    expect(read('2018-06-23', '26 March 2016 9:51', 'The blast happened at 9:51 near the market.')).toEqual([['26 March 2016', '2016-03-26', 'day']]);
  });

  it('rejects numeric dates in another calendar (a Persian 1395/12/13)', () => {
    expect(findDates('1395/12/13 4:19', { reference: '2017-03-02' })).toEqual([]);
    expect(read(undefined, 'Date: 2017/03/02')).toEqual([['2017/03/02', '2017-03-02', 'day']]);
  });
});

describe('dateOfPhrase', () => {
  it('returns the first date and leaves the context alone', () => {
    const ctx: DateContext = { reference: '2016-12-11', carryYear: 2016, carryMonth: 2 };
    expect(dateOfPhrase('on December 11', ctx)?.date).toBe('2016-12-11');
    expect(dateOfPhrase('in 2012', ctx)?.date).toBe('2012');
    expect(dateOfPhrase('last night', ctx)?.date).toBe('2016-12-10');
    expect(ctx).toEqual({ reference: '2016-12-11', carryYear: 2016, carryMonth: 2 });
    expect(dateOfPhrase('no date here', ctx)).toBeUndefined();
  });
});

describe('offsets', () => {
  it('point at the date text in the sentence', () => {
    const s = 'In March, Russian-backed troops returned on Thursday.';
    for (const d of findDates(s, { reference: '2016-12-11' })) expect(s.slice(d.start, d.end)).toBe(d.text);
  });
});

describe('a relative clause recalls: its year does not carry', () => {
  it('resolves a yearless month after "the conflict that began in March 2011" near the publication date', () => {
    const ctx: DateContext = { reference: '2016-10-12', recentDates: 0, olderDates: 0 };
    expect(findDates('Aleppo has been ravaged by the conflict that began with protests in March 2011.', ctx).map((d) => d.date)).toEqual(['2011-03']);
    expect(findDates('In late September the army announced an operation to recapture the east.', ctx).map((d) => d.date)).toEqual(['2016-09']);
  });

  it('still carries the year of a main clause, and not through "said that"', () => {
    const ctx: DateContext = { reference: '2017-03-02', recentDates: 0, olderDates: 0 };
    findDates('On 13 May 2015 the militants attacked the town.', ctx);
    expect(findDates('On 20 May they took Palmyra.', ctx).map((d) => d.date)).toEqual(['2015-05-20']);
    const said: DateContext = { reference: '2017-03-02', recentDates: 0, olderDates: 0 };
    findDates('The monitor said that militants attacked the town on 13 May 2015.', said);
    expect(findDates('On 20 May they took Palmyra.', said).map((d) => d.date)).toEqual(['2015-05-20']);
  });
});

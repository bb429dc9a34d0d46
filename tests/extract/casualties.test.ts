import { describe, expect, it } from 'vitest';
import { compileCasualtyLexicon, findFigures, numberValue } from '../../src/extract/casualties.js';
import { readEventLexiconFiles } from '../../src/knowledge/event-lexicon.js';

const brief = (s: string) => findFigures(s).map((f) => [f.kind, f.count, f.hedge]);

describe('hedges', () => {
  it('exact, at least, more than, about, up to', () => {
    expect(brief('Eleven policemen were killed in the ambush.')).toEqual([['killed', 11, 'exact']]);
    expect(brief('At least 27 villagers were killed when the market was shelled.')).toEqual([['killed', 27, 'at least']]);
    expect(brief('The raids killed more than 150 insurgents, the ministry said.')).toEqual([['killed', 150, 'more than']]);
    expect(brief('About 40 recruits were wounded in the blast.')).toEqual([['wounded', 40, 'about']]);
    expect(brief('Up to 2,500 residents fled the district overnight.')).toEqual([['displaced', 2500, 'up to']]);
  });

  it('keeps bounds: low for at least / more than, high for up to, both for a range', () => {
    const [more] = findFigures('Jets killed over 60 fighters.');
    expect(more).toMatchObject({ count: 60, low: 60 });
    const [upTo] = findFigures('As many as 300 people were displaced.');
    expect(upTo).toMatchObject({ count: 300, high: 300, hedge: 'up to' });
    const [range] = findFigures('Between 12 and 15 guards were captured.');
    expect(range).toMatchObject({ kind: 'captured', count: 12, low: 12, high: 15 });
  });
});

describe('vague amounts, read conservatively', () => {
  it.each([
    ['Dozens of conscripts were killed near the dam.', 'killed', 12],
    ['Tens of gunmen were killed in the counter-attack.', 'killed', 10],
    ['Hundreds of families have fled the valley.', 'displaced', 100],
    ['Thousands of people were displaced by the fighting.', 'displaced', 1000],
    ['Several soldiers were wounded.', 'wounded', 3],
  ] as const)('%s', (s, kind, count) => {
    expect(findFigures(s)).toMatchObject([{ kind, count, hedge: 'vague' }]);
  });

  it('a cue before the number: "killing and wounding a number of militants" gives both kinds', () => {
    expect(brief('The unit stormed the ridge, killing and wounding a number of rebels.')).toEqual([
      ['killed', 3, 'vague'],
      ['wounded', 3, 'vague'],
    ]);
  });

  it('"leaving hundreds ... dead or injured" gives both kinds', () => {
    expect(brief('The barrage went on for hours, leaving hundreds of defenders dead or injured.')).toEqual([
      ['killed', 100, 'vague'],
      ['wounded', 100, 'vague'],
    ]);
  });
});

describe('numbers in words and digits', () => {
  it('reads compound words, scales and separators', () => {
    expect(numberValue('twenty-three')).toBe(23);
    expect(numberValue('two hundred')).toBe(200);
    expect(numberValue('1,200')).toBe(1200);
    expect(numberValue('1.5 million')).toBe(1_500_000);
    expect(brief('Twenty-three sailors died when the ship was hit.')).toEqual([['killed', 23, 'exact']]);
    expect(brief('The death toll rose to 1,450 on Monday.')).toEqual([['killed', 1450, 'exact']]);
  });

  it('a verb before the number: "killed 40 militants"', () => {
    const [f] = findFigures('The brigade said it had killed 40 militants near the canal.');
    expect(f).toMatchObject({ kind: 'killed', count: 40, text: 'killed 40 militants' });
  });

  it('a list before "were destroyed" counts the people in it, and only them', () => {
    expect(brief('Four depots, 210 militants, nine tanks and 12 trucks were destroyed.')).toEqual([['killed', 210, 'exact']]);
  });

  it('gives the verbatim phrase and its offsets', () => {
    const s = 'Officials said more than 90 Daesh elements were killed overnight.';
    const [f] = findFigures(s);
    expect(f?.text).toBe('more than 90 Daesh elements were killed');
    expect(s.slice(f!.start, f!.end)).toBe(f!.text);
  });
});

describe('non-casualty numbers', () => {
  it.each([
    'The strikes destroyed 14 tanks and 22 cars.',
    'Warplanes hit 90 targets and flew 35 sorties.',
    'The convoy carried 800 food packages.',
    'Some 6,000 fighters massed near the town.',
    'Only 500 soldiers were defending the airport.',
    'The front line is 3km from the river.',
    'The war began in 2011 and has lasted 5 years.',
    'Shares fell 12 percent after the company cut 300 jobs.',
  ])('%s', (s) => {
    expect(findFigures(s)).toEqual([]);
  });
});

describe('extending the lexicon', () => {
  it('a quantifier set to 0 is skipped; new cue words count', () => {
    const json = readEventLexiconFiles();
    json.quantifiers = { ...json.quantifiers, several: 0 };
    json.casualties!.kinds!.missing = [...(json.casualties!.kinds!.missing ?? []), 'vanished'];
    const lex = compileCasualtyLexicon(json);
    expect(findFigures('Several soldiers were wounded.', lex)).toEqual([]);
    expect(findFigures('Nine journalists vanished.', lex)).toMatchObject([{ kind: 'missing', count: 9 }]);
  });
});

describe('subsets, lives and single victims', () => {
  it('a subset inside the noun phrase does not hide the whole: "287 fighters among them 26 minors had been killed"', () => {
    expect(brief('At least 287 IS fighters among them 26 minors had been killed in the fight for the city.')).toEqual([['killed', 287, 'at least']]);
    expect(brief('Forty guards, including 3 officers, were killed at the gate.')).toEqual([['killed', 40, 'exact']]);
  });

  it('"were said to be killed" links the noun phrase to its cue', () => {
    expect(brief('Three foreign fighters were said to be killed in the orchard.')).toEqual([['killed', 3, 'exact']]);
  });

  it('lives lost: "cost more than 500 lives", "claimed the lives of two civilians"', () => {
    expect(brief('Days of fighting that cost more than 500 lives ended on Sunday.')).toEqual([['killed', 500, 'more than']]);
    expect(brief('The barrage claimed the lives of two civilians near the bakery.')).toEqual([['killed', 2, 'exact']]);
    // lives that are not lost
    expect(brief('The new clinic will save 500 lives a year.')).toEqual([]);
  });

  it('one victim named by a singular noun', () => {
    expect(brief('A civilian was killed and his son was injured on Friday in the blast.')).toEqual([
      ['killed', 1, 'exact'],
      ['wounded', 1, 'exact'],
    ]);
    expect(brief('The device went off under a truck, killing the driver.')).toEqual([['killed', 1, 'exact']]);
  });

  it('no victim without a casualty cue or with a thing', () => {
    expect(brief('A soldier said the town was quiet.')).toEqual([]);
    expect(brief('The man was arrested on Friday.')).toEqual([]);
    expect(brief('The strike destroyed a house and killed the engine of a truck.')).toEqual([]);
  });
});

describe('more ways a toll is written', () => {
  it('a quote between the cue and the number', () => {
    expect(brief('Regime forces fired rockets in the attack that killed "tens of people."')).toEqual([['killed', 10, 'vague']]);
  });

  it('"the death of at least 50 terrorists", but not "the death of 50 years"', () => {
    expect(brief('The clashes resulted in the death of at least 50 terrorists.')).toEqual([['killed', 50, 'at least']]);
    expect(brief('He marked the death of 50 years of rule.')).toEqual([]);
  });

  it('nouns joined by "and" before one cue, and an apposition naming one of them', () => {
    expect(brief('Another 120 soldiers and pro-regime militiamen and several dozen Kurdish forces were also killed.').find((f) => f[1] === 120)).toEqual(['killed', 120, 'exact']);
    expect(brief('Three other terrorists one identified as Abu Obaida of Tunisia were killed in an ambush.')).toEqual([['killed', 3, 'exact']]);
  });
});

import { describe, expect, it } from 'vitest';
import type { EntityResult } from '../../src/extract/entities.js';
import { entitiesOf } from '../helpers/entities.js';

const labels = (r: EntityResult) => r.mentions.map((m) => `${m.label}:${m.kind}`);

describe('a name the tagger is very sure of over the shorter names inside it', () => {
  it('reads a club named after a town as the club, not the town', () => {
    const r = entitiesOf('LONDON 2024-03-02\n\nStandings after Saturday:\n\nManchester City 3 1 0 2 2 3 3\n\nBristol City 3 2 1 0 5 2 7\n');
    expect(labels(r)).toContain('Manchester City:actor');
    expect(labels(r)).not.toContain('Manchester:place');
  });

  it('reads a team named after a town as one name when the tagger is sure of its words, if unsure of their type', () => {
    const r = entitiesOf("Spanish first division team Deportivo Almeria will be without its captain for Saturday's game.");
    expect(labels(r)).toContain('Deportivo Almeria:actor');
    expect(labels(r)).not.toContain('Almeria:place');
  });

  it('reads a town the tagger weakly reads as an organisation as a club in an article on sport only', () => {
    const sport = entitiesOf('The new coach said he saw no reason why the former Blackburn and Southampton skipper should not keep the post. The league season starts on Saturday.');
    expect(labels(sport)).toEqual(expect.arrayContaining(['Blackburn:actor', 'Southampton:actor']));
    const politics = entitiesOf('The minister said he saw no reason why the former Blackburn and Southampton official should not keep the post. Talks start on Saturday.');
    expect(labels(politics)).toEqual(expect.arrayContaining(['Blackburn:place', 'Southampton:place']));
  });

  it("reads a firm named after its founder as a firm when its name ends in a body's head", () => {
    const r = entitiesOf('Shares of Marco Salvetti SpA rose 3 percent in Milan on Friday, said Luca Bianchi.');
    expect(r.mentions.find((m) => m.surface === 'Marco Salvetti SpA')?.type).toBe('organization');
    expect(r.mentions.find((m) => m.surface === 'Luca Bianchi')?.type).toBe('person');
    expect(entitiesOf('Analysts at Dillon Bros said bond prices fell on Friday.').mentions.find((m) => m.surface === 'Dillon Bros')?.type).toBe('organization');
  });

  it('keeps a known body that only qualifies the words after it', () => {
    const r = entitiesOf('The old town of Avignon is a UNESCO World Heritage Site, the agency said on Monday.');
    expect(labels(r)).toContain('UNESCO:actor');
    expect(labels(r).some((l) => l.startsWith('UNESCO World'))).toBe(false);
  });

  it('does not join two places run together into one', () => {
    const r = entitiesOf('Foreign ministers from France Britain and Germany met in Vienna on Monday.');
    expect(labels(r)).toContain('France:place');
    expect(labels(r).some((l) => l.startsWith('France Britain'))).toBe(false);
  });
});

describe('a name inside a sure MISC name', () => {
  it('is no mention of its own', () => {
    const r = entitiesOf('NEW YORK 2024-08-30\n\nThe Swiss player won the U.S. Open on Sunday, a year after his loss at the Tour de France.');
    expect(r.mentions.some((m) => m.surface === 'U.S.')).toBe(false);
  });

  it('drops a cue guess on its words, not an acronym the article defines', () => {
    const r = entitiesOf('Wales beat Moldova 3-1 in a World Cup soccer European group 7 qualifier on Saturday.');
    expect(r.mentions.some((m) => m.surface === 'European')).toBe(false);
    const s = entitiesOf('Shares of the company fell on the Vienna Stock Exchange (VSE) on Friday. They opened lower on the VSE.');
    expect(s.mentions.some((m) => m.surface === 'VSE')).toBe(true);
  });

  it('keeps a person the tagger reads inside one', () => {
    const r = entitiesOf('American Nate Miller successfully defended his WBA cruiserweight title on Saturday.');
    expect(r.mentions.some((m) => m.type === 'person' && m.label === 'Nate Miller')).toBe(true);
  });
});

describe('one sense of a name per document', () => {
  it('reads a town as the club the document names so in its table', () => {
    const r = entitiesOf(
      'NEW YORK 2024-08-30\n\nMajor League Baseball standings after games played on Thursday:\n\nW L PCT GB\n\nBOSTON 71 64 .526 10\n\nCHICAGO 65 66 .496 5\n\nDETROIT 60 70 .460 14\n\nSEATTLE 70 63 .526 2\n\nFriday\'s games\n\nBOSTON AT CHICAGO\n\nSEATTLE AT DETROIT\n',
    );
    const chicago = r.mentions.filter((m) => m.surface === 'CHICAGO');
    expect(chicago.length).toBe(2);
    expect(chicago.every((m) => m.kind === 'actor' && m.lat === undefined)).toBe(true);
    // The dateline keeps its place.
    expect(r.mentions.find((m) => m.surface === 'NEW YORK')?.kind).toBe('place');
  });

  it('reads a town as the person whose surname it is', () => {
    const r = entitiesOf("OSLO 2024-03-02\n\nKenyan runner Dorcas Houston won the women's 5,000 metres on Friday. Houston finished in 14 minutes 40 seconds.");
    const houston = r.mentions.find((m) => m.surface === 'Houston');
    expect(houston?.type).toBe('person');
    expect(houston?.label).toBe('Dorcas Houston');
  });

  it('keeps the town after a place cue', () => {
    const r = entitiesOf('Kenyan runner Dorcas Houston won the race on Friday. The next meeting is in Houston in May.');
    expect(r.mentions.find((m) => m.surface === 'Houston')?.kind).toBe('place');
  });
});

describe('a very sure name of ordinary words', () => {
  it('is a name', () => {
    const r = entitiesOf('The campaign is meant to strengthen the Communist Party\'s grip on power, the activist said in Hong Kong on Saturday.');
    expect(r.mentions.some((m) => m.label === 'Communist Party' && m.kind === 'actor')).toBe(true);
  });
});

describe("a known name's possessive", () => {
  it('ends a run of capitalised words', () => {
    const r = entitiesOf("Doctors at Moscow's Central Clinical Hospital said on Friday the patient was recovering well.");
    expect(r.mentions.find((m) => m.label === 'Moscow')?.surface).toBe('Moscow');
    expect(r.mentions.some((m) => m.surface.startsWith("Moscow's"))).toBe(false);
  });
});

describe('a tagged body with a title and a name after it', () => {
  it('is the body and the person', () => {
    const r = entitiesOf('The Federal Aviation Administration Director Branko Petrovic told reporters the airport would reopen on Monday.');
    expect(r.mentions.some((m) => m.label === 'Branko Petrovic' && m.type === 'person')).toBe(true);
    expect(r.mentions.some((m) => m.label === 'Federal Aviation Administration' && m.kind === 'actor')).toBe(true);
  });
});

describe('the edges of a tagged name', () => {
  it('leave out a score glued to it and a day of the week', () => {
    const r = entitiesOf('Leeds: Yorkshire 301 and 120-4, Essex 250 (P. Grayson 88; R. Kettleborough 5-61).\n\nForeign minister Jose Alberto Ferreira Monday rejected the offer.');
    expect(r.mentions.some((m) => /\d/.test(m.label))).toBe(false);
    expect(r.mentions.some((m) => m.label.endsWith('Monday'))).toBe(false);
  });
});

describe("the tagger's sure type over a cue guess on the same words", () => {
  it('reads a venue as a place', () => {
    const r = entitiesOf('The final will be played at the National Tennis Centre in Roehampton on Sunday.');
    expect(r.mentions.find((m) => m.surface === 'National Tennis Centre')?.kind).toBe('place');
  });
});

describe("a person's name over a town", () => {
  it('holds a word a lexicon calls common when the article never writes it in lower case', () => {
    const r = entitiesOf('The detention of veteran dissident Wang Donghai showed the government\'s resolve, a rights activist said on Saturday in Manila.');
    expect(r.mentions.some((m) => m.label === 'Wang Donghai' && m.type === 'person')).toBe(true);
    expect(r.mentions.some((m) => m.label === 'Donghai' && m.kind === 'place')).toBe(false);
  });
});

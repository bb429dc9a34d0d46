import { describe, expect, it } from 'vitest';
import type { EntityResult } from '../../src/extract/entities.js';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { entitiesOf } from '../helpers/entities.js';

// The tagger inside entity extraction: names no lexicon lists, typed as the tagger reads them,
// linked to the knowledge base when it knows them.
const run = (text: string): EntityResult => entitiesOf(text);
const typeOf = (r: EntityResult, surface: string) => {
  const m = r.mentions.find((x) => x.surface === surface);
  return m ? `${m.kind}/${m.type}` : undefined;
};

describe.skipIf(!loadKnowledgeBase().ner)('learned names in entity extraction', () => {
  it('finds people and places no lexicon lists', () => {
    const r = run('Officials said Bertil Haugland met Keir Thorne in Oslo on Monday.');
    expect(typeOf(r, 'Bertil Haugland')).toBe('actor/person');
    expect(typeOf(r, 'Keir Thorne')).toBe('actor/person');
    expect(typeOf(r, 'Oslo')).toBe('place/city');
    expect(r.mentions.find((m) => m.surface === 'Oslo')?.known).toBe(true);
  });

  it('reads a person after a comma and an organisation by its head', () => {
    const r = run("The talks ended on Friday, said Ngozi Adeyemi, the group's deputy director. Halvorsen Shipping Corp. said it would appeal.");
    expect(typeOf(r, 'Ngozi Adeyemi')).toBe('actor/person');
    expect(typeOf(r, 'Halvorsen Shipping Corp.')).toBe('actor/organization');
  });

  it('joins a surname alone to the full name named before', () => {
    const r = run('Officials said Bertil Haugland met the minister. Haugland later flew home.');
    const full = r.mentions.find((m) => m.surface === 'Bertil Haugland')!;
    expect(r.mentions.find((m) => m.surface === 'Haugland')?.key).toBe(full.key);
  });

  it('joins a surname that is also a word to the full name named before', () => {
    for (const [text, full, short] of [
      ['Ken Green shot a 68 on Sunday. Green, the 1989 champion, leads by two.', 'Ken Green', 'Green'],
      ['Lars Stone scored twice for the visitors. Stone later hit the post.', 'Lars Stone', 'Stone'],
    ] as const) {
      const r = run(text);
      const person = r.mentions.find((m) => m.surface === full)!;
      expect(person).toBeDefined();
      expect(r.mentions.find((m) => m.surface === short)?.key).toBe(person.key);
    }
    // Without the full name before it, the word alone is no person.
    expect(run('Stone, sand and gravel prices rose in the town.').mentions.some((m) => m.surface === 'Stone')).toBe(false);
  });

  it('joins the last word of an organisation named in full to it', () => {
    const r = run('Coach Ole Berg of the Tromso Pioneers said on Monday his side would win. The Pioneers beat Molde 3-1 last week.');
    const club = r.mentions.find((m) => m.surface === 'Tromso Pioneers')!;
    expect(club).toBeDefined();
    expect(r.mentions.find((m) => m.surface === 'Pioneers')?.key).toBe(club.key);
  });

  it("retypes a cue guess on the same words when the tagger is very sure of another kind", () => {
    // The cues read "CARLO" as a given name; the tagger reads a dateline's city.
    const r = run('MONTE CARLO 2001-03-12\n\nThe race was run in heavy rain on Friday.');
    expect(typeOf(r, 'MONTE CARLO')).toMatch(/^place\//);
    // A place a place word gives stays one.
    expect(typeOf(run('Fighting raged near Tal al-Sabaa on Monday.'), 'Tal al-Sabaa')).toMatch(/^place\//);
  });

  it('keeps a known town named in an aside a place outside a document of clubs', () => {
    const r = run('Troops say they have taken back Palmyra from the militants, the third change of hands for the desert city (known in Arabic as Tadmur). Militants first took Palmyra, known in Arabic as Tadmur, in 2015.');
    expect(typeOf(r, 'Tadmur')).toMatch(/^place\//);
  });

  it('keeps a person whose surname is a town, and a club named after its town', () => {
    const r = run('But Palestinian President Yasser Arafat said the moves were tantamount to war.');
    expect(typeOf(r, 'Yasser Arafat')).toBe('actor/person');
    const c = run('Leicestershire beat Somerset by an innings. Leicestershire extended their lead while Somerset lost again.');
    expect(typeOf(c, 'Leicestershire')).toBe('actor/organization');
    // A club named after its city; a lexicon nickname ("Tiger") opening another person's name.
    expect(typeOf(run('Manchester United beat Leeds 2-0 on Saturday.'), 'Manchester United')).toBe('actor/organization');
    expect(typeOf(run('Leaders: Mike Hulbert, Brian Henninger, Tiger Woods, Steve Jurgenson.'), 'Tiger Woods')).toBe('actor/person');
  });

  it('reads a place and the body named after it as one organisation', () => {
    const r = run('Lars Vik of the Norway Labour Party said shares rose on the Oslo Stock Exchange on Monday.');
    expect(typeOf(r, 'Norway Labour Party')).toBe('actor/organization');
    expect(typeOf(r, 'Oslo Stock Exchange')).toBe('actor/organization');
    // Two places whose comma was lost stay two places.
    const list = run('Shelling hit al-Hamadaniah New Aleppo on Monday.');
    expect(list.mentions.some((m) => m.surface === 'al-Hamadaniah New Aleppo')).toBe(false);
  });

  it('lets a sure name beat a guess of the cue rules that it cuts', () => {
    // The cues glue a person to a body after "of"; the tagger reads the person alone.
    const r = run('Analyst Joel Brenner of First Union bank in Denver said consumer spending may slow.');
    expect(typeOf(r, 'Joel Brenner')).toBe('actor/person');
    expect(r.mentions.some((m) => m.surface.includes('First Union') && m.surface.includes('Brenner'))).toBe(false);
    // A guess whose extra words are a head noun ("village") keeps them.
    const v = run('Fighting raged near the Abu Salah village on Monday.');
    expect(v.mentions.some((m) => m.surface === 'Abu Salah')).toBe(false);
  });

  it('keeps a title or a month that is part of a person name', () => {
    const r = run('Prime Minister Edwin Major said on Tuesday that the union would hold. Karl Brandt (Austria) beat Jan Novotny (Slovakia) 6-4 6-3.');
    expect(typeOf(r, 'Edwin Major')).toBe('actor/person');
    expect(typeOf(r, 'Jan Novotny')).toBe('actor/person');
    // A title before the name is still no part of it.
    expect(r.mentions.some((m) => /Minister/.test(m.surface))).toBe(false);
  });

  it('reads a given name and a town as one person, not two places as one', () => {
    const r = run('Palestinian leader Omar Arafat met the envoy in Gaza.');
    expect(typeOf(r, 'Omar Arafat')).toBe('actor/person');
    const places = run('Government forces shelled Daraa al-Mahatta and Busra on Monday.');
    expect(places.mentions.find((m) => m.surface.includes('al-Mahatta'))?.kind).toBe('place');
  });

  it('reads a sure body of ordinary words as a name, not a generic body nor a lower-case phrase', () => {
    expect(typeOf(run('Red Star striker Ivan Petrovic scored twice as Red Star beat Partizan 2-1.'), 'Red Star')).toBe('actor/organization');
    expect(typeOf(run('The Yankees beat the Orioles 5-3 and the Yankees lead the American League East.'), 'Yankees')).toBe('actor/organization');
    // The document writes the words in lower case: ordinary words, no name.
    const lower = run('A red star hung over the stadium. Red Star striker Ivan Petrovic scored twice as Red Star beat Partizan 2-1.');
    expect(lower.mentions.some((m) => m.surface === 'Red Star')).toBe(false);
    expect(run('The Air Force struck the town of Kafr Nabl on Monday.').mentions.some((m) => m.surface === 'Air Force')).toBe(false);
  });

  it('reads a town that is the surname of a person named before as that person', () => {
    const r = run('Palestinian leader Omar Arafat met the envoy in Gaza on Monday. Arafat said the talks would resume.');
    const full = r.mentions.find((m) => m.surface === 'Omar Arafat')!;
    expect(full.type).toBe('person');
    expect(r.mentions.find((m) => m.surface === 'Arafat')?.key).toBe(full.key);
    // With no person of that name, the town stays.
    const place = run('The convoy reached Arafat on Monday. Arafat was quiet later.');
    expect(place.mentions.find((m) => m.surface === 'Arafat')?.kind).toBe('place');
  });

  it('is deterministic', () => {
    const text = 'Officials said Bertil Haugland met Keir Thorne in Oslo. Thorne said the Nordic Fisheries Council would meet in Bergen.';
    expect(JSON.stringify(run(text))).toBe(JSON.stringify(run(text)));
  });
});

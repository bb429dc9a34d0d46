import { describe, expect, it } from 'vitest';
import { findAffiliations, type AffiliationContext } from '../../src/extract/affiliations.js';
import type { EntityMention } from '../../src/extract/model.js';
import { entitiesOf } from '../helpers/entities.js';

const TITLES = new Set(['dr', 'sheikh', 'minister', 'secretary', 'spokesman', 'commander', 'head', 'leader', 'director', 'governor', 'president', 'chief']);
const TITLE_WORDS = new Set([...TITLES, 'deputy', 'foreign', 'press']);
const DEMONYMS: Record<string, string> = { Syrian: 'SY', Norwegian: 'NO', Turkish: 'TR' };
const ctx: AffiliationContext = {
  isTitleHead: (w) => TITLES.has(w),
  isTitleWord: (w) => TITLE_WORDS.has(w),
  countryOfDemonym: (w) => DEMONYMS[w],
};

/** Each name's first occurrence as a mention: people, then bodies and places by their type. */
function mentionsIn(text: string, names: Record<string, string>): EntityMention[] {
  return Object.entries(names).map(([name, type]) => {
    const at = text.indexOf(name);
    const kind = ['person', 'armed group', 'organization', 'government', 'military'].includes(type) ? 'actor' : 'place';
    return { key: name, label: name, kind, type, surface: name, sentence: 0, start: at, end: at + name.length } as EntityMention;
  });
}

function read(text: string, names: Record<string, string>): string[] {
  return findAffiliations(text, mentionsIn(text, names), ctx).map((a) => `${a.person.key} -> ${'key' in a.body ? a.body.key : a.body.country} (${a.title})`);
}

describe('affiliations as news writes them', () => {
  it('a title before the name, after a demonym or a body', () => {
    expect(read('Norwegian Fisheries Minister Eirik Dahl arrived on Monday.', { 'Eirik Dahl': 'person' })).toEqual(['Eirik Dahl -> NO (fisheries minister)']);
    expect(read('Talks stalled, Kurdish Red Crescent director Aram Sino said.', { 'Kurdish Red Crescent': 'organization', 'Aram Sino': 'person' })).toEqual(['Aram Sino -> Kurdish Red Crescent (director)']);
    expect(read("The Harbour Authority's deputy director Lise Berg resigned.", { 'Harbour Authority': 'organization', 'Lise Berg': 'person' })).toEqual(['Lise Berg -> Harbour Authority (deputy director)']);
    // lower-case words that are no title's may qualify it between the body and the title
    expect(read('Harbour Authority military spokesman Lise Berg said.', { 'Harbour Authority': 'organization', 'Lise Berg': 'person' })).toEqual(['Lise Berg -> Harbour Authority (spokesman)']);
    expect(read('Harbour Authority staff and spokesman Lise Berg said.', { 'Harbour Authority': 'organization', 'Lise Berg': 'person' })).toEqual([]);
  });

  it('a capitalised rank after lower-case title words reaches the body before them', () => {
    const t = { ...ctx, isTitleHead: (w: string) => TITLES.has(w) || w === 'colonel', isTitleWord: (w: string) => TITLE_WORDS.has(w) || w === 'colonel' };
    const text = 'Harbour Authority press spokesman Colonel Lise Berg said the port was closed.';
    const names = { 'Harbour Authority': 'organization', 'Lise Berg': 'person' };
    expect(findAffiliations(text, mentionsIn(text, names), t).map((a) => `${a.person.key} -> ${'key' in a.body ? a.body.key : ''} (${a.title})`)).toEqual(['Lise Berg -> Harbour Authority (press spokesman colonel)']);
    // A lower-case word that is no title's still ends the title: no body is reached.
    expect(read('The Harbour Authority accused Director Lise Berg of lying.', names)).toEqual([]);
  });

  it('the title of a body or a place, then the name', () => {
    expect(read('The head of the Harbour Authority, Lise Berg, resigned.', { 'Harbour Authority': 'organization', 'Lise Berg': 'person' })).toEqual(['Lise Berg -> Harbour Authority (head)']);
    expect(read('The governor of Hama, Karim Haddad, visited the wounded.', { Hama: 'city', 'Karim Haddad': 'person' })).toEqual(['Karim Haddad -> Hama (governor)']);
  });

  it('apposition, "of" and a relative clause after the name', () => {
    expect(read('Karim Haddad, the commander of the Northern Storm Brigade, was killed.', { 'Karim Haddad': 'person', 'Northern Storm Brigade': 'armed group' })).toEqual([
      'Karim Haddad -> Northern Storm Brigade (commander)',
    ]);
    expect(read('Aram Sino, a spokesman for the Kurdish Red Crescent, said.', { 'Aram Sino': 'person', 'Kurdish Red Crescent': 'organization' })).toEqual(['Aram Sino -> Kurdish Red Crescent (spokesman)']);
    expect(read('Lise Berg of the Harbour Authority declined to comment.', { 'Lise Berg': 'person', 'Harbour Authority': 'organization' })).toEqual(['Lise Berg -> Harbour Authority ()']);
    expect(read('Aram Sino, who heads the Kurdish Red Crescent, said.', { 'Aram Sino': 'person', 'Kurdish Red Crescent': 'organization' })).toEqual(['Aram Sino -> Kurdish Red Crescent (head)']);
    expect(read('Aram Sino who runs the Norway-based Relief Fund said.', { 'Aram Sino': 'person', Norway: 'country', 'Relief Fund': 'organization' })).toEqual(['Aram Sino -> Relief Fund (head)']);
  });

  it('a body, then the passive of a leading verb and the name', () => {
    expect(read('The Northern Storm Brigade, led by General Karim Haddad, took the bridge.', { 'Northern Storm Brigade': 'armed group', 'Karim Haddad': 'person' })).toEqual([
      'Karim Haddad -> Northern Storm Brigade (leader)',
    ]);
    expect(read('The Relief Fund, which is run by Aram Sino, paid.', { 'Relief Fund': 'organization', 'Aram Sino': 'person' })).toEqual(['Aram Sino -> Relief Fund (head)']);
    // Another passive says nothing of an office; a place is led by nobody this way.
    expect(read('The Relief Fund, praised by Aram Sino, paid.', { 'Relief Fund': 'organization', 'Aram Sino': 'person' })).toEqual([]);
    expect(read('Hama, visited by Karim Haddad, was calm.', { Hama: 'city', 'Karim Haddad': 'person' })).toEqual([]);
  });

  it('no office where the words state none', () => {
    // a verb between, a place of origin, a title of someone else, ordinary words before a title
    expect(read('Karim Haddad attacked the Northern Storm Brigade.', { 'Karim Haddad': 'person', 'Northern Storm Brigade': 'armed group' })).toEqual([]);
    expect(read('Karim Haddad of Hama was arrested.', { 'Karim Haddad': 'person', Hama: 'city' })).toEqual([]);
    expect(read('Syrian activists accused President Karim Haddad.', { 'Karim Haddad': 'person' })).toEqual([]);
    expect(read('Aram Sino met Lise Berg in Oslo.', { 'Aram Sino': 'person', 'Lise Berg': 'person', Oslo: 'city' })).toEqual([]);
    expect(read('Aram Sino, who visited the Kurdish Red Crescent, said.', { 'Aram Sino': 'person', 'Kurdish Red Crescent': 'organization' })).toEqual([]);
    expect(read('The Hama Sheikh Karim Haddad and Norwegian Dr Lise Berg spoke.', { Hama: 'city', 'Karim Haddad': 'person', 'Lise Berg': 'person' })).toEqual([]);
    expect(read('Turkish troops shelled the town, Karim Haddad said.', { 'Karim Haddad': 'person' })).toEqual([]);
  });
});

describe('affiliation edges in extraction', () => {
  it('gives the edge with its title', () => {
    const r = entitiesOf('Norwegian Fisheries Minister Eirik Dahl arrived in Ankara on Monday.');
    expect(r.relations).toContainEqual(expect.objectContaining({ from: 'actor:person:eirik dahl', to: 'place:country:NO', relation: 'affiliation', title: 'fisheries minister' }));
  });
});

describe('the passive of a leading verb', () => {
  it('"led by", "headed by" after the body, a place between passed over', () => {
    expect(read('Officials welcomed the Harbour Authority inspection team in Norway led by Lise Berg on Monday.', { 'Harbour Authority': 'organization', Norway: 'country', 'Lise Berg': 'person' })).toEqual([
      'Lise Berg -> Harbour Authority (leader)',
    ]);
    expect(read('The Northern Storm Brigade headed by Karim Haddad withdrew.', { 'Northern Storm Brigade': 'armed group', 'Karim Haddad': 'person' })).toEqual(['Karim Haddad -> Northern Storm Brigade (head)']);
  });

  it('an apposition describing the body, with a common noun in it, is passed over', () => {
    const text = 'The Falcon Group, the private military company led by Tor Halvorsen, took the town.';
    const mentions = mentionsIn(text, { 'Falcon Group': 'armed group', military: 'military', 'Tor Halvorsen': 'person' });
    expect(findAffiliations(text, mentions, ctx).map((a) => `${a.person.key} -> ${'key' in a.body ? a.body.key : ''} (${a.title})`)).toEqual(['Tor Halvorsen -> Falcon Group (leader)']);
  });

  it('no body when a person or a clause stands between, or only a place precedes', () => {
    expect(read('Karim Haddad said the column led by Aram Sino was ambushed.', { 'Karim Haddad': 'person', 'Aram Sino': 'person' })).toEqual([]);
    expect(read('Talks in Norway led by Lise Berg resumed.', { Norway: 'country', 'Lise Berg': 'person' })).toEqual([]);
    expect(read('The Harbour Authority, which had warned of delays for many long months, was then led by Lise Berg.', { 'Harbour Authority': 'organization', 'Lise Berg': 'person' })).toEqual([]);
  });
});

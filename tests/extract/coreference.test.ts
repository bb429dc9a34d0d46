import { describe, expect, it } from 'vitest';
import { describeBodies, findAnaphoricOffices, findMemberships, type CoreferenceContext } from '../../src/extract/coreference.js';
import type { EntityMention } from '../../src/extract/model.js';

const BODY_NOUNS = new Set(['group', 'militia', 'alliance', 'coalition', 'movement', 'faction', 'front', 'brigade', 'ministry', 'council', 'army']);
const TITLES = new Set(['spokesman', 'leader', 'commander', 'head', 'minister']);
const ctx: CoreferenceContext = {
  isBodyNoun: (w) => BODY_NOUNS.has(w),
  isTitleHead: (w) => TITLES.has(w),
  isTitleWord: (w) => TITLES.has(w) || w === 'deputy' || w === 'military',
};

/** Every occurrence of each name as a mention; sentences split at full stops. */
function mentionsIn(text: string, names: Record<string, string>): EntityMention[] {
  const out: EntityMention[] = [];
  for (const [name, type] of Object.entries(names)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const sentence = text.slice(0, at).split('. ').length - 1;
      out.push({ key: name, label: name, kind: type === 'town' ? 'place' : 'actor', type, surface: name, sentence, start: at, end: at + name.length } as EntityMention);
    }
  }
  return out;
}

function sentenceStarts(text: string): (s: number) => number {
  const starts = [0];
  for (let at = text.indexOf('. '); at >= 0; at = text.indexOf('. ', at + 1)) starts.push(at + 2);
  return (s) => starts[s] ?? 0;
}

function offices(text: string, names: Record<string, string>): string[] {
  return findAnaphoricOffices(text, mentionsIn(text, names), sentenceStarts(text), ctx).map((o) => `${o.person.key} -> ${o.body.key} (${o.title})`);
}

function memberships(text: string, names: Record<string, string>): string[] {
  return findMemberships(text, mentionsIn(text, names), ctx).map((m) => `${m.member.key} -> ${m.body.key}`);
}

describe('what an article calls a body', () => {
  it('reads the noun in the name, before it, after it and in an apposition', () => {
    const text = 'The Blue Ridge Brigade crossed the river. The separatist group Tarn Union and the Oskar militia met the Vell Compact, an alliance of tribal fighters.';
    const d = describeBodies(text, mentionsIn(text, { 'Blue Ridge Brigade': 'armed group', 'Tarn Union': 'armed group', Oskar: 'armed group', 'Vell Compact': 'armed group' }), ctx);
    expect([...d.get('Blue Ridge Brigade')!.nouns]).toEqual(['brigade']);
    expect([...d.get('Tarn Union')!.nouns]).toEqual(['group']);
    expect([...d.get('Tarn Union')!.words]).toEqual(['separatist']);
    expect([...d.get('Oskar')!.nouns]).toEqual(['militia']);
    expect([...d.get('Vell Compact')!.nouns]).toEqual(['alliance']);
    expect([...d.get('Vell Compact')!.words]).toEqual(['tribal', 'fighters']);
  });
});

describe('offices in a body called by a noun or a pronoun', () => {
  it('a noun before the title names the body the article describes so', () => {
    const text = 'The town fell to the Oskar militia on Monday. "We hold the bridge" militia spokesman Dario Venn told reporters.';
    expect(offices(text, { Oskar: 'armed group', 'Dario Venn': 'person' })).toEqual(['Dario Venn -> Oskar (spokesman)']);
  });

  it("the noun's possessive and the pronoun", () => {
    const text = "Fighters of the Tarn Union withdrew. The group's deputy leader Ilse Maro said they would return.";
    expect(offices(text, { 'Tarn Union': 'armed group', 'Ilse Maro': 'person' })).toEqual(['Ilse Maro -> Tarn Union (deputy leader)']);
    const its = 'The Harbour Council met on Friday and its spokesman Pol Brandt said the port would reopen.';
    expect(offices(its, { 'Harbour Council': 'organization', 'Pol Brandt': 'person' })).toEqual(['Pol Brandt -> Harbour Council (spokesman)']);
  });

  it('among several bodies, the one the modifiers fit', () => {
    const text = 'The Oskar militia and the Vell Compact, an alliance of tribal groups, clashed with the Blue Ridge Brigade. The tribal alliance commander Jon Arvid said.';
    expect(offices(text, { Oskar: 'armed group', 'Vell Compact': 'armed group', 'Blue Ridge Brigade': 'armed group', 'Jon Arvid': 'person' })).toEqual(['Jon Arvid -> Vell Compact (commander)']);
  });

  it('no body where the noun is of a body the article never names, or the title is capitalised', () => {
    // "council" describes no body here, and no armed group stands in for it.
    expect(offices('The Oskar militia left. Council spokesman Pol Brandt said.', { Oskar: 'armed group', 'Pol Brandt': 'person' })).toEqual([]);
    expect(offices('The Oskar militia left. The meeting was chaired by a council. Then leader Pol Brandt spoke.', { Oskar: 'armed group', 'Pol Brandt': 'person' })).toEqual([]);
    // A capitalised title is the named-body rule's (findAffiliations), not this one's.
    expect(offices('The Oskar militia left. Militia Spokesman Pol Brandt said.', { Oskar: 'armed group', 'Pol Brandt': 'person' })).toEqual([]);
  });
});

describe('a body joining or belonging to another', () => {
  it('a named body and one called by its description', () => {
    expect(memberships('Last week the Tarn Union joined the Vell Compact after talks.', { 'Tarn Union': 'armed group', 'Vell Compact': 'armed group' })).toEqual(['Tarn Union -> Vell Compact']);
    const text = 'Jets struck areas held by the Vell Compact, an alliance of tribal fighters, and the Oskar militia. The Tarn Union separatist faction part of the tribal alliance said it attacked.';
    expect(memberships(text, { 'Vell Compact': 'armed group', Oskar: 'armed group', 'Tarn Union': 'armed group' })).toEqual(['Tarn Union -> Vell Compact']);
  });

  it('"the alliance" with no described alliance: the armed group named last before', () => {
    const text = 'Hill factions formed the Vell Compact in May. In June the Tarn Union movement joined the alliance under pressure.';
    expect(memberships(text, { 'Vell Compact': 'armed group', 'Tarn Union': 'armed group' })).toEqual(['Tarn Union -> Vell Compact']);
  });

  it('no membership in "members of", said of people, nor across other words', () => {
    expect(memberships('Tarn Union fighters clashed with members of the Vell Compact.', { 'Tarn Union': 'armed group', 'Vell Compact': 'armed group' })).toEqual([]);
    expect(memberships('The Tarn Union militants against part of the Vell Compact.', { 'Tarn Union': 'armed group', 'Vell Compact': 'armed group' })).toEqual([]);
    expect(memberships('The Oskar Brigade, which belongs to the Vell Compact, withdrew.', { 'Oskar Brigade': 'armed group', 'Vell Compact': 'armed group' })).toEqual(['Oskar Brigade -> Vell Compact']);
  });

  it('no membership where a verb stands between, or nothing is joined', () => {
    expect(memberships('The Tarn Union said fighters joined the Vell Compact.', { 'Tarn Union': 'armed group', 'Vell Compact': 'armed group' })).toEqual([]);
    expect(memberships('The Tarn Union joined the talks in Geneva.', { 'Tarn Union': 'armed group', Geneva: 'town' })).toEqual([]);
  });
});

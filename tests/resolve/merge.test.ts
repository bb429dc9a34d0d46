import { describe, expect, it } from 'vitest';
import { datesCompatible, mergeExtractions, Merger, type MergedGraphData } from '../../src/resolve/merge.js';
import type { DocExtraction, EntityMention, EventMention } from '../../src/extract/model.js';

function mention(key: string, label: string, surface: string, sentence = 0, kind: 'actor' | 'place' = 'actor', type = 'person', known = false): EntityMention {
  return { key, kind, type, label, surface, sentence, start: 0, end: surface.length, known };
}

function event(partial: Partial<EventMention>): EventMention {
  return {
    type: 'capture', acledEventType: 'Battles', acledSubEventType: '', modality: 'asserted', trigger: 'seized', sentence: 0,
    agents: [], targets: [], places: [], sources: [], figures: [], ...partial,
  };
}

function doc(id: string, entities: EntityMention[], events: EventMention[] = [], date?: string): DocExtraction {
  const refs: DocExtraction['refs'] = {};
  for (const e of entities) refs[e.key] ??= { key: e.key, kind: e.kind, type: e.type, label: e.label, ...(e.known ? { known: true } : {}) };
  return { doc: { id, title: id, file: id, ...(date ? { date } : {}) }, sentences: { 0: `sentence of ${id}` }, entities, refs, relations: [], events, words: 10 };
}

describe('datesCompatible', () => {
  it('accepts containment and adjacent days, rejects other months and years', () => {
    expect(datesCompatible('2016-12', '2016-12-11')).toBe(true);
    expect(datesCompatible('2016-12-10', '2016-12-11')).toBe(true);
    expect(datesCompatible('2016-12-08', '2016-12-11')).toBe(true);
    expect(datesCompatible('2016-12-01', '2016-12-11')).toBe(false);
    expect(datesCompatible('2016-03', '2017-03')).toBe(false);
    expect(datesCompatible(undefined, '2017-03')).toBe(true);
  });
});

describe('mergeExtractions: entities', () => {
  it('keeps one node per key across documents and collects aliases and documents', () => {
    const m = mergeExtractions([
      doc('b', [mention('actor:isil', 'Islamic State', 'Daesh', 0, 'actor', 'armed group', true)]),
      doc('a', [mention('actor:isil', 'Islamic State', 'ISIS', 0, 'actor', 'armed group', true)]),
    ]);
    const isil = m.entities.get('actor:isil')!;
    expect([...isil.aliases].sort()).toEqual(['Daesh', 'ISIS', 'Islamic State']);
    expect([...isil.documents].sort()).toEqual(['a', 'b']);
    expect(isil.mentions).toBe(2);
  });

  it('folds spelling variants of guessed names into the best-attested one, same kind only', () => {
    const m = mergeExtractions([
      doc('a', [mention('actor:person:sergei shoigu', 'Sergei Shoigu', 'Sergei Shoigu'), mention('actor:person:sergei shoigu', 'Sergei Shoigu', 'Sergei Shoigu')]),
      doc('b', [mention('actor:person:sergey shoigu', 'Sergey Shoigu', 'Sergey Shoigu')]),
      doc('c', [mention('place:name:sergey shoigu', 'Sergey Shoigu', 'Sergey Shoigu', 0, 'place', 'town')]),
    ]);
    expect(m.entities.has('actor:person:sergey shoigu')).toBe(false);
    expect([...m.entities.get('actor:person:sergei shoigu')!.aliases].sort()).toEqual(['Sergei Shoigu', 'Sergey Shoigu']);
    expect(m.entities.has('place:name:sergey shoigu')).toBe(true);
  });

  it('gives a figurative mention\'s name ("Damascus said" for Syria) to the city, not the country', () => {
    const figurative = { ...mention('place:country:SY', 'Syria', 'Damascus', 0, 'place', 'country', true), figurative: 'place:damascus' };
    const x = doc('a', [figurative, mention('place:country:SY', 'Syria', 'Syrian', 1, 'place', 'country', true)]);
    x.refs['place:damascus'] = { key: 'place:damascus', kind: 'place', type: 'city', label: 'Damascus', known: true };
    const m = mergeExtractions([x]);
    const syria = m.entities.get('place:country:SY')!;
    expect([...syria.aliases].sort()).toEqual(['Syria', 'Syrian']);
    expect(syria.mentions).toBe(2);
    const damascus = m.entities.get('place:damascus')!;
    expect([...damascus.aliases]).toEqual(['Damascus']);
    expect([...damascus.documents]).toEqual(['a']);
  });

  it('folds a place spelt with and without its article by the label as written', () => {
    const m = mergeExtractions([
      doc('a', [mention('place:name:al habbari field', 'al-Habbari field', 'al-Habbari field', 0, 'place', 'site'), mention('place:name:al habbari field', 'al-Habbari field', 'al-Habbari field', 1, 'place', 'site')]),
      doc('b', [mention('place:name:habari field', 'Habari field', 'Habari field', 0, 'place', 'site')]),
    ]);
    expect(m.entities.has('place:name:habari field')).toBe(false);
    expect([...m.entities.get('place:name:al habbari field')!.aliases].sort()).toEqual(['Habari field', 'al-Habbari field']);
  });

  it('never folds a known (lexicon) entity into another', () => {
    const m = mergeExtractions([
      doc('a', [mention('actor:syria-army', 'Syrian Army', 'Syrian Army', 0, 'actor', 'military', true)]),
      doc('b', [mention('actor:syria-navy', 'Syrian Navy', 'Syrian Navy', 0, 'actor', 'military', true)]),
    ]);
    expect(m.entities.size).toBe(2);
  });
});

describe('mergeExtractions: events', () => {
  const ents = [mention('actor:isil', 'ISIL', 'ISIL'), mention('actor:army', 'Army', 'army'), mention('place:palmyra', 'Palmyra', 'Palmyra', 0, 'place', 'city')];
  it('merges reports of the same capture from several articles, keeping every source', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day' })], '2016-12-11'),
      doc('b', ents, [event({ agents: ['actor:isil'], targets: ['actor:army'], places: ['place:palmyra'], date: '2016-12', datePrecision: 'month' })], '2017-03-02'),
      doc('c', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], modality: 'claimed' })], '2016-12-12'),
    ]);
    expect(m.events).toHaveLength(1);
    expect([...m.events[0]!.documents].sort()).toEqual(['a', 'b', 'c']);
    expect(m.events[0]!.modality).toBe('asserted');
  });

  it('does not attach an undated report to an event long before its publication, nor across undated articles', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2015-05-20', datePrecision: 'day' })], '2015-05-21'),
      doc('b', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'] })], '2016-12-11'),
      doc('c', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'] })]),
    ]);
    expect(m.events).toHaveLength(3);
  });

  it('keeps captures of one place by different sides apart even without targets', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-03-26', datePrecision: 'day' })]),
      doc('b', ents, [event({ agents: ['actor:army'], places: ['place:palmyra'], date: '2016-03-26', datePrecision: 'day' })]),
    ]);
    expect(m.events).toHaveLength(2);
  });

  it('keeps apart captures a year apart and captures by opposite sides', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ agents: ['actor:army'], targets: ['actor:isil'], places: ['place:palmyra'], date: '2016-03', datePrecision: 'month' })]),
      doc('b', ents, [event({ agents: ['actor:army'], places: ['place:palmyra'], date: '2017-03', datePrecision: 'month' })]),
      doc('c', ents, [event({ agents: ['actor:isil'], targets: ['actor:army'], places: ['place:palmyra'], date: '2016-03-02', datePrecision: 'day' })]),
    ]);
    expect(m.events).toHaveLength(3);
  });

  it('makes a denial of a reported capture a report of it, and keeps a plan apart', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day', modality: 'denied' })]),
      doc('b', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day', modality: 'claimed' })]),
      doc('c', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day', modality: 'planned' })]),
    ]);
    expect(m.events).toHaveLength(2);
    const reported = m.events.find((e) => e.documents.has('a'))!;
    expect([...reported.documents].sort()).toEqual(['a', 'b']);
    expect(reported.modality).toBe('claimed');
    const denied = mergeExtractions([doc('a', ents, [event({ agents: ['actor:isil'], places: ['place:palmyra'], date: '2016-12-11', datePrecision: 'day', modality: 'denied' })])]);
    expect(denied.events[0]!.modality).toBe('denied');
  });

  it('gives events deterministic keys whatever the input order', () => {
    const a = doc('a', ents, [event({ agents: ['actor:army'], places: ['place:palmyra'], date: '2016-03', datePrecision: 'month' })]);
    const b = doc('b', ents, [event({ type: 'airstrike', agents: ['actor:army'], places: ['place:palmyra'], date: '2016-03-20', datePrecision: 'day' })]);
    expect(mergeExtractions([a, b]).events.map((e) => e.key)).toEqual(mergeExtractions([b, a]).events.map((e) => e.key));
  });
});

describe('Merger: extractions folded as they arrive', () => {
  // Maps and Sets as entries, so two results compare in full, order included.
  const serialise = (m: MergedGraphData | unknown) => JSON.stringify(m, (_k, v) => (v instanceof Map ? ['Map', [...v]] : v instanceof Set ? ['Set', [...v]] : v));
  const place = (key: string, label: string) => mention(key, label, label, 0, 'place', 'town');

  /** Documents whose merge depends on order if anything does: variants, titles, parents, 90 evidence sentences. */
  function corpus(): DocExtraction[] {
    const docs: DocExtraction[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `d${String(i).padStart(2, '0')}`;
      const spelling = i % 3 === 0 ? 'Sergey Shoigu' : 'Sergei Shoigu';
      const key = `actor:person:${spelling.toLowerCase()}`;
      const x = doc(id, [mention(key, spelling, spelling, 0), mention(key, spelling, `Mr ${spelling.split(' ')[1]}`, 1), mention(key, spelling, spelling, 2), place('place:tadmur', 'Tadmur')], [], i % 4 ? `2016-03-${String(i + 1).padStart(2, '0')}` : undefined);
      x.sentences = { 0: `first sentence of ${id}`, 1: `second sentence of ${id}`, 2: `third sentence of ${id}` };
      x.refs['place:homs'] = { key: 'place:homs', kind: 'place', type: i % 2 ? 'region' : 'area', label: i % 5 ? 'Homs' : 'Hims' };
      x.relations = [
        { from: 'place:tadmur', to: 'place:homs', relation: 'located in', sentence: 0 },
        { from: key, to: 'place:tadmur', relation: 'affiliation', sentence: i % 3, ...(i % 7 === 3 ? { title: `title ${i}` } : {}) },
      ];
      x.events = [event({ agents: [key], places: ['place:tadmur'], sentence: 2, ...(i % 2 ? { date: '2016-03-27', datePrecision: 'day' as const } : {}) })];
      docs.push(x);
    }
    return docs;
  }

  it('gives the same result whatever order the documents arrive in', () => {
    const docs = corpus();
    const expected = serialise(mergeExtractions(docs));
    for (const order of [[...docs].reverse(), [...docs].sort((a, b) => (a.doc.id.endsWith('7') ? -1 : 0) - (b.doc.id.endsWith('7') ? -1 : 0)), docs.filter((_, i) => i % 2).concat(docs.filter((_, i) => i % 2 === 0))]) {
      const merger = new Merger();
      for (const x of order) merger.add(x);
      expect(serialise(merger.result())).toBe(expected);
    }
  });

  it('keeps the first 40 evidence sentences in document order, however late the first documents come', () => {
    const docs = corpus();
    const merger = new Merger();
    for (const x of [...docs].reverse()) merger.add(x);
    const shoigu = merger.result().entities.get('actor:person:sergei shoigu')!;
    expect(shoigu.mentions).toBe(90);
    expect(shoigu.evidence).toHaveLength(40);
    expect(shoigu.evidence[0]).toEqual({ doc: 'd00', sentence: 0, text: 'first sentence of d00' });
    expect(shoigu.evidence.map((e) => e.doc)).toEqual([...new Set(shoigu.evidence.map((e) => e.doc))].flatMap((d) => [d, d, d]).slice(0, 40));
    expect([...shoigu.aliases]).toEqual(['Sergey Shoigu', 'Mr Shoigu', 'Sergei Shoigu']);
  });

  it('answers events with extra documents without taking them in', () => {
    const docs = corpus();
    const merger = new Merger();
    for (const x of docs.slice(0, 20)) merger.add(x);
    const before = serialise(merger.result());
    expect(serialise(merger.eventsWith(docs.slice(20)))).toBe(serialise(mergeExtractions(docs).events));
    expect(serialise(merger.result())).toBe(before);
  });
});

describe('mergeExtractions: events joined across type and place granularity', () => {
  const army = mention('actor:army', 'Army', 'army');
  const rebels = mention('actor:rebels', 'Rebels', 'rebels');
  const town = mention('place:qaryat', 'Qaryat', 'Qaryat', 0, 'place', 'town');
  const other = mention('place:bilad', 'Bilad', 'Bilad', 0, 'place', 'town');
  const province = mention('place:adm1:homs', 'Homs Province', 'Homs province', 0, 'place', 'region');
  const country = mention('place:country:sy', 'Syria', 'Syria', 0, 'place', 'country');
  const ents = [army, rebels, town, other, province, country];
  const inProvince = (...keys: string[]) => keys.map((from) => ({ from, to: 'place:adm1:homs', relation: 'located in' as const, sentence: 0 }));
  const day = (d: string) => ({ date: d, datePrecision: 'day' as const });
  const withRelations = (x: DocExtraction): DocExtraction => ({ ...x, relations: [...inProvince('place:qaryat', 'place:bilad'), { from: 'place:adm1:homs', to: 'place:country:sy', relation: 'located in', sentence: 0 }] });

  it('makes the fighting for a place and its capture that day one event, the capture', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ type: 'battle', agents: ['actor:army'], targets: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-02') })]),
      doc('b', ents, [event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') })]),
    ]);
    expect(m.events).toHaveLength(1);
    expect(m.events[0]!.type).toBe('capture');
    expect([...m.events[0]!.documents].sort()).toEqual(['a', 'b']);
  });

  it('keeps apart fighting by the other side, fighting days later, and a withdrawal', () => {
    const m = mergeExtractions([
      doc('a', ents, [event({ type: 'battle', agents: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-03') })]),
      doc('b', ents, [event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') })]),
      doc('c', ents, [event({ type: 'battle', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-06') })]),
      doc('d', ents, [event({ type: 'withdrawal', agents: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-03') })]),
    ]);
    expect(m.events.map((e) => e.type).sort()).toEqual(['battle', 'battle', 'capture', 'withdrawal']);
  });

  it("joins an article's report at a province to its event at a town inside it, not another article's", () => {
    const one = mergeExtractions([
      withRelations(doc('a', ents, [
        event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ agents: ['actor:army'], places: ['place:adm1:homs'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(one.events).toHaveLength(1);
    expect([...one.events[0]!.places.keys()].sort()).toEqual(['place:adm1:homs', 'place:qaryat']);
    const two = mergeExtractions([
      withRelations(doc('a', ents, [event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') })])),
      withRelations(doc('b', ents, [event({ agents: ['actor:army'], places: ['place:adm1:homs'], ...day('2016-04-03') })])),
    ]);
    expect(two.events).toHaveLength(2);
  });

  it("joins an article's strikes by one side at places it sets beside each other, and fighting beside a capture", () => {
    const near = (x: DocExtraction): DocExtraction => ({ ...x, relations: [{ from: 'place:bilad', to: 'place:qaryat', relation: 'near', sentence: 0 }] });
    const strikes = mergeExtractions([
      near(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:bilad'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(strikes.events).toHaveLength(1);
    const fight = mergeExtractions([
      near(doc('a', ents, [
        event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'battle', agents: ['actor:army'], places: ['place:bilad'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(fight.events.map((e) => e.type)).toEqual(['capture']);
  });

  it('keeps apart captures of places beside each other, strikes by two sides, and strikes from two articles', () => {
    const near = (x: DocExtraction): DocExtraction => ({ ...x, relations: [{ from: 'place:bilad', to: 'place:qaryat', relation: 'near', sentence: 0 }] });
    const captures = mergeExtractions([
      near(doc('a', ents, [
        event({ agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ agents: ['actor:army'], places: ['place:bilad'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(captures.events).toHaveLength(2);
    const sides = mergeExtractions([
      near(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'shelling', agents: ['actor:rebels'], places: ['place:bilad'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(sides.events).toHaveLength(2);
    const articles = mergeExtractions([
      near(doc('a', ents, [event({ type: 'airstrike', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') })])),
      near(doc('b', ents, [event({ type: 'airstrike', agents: ['actor:army'], places: ['place:bilad'], ...day('2016-04-03') })])),
    ]);
    expect(articles.events).toHaveLength(2);
  });

  it('never joins through a country', () => {
    const m = mergeExtractions([
      withRelations(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:country:sy'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(m.events).toHaveLength(2);
  });

  it('makes deaths and damage at a place attributes of the one attack there that day', () => {
    const m = mergeExtractions([
      withRelations(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:adm1:homs'], ...day('2016-04-03') }),
        event({ type: 'killing', places: ['place:qaryat'], killed: 12, ...day('2016-04-03'), sentence: 1 }),
        event({ type: 'destruction', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-04'), sentence: 2 }),
      ])),
    ]);
    expect(m.events).toHaveLength(1);
    expect(m.events[0]!.type).toBe('airstrike');
    expect(m.events[0]!.killed).toBe(12);
  });

  it("makes deaths reported at no place the toll of the one attack their article reports that day", () => {
    const one = mergeExtractions([
      doc('a', ents, [
        event({ type: 'shelling', agents: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'killing', killed: 4, ...day('2016-04-03'), sentence: 1 }),
      ]),
    ]);
    expect(one.events).toHaveLength(1);
    expect(one.events[0]!.killed).toBe(4);
    // Another article's attack is not theirs.
    const apart = mergeExtractions([
      doc('a', ents, [event({ type: 'shelling', agents: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-03') })]),
      doc('b', ents, [event({ type: 'killing', killed: 4, ...day('2016-04-03') })]),
    ]);
    expect(apart.events).toHaveLength(2);
  });

  it('leaves deaths apart when two attacks could have caused them, or the killer is another', () => {
    const two = mergeExtractions([
      withRelations(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:qaryat'], ...day('2016-04-03') }),
        event({ type: 'shelling', agents: ['actor:rebels'], places: ['place:bilad'], ...day('2016-04-03'), sentence: 1 }),
        event({ type: 'killing', places: ['place:adm1:homs'], ...day('2016-04-03'), sentence: 2 }),
      ])),
    ]);
    expect(two.events).toHaveLength(3);
    const other = mergeExtractions([
      withRelations(doc('a', ents, [
        event({ type: 'airstrike', agents: ['actor:army'], places: ['place:adm1:homs'], ...day('2016-04-03') }),
        event({ type: 'killing', agents: ['actor:rebels'], places: ['place:qaryat'], ...day('2016-04-03'), sentence: 1 }),
      ])),
    ]);
    expect(other.events).toHaveLength(2);
  });
});

describe('mergeExtractions: statements are their speakers', () => {
  const ents = [
    mention('actor:fm', 'Foreign Minister', 'the foreign minister'),
    mention('actor:monitor', 'Monitor', 'the monitor', 0, 'actor', 'organization'),
    mention('place:paris', 'Paris', 'Paris', 0, 'place', 'city'),
    mention('place:country:fr', 'France', 'France', 0, 'place', 'country'),
  ];
  const said = (agents: string[], places: string[], date: string) => event({ type: 'statement', acledEventType: 'Strategic developments', agents, places, date, datePrecision: 'day' });
  it("joins one speaker's statements of a day wherever the reports place them", () => {
    const m = mergeExtractions([
      doc('a', ents, [said(['actor:fm'], ['place:paris'], '2013-08-21')]),
      doc('b', ents, [said(['actor:fm'], ['place:country:fr'], '2013-08-21')]),
      doc('c', ents, [said(['actor:fm'], [], '2013-08-21')]),
    ]);
    expect(m.events).toHaveLength(1);
    expect([...m.events[0]!.documents].sort()).toEqual(['a', 'b', 'c']);
  });
  it('keeps apart statements of two speakers in one place, and of one speaker days apart', () => {
    const m = mergeExtractions([
      doc('a', ents, [said(['actor:fm'], ['place:paris'], '2013-08-21')]),
      doc('b', ents, [said(['actor:monitor'], ['place:paris'], '2013-08-21')]),
      doc('c', ents, [said(['actor:fm'], ['place:paris'], '2013-08-25')]),
    ]);
    expect(m.events).toHaveLength(3);
  });
});

describe('mergeExtractions: a state speaks as one', () => {
  const gov = mention('actor:gov:GB', 'British government', 'Britain', 0, 'actor', 'government');
  const minister = mention('actor:person:william hague', 'William Hague', 'William Hague', 0, 'actor', 'person');
  const senator = mention('actor:person:john mccain', 'John McCain', 'John McCain', 0, 'actor', 'person');
  const uk = mention('place:country:gb', 'United Kingdom', 'Britain', 0, 'place', 'country');
  const said = (agent: string, extra: Partial<EventMention> = {}) =>
    event({ type: 'statement', trigger: 'said', agents: [agent], places: ['place:country:gb'], date: '2013-08-21', datePrecision: 'day', ...extra });

  it("joins a government's and its minister's statements of one day, not a legislator's or another day's", () => {
    const m = mergeExtractions([
      doc('a', [gov, uk], [said('actor:gov:GB', { speakerState: 'GB' })]),
      doc('b', [minister, uk], [said('actor:person:william hague', { speakerState: 'GB' })]),
      doc('c', [senator, uk], [said('actor:person:john mccain')]),
      doc('d', [gov, uk], [said('actor:gov:GB', { speakerState: 'GB', date: '2013-08-25' })]),
    ]);
    expect(m.events).toHaveLength(3);
    const joined = m.events.find((e) => e.documents.size === 2)!;
    expect([...joined.documents].sort()).toEqual(['a', 'b']);
    expect([...joined.agents.keys()].sort()).toEqual(['actor:gov:GB', 'actor:person:william hague']);
  });
});

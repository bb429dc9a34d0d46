import { describe, expect, it } from 'vitest';
import { findContainment, findDescribedContainment } from '../../src/extract/containment.js';
import type { EntityMention } from '../../src/extract/model.js';
import { entitiesOf } from '../helpers/entities.js';

/** Known places (with coordinates) and unknown ones, as the entity scan types them. */
const KNOWN: Record<string, { type: string; lat?: number }> = {
  Aleppo: { type: 'city', lat: 36.2 },
  Damascus: { type: 'city', lat: 33.5 },
  'Idlib Governorate': { type: 'region', lat: 35.8 },
  Syria: { type: 'country', lat: 35 },
};

/** Each name's every occurrence in the text as a place mention (one sentence). */
function mentionsIn(text: string, names: string[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const known = KNOWN[name];
      out.push({ key: `place:${name}`, label: name, kind: 'place', type: known?.type ?? 'area', surface: name, sentence: 0, start: at, end: at + name.length, ...(known?.lat !== undefined && { lat: known.lat, lon: 0, known: true }) });
    }
  }
  return out;
}

const pairs = (text: string, names: string[]): string[] =>
  findContainment(text, mentionsIn(text, names)).map((c) => `${c.child.slice(6)} ${c.relation === 'near' ? '~' : '<'} ${c.parent.slice(6)}`);

describe('places an article puts inside other places', () => {
  it('reads a part named before its place', () => {
    expect(pairs('Airstrikes hit the Bab al-Maqam neighborhood of Aleppo on Monday.', ['Bab al-Maqam', 'Aleppo'])).toEqual(['Bab al-Maqam < Aleppo']);
    expect(pairs('Shells fell in al-Masharqeh neighborhood in Aleppo city.', ['al-Masharqeh', 'Aleppo'])).toEqual(['al-Masharqeh < Aleppo']);
    expect(pairs('Fighters advanced in al-Hazavaneh district in eastern Aleppo.', ['al-Hazavaneh', 'Aleppo'])).toEqual(['al-Hazavaneh < Aleppo']);
    expect(pairs('Jets hit Haas village in Idlib Governorate.', ['Haas', 'Idlib Governorate'])).toEqual(['Haas < Idlib Governorate']);
    expect(pairs('A mortar hit Jobar, a suburb of Damascus.', ['Jobar', 'Damascus'])).toEqual(['Jobar < Damascus']);
  });

  it('reads a part named after its place', () => {
    expect(pairs("Clashes went on in Aleppo's al-Shaar district.", ['al-Shaar', 'Aleppo'])).toEqual(['al-Shaar < Aleppo']);
    expect(pairs("Shelling of Damascus' eastern suburb of Jobar resumed.", ['Jobar', 'Damascus'])).toEqual(['Jobar < Damascus']);
    expect(pairs('Rebels held the Aleppo district of Sheikh Maqsoud.', ['Sheikh Maqsoud', 'Aleppo'])).toEqual(['Sheikh Maqsoud < Aleppo']);
  });

  it('gives a list that ends in the part the same place', () => {
    expect(pairs('Rockets hit the neighbourhoods of Karam Alnozha, Tal Alzarazir and al-Sakhour in Aleppo.', ['Karam Alnozha', 'Tal Alzarazir', 'al-Sakhour', 'Aleppo'])).toEqual([
      'al-Sakhour < Aleppo',
      'Tal Alzarazir < Aleppo',
      'Karam Alnozha < Aleppo',
    ]);
  });

  it('ties nothing that the words between do not put inside', () => {
    // a list of places, a route, a comparison, a country, a known place, a long gap
    expect(pairs('Fighting spread from al-Sakhour to Aleppo.', ['al-Sakhour', 'Aleppo'])).toEqual([]);
    expect(pairs('Convoys left al-Sakhour, Aleppo and Damascus.', ['al-Sakhour', 'Aleppo', 'Damascus'])).toEqual([]);
    expect(pairs('Rebels in al-Sakhour and Damascus agreed.', ['al-Sakhour', 'Damascus'])).toEqual([]);
    expect(pairs('The town of Haas in Syria was hit.', ['Haas', 'Syria'])).toEqual([]);
    expect(pairs('Damascus in Aleppo? No: Aleppo near Damascus.', ['Damascus', 'Aleppo'])).toEqual([]);
    expect(pairs('Haas, which the army says it had surrounded for several weeks before the truce, in Aleppo.', ['Haas', 'Aleppo'])).toEqual([]);
  });

  it('sets a place the text puts beside another near it', () => {
    expect(pairs('Jets struck Kafr Hamra, a village 12 km north of Aleppo.', ['Kafr Hamra', 'Aleppo'])).toEqual(['Kafr Hamra ~ Aleppo']);
    expect(pairs('Inspectors visited Tal Sousin just west of the embattled northern city of Aleppo.', ['Tal Sousin', 'Aleppo'])).toEqual(['Tal Sousin ~ Aleppo']);
    expect(pairs('Shells hit Harjalah about 20 kilometres (12 miles) southwest of Damascus.', ['Harjalah', 'Damascus'])).toEqual(['Harjalah ~ Damascus']);
    expect(pairs('A raid on Mudaya outside the capital Damascus killed four.', ['Mudaya', 'Damascus'])).toEqual(['Mudaya ~ Damascus']);
    expect(pairs('Clashes near Abu Dali near rebel-held Idlib Governorate went on.', ['Abu Dali', 'Idlib Governorate'])).toEqual(['Abu Dali ~ Idlib Governorate']);
    expect(pairs('Troops took Zor and Rasm on the outskirts of Aleppo.', ['Zor', 'Rasm', 'Aleppo'])).toEqual(['Rasm ~ Aleppo', 'Zor ~ Aleppo']);
  });

  it('reads a list whose commas were lost', () => {
    expect(pairs('Rockets hit al-Sakhour al-Shaar and Bab al-Maqam neighborhoods in Aleppo.', ['al-Sakhour', 'al-Shaar', 'Bab al-Maqam', 'Aleppo'])).toEqual([
      'Bab al-Maqam < Aleppo',
      'al-Shaar < Aleppo',
      'al-Sakhour < Aleppo',
    ]);
  });

  it('sets nothing beside a place that the words do not', () => {
    expect(pairs('Convoys drove from Kafr Hamra north to Aleppo.', ['Kafr Hamra', 'Aleppo'])).toEqual([]);
    expect(pairs('Fighters fled Kafr Hamra for Aleppo.', ['Kafr Hamra', 'Aleppo'])).toEqual([]);
    expect(pairs('Kafr Hamra lies far north of Syria.', ['Kafr Hamra', 'Syria'])).toEqual([]);
    expect(pairs('Aleppo, 300 km north of Damascus, was calm.', ['Aleppo', 'Damascus'])).toEqual([]);
  });

  it('only across the words of one sentence', () => {
    const text = 'Rebels shelled al-Sakhour. In Aleppo, calm returned.';
    const ms = mentionsIn(text, ['al-Sakhour', 'Aleppo']).map((m) => (m.label === 'Aleppo' ? { ...m, sentence: 1 } : m));
    expect(findContainment(text.replace('. In', ' in'), ms)).toEqual([]);
  });
});

describe('an unknown place in the one region its sentence or article names', () => {
  const regionOf = (text: string, place: string): string[] => {
    const r = entitiesOf(text);
    const keys = Object.values(r.refs).filter((ref) => ref.label === place).map((ref) => ref.key);
    return r.relations.filter((x) => keys.includes(x.from) && x.relation === 'located in').map((x) => r.refs[x.to]?.label ?? x.to);
  };

  it('takes the region its sentence names', () => {
    expect(regionOf('Warplanes struck the village of Kafr Sousa al-Jadida on Monday, activists in Idlib province said.', 'Kafr Sousa al-Jadida')).toContain('Idlib Governorate');
  });

  it('takes the one region an article names when its towns lie there', () => {
    const text = 'Fighting raged in Idlib province on Monday. Rebels later shelled the village of Tal Hamra near the front, activists said. Saraqib was also hit.';
    expect(regionOf(text, 'Tal Hamra')).toContain('Idlib Governorate');
  });

  it('puts a part of a town named with no town in the one town its sentence or article names', () => {
    expect(regionOf('Shells fell on the al-Warda neighbourhood on Friday, a source in Homs told Syrian state media.', 'al-Warda')).toEqual(expect.arrayContaining(['Homs']));
    const text = 'Rebels shelled Homs in Syria on Friday. Later a rocket hit the district of Bab al-Warda, killing two.';
    expect(regionOf(text, 'Bab al-Warda')).toEqual(expect.arrayContaining(['Homs']));
    // a village with no word of a town's part, or an article of two towns, stays put
    expect(regionOf('Rebels shelled Homs in Syria on Friday. Later a rocket hit Kafr Warda, killing two.', 'Kafr Warda')).not.toContain('Homs');
    expect(regionOf('Rebels shelled Homs and Hama in Syria on Friday. Later a rocket hit the district of Bab al-Warda.', 'Bab al-Warda')).not.toContain('Homs');
  });

  it('puts no part of a town in the article\'s town when the article names towns abroad too', () => {
    const text = 'Russia rejected the charges. Moscow said Russia would act, and the British embassy in Moscow was picketed. Strikes hit the district of Bab al-Warda in Syria, and Aleppo was calm.';
    expect(regionOf(text, 'Bab al-Warda')).not.toContain('Moscow');
  });

  it('sets a village beside the one town of its sentence', () => {
    const r = entitiesOf('Rebels took Kafr Warda on Monday and later shelled Homs, Syrian state media said.');
    const village = Object.values(r.refs).find((ref) => ref.label === 'Kafr Warda')!;
    expect(r.relations).toContainEqual(expect.objectContaining({ from: village.key, relation: 'near', to: 'place:geonames:169577' }));
    const two = entitiesOf('Rebels took Kafr Warda on Monday and later shelled Homs and Hama, Syrian state media said.');
    const v2 = Object.values(two.refs).find((ref) => ref.label === 'Kafr Warda')!;
    expect(two.relations.filter((x) => x.from === v2.key && x.relation === 'near')).toEqual([]);
  });

  it('takes none when the article names two regions, or a town elsewhere', () => {
    expect(regionOf('Fighting raged in Idlib province and in Hama province. Rebels later shelled the village of Tal Hamra, activists said.', 'Tal Hamra')).not.toContain('Idlib Governorate');
    expect(regionOf('Fighting raged in Idlib province. Rebels later shelled the village of Tal Hamra, activists in Damascus said.', 'Tal Hamra')).not.toContain('Idlib Governorate');
  });
});

describe('a place described first and named after', () => {
  /** Mentions with their sentence: sentences split at ". ". */
  const described = (text: string, names: string[]): string[] => {
    const mentions = mentionsIn(text, names).map((m) => ({ ...m, sentence: text.slice(0, m.start).split('. ').length - 1 }));
    return findDescribedContainment(text, mentions).map((c) => `${c.child.slice(6)} < ${c.parent.slice(6)}`);
  };

  it('"a village ... in X. ... the village of Y": Y lies in X', () => {
    expect(described('Jets killed nine people in a village held by rebels in Idlib Governorate on Monday. Activists said the strikes hit the village of Kafr Dael.', ['Idlib Governorate', 'Kafr Dael'])).toEqual(['Kafr Dael < Idlib Governorate']);
    expect(described('Shells fell on a neighbourhood in Aleppo. Residents of the Bustan neighborhood fled.', ['Aleppo', 'Bustan'])).toEqual(['Bustan < Aleppo']);
  });

  it('not with another noun, too far on, or a place the gazetteer locates', () => {
    expect(described('Jets struck a village in Idlib Governorate. Later the town of Kafr Dael was hit.', ['Idlib Governorate', 'Kafr Dael'])).toEqual([]);
    expect(described('Jets struck a village in Idlib Governorate. Talks went on. Aid came. Then more aid. Later the village of Kafr Dael was hit.', ['Idlib Governorate', 'Kafr Dael'])).toEqual([]);
    expect(described('Jets struck a village in Idlib Governorate. The village of Damascus was hit.', ['Idlib Governorate', 'Damascus'])).toEqual([]);
  });
});

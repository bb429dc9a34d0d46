import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadActorLexicon } from '../../src/knowledge/lexicon.js';
import type { Diagnostic } from '../../src/types.js';

const lex = loadActorLexicon();

describe('actor lexicon', () => {
  it('has one actor behind ISIS, ISIL, Daesh and Islamic State', () => {
    const ids = ['ISIS', 'ISIL', 'Daesh', "Da'esh", 'Islamic State', 'the Islamic State of Iraq and the Levant'].map((s) => lex.lookup(s).map((e) => e.id));
    for (const l of ids) expect(l).toEqual(['isil']);
    expect(lex.get('isil')?.type).toBe('armed group');
  });

  it('knows the spelling variants of person names', () => {
    expect(lex.lookup('Sergey Shoigu')[0]?.id).toBe('sergei-shoigu');
    expect(lex.lookup('Sergei Shoigu')[0]?.id).toBe('sergei-shoigu');
    expect(lex.lookup('Dmitri Peskov')[0]?.id).toBe('dmitry-peskov');
  });

  it('keeps distinct actors apart', () => {
    expect(lex.lookup('Syrian Army')[0]?.id).not.toBe(lex.lookup('Syrian Air Force')[0]?.id);
    expect(lex.lookup('Russian Air Force')[0]?.id).not.toBe(lex.lookup('Russia')[0]?.id);
    expect(lex.lookup('SOHR')[0]?.id).not.toBe(lex.lookup('Rami Abdel Rahman')[0]?.id);
    expect(lex.lookup('al-Nusra Front')[0]?.id).not.toBe(lex.lookup('Yarmouk Martyrs Brigade')[0]?.id);
  });

  it('maps demonyms to countries', () => {
    expect(lex.countryOfDemonym('Syrian')).toBe('SY');
    expect(lex.countryOfDemonym('Russian')).toBe('RU');
    expect(lex.countryOfDemonym('Swiss')).toBe('CH');
    expect(lex.countryOfDemonym('Israelis')).toBe('IL');
    expect(lex.countryOfDemonym('American')).toBe('US');
    // adjectives beside the nationality nouns world-countries gives ("Filipino", "Kazakhstani")
    expect(lex.countryOfDemonym('Philippine')).toBe('PH');
    expect(lex.countryOfDemonym('Kazakh')).toBe('KZ');
    expect(lex.countryOfDemonym('Bosnian')).toBe('BA');
    expect(lex.countryOfDemonym('Herzegovinian')).toBe('BA');
    expect(lex.institution('BA', 'government')?.name).toBe('Bosnian government');
    expect(lex.countryOfDemonym('Kurdish')).toBeUndefined();
    expect(lex.countryOfDemonym('Teapot')).toBeUndefined();
  });

  it('generates countries with their names and capital', () => {
    const sy = lex.countryActor('SY');
    expect(sy?.name).toBe('Syria');
    expect(sy?.type).toBe('country');
    expect(sy?.capital).toBe('Damascus');
    expect(lex.lookup('Syrian Arab Republic')[0]?.id).toBe('country:SY');
    expect(lex.lookup('Russian Federation')[0]?.id).toBe('country:RU');
  });

  it('lets a curated institution absorb the generated names of its role', () => {
    const army = lex.institution('SY', 'army');
    expect(army?.id).toBe('syrian-arab-army');
    expect(lex.lookup('Syrian troops')[0]?.id).toBe('syrian-arab-army');
    expect(lex.lookup("Syria's army")[0]?.id).toBe('syrian-arab-army');
    expect(lex.lookup('Russian jets')[0]?.id).toBe('russian-aerospace-forces');
  });

  it('names a state’s forces as news does: "Armed Forces of the Philippines", "Philippine Marines"', () => {
    const ph = lex.institution('PH', 'army');
    expect(lex.lookup('Armed Forces of the Philippines')[0]?.id).toBe(ph?.id);
    expect(lex.lookup('Philippine Marines')[0]?.id).toBe(ph?.id);
    expect(lex.lookup('Philippine Air Force')[0]?.id).toBe(lex.institution('PH', 'air force')?.id);
    expect(lex.lookup('U.S. Marines')[0]?.id).toBe(lex.institution('US', 'army')?.id);
  });

  it('generates institutions for countries without a curated one', () => {
    const eg = lex.institution('EG', 'army');
    expect(eg?.generated).toBe(true);
    expect(lex.lookup('Egyptian troops')[0]?.id).toBe(eg?.id);
    expect(lex.lookup('Egyptian Defence Ministry')[0]?.parent).toBe(lex.institution('EG', 'government')?.id);
  });

  it('resolves parents to entry ids', () => {
    expect(lex.get('russian-defense-ministry')?.parent).toBe('russian-government');
    expect(lex.get('kremlin')?.parent).toBe('country:RU');
    expect(lex.get('RU')?.id).toBe('country:RU');
    expect(lex.get('army:SY')?.id).toBe('syrian-arab-army');
  });
});

describe('actor lexicon user files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-lex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds user entries and merges aliases into existing ids', () => {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ actors: [
      { id: 'qqx-brigade', name: 'Qqx Brigade', type: 'armed group', aliases: ['Liwa Qqx'], parent: 'SY', country: 'SY' },
      { id: 'isil', name: 'Islamic State', type: 'armed group', aliases: ['Tanzim al-Dawla'] },
    ] }));
    const diags: Diagnostic[] = [];
    const mine = loadActorLexicon([file], (d) => diags.push(d));
    expect(diags).toEqual([]);
    expect(mine.lookup('Liwa Qqx')[0]?.id).toBe('qqx-brigade');
    expect(mine.get('qqx-brigade')?.parent).toBe('country:SY');
    expect(mine.lookup('Tanzim al-Dawla')[0]?.id).toBe('isil');
    expect(mine.lookup('Daesh')[0]?.id).toBe('isil');
  });

  it('reports a broken file as a diagnostic naming it, not a crash', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"actors": [ {"id": "x", ');
    const diags: Diagnostic[] = [];
    const mine = loadActorLexicon([file], (d) => diags.push(d));
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ level: 'error', source: { file } });
    expect(mine.lookup('ISIS')[0]?.id).toBe('isil');
  });

  it('skips bad records with their record number', () => {
    const file = join(dir, 'records.json');
    writeFileSync(file, JSON.stringify([{ id: 'ok-one', name: 'Okay One', type: 'media' }, { id: 'bad', name: 'Bad', type: 'wizard' }, 'nonsense']));
    const diags: Diagnostic[] = [];
    const mine = loadActorLexicon([file], (d) => diags.push(d));
    expect(mine.get('ok-one')?.type).toBe('media');
    expect(diags.map((d) => d.source.record)).toEqual([2, 3]);
  });
});

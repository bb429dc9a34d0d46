import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTriggers, type TriggerMatch } from '../../src/extract/triggers.js';
import { inflectVerb, loadTriggerLexicon, pluralNoun } from '../../src/knowledge/trigger-lexicon.js';
import type { Diagnostic } from '../../src/types.js';

const lex = loadTriggerLexicon();
const types = (s: string) => findTriggers(s, lex).map((t) => [t.text, t.type]);
const first = (s: string): TriggerMatch => {
  const found = findTriggers(s, lex).filter((t) => t.type !== 'statement');
  expect(found.length).toBeGreaterThan(0);
  return found[0]!;
};

describe('trigger families', () => {
  it.each([
    ['Heavy clashes broke out between the militia and the army.', 'clashes', 'battle', 'Armed clash'],
    ['Insurgents stormed two checkpoints at dawn.', 'stormed', 'battle', 'Armed clash'],
    ['The garrison repelled an assault by the rebels.', 'repelled', 'battle', 'Armed clash'],
    ['Government troops pushed the rebels back from the ridge.', 'pushed the rebels back', 'battle', 'Armed clash'],
    ['Militants seized the border crossing on Monday.', 'seized', 'capture', 'Non-state actor overtakes territory'],
    ['The army retook the village after a week.', 'retook', 'capture', 'Government regains territory'],
    ['Kurdish fighters took control of the dam.', 'took control', 'capture', 'Non-state actor overtakes territory'],
    ['The rebels withdrew from the old quarter.', 'withdrew', 'withdrawal', 'Non-violent transfer of territory'],
    ['Coalition airstrikes hit a bridge near the town.', 'airstrikes', 'airstrike', 'Air/drone strike'],
    ['Jets carried out 30 sorties over the valley.', 'sorties', 'airstrike', 'Air/drone strike'],
    ['The militia shelled the suburbs with mortars.', 'shelled', 'shelling', 'Shelling/artillery/missile attack'],
    ['A car bomb exploded outside the ministry.', 'car bomb', 'explosion', 'Remote explosive/landmine/IED'],
    ['A suicide bomber struck a checkpoint.', 'suicide bomber', 'explosion', 'Suicide bomb'],
    ['Gunmen executed six villagers.', 'executed', 'killing', 'Attack'],
    ['The militants blew up the ancient arch.', 'blew up', 'destruction', 'Looting/property destruction'],
    ['The ministry deployed 2,000 soldiers to the north.', 'deployed', 'deployment', 'Change to group/activity'],
    ['Both sides agreed to a ceasefire in the province.', 'ceasefire', 'agreement', 'Agreement'],
    ['A humanitarian convoy reached the besieged district.', 'humanitarian convoy', 'aid', 'Other'],
    ['Thousands of civilians fled the shelling.', 'fled', 'displacement', 'Other'],
    ['Police arrested three suspects after the attack.', 'arrested', 'arrest', 'Arrests'],
    ['Unknown gunmen abducted an aid worker.', 'abducted', 'arrest', 'Abduction/forced disappearance'],
  ])('%s', (sentence, text, type, sub) => {
    const t = first(sentence);
    expect([t.text, t.type, t.acledSubEventType]).toEqual([text, type, sub]);
    expect(sentence.slice(t.start, t.end)).toBe(t.text);
  });

  it('a statement is an event only when nothing else happens in the sentence', () => {
    expect(types('The army said the situation in the north was calm.').map((x) => x[1])).toEqual(['statement']);
    expect(types('The army said it had captured the hill.').map((x) => x[1])).toEqual(['capture']);
  });
});

describe('capture direction', () => {
  it('active: the subject gains, "from X" loses', () => {
    expect(first('Rebels captured the airbase from the army.')).toMatchObject({ roles: { gainer: 'subject', loser: 'from' }, passive: false });
  });
  it('passive: the agent after "by" gains', () => {
    const t = first('The airbase was captured by the rebels.');
    expect(t).toMatchObject({ type: 'capture', passive: true, roles: { gainer: 'by' }, voiceHint: 'gainer:by loser:from' });
  });
  it('"fell to X": X gains', () => {
    expect(first('The provincial capital fell to the insurgents.')).toMatchObject({ type: 'capture', roles: { gainer: 'to' } });
  });
});

describe('tense, negation and modality', () => {
  it('past, present and future', () => {
    expect(first('The rebels attacked the convoy.').tense).toBe('past');
    expect(first('Government forces have retaken the town.').tense).toBe('past');
    expect(first('The rebels will attack the convoy.').tense).toBe('future');
  });
  it('negated: "did not capture" is denied', () => {
    expect(first('The rebels did not capture the airport.')).toMatchObject({ negated: true, modality: 'denied' });
    expect(first("The army hasn't withdrawn from the town.")).toMatchObject({ negated: true, modality: 'denied' });
  });
  it('denied by the sentence: "denied that ..."', () => {
    expect(first('The ministry denied that its jets had bombed the hospital.').modality).toBe('denied');
  });
  it('planned: plans to, aims to, an objective, preparing to', () => {
    expect(first('The militia plans to seize the oil fields.').modality).toBe('planned');
    expect(first('The militia is preparing to storm the city.').modality).toBe('planned');
    expect(first('Thousands of fighters massed in the desert to take control of the highway.').modality).toBe('planned');
  });
  it('planned: a modal of ability, request or duty ("can be deployed", "should withdraw")', () => {
    expect(first('The ministry asked that the troops can be deployed very quickly.').modality).toBe('planned');
    expect(first('The rebels should withdraw from the town.').modality).toBe('planned');
    expect(first('The army must capture the bridge first.').modality).toBe('planned');
    // a modal perfect still tells of a past act, and "could" is often a past ability
    expect(first('Up to 300 people may have been killed in the shelling.').modality).not.toBe('planned');
    expect(first('The troops could repel the attacks, killing dozens.').modality).not.toBe('planned');
  });
  it('reads a cue across quotation marks ("unless they agreed to a "reconciliation" deal")', () => {
    expect(findTriggers('The rebels were told that unless they agreed to a "reconciliation" deal the fight would go on.', lex).find((t) => t.text === 'deal')?.modality).toBe('planned');
    expect(findTriggers('The rebels agreed to a "reconciliation" deal on Monday.', lex).find((t) => t.text === 'deal')?.modality).toBe('asserted');
  });
  it('achieved: "managed to seize", "were forced to withdraw" stay asserted and past', () => {
    expect(first('The militants had managed to seize two villages.')).toMatchObject({ modality: 'asserted', tense: 'past' });
    expect(first('The defenders were forced to withdraw.')).toMatchObject({ modality: 'asserted', tense: 'past' });
  });
  it('claimed: attributed to a party, or reportedly', () => {
    expect(first('The rebels claimed they had shot down a helicopter and killed its crew.').modality).toBe('claimed');
    expect(first('According to activists, the army shelled the market.').modality).toBe('claimed');
    expect(first('Militants have reportedly withdrawn from the town.').modality).toBe('claimed');
    expect(first('The army shelled the market on Monday.').modality).toBe('asserted');
  });
});

describe('a window tagged before', () => {
  it('reads as when it was first tagged', () => {
    const sentences = ['Government forces have retaken the town.', 'The rebels did not capture the airport.', 'The militia is preparing to storm the city.', 'Warplanes struck the market, killing 12 people.'];
    const fresh = sentences.map((s) => JSON.stringify(findTriggers(s, lex)));
    expect(fresh.every((f) => f !== '[]')).toBe(true);
    // Read again, in another order: the remembered tags give the same triggers.
    expect([...sentences].reverse().map((s) => JSON.stringify(findTriggers(s, lex)))).toEqual([...fresh].reverse());
  });
});

describe('false friends', () => {
  it('"captured" people is an arrest, "captured" a place a capture', () => {
    expect(first('Rebels captured 12 soldiers near the dam.').type).toBe('arrest');
    expect(first('Rebels captured the dam.').type).toBe('capture');
    expect(first('Government forces seized a rebel-held neighbourhood.').type).toBe('capture');
  });
  it('the head of the object decides, up to its first preposition', () => {
    // what is seized is the territory; the rebels are whom it is taken from
    expect(first('The militants seized territory from rival rebel groups.').type).toBe('capture');
    // "the terrorists weapons": the weapons are the head
    expect(first('The army units seized the terrorists weapons and ammunition.').type).toBe('destruction');
    expect(first('Police seized weapons and 3 suspects.').type).toBe('arrest');
    expect(first('The army evacuated civilians from the town.').type).toBe('displacement');
    expect(first('The army evacuated the town.').type).toBe('withdrawal');
  });
  it('fleeing forces withdraw; fleeing civilians are displaced', () => {
    expect(first('The militants fled the town before dawn.').type).toBe('withdrawal');
    expect(first('Residents fled the town before dawn.').type).toBe('displacement');
  });
  it.each([
    'Dockers went on strike over pay at the port.',
    'The union called a general strike for Monday.',
    'The company took over its rival in a 2 billion dollar deal.',
    'Shares advanced 3 percent in early trading.',
    'The bank captured a larger market share this year.',
    'Merger talks with the rival collapsed.',
    'The forest fire destroyed 300 hectares.',
    'He suffered a heart attack at home.',
    'The two firms are locked in a bidding war.',
    'Please book in advance.',
    'Their attack was led by a 19-year-old striker.',
    'The central bank defended the currency against a speculative attack.',
    'The committee will try to kill the amendment.',
    'Ships were fighting a losing battle to keep moving through the ice.',
  ])('no trigger in business or everyday text: %s', (s) => {
    expect(findTriggers(s, lex).filter((t) => t.type !== 'destruction')).toEqual([]);
  });
  it('"strike" counts in a military sentence', () => {
    expect(first('A drone strike killed two commanders.').type).toBe('airstrike');
    expect(first('The strikes destroyed militant positions.').type).toBe('airstrike');
  });
  it('a weapon named in the singular makes the sentence military', () => {
    for (const s of ['A missile killed 29 people in the city.', 'A roadside bomb killed three people.', 'A sniper killed a man near the bridge.']) {
      expect(types(s), s).toContainEqual(['killed', 'killing']);
    }
    expect(findTriggers('The merger would kill 300 jobs in the city.', lex)).toEqual([]);
  });
  it('"entered" needs a place after it', () => {
    expect(first('Troops entered the city at dawn.').type).toBe('capture');
    expect(findTriggers('The rebels entered into negotiations.', lex).map((t) => t.lemma)).not.toContain('enter');
  });
});

describe('the lexicon', () => {
  it('inflects verbs and nouns', () => {
    expect(inflectVerb('seize')).toEqual(['seize', 'seizes', 'seized', 'seizing']);
    expect(inflectVerb('occupy')).toEqual(['occupy', 'occupies', 'occupied', 'occupying']);
    expect(inflectVerb('ambush')).toEqual(['ambush', 'ambushes', 'ambushed', 'ambushing']);
    expect(pluralNoun('clash')).toBe('clashes');
    expect(pluralNoun('sortie')).toBe('sorties');
  });

  it('is extended by a user file, and a bad entry is reported with its record number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-triggers-'));
    try {
      const file = join(dir, 'extra.json');
      writeFileSync(file, JSON.stringify({ triggers: [{ lemma: 'overwhelm', pos: 'verb', type: 'capture' }, { lemma: 'frobnicate', type: 'nonsense' }] }));
      const diags: Diagnostic[] = [];
      const extended = loadTriggerLexicon([file], (d) => diags.push(d));
      expect(findTriggers('The insurgents overwhelmed the garrison.', extended)[0]).toMatchObject({ lemma: 'overwhelm', type: 'capture' });
      expect(diags).toHaveLength(1);
      expect(diags[0]!.source.record).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreadable file instead of throwing', () => {
    const diags: Diagnostic[] = [];
    loadTriggerLexicon(['/nonexistent/events-extra.json'], (d) => diags.push(d));
    expect(diags).toMatchObject([{ level: 'error', source: { file: '/nonexistent/events-extra.json' } }]);
  });

  it('is deterministic', () => {
    const s = 'Rebels shelled the town and seized the airport, killing 20 soldiers.';
    expect(JSON.stringify(findTriggers(s, lex))).toBe(JSON.stringify(findTriggers(s, loadTriggerLexicon())));
  });
});

describe('the sample corpus (data/corpus/palmyra)', () => {
  // evidence sentences of the hand annotation: each must yield a trigger of the annotated type
  it.each([
    ['ISIS first took over Palmyra in May 2015, following  a protracted battle with Syrian regime forces.', 'capture'],
    ['In August 2015, satellite images confirmed the destruction of the Temple of Baalshamin, a UNESCO World Heritage Site.', 'destruction'],
    ['Meanwhile, the Russian Defense Ministry said in a statement that it had carried out 64 anti-terror air raids around Palmyra last night.', 'airstrike'],
    ['Syrian regime forces were obliged to evacuate their headquarters in Palmyra, heading westward toward the Doua District and Tiyas Airbase.', 'withdrawal'],
    ['The Syrian Army, backed by the Syrian and Russian Aerospace Forces, liberated Palmyra in March, 2016, nearly a year after it was captured by ISIL in May 2015.', 'capture'],
  ])('%s', (s, type) => {
    const found = findTriggers(s, lex);
    expect(found.map((t) => t.type)).toContain(type);
    expect(found.find((t) => t.type === type)?.modality).not.toBe('denied');
  });
});

describe('verbs whose doer is a weapon', () => {
  it.each([
    ['A missile struck a hospital in the north.', 'struck', 'shelling'],
    ['Two rockets hit a school on Tuesday.', 'hit', 'shelling'],
    ['Six long-range bombers from Russia had struck targets around the city.', 'struck', 'airstrike'],
    ['The market was hit by a barrel bomb at dawn.', 'hit', 'airstrike'],
    ['Two bombs also hit a patrol near the base.', 'hit', 'explosion'],
  ])('%s', (sentence, text, type) => {
    const t = findTriggers(sentence, lex).find((x) => x.text === text);
    expect(t?.type).toBe(type);
  });

  it.each([
    'The earthquake struck the coast at night.',
    'Sanctions hit the economy hard.',
    'Prices hit a record on Tuesday.',
    'They plan to carpet bomb civilian areas and hit the infrastructure.',
  ])('is no act without a weapon as its doer: %s', (sentence) => {
    expect(findTriggers(sentence, lex).filter((t) => /^(?:struck|hit)$/.test(t.text))).toEqual([]);
  });
});

describe('the document\'s context', () => {
  it('reads a word of killing as war news in a document about war, not elsewhere', () => {
    const sentence = 'Twenty-nine people were killed in the city on Tuesday.';
    expect(findTriggers(sentence, lex).filter((t) => t.type === 'killing')).toEqual([]);
    expect(findTriggers(sentence, lex, { militaryDocument: true }).map((t) => t.type)).toEqual(['killing']);
    // words with other senses still need their own sentence's context
    expect(findTriggers('The minister attacked the budget on Tuesday.', lex, { militaryDocument: true })).toEqual([]);
  });
  it('reads an arrival at a place as a deployment in a document about war, not elsewhere', () => {
    const sentence = 'The envoy arrived in the capital on Saturday for talks.';
    expect(findTriggers(sentence, lex)).toEqual([]);
    expect(findTriggers(sentence, lex, { militaryDocument: true }).map((t) => [t.text, t.type])).toEqual([['arrived in', 'deployment']]);
    expect(first('A battalion of troops arrived in Kirkuk overnight.')).toMatchObject({ text: 'arrived in', type: 'deployment' });
    // an arrival needs a place: "arrived at a decision" is none
    expect(findTriggers('The troops finally arrived at a decision.', lex, { militaryDocument: true }).filter((t) => t.type === 'deployment')).toEqual([]);
  });
});

describe('a verb, its object, its particle', () => {
  it('reads "forced the rebels out", not "the forces push to weed out rebels"', () => {
    expect(types('The army forced the rebels out of the town.')).toEqual([['forced the rebels out', 'capture']]);
    expect(findTriggers('The toll rose as the Assad forces push to weed out rebels.', lex).filter((t) => t.type === 'capture')).toEqual([]);
  });
});

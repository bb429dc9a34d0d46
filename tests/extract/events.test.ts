import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/document.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge.js';
import type { DocExtraction, EventMention } from '../../src/extract/model.js';
import { graphFromExtractions } from '../../src/build/pipeline.js';
import type { Doc } from '../../src/types.js';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

function extract(text: string, date = '2017-06-18', id = 't'): DocExtraction {
  const doc: Doc = { id, title: id, text, source: { file: id }, ...(date ? { date } : {}) };
  return extractDocument(doc, kb);
}
const label = (x: DocExtraction, key: string) => x.refs[key]?.label;
const ofType = (x: DocExtraction, type: string): EventMention[] => x.events.filter((e) => e.type === type);

describe('event extraction', () => {
  it('finds a capture with its gaining and losing sides, place and date', () => {
    const x = extract('The Syrian Army recaptured Deir Hafer from Islamic State militants on Thursday, Syria state media said.');
    const e = ofType(x, 'capture')[0]!;
    expect(label(x, e.agents[0]!)).toMatch(/Syrian Arab Army/);
    expect(e.targets.map((k) => label(x, k))).toContain('Islamic State');
    expect(x.refs[e.places[0]!]?.country).toBe('SY');
    expect(e.date).toBe('2017-06-15'); // the Thursday before Sunday 18 June 2017
    expect(e.acledSubEventType).toBe('Government regains territory');
  });

  it('dates the event by its weekday, not by the dateline stamp before it', () => {
    const text = 'KYIV, March 3, 2023 (Reuters) - Russian forces shelled the eastern city of Kharkiv on Tuesday, killing 12 civilians.';
    const stamped: Doc = { id: 'k', title: 'k', text, date: '2023-03-03', datelineLength: 'KYIV, March 3, 2023 (Reuters) - '.length, source: { file: 'k' } };
    expect(ofType(extractDocument(stamped, kb), 'shelling')[0]?.date).toBe('2023-02-28');
    // Without the stamp marked, the date written nearest the act wins, as in any sentence.
    expect(ofType(extract(text, '2023-03-03'), 'shelling')[0]?.date).toBe('2023-03-03');
  });

  it('dates a statement in the body by the publication day, not an undated act told in the past', () => {
    // Paragraphs after the lede: a statement is the news; a bare past tense may be background.
    const body = (sentence: string) => extract(`Fighting went on in Kharkiv on Sunday.\n\nThe city was calm.\n\n${sentence}`, '2021-08-08');
    expect(ofType(body('The Ukrainian defence ministry condemned the shelling of Kharkiv.'), 'statement')[0]?.date).toBe('2021-08-08');
    expect(ofType(body('The rebels captured Taloqan.'), 'capture')[0]?.date).toBeUndefined();
  });

  it('reads the passive voice: the agent follows "by"', () => {
    const x = extract('Tabqa was captured by the Syrian Democratic Forces in May 2017, in Syria.');
    const e = ofType(x, 'capture')[0]!;
    expect(label(x, e.agents[0]!)).toBe('Syrian Democratic Forces');
    expect(e.date).toBe('2017-05');
    expect(e.acledSubEventType).toBe('Non-state actor overtakes territory');
  });

  it('marks denied and planned events', () => {
    const denied = extract('Turkey denied that its army shelled Afrin in Syria on Saturday.');
    expect(denied.events.find((e) => e.type === 'shelling')?.modality).toBe('denied');
    const planned = extract('Iraqi forces plan to recapture Tal Afar from Islamic State fighters, in Iraq.');
    const p = ofType(planned, 'capture')[0];
    expect(p?.modality).toBe('planned');
    expect(p?.date).toBeUndefined(); // a plan has no date of its own yet
  });

  it('reads a denial of responsibility as no denial of the event, and the one who denies as no agent', () => {
    const x = extract('Russia denied responsibility for the air strikes on Idlib in Syria on Sunday.');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.modality).toBe('asserted');
    expect(e.agents).toEqual([]);
    // a denial of the act itself stays a denial
    const y = extract('Russia denied that it had carried out air strikes on Idlib in Syria on Sunday.');
    expect(ofType(y, 'airstrike')[0]?.modality).toBe('denied');
  });

  it('keeps the reporting actor as a source, not as a participant', () => {
    const x = extract('Rebels shelled Jableh in Syria on Monday, the Syrian Observatory for Human Rights said.');
    const e = ofType(x, 'shelling')[0]!;
    expect(e.sources.map((k) => label(x, k))).toContain('Syrian Observatory for Human Rights');
    expect(e.agents.map((k) => label(x, k))).not.toContain('Syrian Observatory for Human Rights');
  });

  it('reads casualty figures with their hedges, conservatively', () => {
    const x = extract('Russian airstrikes on Idlib killed more than 40 people and wounded dozens on Tuesday, in Syria.');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.killed).toBe(40);
    expect(e.wounded).toBe(12);
    expect(label(x, e.agents[0]!)).toMatch(/Russian|Aerospace/);
  });

  it('carries the year through the text and reads ranges', () => {
    const x = extract('On 3 May 2015 rebels attacked Jisr al-Shughur in Syria.\n\nOn 5 May rebels seized Jisr al-Shughur from the army.\n\nFrom June 1 to June 4 warplanes bombed Jisr al-Shughur.', '2015-06-20');
    expect(ofType(x, 'capture')[0]?.date).toBe('2015-05-05');
    const strike = ofType(x, 'airstrike')[0];
    expect(strike?.date).toBe('2015-06-01');
    expect(strike?.dateEnd).toBe('2015-06-04');
  });

  it('does not give a trigger a date from across an after/before clause', () => {
    const x = extract('On Thursday, the militants began an offensive on Sukhnah, months after the army liberated the town in Syria.');
    const liberation = ofType(x, 'capture').find((e) => e.trigger.startsWith('liberat'));
    expect(liberation?.date).toBeUndefined();
  });

  it('leaves relative dates of an undated article unresolved', () => {
    const x = extract('On Thursday the Syrian Army recaptured Deir Hafer from Islamic State fighters in Syria.', '');
    expect(ofType(x, 'capture')[0]?.date).toBeUndefined();
  });
});

describe('roles from the clause', () => {
  const kindOf = (x: DocExtraction, key: string) => x.refs[key]?.kind;

  it('gives a country that acts its state: forces for an attack, never the place node', () => {
    const x = extract('Russia carried out air strikes on Idlib in Syria on Tuesday.');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.agents).toHaveLength(1);
    expect(e.targets).toHaveLength(0); // "in Syria" is where, not who
    expect(kindOf(x, e.agents[0]!)).toBe('actor');
    expect(label(x, e.agents[0]!)).toMatch(/Russian/);
    // the state actor is an entity of the document, so it becomes a node
    expect(x.entities.some((m) => m.key === e.agents[0])).toBe(true);
  });

  it('gives a country that is attacked its forces as the target, not the place', () => {
    const x = extract('Israeli jets struck Syria on Tuesday.');
    for (const e of x.events) for (const k of [...e.agents, ...e.targets]) expect(kindOf(x, k)).toBe('actor');
  });

  it('reads a country that speaks as a source, through its government, never as the agent', () => {
    const x = extract('Britain said on Wednesday that rebels had attacked Jobar in Syria.', '2013-08-21');
    const e = ofType(x, 'battle')[0]!;
    expect(e.sources.map((k) => label(x, k))).toEqual(['British government']);
    expect(e.agents.map((k) => label(x, k)).join()).not.toMatch(/British|United Kingdom/);
  });

  it('reads the forces named after an attack in its clause as its target, not an ally', () => {
    const strike = ofType(extract('The air force conducted airstrikes on the gatherings, hideouts and supply routes of ISIL terrorists in al-Qaryatain, Syria on Sunday.', '2016-04-03'), 'airstrike')[0]!;
    expect(strike.targets).toEqual(['actor:isil']);
    const x = extract('Army units attacked positions of Jabhat al-Nusra near Hama in cooperation with the National Defence Forces on Sunday, in Syria.', '2016-04-03');
    const e = ofType(x, 'battle')[0]!;
    expect(e.targets.map((k) => label(x, k))).toEqual(['al-Nusra Front']);
  });

  it('reads the subject of a relative clause and a side joined by "alongside" as agents', () => {
    const x = extract('In Aleppo province, Hezbollah which is fighting alongside the Syrian army lost 12 men on Monday.', '2015-02-18');
    const e = ofType(x, 'battle')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Hezbollah', 'Syrian Arab Army']);
    expect(e.targets).toEqual([]);
  });

  it('reads "a Britain-based monitor" as no agent', () => {
    const x = extract('Rebels shelled Jableh on Monday, the Britain-based monitor said.');
    const e = ofType(x, 'shelling')[0]!;
    const roles = [...e.agents, ...e.targets].map((k) => label(x, k)).join();
    expect(roles).not.toMatch(/United Kingdom|British/);
  });
});

describe('unnamed subjects', () => {
  it('reads "the air force" of a story as its country\'s air force', () => {
    const x = extract('Syrian army units advanced on al-Rasafa in Raqqa. In the morning the air force conducted airstrikes against ISIL positions in al-Qaryatain.');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Syrian Air Force']);
  });

  it('reads an armed group named by a common noun as one actor of the story\'s country', () => {
    const x = extract('Four people were killed in rocket attacks by rebels on New Aleppo in Aleppo, Syria on Friday.', '2016-10-08');
    const e = ofType(x, 'shelling')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Rebels (Syria)']);
    expect(x.entities.find((m) => m.key === e.agents[0])?.surface).toBe('rebels');
  });

  it('reads the group as the victim of a passive, and not as a voice', () => {
    const killed = ofType(extract('A number of terrorists were killed in Deir Ezzor, Syria on Sunday.', '2016-04-03'), 'killing')[0]!;
    expect(killed.agents).toEqual([]);
    expect(killed.targets.length).toBe(1);
    const x = extract('Opposition fighters said a car bomb exploded in Zahra in Aleppo, Syria on Sunday.', '2016-08-14');
    for (const e of x.events) expect(e.agents.map((k) => label(x, k))).not.toContain('Rebels (Syria)');
  });

  it('reads the side a word before an act noun names', () => {
    const x = extract('Five people were killed in terrorist rocket attacks on al-Midan in Aleppo, Syria on Friday.', '2016-10-07');
    expect(ofType(x, 'shelling')[0]?.agents.map((k) => label(x, k))).toEqual(['Militants (Syria)']);
    const y = extract('One civilian was killed by a regime barrel bomb dropped on al-Jalloum in Aleppo, Syria.', '2016-10-07');
    expect(ofType(y, 'airstrike')[0]?.agents.map((k) => label(y, k))).toEqual(['Syrian Air Force']);
    // the word before the act outweighs a name further away
    const z = extract('Hideouts of ISIS terrorists were hit and destroyed in army airstrikes in the villages of Housis in Raqqa, Syria.', '2016-04-03');
    expect(ofType(z, 'airstrike')[0]?.agents.map((k) => label(z, k))).toEqual(['Syrian Air Force']);
  });

  it('reads "the army" or "army units" with no country word as the story\'s state army', () => {
    const x = extract('Army units advanced on al-Rasafa in Raqqa, Syria on Sunday.', '2016-06-11');
    expect(ofType(x, 'battle')[0]!.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    const y = extract('The army has established control over al-Rasafa in Raqqa, Syria on Sunday.', '2016-06-11');
    expect(ofType(y, 'capture')[0]!.agents.map((k) => label(y, k))).toEqual(['Syrian Arab Army']);
    // a demonym before it makes it another country's or group's army
    const z = extract('Kurdish army units advanced on al-Rasafa in Raqqa, Syria on Sunday.', '2016-06-11');
    for (const e of z.events) expect(e.agents.map((k) => label(z, k))).not.toContain('Syrian Arab Army');
    // nor are plain "forces" anyone's army
    const w = extract('Forces advanced on al-Rasafa in Raqqa, Syria on Sunday.', '2016-06-11');
    for (const e of w.events) expect(e.agents.map((k) => label(w, k))).not.toContain('Syrian Arab Army');
  });

  it('does not lend the last agent to a clause whose subject is another, unnamed force', () => {
    const x = extract('Syrian army units advanced on al-Rasafa in Raqqa. Tribal forces captured Tel Hamis on Friday.');
    expect(ofType(x, 'capture')[0]?.agents).toEqual([]);
  });

  it('reads "Kurdish forces" as the Kurdish force of the country the story is about', () => {
    const syria = extract('Syrian army units advanced on al-Rasafa in Raqqa, Syria. Kurdish forces captured Tel Hamis in Syria on Friday.');
    expect(ofType(syria, 'capture')[0]?.agents.map((k) => label(syria, k))).toEqual(["People's Protection Units"]);
    const iraq = extract('Iraqi troops advanced on Mosul in Iraq. Kurdish forces captured Bashiqa near Mosul in Iraq on Friday.');
    expect(ofType(iraq, 'capture').at(-1)?.agents.map((k) => label(iraq, k))).toEqual(['Peshmerga']);
  });
});

describe('background and agents after "by"', () => {
  it('reads the agent of an attack noun after "by"', () => {
    const x = extract('Four people were killed in rocket attacks by Jaish al-Fatah on New Aleppo on Friday.', '2016-10-08');
    const e = ofType(x, 'shelling')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Jaish al-Fatah']);
    expect(e.targets).toEqual([]);
  });

  it('does not let "since 2013" give its year to a later yearless month', () => {
    const x = extract('Douma has been under siege by Syrian regime forces since 2013 and no aid convoys have reached Douma since August.', '2017-11-26');
    for (const e of x.events) expect(e.date?.startsWith('2013')).not.toBe(true);
  });

  it('reads the toll of a whole war as background, not as an event', () => {
    expect(extract('The war in Syria, a conflict that has killed more than 290000 and displaced millions, goes on.', '2016-08-14').events).toEqual([]);
    expect(ofType(extract('More than 170000 people have been killed in Syria\'s conflict, the Syrian Observatory for Human Rights said.', '2014-07-19'), 'killing')).toEqual([]);
  });

  it('reads a count since the war began as its running toll, however far the war is named', () => {
    expect(ofType(extract('At least 280000 people have been killed and millions displaced from their homes since the war started with protests in Syria in 2011.', '2016-08-14'), 'killing')).toEqual([]);
    expect(ofType(extract('The war that began with anti-government protests in Syria in 2011 has since killed more than 280000 people.', '2016-08-14'), 'killing')).toEqual([]);
    expect(ofType(extract('At least 84 journalists have been killed in Syria since the fighting began in 2011.', '2016-08-14'), 'killing')).toEqual([]);
    // a day's killing compared with the past is news
    expect(ofType(extract('Twelve soldiers were killed near Aleppo in Syria on Sunday, the most in a day since 2014.', '2016-08-14'), 'killing')).toHaveLength(1);
  });
});

describe('deaths belong to the attack that caused them', () => {
  it('reads the toll of an attack in its sentence as the attack\'s figure, not a killing event', () => {
    const x = extract('Russian air strikes on Idlib killed 12 people on Tuesday, in Syria.');
    expect(ofType(x, 'killing')).toHaveLength(0);
    expect(ofType(x, 'airstrike')[0]?.killed).toBe(12);
  });

  it('reads "the attack" after a reported attack as that attack', () => {
    const x = extract('Islamic State fighters shelled Deir Hafer in Syria on Tuesday. The attack killed five soldiers.');
    expect(x.events.map((e) => e.type)).toEqual(['shelling']);
    expect(x.events[0]?.killed).toBe(5);
  });

  it('keeps a killing with no attack around it an event of its own', () => {
    const x = extract('Islamic State militants executed 12 prisoners in Raqqa, Syria on Tuesday.');
    const e = ofType(x, 'killing')[0]!;
    expect(e.targets).toHaveLength(0); // "Raqqa, Syria" is where, not who
  });
});

describe('background', () => {
  it('leaves undated the acts that earlier cases were of ("previous cases of their deployment")', () => {
    const text = 'Government forces shelled Douma, near Damascus, on Wednesday. But previous smaller and disputed cases of their deployment have not brought the military intervention that rebels sought.';
    const recalled = ofType(extract(text, '2013-08-21'), 'deployment');
    expect(recalled.map((e) => [e.date, e.background])).toEqual([[undefined, true]]);
    // the act itself, told as news, keeps the publication day
    expect(ofType(extract('The army deployed troops in Syria on Wednesday.', '2013-08-21'), 'deployment')[0]?.date).toBe('2013-08-21');
  });
});

describe('dates of recalled acts', () => {
  const war = 'Government forces shelled Douma on Wednesday. Rebels fought troops in Jobar. ';
  it('dates an act by a date before its noun, even after "since" ("since the March 19 claim of the attack")', () => {
    const x = extract(war + 'It would be the most serious report since the March 19 claim of the rocket attack in Khan al-Assal.', '2013-08-21');
    expect(ofType(x, 'shelling').find((e) => e.sentence === 2)?.date).toBe('2013-03-19');
    // a state's start after "since" still dates nothing
    const y = extract(war + 'Rebels have held Jobar since May 2013 and clashed with troops in Zamalka.', '2013-08-21');
    expect(ofType(y, 'battle').find((e) => e.sentence === 2)?.date).not.toBe('2013-05');
  });
  it('dates an act an "after" clause recalls by the act it hangs on, unless a span of time lies between', () => {
    const war = 'Government forces shelled Aleppo on Tuesday. Rebels fought troops in Homs. ';
    const x = extract(war + 'In late September the army announced an operation in Aleppo after the collapse of a short-lived truce.', '2016-10-12');
    expect(ofType(x, 'agreement').map((e) => [e.date, e.background])).toEqual([['2016-09', true]]);
    const y = extract(war + 'On Thursday the army took Palmyra months after the rebels seized Homs.', '2016-10-12');
    expect(ofType(y, 'capture').filter((e) => e.sentence === 2 && e.trigger === 'seized').map((e) => e.date)).toEqual([undefined]);
  });
  it('reads an act in an "unless" clause as no act done', () => {
    const war = 'Government forces shelled Aleppo on Tuesday. Rebels fought troops in Homs. ';
    const x = extract(war + 'Assad warned the rebels in Aleppo that unless they agreed to a reconciliation deal the fight would go on.', '2016-10-12');
    expect(ofType(x, 'agreement').map((e) => e.modality)).toEqual(['planned']);
  });
  it('takes no publication day for acts set "in the past"', () => {
    const x = extract(war + 'The United States believes the regime used sarin gas in rocket attacks in the past.', '2013-08-21');
    expect(x.events.filter((e) => e.sentence === 2 && e.date)).toEqual([]);
  });
});

describe('one act, several words', () => {
  it('reads the verb of a relative clause on an act noun as that act ("a massacre ... that killed 200")', () => {
    const x = extract('Syrian troops carried out a massacre near Hama on Thursday that activists say killed 200 people.', '2013-08-21');
    expect(ofType(x, 'killing').map((e) => e.trigger)).toEqual(['massacre']);
    // a second act of the same kind in a clause of its own stays an event
    const y = extract('The massacre in the village of Tremseh was carried out by militias, and troops killed 20 people in Homs.', '2013-08-21');
    expect(ofType(y, 'killing')).toHaveLength(2);
  });

  it('reads "that" after a verb of saying as opening a clause, not as pointing back ("reported that air raids hit")', () => {
    const lead = 'Eleven people were killed in rebel shelling of Aleppo on Friday. ';
    expect(ofType(extract(lead + 'The Observatory reported that air raids struck Aleppo.', '2016-10-07'), 'airstrike')).toHaveLength(1);
    // "that attack" still points back
    expect(ofType(extract(lead + 'The Observatory said that attack was the deadliest this year.', '2016-10-07'), 'battle')).toHaveLength(0);
  });

  it('reads "this massacre" as the massacre already reported, however far back, unless set elsewhere', () => {
    const lead = 'Troops massacred 30 villagers in Tremseh on Thursday. Rebels fought troops in Jobar on Friday. The army bombed Zamalka. Talks in Geneva stalled. ';
    expect(ofType(extract(lead + 'The opposition said this massacre in Tremseh could not go unpunished.', '2013-08-21'), 'killing')).toHaveLength(1);
    expect(ofType(extract(lead + 'The opposition said this massacre in Houla could not go unpunished.', '2013-08-21'), 'killing')).toHaveLength(2);
  });
});

describe('places in common words', () => {
  const lead = 'Kurdish fighters captured Tel Hamis on Friday. ';
  const placeOf = (text: string) => {
    const x = extract(lead + text, '2015-02-27');
    const e = ofType(x, 'withdrawal')[0]!;
    return label(x, e.places[0]!);
  };
  it('does not borrow the place last named for an act set "across parts of the region", "in several villages"', () => {
    expect(placeOf('ISIS has been forced into retreat across parts of the strategic region between Syria and Iraq.')).toBe('Syria');
  });
  it('reads an object in common words ("seizing territory") as such a place, "areas around the base" not', () => {
    const x = extract(lead + 'Islamic State has made gains in Syria by seizing territory from rival groups.', '2015-02-27');
    expect(ofType(x, 'capture').map((e) => label(x, e.places[0]!))).toEqual(['Tel Hamis', 'Syria']);
    const y = extract(lead + 'The air force bombed areas around the base on Saturday.', '2015-02-27');
    expect(ofType(y, 'airstrike').map((e) => label(y, e.places[0]!))).toEqual(['Tel Hamis']);
  });
  it('still reads "the area" as the place last named', () => {
    expect(placeOf('Islamic State militants withdrew from the area on Saturday.')).toBe('Tel Hamis');
  });
});

describe('arrivals', () => {
  const war = 'Government forces shelled Douma on Wednesday. Rebels fought troops in Jobar. ';
  it('reads an arrival as a deployment at the place it goes to, by whoever arrives, armed or not', () => {
    const x = extract(war + 'The United Nations inspectors arrived in Damascus on Sunday.', '2013-08-21');
    const e = ofType(x, 'deployment')[0]!;
    expect(label(x, e.places[0]!)).toBe('Damascus');
    expect(e.agents.map((k) => label(x, k))).toEqual(['United Nations']);
    expect(e.date).toBe('2013-08-18');
  });
  it('makes no arrival where the place it goes to is not read, rather than borrow one named before', () => {
    const x = extract(war + 'Britain called for an investigation by U.N. inspectors who arrived in the Syrian capital this week.', '2013-08-21');
    expect(ofType(x, 'deployment')).toEqual([]);
  });
});

describe('statements', () => {
  it('makes an official statement that is the news an event, its speakers the agents', () => {
    const x = extract('Britain and France called on the United Nations to send inspectors on Wednesday. Government forces are accused of the attack.', '2013-08-21');
    const e = ofType(x, 'statement')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['British government', 'French government']);
    expect(e.date).toBe('2013-08-21');
  });

  it('reads no statement from an activist, a relayed voice or a company', () => {
    expect(ofType(extract('Activist Khaled Omar said he saw 80 bodies, the Syrian Observatory for Human Rights said.', '2013-08-21'), 'statement')).toHaveLength(0);
    expect(ofType(extract('Apple said on Tuesday that sales rose.', '2016-10-12'), 'statement')).toHaveLength(0);
  });

  it('needs an office for a person to speak for a body', () => {
    expect(ofType(extract('Observatory director Rami Abdel Rahman said the opposition was focusing its efforts on Tal Jamu, in Syria.', '2014-04-26'), 'statement')).toHaveLength(0);
    const x = extract('Foreign ministry spokeswoman Maria Zakharova said on Tuesday that Moscow was ashamed of Johnson. The row is over the war in Syria.', '2016-10-12');
    expect(ofType(x, 'statement')[0]?.agents.map((k) => label(x, k))).toEqual(['Maria Zakharova']);
  });

  it('reads a state\'s word on an act as a statement beside the act, a monitor\'s as its source', () => {
    const x = extract('Britain said on Wednesday it would raise a reported chemical weapons attack at the U.N. Security Council.', '2013-08-21');
    expect(ofType(x, 'statement')[0]?.agents.map((k) => label(x, k))).toEqual(['British government']);
    const y = extract('The Syrian Observatory for Human Rights said rebels shelled Jableh in Syria on Monday.', '2016-10-12');
    expect(ofType(y, 'statement')).toHaveLength(0);
    expect(ofType(y, 'shelling')).toHaveLength(1);
  });

  it('reads no statement in an article that reports no conflict, however official the speaker', () => {
    expect(ofType(extract('Belgium is to issue an eight-year state loan carrying a coupon of eight pct, a Finance Ministry spokesman said.', '1987-03-05'), 'statement')).toHaveLength(0);
    expect(ofType(extract('The foreign ministry said on Tuesday that the ambassador would meet the president. Trade talks resume next week.', '2016-10-12'), 'statement')).toHaveLength(0);
  });

  it('places a statement where the sentence says it was made, else at the speaker\'s seat', () => {
    const war = ' The row is over the war in Syria.';
    const at = (text: string) => {
      const x = extract(text + war, '2013-08-24');
      const e = ofType(x, 'statement')[0];
      return e ? label(x, e.places[0]!) : undefined;
    };
    expect(at('French Foreign Minister Laurent Fabius said on a visit to Ramallah that France held the regime responsible.')).toBe('Ramallah');
    expect(at('British Foreign Secretary William Hague told reporters in Paris that Britain would raise the matter.')).toBe('Paris');
    // a place the statement talks about is not where it was made
    expect(at('French Foreign Minister Laurent Fabius said that France would ask for a meeting in Geneva.')).toBe('France');
  });

  it('reads an act only asked for as planned, and the call as the news', () => {
    const war = 'Government forces shelled Douma on Wednesday. Rebels fought troops in Jobar. ';
    const x = extract(war + 'Britain called on the United Nations to ensure that relief supplies reach Douma.', '2013-08-21');
    expect(ofType(x, 'aid').map((e) => e.modality)).toEqual(['planned']);
    expect(ofType(x, 'statement').map((e) => e.agents.map((k) => label(x, k)))).toEqual([['British government']]);
    const y = extract(war + 'A UN convoy delivered relief supplies to Douma on Thursday.', '2013-08-21');
    expect(ofType(y, 'aid').map((e) => e.modality)).toEqual(['asserted']);
  });

  it('keeps two speakers of one day two statements', async () => {
    const x = extract('Russia said on Tuesday that the claims were false. The Russian foreign ministry said on Tuesday that Moscow was ashamed of Johnson. The row is over the war in Syria.', '2016-10-12');
    expect(ofType(x, 'statement')).toHaveLength(2);
    const g = await graphFromExtractions([x]);
    expect(g.filterNodes((_k, n) => n.kind === 'event' && n.type === 'statement')).toHaveLength(2);
  });
});

describe('cross-document events', () => {
  it('dates an undated article by the dated event its own news matched, then resolves its weekdays', async () => {
    const { inferPublicationDates } = await import('../../src/resolve/anchor.js');
    const { mergeExtractions } = await import('../../src/resolve/merge.js');
    const dated = extract('Islamic State fighters seized Sukhnah from the Syrian Army on 13 May 2015, in Syria.', '2015-05-14', 'a');
    const undated = extract('Islamic State fighters captured Sukhnah on Wednesday, in Syria. The group had fought there since 2014.', '', 'b');
    const anchors = inferPublicationDates(mergeExtractions([dated, undated]).events);
    expect(anchors.get('b')).toBe('2015-05-13');
    const again = extract('Islamic State fighters captured Sukhnah on Wednesday, in Syria. The group had fought there since 2014.', anchors.get('b')!, 'b');
    expect(ofType(again, 'capture')[0]?.date).toBe('2015-05-13'); // 13 May 2015 was a Wednesday
    // An article that matched nothing dated stays undated.
    expect(inferPublicationDates(mergeExtractions([undated]).events).size).toBe(0);
  });

  it('merges an undated article report into the one known event later than every date it states', async () => {
    const dated = extract('Islamic State fighters seized Sukhnah from the Syrian Army on 13 May 2015, in Syria.', '2015-05-14', 'a');
    const later = extract('Islamic State captured Sukhnah again on 2 June 2017 after clashes with the Syrian Army, in Syria.', '2017-06-03', 'b');
    // Undated: it mentions 2016, so its "on Sunday" news is after 2016; only the 2017 capture fits.
    const undated = extract('Islamic State recaptured Sukhnah on Sunday, in Syria. The army had retaken it in March 2016.', '', 'c');
    const g = await graphFromExtractions([dated, later, undated]);
    const k = g.findNode((_k, n) => n.kind === 'event' && n.type === 'capture' && n.date?.startsWith('2017') === true)!;
    expect(g.getNodeAttribute(k, 'documents')).toEqual(['b', 'c']);
  });

  const eventsOf = async (texts: Array<[string, string]>, type: string) => {
    const g = await graphFromExtractions(texts.map(([text, date], i) => extract(text, date, String.fromCharCode(97 + i))));
    return g.filterNodes((_k, n) => n.kind === 'event' && n.type === type).map((k) => g.getNodeAttributes(k));
  };

  it('joins a report to an event by the event\'s own day, so reports do not chain', async () => {
    const strikes = await eventsOf(
      [
        ['Russian jets struck Aleppo on 10 October 2016, in Syria.', '2016-10-11'],
        ['Russian jets struck Aleppo on 11 October 2016, in Syria.', '2016-10-12'],
        ['Russian jets struck Aleppo on 12 October 2016, in Syria.', '2016-10-13'],
      ],
      'airstrike',
    );
    expect(strikes.map((n) => n.documents)).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps acts of different actors at one place and day apart', async () => {
    const strikes = await eventsOf(
      [
        ['Russian jets struck Aleppo on Monday, in Syria.', '2016-10-12'],
        ['American jets struck Aleppo on Monday, in Syria.', '2016-10-12'],
      ],
      'airstrike',
    );
    expect(strikes).toHaveLength(2);
  });

  it('reads deaths reported apart as the toll of the attack by the same side there that day', async () => {
    const g = await graphFromExtractions([
      extract('Islamic State militants shelled Aleppo on Monday, in Syria.', '2016-10-12', 'a'),
      extract('Islamic State militants killed 12 people in Aleppo on Monday, in Syria.', '2016-10-12', 'b'),
    ]);
    const events = g.filterNodes((_k, n) => n.kind === 'event').map((k) => g.getNodeAttributes(k));
    expect(events.map((n) => [n.type, n.documents, n.killed])).toEqual([['shelling', ['a', 'b'], 12]]);
  });

  it('joins the weapons that name one attack into one event of the most reported kind', async () => {
    const g = await graphFromExtractions([
      extract('Russian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'a'),
      extract('Russian forces fired rockets at Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'b'),
      extract('Russian forces bombed Kharkiv on Tuesday, in Ukraine, a blast shook the centre.', '2023-03-08', 'c'),
    ]);
    const events = g.filterNodes((_k, n) => n.kind === 'event').map((k) => g.getNodeAttributes(k));
    expect(events.map((n) => [n.type, n.documents])).toEqual([['shelling', ['a', 'b', 'c']]]);
  });

  it('keeps a clash apart from a strike at the same place and day', async () => {
    const g = await graphFromExtractions([
      extract('Russian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'a'),
      extract('Russian forces clashed with Ukrainian troops in Kharkiv on Tuesday.', '2023-03-08', 'b'),
    ]);
    const types = g.filterNodes((_k, n) => n.kind === 'event').map((k) => g.getNodeAttributes(k).type).sort();
    expect(types).toEqual(['battle', 'shelling']);
  });

  it('reads "an attack" as the strike other reports name there that day, a lone attack as a battle', async () => {
    const joined = await graphFromExtractions([
      extract('Russian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'a'),
      extract('Russian forces attacked Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'b'),
    ]);
    const events = joined.filterNodes((_k, n) => n.kind === 'event').map((k) => joined.getNodeAttributes(k));
    expect(events.map((n) => [n.type, n.documents])).toEqual([['shelling', ['a', 'b']]]);
    const lone = extract('Russian forces attacked Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'c');
    expect(lone.events.map((e) => [e.type, e.generic])).toEqual([['battle', true]]);
  });

  it('reads a chemical or gas attack as remote violence with a chemical weapon', () => {
    const x = extract('Government forces carried out a gas attack on Douma on Saturday, in Syria.', '2018-04-08');
    expect(x.events.map((e) => [e.type, e.acledSubEventType, e.generic])).toEqual([['explosion', 'Chemical weapon', undefined]]);
  });

  it('counts deaths that name no killer as the toll of the one attack there that day, not of two', async () => {
    const one = await graphFromExtractions([
      extract('Russian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'a'),
      extract('Nine people were killed in Kharkiv on Tuesday in what residents called a massacre.', '2023-03-08', 'b'),
    ]);
    const events = one.filterNodes((_k, n) => n.kind === 'event').map((k) => one.getNodeAttributes(k));
    expect(events.map((n) => [n.type, n.documents, n.killed])).toEqual([['shelling', ['a', 'b'], 9]]);
    const two = await graphFromExtractions([
      extract('Russian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'a'),
      extract('Ukrainian forces shelled Kharkiv on Tuesday, in Ukraine.', '2023-03-08', 'b'),
      extract('Nine people were killed in Kharkiv on Tuesday in what residents called a massacre.', '2023-03-08', 'c'),
    ]);
    const types = two.filterNodes((_k, n) => n.kind === 'event').map((k) => two.getNodeAttributes(k).type).sort();
    expect(types).toEqual(['killing', 'shelling', 'shelling']);
  });

  it('merges the same capture reported by several articles, keeps different years apart', async () => {
    const a = extract('Islamic State fighters seized Sukhnah from the Syrian Army on 13 May 2015, in Syria.', '2015-05-14', 'a');
    const b = extract('Islamic State captured Sukhnah on Wednesday after heavy clashes with the Syrian Army, in Syria.', '2015-05-15', 'b');
    const c = extract('The Syrian Army retook Sukhnah from Islamic State on 12 August 2017, in Syria.', '2017-08-13', 'c');
    const g = await graphFromExtractions([a, b, c]);
    const captures = g.filterNodes((_k, n) => n.kind === 'event' && n.type === 'capture' && n.label.includes('Sukhnah'));
    expect(captures).toHaveLength(2);
    const first = captures.map((k) => g.getNodeAttributes(k)).find((n) => n.date?.startsWith('2015'))!;
    expect(first.documents).toEqual(['a', 'b']);
    expect(first.label).toMatch(/^Islamic State captures Sukhnah from Syrian Arab Army, 2015-05-13/);
  });
});

describe('alliances and hostilities the clause states', () => {
  const bonds = (x: DocExtraction, relation: 'ally' | 'enemy') =>
    x.events.flatMap((e) => e.bonds ?? []).filter((b) => b.relation === relation).map((b) => [label(x, b.a), label(x, b.b)].sort().join(' + '));

  it('reads a joint operation and "backed by" as allies', () => {
    const joint = extract('Hezbollah and the Syrian Army captured Qusair from rebels in Syria on Wednesday.');
    expect(bonds(joint, 'ally')).toEqual([expect.stringMatching(/Hezbollah \+ Syrian Arab Army|Syrian Arab Army \+ Hezbollah/)]);
    const backed = extract('The Syrian Democratic Forces, backed by the US-led coalition, seized Tabqa in Syria on Monday.');
    expect(bonds(backed, 'ally').join()).toMatch(/Syrian Democratic Forces/);
  });

  it('reads the sides of a capture, an attack and a clash as enemies', () => {
    const capture = extract('Islamic State seized Palmyra from the Syrian Army in Syria on Wednesday.');
    expect(bonds(capture, 'enemy').join()).toMatch(/Islamic State/);
    expect(bonds(capture, 'enemy').join()).toMatch(/Syrian Arab Army/);
    const clash = extract('Fierce clashes between the Syrian Democratic Forces and Islamic State erupted in Raqqa, in Syria, on Sunday.');
    expect(bonds(clash, 'enemy')).toHaveLength(1);
    expect(bonds(clash, 'ally')).toEqual([]);
  });

  it('states nothing between actors that only share a sentence, a plan, a denial or a voice', () => {
    // "A and B clashed": the two may be the two sides
    expect(bonds(extract('The Syrian Army and Islamic State clashed in Palmyra, in Syria, on Sunday.'), 'ally')).toEqual([]);
    // a plan is no act yet
    expect(bonds(extract('Hezbollah and the Syrian Army plan to recapture Palmyra from Islamic State in Syria.'), 'enemy')).toEqual([]);
    // a denial states no attack
    expect(bonds(extract('Turkey denied that its army shelled Kurdish YPG fighters in Afrin, Syria, on Saturday.'), 'enemy')).toEqual([]);
    // the monitor that reports is no side
    const relayed = extract('Islamic State seized Palmyra from the Syrian Army on Wednesday, the Syrian Observatory for Human Rights said.');
    expect(bonds(relayed, 'enemy').join()).not.toMatch(/Observatory/);
    // friendly fire is no hostility
    expect(bonds(extract('A US-led coalition air strike mistakenly killed 18 fighters of the Syrian Democratic Forces near Tabqa, Syria, on Tuesday.'), 'enemy')).toEqual([]);
    // speakers of one statement are no military alliance
    expect(bonds(extract('France and Britain called for an inquiry into the attack in Syria on Thursday.'), 'ally')).toEqual([]);
  });

  it('reads the side an act supports as its ally, not its target', () => {
    const x = extract('Russian warplanes launched air strikes to bolster the Syrian Army near Palmyra, Syria, on Friday.');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.targets.map((k) => label(x, k))).not.toContain('Syrian Arab Army');
    expect(bonds(x, 'enemy')).toEqual([]);
    // the object of the strike stays its target
    const y = extract('Russian warplanes launched air strikes against Islamic State near Palmyra, Syria, on Friday.');
    expect(ofType(y, 'airstrike')[0]!.targets.map((k) => label(y, k))).toContain('Islamic State');
  });

  it('reads the subject of a relative clause through an apposition', () => {
    const x = extract('The coalition backs the Syrian Democratic Forces, an Arab-Kurdish militia alliance which on Friday took full control of Manbij in Syria.');
    expect(ofType(x, 'capture')[0]!.agents.map((k) => label(x, k))).toEqual(['Syrian Democratic Forces']);
    // the relative clause of a place is no act of the name before it
    const y = extract('Hezbollah shelled Qusair, the town which on Friday was captured by Syrian rebels, in Syria.');
    expect(ofType(y, 'capture')[0]?.agents.map((k) => label(y, k)) ?? []).not.toContain('Hezbollah');
  });

  it('reads the names joined to the agent after "by" as agents, not targets', () => {
    const x = extract('Palmyra was recaptured by the Syrian Army and Hezbollah from Islamic State in Syria on Sunday.');
    const e = ofType(x, 'capture')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army', 'Hezbollah']);
    expect(e.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    expect(bonds(x, 'ally')).toHaveLength(1);
    // a name after the target is not joined to the agent
    const y = extract('Palmyra was recaptured by the Syrian Army from Islamic State and al-Nusra Front in Syria on Sunday.');
    expect(ofType(y, 'capture')[0]!.agents.map((k) => label(y, k))).toEqual(['Syrian Arab Army']);
  });

  it('reads a country joined to a place of the clause as a place, not a target', () => {
    const x = extract('The US-led coalition is battling Islamic State in Syria and Iraq with air strikes.');
    expect(ofType(x, 'battle')[0]!.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    // a country that is no place of the clause can still be hit
    const y = extract('Islamic State attacked Iraq and Syria on Sunday.');
    expect(y.events.flatMap((e) => e.targets).length).toBeGreaterThan(0);
  });
});

describe('voices, doers and aims read from the clause', () => {
  it('reads a name after "said" as a voice only where it ends the clause', () => {
    const inverted = extract('Rebels shelled Jableh in Syria on Monday, said the Syrian Observatory for Human Rights.');
    expect(ofType(inverted, 'shelling')[0]!.sources.map((k) => label(inverted, k))).toContain('Syrian Observatory for Human Rights');
    // "said X had ...": X is what the voice reports on, the subject of the act
    const reported = extract('A monitor said Hezbollah had shelled Qusair in Syria on Monday.');
    const e = ofType(reported, 'shelling')[0]!;
    expect(e.sources.map((k) => label(reported, k))).not.toContain('Hezbollah');
    expect(e.agents.map((k) => label(reported, k))).toContain('Hezbollah');
  });

  it('reads the name an act noun runs out of as its doer', () => {
    const x = extract('The minister said British aircraft could help stop Russian bombing raids over Aleppo in Syria.');
    expect(ofType(x, 'airstrike')[0]!.agents.map((k) => label(x, k)).join()).toMatch(/Russian/);
    // a country after "in" is where, not who
    const y = extract('Rebels said air strikes in Syria killed 12 people on Sunday.');
    expect(ofType(y, 'airstrike')[0]?.agents.map((k) => label(y, k)).join() ?? '').not.toMatch(/Syria/);
  });

  it('reads the one accused of an act as its doer, not the accuser', () => {
    const x = extract('Ukraine accused Russian forces of shelling a hospital in Kharkiv on Tuesday.', '2023-03-08');
    expect(ofType(x, 'shelling')[0]!.agents.map((k) => label(x, k))).toEqual(['Russian Armed Forces']);
    const y = extract('Kyiv blamed Russian troops for bombing the theatre in Mariupol on Tuesday.', '2023-03-08');
    expect(y.events.filter((e) => e.type !== 'statement')[0]!.agents.map((k) => label(y, k))).toEqual(['Russian Armed Forces']);
    // no accusation: the subject acts ("a record of shelling" is no charge)
    const z = extract('Ukrainian troops spoke of Russian forces shelling Kharkiv on Tuesday.', '2023-03-08');
    expect(ofType(z, 'shelling')[0]?.agents.map((k) => label(z, k)) ?? []).not.toContain('Ukrainian Armed Forces');
  });

  it('reads "from X" right after a strike noun as its doer, not its target', () => {
    const x = extract('Air strikes from the US-led coalition hit Raqqa in Syria on Sunday.', '2017-06-18');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['US-led coalition']);
    expect(e.targets).toEqual([]);
    // a capture's "from" still names the loser
    const y = extract('The Syrian Democratic Forces captured Tabqa from Islamic State in Syria on Sunday.', '2017-06-18');
    expect(ofType(y, 'capture')[0]!.targets.map((k) => label(y, k))).toEqual(['Islamic State']);
  });

  it('reads a country whose name ends like a demonym as a voice when it speaks', () => {
    // "Pakistan", "Sudan", "Azerbaijan" end as "Afghan" does; the country's own name is no demonym
    const x = extract('Pakistan said Indian forces shelled the town of Kotli on Sunday.', '2019-03-04');
    expect(ofType(x, 'shelling')[0]!.agents.map((k) => label(x, k))).toEqual(['Indian Armed Forces']);
    expect(ofType(x, 'shelling')[0]!.sources.map((k) => label(x, k))).toContain('Pakistani government');
  });

  it('reads the subject of a verb of saying before an act noun as its voice, not its doer', () => {
    const x = extract('The Free Syrian Army condemned the massacre in Homs on Tuesday.', '2023-03-08');
    expect(ofType(x, 'killing')[0]!.agents).toEqual([]);
    const y = extract('The Syrian government denied reports of the chemical attack on Douma on Saturday.', '2023-03-08');
    expect(ofType(y, 'explosion')[0]!.agents).toEqual([]);
    // the speaker telling of its own act is its doer
    const z = extract('The Free Syrian Army said it carried out a rocket attack on Homs on Tuesday.', '2023-03-08');
    expect(ofType(z, 'shelling')[0]!.agents.map((k) => label(z, k))).toEqual(['Free Syrian Army']);
    // ...also with a time or a channel between the verb and the pronoun
    const w = extract('The Free Syrian Army said on Saturday it had captured Tal Rifaat, in Syria.', '2023-03-08');
    expect(ofType(w, 'capture')[0]!.agents.map((k) => label(w, k))).toEqual(['Free Syrian Army']);
    const v = extract('The Free Syrian Army said in a statement that it had captured Tal Rifaat, in Syria.', '2023-03-08');
    expect(ofType(v, 'capture')[0]!.agents.map((k) => label(v, k))).toEqual(['Free Syrian Army']);
    // two demonyms sharing one head are two doers ("Russian and Syrian troops")
    const two = extract('Russian and Syrian troops captured Palmyra, in Syria, on Tuesday.', '2023-03-08');
    expect(ofType(two, 'capture')[0]!.agents.map((k) => label(two, k))).toEqual(['Russian Armed Forces', 'Syrian Arab Army']);
    // ...or of its troops' ("said its troops killed", "said its warplanes struck")
    const t = extract('The Israeli military said its troops killed five gunmen in Jenin on Monday.', '2023-03-08');
    expect(ofType(t, 'killing')[0]!.agents.map((k) => label(t, k))).toEqual(['Israel Defense Forces']);
    // (not of what another's forces did)
    const o = extract('The Israeli military said Hamas fighters killed five soldiers in Jenin on Monday.', '2023-03-08');
    expect(ofType(o, 'killing')[0]?.agents.map((k) => label(o, k)) ?? []).not.toContain('Israel Defense Forces');
    // what the speaker thinks of another's act is no act of its own
    const u = extract('Turkey said on Saturday it believed the government had shelled Tal Rifaat, in Syria.', '2023-03-08');
    expect(ofType(u, 'shelling')[0]?.agents.map((k) => label(u, k)) ?? []).not.toContain('Turkish Armed Forces');
  });

  it('reads "to" before an act noun as a preposition, not an aim', () => {
    const x = extract('Four people were killed due to rocket attacks by rebels on Aleppo, in Syria, on Sunday.');
    expect(ofType(x, 'shelling')[0]?.modality).toBe('asserted');
    // before a verb it is an aim
    expect(ofType(extract('Rebels plan to bombard Aleppo in Syria.'), 'shelling')[0]?.modality).toBe('planned');
  });

  it('reads a single rocket or shell fired as shelling', () => {
    const x = extract('Three people were injured when rebels fired a rocket shell on a street in Aleppo, Syria, on Sunday.');
    expect(ofType(x, 'shelling')).toHaveLength(1);
  });

  it('reads an office-holder speaking in a conflict article as a statement, whatever the words', () => {
    const war = 'Syrian army shelled Jobar in Damascus on Wednesday. ';
    const x = extract(war + 'U.S. Senator John McCain said on Twitter that failure to act had encouraged the regime.');
    expect(ofType(x, 'statement').map((e) => x.refs[e.agents[0]!]?.label).join()).toMatch(/McCain/);
    // a person named without an office reports
    const y = extract(war + 'John McCain said on Twitter that failure to act had encouraged the regime.');
    expect(ofType(y, 'statement').map((e) => y.refs[e.agents[0]!]?.label).join()).not.toMatch(/McCain/);
  });

  it('reads a known international body speaking in a conflict article as a statement', () => {
    const war = 'Syrian army shelled Jobar in Damascus on Wednesday. ';
    const x = extract(war + 'The U.N. Security Council said on Wednesday that it was seeking clarity on the reports.');
    expect(ofType(x, 'statement').map((e) => label(x, e.agents[0]!))).toContain('UN Security Council');
    // a body the lexicon does not know needs political words to make news
    const y = extract(war + 'The Riverside Walking Club said on Wednesday that it was seeking clarity on the reports.');
    expect(ofType(y, 'statement')).toEqual([]);
  });
});

describe('the side that loses a place or is hit', () => {
  it('reads the holder of a captured place as the losing side', () => {
    const x = extract('Kurdish YPG fighters captured the IS-held town of Tel Hamis in Syria on Friday.');
    expect(ofType(x, 'capture')[0]!.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    const y = extract('The Syrian Army recaptured Palmyra, which had been held by Islamic State since May, in Syria on Sunday.');
    expect(ofType(y, 'capture')[0]!.targets.map((k) => label(y, k))).toEqual(['Islamic State']);
    // a name joined by a hyphen to another word is no holder
    const z = extract('Kurdish YPG fighters captured the town of Tel Hamis from the US-backed rebels in Syria on Friday.');
    expect(ofType(z, 'capture')[0]!.targets.map((k) => label(z, k))).not.toContain('United States Armed Forces');
  });

  it('reads a force named by a common noun after the target word as the target', () => {
    const x = extract('The Syrian Army has captured several villages north of Aleppo from insurgents, in Syria.');
    expect(ofType(x, 'capture')[0]!.targets.map((k) => label(x, k))).toEqual(['Rebels (Syria)']);
    // in another clause it is not the object of the act
    const y = extract('The Syrian Army captured several villages north of Aleppo on Sunday, after insurgents withdrew, in Syria.');
    expect(ofType(y, 'capture')[0]!.targets).toEqual([]);
  });

  it('reads a definite "the group" before an act as the armed group named last', () => {
    const x = extract('The Syrian army shelled Raqqa in Syria on Saturday. Islamic State has lost ground. Elsewhere the group withdrew its fighters from Homs on Sunday.', '2014-08-24');
    expect(ofType(x, 'withdrawal')[0]!.agents.map((k) => label(x, k))).toEqual(['Islamic State']);
    // a capitalized word before "group" makes a name, not an anaphor
    const y = extract('The Syrian army shelled Raqqa in Syria on Saturday. Islamic State has lost ground. The Stop the War group shelled Homs on Sunday.', '2014-08-24');
    expect(ofType(y, 'shelling').map((e) => e.agents.map((k) => label(y, k)).join())).not.toContain('Islamic State');
  });

  it('does not lend the last agent to an act its subject comes under', () => {
    const x = extract('Islamic State withdrew from Homs in Syria on Sunday. Its fighters retreated east after coming under attack near Homs.', '2014-08-24');
    for (const e of ofType(x, 'battle')) expect(e.agents.map((k) => label(x, k))).not.toContain('Islamic State');
    // without "under" the last agent still acts
    const y = extract('Islamic State withdrew from Homs in Syria on Sunday. The attack on Homs came on Monday.', '2014-08-24');
    expect(ofType(y, 'battle').length + ofType(y, 'withdrawal').length).toBeGreaterThan(0);
  });

  it('reads the side that withdrew in the "after" clause of a capture as the losing side', () => {
    const x = extract('Kurdish YPG fighters took full control of the town of Tel Hamis in Syria on Friday after Islamic State retreated.', '2015-02-28');
    expect(ofType(x, 'capture')[0]!.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    // a side that did something else after is no loser
    const y = extract('Kurdish YPG fighters took full control of the town of Tel Hamis in Syria on Friday after Islamic State shelled Hasakeh.', '2015-02-28');
    expect(ofType(y, 'capture')[0]!.targets).toEqual([]);
    // nor one that withdrew somewhere before the capture was told
    const z = extract('After Islamic State retreated from Hasakeh, Kurdish YPG fighters took full control of Tel Hamis in Syria on Friday.', '2015-02-28');
    expect(ofType(z, 'capture')[0]!.targets).toEqual([]);
  });

  it('reads the side a common word before "-held" names as the target of a capture or a fight', () => {
    const x = extract('Jihadist fighters seized the last road into regime-held districts of Hama in Syria on Monday.', '2016-08-14');
    expect(ofType(x, 'capture')[0]!.targets.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    const y = extract('Government troops began an assault on insurgent-held villages near Hama in Syria on Monday.', '2016-08-14');
    expect(ofType(y, 'battle')[0]!.targets.map((k) => label(y, k))).toEqual(['Rebels (Syria)']);
    // bombs on a held district hit whoever lives there: no target for a strike
    const z = extract('Warplanes bombed rebel-held districts of Hama in Syria on Monday.', '2016-08-14');
    expect(ofType(z, 'airstrike')[0]!.targets).toEqual([]);
    // past another verb the district is not the act's ground (a text without commas)
    const w = extract('After a long siege the army took Kafr Nabuda in Syria on Monday cutting off militant-held hills.', '2016-08-14');
    for (const e of w.events) expect(e.targets.map((k) => label(w, k))).not.toContain('Militants (Syria)');
    // the holder's side acting is not its own target
    const v = extract('Rebels attacked army posts near rebel-held Hama in Syria on Monday.', '2016-08-14');
    for (const e of v.events) expect(e.targets.map((k) => label(v, k))).not.toContain('Rebels (Syria)');
  });
});

describe('background marked, not dropped', () => {
  it('marks history the article recalls and keeps its own date', () => {
    const x = extract('Rebels shelled Aleppo in Syria on Sunday. In 1982 the Syrian Army shelled Hama for weeks.', '2013-08-22');
    const old = x.events.find((e) => e.date === '1982');
    expect(old?.background).toBe(true);
    // the news of the day is not background
    expect(ofType(x, 'shelling')[0]!.background).toBeUndefined();
    // nor is last week's act
    const y = extract('Rebels shelled Aleppo in Syria on August 14.', '2013-08-22');
    expect(ofType(y, 'shelling')[0]!.background).toBeUndefined();
  });

  it('marks an act a subordinate clause recalls', () => {
    const x = extract('On Thursday Islamic State began an offensive on Palmyra in Syria, months after the army captured the city.', '2016-12-09');
    expect(ofType(x, 'capture')[0]?.background).toBe(true);
    expect(ofType(x, 'battle')[0]?.background).toBeUndefined();
  });

  it('keeps an event news when any article reports it as news', async () => {
    const a = extract('Islamic State captured Palmyra in Syria on May 20, 2015.', '2015-05-21', 'a');
    const b = extract('Islamic State captured Palmyra in Syria on May 20, 2015.', '2016-03-01', 'b');
    expect(ofType(b, 'capture')[0]!.background).toBe(true);
    const g = await graphFromExtractions([a, b]);
    const node = g.findNode((_k, n) => n.kind === 'event' && n.type === 'capture')!;
    expect(g.getNodeAttribute(node, 'background')).toBeUndefined();
    const old = await graphFromExtractions([b]);
    expect(old.getNodeAttribute(old.findNode((_k, n) => n.kind === 'event' && n.type === 'capture')!, 'background')).toBe(true);
  });
});

describe('casualty figures on their attack', () => {
  it('a strike whose toll counts only wounded killed no one', () => {
    const x = extract('Three people were injured when militants fired a rocket shell on the Sulaymaniyah neighbourhood of Aleppo on Friday.', '2016-10-08');
    const e = ofType(x, 'shelling')[0]!;
    expect(e.wounded).toBe(3);
    expect(e.killed).toBe(0);
  });

  it('a strike with deaths keeps them, and one with no toll has none', () => {
    const killed = extract('Two civilians were killed and five injured when militants fired rocket shells on Aleppo on Friday.', '2016-10-08');
    expect(ofType(killed, 'shelling')[0]?.killed).toBe(2);
    const none = extract('Militants fired rocket shells on Aleppo on Friday.', '2016-10-08');
    expect(ofType(none, 'shelling')[0]?.killed).toBeUndefined();
  });
});

describe('roles from the clause', () => {
  const labels = (x: DocExtraction, keys: string[]) => keys.map((k) => label(x, k));

  it('the side a word before an act noun names, also in quotes or inside the act noun ("rebel fire")', () => {
    const fire = extract('Four people were killed during rebel fire in government-held west Aleppo on Tuesday.', '2016-10-12');
    const e = ofType(fire, 'shelling')[0]!;
    expect(labels(fire, e.agents)).toEqual(['Rebels (Syria)']);
    expect(e.killed).toBe(4);
    const quoted = extract('Five people were killed in "terrorist" rocket attacks in Aleppo on Tuesday.', '2016-10-12');
    expect(labels(quoted, ofType(quoted, 'shelling')[0]!.agents)).toEqual(['Militants (Syria)']);
    // three words back: "a terrorist explosive device blast"
    const blast = extract('A civilian was killed on Friday in a terrorist explosive device blast in al-Lojat area of Sweida.', '2016-10-08');
    expect(labels(blast, ofType(blast, 'explosion')[0]!.agents)).toEqual(['Militants (Syria)']);
    // a weapon word is no side
    const rockets = extract('Five people were killed in rocket fire in Aleppo on Tuesday.', '2016-10-12');
    expect(ofType(rockets, 'shelling')[0]?.agents ?? []).toEqual([]);
  });

  it('a possessive without its apostrophe and a name of whose branch are no subject', () => {
    const x = extract('Rebel forces including fighters from Al-Qaedas Syria affiliate Al-Nusra Front seized the Tal al-Jabiyeh hill in Daraa on Thursday.', '2014-04-26');
    expect(labels(x, ofType(x, 'capture')[0]!.agents)).toEqual(['al-Nusra Front']);
    const offshoot = extract('Fighting raged near Homs on Thursday between the al Qaeda offshoot and government forces.', '2014-07-19');
    const names = ofType(offshoot, 'battle').flatMap((e) => [...labels(offshoot, e.agents), ...labels(offshoot, e.targets)]);
    expect(names).not.toContain('al-Qaeda');
    // a country's own state body still acts: "Syrias army shelled"
    const state = extract('Syrias army shelled rebel positions in Aleppo on Thursday.', '2014-07-19');
    expect(labels(state, ofType(state, 'shelling')[0]!.agents)).toEqual(['Syrian Arab Army']);
  });

  it('a pronoun subject of a subordinate clause is the sentence subject', () => {
    const x = extract('Islamic State killed 270 soldiers when they captured a gas field near Homs on Thursday.', '2014-07-19');
    const e = ofType(x, 'capture')[0]!;
    expect(labels(x, e.agents)).toEqual(['Islamic State']);
    expect(e.killed).toBe(270);
    // a clause with a subject of its own keeps it
    const other = extract('Islamic State killed 270 soldiers on Wednesday after Kurdish forces captured a gas field near Homs.', '2014-07-19');
    expect(ofType(other, 'capture')).toHaveLength(1);
    expect(labels(other, ofType(other, 'capture')[0]!.agents)).not.toContain('Islamic State');
  });

  it('the victims an attack toll names are its target, never its agent', () => {
    const x = extract('At least 85 Syrian army troops were killed as Islamic State fighters advanced on a regime position in Raqqa on Friday.', '2014-07-26');
    const e = ofType(x, 'battle')[0]!;
    expect(labels(x, e.agents)).toEqual(['Islamic State']);
    expect(labels(x, e.targets)).toEqual(['Syrian Arab Army']);
    const own = extract('At least 40 Islamic State fighters were killed as Islamic State advanced on Raqqa on Friday.', '2014-07-26');
    expect(ofType(own, 'battle')[0]!.targets).toEqual([]);
  });

  it('"rebels fighting to overthrow" describes a side; "the army is fighting to retake" is an act', () => {
    const side = extract('The government denied the claims, saying rebels fighting to overthrow President Bashar al-Assad in Damascus had used such weapons.', '2013-08-21');
    expect(ofType(side, 'battle')).toEqual([]);
    const act = extract('The army is fighting to retake Palmyra from Islamic State.', '2016-08-14');
    expect(labels(act, ofType(act, 'battle')[0]!.agents)).toEqual(['Syrian Arab Army']);
  });
});

describe('statements and the acts they talk about', () => {
  it('an act named as what is talked about ("access to the site of the attack") is no report; what is said is the news', () => {
    const x = extract('France said on Wednesday that inspectors already in Syria should be given access to the site of the chemical weapons attack.', '2013-08-21');
    expect(x.events.filter((e) => e.type !== 'statement')).toEqual([]);
    const st = ofType(x, 'statement')[0]!;
    expect(label(x, st.agents[0]!)).toBe('French government');
    // an attack reported as such stays an event
    const act = extract('A chemical weapons attack killed 30 people in Khan al-Assal near Aleppo on Tuesday.', '2013-08-21');
    expect(ofType(act, 'explosion')[0]?.killed).toBe(30);
  });

  it('an office-holder speaks from the country the title names, a person alone from nowhere in particular', () => {
    const x = extract('The war in Syria goes on. Syrian Information Minister Omran Zoabi said on Wednesday the allegations were illogical and fabricated.', '2013-08-21');
    const st = ofType(x, 'statement')[0]!;
    expect(label(x, st.agents[0]!)).toBe('Omran Zoabi');
    expect(label(x, st.places[0]!)).toBe('Syria');
  });

  it('"with the aid of" joins an ally, never a target', () => {
    const x = extract('Government forces pushed to recapture Aleppo from the rebels with the aid of Russian airstrikes on Tuesday.', '2016-10-12');
    for (const e of x.events) expect(e.targets.map((k) => label(x, k))).not.toContain('Russian Aerospace Forces');
  });
});

describe('the adversary an article names', () => {
  const labels = (x: DocExtraction, keys: string[]) => keys.map((k) => label(x, k));

  it('a capture with no named loser loses to the one adversary the article gives its agent', () => {
    const x = extract('The Syrian army seized the village of Sifat from the rebels north of Aleppo on Monday. The army also captured the village of Bashkuwi on Monday.', '2015-02-17');
    const [, second] = ofType(x, 'capture');
    expect(labels(x, second!.targets)).toEqual(['Rebels (Syria)']);
  });

  it('no adversary when the article gives the agent two, nor for strikes', () => {
    const two = extract('The Syrian army seized the village of Sifat from the rebels north of Aleppo on Monday. Islamic State shelled army posts near Aleppo. The army also captured the village of Bashkuwi on Monday.', '2015-02-17');
    expect(ofType(two, 'capture')[1]!.targets).toEqual([]);
    const strikes = extract('The Syrian army seized the village of Sifat from the rebels north of Aleppo on Monday. The army shelled Bashkuwi on Monday.', '2015-02-17');
    expect(ofType(strikes, 'shelling')[0]!.targets).toEqual([]);
  });
});

describe('types from the act and its doer', () => {
  it('an attack whose every doer is an air force is an air strike', () => {
    const x = extract('The air force conducted strikes against gatherings of ISIL north of al-Buseiri village in Homs province on Sunday.', '2016-04-03');
    expect(ofType(x, 'airstrike')).toHaveLength(1);
    expect(ofType(x, 'battle')).toEqual([]);
    // ground forces' strikes keep their type
    const ground = extract('Army units shelled gatherings of ISIL north of al-Buseiri village in Homs province on Sunday.', '2016-04-03');
    expect(ofType(ground, 'shelling')).toHaveLength(1);
  });

  it('a demonym right before an act noun names its state\'s forces: "a Russian air strike"', () => {
    const strike = ofType(extract('A Russian air strike on a market in Idlib killed 12 people on Monday.', '2016-04-03'), 'airstrike')[0]!;
    expect(strike.agents).toEqual(['actor:russian-aerospace-forces']);
    const missile = extract('An Israeli missile strike hit a house in Gaza on Friday.', '2016-04-03');
    expect(missile.events[0]?.agents.length).toBe(1);
    // a demonym further off names no doer
    const far = extract('The Syrian Observatory said an air strike on a market in Idlib killed 12 people on Monday.', '2016-04-03');
    expect(ofType(far, 'airstrike')[0]?.agents).toEqual([]);
  });

  it('a killing or a fight by air forces alone is an air strike; with ground forces it stays as reported', () => {
    const killing = extract('Syrian warplanes killed 12 people in the town of Kafr Nabl in Idlib province on Sunday.', '2016-04-03');
    expect(ofType(killing, 'killing')).toEqual([]);
    expect(ofType(killing, 'airstrike')[0]?.killed).toBe(12);
    const joint = extract('Syrian warplanes and army units attacked rebel positions in the town of Kafr Nabl in Idlib province on Sunday.', '2016-04-03');
    expect(ofType(joint, 'airstrike')).toEqual([]);
  });

  it('a participle with its agent after "by" is passive: "Ramussa seized by rebels" is a capture by the rebels', () => {
    const x = extract('Strikes hit the southern district of Ramussa seized by rebels in Aleppo earlier this month.', '2016-08-14');
    const e = ofType(x, 'capture')[0]!;
    expect(label(x, e.agents[0]!)).toBe('Rebels (Syria)');
    // people seized are captives
    expect(ofType(extract('Rebels seized 20 soldiers near Aleppo on Friday.', '2016-08-06'), 'arrest')).toHaveLength(1);
  });

  it('a stoning to death is a killing with its toll', () => {
    const x = extract('In Raqqa two women were stoned to death for adultery, the Observatory said.', '2014-07-19');
    expect(ofType(x, 'killing')[0]?.killed).toBe(2);
  });
});

describe('statements from more verbs of saying', () => {
  it('"by saying": the speaker is the clause subject, not the nearest name', () => {
    const x = extract('Russia backed up Syrian government denials by saying it looked like a rebel provocation to discredit Assad in the war.', '2013-08-21');
    const st = ofType(x, 'statement')[0]!;
    expect(label(x, st.agents[0]!)).toBe('Russian government');
  });

  it('"told reporters" and "added" are verbs of saying; "told" alone is not', () => {
    const told = extract('Defense Minister Moshe Yaalon told reporters that the army would keep fighting the rebels in the war.', '2013-08-21');
    expect(ofType(told, 'statement').map((e) => label(told, e.agents[0]!))).toEqual(['Moshe Yaalon']);
    const added = extract('National Coalition leader Ahmed al-Jarba added that the Security Council must meet over the army offensive in the war.', '2013-08-21');
    expect(ofType(added, 'statement').map((e) => label(added, e.agents[0]!))).toEqual(['Ahmed al-Jarba']);
    const plain = extract('Defense Minister Moshe Yaalon told his story to a biographer in the war museum.', '2013-08-21');
    expect(ofType(plain, 'statement')).toEqual([]);
  });
});

describe('the document sets the context of its sentences', () => {
  it('reads deaths stated with no word of war as an event of an article about war', () => {
    const war = extract('Government troops pushed into rebel districts of Aleppo. Warplanes pounded the rebel-held east. Twenty-nine people were killed in Aleppo on Monday.', '2016-10-12');
    expect(war.events.some((e) => e.sentence === 2 && e.killed === 29)).toBe(true);
    const peace = extract('Stocks fell in London on Monday. Two people were killed in Leeds on Monday.', '2016-10-12');
    expect(peace.events).toEqual([]);
  });
});

describe('who speaks', () => {
  const war = 'Government troops shelled rebel districts of Aleppo on Monday. ';
  const speakers = (text: string) => {
    const x = extract(war + text, '2016-10-12');
    return ofType(x, 'statement').map((e) => e.agents.map((k) => label(x, k)).join('+'));
  };

  it('reads no named speaker for a pronoun before the verb of saying', () => {
    expect(speakers('The militants lost at least 28 fighters in Homs he said.')).toEqual([]);
    expect(speakers('They said the Islamic State gave up the territory to the Nusra Front.')).toEqual([]);
    expect(speakers('Activists say the Syrian air force has stepped up its raids on Raqqa.')).toEqual([]);
  });

  it('takes the head of the opening names, not a name modifying a later word of the subject', () => {
    expect(speakers('U.S. Senator John McCain a Republican critic of the Syria policy said the red line had been crossed.')).toEqual(['John McCain']);
    expect(speakers('Russia on Tuesday said the rebels had staged a provocation.')).toEqual(['Russian government']);
    // a name whose verb is "was quoted as saying" is still the nearest speaker
    expect(speakers('The minister told Vladimir Putin the operation was over, Kremlin spokesman Dmitry Peskov was quoted as saying.')).toEqual(['Dmitry Peskov']);
  });

  it('reads the speaker after the verb only for a verb of saying itself', () => {
    expect(speakers('The army lost two positions near the airport, said the Syrian government.')).toEqual(['Syrian government']);
    expect(speakers('The opposition accused the Syrian government of gassing hundreds of people.')).toEqual([]);
  });

  it('reads no speaker after the verb when a name ends right before it', () => {
    expect(speakers('On Friday the UN Commission of Inquiry on Syria said IS fighters accused of atrocities would be listed.')).toEqual(['UN Commission of Inquiry']);
  });

  it('reads the office a person\'s own mention holds, a statement "by" its speaker and one quoted "as saying"', () => {
    expect(speakers('On Thursday Syrian President Bashar al-Assad issued an ultimatum to the rebels of East Aleppo.')).toEqual(['Bashar al-Assad']);
    expect(speakers('The appeal followed an earlier statement on Thursday by UN envoy Staffan de Mistura to the fighters in East Aleppo.')).toEqual(['Staffan de Mistura']);
    expect(speakers('The channel quoted Defense Minister Moshe Yaalon as telling reporters that Syria had used chemical weapons.')).toEqual(['Moshe Yaalon']);
  });

  it('keeps an office-holder\'s word beside the act it tells of', () => {
    expect(speakers('French President Francois Hollande said Syrian forces had committed a war crime in Aleppo with the support of Russian air strikes.')).toEqual(['François Hollande']);
  });
});

describe('a participle before its noun', () => {
  it('reports no act of its own: it says what those people were doing', () => {
    expect(ofType(extract('Army units hunted down fleeing ISIL terrorists inside the city of Palmyra.', '2016-04-03'), 'withdrawal')).toEqual([]);
    expect(ofType(extract('Islamic State trapped around 150 retreating Syrian soldiers near the base in Raqqa.', '2014-08-24'), 'withdrawal')).toEqual([]);
  });

  it('still reports the act as a verb of its clause', () => {
    expect(ofType(extract('ISIS fighters fleeing Raqqa were killed by the army on Monday.', '2016-04-03'), 'withdrawal')).toHaveLength(1);
    expect(ofType(extract('The army was withdrawing from Palmyra on Monday.', '2016-04-03'), 'withdrawal')).toHaveLength(1);
    expect(ofType(extract('The US army began withdrawing troops from northern Syria on Monday.', '2016-04-03'), 'withdrawal')).toHaveLength(1);
  });
});

describe('a relative clause keeps its own date and act', () => {
  it('does not date the main act by the date of a relative clause, and reads the clause\'s act apart', () => {
    for (const text of [
      'The Syrian army recaptured Palmyra from ISIL, which had seized the city in May 2015, on Sunday.',
      'The army recaptured Palmyra from ISIL which had seized the city in May 2015.',
    ]) {
      const x = extract(text, '2016-03-27');
      const captures = ofType(x, 'capture').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
      expect(captures.map((e) => e.date)).toEqual(['2015-05', '2016-03-27']);
      expect(label(x, captures[1]!.agents[0]!)).toMatch(/Syrian Arab Army/);
      expect(captures[0]!.background).toBe(true);
    }
  });

  it('still dates the main act by a date of its own clause', () => {
    const x = extract('The army, which has fought there for weeks, recaptured Palmyra from ISIL on 24 March 2016.', '2016-03-27');
    expect(ofType(x, 'capture').map((e) => e.date)).toEqual(['2016-03-24']);
  });
});

describe('an agreement sought is no agreement made', () => {
  it('reads a truce someone struggles to broker, or whose chances fall, as planned', () => {
    const war = 'Government troops shelled rebel districts of Aleppo on Monday. ';
    for (const text of ['A U.N. mediator has been struggling to broker a ceasefire in Aleppo.', 'The army advance has reduced the chances of a truce in Aleppo, diplomats say.']) {
      expect(ofType(extract(war + text, '2015-02-18'), 'agreement').map((e) => e.modality)).toEqual(['planned']);
    }
    expect(ofType(extract(war + 'The two sides agreed to a ceasefire in Aleppo on Tuesday.', '2015-02-18'), 'agreement').map((e) => e.modality)).toEqual(['asserted']);
  });
});

describe('the state a statement speaks for', () => {
  const war = 'Government troops shelled rebel districts of Aleppo on Monday. Britain and the United States condemned the attack. ';
  const stateOf = (text: string) => ofType(extract(war + text, '2013-08-21'), 'statement').filter((e) => e.sentence === 2).map((e) => e.speakerState);
  it('is the government\'s country, or the country an executive title names', () => {
    expect(stateOf('British Foreign Secretary William Hague said the attack must be investigated.')).toEqual(['GB']);
    expect(stateOf('The British government said the attack must be investigated.')).toEqual(['GB']);
  });
  it('is none for a legislator, however official', () => {
    expect(stateOf('U.S. Senator John McCain said the attack must be investigated.')).toEqual([undefined]);
  });
});

describe('acts a noun calls earlier ones', () => {
  const war = 'Government troops shelled rebel districts of Aleppo on Monday. ';
  it('are recalled, not dated by the publication day', () => {
    const x = extract(war + 'The senator said that failure to penalize previous gas attacks had emboldened the government.', '2013-08-21');
    expect(ofType(x, 'explosion').map((e) => [e.date, e.background])).toEqual([[undefined, true]]);
  });
  it('but "the previous day" and "the past 24 hours" are news', () => {
    const x = extract(war + 'The previous day\'s air strikes killed 12 people in Aleppo.', '2013-08-21');
    expect(ofType(x, 'airstrike').map((e) => e.date)).toEqual(['2013-08-21']);
  });
});

describe('roles: objects, prepositions and the dead', () => {
  it('a verb that addresses or blames someone puts no speaker after it; "said" may', () => {
    const accused = extract('Syrias opposition accused government forces of gassing hundreds of people near Damascus on Wednesday.', '2013-08-21');
    for (const e of ofType(accused, 'statement')) expect(e.agents.map((k) => label(accused, k))).not.toContain('Syrian Arab Army');
    const inverted = extract('The talks must resume at once, said the Russian Foreign Ministry on Monday. Rebels shelled Aleppo in Syria.', '2016-10-10');
    expect(ofType(inverted, 'statement').map((e) => label(inverted, e.agents[0]!))).toEqual(['Russian Foreign Ministry']);
  });

  it('a name before a preposition is no doer of the act noun after it', () => {
    const x = extract('A US-led coalition is also battling Islamic State in Syria and Iraq with air strikes near Manbij.', '2016-08-14');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['US-led coalition']);
    // a name that runs into the act noun still is its doer
    const y = extract('Russian bombing raids hit Idlib in Syria on Sunday.', '2016-08-14');
    expect(ofType(y, 'airstrike')[0]?.agents.map((k) => label(y, k))).toEqual(['Russian Aerospace Forces']);
  });

  it('a compass word before a country makes it where, not who: "an offensive in northeast Syria"', () => {
    const x = extract('Kurdish forces launched an offensive in northeast Syria on Friday.', '2015-02-27');
    expect(ofType(x, 'battle')[0]?.targets).toEqual([]);
    const y = extract('Turkish troops launched an offensive against Syria on Friday near Afrin.', '2018-01-20');
    expect(ofType(y, 'battle')[0]?.targets.map((k) => label(y, k))).toEqual(['Syrian Arab Army']);
  });

  it('the first force of a clause is its subject; victims after a preposition do not own the act', () => {
    const x = extract('Troops killed at least 20 militants in an offensive near Idlib in Syria on Sunday.', '2016-08-14');
    expect(ofType(x, 'battle')[0]?.agents.map((k) => label(x, k))).not.toContain('Militants (Syria)');
    // a force right before the act noun still names its side
    const y = extract('Five people were killed in terrorist rocket attacks in Aleppo, Syria, on Tuesday.', '2016-08-14');
    expect(ofType(y, 'shelling')[0]?.agents.map((k) => label(y, k))).toEqual(['Militants (Syria)']);
  });

  it('the dead an attack toll counts are its target: soldiers, a named side after "of", a group by its common noun', () => {
    const soldiers = extract('Islamic State killed 270 soldiers, guards and staff when they captured a gas field near Homs in Syria on Thursday.', '2014-07-19');
    expect(ofType(soldiers, 'capture')[0]?.targets.map((k) => label(soldiers, k))).toEqual(['Syrian Arab Army']);
    const named = extract('The army killed 40 fighters of Islamic State in an assault on Palmyra in Syria on Sunday.', '2016-03-27');
    expect(ofType(named, 'battle')[0]?.targets.map((k) => label(named, k))).toEqual(['Islamic State']);
    const common = extract('Kurdish forces killed at least 175 members and commanders of the Islamist militants in an offensive near Tel Hamis in Syria.', '2015-02-27');
    expect(ofType(common, 'battle')[0]?.targets.map((k) => label(common, k))).toEqual(['Militants (Syria)']);
    // civilians are nobody's side
    const civilians = extract('Russian air strikes killed 34 civilians in Deir ez-Zor in Syria on Sunday.', '2017-11-26');
    expect(ofType(civilians, 'airstrike')[0]?.targets).toEqual([]);
  });

  it('the subject of a passive before an act noun is what the act hit, not its doer', () => {
    const x = extract('Islamic State fighters were killed in air strikes by the US-led coalition near Raqqa in Syria on Sunday.', '2017-11-26');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['US-led coalition']);
    expect(e.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    const y = extract('Hideouts of ISIS terrorists were hit and destroyed in army airstrikes near Housis in Syria.', '2016-04-03');
    expect(ofType(y, 'airstrike')[0]?.targets.map((k) => label(y, k))).toEqual(['Islamic State']);
    const owner = extract("ISIL's positions were hit in Russian air strikes near Palmyra in Syria on Sunday.", '2016-03-27');
    expect(ofType(owner, 'airstrike')[0]?.targets.map((k) => label(owner, k))).toEqual(['Islamic State']);
    // the subject of another clause is not ("a Britain-based monitor said dozens were killed in bombardment")
    const voice = extract('The Syrian Observatory for Human Rights, a Britain-based monitor, said dozens of people were killed in fierce bombardment of Douma in Syria.', '2013-08-21');
    expect(ofType(voice, 'shelling')[0]?.targets).toEqual([]);
    // an active subject stays the doer, and "behind" an attack is no passive of it
    const z = extract('Islamic State militants were believed to be behind the attack near Raqqa in Syria on Sunday.', '2017-11-26');
    expect(ofType(z, 'battle')[0]?.agents.map((k) => label(z, k))).toEqual(['Islamic State']);
  });

  it("an object past a clause word or a country's possessive is no target", () => {
    const possessive = extract('At least 15 people were killed in fresh air strikes on rebel-held areas of Syrias Aleppo on Wednesday.', '2016-10-12');
    expect(ofType(possessive, 'airstrike')[0]?.targets).toEqual([]);
    const clause = extract('There was a chemical massacre near Damascus and that the Bashar regime is responsible, Fabius said.', '2013-08-24');
    expect(ofType(clause, 'killing')[0]?.targets).toEqual([]);
    // the object right after the act still is
    const object = extract('Russian jets bombed Islamic State positions near Palmyra in Syria on Sunday.', '2016-03-27');
    expect(ofType(object, 'airstrike')[0]?.targets.map((k) => label(object, k))).toEqual(['Islamic State']);
  });

  it('a verb of saying opens the clause it reports: its subject does the reported act', () => {
    const x = extract('A television channel run by Hezbollah reported that the Syrian army had taken control of areas north of Aleppo in Syria.', '2015-02-18');
    expect(ofType(x, 'capture')[0]?.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    // nor is a name past "reported that" or "since" an object of the act before it
    const y = extract('Hezbollah, which is fighting near Aleppo in Syria, reported that the Syrian army had taken control of the road.', '2015-02-18');
    expect(ofType(y, 'battle')[0]?.targets).toEqual([]);
    const z = extract('At least 123 civilians have been killed in Douma in Syria by airstrikes since the Syrian regime and Russian jets began an offensive.', '2017-11-26');
    expect(ofType(z, 'airstrike')[0]?.targets).toEqual([]);
  });

  it("the state's forces named by common words after an ally word act with the subject", () => {
    const x = extract('Hezbollah, which is fighting alongside pro-government units near Aleppo in Syria, lost 12 men.', '2015-02-18');
    const e = ofType(x, 'battle')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Hezbollah', 'Syrian Arab Army']);
    expect(e.bonds?.some((b) => b.relation === 'ally')).toBe(true);
    // other forces by a common word are nobody in particular
    const y = extract('Hezbollah fighters are fighting alongside rebel units near Aleppo in Syria.', '2015-02-18');
    expect(ofType(y, 'battle')[0]?.agents.map((k) => label(y, k))).toEqual(['Hezbollah']);
  });

  it('a heading run into "Army units ..." is the story\'s state army, not a group of its own', () => {
    const x = extract('Army units have killed many ISIS terrorists in Syria. Raqqa Army units in cooperation with popular defense groups have advanced in Raqqa countryside.', '2016-06-11');
    expect(ofType(x, 'battle')[0]?.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    const y = extract('Deir Ezzor Units of the army and armed forces killed 15 ISIS terrorists in al-Reshdia neighborhood in Syria.', '2016-06-11');
    expect(ofType(y, 'killing')[0]?.agents.map((k) => label(y, k))).toEqual(['Syrian Arab Army']);
    // a known group's name is its own
    const z = extract('Free Syrian Army units captured Jarablus in Syria on Friday.', '2016-06-11');
    expect(ofType(z, 'capture')[0]?.agents.map((k) => label(z, k))).toEqual(['Free Syrian Army']);
  });

  it('a definite attack set at a place of its own is that place\'s attack, not the one just read', () => {
    const x = extract('The claim of the chemical attack near Damascus is the most serious since the March 19 claim of the attack in Khan al-Assal when 30 people were killed.', '2013-08-21');
    expect(x.events.map((e) => label(x, e.places[0]!))).toEqual(['Damascus', 'Khan al-Assal']);
    // "the attack" with no place of its own, or at the same place, is the one just reported
    const y = extract('The army shelled Douma in Syria on Monday. The attack killed 12 people.', '2016-08-14');
    expect(ofType(y, 'shelling')[0]?.killed).toBe(12);
    expect(y.events).toHaveLength(1);
  });

  it('"he said" after a quote: the names in the quote are what was said, not the speaker', () => {
    const x = extract('The region has borne the brunt of sustained pressure from the Syrian army for months now he said referring to the rebels in the war.', '2013-08-21');
    expect(ofType(x, 'statement')).toEqual([]);
    // a name before the verb with no pronoun between still speaks
    const y = extract('The Syrian army said the rebels had used chemical arms in the war.', '2013-08-21');
    expect(ofType(y, 'statement').map((e) => label(y, e.agents[0]!))).toEqual(['Syrian Arab Army']);
  });

  it('an indefinite bombing ("a car bomb exploded") borrows no doer from the sentences before; a definite act may', () => {
    const x = extract('Faylaq al-Sham fighters attacked Zahra in Aleppo on Saturday. The observatory said a car bomb exploded in Zahra on Sunday.', '2016-08-14');
    expect(ofType(x, 'explosion')[0]?.agents).toEqual([]);
    const y = extract('Islamic State fighters seized Palmyra in Syria on Sunday. The destruction of the temple followed.', '2015-08-30');
    expect(ofType(y, 'destruction')[0]?.agents.map((k) => label(y, k))).toEqual(['Islamic State']);
    // an indefinite strike after the doer's strikes is still theirs
    const z = extract('Russian warplanes bombed Idlib in Syria on Sunday. Later an air strike hit a hospital in Idlib.', '2016-08-14');
    expect(ofType(z, 'airstrike').map((e) => e.agents.map((k) => label(z, k)))).toEqual([['Russian Aerospace Forces'], ['Russian Aerospace Forces']]);
  });

  it('whose things an act destroys is its target; "An army unit" opening a sentence is the state army', () => {
    const x = extract('An army unit destroyed an ammunition and weapons-loaded vehicle for ISIS near Tharda mount in Deir Ezzor in Syria.', '2016-06-11');
    const e = ofType(x, 'destruction')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    expect(e.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    // a site destroyed has no side
    const y = extract('Islamic State destroyed the temple of Baalshamin in Palmyra in Syria.', '2015-08-30');
    expect(ofType(y, 'destruction')[0]?.targets).toEqual([]);
  });

  it('the holder of a military site attacked is hit; a holder after "held by" never does the act', () => {
    const x = extract('The Syrian air force has stepped up attacks on positions held by Islamic State near Raqqa in Syria.', '2014-07-19');
    expect(ofType(x, 'airstrike')[0]?.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
    const y = extract('Warplanes bombed villages held by Islamic State near Raqqa in Syria on Sunday.', '2014-07-19');
    expect(ofType(y, 'airstrike')[0]?.agents.map((k) => label(y, k))).not.toContain('Islamic State');
    // "by" after an attack still names its doer
    const z = extract('Rocket attacks by Islamic State hit Aleppo in Syria on Sunday.', '2014-07-19');
    expect(ofType(z, 'shelling')[0]?.agents.map((k) => label(z, k))).toEqual(['Islamic State']);
  });

  it('a verb of saying that opens its sentence has its subject before it, none inverted after it', () => {
    const x = extract('Activists say the Syrian air force has in recent weeks stepped up attacks near Raqqa in Syria.', '2014-07-19');
    for (const e of ofType(x, 'statement')) expect(e.agents.map((k) => label(x, k))).not.toContain('Syrian Air Force');
  });
});

describe('forces named by their owner, and acts that support a side', () => {
  const agentsOf = (x: DocExtraction, type: string) => ofType(x, type).map((e) => e.agents.map((k) => label(x, k)));

  it('"forces loyal to X" and "X\'s forces" are the forces of the body X leads', () => {
    const x = extract('Forces loyal to eastern Libyan commander Khalifa Haftar carried out an air strike on Misrata on Monday.', '2019-04-08');
    expect(agentsOf(x, 'airstrike')).toEqual([['Libyan National Army']]);
    const y = extract("Haftar's troops shelled Misrata in Libya on Monday.", '2019-04-08');
    expect(agentsOf(y, 'shelling')).toEqual([['Libyan National Army']]);
    // a head of state's loyal forces are his state's army
    const z = extract('Forces loyal to Syrian President Bashar al-Assad shelled Douma on Monday.', '2016-08-14');
    expect(agentsOf(z, 'shelling')).toEqual([['Syrian Arab Army']]);
    // as the object, they are the target
    const w = extract('Rebels attacked forces loyal to Assad in Hama in Syria on Monday.', '2016-08-14');
    expect(ofType(w, 'battle')[0]?.targets.map((k) => label(w, k))).toEqual(['Syrian Arab Army']);
    // without a force word the name stays a possessive: no act of the person
    const v = extract("Haftar's visit to Misrata in Libya on Monday was cancelled.", '2019-04-08');
    for (const e of v.events) expect(e.agents.map((k) => label(v, k))).not.toContain('Khalifa Haftar');
  });

  it('"X said its forces", "his country\'s forces": the speaker\'s forces act', () => {
    const x = extract("Azerbaijani President Ilham Aliyev said on Sunday that his country's forces had captured Shusha.", '2020-11-08');
    expect(agentsOf(x, 'capture')).toEqual([['Azerbaijani Armed Forces']]);
    const y = extract('Russia said its jets struck Idlib in Syria on Monday.', '2016-08-14');
    expect(agentsOf(y, 'airstrike')).toEqual([['Russian Aerospace Forces']]);
    const z = extract('The Syrian army said its forces had captured Palmyra on Monday.', '2016-08-14');
    expect(agentsOf(z, 'capture')).toEqual([['Syrian Arab Army']]);
    // no verb of saying before the pronoun, and not opening its sentence: whose forces is left open
    const w = extract('After a week of fighting, its forces captured Palmyra in Syria on Monday.', '2016-08-14');
    expect(agentsOf(w, 'capture').flat()).not.toContain('Syrian Arab Army');
    // opening its sentence, "its forces" are those of the subject of the sentence before
    const v = extract('IS has attacked Hasakeh in Syria several times. Its forces seized several districts in the south of the city.', '2015-07-28');
    expect(agentsOf(v, 'capture')).toEqual([['Islamic State']]);
    // with the apostrophe lost ("Haftars troops")
    const u = extract('Khalifa Haftar visited Benghazi in Libya. Haftars troops shelled Misrata on Monday.', '2019-04-08');
    expect(agentsOf(u, 'shelling')).toEqual([['Libyan National Army']]);
  });

  it('an act that supports the subject ("supported by air strikes from X") is X\'s, and X is no target', () => {
    const x = extract('Iraqi troops advanced into western Mosul on Sunday, supported by air strikes from the US-led coalition.', '2017-02-19');
    expect(agentsOf(x, 'airstrike')).toEqual([['US-led coalition']]);
    expect(ofType(x, 'battle')[0]?.targets).toEqual([]);
    const y = extract('Syrian troops advanced on Palmyra on Sunday, backed by Russian air strikes.', '2016-03-20');
    expect(agentsOf(y, 'airstrike')).toEqual([['Russian Aerospace Forces']]);
    // unsupported, the subject of the clause still does its strikes
    const z = extract('Iraqi troops launched air strikes on Mosul in Iraq on Sunday.', '2017-02-19');
    expect(agentsOf(z, 'airstrike').flat()).not.toContain('US-led coalition');
  });

  it('a side word right before an -ing act names its doer ("rebel shelling of Aleppo")', () => {
    const x = extract('Two people were killed in Syrian rebel shelling of Aleppo on Friday.', '2016-10-07');
    expect(agentsOf(x, 'shelling')).toEqual([['Rebels (Syria)']]);
    const y = extract('Nine civilians were killed by regime shelling of Douma in Syria on Saturday.', '2016-10-07');
    expect(agentsOf(y, 'shelling')).toEqual([['Syrian Arab Army']]);
    // a plain -ing verb after its subject keeps the subject
    const z = extract('Islamic State kept shelling Deir Ezzor in Syria on Saturday.', '2016-10-07');
    expect(agentsOf(z, 'shelling')).toEqual([['Islamic State']]);
  });
});

describe('the toll of an act is counted in its own clause', () => {
  it('a figure goes to the act of its clause, or to every act when its clause reports none', () => {
    const x = extract('The assault on Division 17 comes less than two weeks after IS killed 270 security guards during an assault on a gas field in Homs in Syria.', '2014-07-26');
    const battles = ofType(x, 'battle');
    expect(battles.map((e) => e.killed)).toContain(270);
    // the assault on Division 17 is not the gas field's
    expect(battles.filter((e) => e.killed === undefined).length).toBeGreaterThan(0);
    // a toll with no act of its own in its clause is the sentence's act's
    const y = extract('At least 85 Syrian army troops were killed as Islamic State advanced on a regime position in Raqqa province in Syria.', '2014-07-26');
    expect(ofType(y, 'battle')[0]?.killed).toBe(85);
    // "as well as" joins two acts in one clause
    const z = extract('At least 287 IS fighters had been killed in the fight for Hasakeh as well as strikes by the US-led coalition outside the city in Syria.', '2015-07-28');
    expect(ofType(z, 'airstrike')[0]?.killed).toBe(287);
  });

  it('a toll of an act at a list of places is their sum, no one place\'s', () => {
    const x = extract('Twelve people were killed in air strikes on Douma, Harasta and Arbeen in Syria on Friday.', '2016-10-07');
    const e = ofType(x, 'airstrike')[0]!;
    expect(e.killed).toBeUndefined();
    expect(e.figures).toEqual(['Twelve people were killed']);
    // one place, or a place and where it lies: its toll
    expect(ofType(extract('Twelve people were killed in air strikes on Douma in Syria on Friday.', '2016-10-07'), 'airstrike')[0]?.killed).toBe(12);
    expect(ofType(extract('Twelve people were killed in air strikes on Douma near Damascus on Friday.', '2016-10-07'), 'airstrike')[0]?.killed).toBe(12);
  });

  it('"rocket shells fired by terrorists": the doer after a participle\'s "by"', () => {
    const x = extract('Two civilians were killed by rocket shells fired by terrorists on al-Midan neighborhood in Aleppo on Friday.', '2016-10-07');
    expect(ofType(x, 'shelling')[0]?.agents.map((k) => label(x, k))).toEqual(['Militants (Syria)']);
  });

  it('a toll counted since an act began is that act\'s', () => {
    const x = extract('At least 123 civilians have been killed in Eastern Ghouta in Syria by airstrikes and shelling since the Syrian regime and Russian jets began an offensive two weeks ago.', '2017-11-26');
    const offensive = ofType(x, 'battle').find((e) => e.trigger === 'began an offensive');
    expect(offensive?.killed).toBe(123);
    for (const e of ofType(x, 'airstrike')) expect(e.killed).toBeUndefined();
    // without the "since" clause the strikes keep their toll
    const y = extract('At least 123 civilians have been killed in Eastern Ghouta in Syria by airstrikes on Sunday.', '2017-11-26');
    expect(ofType(y, 'airstrike')[0]?.killed).toBe(123);
  });
});

describe('the sides of a fight', () => {
  it('"as they fled": the pronoun stands for its own sentence\'s subject, not an earlier doer', () => {
    const x = extract('The SDF took Manbij in Syria on Friday. The extremists took some 2000 civilians as they fled to serve as human shields.', '2016-08-14');
    const e = ofType(x, 'displacement')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Militants (Syria)']);
    // a named subject stays the pronoun's antecedent
    const y = extract('Islamic State killed 270 soldiers when they captured a gas field in Homs in Syria on Thursday.', '2014-07-19');
    expect(ofType(y, 'capture')[0]?.agents.map((k) => label(y, k))).toEqual(['Islamic State']);
  });

  it('a toll a voice reports borrows no doer from the sentences before', () => {
    const x = extract('Forces allied to the GNA said they had pushed back the LNA in Ain Zara. The health ministry in Tripoli said 35 people had been killed since Thursday.', '2019-04-08');
    expect(ofType(x, 'killing')[0]?.agents).toEqual([]);
    // told without a voice, the deaths of a fight just reported are its doer's
    const y = extract('Islamic State attacked Palmyra in Syria on Sunday. Twelve people were killed.', '2015-05-20');
    const killed = [...ofType(y, 'killing'), ...ofType(y, 'battle')].find((e) => e.killed === 12);
    expect(killed?.agents.map((k) => label(y, k))).toEqual(['Islamic State']);
  });

  it('who the sentence says "was behind" an act did it, and is not its target', () => {
    const x = extract('A car bomb exploded in Aleppo in Syria on Sunday and Islamic State was responsible for the attack.', '2016-08-14');
    const e = ofType(x, 'explosion')[0]!;
    expect(e.agents.map((k) => label(x, k))).toEqual(['Islamic State']);
    expect(e.targets).toEqual([]);
    const y = extract('There was a chemical massacre near Damascus and Bashar al-Assad\'s regime was behind it, Fabius said.', '2013-08-24');
    expect(ofType(y, 'killing')[0]?.agents.map((k) => label(y, k))).toEqual(['Syrian Arab Army']);
    // nobody named behind it: no doer
    const z = extract('A car bomb exploded in Aleppo in Syria on Sunday; it is unclear who was behind it.', '2016-08-14');
    expect(ofType(z, 'explosion')[0]?.agents).toEqual([]);
  });

  it('a fight in the opening phrase is fought by the subject after it', () => {
    const x = extract('Government forces shelled Aleppo in Syria on Sunday. After a three-week siege rebels took Ramussa on August 6.', '2016-08-14');
    expect(ofType(x, 'battle').find((e) => e.trigger === 'siege')?.agents.map((k) => label(x, k))).toEqual(['Rebels (Syria)']);
    // a strike in the opening phrase is not the subject's ("after an air strike, IS withdrew")
    const y = extract('Rebels attacked Hama. After an air strike, Islamic State withdrew from Hama in Syria.', '2016-08-14');
    expect(ofType(y, 'airstrike')[0]?.agents.map((k) => label(y, k)) ?? []).not.toContain('Islamic State');
  });

  it('an actor named again later in the sentence is the subject of the nearer clause', () => {
    const x = extract('The coalition is battling Daesh in Syria with air strikes, and the SDF took Manbij after Daesh retreated.', '2016-08-14');
    expect(ofType(x, 'withdrawal')[0]?.agents.map((k) => label(x, k))).toEqual(['Islamic State']);
    // a second name right after the first ("Islamic State (ISIS)") is still one participant
    const y = extract('The army shelled the Islamic State (ISIS) in Raqqa in Syria on Sunday.', '2016-08-14');
    expect(ofType(y, 'shelling')[0]?.targets.map((k) => label(y, k))).toEqual(['Islamic State']);
  });

  it('what stands in apposition to a supported side is supported too, not hit', () => {
    const x = extract('A US-led coalition is battling Daesh in Syria with air strikes and backing for the Syrian Democratic Forces an Arab-Kurdish militia alliance.', '2016-08-14');
    const e = ofType(x, 'battle')[0]!;
    expect(e.targets.map((k) => label(x, k))).toEqual(['Islamic State']);
  });

  it('"troops" with no country word are the story\'s army, as "the army" is', () => {
    const x = extract('Islamic State stormed Division 17 near Raqqa in Syria. Hundreds of troops withdrew on Friday to safe places near Raqqa.', '2014-07-26');
    expect(ofType(x, 'withdrawal')[0]?.agents.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    // a country word before them names whose
    const y = extract('Russian troops withdrew from Kherson in Ukraine on Friday.', '2022-11-11');
    expect(ofType(y, 'withdrawal')[0]?.agents.map((k) => label(y, k))).toEqual(['Russian Armed Forces']);
    const z = extract('Kurdish troops advanced on Raqqa in Syria on Friday.', '2016-06-11');
    expect(ofType(z, 'battle')[0]?.agents.map((k) => label(z, k)) ?? []).not.toContain('Syrian Arab Army');
  });

  it('every side a toll names is a target of the killing', () => {
    const x = extract('Islamic State attacked Hasakeh in Syria. Another 120 soldiers and pro-regime militiamen and several dozen Kurdish forces were also killed.', '2015-07-28');
    expect(ofType(x, 'killing')[0]?.targets.map((k) => label(x, k)).sort()).toEqual(["People's Protection Units", 'Syrian Arab Army']);
    // one side named, no other word for fighters: that side alone
    const y = extract('Islamic State attacked Hasakeh in Syria. 12 Kurdish fighters were killed.', '2015-07-28');
    expect(ofType(y, 'killing')[0]?.targets.map((k) => label(y, k))).toEqual(["People's Protection Units"]);
  });

  it('two names of one side after a fight are the side attacked, not two sides clashing', () => {
    // (a second sentence of war: outside war news "an army barracks" names no army)
    const x = extract('Fighters began an assault near Ramussa in Syria on an area with an army barracks where military vehicles are stored. The rebels have besieged the city for months.', '2016-08-14');
    const e = ofType(x, 'battle')[0]!;
    expect(e.agents).toEqual([]);
    expect(e.targets.map((k) => label(x, k))).toEqual(['Syrian Arab Army']);
    // two sides: both act
    const y = extract('Clashes between the army and Islamic State broke out in Raqqa in Syria on Sunday.', '2016-08-14');
    expect(ofType(y, 'battle')[0]?.agents.map((k) => label(y, k))).toEqual(['Syrian Arab Army', 'Islamic State']);
  });
});

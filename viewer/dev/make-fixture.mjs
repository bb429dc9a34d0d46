#!/usr/bin/env node
/**
 * Writes a small, plausible viewer fixture: graph.json (graphology MultiGraph export with the
 * pipeline's node/edge attributes) and documents.json, into the folder given (default viewer/dev/out).
 * Deterministic: same output every run. Includes accents, aliases (Tadmur, Daesh) and an XSS label.
 *   node viewer/dev/make-fixture.mjs [outDir] [--extra-events N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

const args = process.argv.slice(2);
const outDir = args.find((a) => !a.startsWith('--')) ?? new URL('./out/', import.meta.url).pathname;
const extraIndex = args.indexOf('--extra-events');
const extraEvents = extraIndex >= 0 ? Number(args[extraIndex + 1]) : 40;

let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const documents = [
  {
    id: '000_palmyra_2015.txt',
    title: 'Islamic State seizes ancient city of Palmyra',
    date: '2015-05-21',
    url: 'https://example.org/news/palmyra-2015',
    text:
      'Islamic State fighters seized the ancient Syrian city of Palmyra on Thursday, the Syrian Observatory for Human Rights said.\n\n' +
      'Daesh militants took control of the town, known locally as Tadmur, after days of fighting with the Syrian Army.\n\n' +
      'In August, the militants blew up the Temple of Baalshamin, a UNESCO world heritage site.',
  },
  {
    id: '001_palmyra_2016.txt',
    title: 'Syrian army recaptures Palmyra with Russian air support',
    date: '2016-03-27',
    url: 'javascript:alert(1)',
    text:
      'The Syrian Army, backed by Russian air strikes, recaptured Palmyra from Daesh on Sunday, state media said.\n\n' +
      'More than 400 Daesh elements were killed in the fighting, according to the army.\n\n' +
      'President Bashar al-Assad called the recapture of Tadmur an important achievement.',
  },
  {
    id: '002_aleppo_2016.txt',
    title: 'Battle for Aleppo ends; Palmyra falls again',
    date: '2016-12-13',
    text:
      'Government forces completed the capture of eastern Aleppo after months of fighting that began in July.\n\n' +
      'At the same time, ISIL fighters recaptured Palmyra on December 11, forcing Syrian troops to withdraw toward the T4 airbase.\n\n' +
      'A statement signed <img src=x onerror=alert(1)> was circulated online, the monitor said.',
  },
  {
    id: '003_palmyra_2017.txt',
    title: 'Army retakes Palmyra for the second time',
    date: '2017-03-02',
    url: 'https://example.org/news/palmyra-2017',
    text:
      'Syrian troops and allied Hezbollah fighters retook Palmyra on Thursday with heavy Russian air cover.\n\n' +
      'Russian jets also struck Islamic State positions near Raqqa, activists said.\n\n' +
      'Earlier, shelling hit a district of Damascus, wounding 12 people.',
  },
];

const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: false });
const ev = (doc, sentence) => {
  const d = documents.find((x) => x.id === doc);
  const text = d.text.split(/\n\n/)[sentence];
  return { doc, sentence, text };
};
const node = (key, attrs) =>
  graph.addNode(key, {
    aliases: [attrs.label],
    documents: [],
    mentions: 1,
    evidence: [],
    x: 0,
    y: 0,
    size: 1,
    color: '#888888',
    importance: 0,
    community: 0,
    ...attrs,
    aliases: [...new Set([attrs.label, ...(attrs.aliases ?? [])])].sort(),
  });

// places (real coordinates)
node('place:syria', { label: 'Syria', kind: 'place', type: 'country', lat: 35.0, lon: 38.5, country: 'SY', documents: documents.map((d) => d.id), mentions: 6 });
node('place:palmyra', { label: 'Palmyra', kind: 'place', type: 'city', aliases: ['Tadmur', 'Tadmor', 'تدمر'], lat: 34.5505, lon: 38.2684, country: 'SY', documents: documents.map((d) => d.id), mentions: 9, evidence: [ev('000_palmyra_2015.txt', 0), ev('001_palmyra_2016.txt', 2)] });
node('place:damascus', { label: 'Damascus', kind: 'place', type: 'city', aliases: ['Dimashq'], lat: 33.5138, lon: 36.2765, country: 'SY', documents: ['003_palmyra_2017.txt'], mentions: 1, evidence: [ev('003_palmyra_2017.txt', 2)] });
node('place:aleppo', { label: 'Aleppo', kind: 'place', type: 'city', aliases: ['Alep', 'Halab', 'Ḥalab'], lat: 36.2021, lon: 37.1343, country: 'SY', documents: ['002_aleppo_2016.txt'], mentions: 2, evidence: [ev('002_aleppo_2016.txt', 0)] });
node('place:raqqa', { label: 'Raqqa', kind: 'place', type: 'city', aliases: ['Ar-Raqqah', 'Raqqah'], lat: 35.9594, lon: 39.008, country: 'SY', documents: ['003_palmyra_2017.txt'], mentions: 1, evidence: [ev('003_palmyra_2017.txt', 1)] });
node('place:homs', { label: 'Homs', kind: 'place', type: 'city', lat: 34.7324, lon: 36.7137, country: 'SY', documents: [], mentions: 0 });
node('place:t4', { label: 'T4 airbase', kind: 'place', type: 'site', aliases: ['Tiyas airbase'], documents: ['002_aleppo_2016.txt'], mentions: 1, evidence: [ev('002_aleppo_2016.txt', 1)] });
node('place:baalshamin', { label: 'Temple of Baalshamin', kind: 'place', type: 'site', documents: ['000_palmyra_2015.txt'], mentions: 1, evidence: [ev('000_palmyra_2015.txt', 2)] });

// actors
node('actor:isil', { label: 'Islamic State', kind: 'actor', type: 'armed group', aliases: ['ISIL', 'ISIS', 'Daesh', 'IS'], documents: documents.map((d) => d.id), mentions: 9, evidence: [ev('000_palmyra_2015.txt', 0), ev('000_palmyra_2015.txt', 1), ev('001_palmyra_2016.txt', 1)] });
node('actor:saa', { label: 'Syrian Army', kind: 'actor', type: 'military', aliases: ['Syrian Arab Army', 'SAA', 'Syrian troops', 'government forces'], documents: documents.map((d) => d.id), mentions: 7, evidence: [ev('001_palmyra_2016.txt', 0)] });
node('actor:russia', { label: 'Russia', kind: 'actor', type: 'country', aliases: ['Russian Federation'], documents: ['001_palmyra_2016.txt', '003_palmyra_2017.txt'], mentions: 3, evidence: [ev('001_palmyra_2016.txt', 0), ev('003_palmyra_2017.txt', 1)] });
node('actor:assad', { label: 'Bashar al-Assad', kind: 'actor', type: 'person', aliases: ['Assad', 'President Bashar al-Assad'], documents: ['001_palmyra_2016.txt'], mentions: 1, evidence: [ev('001_palmyra_2016.txt', 2)] });
node('actor:govt', { label: 'Syrian government', kind: 'actor', type: 'government', aliases: ['Damascus government'], documents: ['002_aleppo_2016.txt'], mentions: 1 });
node('actor:sohr', { label: 'Syrian Observatory for Human Rights', kind: 'actor', type: 'organization', aliases: ['SOHR', 'the monitor'], documents: ['000_palmyra_2015.txt', '002_aleppo_2016.txt'], mentions: 2, evidence: [ev('000_palmyra_2015.txt', 0)] });
node('actor:hezbollah', { label: 'Hezbollah', kind: 'actor', type: 'armed group', aliases: ['Hizbullah', 'Ḥizb Allāh'], documents: ['003_palmyra_2017.txt'], mentions: 1, evidence: [ev('003_palmyra_2017.txt', 0)] });
node('actor:xss', { label: '<img src=x onerror=alert(1)>', kind: 'actor', type: 'person', aliases: ['"><script>alert(2)</script>'], documents: ['002_aleppo_2016.txt'], mentions: 1, evidence: [ev('002_aleppo_2016.txt', 2)] });

// events
const event = (key, attrs, edges) => {
  node(key, { kind: 'event', mentions: 1, ...attrs });
  for (const [relation, target, weight = 1] of edges) {
    graph.addEdge(key, target, { relation, weight, evidence: attrs.evidence ?? [] });
  }
};
event('event:palmyra-capture-2015', { label: 'Islamic State captures Palmyra', type: 'capture', date: '2015-05-21', datePrecision: 'day', start: '2015-05-21', end: '2015-05-21', modality: 'asserted', acledEventType: 'Battles', acledSubEventType: 'Non-state actor overtakes territory', documents: ['000_palmyra_2015.txt'], evidence: [ev('000_palmyra_2015.txt', 0), ev('000_palmyra_2015.txt', 1)], figures: [] },
  [['agent', 'actor:isil', 2], ['target', 'actor:saa'], ['location', 'place:palmyra', 2], ['source', 'actor:sohr']]);
event('event:baalshamin-2015', { label: 'Destruction of the Temple of Baalshamin', type: 'destruction', date: '2015-08', datePrecision: 'month', start: '2015-08-01', end: '2015-08-31', modality: 'asserted', acledEventType: 'Explosions/Remote violence', acledSubEventType: 'Remote explosive/landmine/IED', documents: ['000_palmyra_2015.txt'], evidence: [ev('000_palmyra_2015.txt', 2)] },
  [['agent', 'actor:isil'], ['target', 'place:baalshamin'], ['location', 'place:palmyra']]);
event('event:palmyra-recapture-2016', { label: 'Syrian Army recaptures Palmyra', type: 'capture', date: '2016-03-27', datePrecision: 'day', start: '2016-03-27', end: '2016-03-27', modality: 'asserted', killed: 400, acledEventType: 'Battles', acledSubEventType: 'Government regains territory', figures: ['More than 400 Daesh elements were killed'], documents: ['001_palmyra_2016.txt'], evidence: [ev('001_palmyra_2016.txt', 0), ev('001_palmyra_2016.txt', 1)] },
  [['agent', 'actor:saa', 2], ['agent', 'actor:russia'], ['target', 'actor:isil', 2], ['location', 'place:palmyra', 2]]);
event('event:aleppo-battle-2016', { label: 'Battle of Aleppo', type: 'battle', date: '2016-07', datePrecision: 'month', dateEnd: '2016-12-13', start: '2016-07-01', end: '2016-12-13', modality: 'asserted', acledEventType: 'Battles', acledSubEventType: 'Armed clash', documents: ['002_aleppo_2016.txt'], evidence: [ev('002_aleppo_2016.txt', 0)] },
  [['agent', 'actor:govt'], ['location', 'place:aleppo'], ['source', 'actor:xss']]);
event('event:palmyra-capture-2016', { label: 'Islamic State recaptures Palmyra', type: 'capture', date: '2016-12-11', datePrecision: 'day', start: '2016-12-11', end: '2016-12-11', modality: 'asserted', acledEventType: 'Battles', acledSubEventType: 'Non-state actor overtakes territory', documents: ['002_aleppo_2016.txt'], evidence: [ev('002_aleppo_2016.txt', 1)] },
  [['agent', 'actor:isil'], ['target', 'actor:saa'], ['location', 'place:palmyra']]);
event('event:withdrawal-t4', { label: 'Syrian troops withdraw toward T4', type: 'withdrawal', date: '2016-12-11', datePrecision: 'day', start: '2016-12-11', end: '2016-12-11', modality: 'asserted', documents: ['002_aleppo_2016.txt'], evidence: [ev('002_aleppo_2016.txt', 1)] },
  [['agent', 'actor:saa'], ['location', 'place:t4']]);
event('event:palmyra-retake-2017', { label: 'Army and Hezbollah retake Palmyra', type: 'capture', date: '2017-03-02', datePrecision: 'day', start: '2017-03-02', end: '2017-03-02', modality: 'claimed', acledEventType: 'Battles', acledSubEventType: 'Government regains territory', documents: ['003_palmyra_2017.txt'], evidence: [ev('003_palmyra_2017.txt', 0)] },
  [['agent', 'actor:saa'], ['agent', 'actor:hezbollah'], ['agent', 'actor:russia'], ['target', 'actor:isil'], ['location', 'place:palmyra']]);
event('event:raqqa-airstrike', { label: 'Russian airstrikes near Raqqa', type: 'airstrike', date: '2017-03', datePrecision: 'month', start: '2017-03-01', end: '2017-03-31', modality: 'claimed', documents: ['003_palmyra_2017.txt'], evidence: [ev('003_palmyra_2017.txt', 1)] },
  [['agent', 'actor:russia'], ['target', 'actor:isil'], ['location', 'place:raqqa'], ['source', 'actor:sohr']]);
event('event:damascus-shelling', { label: 'Shelling of a Damascus district', type: 'shelling', date: '2017-02', datePrecision: 'month', start: '2017-02-01', end: '2017-02-28', modality: 'asserted', wounded: 12, figures: ['wounding 12 people'], documents: ['003_palmyra_2017.txt'], evidence: [ev('003_palmyra_2017.txt', 2)] },
  [['location', 'place:damascus']]);
event('event:assad-statement', { label: 'Assad hails recapture of Palmyra', type: 'statement', date: '2016-03-27', datePrecision: 'day', start: '2016-03-27', end: '2016-03-27', modality: 'asserted', documents: ['001_palmyra_2016.txt'], evidence: [ev('001_palmyra_2016.txt', 2)] },
  [['agent', 'actor:assad'], ['location', 'place:damascus']]);

// Extra undocumented events so the histogram has texture (2015–2017, deterministic).
const extraTypes = ['airstrike', 'shelling', 'battle', 'explosion', 'killing', 'displacement'];
const extraPlaces = ['place:palmyra', 'place:aleppo', 'place:damascus', 'place:raqqa', 'place:homs'];
const extraActors = ['actor:isil', 'actor:saa', 'actor:russia', 'actor:hezbollah'];
for (let i = 0; i < extraEvents; i++) {
  const day = Math.floor(rand() * 1000);
  const date = new Date(Date.UTC(2015, 0, 15) + day * 86400000).toISOString().slice(0, 10);
  const type = extraTypes[i % extraTypes.length];
  const place = extraPlaces[Math.floor(rand() * extraPlaces.length)];
  const actor = extraActors[Math.floor(rand() * extraActors.length)];
  event(`event:extra-${String(i).padStart(3, '0')}`, { label: `${type[0].toUpperCase()}${type.slice(1)} in ${graph.getNodeAttribute(place, 'label')} (${date})`, type, date, datePrecision: 'day', start: date, end: date, modality: 'asserted', documents: [], evidence: [] },
    [['agent', actor], ['location', place]]);
}

// structure between actors and places
const edge = (s, t, relation, extra = {}) => graph.addEdge(s, t, { relation, weight: 1, evidence: [], ...extra });
for (const p of ['place:palmyra', 'place:damascus', 'place:aleppo', 'place:raqqa', 'place:homs', 'place:t4']) edge(p, 'place:syria', 'located in');
edge('place:baalshamin', 'place:palmyra', 'located in');
edge('actor:assad', 'actor:govt', 'affiliation', { title: 'president' });
edge('actor:saa', 'actor:govt', 'part of');
edge('actor:russia', 'actor:govt', 'ally');
edge('actor:hezbollah', 'actor:saa', 'ally');
edge('actor:isil', 'actor:saa', 'enemy');
edge('actor:isil', 'place:palmyra', 'controls', { spells: [{ start: '2015-05-21', end: '2016-03-26' }, { start: '2016-12-11', end: '2017-03-01' }] });
edge('actor:saa', 'place:palmyra', 'controls', { spells: [{ start: '2016-03-27', end: '2016-12-10' }, { start: '2017-03-02' }] });
edge('actor:xss', 'actor:sohr', 'mentioned with');

// "pipeline" layout and sizes
graph.forEachNode((key, a) => {
  const i = graph.nodes().indexOf(key);
  graph.mergeNodeAttributes(key, { x: Math.cos(i) * 100 + i, y: Math.sin(i) * 100 - i });
});
forceAtlas2.assign(graph, { iterations: 300, settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 8 } });
let maxDegree = 1;
graph.forEachNode((key) => (maxDegree = Math.max(maxDegree, graph.degree(key))));
graph.forEachNode((key) => {
  const importance = graph.degree(key) / maxDegree;
  graph.mergeNodeAttributes(key, {
    x: Math.round(graph.getNodeAttribute(key, 'x') * 1000) / 1000,
    y: Math.round(graph.getNodeAttribute(key, 'y') * 1000) / 1000,
    importance: Math.round(importance * 1000) / 1000,
    size: Math.round((2 + importance * 18) * 100) / 100,
  });
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'graph.json'), `${JSON.stringify(graph.export(), null, 1)}\n`);
writeFileSync(join(outDir, 'documents.json'), `${JSON.stringify({ documents }, null, 1)}\n`);
console.log(`wrote ${graph.order} nodes, ${graph.size} edges to ${outDir}`);

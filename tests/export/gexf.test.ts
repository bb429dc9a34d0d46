import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { gexfUtf8Chunks, isIsoDay, normalizeSpells, writeGexf, MAX_EVIDENCE_ITEMS } from '../../src/export/gexf.js';
import { escapeXml, escapeXmlForSingleQuotes, stripIllegalXmlChars } from '../../src/export/xml.js';
import { buildFixtureGraph, NASTY, NASTY_CLEAN } from './fixture.js';
import { attvaluesByTitle, columnTitles, findAll, parseXml, type XmlElement } from './xml-reader.js';

const SHARED = new URL('../../../shared/', import.meta.url);
const CHECKER = fileURLToPath(new URL('eval/gexf_check.py', SHARED));
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const hasPython = spawnSync('python3', ['--version']).status === 0;
const canCheck = existsSync(CHECKER) && hasXmllint && hasPython;
if (!canCheck) console.warn(`skipped: gexf_check.py acceptance test (needs ${CHECKER}, xmllint and python3)`);

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-gexf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Collects everything written, slowly and with a tiny buffer, to exercise backpressure. */
class SlowSink extends Writable {
  chunks: Buffer[] = [];
  drains = 0;
  constructor() {
    super({ highWaterMark: 64 });
    this.on('drain', () => this.drains++);
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    setImmediate(done);
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

async function gexfText(graph = buildFixtureGraph()): Promise<string> {
  const sink = new SlowSink();
  await writeGexf(graph, sink, { title: 'Palmyra <test>', creator: 'newsgraph tests' });
  return sink.text();
}

async function writeToFile(name: string, graph = buildFixtureGraph()): Promise<string> {
  const path = join(tmp, name);
  const out = createWriteStream(path);
  await writeGexf(graph, out, { title: 'fixture' });
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

function byId(elements: XmlElement[]): Map<string, XmlElement> {
  return new Map(elements.map((element) => [element.attributes.id ?? '', element]));
}

describe('writeGexf', () => {
  it('writes the GEXF 1.3 envelope, a dynamic graph and columns before nodes', async () => {
    const xml = await gexfText();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">')).toBe(true);
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date" timezone="UTC">');
    // Derived from the data (latest date), never the clock.
    expect(xml).toContain('<meta lastmodifieddate="2016-12-31">');
    expect(xml).toContain('<description>Palmyra &lt;test&gt;</description>');
    expect(xml.indexOf('<attributes class="edge"')).toBeLessThan(xml.indexOf('<nodes'));
    const root = parseXml(xml);
    const nodeTitles = new Set(columnTitles(root, 'node').values());
    for (const title of ['kind', 'type', 'aliases', 'documents', 'date', 'lat', 'lon', 'mentions', 'evidence', 'killed', 'figures', 'dateEnd']) {
      expect(nodeTitles).toContain(title);
    }
    for (const [id] of [...columnTitles(root, 'node'), ...columnTitles(root, 'edge')]) {
      expect(['id', 'label', 'timeset', 'weight']).not.toContain(id.toLowerCase());
    }
    expect(new Set(columnTitles(root, 'edge').values())).toEqual(new Set(['relation', 'title', 'evidence']));
  });

  it('round-trips labels, lists, numbers and nasty strings', async () => {
    const root = parseXml(await gexfText());
    const titles = columnTitles(root, 'node');
    const nodes = byId(findAll(root, 'node'));
    const isis = nodes.get('actor:isis');
    expect(isis?.attributes.label).toBe('Islamic State');
    const values = attvaluesByTitle(isis!, titles);
    expect(JSON.parse(values.aliases ?? '')).toEqual(['Daesh', 'IS', 'ISIS', 'Islamic State', NASTY_CLEAN]);
    expect(JSON.parse(values.documents ?? '')).toEqual(['doc1.txt', 'doc2.txt']);
    expect(values.kind).toBe('actor');
    expect(values.type).toBe('armed group');
    expect(values.mentions).toBe('7');
    expect(values.importance).toBe('0.9');
    expect(values.parent).toBe('actor:nobody');
    const evidence = JSON.parse(values.evidence ?? '') as string[];
    expect(evidence).toHaveLength(MAX_EVIDENCE_ITEMS);
    expect(evidence[0]).toBe(`doc1.txt#0: ${NASTY_CLEAN.trim()}`);
    expect(evidence[1]!.length).toBeLessThanOrEqual(320);
    expect(evidence[1]!.endsWith('…')).toBe(true);
    expect(evidence[2]).toBe('doc1.txt#2: Sentence 2 with "quotes".');

    const palmyra = attvaluesByTitle(nodes.get('place:palmyra')!, titles);
    expect(Number(palmyra.lat)).toBe(34.5503);
    expect(Number(palmyra.lon)).toBe(38.2684);
    expect(palmyra.geonameId).toBe('170017');

    const capture = attvaluesByTitle(nodes.get('event:capture')!, titles);
    expect(capture.date).toBe('2016-12-11');
    expect(capture.killed).toBe('300');
    expect(JSON.parse(capture.figures ?? '')).toEqual(['more than 300 Daesh elements killed', '12 wounded']);
    // The newline inside the sentence survives as &#10; and is folded by the evidence formatter.
    expect(JSON.parse(capture.evidence ?? '')).toEqual(['doc1.txt#3: Islamic State fighters, "backed" by artillery, re-entered Palmyra.']);

    // The hostile key got an XML-legal id; its label is the cleaned text; empty lists are omitted.
    const undated = nodes.get('event:undated_');
    expect(undated?.attributes.label).toBe(NASTY_CLEAN.trim()); // labels are trimmed
    const undatedValues = attvaluesByTitle(undated!, titles);
    expect(undatedValues.aliases).toBeUndefined();
    expect(undatedValues.documents).toBeUndefined();
    expect(Object.values(undatedValues)).not.toContain('');
    // A blank label falls back to the key.
    expect(nodes.get('actor:blank-label')?.attributes.label).toBe('actor:blank-label');

    const edges = byId(findAll(root, 'edge'));
    const enemy = edges.get('e-enemy');
    expect(enemy?.attributes.label).toBe('enemy');
    expect(enemy?.attributes.weight).toBe('1'); // weight 0 is not allowed: default 1
    expect(attvaluesByTitle(enemy!, columnTitles(root, 'edge')).title).toBe(NASTY_CLEAN);
  });

  it('puts dated events on the timeline, leaves undated nodes visible and closes spells', async () => {
    const root = parseXml(await gexfText());
    const nodes = byId(findAll(root, 'node'));
    expect(nodes.get('event:capture')?.attributes).toMatchObject({ start: '2016-12-11', end: '2016-12-12' });
    expect(nodes.get('event:airstrike')?.attributes).toMatchObject({ start: '2016-12-01', end: '2016-12-31' });
    expect(nodes.get('event:undated_')?.attributes.start).toBeUndefined();
    expect(nodes.get('actor:isis')?.attributes.start).toBeUndefined();
    const controls = byId(findAll(root, 'edge')).get('e-controls')!;
    expect(findAll(controls, 'spell').map((spell) => spell.attributes)).toEqual([
      { start: '2015-05-21', end: '2016-03-27' },
      { start: '2016-12-11', end: '2016-12-31' },
    ]);
    expect(controls.attributes.start).toBeUndefined();
  });

  it('writes viz colour, size and position on every node', async () => {
    const root = parseXml(await gexfText());
    const nodes = findAll(root, 'node');
    for (const node of nodes) {
      expect(findAll(node, 'viz:position')).toHaveLength(1);
      expect(Number(findAll(node, 'viz:size')[0]?.attributes.value)).toBeGreaterThan(0);
    }
    const isis = byId(nodes).get('actor:isis')!;
    expect(findAll(isis, 'viz:color')[0]?.attributes).toEqual({ r: '255', g: '0', b: '0' });
    expect(findAll(isis, 'viz:position')[0]?.attributes).toEqual({ x: '10.5', y: '-3.25' });
    const undated = byId(nodes).get('event:undated_')!;
    expect(findAll(undated, 'viz:color')).toHaveLength(0);
    expect(findAll(undated, 'viz:position')[0]?.attributes).toEqual({ x: '0', y: '1' });
  });

  it('renames graphology-generated edge keys deterministically and keeps every edge', async () => {
    const first = await gexfText();
    const second = await gexfText(); // a new graph instance: graphology would pick another geid prefix
    expect(second).toBe(first);
    const edges = findAll(parseXml(first), 'edge');
    expect(edges).toHaveLength(buildFixtureGraph().size);
    expect(edges.map((edge) => edge.attributes.id)).toContain('e0');
    expect(first).not.toMatch(/geid_/);
  });

  it('declares columns for attributes outside the contract, typed from their values', async () => {
    const graph = buildFixtureGraph();
    graph.mergeNodeAttributes('actor:isis', { confidence: 0.75, verified: true, tags: ['a', 'b'], Weight: 3, KIND: 'x', 'odd name!': 'y' } as never);
    graph.mergeNodeAttributes('place:palmyra', { confidence: 1 } as never);
    const root = parseXml(await gexfText(graph));
    const columns = findAll(root, 'attributes')[0]!.children.map((column) => column.attributes);
    expect(columns).toContainEqual({ id: 'confidence', title: 'confidence', type: 'double' });
    expect(columns).toContainEqual({ id: 'verified', title: 'verified', type: 'boolean' });
    expect(columns).toContainEqual({ id: 'tags', title: 'tags', type: 'liststring' });
    // Titles that would shadow a contract column or a reserved name are left out.
    expect(columns.find((column) => column.title === 'Weight')).toBeUndefined();
    expect(columns.find((column) => column.title === 'KIND')).toBeUndefined();
    expect(columns.filter((column) => column.title?.toLowerCase() === 'kind')).toHaveLength(1);
    expect(columns.find((column) => column.title === 'odd name!')).toMatchObject({ type: 'string' });
    expect(columns.find((column) => column.title === 'odd name!')?.id).toMatch(/^attr_\d+$/);
  });

  it('round-trips arbitrary list items and labels', async () => {
    const unit = fc.oneof(fc.constantFrom('&', '<', '"', "'", '\\', '\n', '\u0001', '\uD800', '😀', ' '), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit, maxLength: 12 }), { maxLength: 5 }), fc.string({ unit, maxLength: 12 }), async (aliases, label) => {
        const graph = buildFixtureGraph();
        graph.mergeNodeAttributes('place:syria', { aliases, label });
        const root = parseXml(await gexfText(graph));
        const syria = byId(findAll(root, 'node')).get('place:syria')!;
        const expected = aliases.map(stripIllegalXmlChars).filter((alias) => alias.trim() !== '');
        const value = attvaluesByTitle(syria, columnTitles(root, 'node')).aliases;
        expect(value === undefined ? [] : JSON.parse(value)).toEqual(expected);
        expect(syria.attributes.label).toBe(stripIllegalXmlChars(label).trim() || 'place:syria');
      }),
      { numRuns: 60 },
    );
  });

  it('waits for drain and surfaces stream errors', async () => {
    const sink = new SlowSink();
    await writeGexf(buildFixtureGraph(), sink);
    expect(sink.chunks.length).toBeGreaterThan(0);
    const failing = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('disk full'));
      },
    });
    failing.on('error', () => undefined);
    const big = buildFixtureGraph();
    for (let i = 0; i < 3000; i++) big.addNode(`filler-${i}`, { label: 'x'.repeat(400), kind: 'actor' } as never);
    await expect(writeGexf(big, failing)).rejects.toThrow(/disk full|closed/);
  });

  describe.skipIf(!canCheck)('acceptance: ../shared/eval/gexf_check.py', () => {
    it('passes all three gates', async () => {
      const path = await writeToFile('fixture.gexf');
      const result = spawnSync('python3', [CHECKER, path], { encoding: 'utf8' });
      const lines = result.stdout.trim().split('\n');
      expect(lines, result.stdout + result.stderr).toHaveLength(3);
      for (const line of lines) expect(line, result.stdout).toMatch(/^PASS /);
      expect(result.status).toBe(0);
    });

    it('passes for an empty graph', async () => {
      const { MultiGraph } = await import('graphology');
      const path = await writeToFile('empty.gexf', new MultiGraph() as never);
      const stdout = execFileSync('python3', [CHECKER, path], { encoding: 'utf8' });
      expect(stdout.match(/^PASS /gm)).toHaveLength(3);
    });

    it('networkx reads back the nasty strings', async () => {
      const path = await writeToFile('nasty.gexf');
      const script = [
        'import json, sys, networkx as nx',
        'g = nx.read_gexf(sys.argv[1])',
        'n = g.nodes["actor:isis"]',
        'print(json.dumps({"aliases": json.loads(n["aliases"]), "label": g.nodes["event:undated_"]["label"], "lat": g.nodes["place:palmyra"]["lat"]}))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as Record<string, unknown>;
      expect(out.aliases).toEqual(['Daesh', 'IS', 'ISIS', 'Islamic State', NASTY_CLEAN]);
      expect(out.label).toBe(NASTY_CLEAN.trim());
      expect(out.lat).toBe(34.5503);
    });
  });
});

describe('gexfUtf8Chunks (the viewer’s export)', () => {
  it('gives the bytes writeGexf streams, across chunk boundaries and multi-byte characters', async () => {
    const graph = buildFixtureGraph();
    const isis = graph.getNodeAttributes('actor:isis');
    // ~2,000 nodes with 25 evidence sentences each: several 256 KB chunks; Arabic and emoji labels.
    for (let i = 0; i < 2000; i++) graph.addNode(`actor:n${i}`, { ...isis, label: `دمشق ${i} 😀` });
    const sink = new SlowSink();
    await writeGexf(graph, sink, { title: 'chunks' });
    const chunks = gexfUtf8Chunks(graph, { title: 'chunks' });
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).equals(Buffer.concat(sink.chunks))).toBe(true);
  });
});

describe('GEXF helpers', () => {
  it('escapes XML specials and strips illegal characters', () => {
    expect(escapeXml('a&b<c>d"e\'f')).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('x\u0001\u000B\uD800\uFFFE\uFFFFy')).toBe('xy');
    expect(escapeXml('tab\tline\nret\r')).toBe('tab&#9;line&#10;ret&#13;');
    expect(escapeXml('😀 العربية')).toBe('😀 العربية');
    expect(escapeXml(NASTY)).not.toMatch(/[\u0000-\u0008\uFFFE]/);
    expect(escapeXml('pair 😀 then lone \uDC00 and \uD83D')).toBe('pair 😀 then lone  and ');
    expect(escapeXmlForSingleQuotes('["it\'s", "a&b"]')).toBe('["it&apos;s", "a&amp;b"]');
  });

  it('escapes any string so that an XML parser reads back exactly its legal characters', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0001', '\uD800', '\uDFFF', '\uFFFE', '😀'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c))) });
    fc.assert(
      fc.property(text, (raw) => {
        const legal = stripIllegalXmlChars(raw);
        for (const [escaped, quote] of [[escapeXml(raw), '"'], [escapeXmlForSingleQuotes(raw), "'"]] as const) {
          expect(escaped).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF<]|&(?!amp;|lt;|gt;|quot;|apos;|#9;|#10;|#13;)/);
          expect(escaped.includes(quote)).toBe(false);
          const element = parseXml(`<a v=${quote}${escaped}${quote}/>`).children[0];
          expect(element?.attributes.v).toBe(legal);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts only real calendar days', () => {
    expect(isIsoDay('2016-12-11')).toBe(true);
    expect(isIsoDay('2016-02-29')).toBe(true);
    expect(isIsoDay('2015-02-29')).toBe(false);
    expect(isIsoDay('2016-12')).toBe(false);
    expect(isIsoDay('2016-13-01')).toBe(false);
    expect(isIsoDay(20161211)).toBe(false);
  });

  it('normalises spells: sorted, merged, closed at the last day', () => {
    expect(normalizeSpells([{ start: '2016-05-01', end: '2016-06-01' }, { start: '2016-06-01', end: '2016-07-01' }, { start: '2016-01-01', end: '2016-02-01' }], '2017-01-01')).toEqual([
      { start: '2016-01-01', end: '2016-02-01' },
      { start: '2016-05-01', end: '2016-07-01' },
    ]);
    expect(normalizeSpells([{ start: '2016-05-01' }], '2016-08-01')).toEqual([{ start: '2016-05-01', end: '2016-08-01' }]);
    expect(normalizeSpells([{ start: '2016-05-01' }], undefined)).toEqual([{ start: '2016-05-01', end: '2016-05-01' }]);
    expect(normalizeSpells([{ start: 'soon' }, null], '2016-08-01')).toEqual([]);
  });
});

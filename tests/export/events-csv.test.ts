import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, EVENT_CSV_COLUMNS, writeEventsCsv } from '../../src/export/events-csv.js';
import { buildFixtureGraph, NASTY, NASTY_CLEAN } from './fixture.js';
import { collectingSink } from '../helpers/sink.js';

async function csvText(graph = buildFixtureGraph()): Promise<string> {
  const sink = collectingSink();
  await writeEventsCsv(graph, sink.stream);
  return sink.text();
}

describe('RFC 4180 quoting', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('')).toBe('');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});

describe('writeEventsCsv', () => {
  it('writes one ACLED-like row per event, ordered by date, with CRLF line ends', async () => {
    const text = await csvText();
    expect(text.startsWith(`${EVENT_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parse(text, { columns: true, relax_quotes: false }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.event_id)).toEqual(['event:airstrike', 'event:capture', 'event:undated']);
    const capture = rows[1]!;
    expect(capture).toMatchObject({
      event_date: '2016-12-11',
      date_precision: 'day',
      event_type: 'Battles',
      sub_event_type: 'Non-state actor overtakes territory',
      actor1: 'Islamic State', // the heavier agent edge
      actor2: 'Syrian Army',
      assoc_actors: 'actor:blank-label', // a blank label falls back to the node key
      location: 'Palmyra',
      latitude: '34.5503',
      longitude: '38.2684',
      fatalities: '300',
      modality: 'asserted',
      sources: '2',
      source_documents: 'doc1.txt; doc2.txt',
      notes: 'Islamic State fighters, "backed" by artillery, re-entered Palmyra.',
    });
    const airstrike = rows[0]!;
    expect(airstrike).toMatchObject({ event_type: 'airstrike', actor1: 'Syrian Army', actor2: '', location: '', latitude: '', fatalities: '', sources: '1' });
  });

  it('round-trips hostile text through a CSV parser', async () => {
    const graph = buildFixtureGraph();
    graph.setNodeAttribute('event:capture', 'evidence', [{ doc: 'd', sentence: 0, text: 'He said, "no"\r\nthen left' }]);
    graph.setNodeAttribute('event:capture', 'acledEventType', NASTY);
    const rows = parse(await csvText(graph), { columns: true }) as Array<Record<string, string>>;
    const capture = rows.find((row) => row.event_id === 'event:capture')!;
    expect(capture.notes).toBe('He said, "no" then left');
    expect(capture.event_type).toBe(NASTY_CLEAN);
  });

  it('writes only the header for a graph without events', async () => {
    const graph = buildFixtureGraph();
    graph.forEachNode((node, attributes) => {
      if (attributes.kind === 'event') graph.dropNode(node);
    });
    expect(await csvText(graph)).toBe(`${EVENT_CSV_COLUMNS.join(',')}\r\n`);
  });
});

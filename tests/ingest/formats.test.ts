import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { docFromText, inputBytesUpTo, listInputs, readDocumentsFromFile, InputError } from '../../src/ingest/index.js';
import type { Diagnostic, Doc } from '../../src/types.js';
import { fixtureDir, PROSE, readAll } from './helpers.js';

describe('plain text', () => {
  it('takes the file name as id, the first meaningful line as title, and paragraphs separated by a blank line', async () => {
    const dir = fixtureDir({ '000_abc.txt': `Army retakes the old city\r\n\r\n${PROSE[0]}\r\n${PROSE[1]}\r\n` });
    const { docs, diagnostics } = await readAll([join(dir, '000_abc.txt')]);
    expect(diagnostics).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.id).toBe('000_abc.txt');
    expect(docs[0]!.title).toBe('Army retakes the old city');
    expect(docs[0]!.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
    expect(docs[0]!.source).toEqual({ file: join(dir, '000_abc.txt') });
    expect(docs[0]!.date).toBeUndefined();
  });

  it('joins hard-wrapped newswire lines into paragraphs (indented lines start a new one)', () => {
    const wrapped = [
      'Showers continued throughout the week in the Bahia cocoa zone,',
      'alleviating the drought since early January and improving',
      'prospects for the coming harvest, the weekly review said.',
      '    Arrivals for the week ended February 22 were 155,221 bags of',
      '60 kilos making a cumulative total for the season of 5.93 mln.',
      ' Reuter',
      '&#3;',
    ].join('\n');
    const doc = docFromText(wrapped, { id: 'r1', file: 'r.jsonl', title: 'BAHIA COCOA REVIEW', format: 'txt' }, {}, () => {});
    expect(doc!.text).toBe(
      'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming harvest, the weekly review said.\n\n' +
        'Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln.',
    );
  });

  it('derives a title from the first sentence when the page has no headline line', () => {
    const doc = docFromText(`Service :\nNews ID: 1234\n${PROSE[0]} ${PROSE[1]}`, { id: 'x', file: 'x.txt', format: 'txt' }, {}, () => {});
    expect(doc!.title).toBe(PROSE[0]!.replace(/\.$/, '')); // a headline has no full stop
    expect(doc!.text).toBe(`${PROSE[0]} ${PROSE[1]}`); // the lead sentence stays in the body
  });
});

describe('markdown', () => {
  it('reads YAML front matter (title, date, url) and strips markup', async () => {
    const md = `---\ntitle: "Palmyra retaken"\ndate: 2016-03-27\nurl: https://example.org/a\n---\n# Palmyra retaken\n\nThe **army** said [on Sunday](https://x.y) that troops\nhad entered the city after heavy fighting with militants.\n\n- ${PROSE[1]}\n`;
    const dir = fixtureDir({ 'a.md': md });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    expect(docs[0]).toMatchObject({ id: 'a.md', title: 'Palmyra retaken', date: '2016-03-27', dateSource: 'metadata', datePrecision: 'day', url: 'https://example.org/a' });
    expect(docs[0]!.text).toBe(`The army said on Sunday that troops had entered the city after heavy fighting with militants.\n\n${PROSE[1]}`);
  });

  it('reports broken front matter with its line and still reads the body', async () => {
    const dir = fixtureDir({ 'b.md': `---\ntitle: [unclosed\n---\n# Heading here\n\n${PROSE[0]}\n` });
    const { docs, diagnostics } = await readAll([dir]);
    expect(docs).toHaveLength(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.source).toEqual({ file: join(dir, 'b.md'), line: 1 });
    expect(diagnostics[0]!.message).toMatch(/front matter/);
  });
});

describe('html', () => {
  const page = `<!doctype html><html><head>
    <title>Army retakes Palmyra | Example News</title>
    <meta property="og:title" content="Army retakes Palmyra">
    <meta property="article:published_time" content="2016-03-27T10:15:00+03:00">
    <link rel="canonical" href="https://example.org/palmyra">
    <style>p { color: red }</style>
    <script>var tracking = "The script text must not appear";</script>
    </head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <aside>Most read: something else entirely happened elsewhere.</aside>
    <article>
      <h1>Army retakes Palmyra</h1>
      <p>${PROSE[0]}</p>
      <p>${PROSE[1]} <b>Bold</b> words &amp; entities stay inline.</p>
      <figure><img src="x.jpg"><figcaption>Ruins of the ancient city.</figcaption></figure>
      <div class="share-buttons"><button>Share</button> Facebook Twitter</div>
      <noscript>Enable JavaScript to read the comments</noscript>
      <form>Leave a comment <textarea></textarea></form>
    </article>
    <footer>Copyright 2016 Example News. All rights reserved.</footer>
    </body></html>`;

  it('keeps the visible article text only, with its metadata', async () => {
    const dir = fixtureDir({ 'page.html': page });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    const doc = docs[0]!;
    expect(doc).toMatchObject({ id: 'page.html', title: 'Army retakes Palmyra', date: '2016-03-27', dateSource: 'metadata', url: 'https://example.org/palmyra' });
    expect(doc.text).toBe(`${PROSE[0]}\n\n${PROSE[1]} Bold words & entities stay inline.\n\nRuins of the ancient city.`);
    for (const junk of ['script text', 'color: red', 'Home', 'Most read', 'Facebook', 'JavaScript', 'Leave a comment', 'Copyright']) {
      expect(doc.text).not.toContain(junk);
    }
  });

  it('prefers the article <h1> to a site-logo <h1> in the page header', async () => {
    const dir = fixtureDir({ 'logo.html': `<html><head><title>Army retakes Palmyra | Example</title></head><body><header><h1>Example News</h1></header><div><article><h1>Army retakes Palmyra</h1><p>${PROSE[0]}</p></article></div></body></html>` });
    const { docs } = await readAll([dir]);
    expect(docs[0]!.title).toBe('Army retakes Palmyra');
    const noH1 = fixtureDir({ 'x.html': `<html><head><title>Army retakes Palmyra | Example News</title></head><body><header><h1>Example News</h1></header><p>${PROSE[0]}</p></body></html>` });
    expect((await readAll([noH1])).docs[0]!.title).toBe('Army retakes Palmyra');
  });

  it('falls back to <h1>, <title> and <time datetime> without meta tags, and reads .htm', async () => {
    const dir = fixtureDir({ 'p.htm': `<html><head><title>Site | Page</title></head><body><main><h1>Headline of the page</h1><time datetime="2015-05-21">May 21</time><p>${PROSE[2]}</p></main></body></html>` });
    const { docs } = await readAll([dir]);
    expect(docs[0]).toMatchObject({ title: 'Headline of the page', date: '2015-05-21', dateSource: 'metadata' });
    expect(docs[0]!.text).toContain(PROSE[2]);
    expect(docs[0]!.text).not.toContain('Headline of the page');
  });
});

describe('html class hints', () => {
  it('drops share, related and comment containers but not page wrappers named after them', async () => {
    const html = `<html><body><div class="page with-sidebar ads-enabled"><div class="post-content comments-enabled">
      <p>${PROSE[0]}</p><div class="related-posts"><p>Another story entirely about something else that happened.</p></div>
      <p>${PROSE[1]}</p><section id="comments"><p>Great article, thanks for writing it, I agree with every word.</p></section>
      </div><div class="sidebar"><p>Most popular stories of the week on our site.</p></div></div></body></html>`;
    const dir = fixtureDir({ 'a.html': html });
    const { docs } = await readAll([dir]);
    expect(docs[0]!.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('reads the page without class hints when they would leave nothing', async () => {
    const dir = fixtureDir({ 'b.html': `<html><body><div class="share"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div></body></html>` });
    const { docs } = await readAll([dir]);
    expect(docs[0]!.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('reads markup with an unknown extension (xml, rss) for its text', async () => {
    const dir = fixtureDir({ 'feed.xml': `<?xml version="1.0"?><rss><channel><item><title>Feed item title</title><description>${PROSE[0]}</description></item></channel></rss>` });
    const { docs } = await readAll([dir]);
    expect(docs[0]!.text).toContain(PROSE[0]);
    expect(docs[0]!.text).not.toContain('<');
  });
});

describe('json and jsonl', () => {
  it('reads an array of objects with common field names, ids from the id field or <file>#<n>', async () => {
    const records = [
      { id: 'a1', headline: 'First headline', body: PROSE[0], published: '2016-03-26' },
      { article_title: 'Second headline', article_content: PROSE[1], pubDate: 'Sat, 26 Mar 2016 09:51:00 GMT' },
    ];
    const dir = fixtureDir({ 'list.json': JSON.stringify(records) });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => [d.id, d.title, d.date, d.text])).toEqual([
      ['a1', 'First headline', '2016-03-26', PROSE[0]],
      ['list.json#2', 'Second headline', '2016-03-26', PROSE[1]],
    ]);
    expect(docs[1]!.source).toEqual({ file: join(dir, 'list.json'), record: 2 });
  });

  it('reads one object and {articles: [...]}', async () => {
    const dir = fixtureDir({
      'one.json': JSON.stringify({ title: 'Only one', text: PROSE[0] }),
      'wrapped.json': JSON.stringify({ source: 'x', articles: [{ title: 'In a wrapper', content: PROSE[1] }] }),
    });
    const { docs } = await readAll([dir]);
    expect(docs.map((d) => d.title)).toEqual(['Only one', 'In a wrapper']);
  });

  it('reads JSON Lines saved with a .json extension', async () => {
    const dir = fixtureDir({ 'feed.json': `${JSON.stringify({ title: 'One', text: PROSE[0] })}\n${JSON.stringify({ title: 'Two', text: PROSE[1] })}\n` });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => [d.id, d.title])).toEqual([['feed.json#1', 'One'], ['feed.json#2', 'Two']]);
  });

  it('maps custom field names with options.fields', async () => {
    const dir = fixtureDir({ 'c.jsonl': JSON.stringify({ key: 'k9', story: PROSE[0], hed: 'Custom', when: '2017-01-02', link: 'https://e.x/1' }) + '\n' });
    const { docs } = await readAll([dir], { fields: { text: 'story', title: 'hed', date: 'when', id: 'key' } });
    expect(docs[0]).toMatchObject({ id: 'k9', title: 'Custom', date: '2017-01-02', url: 'https://e.x/1', text: PROSE[0] });
  });

  it('skips a broken JSONL line with a warning naming file:line and reads the rest', async () => {
    const lines = [JSON.stringify({ title: 'One', text: PROSE[0] }), '{"title": "Two", "text": ', '', JSON.stringify({ title: 'Three', text: PROSE[2] })];
    const dir = fixtureDir({ 'feed.jsonl': lines.join('\n') + '\n' });
    const { docs, diagnostics } = await readAll([dir]);
    expect(docs.map((d) => d.title)).toEqual(['One', 'Three']);
    expect(docs.map((d) => d.id)).toEqual(['feed.jsonl#1', 'feed.jsonl#3']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: 'warning', source: { file: join(dir, 'feed.jsonl'), line: 2, record: 2 } });
    expect(diagnostics[0]!.message).toMatch(/broken JSON line/);
  });

  it('warns about a record without text and about invalid JSON files', async () => {
    const dir = fixtureDir({ 'a.json': JSON.stringify([{ title: 'No text here' }, { text: PROSE[0] }]), 'b.json': '{"title": ' });
    const { docs, diagnostics } = await readAll([dir]);
    expect(docs).toHaveLength(1);
    expect(diagnostics.map((d) => [d.source.file.endsWith('a.json') ? 'a' : 'b', d.source.record ?? null])).toEqual([['a', 1], ['b', null]]);
    expect(diagnostics[1]!.message).toMatch(/not valid JSON/);
  });

  it('reads HTML held in a record field', async () => {
    const dir = fixtureDir({ 'h.json': JSON.stringify([{ title: 'T', text: `<p>${PROSE[0]}</p><script>x()</script><p>${PROSE[1]}</p>` }]) });
    const { docs } = await readAll([dir]);
    expect(docs[0]!.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });
});

describe('csv', () => {
  it('finds the text column by name, with quoted multi-line fields, M/D/YYYY dates and record lines', async () => {
    const csv = `unit_id,article_title,article_content,source,date\n11,First title,"${PROSE[0]}\n\n${PROSE[1]}",x,4/5/2017\n12,Second title,"He said ""yes"" to it. ${PROSE[2]}",y,12/25/2016\n`;
    const dir = fixtureDir({ 'data.csv': csv });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => [d.id, d.title, d.date, d.dateSource])).toEqual([
      ['11', 'First title', '2017-04-05', 'metadata'],
      ['12', 'Second title', '2016-12-25', 'metadata'],
    ]);
    expect(docs[0]!.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
    expect(docs[1]!.text).toContain('He said "yes" to it.');
    expect(docs[1]!.source).toEqual({ file: join(dir, 'data.csv'), record: 2, line: 5 });
  });

  it('reads semicolon and tab separated files', async () => {
    const dir = fixtureDir({ 'a.csv': `title;text\nSemi;${PROSE[0]}\n`, 'b.tsv': `title\ttext\nTab\t${PROSE[1]}\n` });
    const { docs } = await readAll([dir]);
    expect(docs.map((d) => [d.title, d.text])).toEqual([['Semi', PROSE[0]], ['Tab', PROSE[1]]]);
  });
});

describe('inputs', () => {
  it('walks folders recursively and sorted, skipping hidden files and node_modules; keeps "-"', async () => {
    const dir = fixtureDir({ 'b.txt': 'x', 'a/z.txt': 'x', 'a/c.md': 'x', '.hidden.txt': 'x', '.git/config': 'x', 'node_modules/m/i.txt': 'x' });
    const files = await listInputs([dir, '-']);
    expect(files).toEqual([join(dir, 'a', 'c.md'), join(dir, 'a', 'z.txt'), join(dir, 'b.txt'), '-']);
  });

  it('counts the bytes of the input files up to a limit (how many threads a build starts)', async () => {
    const dir = fixtureDir({ 'a.txt': 'x'.repeat(300), 'b/c.txt': 'y'.repeat(500), '.hidden.txt': 'z'.repeat(10_000) });
    expect(await inputBytesUpTo([dir], 10_000)).toBe(800);
    expect(await inputBytesUpTo([dir, join(dir, 'a.txt')], 10_000)).toBe(1100);
    // Past the limit the walk stops at once: the count so far, above the limit.
    expect(await inputBytesUpTo([dir], 400)).toBe(800);
    expect(await inputBytesUpTo([dir, '-'], 10_000)).toBe(Number.POSITIVE_INFINITY);
    expect(await inputBytesUpTo([join(dir, 'missing.txt')], 10_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('expands globs and throws InputError for a missing path or an empty glob', async () => {
    const dir = fixtureDir({ 'x1.txt': 'x', 'x2.txt': 'x', 'y.md': 'x' });
    expect(await listInputs([join(dir, '*.txt')])).toEqual([join(dir, 'x1.txt'), join(dir, 'x2.txt')]);
    await expect(listInputs([join(dir, 'nope.txt')])).rejects.toThrow(InputError);
    await expect(listInputs([join(dir, 'nope.txt')])).rejects.toThrow(/nope\.txt/);
    await expect(listInputs([join(dir, '*.csv')])).rejects.toBeInstanceOf(InputError);
    await expect(readAll([join(dir, 'missing')])).rejects.toBeInstanceOf(InputError);
  });

  it('reads standard input for "-", sniffing text, HTML or JSON', async () => {
    const read = async (content: string) => {
      const docs: Doc[] = [];
      const diags: Diagnostic[] = [];
      for await (const d of readDocumentsFromFile('-', { stdin: Readable.from([Buffer.from(content)]) }, (x) => diags.push(x))) docs.push(d);
      return docs;
    };
    expect((await read(`A headline from a pipe\n\n${PROSE[0]}`))[0]).toMatchObject({ id: 'stdin', title: 'A headline from a pipe', source: { file: '-' } });
    expect((await read(`<html><body><p>${PROSE[1]}</p></body></html>`))[0]!.text).toBe(PROSE[1]);
    expect((await read(`{"title":"J1","text":"${PROSE[0]}"}\n{"title":"J2","text":"${PROSE[1]}"}\n`)).map((d) => d.id)).toEqual(['stdin#1', 'stdin#2']);
  });

  it('gives duplicated ids a ~2 suffix in input order, with a warning', async () => {
    const dir = fixtureDir({ 'a/same.txt': `One\n\n${PROSE[0]}`, 'b/same.txt': `Two\n\n${PROSE[1]}` });
    const { docs, diagnostics } = await readAll([dir]);
    expect(docs.map((d) => d.id)).toEqual(['same.txt', 'same.txt~2']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ source: { file: join(dir, 'b', 'same.txt') } });
    expect(diagnostics[0]!.message).toMatch(/duplicate document id/);
  });

  it('walks a folder with a symbolic-link loop once', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = fixtureDir({ 'sub/a.txt': `Headline here\n\n${PROSE[0]}` });
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    expect(await listInputs([dir])).toEqual([join(dir, 'sub', 'a.txt')]);
  });

  it('refuses a --date that is not a date, as a usage error', async () => {
    const dir = fixtureDir({ 'a.txt': PROSE[0]! });
    await expect(readAll([dir], { dateOverride: '26/13/2016' })).rejects.toBeInstanceOf(InputError);
  });

  it('reads a web page saved as .txt as HTML', async () => {
    const dir = fixtureDir({ 'saved.txt': `<!DOCTYPE html><html><head><title>Saved page title here</title><script>x()</script></head><body><p>${PROSE[0]}</p></body></html>` });
    const { docs } = await readAll([dir]);
    expect(docs[0]).toMatchObject({ title: 'Saved page title here', text: PROSE[0] });
  });

  it('names the missing custom text field of a record', async () => {
    const dir = fixtureDir({ 'r.json': JSON.stringify([{ text: PROSE[0] }]) });
    const { docs, diagnostics } = await readAll([dir], { fields: { text: 'story' } });
    expect(docs).toEqual([]);
    expect(diagnostics[0]!.message).toMatch(/no "story" field/);
  });

  it('tries unknown extensions as text', async () => {
    const dir = fixtureDir({ 'article.page': `Unknown extension title\n\n${PROSE[0]}` });
    const { docs, diagnostics } = await readAll([dir]);
    expect(diagnostics).toEqual([]);
    expect(docs[0]).toMatchObject({ id: 'article.page', title: 'Unknown extension title', text: PROSE[0] });
  });

  it('is deterministic: the same input gives identical documents', async () => {
    const dir = fixtureDir({ 'a.txt': `Head line here\n\n${PROSE.join('\n')}`, 'b.json': JSON.stringify([{ text: PROSE[1] }]) });
    expect(JSON.stringify(await readAll([dir]))).toBe(JSON.stringify(await readAll([dir])));
  });
});

describe('options', () => {
  it('--date overrides every other date, and long articles are truncated with a warning', async () => {
    const dir = fixtureDir({ 'a.md': `---\ndate: 2015-01-01\n---\n${PROSE[0]}\n` });
    const { docs } = await readAll([dir], { dateOverride: '2016-03-26' });
    expect(docs[0]).toMatchObject({ date: '2016-03-26', dateSource: 'flag', datePrecision: 'day' });

    const diags: Diagnostic[] = [];
    const doc = docFromText(`${PROSE[0]}\n${PROSE[1]}`, { id: 'l', file: 'l.txt', format: 'txt' }, { maxChars: 140 }, (d) => diags.push(d));
    expect(doc!.text.length).toBeLessThanOrEqual(140);
    expect(diags).toHaveLength(1);
    expect(diags[0]!.message).toMatch(/only the first 140/);
  });
});

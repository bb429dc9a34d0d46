import { describe, expect, it } from 'vitest';
import { docFromText } from '../../src/ingest/index.js';
import { loadFurnitureRules, stripInline, stripRelatedTrailer, stripTrailing } from '../../src/ingest/furniture.js';
import type { Diagnostic } from '../../src/types.js';
import { PROSE } from './helpers.js';

function clean(raw: string, title?: string) {
  const diags: Diagnostic[] = [];
  const meta: Parameters<typeof docFromText>[1] = { id: 't', file: 't.txt', format: 'txt' };
  if (title) meta.title = title;
  const doc = docFromText(raw, meta, {}, (d) => diags.push(d));
  expect(diags).toEqual([]);
  return doc!;
}

/** An article with `line` between two body paragraphs. */
function between(line: string): string {
  return clean(`Headline of the article here\n${PROSE[0]}\n${line}\n${PROSE[1]}\n${PROSE[2]}`).text;
}

const DROPPED: Array<[string, string[]]> = [
  ['share bars and social rows', ['Share', 'Tweet', 'WhatsApp', 'Share this article', 'Share on Facebook', 'Facebook Twitter Youtube', 'Facebook | Twitter | Telegram | Email', 'Shares 120', 'Pin it', 'Copy link']],
  ['back to top', ['Back to top', 'Back to top button', 'Scroll Up', 'Go to top']],
  ['print and font tools', ['Print', '• Print', 'Print this article', 'Font size:', 'A+ A-', 'Printer-friendly version']],
  ['related headings and teasers', ['Related Items', 'Related articles', 'Read more', 'Read more: Syria talks stall again', 'Read also', 'See also: earlier coverage', 'You may also like', 'Most read']],
  ['tags', ['Tags: Syria, Palmyra, ISIS', 'Category: Middle East']],
  ['comment-form fields', ['Name :', 'Email :', '*Comments :', 'Website', 'Your email address will not be published. Required fields are marked *', 'Please type in your comments in English.', 'The comments that contain insults or libel will not be disclosed', 'Cancel reply', 'Notify me of new posts by email.', 'Comments are closed.', 'Show comments (12)']],
  ['subscription, paywall and cookies', ['You have read 0 of 5 free articles', 'Subscribe to our newsletter', 'Sign up for our daily briefing', 'We use cookies to improve your experience.', 'Accept all cookies', 'Advertisement', 'Log in', 'Already a subscriber? Sign in', 'Click here to read more']],
  ['counters and labels', ['News ID: 425676', 'News Code: 37686', 'View: 739', 'Views: 1,204', 'Service :', 'Time: 20:57', 'Source: ARA News', 'Author: Jane Doe', '847/940', '(26)', '1,204 views', '5 min read']],
  ['bylines', ['Reporting by: Haytham Mustafa | Source: ARA News', 'Editing by John Stonestreet', 'Getty Images']],
  ['sign-offs', ['Reuter', 'REUTERS', '- AFP', '(end)']],
  ['navigation', ['Home', 'Menu', 'Home News World Politics', 'Home | World | Middle East | Syria', 'Next article', 'Previous post: Army advances', '© 2016 Example News. All rights reserved.', 'Copyright 2017 Agency', 'Skip to content']],
  ['captchas and bullet-only lines', ['11 − 11 =', '3 + 4 = ?', '•', '* * *', '— —', '|']],
  ['header date bars', ['23 June 2018 - Saturday - 9 Shawwal 1439 | 22/06/2018 (26) 21/06/2018 (23) 20/06/2018 (34) 19/06/2018 (44) Total: 139,131 content Facebook Twitter Youtube']],
];

describe('page furniture lines are dropped', () => {
  for (const [rule, lines] of DROPPED) {
    it(rule, () => {
      for (const line of lines) {
        const text = between(line);
        expect(text, `"${line}" was kept`).toBe(`${PROSE[0]}\n\n${PROSE[1]}\n\n${PROSE[2]}`);
      }
    });
  }
});

describe('article text that looks like furniture is kept', () => {
  const KEPT = [
    'The opposition shared a video on Twitter showing the destruction of the temple, activists said.',
    'Print and broadcast media were banned from the area, the ministry said on Sunday afternoon.',
    'Comments by the minister drew criticism from the opposition, which called them provocative.',
    'Subscribers to the agency feed received the statement an hour later, according to editors.',
    'Home to the ancient ruins, the city was declared a World Heritage Site by UNESCO in 1980.',
    'Syrian Army Losing Ground To ISIS in Homs',
    'A Syrian national flag flutters as the ruins of the historic city of Palmyra are seen in the background',
    // a chronicle's paragraph names three dates, like a header bar, but it is prose
    'On 24 January 2017, the prime minister said the east of the city was retaken. The assault on the west began on 19 February 2017. On 17 March 2017, an airstrike killed 100 civilians.',
  ];
  it.each(KEPT)('%s', (line) => {
    expect(between(line)).toBe(`${PROSE[0]}\n\n${line}\n\n${PROSE[1]}\n\n${PROSE[2]}`);
  });
});

describe('trailing sections are cut once the article has started', () => {
  const CUTS = ['Leave a Reply', 'Leave a Reply Cancel reply', 'Send comment', 'Your comment', 'Comments', '12 Comments', 'Join the discussion'];
  it.each(CUTS)('"%s" and everything after it', (line) => {
    const text = clean(`Headline of the article here\n${PROSE[0]}\n${PROSE[1]}\n${line}\nGreat article, I completely agree with what the writer says about the war.\nAnonymous\n`).text;
    expect(text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('a reader comment under a date stamp ("1395/12/13 4:19")', () => {
    const text = clean(`Headline of the article here\n${PROSE[0]}\n${PROSE[1]}\n\n1395/12/13 4:19\nWhere is ISIS getting its weapons from, that it was able to retake the city?\n`).text;
    expect(text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('a related-links list at the end of the page, but not a "Related articles" box near the top', () => {
    const tail = clean(`Headline of the article here\n${PROSE[0]}\n${PROSE[1]}\n${PROSE[2]}\n${PROSE[0]}\nRelated articles\nArmy advances in Homs\nTalks resume in Geneva\n`).text;
    expect(tail).toBe(`${PROSE[0]}\n\n${PROSE[1]}\n\n${PROSE[2]}\n\n${PROSE[0]}`);
    const early = clean(`Headline of the article here\n${PROSE[0]}\nRelated articles\n${PROSE[1]}\n${PROSE[2]}\n${PROSE[0]}\n${PROSE[1]}\n${PROSE[2]}\n`).text;
    expect(early.split('\n\n')).toHaveLength(6);
  });

  it('the back matter of an encyclopaedia page, however long its reference list', () => {
    const references = Array.from({ length: 12 }, (_, i) => `"Report number ${i + 1} on the battle". Example News. ${i + 1} March 2022.`).join('\n');
    for (const heading of ['See also', 'References', 'External links', 'Further reading']) {
      const text = clean(`Battle of the river\n${PROSE[0]}\n${PROSE[1]}\n${heading}\nSiege of the northern city\n${references}\n`).text;
      expect(text, heading).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
    }
    // the words inside a sentence cut nothing
    const kept = clean(`Battle of the river\n${PROSE[0]}\nSee also the ministry's statement on the talks, which the envoy called constructive.\n${PROSE[1]}`).text;
    expect(kept.split('\n\n')).toHaveLength(3);
  });

  it('a "Discussion" subheading early in an analysis does not cut it', () => {
    const doc = clean(`Headline of the article here\n${PROSE[0]}\nDiscussion\n${PROSE[1]}\n${PROSE[2]}\n${PROSE[0]}\n${PROSE[1]}`);
    expect(doc.text.split('\n\n')).toHaveLength(6);
  });

  it('comment-like words before the article body do not cut it', () => {
    const doc = clean(`Comments\nHeadline of the article here\n${PROSE[0]}\n${PROSE[1]}`);
    expect(doc.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });
});

describe('header lines', () => {
  it('site names, section names and labels above the headline are dropped; the headline loses its site suffix', () => {
    const doc = clean(`Example News Agency\nSyria\nArmy retakes the ancient city - Example News Agency\nMonitoring group:\n${PROSE[0]}\n${PROSE[1]}`);
    expect(doc.title).toBe('Army retakes the ancient city');
    expect(doc.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('a menu of capitalised words is not taken for the headline', () => {
    const doc = clean(`Home News Syria Iraq Lebanon Opinion Sport Culture\nArmy retakes the ancient city of Palmyra\n${PROSE[0]}`);
    expect(doc.title).toBe('Army retakes the ancient city of Palmyra');
    expect(doc.text).toBe(PROSE[0]);
  });

  it('an article of short paragraphs keeps its first line as the title and all its paragraphs', () => {
    const doc = clean('Palmyra falls again\nThe army withdrew on Sunday.\nMilitants entered the ancient city after dark.\nResidents fled towards Homs.');
    expect(doc.title).toBe('Palmyra falls again');
    expect(doc.text).toBe('The army withdrew on Sunday.\n\nMilitants entered the ancient city after dark.\n\nResidents fled towards Homs.');
  });

  it('a repeated headline inside the page is dropped', () => {
    const doc = clean(`Army retakes the ancient city\n${PROSE[0]}\nArmy retakes the ancient city\n${PROSE[1]}`);
    expect(doc.text).toBe(`${PROSE[0]}\n\n${PROSE[1]}`);
  });

  it('a dateline and the headline glued to the start of a flattened page are stripped', () => {
    const doc = clean(`Wed 05 Apr 2017 Army retakes the ancient city. ${PROSE[0]} ${PROSE[1]}`, 'Army retakes the ancient city');
    expect(doc.text).toBe(`${PROSE[0]} ${PROSE[1]}`);
    const sited = clean(`Army retakes the ancient city AFP Tuesday 14 Oct 2014 ${PROSE[0]}`, 'Army retakes the ancient city - Region - World - Example Online');
    expect(sited.title).toBe('Army retakes the ancient city');
    expect(sited.text).toBe(PROSE[0]);
  });

  it('share buttons and "Read also" glued to the end of a flattened page are stripped', () => {
    const rules = loadFurnitureRules();
    expect(stripTrailing(`${PROSE[0]} Read Also`, rules)).toBe(PROSE[0]);
    expect(stripTrailing(`${PROSE[0]} (Source: Syrian Coalition) Twitter`, rules)).toBe(`${PROSE[0]} (Source: Syrian Coalition)`);
    expect(stripTrailing(`${PROSE[0]} He used a blueprint`, rules)).toBe(`${PROSE[0]} He used a blueprint`);
    const long = `${PROSE[0]} ${PROSE[1]} ${PROSE[2]}`;
    for (const tail of [' Source TRTWorld and agencies', ' Tags Syria Aleppo civilian casualties', ' - REUTERS', ' R.J/H.Said', ' SSH 11', ' 218-11', ' Subscribe on Facebook Like Follow Copyright 2018 Example World.', ' Our Standards:The Thomson Reuters Trust Principles.']) {
      expect(stripTrailing(long + tail, rules), tail).toBe(long);
    }
    // A closing sentence without a full stop is not a signature.
    expect(stripTrailing(`${long} Civilians returned to the city`, rules)).toBe(`${long} Civilians returned to the city`);
  });

  it('a related-headlines box at the end of a flattened page is cut from the last sentence on', () => {
    const rules = loadFurnitureRules();
    const long = `${PROSE[0]} ${PROSE[1]}`;
    const boxes = [
      ' ... 43 Topic Violence Erupts as Islamic State Rises (1881) Related Syrian Forces Deny Killing Dozens of Civilians Kobani in Ruins After Anti-IS Airstrikes',
      ' ... 91 Related US-Led Coalition Destroys 22 Daesh Positions Near Manbij - CENTCOM Syrian Army Gains Control',
      ' Source AFP Related News Suicide car bomb kills eight in Daraa Death toll rises to 70 as bombs rain down',
      ' Related Coverage U.S. to wait and see on use of force in Syria: army chief of staff',
    ];
    for (const box of boxes) expect(stripRelatedTrailer(long + box, rules), box).toBe(long);
    // Running text after the marker is the article, not a box ("Related" opens a related story's teaser mid-page).
    const inline = `${PROSE[0]} Related Coverage Talks stall in Geneva ${PROSE[1]} ${PROSE[2]}`;
    expect(stripRelatedTrailer(inline, rules)).toBe(inline);
    // "Related" as an ordinary word, and a marker far from the last sentence, are left alone.
    for (const text of [`${long} Related talks are planned.`, `${long} ${'Word '.repeat(60)}Related Aleppo Falls`]) {
      expect(stripRelatedTrailer(text, rules)).toBe(text);
    }
    // The markers are data: without them nothing is cut.
    expect(stripRelatedTrailer(long + boxes[0]!, { ...rules, relatedMarker: undefined })).toBe(long + boxes[0]);
  });

  it('stamps and labels glued before the first sentence of a flattened page are stripped', () => {
    for (const head of ['Last updated at Jul 282016 ', '(updated 1601 10.10.2017) Get short URL 1721 ', 'Wed 01 Oct 2014 at 1459 ', 'UPDATED ', 'Video ', 'Date of publication 7 July 2016 ']) {
      expect(clean(`${head}${PROSE[0]} ${PROSE[1]}`, 'Unrelated headline').text, head).toBe(`${PROSE[0]} ${PROSE[1]}`);
    }
  });
});

describe('site footers, credit lines and photo credits of flattened pages', () => {
  const rules = loadFurnitureRules();
  const long = `${PROSE[0]} ${PROSE[1]}`;

  it('a footer in layers (promotion, copyright, menu) before a related box: all of it is cut', () => {
    const page = `${long} Source TRTWorld and agencies Related News Iraqs vote violations | The global gag rule Will peace talks end the war or become another failure? Category News Summit in Tehran calls for political solution A picture is worth a thousand words. Follow us on Instagram. FOLLOW EXAMPLEWORLD Dont miss out on the Latest News We wont spam you and we respect your privacy. SUBSCRIBE Example World on Youtube Subscribe to our Youtube channel for all latest reporting from around the world. Subscribe Example World on Facebook Like Follow Copyright 2018 Example World. Example World Watch Live Contact Us Terms of Use Privacy Policy Cookie Policy`;
    expect(stripTrailing(page, rules)).toBe(long);
  });

  it('credit lines and update stamps after the last sentence are cut', () => {
    for (const tail of [
      ' Reporting by Oliver Holmes; Editing by John Stonestreet',
      ' Additional reporting by Tom Perry in Beirut; Editing by Robin Pomeroy',
      ' Last Update: Sunday 25 August 2013 KSA 15:55 - GMT 12:55 1',
      ' Follow us on Twitter for the latest updates.',
    ]) {
      expect(stripTrailing(long + tail, rules), tail).toBe(long);
    }
  });

  it('article sentences about reporting, updates and following are kept', () => {
    for (const tail of [
      ' Reporting by state media could not be verified, the monitor said.',
      ' reporting by state media was limited',
      ' The last update from the ministry came at noon GMT.',
      ' Residents were told to follow us on foot, a volunteer said.',
    ]) {
      expect(stripTrailing(long + tail, rules), tail).toBe(long + tail);
    }
  });

  it('photo and agency credits between a caption and the text are removed', () => {
    const cases: Array<[string, string]> = [
      ['A man walks past the site on July 27 2016. (TRT World and Agencies) A bomb blast killed 48 people.', 'A man walks past the site on July 27 2016. A bomb blast killed 48 people.'],
      ['Smoke rises over Aleppo on July 21 2015. (AFP Photo) At least 18 civilians were killed.', 'Smoke rises over Aleppo on July 21 2015. At least 18 civilians were killed.'],
      ['Smoke rises over Aleppo April 18 2017 (File photo) (TRT World and Agencies) A bomb killed six people.', 'Smoke rises over Aleppo April 18 2017 A bomb killed six people.'],
      ['Residents inspect the damage in Idlib September 10 2016. (Reuters) Lebanese groups condemned the strike.', 'Residents inspect the damage in Idlib September 10 2016. Lebanese groups condemned the strike.'],
      ['Putin attends a meeting in Sochi Thursday Oct. 27 2016 (Photo AP) Syrian rebels launched an assault.', 'Putin attends a meeting in Sochi Thursday Oct. 27 2016 Syrian rebels launched an assault.'],
    ];
    for (const [text, expected] of cases) expect(stripInline(text, rules)).toBe(expected);
  });

  it('datelines and parentheses in running text are kept', () => {
    for (const text of [
      'DAMASCUS (Reuters) - Syrian troops advanced on Sunday.',
      'The agency (AFP) said the photo (taken on Monday) shows the square.',
      'Officials from the ministry (Reuters and AFP reported) met on Monday.',
      'He showed a photo (AFP Photo) of the damaged school to reporters.',
      'The UN said (Reuters) that aid had arrived.',
    ]) {
      expect(stripInline(text, rules)).toBe(text);
    }
  });

  it('a page header ending in a short-URL widget, its topic box and counters is stripped', () => {
    for (const head of [
      'Reports Sputnik Jane Doe Middle East 2159 18.05.2017(updated 2204 18.05.2017) Get short URL 0 55 ',
      'REUTERS Jane Doe Middle East 1730 28.04.2017Get short URL Topic Battle Against Daesh in Syria (180) 0 54 ',
      '18.10.2014Get short URL 0 13 ',
      '13.04.2017) Get short URL Topic Operation to Liberate Raqqa (61) 112010 ',
    ]) {
      expect(clean(`${head}${PROSE[0]} ${PROSE[1]}`, 'Unrelated headline').text, head).toBe(`${PROSE[0]} ${PROSE[1]}`);
    }
    // one counter, then an article that opens with a number: the number is kept
    expect(clean(`Middle East 1449 09.04.2017Get short URL 1285 24 Daesh fighters were killed. ${PROSE[0]}`, 'Unrelated headline').text).toBe(`24 Daesh fighters were killed. ${PROSE[0]}`);
    // a sentence before the widget is article text, not a header
    const sentence = `Militants fired rockets at the city on 18.05.2017. Get short URL 0 55 ${PROSE[0]}`;
    expect(clean(sentence, 'Unrelated headline').text).toBe(sentence);
  });

  it('the inline rules are data: without them nothing is removed', () => {
    const text = 'Smoke rises over Aleppo on July 21 2015. (AFP Photo) At least 18 civilians were killed.';
    expect(stripInline(text, { ...rules, inline: [] })).toBe(text);
  });

  it('a flattened page loses its credits in the document text', () => {
    const doc = clean(`${PROSE[0]} (TRT World and Agencies) ${PROSE[1]} Reporting by Jane Doe; Editing by John Roe`, 'Unrelated headline');
    expect(doc.text).toBe(`${PROSE[0]} ${PROSE[1]}`);
  });
});

describe('the rule table', () => {
  it('loads from data/ingest/furniture.json without problems', () => {
    const rules = loadFurnitureRules();
    expect(rules.problems).toEqual([]);
    expect(rules.drop.length).toBeGreaterThan(10);
    expect(rules.cutAfter.length).toBeGreaterThan(0);
  });

  it('reports a broken user rule instead of failing', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'furn-'));
    const file = join(dir, 'f.json');
    writeFileSync(file, JSON.stringify({ drop: [{ pattern: '^(unclosed' }, { pattern: '^ok$' }] }));
    const rules = loadFurnitureRules(file);
    rmSync(dir, { recursive: true, force: true });
    expect(rules.drop).toHaveLength(1);
    expect(rules.problems).toHaveLength(1);
    expect(rules.problems[0]).toMatch(/drop\[0\].*invalid regular expression/);
  });
});

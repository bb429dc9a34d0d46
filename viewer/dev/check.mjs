#!/usr/bin/env node
/**
 * Dev smoke check of the built viewer in headless Chromium: console errors, ready flag, status,
 * search, panel, article, legend, time range, node list, URL state, exports, file open, map mode,
 * screenshots. Usage: node viewer/dev/check.mjs <base-url> [screenshot-dir]
 * Exits 1 when a check fails.
 */
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:8765/';
const shots = process.argv[3] ?? '/tmp';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
const problems = [];
let failures = 0;
const check = (name, ok, detail = '') => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!ok) failures++;
};
page.on('console', (m) => {
  if (m.type() === 'error') problems.push(`${m.type()}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('dialog', (d) => {
  problems.push(`dialog opened: ${d.message()}`);
  void d.dismiss();
});
const ready = () => page.waitForFunction(() => window.__newsgraph?.ready === true, null, { timeout: 15000 });
const counts = async () => {
  const m = /(\d+) nodes, (\d+) edges shown/.exec(await page.textContent('#status'));
  return m ? [Number(m[1]), Number(m[2])] : null;
};

await page.goto(base);
await ready();
const [n0, e0] = await counts();
check('status counts', n0 > 0 && e0 > 0, `${n0} nodes, ${e0} edges`);

// search
await page.fill('#search', 'Tadmur');
await page.waitForSelector('#search-results [role=option]');
check('search Tadmur → Palmyra', (await page.getAttribute('#search-results [role=option]', 'data-node')) === 'place:palmyra');
await page.fill('#search', 'daesh');
await page.waitForTimeout(50);
check('search daesh → Islamic State', (await page.getAttribute('#search-results [role=option]', 'data-node')) === 'actor:isil');
await page.fill('#search', 'Tadmur');
await page.press('#search', 'Enter');
await page.waitForSelector('#panel [data-field=label]');
check('panel label', (await page.textContent('#panel [data-field=label]')) === 'Palmyra');
check('panel kind/type', (await page.textContent('#panel [data-field=kind]')) === 'place' && (await page.textContent('#panel [data-field=type]')) === 'city');
await page.waitForTimeout(900);
check('selection in URL', page.url().includes('sel=place%3Apalmyra'), page.url());
await page.screenshot({ path: `${shots}/viewer-graph.png` });

// article
await page.click('#panel .evidence li a.open-article');
await page.waitForSelector('#article mark');
check('article mark', (await page.textContent('#article mark')).startsWith('Islamic State fighters seized'));
await page.click('#article-close');

// neighbours clickable
await page.click('#panel .neighbours [data-node="actor:isil"]');
check('neighbour click selects', (await page.textContent('#panel [data-field=label]')) === 'Islamic State');

// XSS label
await page.fill('#search', 'img src');
await page.waitForTimeout(50);
await page.press('#search', 'Enter');
await page.waitForTimeout(300);
check('xss label literal', (await page.textContent('#panel [data-field=label]')) === '<img src=x onerror=alert(1)>');
check('no img injected', (await page.locator('#panel img, #node-list img, #search-results img').count()) === 0);

// legend
await page.click('#legend button[data-kind=event]');
const [n1] = await counts();
check('legend hides events', n1 < n0 && (await page.getAttribute('#legend button[data-kind=event]', 'aria-pressed')) === 'false', `${n1}`);
await page.click('#legend button[data-kind=event]');
await page.click('#legend button[data-type=capture]');
await page.waitForTimeout(300);
check('hide type in URL', page.url().includes('hide=type:capture'), page.url());
await page.click('#legend button[data-type=capture]');

// filters
await page.selectOption('#filter-document', '000_palmyra_2015.txt');
const [n2] = await counts();
check('document filter', n2 < n0, `${n2}`);
await page.selectOption('#filter-document', '');
await page.fill('#filter-min-mentions', '3');
const [n3] = await counts();
check('min mentions filter', n3 < n0, `${n3}`);
await page.fill('#filter-min-mentions', '0');

// time range via values + events
await page.evaluate(() => {
  const from = document.querySelector('#time-from');
  from.value = String(Math.round(Number(from.max) / 2));
  from.dispatchEvent(new Event('input', { bubbles: true }));
});
await page.waitForTimeout(400);
const fromDate = await page.getAttribute('#time-from', 'data-date');
const ghostColour = await page.evaluate(() => {
  const { sigma, graph } = window.__newsgraph;
  const early = graph.findNode((k, a) => a.kind === 'event' && a.start && a.start < '2015-06-01');
  return sigma.getNodeDisplayData(early).color;
});
check('time range ghosts', /^\d{4}-\d{2}-\d{2}$/.test(fromDate) && ghostColour === '#e3e5e8', `${fromDate} ${ghostColour}`);
check('time in URL', page.url().includes(`from=${fromDate}`));

// node list keyboard
await page.focus('#node-list');
await page.keyboard.press('ArrowDown');
await page.keyboard.press('ArrowDown');
const activeKey = await page.evaluate(() => document.getElementById(document.querySelector('#node-list').getAttribute('aria-activedescendant'))?.dataset.node);
await page.keyboard.press('Enter');
await page.waitForTimeout(900);
check('node list Enter selects', activeKey && (await page.evaluate(() => window.__newsgraph.state.selected)) === activeKey, activeKey);

// URL restore
const url = page.url();
const page2 = await context.newPage();
page2.on('pageerror', (e) => problems.push(`pageerror(2): ${e.message}`));
await page2.goto(url);
await page2.waitForFunction(() => window.__newsgraph?.ready === true);
const restored = await page2.evaluate(() => window.__newsgraph.state);
check('URL state restored', restored.selected === activeKey && restored.from === fromDate, JSON.stringify(restored));
await page2.close();

// exports
const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
const gexfPath = await gexf.path();
const gexfText = readFileSync(gexfPath, 'utf8');
check('GEXF export', gexfText.includes('<gexf') && gexfText.includes('Palmyra'), gexf.suggestedFilename());
const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
check('PNG export', png.suggestedFilename().endsWith('.png'), png.suggestedFilename());

// open a GEXF file through the picker
await page.setInputFiles('#file-input', { name: 'graph.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexfText) });
await page.waitForFunction(() => window.__newsgraph?.ready === true);
const [n4] = await counts();
check('GEXF file opens', n4 > 0, `${n4} nodes`);
await page.setInputFiles('#file-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"nope":1}') });
await page.waitForTimeout(200);
check('bad file message', (await page.isVisible('#message')) && /not a graphology graph/.test(await page.textContent('#message')));

// drag and drop of a graphology JSON
await page.evaluate(async () => {
  const text = await (await fetch('./graph.json')).text();
  const dt = new DataTransfer();
  dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
  document.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
});
await page.waitForFunction(() => window.__newsgraph?.ready === true && window.__newsgraph.graph.order > 60);
check('dropped JSON opens', /Opened dropped\.json/.test(await page.textContent('#status')) && (await page.isHidden('#drop-hint')));

// map mode on the original graph
await page.goto(base);
await ready();
await page.click('#map-toggle');
await page.waitForTimeout(1800);
const geo = await page.evaluate(() => {
  const { sigma } = window.__newsgraph;
  const p = (k) => sigma.graphToViewport(sigma.getNodeDisplayData(k));
  return { palmyra: p('place:palmyra'), damascus: p('place:damascus'), aleppo: p('place:aleppo') };
});
check('map: Palmyra east of Damascus, Aleppo north of Damascus', geo.palmyra.x > geo.damascus.x && geo.aleppo.y < geo.damascus.y, JSON.stringify(geo));
await page.screenshot({ path: `${shots}/viewer-map.png` });
await page.click('#map-toggle');
await page.waitForTimeout(1500);
check('map off restores', (await page.getAttribute('#map-toggle', 'aria-pressed')) === 'false' && !page.url().includes('map=1'));

// layout
await page.click('#layout');
await page.waitForTimeout(500);
await page.click('#layout');
await page.waitForTimeout(300);
check('layout stop', (await page.textContent('#layout')) === 'Layout');

check('no console errors or dialogs', problems.length === 0, problems.join(' | '));
await browser.close();
process.exit(failures ? 1 : 0);

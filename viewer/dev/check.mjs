#!/usr/bin/env node
/**
 * Dev smoke check of the built viewer in headless Chromium: console errors, ready flag, status,
 * search, panel, map mode, screenshots. Usage: node viewer/dev/check.mjs <base-url> [screenshot-dir]
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8765/';
const shots = process.argv[3] ?? '/tmp';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const problems = [];
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('dialog', (d) => {
  problems.push(`dialog opened: ${d.message()}`);
  void d.dismiss();
});
await page.goto(base);
await page.waitForFunction(() => window.__newsgraph?.ready === true, null, { timeout: 15000 });
console.log('status:', await page.textContent('#status'));
await page.fill('#search', 'Tadmur');
await page.waitForSelector('#search-results [role=option]');
console.log('search Tadmur →', await page.getAttribute('#search-results [role=option]', 'data-node'));
await page.fill('#search', 'daesh');
await page.waitForTimeout(50);
console.log('search daesh →', await page.getAttribute('#search-results [role=option]', 'data-node'));
await page.fill('#search', 'Tadmur');
await page.press('#search', 'Enter');
await page.waitForSelector('#panel [data-field=label]');
console.log('panel label:', await page.textContent('#panel [data-field=label]'));
await page.waitForTimeout(900);
await page.screenshot({ path: `${shots}/viewer-graph.png` });
await page.click('#panel .evidence li a.open-article');
await page.waitForSelector('#article mark');
console.log('article mark:', await page.textContent('#article mark'));
await page.click('#article-close');
await page.click('#map-toggle');
await page.waitForTimeout(1800);
await page.screenshot({ path: `${shots}/viewer-map.png` });
console.log('url:', page.url());
console.log('problems:', problems.length ? problems : 'none');
await browser.close();

#!/usr/bin/env node
/**
 * Screenshots of the built viewer for the docs: graph mode with a node selected (its neighbourhood),
 * and map mode without a selection.
 *   node viewer/dev/screenshots.mjs <base-url> <out-dir> [search-query]
 * Writes <out-dir>/viewer-graph.png and <out-dir>/viewer-map.png.
 */
import { chromium } from 'playwright-core';

const [base = 'http://127.0.0.1:8765/', outDir = 'docs', query = 'Tadmur'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(base);
await page.waitForFunction(() => window.__newsgraph?.ready === true, null, { timeout: 30000 });
await page.fill('#search', query);
await page.waitForSelector('#search-results [role=option]');
await page.press('#search', 'Enter');
// The selection draws its neighbourhood and frames it (a 500 ms camera animation).
await page.waitForTimeout(1200);
await page.screenshot({ path: `${outDir}/viewer-graph.png` });
// The map shows the overview, not one neighbourhood.
await page.click('#panel .panel-close');
await page.click('#map-toggle');
await page.waitForTimeout(2500);
await page.screenshot({ path: `${outDir}/viewer-map.png` });
console.log(errors.length ? `errors: ${errors.join(' | ')}` : 'no errors');
await browser.close();

#!/usr/bin/env node
/**
 * Screenshots of the built viewer for the docs: graph mode with a node selected, and map mode.
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
await page.waitForTimeout(400);
// Show the whole graph with the selection, rather than the close-up the search flies to.
await page.evaluate(() => window.__newsgraph.sigma.getCamera().animatedReset({ duration: 0 }));
await page.waitForTimeout(700);
await page.screenshot({ path: `${outDir}/viewer-graph.png` });
await page.click('#map-toggle');
await page.waitForTimeout(2500);
await page.screenshot({ path: `${outDir}/viewer-map.png` });
console.log(errors.length ? `errors: ${errors.join(' | ')}` : 'no errors');
await browser.close();

/**
 * Headless Chromium for the browser tests: Debian's chromium driven by playwright-core (no
 * downloaded browser), plus a record of everything that should never happen on a page (console
 * errors, uncaught exceptions, alert/confirm/prompt dialogs, navigations away from the page, popups).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** False where Chromium is not installed: browser suites skip with a note (see warnIfNoChromium). */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Call at the top of a browser test file; prints why its tests are skipped. */
export function warnIfNoChromium(suite: string): void {
  if (!chromiumAvailable) {
    console.warn(`SKIPPED ${suite}: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH)`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** "alert: 1" etc.; every dialog is dismissed at once. */
  dialogs: string[];
  /** Main-frame navigations to another document (a hash or history.replaceState change is not one). */
  navigations: string[];
  popups: string[];
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

function documentPart(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * A fresh context and page watched for problems, then opens `url`. The first load is the only
 * navigation expected; later changes of the document URL (ignoring the hash and query, which
 * carry the viewer's state) are recorded as navigations.
 */
export async function openWatchedPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], dialogs: [], navigations: [], popups: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    // Chromium asks for /favicon.ico on its own; its 404 says nothing about the page.
    if (/\/favicon\.ico$/.test(where)) return;
    problems.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('popup', (popup) => problems.popups.push(popup.url()));
  const pagePath = (u: string): string => documentPart(u).split('?')[0] ?? '';
  let loaded = false;
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || !loaded) return;
    if (pagePath(frame.url()) !== pagePath(url)) problems.navigations.push(frame.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  loaded = true;
  return { context, page, problems };
}

/** Waits for the contract's `window.__newsgraph.ready` (true after sigma's first render). */
export async function waitForViewerReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __newsgraph?: { ready?: boolean } }).__newsgraph?.ready === true, undefined, {
    timeout,
  });
}

/**
 * Decodes a PNG (e.g. an element screenshot) in a blank page and measures it: how many distinct
 * colours (quantised to 4 bits a channel) and the standard deviation of luminance. A blank
 * canvas gives one colour and zero deviation.
 */
export async function measureImage(browser: Browser, png: Buffer): Promise<{ width: number; height: number; distinctColours: number; luminanceStdDev: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const colours = new Set<number>();
      let sum = 0;
      let sumSquares = 0;
      const pixels = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += luminance;
        sumSquares += luminance * luminance;
      }
      const mean = sum / pixels;
      return {
        width: bitmap.width,
        height: bitmap.height,
        distinctColours: colours.size,
        luminanceStdDev: Math.sqrt(Math.max(0, sumSquares / pixels - mean * mean)),
      };
    }, png.toString('base64'));
  } finally {
    await context.close();
  }
}

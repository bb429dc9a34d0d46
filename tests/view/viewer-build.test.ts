// The built viewer pages must run under the server's Content-Security-Policy: no inline script,
// no inline event handler, relative asset paths, and the same policy as a meta tag (contract).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/view/server.js';

const VIEWER_DIST = process.env.NEWSGRAPH_VIEWER_DIST ?? fileURLToPath(new URL('../../viewer/dist/', import.meta.url));
const built = existsSync(join(VIEWER_DIST, 'index.html'));
if (!built) console.warn(`SKIPPED tests/view/viewer-build.test.ts: the viewer is not built (no ${VIEWER_DIST}/index.html); run \`npm run build\``);

interface Tag {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const open: Tag[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      const tag = { name, attributes, text: '' };
      tags.push(tag);
      open.push(tag);
    },
    ontext(text) {
      const current = open[open.length - 1];
      if (current) current.text += text;
    },
    onclosetag() {
      open.pop();
    },
  });
  parser.write(html);
  parser.end();
  return tags;
}

describe.skipIf(!built).each(['index.html', 'bench.html'])('built viewer page %s', (page) => {
  const path = join(VIEWER_DIST, page);
  const tags = existsSync(path) ? parseTags(readFileSync(path, 'utf8')) : [];

  it.skipIf(!existsSync(path))('has no inline script and no inline event handler', () => {
    const inline = tags.filter((t) => t.name === 'script' && !t.attributes.src && t.text.trim() !== '');
    expect(inline.map((t) => t.text.slice(0, 80))).toEqual([]);
    const handlers = tags.flatMap((t) => Object.keys(t.attributes).filter((a) => /^on/i.test(a)).map((a) => `<${t.name} ${a}>`));
    expect(handlers).toEqual([]);
    const javascriptUrls = tags.flatMap((t) => Object.values(t.attributes).filter((v) => /^\s*javascript:/i.test(v)));
    expect(javascriptUrls).toEqual([]);
  });

  it.skipIf(!existsSync(path))('loads its scripts and styles by relative paths from its own folder', () => {
    const urls = tags.flatMap((t) => [t.attributes.src, t.name === 'link' ? t.attributes.href : undefined]).filter((u): u is string => !!u);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url, url).toMatch(/^\.\//);
  });

  it.skipIf(page !== 'index.html')('carries the server policy as a meta tag', () => {
    const meta = tags.find((t) => t.name === 'meta' && t.attributes['http-equiv']?.toLowerCase() === 'content-security-policy');
    expect(meta).toBeDefined();
    // frame-ancestors is ignored in a meta tag; every other directive must match the header.
    const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter((d) => d && !d.startsWith('frame-ancestors')).sort();
    expect(directives(meta?.attributes.content ?? '')).toEqual(directives(CONTENT_SECURITY_POLICY));
  });
});

/**
 * HTML → visible article text and metadata, with htmlparser2's streaming tokenizer.
 * Scripts, styles, navigation, headers, footers, asides, forms and the like are dropped; block
 * elements become line breaks (each line is a paragraph for the cleaning core); an <article> or
 * <main> element is preferred to the whole page when it holds the text.
 */
import { Parser } from 'htmlparser2';

export interface HtmlExtract {
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'svg', 'button',
  'template', 'select', 'textarea', 'canvas', 'object', 'embed', 'menu', 'dialog', 'video', 'audio', 'map', 'head',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'figure', 'figcaption', 'address', 'hr',
  'br', 'caption', 'details', 'summary', 'fieldset', 'center', 'body', 'html', 'title',
]);
/**
 * class / id names of boilerplate containers: a token that starts with one of these words
 * ("share-buttons", "related_posts", "comments"), unless a later part says it wraps the page or
 * the article ("sidebar-layout", "ads-enabled", "comments-content" stay).
 */
const BOILERPLATE_TOKEN = /^(?:comments?|comment-list|commentlist|share|sharing|sharedaddy|social|related|sidebar|newsletter|cookies?|cookie-banner|advert\w*|ads?|adsbygoogle|promo|breadcrumbs?|navbar|subscribe|subscription|paywall|popup|modal|disqus|outbrain|taboola)(?:[-_][a-z0-9]+)*$/;
const WRAPPER_PART = /[-_](?:enabled|active|open|page|layout|body|main|article|entry|text|content|story|wrapper|container)(?:[-_]|$)/;

function isBoilerplateName(names: string): boolean {
  for (const token of names.toLowerCase().split(/\s+/)) {
    if (token && BOILERPLATE_TOKEN.test(token) && !WRAPPER_PART.test(token)) return true;
  }
  return false;
}

const DATE_META = new Set([
  'article:published_time', 'og:published_time', 'og:article:published_time', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'published_time', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created',
  'sailthru.date', 'parsely-pub-date', 'article.published', 'datepublished', 'citation_publication_date', 'citation_date',
]);
const TITLE_META = new Set(['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'headline']);

interface Frame {
  name: string;
  skip: boolean;
  capture: boolean;
}

function findInJsonLd(value: unknown, key: string, depth = 0): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findInJsonLd(v, key, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const direct = obj[key];
  if (typeof direct === 'string' && direct.trim()) return direct;
  for (const v of Object.values(obj)) {
    const found = findInJsonLd(v, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * `maxChars` bounds the text kept per buffer (the page, each article): a huge page costs one parse,
 * not gigabytes of strings; `truncated` then says so.
 */
export function htmlToText(html: string, maxChars = Number.POSITIVE_INFINITY): HtmlExtract & { truncated?: boolean } {
  const result = extract(html, maxChars, true);
  // Class names only hint at boilerplate: if trusting them left (almost) nothing, read the page without them.
  if (result.text.trim().length < 200) {
    const plain = extract(html, maxChars, false);
    if (plain.text.trim().length > result.text.trim().length) return plain;
  }
  return result;
}

function extract(html: string, maxChars: number, classHints: boolean): HtmlExtract & { truncated?: boolean } {
  const stack: Frame[] = [];
  let skipDepth = 0;
  interface Buffer {
    parts: string[];
    length: number;
  }
  const body: Buffer = { parts: [], length: 0 };
  const captures: Buffer[] = []; // one buffer per <article>/<main>, in document order
  const open: Buffer[] = []; // capture buffers currently being written
  let truncated = false;
  let titleTag = '';
  let inTitle = false;
  // First <h1> by where it stands: in the article, in the page, in a header or nav (often the site logo).
  const h1: { article?: string; page?: string; chrome?: string } = {};
  let h1Buffer: { parts: string[]; where: 'article' | 'page' | 'chrome' } | undefined;
  let metaTitle: string | undefined;
  let metaDate: string | undefined;
  let timeDate: string | undefined;
  let url: string | undefined;
  let ldJson: string[] | undefined;
  let ldTitle: string | undefined;
  let ldDate: string | undefined;

  const push = (buf: Buffer, s: string) => {
    if (buf.length >= maxChars) {
      truncated = true;
      return;
    }
    buf.parts.push(s);
    buf.length += s.length;
  };
  const emit = (s: string) => {
    push(body, s);
    for (const buf of open) push(buf, s);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const cls = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        const hidden =
          'hidden' in attrs ||
          attrs['aria-hidden'] === 'true' ||
          /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '') ||
          (classHints && name !== 'body' && name !== 'html' && name !== 'article' && name !== 'main' && isBoilerplateName(cls));
        const skip = SKIPPED.has(name) || hidden;
        const capture = !skip && skipDepth === 0 && (name === 'article' || name === 'main');
        stack.push({ name, skip, capture });
        if (skip) skipDepth++;
        if (capture) {
          const buf: Buffer = { parts: [], length: 0 };
          captures.push(buf);
          open.push(buf);
        }
        if (name === 'title') inTitle = true;
        else if (name === 'h1' && !h1Buffer) h1Buffer = { parts: [], where: skipDepth > 0 ? 'chrome' : open.length > 0 ? 'article' : 'page' };
        else if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          const content = attrs.content;
          if (content) {
            if (!metaDate && DATE_META.has(key)) metaDate = content;
            else if (!metaTitle && TITLE_META.has(key)) metaTitle = content;
            else if (!url && key === 'og:url') url = content;
          }
        } else if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href) url = attrs.href;
        else if (name === 'time' && !timeDate && attrs.datetime) timeDate = attrs.datetime;
        else if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') ldJson = [];
        if (skipDepth === 0 && BLOCKS.has(name)) emit('\n');
      },
      ontext(text) {
        if (inTitle) titleTag += text;
        if (h1Buffer) h1Buffer.parts.push(text);
        if (ldJson) ldJson.push(text);
        if (skipDepth === 0) emit(text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        // htmlparser2 closes implied elements too, so the stack stays balanced.
        const frame = stack.pop();
        if (!frame) return;
        if (frame.skip) skipDepth--;
        if (frame.capture) open.pop();
        if (name === 'title') inTitle = false;
        if (name === 'h1' && h1Buffer) {
          const text = h1Buffer.parts.join('').replace(/\s+/g, ' ').trim();
          if (text) h1[h1Buffer.where] ??= text;
          h1Buffer = undefined;
        }
        if (name === 'script' && ldJson) {
          try {
            const data: unknown = JSON.parse(ldJson.join(''));
            ldTitle ??= findInJsonLd(data, 'headline');
            ldDate ??= findInJsonLd(data, 'datePublished');
          } catch {
            // Broken JSON-LD is common and harmless: the page text still counts.
          }
          ldJson = undefined;
        }
        if (skipDepth === 0 && BLOCKS.has(name)) emit('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();

  // Whitespace is already collapsed, so lengths compare the amount of text.
  const best = captures.reduce<Buffer | undefined>((a, b) => (!a || b.length > a.length ? b : a), undefined);
  const text = (best && best.parts.join('').trim().length >= 200 ? best : body).parts.join('');

  const result: HtmlExtract & { truncated?: boolean } = { text };
  if (truncated) result.truncated = true;
  const title = metaTitle?.trim() || ldTitle?.trim() || h1.article || h1.page || titleTag.replace(/\s+/g, ' ').trim() || h1.chrome;
  if (title) result.title = title;
  const date = metaDate?.trim() || ldDate?.trim() || timeDate?.trim();
  if (date) result.date = date;
  if (url) result.url = url.trim();
  return result;
}

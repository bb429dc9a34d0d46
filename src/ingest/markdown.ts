/**
 * Markdown → plain paragraphs (one per line) plus its YAML front matter (title, date, url).
 */
import { parse as parseYaml } from 'yaml';

export interface MarkdownExtract {
  text: string;
  title?: string;
  date?: string;
  url?: string;
  /** A front-matter problem, with the 1-based line where the front matter starts. */
  problem?: { line: number; message: string };
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString();
  return undefined;
}

function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<https?:[^>]*>/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '') // inline HTML tags
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^*_]*?\S)\2(?=[\s.,;:!?)]|$)/g, '$1$3')
    .replace(/`([^`]*)`/g, '$1');
}

export function markdownToText(source: string): MarkdownExtract {
  const result: MarkdownExtract = { text: '' };
  let body = source;
  const fm = FRONT_MATTER.exec(source);
  if (fm) {
    body = source.slice(fm[0].length);
    try {
      const data: unknown = parseYaml(fm[1]!);
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        const meta = data as Record<string, unknown>;
        const title = scalar(meta.title) ?? scalar(meta.headline);
        const date = scalar(meta.date) ?? scalar(meta.published) ?? scalar(meta.pubDate) ?? scalar(meta.publishDate);
        const url = scalar(meta.url) ?? scalar(meta.link) ?? scalar(meta.canonical) ?? scalar(meta.source);
        if (title) result.title = title;
        if (date) result.date = date;
        if (url) result.url = url;
      }
    } catch (err) {
      const first = (err as Error).message.split('\n')[0];
      result.problem = { line: 1, message: `front matter is not valid YAML (${first}); ignored` };
    }
  }

  const out: string[] = [];
  let paragraph = '';
  let inFence = false;
  const flush = () => {
    if (paragraph) out.push(paragraph);
    paragraph = '';
  };
  for (const raw of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) continue;
    const line = raw.trim();
    if (!line || /^([-*_])(\s*\1){2,}$/.test(line) || /^=+$|^-+$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[1]!);
      if (!result.title && out.length === 0 && line.startsWith('# ')) result.title = text;
      else out.push(text);
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      paragraph = inline(item[1]!);
      continue;
    }
    const text = inline(line.replace(/^>\s?/, ''));
    paragraph = paragraph ? `${paragraph} ${text}` : text;
    if (/ {2}$/.test(raw)) flush(); // hard line break
  }
  flush();
  result.text = out.join('\n');
  return result;
}

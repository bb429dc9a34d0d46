/** Locating an evidence sentence in its article and cutting the text into paragraphs with the match marked. */

export interface TextSpan {
  start: number;
  end: number;
}

/** Where `sentence` occurs in `text`: verbatim first, else ignoring differences in whitespace. */
export function locateSentence(text: string, sentence: string): TextSpan | null {
  const needle = sentence.trim();
  if (!needle) return null;
  const exact = text.indexOf(needle);
  if (exact !== -1) return { start: exact, end: exact + needle.length };
  const words = needle.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+')).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Paragraphs (split on blank lines) as segments, the span (if any) marked; a span may cross paragraphs. */
export function articleParagraphs(text: string, span: TextSpan | null): Segment[][] {
  const paragraphs: Segment[][] = [];
  const re = /\n\s*\n/g;
  let from = 0;
  const bounds: TextSpan[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    bounds.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  bounds.push({ start: from, end: text.length });
  for (const p of bounds) {
    if (p.end <= p.start) continue;
    const segments: Segment[] = [];
    const push = (start: number, end: number, marked: boolean): void => {
      if (end > start) segments.push({ text: text.slice(start, end), marked });
    };
    if (span && span.start < p.end && span.end > p.start) {
      const s = Math.max(span.start, p.start);
      const e = Math.min(span.end, p.end);
      push(p.start, s, false);
      push(s, e, true);
      push(e, p.end, false);
    } else push(p.start, p.end, false);
    paragraphs.push(segments);
  }
  return paragraphs;
}

export interface ArticleDocument {
  id: string;
  title: string;
  date?: string;
  url?: string;
  text: string;
}

/** documents.json → id → document; malformed entries are skipped. */
export function parseDocuments(json: unknown): Map<string, ArticleDocument> {
  const out = new Map<string, ArticleDocument>();
  const list = (json as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(list)) return out;
  for (const d of list) {
    if (!d || typeof d !== 'object') continue;
    const { id, title, date, url, text } = d as Record<string, unknown>;
    if (typeof id !== 'string' || typeof text !== 'string') continue;
    out.set(id, {
      id,
      title: typeof title === 'string' ? title : id,
      ...(typeof date === 'string' ? { date } : {}),
      ...(typeof url === 'string' ? { url } : {}),
      text,
    });
  }
  return out;
}

/** The article pane: the cleaned text with the evidence sentence in a <mark>, built from text nodes only. */
import { articleParagraphs, locateSentence } from '../core/articles';
import { safeHttpUrl } from '../core/safety';
import type { Evidence } from '../core/types';
import type { DocumentStore } from './documents';
import { byId, clear, el } from './dom';

export function bindArticlePane(): void {
  const pane = byId('article');
  byId('article-close').addEventListener('click', () => closeArticle());
  pane.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeArticle();
  });
}

/** Where focus was when the article opened (the "open article" link): it goes back there. */
let returnFocus: HTMLElement | null = null;

export function closeArticle(restoreFocus = true): void {
  const pane = byId('article');
  if (pane.hidden) return;
  pane.hidden = true;
  const back = returnFocus;
  returnFocus = null;
  if (!restoreFocus) return;
  // the link may be gone (the panel was redrawn): fall back on the panel's heading
  const target = back?.isConnected ? back : document.querySelector<HTMLElement>('#panel h2');
  if (target) {
    if (!target.hasAttribute('tabindex') && !(target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLInputElement)) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }
}

export async function openArticle(store: DocumentStore, evidence: Evidence): Promise<void> {
  const pane = byId('article');
  const title = byId('article-title');
  const meta = pane.querySelector('.article-meta')!;
  const body = pane.querySelector('.article-body')!;
  if (pane.hidden) {
    const active = document.activeElement;
    returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  clear(title);
  clear(meta);
  clear(body);
  title.textContent = evidence.doc;
  body.appendChild(el('p', { class: 'muted' }, 'Loading…'));
  pane.hidden = false;
  const doc = await store.get(evidence.doc);
  clear(body);
  if (!doc) {
    body.appendChild(el('p', { class: 'muted' }, store.problem() ?? `The text of ${evidence.doc} is not in documents.json.`));
    body.appendChild(el('blockquote', {}, el('mark', {}, evidence.text)));
    return;
  }
  title.textContent = doc.title;
  meta.appendChild(document.createTextNode([doc.id, doc.date].filter(Boolean).join(' · ')));
  const href = safeHttpUrl(doc.url);
  if (href) {
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, 'original'));
  }
  const span = locateSentence(doc.text, evidence.text);
  let marked: HTMLElement | null = null;
  for (const paragraph of articleParagraphs(doc.text, span)) {
    const p = el('p');
    for (const seg of paragraph) {
      if (seg.marked) {
        const mark = el('mark', {}, seg.text);
        marked ??= mark;
        p.appendChild(mark);
      } else p.appendChild(document.createTextNode(seg.text));
    }
    body.appendChild(p);
  }
  if (!span) body.prepend(el('p', { class: 'muted' }, 'The sentence was not found verbatim in this text.'));
  marked?.scrollIntoView({ block: 'center' });
  (byId('article-close') as HTMLButtonElement).focus({ preventScroll: true });
}

/** The detail panel of the selected node. */
import type { NodeDetails, NodeRef } from '../core/details';
import type { Evidence } from '../core/types';
import { clear, el, type Child } from './dom';
import { typeColour } from '../core/legend';

/** Hubs in large graphs have thousands of neighbours: the panel lists the first few hundred. */
const MAX_NEIGHBOURS = 300;

export interface PanelHandlers {
  select(key: string): void;
  openArticle(evidence: Evidence): void;
  close(): void;
  /** How to name a document: its title and date when known, else its id. */
  documentName?(id: string): string;
}

function nodeButton(ref: NodeRef, prefix?: string): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: `node-link kind-${ref.kind}`, 'data-node': ref.key, title: `Select ${ref.label}` },
    prefix ? el('span', { class: 'relation' }, prefix) : null,
    ref.label,
  );
}

function row(term: string, field: string, ...value: Child[]): HTMLElement[] {
  return [el('dt', {}, term), el('dd', { 'data-field': field }, ...value)];
}

/** The pipeline keeps a sample of a node's sentences: say so when there were more mentions. */
export function evidenceHeading(shown: number, mentions: number): string {
  const f = (n: number): string => n.toLocaleString('en');
  return mentions > shown ? `Evidence (${f(shown)} of ${f(mentions)} mentions)` : `Evidence (${f(shown)})`;
}

export function renderPanel(panel: HTMLElement, details: NodeDetails | null, on: PanelHandlers): void {
  clear(panel);
  if (!details) {
    panel.appendChild(el('p', { class: 'placeholder' }, 'Click a node, search, or pick one in the list to see its details.'));
    return;
  }
  const close = el('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close details' }, '✕');
  close.addEventListener('click', () => on.close());
  panel.appendChild(
    el(
      'header',
      { class: 'panel-header' },
      el('h2', { 'data-field': 'label' }, details.label),
      close,
      el(
        'p',
        { class: 'badges' },
        el('span', { class: `badge kind-${details.kind}`, 'data-field': 'kind' }, details.kind),
        el('span', { class: 'badge type', 'data-field': 'type', style: `--swatch:${typeColour(details.kind, details.type)}` }, details.type || '—'),
      ),
    ),
  );

  const dl = el('dl', { class: 'facts' });
  const add = (items: HTMLElement[]): void => items.forEach((i) => dl.appendChild(i));
  if (details.aliases.length) add(row('Also known as', 'aliases', details.aliases.join(' · ')));
  if (details.dates) add(row(details.kind === 'event' ? 'Date' : 'Seen', 'dates', details.dates));
  if (details.coordinates) add(row('Coordinates', 'coordinates', details.coordinates));
  if (details.country) add(row('Country', 'country', details.country));
  for (const group of details.participants) {
    const shown = group.nodes.slice(0, MAX_NEIGHBOURS).map((n) => nodeButton(n));
    const more = group.nodes.length > MAX_NEIGHBOURS ? ` and ${group.nodes.length - MAX_NEIGHBOURS} more` : null;
    add(row(group.role[0]!.toUpperCase() + group.role.slice(1), `participants-${group.role}`, ...shown, more));
  }
  if (details.places.length) add(row('Place', 'place', ...details.places.map((n) => nodeButton(n))));
  if (details.casualties.length) {
    add(row('Casualties', 'casualties', details.casualties.map((c) => `${c.value} ${c.label}`).join(', ')));
  }
  if (details.figures.length) add(row('Figures', 'figures', el('ul', {}, ...details.figures.map((f) => el('li', {}, f)))));
  if (details.modality) add(row('Modality', 'modality', details.modality));
  if (details.acled) add(row('ACLED', 'acled', details.acled));
  add(row('Mentions', 'mentions', `${details.mentions} in ${details.documents.length} document${details.documents.length === 1 ? '' : 's'}`));
  panel.appendChild(dl);

  if (details.evidence.length) {
    const list = el('ul', { class: 'evidence' });
    for (const ev of details.evidence) {
      const open = el('a', { href: '#', class: 'open-article', role: 'button', title: 'Open the article with this sentence highlighted' }, 'open article');
      open.addEventListener('click', (event) => {
        event.preventDefault();
        on.openArticle(ev);
      });
      const name = on.documentName?.(ev.doc) ?? ev.doc;
      list.appendChild(el('li', {}, el('q', {}, ev.text), ' ', el('span', { class: 'doc', 'data-doc': ev.doc, title: ev.doc }, name), ' ', open));
    }
    panel.appendChild(el('section', { class: 'panel-section' }, el('h3', { 'data-field': 'evidence-count' }, evidenceHeading(details.evidence.length, details.mentions)), list));
  }

  if (details.neighbours.length) {
    const list = el('ul', { class: 'neighbours' });
    for (const n of details.neighbours.slice(0, MAX_NEIGHBOURS)) list.appendChild(el('li', {}, nodeButton(n, n.relation)));
    if (details.neighbours.length > MAX_NEIGHBOURS) {
      list.appendChild(el('li', { class: 'muted' }, `and ${details.neighbours.length - MAX_NEIGHBOURS} more (use the node list or the search)`));
    }
    panel.appendChild(el('section', { class: 'panel-section' }, el('h3', {}, `Neighbours (${details.neighbours.length})`), list));
  }

  // One delegated listener for every node link in the panel.
  panel.querySelectorAll<HTMLButtonElement>('button[data-node]').forEach((b) =>
    b.addEventListener('click', () => on.select(b.dataset.node!)),
  );
}

/** Legend buttons: one per kind and per type, aria-pressed while shown; clicking toggles the filter. */
import { kindKey, typeKey } from '../core/filters';
import type { LegendKind } from '../core/legend';
import { clear, el } from './dom';

export function renderLegend(container: HTMLElement, legend: LegendKind[], hidden: ReadonlySet<string>, toggle: (key: string) => void): void {
  clear(container);
  for (const kind of legend) {
    const kindButton = el(
      'button',
      { type: 'button', class: 'legend-kind', 'data-kind': kind.kind, 'aria-pressed': 'true', style: `--swatch:${kind.colour}` },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { class: 'name' }, kind.kind),
      el('span', { class: 'count' }, String(kind.count)),
    );
    kindButton.dataset.countKey = kindKey(kind.kind);
    kindButton.addEventListener('click', () => toggle(kindKey(kind.kind)));
    const types = el('div', { class: 'legend-types', role: 'group', 'aria-label': `${kind.kind} types` });
    for (const t of kind.types) {
      const b = el(
        'button',
        { type: 'button', class: 'legend-type', 'data-type': t.type, 'aria-pressed': 'true', style: `--swatch:${t.colour}` },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { class: 'name' }, t.type || '(untyped)'),
        el('span', { class: 'count' }, String(t.count)),
      );
      b.dataset.countKey = `${kindKey(kind.kind)}/${typeKey(t.type)}`;
      b.addEventListener('click', () => toggle(typeKey(t.type)));
      types.appendChild(b);
    }
    container.appendChild(el('div', { class: 'legend-group' }, kindButton, types));
  }
  syncLegend(container, hidden);
}

export function syncLegend(container: HTMLElement, hidden: ReadonlySet<string>): void {
  container.querySelectorAll<HTMLButtonElement>('button[data-kind]').forEach((b) => {
    b.setAttribute('aria-pressed', String(!hidden.has(kindKey(b.dataset.kind!))));
  });
  container.querySelectorAll<HTMLButtonElement>('button[data-type]').forEach((b) => {
    b.setAttribute('aria-pressed', String(!hidden.has(typeKey(b.dataset.type!))));
  });
}

/** Counts that follow the document and mention filters ("12 / 40" when some are filtered out). */
export function syncLegendCounts(container: HTMLElement, counts: ReadonlyMap<string, number>): void {
  container.querySelectorAll<HTMLButtonElement>('button[data-count-key]').forEach((b) => {
    const span = b.querySelector<HTMLElement>('.count');
    if (!span) return;
    span.dataset.total ??= span.textContent ?? '';
    const now = String(counts.get(b.dataset.countKey!) ?? 0);
    span.textContent = now === span.dataset.total ? now : `${now} / ${span.dataset.total}`;
  });
}

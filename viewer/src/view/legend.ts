/**
 * Legends that double as filters: one button per kind, type, modality, relation or community,
 * aria-pressed while shown; a click toggles the filter. Each button's count says how many of its
 * nodes (or edges) are shown now, out of how many the graph holds ("41 / 567").
 */
import { kindKey, modalityKey, typeKey } from '../core/filters';
import type { LegendKind } from '../core/legend';
import { clear, el } from './dom';

const numberFormat = new Intl.NumberFormat('en');

/**
 * `toggle(key, within)`: `within` is the kind key of a type button, so that turning a type on
 * under a hidden kind can show the kind with only that type.
 */
export type LegendToggle = (key: string, within?: string) => void;

function countSpan(total: number): HTMLElement {
  return el('span', { class: 'count', 'data-total': total }, numberFormat.format(total));
}

export function renderLegend(container: HTMLElement, legend: LegendKind[], modalities: ReadonlyArray<{ modality: string; count: number }>, hidden: ReadonlySet<string>, toggle: LegendToggle): void {
  clear(container);
  slots.delete(container);
  for (const kind of legend) {
    const kindButton = el(
      'button',
      { type: 'button', class: 'legend-kind', 'data-kind': kind.kind, 'aria-pressed': 'true', style: `--swatch:${kind.colour}` },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      el('span', { class: 'name' }, kind.kind),
      countSpan(kind.count),
    );
    kindButton.dataset.countKey = kindKey(kind.kind);
    kindButton.addEventListener('click', () => toggle(kindKey(kind.kind)));
    const types = el('div', { class: 'legend-types', role: 'group', 'aria-label': `${kind.kind} types` });
    for (const t of kind.types) {
      const b = el(
        'button',
        { type: 'button', class: 'legend-type', 'data-type': t.type, 'data-parent-kind': kind.kind, 'aria-pressed': 'true', style: `--swatch:${t.colour}` },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { class: 'name' }, t.type || '(untyped)'),
        countSpan(t.count),
      );
      b.dataset.countKey = `${kindKey(kind.kind)}/${typeKey(t.type)}`;
      b.addEventListener('click', () => toggle(typeKey(t.type), kindKey(kind.kind)));
      types.appendChild(b);
    }
    container.appendChild(el('div', { class: 'legend-group' }, kindButton, types));
  }
  if (modalities.length > 0) {
    const group = el('div', { class: 'legend-types', role: 'group', 'aria-label': 'Events by modality' });
    for (const m of modalities) {
      const b = el(
        'button',
        { type: 'button', class: 'legend-modality', 'data-modality': m.modality, 'aria-pressed': 'true', title: `Events reported as ${m.modality}` },
        el('span', { class: 'swatch modality', 'aria-hidden': 'true' }),
        el('span', { class: 'name' }, m.modality),
        countSpan(m.count),
      );
      b.dataset.countKey = modalityKey(m.modality);
      b.addEventListener('click', () => toggle(modalityKey(m.modality)));
      group.appendChild(b);
    }
    container.appendChild(el('div', { class: 'legend-group' }, el('div', { class: 'legend-heading' }, 'Event modality'), group));
  }
  syncLegend(container, hidden);
}

/**
 * Pressed states: a type is shown only when neither it nor its kind is hidden, so hiding a kind
 * shows its types as hidden too (data-hidden-by="kind" tells which).
 */
export function syncLegend(container: HTMLElement, hidden: ReadonlySet<string>): void {
  container.querySelectorAll<HTMLButtonElement>('button[data-kind]').forEach((b) => {
    b.setAttribute('aria-pressed', String(!hidden.has(kindKey(b.dataset.kind!))));
  });
  container.querySelectorAll<HTMLButtonElement>('button[data-type]').forEach((b) => {
    const byKind = hidden.has(kindKey(b.dataset.parentKind!));
    b.setAttribute('aria-pressed', String(!byKind && !hidden.has(typeKey(b.dataset.type!))));
    if (byKind) b.dataset.hiddenBy = 'kind';
    else delete b.dataset.hiddenBy;
  });
  container.querySelectorAll<HTMLButtonElement>('button[data-modality]').forEach((b) => {
    b.setAttribute('aria-pressed', String(!hidden.has(modalityKey(b.dataset.modality!))));
  });
}

interface CountSlot {
  key: string;
  button: HTMLElement;
  span: HTMLElement;
  total: number;
  text: string;
}
/** The count spans of each legend, found once per render of it (a range drag syncs them at every step). */
const slots = new WeakMap<HTMLElement, CountSlot[]>();

/**
 * Counts now shown, against the totals the buttons were made with ("12 / 40" when fewer). A hidden
 * entry shows its total alone: "0 / 40" would read as "none of these exist here".
 */
export function syncLegendCounts(container: HTMLElement, counts: ReadonlyMap<string, number>): void {
  let list = slots.get(container);
  if (!list) {
    list = [];
    container.querySelectorAll<HTMLElement>('[data-count-key]').forEach((b) => {
      const span = b.querySelector<HTMLElement>('.count');
      if (span) list!.push({ key: b.dataset.countKey!, button: b, span, total: Number(span.dataset.total), text: span.textContent ?? '' });
    });
    slots.set(container, list);
  }
  for (const slot of list) {
    const now = counts.get(slot.key) ?? 0;
    const hidden = slot.button.getAttribute('aria-pressed') === 'false';
    const text = hidden || now === slot.total ? numberFormat.format(slot.total) : `${numberFormat.format(now)} / ${numberFormat.format(slot.total)}`;
    if (text === slot.text) continue;
    slot.text = text;
    slot.span.textContent = text;
  }
}

export interface KeyRow {
  /** The filter key the row toggles ("rel:agent", "com:3"), also its count key. */
  key: string;
  name: string;
  colour: string;
  total: number;
  title?: string;
  /** data-* attributes for the button (e.g. relation, community). */
  data?: Record<string, string>;
}

/** A colour key whose rows are toggle buttons (edge relations, communities). */
export function renderKeyList(list: HTMLElement, rows: readonly KeyRow[], hidden: ReadonlySet<string>, toggle: LegendToggle, empty = 'None'): void {
  clear(list);
  slots.delete(list);
  for (const row of rows) {
    const attrs: Record<string, string> = { type: 'button', 'aria-pressed': 'true', style: `--swatch:${row.colour}`, 'data-count-key': row.key, 'data-key': row.key };
    if (row.title) attrs.title = row.title;
    for (const [name, value] of Object.entries(row.data ?? {})) attrs[`data-${name}`] = value;
    const b = el('button', attrs, el('span', { class: 'swatch', 'aria-hidden': 'true' }), el('span', { class: 'name' }, row.name), countSpan(row.total));
    b.addEventListener('click', () => toggle(row.key));
    list.appendChild(el('li', {}, b));
  }
  if (rows.length === 0) list.appendChild(el('li', { class: 'muted' }, empty));
  syncKeyList(list, hidden);
}

export function syncKeyList(list: HTMLElement, hidden: ReadonlySet<string>): void {
  list.querySelectorAll<HTMLButtonElement>('button[data-key]').forEach((b) => b.setAttribute('aria-pressed', String(!hidden.has(b.dataset.key!))));
}

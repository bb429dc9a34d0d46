/** Keyboard and screen-reader access: a listbox of the nodes shown, filterable, arrows + Enter. */
import { normaliseText } from '../core/search';
import { byId, clear, el } from './dom';

export interface ListItem {
  key: string;
  label: string;
  kind: string;
  type: string;
}

const MAX_ROWS = 400;

export class NodeList {
  private readonly list = byId<HTMLUListElement>('node-list');
  private readonly filter = byId<HTMLInputElement>('node-list-filter');
  private items: ListItem[] = [];
  private shown: ListItem[] = [];
  private active = -1;

  constructor(
    private readonly onChoose: (key: string) => void,
    /** The keyboard's current item, highlighted on the canvas like a hover (null when the list loses focus). */
    private readonly onActive: (key: string | null) => void = () => undefined,
  ) {
    this.list.addEventListener('blur', () => this.onActive(null));
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        this.list.focus();
        this.move(this.active < 0 ? 0 : this.active);
      }
    });
    this.list.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.move(this.active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        this.move(e.key === 'Home' ? 0 : this.shown.length - 1);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const item = this.shown[this.active];
        if (item) this.onChoose(item.key);
      }
    });
    this.list.addEventListener('focus', () => {
      if (this.active < 0 && this.shown.length) this.move(0);
    });
    this.list.addEventListener('click', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLElement>('[data-node]');
      if (!li) return;
      this.move(Number(li.dataset.index));
      this.onChoose(li.dataset.node!);
    });
  }

  setItems(items: ListItem[]): void {
    const activeKey = this.shown[this.active]?.key;
    this.items = items;
    this.render(activeKey);
  }

  /** Mark the selected node in the list when it is there. */
  setSelected(key: string | null): void {
    this.list.querySelectorAll('[aria-selected="true"]').forEach((n) => n.setAttribute('aria-selected', 'false'));
    if (key === null) return;
    const i = this.shown.findIndex((it) => it.key === key);
    if (i >= 0) this.list.children[i]?.setAttribute('aria-selected', 'true');
  }

  private render(keepKey?: string): void {
    const q = normaliseText(this.filter.value);
    const matching = q ? this.items.filter((it) => normaliseText(it.label).includes(q)) : this.items;
    this.shown = matching.slice(0, MAX_ROWS);
    clear(this.list);
    const fragment = document.createDocumentFragment();
    this.shown.forEach((it, i) => {
      fragment.appendChild(
        el(
          'li',
          { id: `node-option-${i}`, role: 'option', 'data-node': it.key, 'data-index': i, 'aria-selected': 'false', class: `kind-${it.kind}` },
          el('span', { class: 'label' }, it.label),
          el('span', { class: 'meta' }, it.type || it.kind),
        ),
      );
    });
    if (matching.length > MAX_ROWS) {
      fragment.appendChild(el('li', { class: 'more', role: 'presentation' }, `${matching.length - MAX_ROWS} more: type to narrow the list`));
    }
    this.list.appendChild(fragment);
    const keep = keepKey ? this.shown.findIndex((it) => it.key === keepKey) : -1;
    this.active = -1;
    this.list.removeAttribute('aria-activedescendant');
    if (keep >= 0) this.move(keep, false);
  }

  private move(index: number, scroll = true): void {
    if (this.shown.length === 0) return;
    const i = Math.max(0, Math.min(this.shown.length - 1, index));
    this.list.children[this.active]?.classList.remove('active');
    this.active = i;
    const li = this.list.children[i] as HTMLElement | undefined;
    if (!li) return;
    li.classList.add('active');
    this.list.setAttribute('aria-activedescendant', li.id);
    if (scroll) li.scrollIntoView({ block: 'nearest' });
    if (document.activeElement === this.list) this.onActive(this.shown[i]!.key);
  }
}

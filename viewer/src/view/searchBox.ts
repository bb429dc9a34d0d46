/** The search combobox: suggestions over labels and aliases; Enter or click picks one. */
import type { SearchHit } from '../core/search';
import { byId, clear, el } from './dom';

export function bindSearchBox(find: (query: string) => SearchHit[], pick: (key: string) => void): void {
  const input = byId<HTMLInputElement>('search');
  const results = byId('search-results');
  let hits: SearchHit[] = [];
  let active = -1;

  const close = (): void => {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const setActive = (i: number): void => {
    results.querySelectorAll('[role=option]').forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0) input.setAttribute('aria-activedescendant', `search-option-${i}`);
  };
  const choose = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    pick(hit.key);
  };
  const update = (): void => {
    hits = find(input.value);
    clear(results);
    active = -1;
    if (!input.value.trim()) return close();
    if (hits.length === 0) {
      results.appendChild(el('div', { class: 'no-results' }, 'No match'));
    }
    hits.forEach((hit, i) => {
      const option = el(
        'div',
        { id: `search-option-${i}`, role: 'option', 'data-node': hit.key, 'aria-selected': 'false' },
        el('span', { class: 'label' }, hit.label),
        hit.matched !== hit.label ? el('span', { class: 'alias' }, hit.matched) : null,
      );
      // mousedown, not click: the input's blur would close the list before a click lands.
      option.addEventListener('mousedown', (e) => e.preventDefault());
      option.addEventListener('click', () => choose(i));
      results.appendChild(option);
    });
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim()) update();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.hidden) update();
      if (hits.length) setActive((active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits.length === 0 || results.hidden) hits = find(input.value);
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') close();
  });
}

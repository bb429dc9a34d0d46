/** The search combobox: suggestions over labels and aliases; Enter or click picks one. */
import type { SearchHit } from '../core/search';
import { byId, clear, el } from './dom';

/** How long the list stays after the input loses focus. */
export const BLUR_CLOSE_MS = 150;

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

  // A blur closes the list a moment later (a touch on an option must land first). The timer is
  // dropped when focus comes back: a late one would otherwise close the list the user is now
  // typing in or moving through with the arrows, taking the active option away.
  let blurTimer: ReturnType<typeof setTimeout> | undefined;
  const cancelBlurClose = (): void => {
    clearTimeout(blurTimer);
    blurTimer = undefined;
  };
  input.addEventListener('input', () => {
    cancelBlurClose();
    update();
  });
  input.addEventListener('focus', () => {
    cancelBlurClose();
    if (input.value.trim()) update();
  });
  input.addEventListener('blur', () => {
    cancelBlurClose();
    blurTimer = setTimeout(() => {
      blurTimer = undefined;
      if (document.activeElement !== input) close();
    }, BLUR_CLOSE_MS);
  });
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

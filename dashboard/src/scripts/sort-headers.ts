// The home table's sortable column headers: the server renders plain text (sorting needs the script), so the
// script puts a button in each, and marks the sort shown with an arrow and aria-sort.
import type { SortKey, SortSpec } from '../lib/view-state.ts';

function sortable(table: HTMLElement): NodeListOf<HTMLTableCellElement> {
  return table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]');
}

/** A button in each sortable header, calling `onSort` with its column's key. */
export function addSortButtons(table: HTMLElement, onSort: (key: SortKey) => void): void {
  for (const th of sortable(table)) {
    const button = document.createElement('button');
    button.type = 'button';
    const arrow = document.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    button.append(...th.childNodes, arrow);
    th.append(button);
    button.addEventListener('click', () => onSort(th.dataset.sort as SortKey));
  }
}

/** The arrow and aria-sort of the sorted column; none on the others. */
export function showSort(table: HTMLElement, sort: SortSpec | undefined): void {
  for (const th of sortable(table)) {
    const active = sort?.key === th.dataset.sort;
    if (active) th.setAttribute('aria-sort', sort!.desc ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
    th.querySelector('button span')!.textContent = active ? (sort!.desc ? ' ▼' : ' ▲') : '';
  }
}

// <dl-table>: filters, search, sorting and URL state for the server-rendered drivers table.
// Rows are never rebuilt: filtering toggles `hidden`, sorting re-appends the same <tr> elements.
import { decodeDriver, type ClientDriver, type ClientIndex } from '../lib/client-index.ts';
import { countText, emptyMessage, visibleRows, type FilterFacts } from '../lib/filter.ts';
import { createDriverSearch, type DriverSearch } from '../lib/search.ts';
import { sortOrder, type SortItem } from '../lib/sort.ts';
import { ciStatus, findRelease, STATUS_RANK, statusView } from '../lib/status.ts';
import {
  EMPTY_VIEW,
  formatViewState,
  parseViewState,
  sameView,
  toggleSort,
  type SortKey,
  type ViewState,
} from '../lib/view-state.ts';
import { readForm, writeForm } from './form-state.ts';
import { renderStatus } from './status-dom.ts';

class IndexLoadError extends Error {
  readonly code = 'INDEX_LOAD';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IndexLoadError';
  }
}

const STATUS_COLUMN = 4;
// Laying out thousands of table rows takes longer than a keystroke may: large registries show the
// first rows of a result and a button for the rest. Ours (a few hundred) always shows everything.
const ALWAYS_SHOWN = 400;
const FIRST_ROWS = 100;

class DriverTable extends HTMLElement {
  private drivers: ClientDriver[] = [];
  private rows: HTMLTableRowElement[] = [];
  private facts: FilterFacts[] = [];
  private items: SortItem[] = [];
  private finder!: DriverSearch;
  private order: number[] = [];
  private showAll = false;
  private staleDays = 30;
  private releaseOrder = new Map<string, number>();
  private state: ViewState | undefined;
  private searchHits: Set<number> | undefined;
  private shownOrder = '';

  connectedCallback(): void {
    this.init().catch((error: unknown) => {
      // The full server-rendered table stays usable; only the controls stay hidden.
      console.error(error);
    });
  }

  private async init(): Promise<void> {
    const url = this.dataset.index!;
    const response = await fetch(url);
    if (!response.ok) throw new IndexLoadError(`${url}: HTTP ${response.status}`);
    const index = (await response.json()) as ClientIndex;
    this.rows = Array.from(this.querySelector('tbody')!.rows);
    if (index.drivers.length !== this.rows.length) {
      throw new IndexLoadError(
        `${url}: ${index.drivers.length} entries for ${this.rows.length} rows; rebuild the site`,
      );
    }
    this.staleDays = index.staleDays;
    this.releaseOrder = new Map(index.releases.map((id, i) => [id, i]));
    this.drivers = index.drivers.map(decodeDriver);
    this.facts = this.drivers.map((d) => ({
      projectId: d.projectId,
      vendor: d.vendor,
      releases: new Set(
        [...d.status.claims, ...Object.keys(d.status.evidence)].map((id) => id.toLowerCase()),
      ),
    }));
    this.items = this.drivers.map((d) => {
      const positions = d.status.claims.map((id) => this.releaseOrder.get(id) ?? -1);
      return {
        project: d.projectName,
        vendor: d.vendor,
        driver: d.name,
        newestRelease: Math.max(-1, ...positions),
        releaseCount: positions.length,
        statusRank: 0,
        statusAt: 0,
      };
    });
    this.order = this.rows.map((_, i) => i);
    this.finder = createDriverSearch(
      this.drivers.map((d) => [d.vendor, d.name, d.description, d.projectName, d.projectId, d.ciId]),
    );
    this.wire();
    this.apply(parseViewState(location.search), 'none');
    this.form.hidden = false;
  }

  private get form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  private wire(): void {
    const form = this.form;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      // Typing replaces the history entry; choosing a filter adds one, so Back undoes it.
      this.apply(readForm(this.form, this.state?.sort), target.name === 'q' ? 'replace' : 'push');
    });
    for (const th of this.querySelectorAll<HTMLTableCellElement>('thead th[data-k]')) {
      const button = document.createElement('button');
      button.type = 'button';
      const arrow = document.createElement('span');
      arrow.setAttribute('aria-hidden', 'true');
      button.append(...th.childNodes, arrow);
      th.append(button);
      button.addEventListener('click', () => {
        const current = this.state ?? EMPTY_VIEW;
        this.apply({ ...current, sort: toggleSort(current.sort, th.dataset.k as SortKey) }, 'push');
      });
    }
    this.querySelector('.more button')!.addEventListener('click', () => {
      this.showAll = true;
      this.apply(this.state ?? EMPTY_VIEW, 'none');
    });
    this.querySelector('.empty button')!.addEventListener('click', () => {
      this.apply({ ...EMPTY_VIEW, sort: this.state?.sort }, 'push');
      this.form.querySelector<HTMLInputElement>('input[name=q]')!.focus();
    });
    window.addEventListener('popstate', () => this.apply(parseViewState(location.search), 'none'));
  }

  private apply(next: ViewState, history: 'push' | 'replace' | 'none'): void {
    const prev = this.state;
    this.state = next;
    if (prev && !sameView(prev, next)) this.showAll = false;
    if (history !== 'none' && !(prev && sameView(prev, next))) {
      const url = `${location.pathname}${formatViewState(next)}${location.hash}`;
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    // Typing already shows in the form; Back, old links and "Show all drivers" change it from here.
    writeForm(this.form, next);
    const releaseChanged = !prev || prev.release !== next.release;
    if (releaseChanged) this.renderStatuses(next.release);
    if (!prev || prev.q !== next.q) {
      const q = next.q.trim();
      this.searchHits = q ? this.finder.search(q) : undefined;
    }
    this.reorder(next, releaseChanged);
    const matching = visibleRows(this.facts, next, this.searchHits);
    const limit = this.showAll || this.rows.length <= ALWAYS_SHOWN ? Infinity : FIRST_ROWS;
    let shown = 0;
    let displayed = 0;
    // Only rows whose visibility changes are touched: each change costs layout work.
    for (const i of this.order) {
      const match = matching[i]!;
      if (match) shown++;
      const hide = !match || displayed >= limit;
      if (!hide) displayed++;
      const row = this.rows[i]!;
      if (row.hidden !== hide) row.hidden = hide;
    }
    this.querySelector('.n')!.textContent = countText(shown, this.rows.length);
    const more = this.querySelector<HTMLElement>('.more')!;
    more.hidden = displayed === shown;
    if (displayed < shown) {
      more.querySelector('span')!.textContent =
        `Showing the first ${displayed} of ${shown} matching drivers.`;
      more.querySelector('button')!.textContent = `Show all ${shown}`;
    }
    const empty = this.querySelector<HTMLElement>('.empty')!;
    empty.hidden = shown > 0;
    if (shown === 0) {
      const release = findRelease(this.releaseOrder.keys(), next.release);
      const project = this.drivers.find((d) => d.projectId.toLowerCase() === next.project.toLowerCase());
      empty.querySelector('p')!.textContent = emptyMessage(next, { release, project: project?.projectName });
    }
  }

  /** Status cells for a release, or newest evidence; ages are measured now, in the reader's browser. */
  private renderStatuses(release: string): void {
    const now = Date.now();
    const name = findRelease(this.releaseOrder.keys(), release) ?? release;
    this.querySelector('caption span')!.textContent = release ? name : 'newest';
    for (let i = 0; i < this.rows.length; i++) {
      const status = ciStatus(this.drivers[i]!.status, release, now, this.staleDays);
      const item = this.items[i]!;
      item.statusRank = STATUS_RANK[status.kind];
      item.statusAt = 'evidence' in status ? status.evidence.at : 0;
      renderStatus(this.rows[i]!.cells[STATUS_COLUMN]!, statusView(status, !release), now);
    }
  }

  private reorder(state: ViewState, releaseChanged: boolean): void {
    const key = state.sort ? `${state.sort.key}:${state.sort.desc}` : '';
    for (const th of this.querySelectorAll<HTMLTableCellElement>('thead th[data-k]')) {
      const active = state.sort?.key === th.dataset.k;
      if (active) th.setAttribute('aria-sort', state.sort!.desc ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.querySelector('button span')!.textContent = active ? (state.sort!.desc ? ' ▼' : ' ▲') : '';
    }
    // Only a new sort (or new statuses under the status sort) moves rows: one append of a fragment.
    if (key === this.shownOrder && !(releaseChanged && state.sort?.key === 'status')) return;
    this.shownOrder = key;
    this.order = sortOrder(this.items, state.sort);
    const fragment = document.createDocumentFragment();
    for (const i of this.order) fragment.append(this.rows[i]!);
    this.querySelector('tbody')!.append(fragment);
  }
}

customElements.define('dl-table', DriverTable);

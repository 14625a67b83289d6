// <driver-table> (components/DriverTable.astro): filters, search, sorting and URL state for the
// server-rendered drivers table. Rows are never rebuilt: filtering toggles `hidden`, sorting re-appends
// the same <tr> elements. Rows of retired projects and removed drivers come from their own page when a
// filter first reveals one.
import { vendorKey } from '../../../backend/model/vendor-key.ts';
import type { ClientDriver, ClientIndex } from '../lib/client-index.ts';
import {
  countText,
  emptyMessage,
  filterScope,
  hiddenCount,
  visibleRows,
  type FilterFacts,
} from '../lib/filter.ts';
import { scopedStatus } from '../lib/headline.ts';
import type { ReleaseRoles } from '../lib/release-views.ts';
import { rowSignals, rowSignalsHtml } from '../lib/row-signals.ts';
import { createDriverSearch, type DriverSearch } from '../lib/search.ts';
import { sortOrder, type SortItem } from '../lib/sort.ts';
import { tableData } from '../lib/table-data.ts';
import { findRelease, namesRelease, releaseList, STATUS_RANK, statusView } from '../lib/status.ts';
import {
  EMPTY_VIEW,
  formatViewState,
  parseViewState,
  sameView,
  toggleSort,
  type ViewState,
} from '../lib/view-state.ts';
import { DeferredUrl } from './deferred-url.ts';
import { FeatureData, IndexLoadError } from './feature-data.ts';
import { readForm, writeForm } from './form-state.ts';
import { GoneRows } from './gone-rows.ts';
import { showLoadFailure } from './load-failure.ts';
import { addSortButtons, showSort } from './sort-headers.ts';
import { renderStatus } from './status-dom.ts';

const RELOAD = 'Reload the page to try again.';
// Cells of a row: project, vendor, driver (a header cell), releases claimed, CI status, signals, maintainers.
const STATUS_COLUMN = 4;
const SIGNALS_COLUMN = 5;
// Laying out thousands of table rows takes longer than a keystroke may: large registries show the
// first rows of a result and a button for the rest. Ours (a few hundred) always shows everything.
// Each newly shown row costs about 0.3 ms of layout in Chromium: 50 keep a keystroke under its budget.
const ALWAYS_SHOWN = 400;
const FIRST_ROWS = 50;

class DriverTable extends HTMLElement {
  private drivers: ClientDriver[] = [];
  private rows: HTMLTableRowElement[] = [];
  /** Which rows are hidden, kept here: reading `hidden` back from thousands of rows costs a keystroke's budget. */
  private rowHidden: Uint8Array = new Uint8Array(0);
  private facts: FilterFacts[] = [];
  private items: SortItem[] = [];
  private finder!: DriverSearch;
  private order: number[] = [];
  private showAll = false;
  private staleDays = 30;
  private releaseOrder = new Map<string, number>();
  /** Drivers the lifecycle filter hides from the current release's view. */
  private goneCount = 0;
  private releaseIds: string[] = [];
  private roles: ReleaseRoles = {};
  /** Every name of every vendor (its id, name and aliases, as vendorKey reads them) → the vendor's id. */
  private vendorIds = new Map<string, string>();
  private vendorNames = new Map<string, string>();
  private state: ViewState | undefined;
  private searchHits: Set<number> | undefined;
  private shownOrder = '';
  private releaseNames = new Map<string, string>();
  private features!: FeatureData;
  private readonly url = new DeferredUrl();
  private gone!: GoneRows;
  private goneLoaded: Promise<void> | undefined;

  connectedCallback(): void {
    // The server-rendered table stays usable; only the controls stay hidden.
    this.init().catch((error: unknown) =>
      showLoadFailure(this, 'The filters', `the table lists every driver shown by default. ${RELOAD}`, error),
    );
  }

  private async init(): Promise<void> {
    const url = this.dataset.index!;
    const response = await fetch(url);
    if (!response.ok) throw new IndexLoadError(`${url}: HTTP ${response.status}`);
    const index = (await response.json()) as ClientIndex;
    const data = tableData(index);
    this.gone = new GoneRows(this.querySelector('tbody')!, data.drivers, url);
    this.rows = this.gone.rows;
    this.rowHidden = Uint8Array.from(this.rows, (row) => (row.hidden ? 1 : 0));
    this.staleDays = index.staleDays;
    this.releaseIds = index.releases;
    this.roles = index.roles;
    this.releaseOrder = new Map(index.releases.map((id, i) => [id, i]));
    this.releaseNames = new Map(index.releases.map((id) => [id.toLowerCase(), id]));
    this.drivers = data.drivers;
    this.facts = data.facts;
    this.items = data.items;
    this.vendorIds = data.vendorIds;
    this.vendorNames = data.vendorNames;
    this.order = this.rows.map((_, i) => i);
    this.finder = createDriverSearch(data.searchFields);
    this.features = new FeatureData(this.dataset.features!);
    this.wire();
    const first = parseViewState(location.search);
    // Without the feature data the table still filters on everything else.
    if (first.features.length > 0) await this.features.load().catch(this.featuresFailed);
    this.apply(first, 'none');
    this.form.hidden = false;
  }

  /** The rows of retired projects and removed drivers (hidden, as their stand-ins were), then their statuses for
   * the release shown and the view again: once, however many filters asked while it loaded. */
  private loadGone(): void {
    this.goneLoaded ??= this.gone.load(this.dataset.gone!).then(
      () => {
        this.renderStatuses(this.state?.release ?? '');
        this.apply(this.state ?? EMPTY_VIEW, 'none');
      },
      (error: unknown) =>
        showLoadFailure(
          this,
          'The retired and removed drivers',
          `they are listed on their own page, “Retired and removed drivers”. ${RELOAD}`,
          error,
        ),
    );
  }

  private readonly featuresFailed = (error: unknown): void =>
    showLoadFailure(this, 'The feature data', `the feature filter matches no driver. ${RELOAD}`, error);

  private get form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  private wire(): void {
    const form = this.form;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      const next = readForm(this.form, this.state?.sort);
      // Another project has other features: the ones chosen for the last one no longer apply.
      if (target.name === 'project_id') next.features = [];
      // Typing replaces the history entry; choosing a filter adds one, so Back undoes it.
      this.apply(next, target.name === 'q' ? 'replace' : 'push');
      if (target.name === 'project_id' && next.project && !this.features.loaded) {
        // A feature ticked before the data arrived is applied once it has.
        this.features.load().then(() => this.apply(this.state ?? EMPTY_VIEW, 'none'), this.featuresFailed);
      }
    });
    addSortButtons(this, (key) => {
      const current = this.state ?? EMPTY_VIEW;
      this.apply({ ...current, sort: toggleSort(current.sort, key) }, 'push');
    });
    this.querySelector('.driver-more button')!.addEventListener('click', () => {
      this.showAll = true;
      this.apply(this.state ?? EMPTY_VIEW, 'none');
    });
    this.querySelector('.driver-empty button')!.addEventListener('click', () => {
      this.apply({ ...EMPTY_VIEW, sort: this.state?.sort }, 'push');
      this.form.querySelector<HTMLInputElement>('input[name=q]')!.focus();
    });
    form.addEventListener('focusout', () => this.url.flush());
    window.addEventListener('pagehide', () => this.url.flush());
    window.addEventListener('popstate', () => {
      this.url.cancel();
      const state = parseViewState(location.search);
      if (state.features.length > 0 && !this.features.loaded) {
        this.features
          .load()
          .then(() => this.apply(parseViewState(location.search), 'none'), this.featuresFailed);
      }
      this.apply(state, 'none');
    });
  }

  /** The vendor's id for any of its names (old links name vendors by name or by a former name). */
  private vendorId(name: string): string | undefined {
    return this.vendorIds.get(vendorKey(name));
  }

  private apply(asked: ViewState, history: 'push' | 'replace' | 'none'): void {
    const next = asked.vendor ? { ...asked, vendor: this.vendorId(asked.vendor) ?? asked.vendor } : asked;
    const prev = this.state;
    this.state = next;
    if (prev && !sameView(prev, next)) this.showAll = false;
    if (history !== 'none' && !(prev && sameView(prev, next))) {
      const url = `${location.pathname}${formatViewState(next)}${location.hash}`;
      this.url.set(url, history);
    }
    // Typing already shows in the form; Back, old links and "Show all drivers" change it from here.
    writeForm(this.form, next, this.releaseNames);
    const releaseChanged = !prev || prev.release !== next.release;
    if (releaseChanged) this.renderStatuses(next.release);
    if (!prev || prev.q !== next.q) {
      const q = next.q.trim();
      this.searchHits = q ? this.finder.search(q) : undefined;
    }
    this.reorder(next, releaseChanged);
    const scope = filterScope(next, this.releaseIds, (name) => this.vendorId(name));
    const matching = visibleRows(this.facts, next, scope, this.searchHits, this.features.hits(next));
    const limit = this.showAll || this.rows.length <= ALWAYS_SHOWN ? Infinity : FIRST_ROWS;
    let shown = 0;
    let displayed = 0;
    // Only rows whose visibility changes are touched: each change costs layout work.
    let waiting = false;
    for (const i of this.order) {
      const match = matching[i]!;
      if (match) shown++;
      const show = match && displayed < limit;
      if (show) displayed++;
      // A stand-in counts as shown, so the counts do not flicker, but stays hidden until its row has come.
      const stand = this.gone.waiting(i);
      if (show && stand) waiting = true;
      const hide = !show || stand;
      if (this.rowHidden[i] !== (hide ? 1 : 0)) {
        this.rowHidden[i] = hide ? 1 : 0;
        this.rows[i]!.hidden = hide;
      }
    }
    // A row held back by the home page is shown once its page has come.
    if (waiting) this.loadGone();
    // The lifecycle filter depends on the release alone: counted again only when it changes.
    if (releaseChanged) this.goneCount = hiddenCount(this.facts, scope);
    const hidden = this.goneCount;
    this.querySelector('.driver-count')!.textContent = countText(
      shown,
      this.rows.length - (next.all ? 0 : hidden),
    );
    this.showGone(next, hidden);
    const more = this.querySelector<HTMLElement>('.driver-more')!;
    more.hidden = displayed === shown;
    if (displayed < shown) {
      more.querySelector('span')!.textContent =
        `Showing the first ${displayed} of ${shown} matching drivers.`;
      more.querySelector('button')!.textContent = `Show all ${shown}`;
    }
    const empty = this.querySelector<HTMLElement>('.driver-empty')!;
    empty.hidden = shown > 0;
    if (shown === 0) {
      const project = this.drivers.find((d) => d.projectId.toLowerCase() === next.project.toLowerCase());
      empty.querySelector('p')!.textContent = emptyMessage(next, {
        release: this.releaseLabel(next.release),
        project: project?.projectName,
        vendor: this.vendorNames.get(next.vendor),
        hidden,
      });
    }
  }

  /** The toggle's words say how many drivers it brings back. */
  private showGone(state: ViewState, hidden: number): void {
    const words = this.querySelector('.driver-gone span')!;
    words.textContent = state.all
      ? `show retired and removed (${hidden} shown)`
      : `show retired and removed (${hidden} hidden)`;
  }

  /** "Rocky", or "Kilo or Liberty" for a comma list, as the registry spells them. */
  private releaseLabel(release: string): string {
    return releaseList(release)
      .map((id) => findRelease(this.releaseOrder.keys(), id) ?? id)
      .join(' or ');
  }

  /** Status and signal cells for a release, or the headline; ages are measured now, in the reader's browser. */
  private renderStatuses(release: string): void {
    const now = Date.now();
    this.querySelector('caption span')!.textContent = release
      ? this.releaseLabel(release)
      : `the newest maintained release${this.roles.maintained ? `, ${this.roles.maintained}` : ''}`;
    for (let i = 0; i < this.rows.length; i++) {
      const driver = this.drivers[i]!;
      const status = scopedStatus(driver.status, release, this.roles, now, this.staleDays);
      const item = this.items[i]!;
      item.statusRank = STATUS_RANK[status.kind];
      item.statusAt = 'evidence' in status ? status.evidence.at : 0;
      if (this.gone.waiting(i)) continue;
      const cells = this.rows[i]!.cells;
      renderStatus(cells[STATUS_COLUMN]!, statusView(status, namesRelease(release)), now);
      cells[SIGNALS_COLUMN]!.innerHTML = rowSignalsHtml(
        rowSignals(driver, release, this.releaseIds, this.roles),
      );
    }
  }

  private reorder(state: ViewState, releaseChanged: boolean): void {
    const key = state.sort ? `${state.sort.key}:${state.sort.desc}` : '';
    showSort(this, state.sort);
    // Only a new sort (or new statuses under the status sort) moves rows: one append of a fragment.
    if (key === this.shownOrder && !(releaseChanged && state.sort?.key === 'status')) return;
    this.shownOrder = key;
    this.order = sortOrder(this.items, state.sort);
    const fragment = document.createDocumentFragment();
    for (const i of this.order) fragment.append(this.rows[i]!);
    this.querySelector('tbody')!.append(fragment);
  }
}

customElements.define('driver-table', DriverTable);

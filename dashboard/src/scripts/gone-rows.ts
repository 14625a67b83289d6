// The home table's rows, one per index entry. The home page holds the rows shown by default; the rows of retired
// projects and removed drivers live on their own page (pages/retired.astro), which most readers never need, so
// each starts as an empty, hidden stand-in (no cells: nothing renders into it) until a filter first reveals one.
import type { ClientDriver } from '../lib/client-index.ts';
import { hiddenByDefault } from '../lib/lifecycle.ts';
import { IndexLoadError } from './feature-data.ts';

export class GoneRows {
  readonly rows: HTMLTableRowElement[];
  private readonly stands = new Set<HTMLTableRowElement>();
  private loading: Promise<void> | undefined;

  /** Places the served rows and the stand-ins in index order; `url` names the index in errors. */
  constructor(
    private readonly tbody: HTMLTableSectionElement,
    drivers: readonly ClientDriver[],
    url: string,
  ) {
    const served = Array.from(tbody.rows);
    const gone = drivers.map((d) => hiddenByDefault(d, []));
    const expected = gone.filter((g) => !g).length;
    if (served.length !== expected) {
      throw new IndexLoadError(
        `${url}: ${expected} rows shown by default, the page has ${served.length}; rebuild the site`,
      );
    }
    let next = 0;
    this.rows = gone.map((g) => {
      if (!g) return served[next++]!;
      const stand = document.createElement('tr');
      stand.hidden = true;
      this.stands.add(stand);
      return stand;
    });
    const fragment = document.createDocumentFragment();
    fragment.append(...this.rows);
    tbody.append(fragment);
  }

  /** Whether row `i` still waits for its page. */
  waiting(i: number): boolean {
    return this.stands.has(this.rows[i]!);
  }

  /** Puts the rows of `pageUrl` in place of the stand-ins, hidden, once however often it is asked. */
  load(pageUrl: string): Promise<void> {
    this.loading ??= (async () => {
      const response = await fetch(pageUrl);
      if (!response.ok) throw new IndexLoadError(`${pageUrl}: HTTP ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const loaded = Array.from(
        page.querySelector<HTMLTableSectionElement>('table.drivers tbody')?.rows ?? [],
      );
      if (loaded.length !== this.stands.size) {
        throw new IndexLoadError(
          `${pageUrl}: ${loaded.length} rows for ${this.stands.size} drivers; rebuild the site`,
        );
      }
      let next = 0;
      for (let i = 0; i < this.rows.length; i++) {
        const stand = this.rows[i]!;
        if (!this.stands.has(stand)) continue;
        const row = this.tbody.ownerDocument.importNode(loaded[next++]!, true);
        row.hidden = true;
        stand.replaceWith(row);
        this.rows[i] = row;
      }
      this.stands.clear();
    })();
    return this.loading;
  }
}

// The table's view as URL query parameters, with the original DriverLog names so old links work.

export const SORT_KEYS = ['project', 'vendor', 'driver', 'releases', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortSpec {
  key: SortKey;
  desc: boolean;
}

export interface ViewState {
  /** Release id in lower case, "" for all; a comma list ("kilo,liberty") for any of them. */
  release: string;
  /** Project id, "" for all. */
  project: string;
  /** Vendor id (or, from an old link, any name of the vendor), "" for all. */
  vendor: string;
  q: string;
  /** Feature ids of the project's support matrix that every driver shown must support. */
  features: string[];
  /** Also drivers of retired projects and drivers removed from the tree (`show=all`). */
  all: boolean;
  sort?: SortSpec;
}

export const EMPTY_VIEW: ViewState = {
  release: '',
  project: '',
  vendor: '',
  q: '',
  features: [],
  all: false,
};

export function parseSort(text: string): SortSpec | undefined {
  const desc = text.startsWith('-');
  const key = desc ? text.slice(1) : text;
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, desc } : undefined;
}

export function formatSort(sort: SortSpec): string {
  return `${sort.desc ? '-' : ''}${sort.key}`;
}

/** The view a query string asks for; `release` is the original API's alias of `release_id`. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const get = (name: string) => (params.get(name) ?? '').trim();
  const state: ViewState = {
    release: (get('release_id') || get('release'))
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '')
      .join(',')
      .toLowerCase(),
    project: get('project_id'),
    vendor: get('vendor'),
    q: params.get('q') ?? '',
    features: [...new Set(params.getAll('feature').map((f) => f.trim()))].filter((f) => f !== ''),
    all: get('show') === 'all',
  };
  const sort = parseSort(get('sort'));
  if (sort) state.sort = sort;
  return state;
}

/** "?release_id=rocky&vendor=dell", or "" for the default view. */
export function formatViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.release) params.set('release_id', state.release.toLowerCase());
  if (state.project) params.set('project_id', state.project);
  if (state.vendor) params.set('vendor', state.vendor);
  if (state.q) params.set('q', state.q);
  for (const feature of state.features) params.append('feature', feature);
  if (state.all) params.set('show', 'all');
  if (state.sort) params.set('sort', formatSort(state.sort));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return formatViewState(a) === formatViewState(b);
}

/** The next sort when a column header is pressed: ascending, then descending, then ascending. */
export function toggleSort(current: SortSpec | undefined, key: SortKey): SortSpec {
  return current?.key === key && !current.desc ? { key, desc: true } : { key, desc: false };
}

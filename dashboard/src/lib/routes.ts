// Every path of the site, from its root (no leading slash): pages, feeds, badges and data files. Links, feeds,
// badge snippets, the API's `page` fields and the files the build writes all take their paths from here, so a
// page moves in one place. `joinBase` (text.ts) puts a path under the base path.
import { releaseSlug } from './slugs.ts';
import { EMPTY_VIEW, formatViewState, type ViewState } from './view-state.ts';

export const routes = {
  home: '',
  /** The home table showing a view: `?project_id=openstack%2Fcinder`. */
  homeView: (view: Partial<ViewState>) => formatViewState({ ...EMPTY_VIEW, ...view }),
  driver: (slug: string) => `drivers/${slug}/`,
  /** The drivers of retired projects and those removed from the tree: the rows the home table holds back. */
  goneDrivers: 'retired/',
  vendors: 'vendors/',
  vendor: (id: string) => `vendors/${id}/`,
  projects: 'projects/',
  /** A project's page; with a release, that release's support matrix. */
  project: (slug: string, release?: string) =>
    release === undefined ? `projects/${slug}/` : `projects/${slug}/${releaseSlug(release)}/`,
  evidence: 'about/evidence/',
  upgrades: 'upgrade/',
  /** The upgrade page of one pair of releases: "upgrade/epoxy-to-hibiscus/". */
  upgrade: (from: string, to: string) => `upgrade/${releaseSlug(from)}-to-${releaseSlug(to)}/`,
  /** The badge of a driver's headline status, as an SVG or a shields.io endpoint document. */
  badge: (slug: string, format: 'svg' | 'json') => `badges/${slug}.${format}`,
  /** The badge of one release's status. */
  releaseBadge: (slug: string, release: string) => `badges/${slug}/${releaseSlug(release)}.svg`,
  /** How a release badge's path is built, for people: "badges/<driver>/<release>.svg". */
  releaseBadgePattern: (slug: string) => `badges/${slug}/<release>.svg`,
  changesFeed: 'feeds/changes.atom',
  driverFeed: (slug: string) => `feeds/drivers/${slug}.atom`,
  vendorFeed: (id: string) => `feeds/vendors/${id}.atom`,
  apiDrivers: 'api/1.0/drivers.json',
  csv: 'drivers.csv',
  driversIndex: 'drivers-index.json',
  featuresIndex: 'features-index.json',
} as const;

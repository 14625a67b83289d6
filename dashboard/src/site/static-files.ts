// The site's many small files, badges and feeds, written by the build in one pass (astro.config.mjs,
// integration `driverlog-static-files`) rather than as one Astro route each: a route costs a request, a response
// and a log line per file, most of the build for a registry of thousands of drivers. They stay static files.
import { badgeSvg, shieldsJson } from '../lib/badge.ts';
import { routes } from '../lib/routes.ts';
import { badgeReleases, headlineBadge, releaseBadge } from './badges.ts';
import { feedBody } from './feeds.ts';
import { site } from './load.ts';

export interface StaticFile {
  /** From the site's root, as routes.ts builds it. */
  path: string;
  body: string;
}

/** Every badge and feed of the site. */
export function* staticFiles(): Generator<StaticFile> {
  const { model, events, eventsByDriver, eventsByVendor } = site();
  for (const d of model.drivers) {
    const badge = headlineBadge(d);
    yield { path: routes.badge(d.slug, 'svg'), body: badgeSvg(badge) };
    yield { path: routes.badge(d.slug, 'json'), body: JSON.stringify(shieldsJson(badge)) };
    for (const release of badgeReleases(d, model.roles.development)) {
      yield { path: routes.releaseBadge(d.slug, release), body: badgeSvg(releaseBadge(d, release)) };
    }
    const feed = routes.driverFeed(d.slug);
    yield {
      path: feed,
      body: feedBody(
        { path: feed, title: `DriverLog: ${d.name} status changes`, page: routes.driver(d.slug) },
        eventsByDriver.get(d.slug) ?? [],
      ),
    };
  }
  for (const v of model.vendors) {
    const feed = routes.vendorFeed(v.id);
    yield {
      path: feed,
      body: feedBody(
        { path: feed, title: `DriverLog: ${v.name} driver status changes`, page: routes.vendor(v.id) },
        eventsByVendor.get(v.id) ?? [],
      ),
    };
  }
  yield {
    path: routes.changesFeed,
    body: feedBody(
      { path: routes.changesFeed, title: 'DriverLog: driver status changes', page: routes.home },
      events,
    ),
  };
}

/** The key the build finds `staticFiles` under: the pages' bundle and the config are separate module graphs. */
export const STATIC_FILES_KEY = Symbol.for('driverlog.static-files');

/** Hands the build the producer of the static files; the home page calls it, as every build renders it. */
export function offerStaticFiles(): void {
  (globalThis as Record<symbol, unknown>)[STATIC_FILES_KEY] = staticFiles;
}

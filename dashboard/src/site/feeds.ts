// The three kinds of feed, as Atom documents.
import { atomFeed } from '../lib/atom.ts';
import type { FeedEvent } from '../lib/feed-events.ts';
import { stableId } from '../lib/feed-events.ts';
import { publicHref } from '../lib/text.ts';
import { site } from './load.ts';

export function feedBody(
  spec: { path: string; title: string; page: string },
  events: readonly FeedEvent[],
): string {
  const { settings } = site();
  const base = import.meta.env.BASE_URL;
  const href = (path: string) => publicHref(settings.siteUrl, base, path);
  return atomFeed(
    {
      // From the feed's path alone: the same feed keeps its id wherever the site is hosted.
      id: stableId(`feed\n${spec.path}`),
      title: spec.title,
      self: href(spec.path),
      page: href(spec.page),
      href,
      now: settings.now,
    },
    events,
  );
}

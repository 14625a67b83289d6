// Atom 1.0 (RFC 4287) feeds of status changes.
import type { FeedEvent } from './feed-events.ts';
import { routes } from './routes.ts';
import { xmlText } from './xml.ts';

export const FEED_LIMIT = 50;

export interface FeedSpec {
  /** The feed's own id, stable across builds. */
  id: string;
  title: string;
  /** The feed's URL and the page it is about, absolute or from the host's root. */
  self: string;
  page: string;
  /** Turns a path from the site root into a link. */
  href: (path: string) => string;
  /** When there is no entry: the build time. */
  now: number;
}

/** RFC 3339 in whole seconds, as every other time the site writes. */
const time = (at: number) => new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function entry(e: FeedEvent, href: (path: string) => string): string {
  const page = href(routes.driver(e.driver.slug));
  const evidence = e.evidence
    ? `\n    <link rel="related" href="${xmlText(e.evidence.external ? e.evidence.href : href(e.evidence.href))}" title="${xmlText(e.evidence.title)}"/>`
    : '';
  return `  <entry>
    <id>${e.id}</id>
    <title>${xmlText(e.title)}</title>
    <updated>${time(e.at)}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(page)}"/>${evidence}
    <category term="${e.kind}"/>
    <summary>${xmlText(e.summary)}</summary>
  </entry>
`;
}

/** The feed of `events` (newest first), at most FEED_LIMIT entries. */
export function atomFeed(spec: FeedSpec, events: readonly FeedEvent[]): string {
  const shown = events.slice(0, FEED_LIMIT);
  const updated = shown.length > 0 ? Math.max(...shown.map((e) => e.at)) : spec.now;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${spec.id}</id>
  <title>${xmlText(spec.title)}</title>
  <updated>${time(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(spec.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(spec.page)}"/>
  <author><name>DriverLog</name></author>
  <generator>DriverLog</generator>
${shown.map((e) => entry(e, spec.href)).join('')}</feed>
`;
}

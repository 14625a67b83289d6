import { describe, expect, it } from 'vitest';
import { atomFeed, FEED_LIMIT } from '../../../dashboard/src/lib/atom.ts';
import type { FeedEvent } from '../../../dashboard/src/lib/feed-events.ts';

const event = (i: number): FeedEvent => ({
  id: `urn:uuid:00000000-0000-5000-a000-${String(i).padStart(12, '0')}`,
  kind: 'fails',
  at: Date.UTC(2024, 0, 1) + i * 60_000,
  driver: {
    key: 'k',
    slug: 'cinder-acme-x',
    name: 'X <&>',
    vendorName: 'Acme',
    vendorId: 'acme',
    projectName: 'Cinder',
  },
  release: 'Rocky',
  title: `X <&> fails on Rocky \u0001`,
  summary: 'Summary',
  evidence: { href: 'https://review.example.org/c/p/+/1/1', title: 'change 1', external: true },
});
const spec = {
  id: 'urn:uuid:feed',
  title: 'Feed',
  self: 'https://example.org/feeds/changes.atom',
  page: 'https://example.org/',
  href: (path: string) => `https://example.org/${path}`,
  now: Date.UTC(2024, 5, 1),
};

describe('atomFeed', () => {
  it('writes escaped entries with the fields Atom requires, at most 50', () => {
    const events = Array.from({ length: 60 }, (_, i) => event(60 - i));
    const xml = atomFeed(spec, events);
    expect(xml.match(/<entry>/g)).toHaveLength(FEED_LIMIT);
    expect(xml).toContain('<title>X &lt;&amp;&gt; fails on Rocky \uFFFD</title>');
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://example.org/feeds/changes.atom"/>',
    );
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://example.org/drivers/cinder-acme-x/"/>',
    );
    expect(xml).toContain(`<updated>${new Date(event(60).at).toISOString().replace('.000Z', 'Z')}</updated>`);
    expect([...xml].filter((c) => c < '\t')).toEqual([]);
  });

  it('is dated by the build when it has no entry', () => {
    expect(atomFeed(spec, [])).toContain('<updated>2024-06-01T00:00:00Z</updated>');
  });
});

// The Atom feeds, fetched from the built site and parsed by Chromium's XML parser: valid Atom 1.0, the
// events in the fixture's data, at most 50, newest first, and the same ids when the site is built again.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { serveStatic, type StaticServer } from '../../dashboard/serve.ts';
import { fixtureSite, fixtureSiteAgain } from './helpers/fixture-site.ts';

interface ParsedFeed {
  error?: string;
  namespace: string;
  root: string;
  id: string;
  title: string;
  updated: string;
  self?: string;
  entries: Array<{
    id: string;
    title: string;
    updated: string;
    summary: string;
    links: Array<{ rel: string; href: string }>;
  }>;
}

/** Fetches a feed and parses it with the browser's XML parser, as a feed reader would. */
async function parseFeed(page: Page, url: string): Promise<ParsedFeed & { type: string }> {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  const parsed = await page.evaluate(
    (text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? undefined;
      const root = doc.documentElement;
      const child = (el: Element, name: string) =>
        Array.from(el.children).find((c) => c.localName === name)?.textContent ?? '';
      const links = (el: Element) =>
        Array.from(el.children)
          .filter((c) => c.localName === 'link')
          .map((l) => ({ rel: l.getAttribute('rel') ?? 'alternate', href: l.getAttribute('href') ?? '' }));
      return {
        error,
        namespace: root.namespaceURI ?? '',
        root: root.localName,
        id: child(root, 'id'),
        title: child(root, 'title'),
        updated: child(root, 'updated'),
        self: links(root).find((l) => l.rel === 'self')?.href,
        entries: Array.from(root.children)
          .filter((c) => c.localName === 'entry')
          .map((e) => ({
            id: child(e, 'id'),
            title: child(e, 'title'),
            updated: child(e, 'updated'),
            summary: child(e, 'summary'),
            links: links(e),
          })),
      };
    },
    await response.text(),
  );
  return { ...parsed, type };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe.skipIf(!hasChromium)(`Atom feeds (skipped when ${noChromiumReason})`, () => {
  let browser: Browser;
  let first: StaticServer;
  let again: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const built = await fixtureSite();
    const rebuilt = await fixtureSiteAgain();
    first = await serveStatic(built.dir, { base: built.base });
    again = await serveStatic(rebuilt.dir, { base: rebuilt.base });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(first.url);
  });
  afterAll(async () => {
    await browser?.close();
    await first?.close();
    await again?.close();
  });

  it('are valid Atom 1.0 with one entry per change of a driver’s status on a release', async () => {
    const feed = await parseFeed(page, `${first.url}feeds/changes.atom`);
    expect(feed.error).toBeUndefined();
    expect(feed.type).toBe('application/atom+xml; charset=utf-8');
    expect(feed).toMatchObject({ namespace: 'http://www.w3.org/2005/Atom', root: 'feed' });
    expect(feed.id).toMatch(/^urn:uuid:/);
    expect(feed.title).toBe('DriverLog: driver status changes');
    expect(feed.updated).toMatch(ISO);
    expect(feed.self).toBe('/driverlog/feeds/changes.atom');
    // The fixture's events: four flips of Acme iSCSI, one of Acme FC, Beta ML2's silence, and the matrices'.
    expect(feed.entries.map((e) => e.title).sort()).toEqual([
      'Acme FC becomes unsupported by the project in Stein',
      'Acme FC fails on Rocky',
      'Acme iSCSI fails on Rocky',
      'Acme iSCSI fails on Rocky',
      'Acme iSCSI passes again on Rocky',
      'Acme iSCSI passes again on Rocky',
      'Acme-FC leaves the tree in Rocky',
      'Beta ML2 goes silent on Rocky',
    ]);
    for (const entry of feed.entries) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.updated).toMatch(ISO);
      expect(entry.summary.length).toBeGreaterThan(20);
      expect(entry.links.find((l) => l.rel === 'alternate')?.href).toMatch(
        /^\/driverlog\/drivers\/[a-z0-9-]+\/$/,
      );
    }
    const times = feed.entries.map((e) => e.updated);
    expect(times).toEqual([...times].sort().reverse());
    expect(feed.updated).toBe(times[0]);
    const fails = feed.entries.find((e) => e.title === 'Acme FC fails on Rocky')!;
    expect(fails.links).toEqual([
      { rel: 'alternate', href: '/driverlog/drivers/cinder-acme-acme-fc/' },
      { rel: 'related', href: 'https://review.example.org/c/openstack/cinder/+/1003/1' },
    ]);
    const unsupported = feed.entries.find((e) => e.title.includes('unsupported'))!;
    expect(unsupported.updated).toBe('2019-04-10T00:00:00Z');
    expect(unsupported.links[1]).toEqual({ rel: 'related', href: '/driverlog/projects/cinder/stein/' });
  });

  it('exist per vendor and per driver, with only their own entries', async () => {
    const acme = await parseFeed(page, `${first.url}feeds/vendors/acme.atom`);
    expect(acme.error).toBeUndefined();
    expect(acme.entries).toHaveLength(7);
    expect(acme.entries.every((e) => e.title.startsWith('Acme'))).toBe(true);
    const fc = await parseFeed(page, `${first.url}feeds/drivers/cinder-acme-acme-fc.atom`);
    expect(fc.entries.map((e) => e.title)).toEqual([
      'Acme FC fails on Rocky',
      'Acme FC becomes unsupported by the project in Stein',
    ]);
    const quiet = await parseFeed(page, `${first.url}feeds/drivers/nova-zeta-zeta-compute.atom`);
    expect(quiet).toMatchObject({ error: undefined, entries: [] });
    expect(quiet.updated).toMatch(ISO);
  });

  it('keep every id when the site is built again', async () => {
    for (const path of [
      'feeds/changes.atom',
      'feeds/vendors/acme.atom',
      'feeds/drivers/cinder-acme-acme-iscsi.atom',
    ]) {
      const before = await parseFeed(page, `${first.url}${path}`);
      const after = await parseFeed(page, `${again.url}${path}`);
      expect(after.id, path).toBe(before.id);
      expect(
        after.entries.map((e) => [e.id, e.title, e.updated]),
        path,
      ).toEqual(before.entries.map((e) => [e.id, e.title, e.updated]));
    }
  });

  it('are linked from every page', async () => {
    for (const path of [
      '',
      'projects/cinder/',
      'vendors/acme/',
      'drivers/cinder-acme-acme-iscsi/',
      'vendors/',
    ]) {
      await page.goto(`${first.url}${path}`);
      const hrefs = await page.$$eval('link[rel=alternate][type="application/atom+xml"]', (links) =>
        links.map((l) => l.getAttribute('href')),
      );
      expect(hrefs, path).toContain('/driverlog/feeds/changes.atom');
    }
    await page.goto(`${first.url}vendors/acme/`);
    expect(
      await page.$$eval('link[type="application/atom+xml"]', (l) => l.map((x) => x.getAttribute('href'))),
    ).toEqual(['/driverlog/feeds/vendors/acme.atom', '/driverlog/feeds/changes.atom']);
  });
});

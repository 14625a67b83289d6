// The badges, fetched from the built site and parsed by Chromium as SVG: self-contained, with their
// words in text and title, and the shields.io endpoint JSON beside them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSiteInBrowser } from './helpers/fixture-site.ts';

interface ParsedBadge {
  type: string;
  error?: string;
  namespace: string;
  role: string | null;
  title: string;
  texts: string[];
  fills: string[];
  external: string[];
}

async function parseBadge(page: Page, url: string): Promise<ParsedBadge> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const doc = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
    const svg = doc.documentElement;
    const all = Array.from(doc.querySelectorAll('*'));
    return {
      type: response.headers.get('content-type') ?? '',
      error: doc.querySelector('parsererror')?.textContent ?? undefined,
      namespace: svg.namespaceURI ?? '',
      role: svg.getAttribute('role'),
      title: svg.querySelector('title')?.textContent ?? '',
      texts: Array.from(svg.querySelectorAll('text'), (t) => t.textContent ?? ''),
      fills: Array.from(svg.querySelectorAll('rect'), (r) => r.getAttribute('fill') ?? ''),
      // Anything that would load or run something: scripts, links, foreign content, event handlers.
      external: all.flatMap((el) => [
        ...(['script', 'a', 'image', 'use', 'foreignObject', 'style'].includes(el.localName)
          ? [el.localName]
          : []),
        ...Array.from(el.attributes)
          .filter((a) => /^(on|href$|xlink:href$)/.test(a.name) || /url\(/.test(a.value))
          .map((a) => a.name),
      ]),
    };
  }, url);
}

describe.skipIf(!hasChromium)(`badges (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();

  it.each([
    // The driver's badge is its headline: the newest maintained release's status, never the development one's.
    ['badges/nova-zeta-zeta-compute.svg', 'passing · Stein', '#1a7f37'],
    ['badges/nova-zeta-zeta-compute/train.svg', 'failing · Train', '#b42318'],
    ['badges/cinder-dell-dell-powermax.svg', 'only on Train (in development)', '#57606a'],
    ['badges/cinder-acme-acme-iscsi.svg', 'no CI evidence · Stein', '#57606a'],
    ['badges/cinder-acme-acme-iscsi/rocky.svg', 'passing · Rocky', '#1a7f37'],
    ['badges/cinder-acme-acme-iscsi/queens.svg', 'failing · Queens', '#b42318'],
    ['badges/cinder-acme-acme-fc/rocky.svg', 'failing · Rocky', '#b42318'],
    ['badges/neutron-beta-networks-beta-ml2/rocky.svg', 'stale · Rocky', '#8a5300'],
    ['badges/neutron-beta-networks-beta-ml2/stein.svg', 'no CI evidence · Stein', '#57606a'],
    ['badges/manila-initech-initech-nas.svg', 'not yet scanned', '#57606a'],
    ['badges/neutron-vendor-2-switch-2.svg', 'no CI declared', '#57606a'],
  ])('%s says “%s” in words and colour', async (path, message, fill) => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url);
    const badge = await parseBadge(page, `${site.server.url}${path}`);
    expect(badge).toEqual({
      type: 'image/svg+xml',
      error: undefined,
      namespace: 'http://www.w3.org/2000/svg',
      role: 'img',
      title: `openstack CI: ${message}`,
      texts: ['openstack CI', message],
      fills: ['#3d434a', fill],
      external: [],
    });
    await page.close();
  });

  it('serves the same in the shields.io endpoint format', async () => {
    const response = await fetch(`${site.server.url}badges/nova-zeta-zeta-compute.json`);
    expect(await response.json()).toEqual({
      schemaVersion: 1,
      label: 'openstack CI',
      message: 'passing · Stein',
      color: '1a7f37',
    });
  });

  it('renders as an image the width of its words', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}drivers/cinder-acme-acme-iscsi/`);
    const size = await page.$eval('#badge + p img', (img) => {
      const image = img as HTMLImageElement;
      return { complete: image.complete, width: image.naturalWidth, height: image.naturalHeight };
    });
    expect(size).toMatchObject({ complete: true, height: 20 });
    expect(size.width).toBeGreaterThan(150);
    await page.close();
  });
});

// components/Status.astro (server, absolute dates) and scripts/status-dom.ts (browser, relative ages) share one
// renderer; this shows it in the pages: the same kind, words, symbol, links and times, for every kind of status.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSiteInBrowser, pageWithoutJs, ready } from './helpers/fixture-site.ts';

// Pages that, together, show every status kind in status cells.
const PAGES = [
  '',
  'vendors/acme/',
  'vendors/beta-networks/',
  'vendors/vendor-10/',
  'drivers/cinder-acme-acme-iscsi/',
  'drivers/neutron-beta-networks-beta-ml2/',
  'projects/cinder/rocky/',
];

/** Every status cell's markup, with the time's wording (the one intended difference) left out. */
async function statusCells(page: Page): Promise<string[]> {
  return page.$$eval('live-status, table.drivers tbody td:nth-child(5)', (cells) =>
    cells.map((cell) => {
      const copy = cell.cloneNode(true) as HTMLElement;
      for (const time of copy.querySelectorAll('time')) {
        time.textContent = '';
        time.removeAttribute('title');
      }
      return copy.innerHTML.replace(/\s+/g, ' ').trim();
    }),
  );
}

describe.skipIf(!hasChromium)(
  `status in the server and the browser (skipped when ${noChromiumReason})`,
  () => {
    const site = fixtureSiteInBrowser();

    it('renders the same markup for every status kind', async () => {
      const withJs = await site.browser.newPage();
      const withoutJs = await pageWithoutJs(site.browser);
      const kinds = new Set<string>();
      const labels = new Set<string>();
      for (const path of PAGES) {
        await withoutJs.goto(`${site.server.url}${path}`);
        const server = await statusCells(withoutJs);
        await withJs.goto(`${site.server.url}${path}`);
        if (path === '') await ready(withJs);
        // The browser redrew every cell: its times now read "… ago".
        await withJs.waitForFunction(
          () => !document.querySelector('live-status time, td time')?.textContent?.startsWith('on '),
        );
        const browser = await statusCells(withJs);
        expect(browser, path).toEqual(server);
        for (const kind of await withJs.$$eval('[class^=status-]:not(.status-detail)', (els) =>
          els.map((e) => e.className),
        ))
          kinds.add(kind);
        for (const label of await withJs.$$eval('[class^=status-]:not(.status-detail)', (els) =>
          els.map((e) => e.textContent?.trim() ?? ''),
        ))
          labels.add(label);
      }
      expect([...kinds].sort()).toEqual([
        'status-development',
        'status-failing',
        'status-none',
        'status-passing',
        'status-stale',
        'status-unscanned',
        'status-unverified',
      ]);
      expect(labels).toContain('○ claimed, no CI evidence');
      expect(labels).toContain('○ no CI evidence');
      await withJs.close();
      await withoutJs.context().close();
    });
  },
);

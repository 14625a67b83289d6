// A project's support matrix in Chromium: a row per driver in the tree, a column per feature, cells in
// words and a symbol, notes one link away, a page per release and a switcher that needs no JavaScript.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSiteInBrowser, pageWithoutJs } from './helpers/fixture-site.ts';

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The matrix as text: the header row, then one row per driver. */
async function matrix(page: Page): Promise<string[][]> {
  return page.$$eval('table.matrix tr', (rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll(':scope > th, :scope > td'), (cell) =>
        (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    ),
  );
}

describe.skipIf(!hasChromium)(`project pages (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();

  it('shows the newest in-tree release at the project’s own URL, the same with and without JavaScript', async () => {
    const expected = [
      ['Driver', 'CI status in Stein', 'Supported vendor driver', 'Multi-attach', 'QoS'],
      ['Acme FC unsupported by the project', '○ no CI evidence', '✖ missing', '◐ partial', '? unknown'],
      [
        'Acme iSCSI',
        '○ no CI evidence',
        '✔ complete',
        '✔ complete note on Acme iSCSI, Multi-attach',
        '◐ partial',
      ],
      ['Dell PowerMax', '○ claimed, no CI evidence', '✔ complete', '– not stated', '– not stated'],
    ];
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}projects/cinder/`);
    expect(clean(await page.textContent('h1'))).toBe('Cinder (Block Storage): support matrix for Stein');
    expect(await matrix(page)).toEqual(expected);
    const noJs = await pageWithoutJs(site.browser);
    await noJs.goto(`${site.server.url}projects/cinder/`);
    expect(await matrix(noJs)).toEqual(expected);
    await noJs.context().close();
    await page.close();
  });

  it('has a page per release, reached from a switcher of plain links', async () => {
    const page = await pageWithoutJs(site.browser);
    await page.goto(`${site.server.url}projects/cinder/`);
    const links = await page.$$eval('.release-switcher a', (as) =>
      as.map((a) => [a.textContent?.trim(), a.getAttribute('href'), a.getAttribute('aria-current')]),
    );
    expect(links).toEqual([
      ['Stein', '/driverlog/projects/cinder/stein/', 'page'],
      ['Rocky', '/driverlog/projects/cinder/rocky/', null],
      ['Queens', '/driverlog/projects/cinder/queens/', null],
    ]);
    await page.click('.release-switcher a:text-is("Queens")');
    await page.waitForURL(/\/queens\/$/);
    expect(clean(await page.textContent('h1'))).toBe('Cinder (Block Storage): support matrix for Queens');
    expect((await matrix(page)).slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['Acme FC', '○ no CI evidence', '✔ complete', '◐ partial'],
      ['Acme iSCSI', '✖ failing', '✔ complete', '✖ missing note on Acme iSCSI, Multi-attach'],
      ['Acme-FC', '– no CI declared', '✔ complete', '– not stated'],
      ['Dell PowerMax', '○ no CI evidence', '✔ complete', '– not stated'],
    ]);
    expect(await page.getAttribute('.release-switcher a:text-is("Queens")', 'aria-current')).toBe('page');
    await page.context().close();
  });

  it('reaches each driver-note from its cell, and lists drivers claimed outside the tree', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}projects/cinder/stein/`);
    const href = await page.getAttribute('a.note-ref', 'href');
    expect(clean(await page.textContent(href!))).toBe('Acme iSCSI, Multi-attach: Needs array firmware 2.0.');
    await page.click('a.note-ref');
    expect(new URL(page.url()).hash).toBe(href);
    expect(clean(await page.textContent('main'))).toContain(
      'Claimed for Stein, not in the tree Acme-FC (Acme)',
    );
    // The CI status is the release's own, in words, re-evaluated in the browser.
    await page.goto(`${site.server.url}projects/cinder/rocky/`);
    const iscsi = page.locator('table.matrix tbody tr', { hasText: 'Acme iSCSI' });
    expect(clean(await iscsi.locator('td live-status').textContent())).toBe('✔ passing');
    await page.close();
  });

  it('keeps headers in view while scrolling, and scrolls sideways on a phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(`${site.server.url}projects/cinder/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = await page.$eval('.matrix-scroll', (el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      head: getComputedStyle(el.querySelector('thead th')!).position,
      rowHeader: getComputedStyle(el.querySelector('tbody th')!).position,
    }));
    expect(box).toEqual({ scrolls: true, head: 'sticky', rowHeader: 'sticky' });
    // Scrolled sideways, the driver column stays where it was.
    const before = await page.$eval('tbody th', (th) => th.getBoundingClientRect().left);
    await page.$eval('.matrix-scroll', (el) => el.scrollBy(200, 0));
    expect(await page.$eval('tbody th', (th) => th.getBoundingClientRect().left)).toBe(before);
    await page.close();
  });

  it('says so for a project without a matrix, and lists the projects', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}projects/nova/`);
    expect(clean(await page.textContent('main'))).toContain(
      'DriverLog has no support matrix of this project',
    );
    await page.goto(`${site.server.url}projects/`);
    expect(
      await page.$$eval('main li', (lis) => lis.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())),
    ).toEqual([
      'Cinder (Block Storage) (4 drivers; matrix up to Stein)',
      'Fuel (1 driver)',
      'Manila (Shared File Systems) (1 driver)',
      'Neutron (Networking) (3 drivers)',
      'Nova (Compute) (3 drivers)',
    ]);
    await page.close();
  });
});

// A driver's page and its vendor's page in Chromium: the CI account, patterns, evidence per release,
// the Gerrit search, and statuses re-evaluated on the day the page is read.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSite, fixtureSiteInBrowser, pageWithoutJs } from './helpers/fixture-site.ts';

const DAY = 86_400_000;
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!hasChromium)(`driver and vendor pages (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();

  async function open(path: string, daysLater = 0): Promise<Page> {
    const page = await site.browser.newPage();
    if (daysLater) await page.clock.install({ time: Date.now() + daysLater * DAY });
    await page.goto(`${site.server.url}${path}`);
    return page;
  }

  const row = (page: Page, release: string) =>
    page
      .locator('#evidence-caption')
      .locator('xpath=ancestor::table')
      .locator('tbody tr', {
        has: page.locator(`th:text-is("${release}")`),
      });

  it('shows the CI account, its patterns, the Gerrit search and evidence per release', async () => {
    const page = await open('drivers/cinder-acme-acme-iscsi/');
    const main = await text(page, 'main');
    expect(main).toContain('CI account acme-ci Success pattern SUCCESS Failure pattern FAILURE');
    expect(await page.getAttribute('a[href*="commentby"]', 'href')).toBe(
      'https://review.opendev.org/q/project:openstack/cinder+commentby:acme-ci',
    );
    expect(await text(page, '.facts dd live-status')).toBe('○ no CI evidence · Stein');
    expect(await text(page, '.facts dd.scan')).toMatch(
      /^CI last scanned on \d{4}-\d{2}-\d{2} \(openstack\/cinder\)$/,
    );
    const rocky = (await row(page, 'Rocky').locator('td').allTextContents()).map((t) => t.trim());
    expect(rocky.slice(0, 4)).toEqual(['yes', '✔ passing', '✔ passed', 'Build succeeded: job SUCCESS']);
    const queens = row(page, 'Queens');
    expect((await queens.locator('td').nth(1).textContent())?.trim()).toBe('✖ failing');
    expect((await queens.locator('td').nth(2).textContent())?.trim()).toBe('✖ failed');
    expect(await queens.locator('td').nth(1).locator('a').getAttribute('href')).toBe(
      '/driverlog/about/evidence/#failing',
    );
    expect(await queens.locator('td').nth(4).locator('a').getAttribute('href')).toBe(
      'https://review.example.org/c/1002',
    );
    expect(await queens.locator('td').last().locator('a').getAttribute('href')).toBe(
      'https://review.example.org/c/1000',
    );
    await page.close();
  });

  it('calls evidence stale when the page is read long after the build', async () => {
    const page = await open('drivers/nova-zeta-zeta-compute/', 40);
    expect(await text(page, '.facts dd live-status')).toBe('◷ stale · Stein last passed last month');
    await page.goto(`${site.server.url}drivers/cinder-acme-acme-iscsi/`);
    expect((await row(page, 'Queens').locator('td').nth(1).textContent())?.trim()).toBe('◷ stale');
    expect((await row(page, 'Queens').locator('td').nth(2).textContent())?.trim()).toBe('✖ failed');
    await page.goto(`${site.server.url}vendors/zeta/`);
    const zeta = page.locator('tbody tr', { hasText: 'Zeta compute' });
    expect(await zeta.locator('td live-status').textContent()).toMatch(/^◷ stale · Stein last passed/);
    await page.close();
  });

  it('keeps true absolute dates with JavaScript off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}drivers/nova-zeta-zeta-compute/`);
    expect(await text(page, '.facts dd live-status')).toMatch(
      /^✔ passing · Stein verified on \d{4}-\d{2}-\d{2}$/,
    );
    await context.close();
  });

  /** The three-signal table as text, one array per release. */
  async function signals(page: Page): Promise<string[][]> {
    return page.$$eval('table.signals tbody tr', (rows) =>
      rows.map((row) =>
        Array.from(row.children, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
  }

  it('sets claim, tree and CI side by side per release, naming each source and each disagreement', async () => {
    const page = await open('drivers/cinder-acme-acme-fc/');
    expect(await text(page, 'table.signals thead')).toContain(
      'Claimed by the vendor source: the registry’s releases In the project’s tree source: Cinder (Block Storage)’s support matrix and driver classes',
    );
    expect(await signals(page)).toEqual([
      ['Train (in development)', 'not claimed', 'no tree data for this release', '○ no CI evidence', 'yes'],
      [
        'Stein (newest maintained)',
        'not claimed',
        'in the tree, unsupported by the project',
        '○ no CI evidence',
        'in the tree, but unsupported by the project',
      ],
      [
        'Rocky',
        'claimed',
        'in the tree, supported by the project',
        '✖ failing failed 2 days ago; last passed 10 days ago',
        'yes',
      ],
      ['Queens', 'not claimed', 'in the tree, supported by the project', '○ no CI evidence', 'yes'],
    ]);
    expect(
      await page.getAttribute('table.signals a:text-is("in the tree, unsupported by the project")', 'href'),
    ).toBe('/driverlog/projects/cinder/stein/');
    await page.goto(`${site.server.url}drivers/cinder-acme-acme-fc--e5606607/`);
    expect((await signals(page))[1]).toEqual([
      'Stein (newest maintained)',
      'claimed',
      'not in the tree',
      '– no CI declared',
      'claimed, but not in the tree; claimed, no CI evidence',
    ]);
    await page.close();
  });

  it('shows the recent runs as linked marks, in words for screen readers, with a summary', async () => {
    // The registry the site was built from has no runs: they are in the runs file beside it only.
    const built = await fixtureSite();
    expect(readFileSync(`${built.dir}.json`, 'utf8')).not.toContain('"recent"');
    expect(readFileSync(`${built.dir}.runs.json`, 'utf8')).toContain('"recent"');
    const page = await open('drivers/cinder-acme-acme-iscsi/');
    const marks = await page.$$eval('.run-strip li', (items) =>
      items.map((li) => ({
        symbol: li.querySelector('[aria-hidden=true]')?.textContent,
        words: li.querySelector('.visually-hidden')?.textContent,
        href: li.querySelector('a')?.getAttribute('href'),
      })),
    );
    expect(marks).toHaveLength(10);
    expect(marks[0]).toEqual({
      symbol: '✔',
      words: expect.stringMatching(/^passed on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, change 1001 patch set 2$/),
      href: 'https://review.example.org/c/openstack/cinder/+/1001/2',
    });
    expect(marks[2]).toMatchObject({
      symbol: '✖',
      words: expect.stringMatching(/^failed on .*, change 999 patch set 2$/),
    });
    expect(await page.getAttribute('.run-strip', 'aria-label')).toBe('Recent runs on Rocky, newest first');
    expect(await text(page, '.run-summary')).toBe('8 of the last 10 passed, last report 3 days ago');
    // The accessible name of a mark is its words, not its symbol.
    const name = await page
      .locator('.run-strip a')
      .first()
      .evaluate((a) => (a as HTMLElement).innerText);
    expect(name).toMatch(/passed on .*, change 1001 patch set 2/);
    // Without JavaScript the summary says when it was true.
    const noJs = await pageWithoutJs(site.browser);
    await noJs.goto(`${site.server.url}drivers/cinder-acme-acme-iscsi/`);
    expect(await text(noJs, '.run-summary')).toMatch(
      /^8 of the last 10 passed, last report 3 days ago \(as of \d{4}-\d{2}-\d{2}\)$/,
    );
    await noJs.context().close();
    await page.close();
  });

  it('shows the features across the releases in the tree, and where they changed', async () => {
    const page = await open('drivers/cinder-acme-acme-iscsi/');
    const rows = await page.$$eval('table.features tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
    expect(rows).toEqual([
      ['Supported vendor driver', '✔ complete', 'complete from Queens'],
      [
        'Multi-attach',
        '✔ complete',
        'missing from Queens, complete from Rocky Note: Needs array firmware 2.0.',
      ],
      ['QoS', '◐ partial', 'not stated from Queens, partial from Stein'],
    ]);
    await page.close();
  });

  it('offers the badge with Markdown and HTML to embed it, with the reader’s own address', async () => {
    const page = await open('drivers/cinder-acme-acme-fc/');
    const badge = `${site.server.url}badges/cinder-acme-acme-fc.svg`;
    const driver = `${site.server.url}drivers/cinder-acme-acme-fc/`;
    expect(await text(page, 'pre code >> nth=0')).toBe(
      `[![openstack CI: no CI evidence · Stein](${badge})](${driver})`,
    );
    expect(await text(page, 'pre code >> nth=1')).toBe(
      `<a href="${driver}"><img src="${badge}" alt="openstack CI: no CI evidence · Stein"></a>`,
    );
    expect(await page.getAttribute('#badge + p img', 'alt')).toBe('openstack CI: no CI evidence · Stein');
    expect(
      await page.$eval('#badge + p img', (img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(100);
    const feeds = await page.$$eval('link[rel=alternate][type="application/atom+xml"]', (links) =>
      links.map((l) => l.getAttribute('href')),
    );
    expect(feeds).toEqual([
      '/driverlog/feeds/drivers/cinder-acme-acme-fc.atom',
      '/driverlog/feeds/vendors/acme.atom',
      '/driverlog/feeds/changes.atom',
    ]);
    await page.close();
  });
});

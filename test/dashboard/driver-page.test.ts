// A driver's page and its vendor's page in Chromium: the CI account, patterns, evidence per release,
// the Gerrit search, and statuses re-evaluated on the day the page is read.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSiteInBrowser } from './helpers/fixture-site.ts';

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
      .locator('#ev')
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
    expect(await text(page, '.facts dd[data-live]')).toBe('✔ passing Rocky: verified 3 days ago');
    const rocky = (await row(page, 'Rocky').locator('td').allTextContents()).map((t) => t.trim());
    expect(rocky.slice(0, 4)).toEqual(['yes', '✔ passing', '✔ passed', 'Build succeeded: job SUCCESS']);
    const queens = row(page, 'Queens');
    expect((await queens.locator('td').nth(1).textContent())?.trim()).toBe('✖ failing');
    expect((await queens.locator('td').nth(2).textContent())?.trim()).toBe('✖ failed');
    expect(await queens.locator('a').first().getAttribute('href')).toBe('https://review.example.org/c/1002');
    expect(await queens.locator('td').last().locator('a').getAttribute('href')).toBe(
      'https://review.example.org/c/1000',
    );
    await page.close();
  });

  it('calls evidence stale when the page is read long after the build', async () => {
    const page = await open('drivers/cinder-acme-acme-iscsi/', 40);
    expect(await text(page, '.facts dd[data-live]')).toBe('◷ stale Rocky: last passed last month');
    expect((await row(page, 'Queens').locator('td').nth(1).textContent())?.trim()).toBe('◷ stale');
    expect((await row(page, 'Queens').locator('td').nth(2).textContent())?.trim()).toBe('✖ failed');
    await page.goto(`${site.server.url}vendors/acme/`);
    const iscsi = page.locator('tbody tr', { hasText: 'Acme iSCSI' });
    expect(await iscsi.locator('td').last().textContent()).toMatch(/^◷ stale Rocky: last passed/);
    await page.close();
  });

  it('keeps true absolute dates with JavaScript off', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}drivers/cinder-acme-acme-iscsi/`);
    expect(await text(page, '.facts dd[data-live]')).toMatch(
      /^✔ passing Rocky: verified on \d{4}-\d{2}-\d{2}$/,
    );
    await context.close();
  });
});

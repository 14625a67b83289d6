// A dashboard that never claims more than it knows, in Chromium at a desktop's 1366 px and a phone's 390 px: the
// headline is the newest maintained release's status and names it, the release in development has its own row and
// badge, a never-scanned project is never "no CI evidence", every status links to what counts, removed and retired
// drivers say so, old vendor URLs lead to the company's page, and axe finds nothing serious.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../dashboard/build-site.ts';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { fixtureSiteInBrowser, ready, statusOf } from './helpers/fixture-site.ts';

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe.skipIf(!hasChromium)(`what the dashboard claims (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();

  describe.each([
    ['desktop', 1366],
    ['phone', 390],
  ] as const)('on a %s, %i px wide', (_, width) => {
    const open = async (path: string): Promise<Page> => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await page.goto(`${site.server.url}${path}`);
      if (path === '' || path.startsWith('?')) await ready(page);
      return page;
    };

    it('heads each driver with the newest maintained release’s status, never the development one’s', async () => {
      const page = await open('');
      // Zeta fails on Train, in development, and passes on Stein: the headline says passing, and names Stein.
      expect(await statusOf(page, 'Zeta compute')).toBe('✔ passing · Stein verified yesterday');
      expect(await statusOf(page, 'Dell PowerMax')).toBe(
        '◐ only on Train (in development) passed 2 days ago',
      );
      expect(await statusOf(page, 'Initech NAS')).toBe('◌ not yet scanned against Gerrit');
      expect(await text(page, 'select[name=release_id] option:nth-child(2)')).toBe('Train (in development)');
      await page.goto(`${site.server.url}drivers/nova-zeta-zeta-compute/`);
      expect(await text(page, '.facts dd live-status')).toBe('✔ passing · Stein verified yesterday');
      expect(await page.getAttribute('#badge + p img', 'alt')).toBe('openstack CI: passing · Stein');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('gives the release in development a row and a badge of its own', async () => {
      const page = await open('drivers/nova-zeta-zeta-compute/');
      const train = page.locator('table.signals tbody tr', { has: page.locator('th', { hasText: 'Train' }) });
      expect(await text(page, 'table.signals tbody tr:first-child th')).toBe('Train (in development)');
      expect((await train.locator('live-status').textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
        /^✖ failing failed yesterday; no passing run on record$/,
      );
      const badge = await page.getAttribute('a:text("Train, in development")', 'href');
      expect(badge).toBe('/driverlog/badges/nova-zeta-zeta-compute/train.svg');
      const svg = await (await fetch(`${site.server.url}badges/nova-zeta-zeta-compute/train.svg`)).text();
      expect(svg).toContain('<title>openstack CI: failing · Train</title>');
      await page.close();
    });

    it('links every status to what counts, a page that says the rule and what “supported” means', async () => {
      const page = await open('');
      const hrefs = await page.$$eval('live-status b > a, table.drivers td b > a', (links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs.every((href) => href.startsWith('/driverlog/about/evidence/#'))).toBe(true);
      await page.click('tr:has-text("Zeta compute") td b > a');
      await page.waitForURL(/about\/evidence\/#passing$/);
      const about = await text(page, 'main');
      expect(about).toContain('final patch set of a merged change');
      expect(about).toContain('older than 30 days is stale');
      expect(about).toContain('newest maintained release');
      expect(about).toContain(
        'Cinder (Block Storage): its support matrix’s “Supported vendor driver” row: a driver the matrix marks missing there is unsupported.',
      );
      for (const kind of ['passing', 'failing', 'stale', 'development', 'unverified', 'unscanned', 'none']) {
        expect(await page.locator(`#${kind}`).count(), kind).toBe(1);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('says when each project was last scanned, and never calls an unscanned driver “no CI evidence”', async () => {
      const page = await open('drivers/manila-initech-initech-nas/');
      expect(await text(page, '.facts dd.scan')).toBe('not yet scanned against Gerrit (openstack/manila)');
      expect(await text(page, 'main')).not.toContain('no CI evidence');
      await page.goto(`${site.server.url}drivers/cinder-acme-acme-iscsi/`);
      expect(await text(page, '.facts dd.scan')).toMatch(
        /^CI last scanned on \d{4}-\d{2}-\d{2} \(openstack\/cinder\)$/,
      );
      await page.close();
    });

    it('says at the top of a removed driver’s page that it left the tree, and of a retired project’s', async () => {
      const page = await open('drivers/cinder-acme-acme-fc--e5606607/');
      expect(await text(page, 'h1 + .gone')).toBe('This driver was removed from the tree in Rocky.');
      await page.goto(`${site.server.url}drivers/fuel-mirantis-fuel-plugin/`);
      expect(await text(page, 'h1 + .gone')).toContain('Fuel was retired on 2017-06-20');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('sends old vendor URLs to the company’s page', async () => {
      const page = await open('vendors/dell-emc/');
      await page.waitForURL(/\/vendors\/dell\/$/);
      expect(await text(page, 'h1')).toBe('Dell');
      expect(await text(page, 'main')).toContain('Also known as Dell EMC, EMC.');
      expect(await text(page, 'table.evidence tbody')).toContain('Dell PowerMax');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('shows the recent releases first, and every release on request', async () => {
      const page = await open('drivers/neutron-beta-networks-beta-ml2/');
      const rows = () =>
        page.$$eval('table.signals tbody tr:not([hidden]) th', (ths) =>
          ths.map((th) => th.textContent?.trim()),
        );
      // From four before Stein (Ocata) on; Newton waits behind the button.
      expect(await rows()).toEqual([
        'Train (in development)',
        'Stein (newest maintained)',
        'Rocky',
        'Pike',
        'Ocata',
      ]);
      await page.click('release-rows:has(table.signals) button.show-releases');
      expect((await rows()).at(-1)).toBe('Newton');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width < 640) {
        // On a phone each release's signals stack, each under its name, instead of scrolling sideways.
        const stacked = await page.$eval('table.signals tbody tr', (tr) => {
          const cells = Array.from(tr.children) as HTMLElement[];
          return {
            display: getComputedStyle(tr).display,
            lefts: new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left))).size,
            label: getComputedStyle(cells[1]!, '::before').content,
          };
        });
        expect(stacked).toEqual({ display: 'block', lefts: 1, label: '"Claimed by the vendor: "' });
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('has nothing serious for axe on the drivers table, with a release selected and everything shown', async () => {
      const page = await open('?release_id=rocky&show=all');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  });
});

// The upgrade pages in Chromium, built from the upgrade verdicts' own fixture registry: the table with and
// without JavaScript, its project and vendor filters kept in the URL, links to each reason's evidence, and axe.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsFileOf, splitRuns } from '../../backend/model/runs-file.ts';
import { hasChromium, launchChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { serveStatic, type StaticServer } from '../../dashboard/serve.ts';
import { upgradeRegistry } from '../upgrade/upgrade-fixture.ts';
import { seriousAxeViolations } from './helpers/axe.ts';
import { pageWithoutJs } from './helpers/fixture-site.ts';
import { builtSite, type SiteBuild } from './helpers/site.ts';

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

function writeUpgradeFixture(path: string): void {
  const { stored, runs } = splitRuns(upgradeRegistry(Date.now()));
  writeFileSync(path, JSON.stringify(stored));
  writeFileSync(runsFileOf(path), JSON.stringify(runs));
}

/** Row by row: driver, verdict, and the reasons' words, of the rows shown. */
function shownRows(page: Page): Promise<string[][]> {
  return page.$$eval<string[][], HTMLTableRowElement>('table.upgrade tbody tr:not([hidden])', (rows) =>
    rows.map((row) => [
      row.querySelector('th')!.textContent!.trim(),
      row.cells[3]!.textContent!.replace(/\s+/g, ' ').trim(),
    ]),
  );
}

describe.skipIf(!hasChromium)(`upgrade pages (skipped when ${noChromiumReason})`, () => {
  let build: SiteBuild;
  let server: StaticServer;
  let browser: Browser;
  let url = '';
  beforeAll(async () => {
    build = await builtSite({ name: 'upgrade', base: '/driverlog/', data: writeUpgradeFixture });
    server = await serveStatic(build.dir, { base: build.base });
    browser = await launchChromium();
    url = `${server.url}upgrade/epoxy-to-hibiscus/`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists a page per upgrade, from the maintained releases and the two before them', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}upgrade/`);
    const links = await page.$$eval('main li a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(14);
    expect(links).toContain('/driverlog/upgrade/dalmatian-to-flamingo/');
    expect(links).toContain('/driverlog/upgrade/hibiscus-to-indri/');
    const epoxy = clean(await page.textContent('section:has(h2:text-is("From Epoxy"))'));
    expect(epoxy).toMatch(/to Hibiscus \(3 blocked, \d+ need attention, \d+ ok\)/);
    await page.close();
  });

  it('shows every verdict, reason and evidence link with JavaScript off', async () => {
    const page = await pageWithoutJs(browser);
    await page.goto(`${url}?project_id=openstack%2Fcinder`);
    expect(await page.isHidden('form.driver-filters')).toBe(true);
    const rows = await shownRows(page);
    expect(rows).toHaveLength(16);
    expect(rows).toContainEqual(['Gamma NFS', '✖ blocked']);
    expect(rows).toContainEqual(['Delta iSCSI', '⚠︎ needs attention']);
    expect(rows).toContainEqual(['Acme iSCSI', '✔ ok']);
    expect(await page.getAttribute('tr:has(th a:text-is("Gamma NFS")) b', 'class')).toBe('status-failing');
    const delta = clean(await page.textContent('tr:has(th a:text-is("Delta iSCSI")) ul'));
    expect(delta).toBe('unsupported by the project at Flamingo, on the way to Hibiscus (Cinder in Flamingo)');
    // Every link of the table leads to a page of the site or to the review it names.
    const hrefs = await page.$$eval('table.upgrade a', (as) => as.map((a) => a.getAttribute('href')!));
    for (const href of new Set(hrefs)) {
      if (href.startsWith('https://review.example.org/')) continue;
      expect(href.startsWith(build.base), href).toBe(true);
      expect(existsSync(join(build.dir, href.slice(build.base.length), 'index.html')), href).toBe(true);
    }
    expect(hrefs).toContain('/driverlog/projects/cinder/flamingo/');
    expect(hrefs).toContain('https://review.example.org/c/openstack/cinder/+/9000');
    await page.context().close();
  });

  it('filters by project and by vendor, keeping the filters in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}?project_id=openstack%2Fironic`);
    await page.waitForSelector('form.driver-filters:not([hidden])');
    expect(await shownRows(page)).toEqual([
      ['iRMC', '✖ blocked'],
      ['IPMI', '⚠︎ needs attention'],
    ]);
    expect(clean(await page.textContent('.driver-count'))).toBe('2 of 16 drivers');
    expect(await page.inputValue('select[name=project_id]')).toBe('openstack/ironic');

    await page.selectOption('select[name=project_id]', '');
    await page.selectOption('select[name=vendor]', 'zeta');
    expect(await shownRows(page)).toEqual([
      ['Zeta NVMe', '⚠︎ needs attention'],
      ['Zeta iSCSI', '✔ ok'],
    ]);
    expect(new URL(page.url()).search).toBe('?vendor=zeta');
    await page.reload();
    await page.waitForSelector('form.driver-filters:not([hidden])');
    expect((await shownRows(page)).map((row) => row[0])).toEqual(['Zeta NVMe', 'Zeta iSCSI']);

    await page.selectOption('select[name=project_id]', 'openstack/nova');
    expect(await shownRows(page)).toEqual([]);
    expect(clean(await page.textContent('.driver-empty p'))).toBe(
      'No driver matches. To see more, choose “All projects” instead of Nova, or choose “All vendors” instead of Zeta.',
    );
    await page.click('.driver-empty button');
    expect(await shownRows(page)).toHaveLength(16);
    await page.goBack();
    await page.waitForFunction(() => location.search === '?project_id=openstack%2Fnova&vendor=zeta');
    expect(await shownRows(page)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations, in the %s scheme',
    async (colorScheme) => {
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      for (const path of ['upgrade/', 'upgrade/epoxy-to-hibiscus/?vendor=Zeta', 'upgrade/epoxy-to-indri/']) {
        await page.goto(`${server.url}${path}`);
        const violations = await seriousAxeViolations(page);
        expect(violations, `${colorScheme} ${path}`).toEqual([]);
      }
      await context.close();
    },
    60_000,
  );

  it('builds no inline script or style', () => {
    const html = readFileSync(join(build.dir, 'upgrade/epoxy-to-hibiscus/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
  });
});

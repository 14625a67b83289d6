// Above 400 drivers the home table shows the first 50 matching rows and a button for the rest, because
// laying out thousands of rows takes longer than a keystroke may. Complete without JavaScript all the same.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Registry } from '../../backend/model/types.ts';
import { hasChromium, launchChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { serveStatic, type StaticServer } from '../../dashboard/serve.ts';
import { countText, pageWithoutJs, ready, visibleDrivers } from './helpers/fixture-site.ts';
import { builtSite } from './helpers/site.ts';

const COUNT = 450;

/** 450 drivers: every third one by "Blue" storage (150 of them), the rest by "Grey" networks. */
function manyDrivers(): Registry {
  const drivers: Driver[] = Array.from({ length: COUNT }, (_, i) => ({
    project_id: i % 3 === 0 ? 'openstack/cinder' : 'openstack/neutron',
    vendor: i % 3 === 0 ? 'Blue' : 'Grey',
    name: `Driver ${String(i).padStart(3, '0')}`,
    description: i % 3 === 0 ? 'Block storage.' : 'Networking.',
    releases: ['Rocky'],
  }));
  return {
    projects: [
      { id: 'openstack/cinder', name: 'Cinder (Block Storage)' },
      { id: 'openstack/neutron', name: 'Neutron (Networking)' },
    ],
    releases: [{ id: 'Rocky', wiki: 'https://releases.openstack.org/rocky/', start: '2018-08-30' }],
    drivers,
  };
}

describe.skipIf(!hasChromium)(`a table of more than 400 drivers (skipped when ${noChromiumReason})`, () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    const site = await builtSite({
      name: 'many',
      data: (path) => writeFileSync(path, JSON.stringify(manyDrivers())),
    });
    server = await serveStatic(site.dir);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const more = () => page.textContent('.driver-more span');

  it('shows the first 50 rows and a button for all of them', async () => {
    await page.goto(server.url);
    await ready(page);
    expect(await countText(page)).toBe(`${COUNT} of ${COUNT} drivers`);
    expect(await visibleDrivers(page)).toHaveLength(50);
    expect(await more()).toBe(`Showing the first 50 of ${COUNT} matching drivers.`);
    expect(await page.textContent('.driver-more button')).toBe(`Show all ${COUNT}`);
    await page.click('.driver-more button');
    expect(await visibleDrivers(page)).toHaveLength(COUNT);
    expect(await page.isVisible('.driver-more')).toBe(false);
  });

  it('starts again from 50 rows when the view changes, and needs no button for fewer', async () => {
    await page.goto(`${server.url}?vendor=Blue`);
    await ready(page);
    expect(await countText(page)).toBe(`150 of ${COUNT} drivers`);
    expect(await visibleDrivers(page)).toHaveLength(50);
    await page.click('.driver-more button');
    expect(await visibleDrivers(page)).toHaveLength(150);
    // Another sort or filter is another view: its first 50 rows again.
    await page.click('th[data-sort=driver] button');
    expect(await visibleDrivers(page)).toHaveLength(50);
    await page.selectOption('select[name=vendor]', 'Grey');
    expect(await visibleDrivers(page)).toHaveLength(50);
    expect(await more()).toBe(`Showing the first 50 of 300 matching drivers.`);
    await page.fill('input[name=q]', 'Driver 001');
    expect(await visibleDrivers(page)).toEqual(['Driver 001']);
    expect(await page.isVisible('.driver-more')).toBe(false);
  });

  it('shows every row without JavaScript', async () => {
    const noJs = await pageWithoutJs(browser);
    await noJs.goto(server.url);
    expect(await visibleDrivers(noJs)).toHaveLength(COUNT);
    expect(await noJs.isHidden('.driver-more')).toBe(true);
    await noJs.context().close();
  });
});

// The home page in Chromium: filters, search, sorting, URL state and status words.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import {
  countText,
  fixtureSiteInBrowser,
  ready,
  signalsOf,
  statusOf,
  visibleDrivers,
} from './helpers/fixture-site.ts';

describe.skipIf(!hasChromium)(`home page (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await site.browser.newPage();
  });

  async function open(query = ''): Promise<void> {
    await page.goto(`${site.server.url}${query}`);
    await ready(page);
  }

  it('lists every current driver with a live count', async () => {
    await open();
    expect(await visibleDrivers(page)).toHaveLength(10);
    expect(await countText(page)).toBe('10 of 10 drivers');
  });

  it.each([
    ['?release_id=rocky', ['Acme FC', 'Acme iSCSI', 'Beta ML2', 'Dell PowerMax', 'Zeta compute']],
    ['?project_id=openstack%2Fneutron', ['Beta ML2', 'Switch 10', 'Switch 2']],
    ['?release_id=rocky&project_id=openstack%2Fcinder', ['Acme FC', 'Acme iSCSI', 'Dell PowerMax']],
    ['?vendor=acme', ['Acme FC', 'Acme iSCSI']],
    ['?release_id=Stein&vendor=Zeta', ['Zeta compute']],
    ['?q=gamma-ci', ['Switch 10']],
    ['?q=acme&release_id=rocky', ['Acme FC', 'Acme iSCSI']],
  ])('opening %s shows that view', async (query, names) => {
    await open(query);
    expect((await visibleDrivers(page)).sort()).toEqual(names);
    expect(await countText(page)).toBe(`${names.length} of 10 drivers`);
  });

  it('searches fuzzily as you type, without a reload', async () => {
    await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.fill('input[name=q]', 'zeta');
    expect(await visibleDrivers(page)).toEqual(['Zeta compute']);
    await page.fill('input[name=q]', 'hypervisr');
    expect(await visibleDrivers(page)).toEqual(['Zeta compute']);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    // The URL follows once typing pauses (replacing it on every key costs a keystroke's budget).
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hypervisr');
    // A filter chosen right after typing: Back returns to the typed view, not to the one before it.
    await page.fill('input[name=q]', 'acme');
    await page.selectOption('select[name=release_id]', 'rocky');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('release_id'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('acme');
    expect(await page.inputValue('input[name=q]')).toBe('acme');
  });

  it('says what to change when nothing matches', async () => {
    await open('?release_id=queens&project_id=openstack%2Fnova&q=acme');
    expect(await visibleDrivers(page)).toEqual([]);
    // At Queens, the driver removed in Rocky was still in the tree: only the retired project's is hidden.
    expect(await countText(page)).toBe('0 of 11 drivers');
    const message = await page.textContent('.driver-empty p');
    expect(message).toContain('clear the search “acme”');
    expect(message).toContain('All releases');
    expect(message).toContain('All projects');
    expect(message).toContain('show retired and removed drivers');
    await page.click('.driver-empty button');
    expect(await countText(page)).toBe('10 of 10 drivers');
    // The form shows the view it reset to, so the next keystroke searches every driver.
    expect(await page.inputValue('select[name=release_id]')).toBe('');
    expect(await page.inputValue('select[name=project_id]')).toBe('');
    expect(await page.inputValue('input[name=q]')).toBe('');
    await page.keyboard.type('zeta');
    expect(await visibleDrivers(page)).toEqual(['Zeta compute']);
  });

  it('shows a filter value from an old link that the registry no longer has', async () => {
    await open('?vendor=Initrode');
    expect(await page.inputValue('select[name=vendor]')).toBe('Initrode');
    expect(await page.textContent('select[name=vendor] option:checked')).toBe(
      'Initrode (not in the registry)',
    );
    expect(await page.textContent('.driver-empty p')).toContain('choose “All vendors” instead of Initrode');
    await page.selectOption('select[name=vendor]', '');
    expect(await countText(page)).toBe('10 of 10 drivers');
    expect(await page.locator('select[name=vendor] option', { hasText: 'Initrode' }).count()).toBe(0);
  });

  it('filters by the vendor’s id, and finds it by any former name, in the URL and in search', async () => {
    await open('?vendor=Dell%20EMC');
    expect(await page.inputValue('select[name=vendor]')).toBe('dell');
    expect(await visibleDrivers(page)).toEqual(['Dell PowerMax']);
    await open('?q=EMC');
    expect(await visibleDrivers(page)).toEqual(['Dell PowerMax']);
    await open();
    await page.selectOption('select[name=vendor]', 'dell');
    expect(new URL(page.url()).searchParams.get('vendor')).toBe('dell');
    const link = page.locator('tbody tr', { hasText: 'Dell PowerMax' }).locator('td a', { hasText: 'Dell' });
    expect(await link.getAttribute('href')).toBe('/driverlog/vendors/dell/');
  });

  it('hides drivers of retired projects and removed drivers until asked, and says how many', async () => {
    await open();
    expect(await visibleDrivers(page)).not.toContain('Acme-FC');
    expect(await visibleDrivers(page)).not.toContain('Fuel plugin');
    const toggle = page.getByLabel('show retired and removed (2 hidden)');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.check();
    // Their rows come from the page of retired and removed drivers, fetched when first asked for.
    await page.locator('tbody tr:not([hidden])', { hasText: 'Fuel plugin' }).waitFor();
    expect((await visibleDrivers(page)).filter((n) => n === 'Acme-FC' || n === 'Fuel plugin')).toEqual([
      'Acme-FC',
      'Fuel plugin',
    ]);
    expect(await countText(page)).toBe('12 of 12 drivers');
    expect(new URL(page.url()).searchParams.get('show')).toBe('all');
    // Removed in Rocky: a release before that shows it without the toggle.
    await open('?release_id=queens&vendor=acme');
    await page.locator('tbody tr:not([hidden])', { hasText: 'Acme-FC' }).waitFor();
    expect(await visibleDrivers(page)).toContain('Acme-FC');
  });

  it('says on the page when the retired rows or the feature data do not arrive, and what to do instead', async () => {
    const failing = await site.browser.newPage();
    try {
      await failing.route(/\/driverlog\/(retired\/|features-index\.json)$/, (route) =>
        route.fulfill({ status: 503, body: 'down' }),
      );
      // The error goes to the console too, for whoever debugs it.
      const logged: string[] = [];
      failing.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      await failing.goto(site.server.url);
      await ready(failing);
      const alert = failing.locator('.driver-load-error');
      expect(await alert.isHidden()).toBe(true);
      await failing.getByLabel('show retired and removed (2 hidden)').check();
      await alert.waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.textContent()).toBe(
        'The retired and removed drivers could not be loaded (/driverlog/retired/: HTTP 503): they are listed on their own page, “Retired and removed drivers”. Reload the page to try again.',
      );
      expect(
        await failing.locator('a', { hasText: 'Retired and removed drivers' }).getAttribute('href'),
      ).toBe('/driverlog/retired/');
      expect(logged.some((text) => text.includes('/driverlog/retired/: HTTP 503'))).toBe(true);
      // The rows that did arrive still filter.
      expect(await visibleDrivers(failing)).not.toContain('Fuel plugin');
      await failing.selectOption('select[name=project_id]', 'openstack/cinder');
      await failing.waitForFunction(() =>
        document.querySelector('.driver-load-error')?.textContent?.startsWith('The feature data'),
      );
      expect(await alert.textContent()).toBe(
        'The feature data could not be loaded (/driverlog/features-index.json: HTTP 503): the feature filter matches no driver. Reload the page to try again.',
      );
      // Opened with features in the URL: the table still comes up, and says what is missing.
      await failing.goto(`${site.server.url}?project_id=openstack%2Fcinder&feature=multiattach`);
      await ready(failing);
      expect(await alert.textContent()).toContain('The feature data could not be loaded');
      expect(await countText(failing)).toBe('0 of 10 drivers');
    } finally {
      await failing.close();
    }
  });

  it('sorts by a column in the registry’s order and both ways, with aria-sort', async () => {
    await open('?project_id=openstack%2Fneutron');
    await page.click('th[data-sort=vendor] button');
    // "Vendor 10" before "Vendor 2", as the registry orders them.
    expect(await visibleDrivers(page)).toEqual(['Beta ML2', 'Switch 10', 'Switch 2']);
    expect(await page.getAttribute('th[data-sort=vendor]', 'aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('vendor');
    await page.click('th[data-sort=vendor] button');
    expect(await visibleDrivers(page)).toEqual(['Switch 2', 'Switch 10', 'Beta ML2']);
    expect(await page.getAttribute('th[data-sort=vendor]', 'aria-sort')).toBe('descending');
    await open('?sort=status');
    const order = await visibleDrivers(page);
    expect(order.slice(0, 2).sort()).toEqual(['=SUM(1+1) hostile', 'Zeta compute']);
    expect(order.indexOf('Dell PowerMax')).toBeLessThan(order.indexOf('Acme FC'));
    expect(order.indexOf('Acme FC')).toBeLessThan(order.indexOf('Initech NAS'));
    expect(order.at(-1)).toMatch(/^(Switch 2|Very long)/);
  });

  it('keeps the view in the URL and the back button restores it', async () => {
    await open('?release_id=rocky');
    expect(await page.inputValue('select[name=release_id]')).toBe('rocky');
    await page.selectOption('select[name=project_id]', 'openstack/cinder');
    expect(page.url()).toContain('release_id=rocky&project_id=openstack%2Fcinder');
    expect(await countText(page)).toBe('3 of 10 drivers');
    await page.selectOption('select[name=vendor]', 'zeta');
    expect(await countText(page)).toBe('0 of 10 drivers');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('vendor'));
    expect(await countText(page)).toBe('3 of 10 drivers');
    expect(await page.inputValue('select[name=vendor]')).toBe('');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('project_id'));
    expect(await countText(page)).toBe('5 of 10 drivers');
    expect(await page.inputValue('select[name=project_id]')).toBe('');
  });

  it('states each headline status in words, naming the newest maintained release, ages measured in the browser', async () => {
    await open();
    expect(await page.textContent('caption')).toContain('the newest maintained release, Stein');
    // Failing on the release in development, passing on the newest maintained one: the headline says passing.
    expect(await statusOf(page, 'Zeta compute')).toBe('✔ passing · Stein verified yesterday');
    expect(await statusOf(page, 'Dell PowerMax')).toBe('◐ only on Train (in development) passed 2 days ago');
    expect(await statusOf(page, 'Acme FC')).toBe('○ no CI evidence · Stein');
    expect(await statusOf(page, 'Switch 10')).toBe('○ claimed, no CI evidence · Stein');
    expect(await statusOf(page, 'Initech NAS')).toBe('◌ not yet scanned against Gerrit');
    expect(await statusOf(page, 'Switch 2')).toBe('– no CI declared');
    const link = page
      .locator('tbody tr', { hasText: 'Zeta compute' })
      .locator('td a', { hasText: 'verified' });
    expect(await link.getAttribute('href')).toBe('https://review.example.org/c/1006');
    expect(await page.locator('.status-passing [aria-hidden=true]').first().textContent()).toBe('✔');
    // Every status word links to what it means.
    const words = await page.$$eval('table.drivers tbody tr:not([hidden]) td:nth-child(5) b > a', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(words).toHaveLength(10);
    expect(words.every((href) => /^\/driverlog\/about\/evidence\/#[a-z]+$/.test(href ?? ''))).toBe(true);
    expect(await page.textContent('thead')).toContain('Releases claimed by the vendor');
    expect(await page.textContent('.scans')).toContain('openstack/cinder on ');
  });

  it('shows, with a release selected, the claim, the tree and the CI for it, and why each row matches', async () => {
    await open('?release_id=rocky');
    expect(await statusOf(page, 'Acme iSCSI')).toBe('✔ passing verified 3 days ago');
    expect(await statusOf(page, 'Acme FC')).toBe('✖ failing failed 2 days ago; last passed 10 days ago');
    expect(await statusOf(page, 'Beta ML2')).toBe('◷ stale last passed 2 months ago');
    expect(await signalsOf(page, 'Acme FC')).toBe(
      'Rocky: claimed · in the tree, supported by the project matches: claimed and in the tree',
    );
    expect(await signalsOf(page, 'Dell PowerMax')).toBe(
      'Rocky: not claimed · in the tree, supported by the project matches: in the tree',
    );
    expect(await signalsOf(page, 'Beta ML2')).toBe('Rocky: claimed matches: claimed');
  });

  it('shows the status for the selected release', async () => {
    await open('?release_id=queens');
    expect(await statusOf(page, 'Acme iSCSI')).toBe('✖ failing failed 5 days ago; last passed 20 days ago');
    await page.selectOption('select[name=release_id]', 'rocky');
    expect(await statusOf(page, 'Zeta compute')).toBe('○ claimed, no CI evidence');
    expect(await statusOf(page, 'Acme iSCSI')).toBe('✔ passing verified 3 days ago');
    expect(await page.textContent('caption')).toContain('Rocky');
  });

  it('works from the keyboard', async () => {
    await open();
    await page.focus('select[name=release_id]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q');
    await page.keyboard.type('beta');
    expect(await visibleDrivers(page)).toEqual(['Beta ML2']);
    await page.focus('th[data-sort=driver] button');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('th[data-sort=driver]', 'aria-sort')).toBe('ascending');
  });

  it('filters by features of the selected project, and keeps them in the URL', async () => {
    await open();
    expect(await page.isVisible('fieldset.driver-features')).toBe(false);
    await page.selectOption('select[name=project_id]', 'openstack/cinder');
    await page.check('fieldset.driver-features >> text=Multi-attach');
    await page.waitForFunction(() => location.search.includes('feature=multiattach'));
    expect((await visibleDrivers(page)).sort()).toEqual(['Acme FC', 'Acme iSCSI']);
    await page.check('fieldset.driver-features >> text=QoS');
    expect(await visibleDrivers(page)).toEqual(['Acme iSCSI']);
    expect(new URL(page.url()).searchParams.getAll('feature')).toEqual(['multiattach', 'qos']);
    // In a selected release, the matrix of that release decides.
    await page.uncheck('fieldset.driver-features >> text=QoS');
    await page.selectOption('select[name=release_id]', 'queens');
    expect(await visibleDrivers(page)).toEqual(['Acme FC']);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('release_id'));
    expect((await visibleDrivers(page)).sort()).toEqual(['Acme FC', 'Acme iSCSI']);
  });

  it('opens a feature link as it was shared, and shows a feature the project lacks as unknown', async () => {
    await open('?project_id=openstack%2Fcinder&feature=multiattach&feature=teleport');
    expect(await page.isChecked('fieldset.driver-features >> text=Multi-attach')).toBe(true);
    const unknown = page.locator('fieldset.driver-features-unknown label');
    expect(await unknown.allTextContents()).toEqual([' teleport (unknown feature)']);
    expect(await visibleDrivers(page)).toEqual([]);
    expect(await page.textContent('.driver-empty p')).toContain(
      'ask for fewer features than multiattach, teleport',
    );
    // Unticked, the unknown feature leaves the form (and the URL) altogether.
    await unknown.locator('input').click();
    expect((await visibleDrivers(page)).sort()).toEqual(['Acme FC', 'Acme iSCSI']);
    expect(new URL(page.url()).searchParams.getAll('feature')).toEqual(['multiattach']);
    // Another project has other features: the filter starts afresh.
    await page.selectOption('select[name=project_id]', 'openstack/nova');
    expect(new URL(page.url()).searchParams.getAll('feature')).toEqual([]);
    expect(await countText(page)).toBe('3 of 10 drivers');
  });

  it('takes comma lists of releases, as the original API did', async () => {
    await open('?release_id=queens,stein');
    // Claimed, with evidence, or in the project's tree in either release.
    expect((await visibleDrivers(page)).sort()).toEqual([
      '=SUM(1+1) hostile',
      'Acme FC',
      'Acme iSCSI',
      'Acme-FC',
      'Beta ML2',
      'Dell PowerMax',
      'Initech NAS',
      'Switch 10',
      'Switch 2',
      'Zeta compute',
    ]);
    expect(await page.textContent('select[name=release_id] option:checked')).toBe('Queens or Stein');
    expect(await page.textContent('caption span')).toBe('Queens or Stein');
    // The status is the newest evidence of the releases named, and says which.
    expect(await statusOf(page, 'Acme iSCSI')).toBe(
      '✖ failing · Queens failed 5 days ago; last passed 20 days ago',
    );
    expect(await statusOf(page, 'Zeta compute')).toBe('✔ passing · Stein verified yesterday');
    expect(await statusOf(page, 'Switch 10')).toBe('○ claimed, no CI evidence');
    await page.selectOption('select[name=release_id]', 'rocky');
    expect(new URL(page.url()).searchParams.get('release_id')).toBe('rocky');
  });
});

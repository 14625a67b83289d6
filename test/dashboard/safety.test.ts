// The built fixture site: hostile data stays text, no e-mail leaks, no inline script, accessibility,
// JavaScript off, narrow screens.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { MAX_SLUG } from '../../dashboard/src/lib/slugs.ts';
import { HOSTILE_EMAIL, LONG_NAME } from './helpers/fixture.ts';
import {
  countText,
  fixtureSite,
  fixtureSiteInBrowser,
  ready,
  statusOf,
  visibleDrivers,
} from './helpers/fixture-site.ts';
import { repoRoot } from '../../dashboard/build-site.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('built fixture files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = (await fixtureSite()).dir;
  });

  it('come from a registry saved with a byte order mark, read as `validate` reads it', () => {
    expect(readFileSync(`${dir}.json`, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Acme iSCSI');
  });

  it('name every file shortly, even for a driver name longer than a slug may be', () => {
    expect(LONG_NAME.length).toBeGreaterThan(MAX_SLUG);
    const slugs = readdirSync(join(dir, 'drivers'));
    const long = slugs.find((slug) => slug.startsWith('nova-omega-very-long-storage'));
    expect(long).toMatch(/^[a-z0-9-]{1,60}$/);
    expect(readFileSync(join(dir, 'drivers', long!, 'index.html'), 'utf8')).toContain(LONG_NAME);
    for (const file of filesUnder(dir))
      expect(
        relative(dir, file)
          .split('/')
          .every((part) => part.length <= 80),
      ).toBe(true);
  });

  it('contain no maintainer e-mail address anywhere', () => {
    const leaks = filesUnder(dir).filter((file) => {
      const text = readFileSync(file, 'utf8');
      return text.includes(HOSTILE_EMAIL) || text.includes('ann@acme.example.com');
    });
    expect(leaks.map((f) => relative(dir, f))).toEqual([]);
  });

  it('have no inline script, only same-origin script files, and a CSP', () => {
    const all = filesUnder(dir).filter((f) => f.endsWith('.html'));
    // A moved page is a redirect: no script at all, and nothing but the link on.
    const redirects = all.filter((f) => readFileSync(f, 'utf8').includes('http-equiv="refresh"'));
    expect(redirects.map((f) => relative(dir, f)).sort()).toEqual([
      'vendors/dell-emc/index.html',
      'vendors/emc/index.html',
    ]);
    for (const file of redirects) {
      const raw = readFileSync(file, 'utf8');
      expect(raw).toContain(`script-src 'none'`);
      expect(raw).toContain('content="0; url=/driverlog/vendors/dell/"');
      expect(raw).not.toContain('<script');
    }
    const pages = all.filter((f) => !redirects.includes(f));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      // Attribute values may hold escaped registry text such as "<script>"; only markup counts here.
      const raw = readFileSync(file, 'utf8');
      expect(raw).toContain(`script-src 'self'`);
      expect(raw, relative(dir, file)).toContain('<link rel="alternate" type="application/atom+xml"');
      const html = raw.replace(/(\s[\w-]+)="([^"]*)"/g, (all, name: string) =>
        /^\s(src|href)$/.test(name) ? all : `${name}=""`,
      );
      for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(tag[2], relative(dir, file)).toBe('');
        expect(tag[1], relative(dir, file)).toMatch(/src="\/driverlog\/_astro\/[^"]+\.js"/);
      }
      expect(html).not.toMatch(/<script>alert|<img src=x/);
      // Resources come from this site only; links to other sites are fine, scriptable ones never.
      expect(html).not.toMatch(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('serve the original API shapes and a safe CSV', () => {
    const drivers = JSON.parse(readFileSync(join(dir, 'api/1.0/drivers.json'), 'utf8')).drivers;
    const iscsi = drivers.find((d: { name: string }) => d.name === 'Acme iSCSI');
    expect(iscsi.project_name).toBe('Cinder (Block Storage)');
    expect(iscsi.releases.rocky).toMatchObject({
      ci_tested: true,
      ci_result: true,
      review_url: 'https://review.example.org/c/1001',
    });
    expect(iscsi.releases_info.map((r: { release_id: string }) => r.release_id)).toEqual(['queens', 'rocky']);
    expect(iscsi.maintainers).toEqual([{ name: 'Ann Admin', launchpad_id: 'ann' }]);
    const releases = JSON.parse(readFileSync(join(dir, 'api/1.0/releases.json'), 'utf8')).releases;
    expect(releases.map((r: { id: string }) => r.id).slice(0, 4)).toEqual([
      'train',
      'stein',
      'rocky',
      'queens',
    ]);
    const csv = readFileSync(join(dir, 'drivers.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^project_id,project,vendor,driver,/);
    expect(csv).toContain(`,'=SUM(1+1) hostile,`);
    expect(csv).toContain('"<script>alert(1)</script> & ""quoted"" <img src=x onerror=alert(2)>"');
  });
});

describe.skipIf(!hasChromium)(`fixture site in Chromium (skipped when ${noChromiumReason})`, () => {
  const site = fixtureSiteInBrowser();
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];

  async function newPage(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
    const page = await site.browser.newPage(options);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(site.server.url) && !request.url().startsWith('data:'))
        foreignRequests.push(request.url());
    });
    return page;
  }

  it('shows the hostile entry as text and links nothing that is not http(s)', async () => {
    const page = await newPage();
    await page.goto(site.server.url);
    await ready(page);
    expect(await page.textContent('tbody')).toContain('<script>alert(1)</script> & "quoted"');
    expect(await page.textContent('tbody')).toContain('Evil <b>Corp</b>');
    await page.click('text==SUM(1+1) hostile');
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('=SUM(1+1) hostile');
    expect(await page.textContent('.desc')).toBe(
      '<script>alert(1)</script> & "quoted" <img src=x onerror=alert(2)>',
    );
    expect(await page.textContent('.raw')).toBe('javascript:alert(1)');
    expect(await page.textContent('main')).toContain('<img src=x onerror=alert(3)>');
    const hrefs = await page.$$eval('a', (links) => links.map((a) => a.protocol));
    expect(hrefs.filter((p) => p !== 'http:' && p !== 'https:')).toEqual([]);
    // The components' own module scripts are the only scripts; the registry's markup made no element.
    const scripts = await page.$$eval('script', (nodes) => nodes.map((s) => s.getAttribute('src') ?? ''));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/driverlog\/_astro\/[^/]+\.js$/);
    expect(await page.$$eval('img[src=x], script:not([src])', (nodes) => nodes.length)).toBe(0);
    // The only image is the driver's own badge, from this site.
    expect(await page.$$eval('main img', (nodes) => nodes.map((n) => n.getAttribute('src')))).toEqual([
      '/driverlog/badges/nova-evil-b-corp-b-sum-1-1-hostile.svg',
    ]);
    expect(await page.getAttribute('a[href*="commentby"]', 'href')).toBe(
      'https://review.opendev.org/q/project:openstack/nova+commentby:evil-ci',
    );
    expect(dialogs).toEqual([]);
  });

  // Ten pages, each loaded and audited: slow on a busy machine, so each scheme is a test with time to spare.
  it.each(['light', 'dark'] as const)(
    'has no serious or critical axe violations, in the %s scheme',
    async (colorScheme) => {
      const page = await newPage({ bypassCSP: true, colorScheme });
      for (const path of [
        '',
        '?release_id=queens',
        '?project_id=openstack%2Fcinder&feature=multiattach&feature=teleport',
        'drivers/cinder-acme-acme-iscsi/',
        'drivers/cinder-acme-acme-fc/',
        'vendors/acme/',
        'projects/',
        'projects/cinder/',
        'projects/cinder/queens/',
        'projects/nova/',
      ]) {
        await page.goto(`${site.server.url}${path}`);
        if (path.startsWith('?') || path === '') await ready(page);
        await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
              };
            }
          ).axe;
          const result = await axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${colorScheme} ${path}`).toEqual([]);
      }
      await page.close();
    },
    120_000,
  );

  it('shows the full table with JavaScript disabled', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}?vendor=Acme`);
    expect(await visibleDrivers(page)).toHaveLength(10);
    expect(await countText(page)).toBe(
      '10 drivers; 2 of retired projects or removed from the tree are not listed',
    );
    expect(await page.isHidden('form.driver-filters')).toBe(true);
    expect(await statusOf(page, 'Zeta compute')).toMatch(/^✔ passing · Stein verified on \d{4}-\d{2}-\d{2}$/);
    expect(await statusOf(page, 'Dell PowerMax')).toMatch(
      /^◐ only on Train \(in development\) passed on \d{4}-\d{2}-\d{2}$/,
    );
    await context.close();
  });

  it('fits 375 px: the home table shows vendor, driver, CI status and the release’s signals without sideways scrolling', async () => {
    const page = await newPage({ viewport: { width: 375, height: 800 } });
    for (const path of [
      '',
      'drivers/nova-evil-b-corp-b-sum-1-1-hostile/',
      'drivers/cinder-acme-acme-iscsi/',
      'projects/cinder/',
      'vendors/acme/',
    ]) {
      await page.goto(`${site.server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
    await page.goto(site.server.url);
    const visible = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table.drivers thead th'))
        .filter((th) => th.getBoundingClientRect().width > 0)
        .map((th) => [th.textContent?.trim(), Math.round(th.getBoundingClientRect().right)] as const),
    );
    expect(visible.map(([name]) => name)).toEqual(['Vendor', 'Driver', 'CI status', 'In the release']);
    for (const [name, right] of visible) expect(right, name).toBeLessThanOrEqual(375);
  });

  it('asks no third-party host for anything', () => {
    expect(foreignRequests).toEqual([]);
  });
});

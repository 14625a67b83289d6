// The site built from the repository's own registry renders every driver and leaks no e-mail.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../dashboard/serve.ts';
import { hasChromium, launchChromium, noChromiumReason } from '../../dashboard/chromium.ts';
import { seriousAxeViolations } from './helpers/axe.ts';
import { ready } from './helpers/fixture-site.ts';
import { repoRoot } from '../../dashboard/build-site.ts';
import { builtSite } from './helpers/site.ts';

const dataFile = join(repoRoot, 'default_data.json');
const registry = existsSync(dataFile)
  ? (JSON.parse(readFileSync(dataFile, 'utf8').replace(/^\uFEFF/, '')) as {
      projects: Array<{ id: string }>;
      drivers: Array<{
        project_id: string;
        maintainers?: Array<{ email?: string }>;
        upstream?: { in_tree?: string[] };
      }>;
    })
  : undefined;

describe.skipIf(!registry)('site built from default_data.json (skipped when the file is missing)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = (await builtSite({ name: 'real', data: dataFile })).dir;
  });

  it('has one table row and one page per driver, retired and removed drivers on a page of their own', () => {
    const rows = (page: string) =>
      readFileSync(join(dir, page), 'utf8').match(/<th scope="row">/g)?.length ?? 0;
    const home = rows('index.html');
    const gone = rows('retired/index.html');
    expect(gone).toBeGreaterThan(0);
    expect(home + gone).toBe(registry!.drivers.length);
    expect(readdirSync(join(dir, 'drivers'))).toHaveLength(registry!.drivers.length);
    const api = JSON.parse(readFileSync(join(dir, 'api/1.0/drivers.json'), 'utf8'));
    expect(api.drivers).toHaveLength(registry!.drivers.length);
  });

  it('has a page per project, with a matrix where the registry has matrix data', () => {
    for (const project of registry!.projects) {
      const slug = project.id.split('/').pop()!;
      const html = readFileSync(join(dir, 'projects', slug, 'index.html'), 'utf8');
      const inTree = registry!.drivers.some(
        (d) => d.project_id === project.id && (d.upstream?.in_tree?.length ?? 0) > 0,
      );
      expect(html.includes('class="matrix"'), project.id).toBe(inTree);
    }
  });

  it('publishes none of the maintainers’ e-mail addresses', () => {
    const emails = registry!.drivers.flatMap((d) =>
      (d.maintainers ?? []).flatMap((m) => (m.email ? [m.email] : [])),
    );
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    const text = files.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n');
    expect(emails.filter((email) => text.includes(email))).toEqual([]);
  });

  describe.skipIf(!hasChromium)(`in Chromium (skipped when ${noChromiumReason})`, () => {
    let browser: Browser;
    let server: StaticServer;
    beforeAll(async () => {
      server = await serveStatic(dir);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('renders every driver and its filters', async () => {
      const page = await browser.newPage();
      // Retired projects' drivers and removed ones too.
      await page.goto(`${server.url}?show=all`);
      await ready(page);
      const total = registry!.drivers.length;
      expect(await page.textContent('.driver-count')).toBe(`${total} of ${total} drivers`);
      expect(await page.locator('tbody tr:not([hidden])').count()).toBe(total);
    });

    describe.each([1366, 390])('%i px wide', (width) => {
      const open = async (path: string) => {
        const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
        await page.goto(`${server.url}${path}`);
        if (path === '') await ready(page);
        return page;
      };
      const squash = (text: string | null) => text?.replace(/\s+/g, ' ').trim();

      it('heads the home table with the newest maintained release, and claims no evidence it lacks', async () => {
        const page = await open('');
        expect(squash(await page.textContent('main'))).toContain(
          'CI status is that of the newest maintained release, Hibiscus',
        );
        const row = page.locator('tbody tr', { hasText: 'Ceph RADOS Block Device (RBD)' });
        // Our file has no scan yet: no cell may read as a verdict, and each says where the rule is.
        expect(squash(await row.locator('b[class^="status-"]').textContent())).toBe(
          '◌ not yet scanned against Gerrit',
        );
        expect(await page.locator('main').textContent()).not.toContain('no CI evidence');
        const links = await page
          .locator('tbody b[class^="status-"] a')
          .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(links.length).toBeGreaterThan(0);
        expect(links.filter((path) => path !== '/about/evidence/')).toEqual([]);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });

      it('shows a driver’s releases since the maintained one minus 4, stacked on a phone, the rest on demand', async () => {
        const page = await open('drivers/cinder-ceph-ceph-rados-block-device-rbd/');
        const shown = await page.locator('table.signals tbody tr:not([hidden]) th').allTextContents();
        expect(shown.map((t) => t.trim().split(' ')[0])).toEqual([
          'Indri',
          'Hibiscus',
          'Gazpacho',
          'Flamingo',
          'Epoxy',
          'Dalmatian',
        ]);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(scroll).toBeLessThanOrEqual(0);
        await page.click('button.show-releases');
        expect(await page.locator('table.signals tbody tr:not([hidden])').count()).toBeGreaterThan(20);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.goto(`${server.url}about/evidence/`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });
    });
  });
});

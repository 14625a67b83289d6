import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { splitRuns, runsFileOf } from '../../../backend/model/runs-file.ts';
import { launchChromium } from '../../../dashboard/chromium.ts';
import { serveStatic, type StaticServer } from '../../../dashboard/serve.ts';
import { fixtureRegistry } from './fixture.ts';
import { builtSite, type SiteBuild } from './site.ts';

/** The fixture registry built under a sub-path, as if hosted on GitHub Pages. */
export function fixtureSite(): Promise<SiteBuild> {
  return builtSite({
    name: 'fixture',
    base: '/driverlog/',
    data: writeFixtureFiles,
  });
}

/**
 * The fixture as its two files: the registry (with a byte order mark, as some editors save: the site reads it as
 * `validate` does) and, beside it, the runs file, the only place its recent runs are.
 */
function writeFixtureFiles(path: string): void {
  const { stored, runs } = splitRuns(fixtureRegistry(Date.now()));
  writeFileSync(path, `\uFEFF${JSON.stringify(stored)}`);
  writeFileSync(runsFileOf(path), JSON.stringify(runs));
}

/** The fixture site built a second time from the same file: what must not change between builds. */
export async function fixtureSiteAgain(): Promise<SiteBuild> {
  const first = await fixtureSite();
  return builtSite({ name: 'fixture-again', base: first.base, data: `${first.dir}.json` });
}

/**
 * For a describe block: the fixture site served on loopback and a Chromium to look at it, started before
 * its tests and stopped after them. Read `browser` and `server` inside hooks and tests, not at definition.
 */
export function fixtureSiteInBrowser(): { readonly browser: Browser; readonly server: StaticServer } {
  const state = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    const site = await fixtureSite();
    state.server = await serveStatic(site.dir, { base: site.base });
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

/** Waits until the table script has loaded its index and shown the filters. */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('form.driver-filters:not([hidden])');
}

/** A page in a context with JavaScript off: what a reader without it, or a crawler, gets. */
export async function pageWithoutJs(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

export function visibleDrivers(page: Page): Promise<string[]> {
  return page.$$eval('tbody tr:not([hidden]) th[scope=row] > a', (links) =>
    links.map((a) => a.textContent ?? ''),
  );
}

export async function countText(page: Page): Promise<string> {
  return (await page.textContent('.driver-count'))?.trim() ?? '';
}

/** The text of a cell (its position among the row's td cells) for the row of the named driver. */
async function cellOf(page: Page, driver: string, cell: number): Promise<string> {
  const row = page
    .locator('tbody tr', { has: page.locator('th[scope=row] > a', { hasText: driver }) })
    .first();
  return ((await row.locator('td').nth(cell).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The status cell's text for the row of the named driver. */
export const statusOf = (page: Page, driver: string) => cellOf(page, driver, 3);

/** The release-scoped signals of the row of the named driver. */
export const signalsOf = (page: Page, driver: string) => cellOf(page, driver, 4);

// Permalinks never move because a driver was added: the site built before and after adding colliding drivers
// (no browser needed) keeps every existing driver's page, badges, feed and feed entry ids where they were.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Driver, Registry } from '../../../backend/model/types.ts';
import { runsFileOf, splitRuns } from '../../../backend/model/runs-file.ts';
import { fixtureRegistry } from '../helpers/fixture.ts';
import { builtSite, type SiteBuild } from '../helpers/site.ts';

// One "now" for both builds: everything but the added drivers is the same input.
const NOW = Date.parse('2026-01-15T12:00:00Z');

const before = (): Registry => {
  const registry = fixtureRegistry(NOW);
  // A numbered name beside its base: "Switch" once took "Switch 2"'s slug away from it.
  const switch2 = registry.drivers.find((d) => d.name === 'Switch 2')!;
  registry.drivers.push({ ...switch2, name: 'Switch', verification: {} });
  return registry;
};

/** Drivers whose names slugify like existing ones, each sorting after the one it collides with. */
const added = (registry: Registry): Driver[] => {
  const named = (name: string) => registry.drivers.find((d) => d.name === name)!;
  return [
    { ...named('Acme iSCSI'), name: 'Acme iSCSI!', verification: {} },
    // Between "Acme FC" and "Acme-FC": with numbered suffixes it took -2 and moved "Acme-FC" to -3.
    { ...named('Acme FC'), name: 'Acme FC (', verification: {} },
    // Between "Switch" and "Switch 2": it took switch-2, and "Switch 2" became switch-2-2.
    { ...named('Switch 2'), name: 'Switch (', verification: {} },
  ];
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const feedIds = (xml: string) => [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((match) => match[1]!);
// A feed without entries is dated by its build.
const stable = (text: string) => text.replace(/<updated>[^<]*<\/updated>/, '');
const heading = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim();

/** The registry and its runs file, as the jobs write them. */
function writeRegistry(path: string, registry: Registry): void {
  const { stored, runs } = splitRuns(registry);
  writeFileSync(path, JSON.stringify(stored));
  writeFileSync(runsFileOf(path), JSON.stringify(runs));
}

let sites: { before: SiteBuild; after: SiteBuild };

beforeAll(async () => {
  const first = await builtSite({
    name: 'slugs-before',
    data: (path) => writeRegistry(path, before()),
  });
  const second = await builtSite({
    name: 'slugs-after',
    data: (path) => {
      const registry = before();
      registry.drivers.push(...added(registry));
      writeRegistry(path, registry);
    },
  });
  sites = { before: first, after: second };
});

describe('permalinks when colliding drivers are added', () => {
  it('keep every driver page where it was, for the same driver', () => {
    const pages = files(join(sites.before.dir, 'drivers')).filter((path) => path.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(8);
    for (const page of pages) {
      const twin = join(sites.after.dir, relative(sites.before.dir, page));
      expect(existsSync(twin), relative(sites.before.dir, page)).toBe(true);
      expect(heading(readFileSync(twin, 'utf8'))).toBe(heading(readFileSync(page, 'utf8')));
    }
    // The added drivers have pages of their own.
    const count = (site: SiteBuild) => readdirSync(join(site.dir, 'drivers')).length;
    expect(count(sites.after)).toBe(count(sites.before) + 3);
  });

  it("keep every badge and driver feed byte for byte, and every feed's entry ids", () => {
    const kept = [...files(join(sites.before.dir, 'badges')), ...files(join(sites.before.dir, 'feeds'))];
    expect(kept.length).toBeGreaterThan(20);
    for (const file of kept) {
      const path = relative(sites.before.dir, file);
      const twin = join(sites.after.dir, path);
      expect(existsSync(twin), path).toBe(true);
      const [old, now] = [readFileSync(file, 'utf8'), readFileSync(twin, 'utf8')];
      if (path.startsWith('badges/') || path.startsWith('feeds/drivers/'))
        expect(stable(now), path).toBe(stable(old));
      else for (const id of feedIds(old)) expect(feedIds(now), `${path}: ${id}`).toContain(id);
    }
  });
});

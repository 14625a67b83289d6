// The upgrade pages built from the repository's own registry: one per upgrade the pair rule gives, each within
// the budget of 100 KB gzipped with the scripts and style sheets it loads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRegistry, requireValidRegistry } from '../../backend/store/open-registry.ts';
import { upgradePairs } from '../../backend/upgrade/upgrade-pairs.ts';
import { repoRoot } from '../../dashboard/build-site.ts';
import { builtSite } from './helpers/site.ts';

const dataFile = join(repoRoot, 'default_data.json');
const BUDGET = 100 * 1024;

/** Gzipped bytes of a page and of every /_astro/ file it loads, with the chunks its scripts import. */
function pageBytes(dir: string, page: string): number {
  const html = readFileSync(join(dir, page), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(_astro\/[^"]+)"/g)].map((m) => m[1]!);
  let total = gzipSync(html, { level: 9 }).length;
  const seen = new Set<string>();
  for (let i = 0; i < assets.length; i++) {
    const asset = assets[i]!;
    if (seen.has(asset)) continue;
    seen.add(asset);
    const bytes = readFileSync(join(dir, asset));
    total += gzipSync(bytes, { level: 9 }).length;
    if (!asset.endsWith('.js')) continue;
    for (const m of bytes.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      assets.push(`_astro/${m[1]!}`);
    }
  }
  return total;
}

describe.skipIf(!existsSync(dataFile))(
  'upgrade pages built from default_data.json (skipped when missing)',
  () => {
    let dir = '';
    beforeAll(async () => {
      dir = (await builtSite({ name: 'real', data: dataFile })).dir;
    });

    it('has a page for every upgrade of the pair rule, each within 100 KB gzipped with its JS and CSS', () => {
      const registry = requireValidRegistry(openRegistry(dataFile));
      // The build ran moments ago: its release in development is today's.
      const pairs = upgradePairs(registry.releases ?? [], Date.now());
      const pages = readdirSync(join(dir, 'upgrade'), { withFileTypes: true }).filter((e) => e.isDirectory());
      expect(pages.map((e) => e.name).sort()).toEqual(
        pairs.map((p) => `${p.from.toLowerCase()}-to-${p.to.toLowerCase()}`).sort(),
      );
      const sizes = pages.map((e) => pageBytes(dir, `upgrade/${e.name}/index.html`));
      console.log(
        `largest upgrade page with its JS and CSS: ${(Math.max(...sizes) / 1024).toFixed(1)} KB gzipped`,
      );
      expect(Math.max(...sizes)).toBeLessThanOrEqual(BUDGET);
    });
  },
);

// How long the dashboard's upgrade verdicts take: every upgrade page's table (each pair of releases the pair rule
// gives), for our registry, and for one ten times its size whose drivers with CI each have 10 runs on each of the
// five newest releases, so that the audit's rules have runs to read. Targets: under 1 s and under 5 s.
import { join } from 'node:path';
import { openRegistry, requireValidRegistry } from '../backend/store/open-registry.ts';
import type { Driver, Registry, Run } from '../backend/model/types.ts';
import { upgradePairs } from '../backend/upgrade/upgrade-pairs.ts';
import { upgradeVerdicts } from '../backend/upgrade/upgrade-verdicts.ts';
import { Prng } from '../dev/gerrit-simulator/prng.ts';
import { reportFigures, type Figure } from './report.ts';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 11, 1);
const SILENT_DAYS = 30;
const REPEAT = 5;

const ours = requireValidRegistry(openRegistry(join(import.meta.dirname, '..', 'default_data.json')));
const prng = new Prng(22);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function runs(): Run[] {
  let at = AS_OF - prng.int(0, 40) * DAY;
  return Array.from({ length: 10 }, (_, i) => {
    const run = { timestamp: iso(at), change_number: 900_000 - i, patch_set: 1, ci_result: prng.chance(0.8) };
    at -= prng.int(1, 3) * DAY;
    return run;
  });
}

/** Ten copies of every driver, each copy a driver of its own, with runs on the newest releases. */
function tenTimes(registry: Registry): Registry {
  const newest = (registry.releases ?? []).slice(-5).map((release) => release.id);
  const drivers: Driver[] = [];
  for (let copy = 0; copy < 10; copy++) {
    for (const driver of registry.drivers) {
      const next: Driver = { ...driver, name: `${driver.name} #${copy}` };
      if (driver.ci !== undefined) {
        next.verification = Object.fromEntries(
          newest.map((release) => {
            const recent = runs();
            const record = {
              ci_result: recent[0]!.ci_result,
              review_url: `https://review.opendev.org/c/${driver.project_id}/+/${recent[0]!.change_number}`,
              change_number: recent[0]!.change_number,
              patch_set: 1,
              branch: 'master',
              ci_id: driver.ci!.id ?? 'ci',
              comment: 'tempest : SUCCESS',
              timestamp: recent[0]!.timestamp,
              recent,
            };
            return [release, record];
          }),
        );
      }
      drivers.push(next);
    }
  }
  return { ...registry, drivers };
}

/** Every upgrade page's table once, in ms: the fastest of a few rounds (the first warms the JIT). */
function measure(registry: Registry): { ms: number; pages: number; rows: number } {
  const pairs = upgradePairs(registry.releases ?? [], AS_OF);
  let best = Infinity;
  let rows = 0;
  for (let round = 0; round < REPEAT; round++) {
    const start = performance.now();
    rows = 0;
    for (const pair of pairs) {
      rows += upgradeVerdicts(registry, { ...pair, asOf: AS_OF, silentDays: SILENT_DAYS }).drivers.length;
    }
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, pages: pairs.length, rows };
}

const figures: Figure[] = [];
for (const [label, registry, target] of [
  ['our registry', ours, '< 1000 ms'],
  ['10x registry', tenTimes(ours), '< 5000 ms'],
] as const) {
  const { ms, pages, rows } = measure(registry);
  console.log(`${label}: ${registry.drivers.length} drivers, ${pages} upgrade pages, ${rows} rows in all`);
  figures.push({
    name: `upgrade: every page's verdicts, ${label}`,
    value: Math.round(ms * 10) / 10,
    unit: 'ms',
    target,
  });
}
reportFigures(figures);

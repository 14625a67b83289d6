// Issue 11's size target, answered for our own registry at full load: every driver with CI reporting 10 runs on
// each of the five newest releases of default_data.json, written as `saveRegistry` writes it, the registry and its
// runs file measured apart. The runs live in a file of their own so that the registry stays small.
import { join } from 'node:path';
import { openRegistry, requireValidRegistry } from '../backend/store/open-registry.ts';
import { formatFiles } from '../backend/format/format-files.ts';
import type { Driver, Release, Run, VerificationRecord } from '../backend/model/types.ts';
import { Prng } from '../dev/gerrit-simulator/prng.ts';
import { reportFigures } from './report.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NEWEST = Date.UTC(2026, 10, 20);
const RUNS = 10;
const RELEASES = 5;

const ours = requireValidRegistry(openRegistry(join(import.meta.dirname, '..', 'default_data.json')));
const releases = (ours.releases ?? []).slice(-RELEASES);
const prng = new Prng(11);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** Ten runs, newest first, hours to days apart, on changes as a busy project numbers them. */
function runsOf(): Run[] {
  let at = NEWEST - prng.int(0, 19) * DAY;
  let change = prng.int(900_000, 959_999);
  return Array.from({ length: RUNS }, () => {
    const run = {
      timestamp: iso(at),
      change_number: change,
      patch_set: prng.int(1, 12),
      ci_result: prng.chance(5 / 6),
    };
    at -= prng.int(1, 72) * HOUR;
    change -= prng.int(1, 400);
    return run;
  });
}

/**
 * A record as long as real ones: a Zuul-style result line with its log URL, ~118 characters (the CI lines of a
 * review the original DriverLog recorded from Gerrit are 84 to 131), a change URL, and `last_success` when failing.
 */
function recordOf(driver: Driver, release: Release): VerificationRecord {
  const recent = runsOf();
  const newest = recent[0]!;
  const passed = recent.find((run) => run.ci_result);
  const url = (change: number) => `https://review.opendev.org/c/${driver.project_id}/+/${change}`;
  const job = `${driver.vendor}-${driver.name}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 20);
  const logs = `https://ci-logs.example.com/${newest.change_number % 100}/${newest.change_number}/${newest.patch_set}/check/${job}/${prng.hex(7)}`;
  const took = `${prng.int(1, 2)}h ${String(prng.int(0, 59)).padStart(2, '0')}m ${String(prng.int(0, 59)).padStart(2, '0')}s`;
  return {
    ci_result: newest.ci_result,
    review_url: url(newest.change_number),
    change_number: newest.change_number,
    patch_set: newest.patch_set,
    branch: release === releases.at(-1) ? 'master' : (release.branch ?? `stable/${release.id.toLowerCase()}`),
    ci_id: driver.ci!.id!,
    comment: `${job} ${logs} : ${newest.ci_result ? 'SUCCESS' : 'FAILURE'} in ${took}`,
    timestamp: newest.timestamp,
    ...(newest.ci_result || passed === undefined
      ? {}
      : { last_success: { review_url: url(passed.change_number), timestamp: passed.timestamp } }),
    recent,
  };
}

const drivers = ours.drivers.map((driver): Driver =>
  driver.ci === undefined
    ? driver
    : {
        ...driver,
        verification: Object.fromEntries(releases.map((release) => [release.id, recordOf(driver, release)])),
      },
);
const { text, runsText } = formatFiles({ ...ours, drivers });
const registryKb = Buffer.byteLength(text) / 1024;
const runsKb = Buffer.byteLength(runsText) / 1024;
const withCi = drivers.filter((driver) => driver.ci !== undefined).length;
console.log(
  `our registry at full load (${withCi} drivers with CI × ${releases.length} releases: ${releases.map((r) => r.id).join(', ')}; ${RUNS} runs each): registry ${registryKb.toFixed(0)} KB, runs file ${runsKb.toFixed(0)} KB`,
);
reportFigures([
  // Issue 11: "well under 1 MB".
  {
    name: 'registry, ours with every CI driver reporting 10 runs on five releases',
    value: registryKb,
    unit: 'KB',
    target: '< 1024 KB',
  },
  {
    name: 'runs file, ours with every CI driver reporting 10 runs on five releases',
    value: runsKb,
    unit: 'KB',
    target: '',
  },
]);

// How long `driverlog validate` takes, as a whole process, on a registry ten times the original's
// size: 2,210 drivers with maintainers, two thirds with a CI block (as in the original data) and
// those with one to three verification records.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRegistry } from '../backend/format/canonical.ts';
import type { Driver, Registry, Release } from '../backend/registry/types.ts';
import { reportFigures } from './report.ts';

const DRIVERS = 2210;
const RUNS = 7;
const root = join(import.meta.dirname, '..');

const MONTHS = ['Apr', 'Oct'];
const NAMES = [
  'Austin',
  'Bexar',
  'Cactus',
  'Diablo',
  'Essex',
  'Folsom',
  'Grizzly',
  'Havana',
  'Icehouse',
  'Juno',
  'Kilo',
  'Liberty',
  'Mitaka',
  'Newton',
  'Ocata',
  'Pike',
  'Queens',
  'Rocky',
  'Stein',
  'Train',
  'Ussuri',
  'Victoria',
  'Wallaby',
  'Xena',
  'Yoga',
  'Zed',
];

export function generateRegistry(driverCount: number): Registry {
  const projects = [
    'cinder',
    'designate',
    'glance',
    'ironic',
    'manila',
    'neutron',
    'nova',
    'octavia',
    'sahara',
    'swift',
  ].map((name) => ({ id: `openstack/${name}`, name: name[0]!.toUpperCase() + name.slice(1) }));
  const releases: Release[] = NAMES.map((id, i) => ({
    id,
    wiki: `https://releases.openstack.org/${id.toLowerCase()}/`,
    start: `${2010 + Math.floor(i / 2)}-${MONTHS[i % 2]}-15`,
    active: i >= NAMES.length - 4,
  }));
  const drivers: Driver[] = Array.from({ length: driverCount }, (_, i) => {
    const project = projects[i % projects.length]!;
    const vendor = `Vendor ${String(Math.floor(i / 7)).padStart(4, '0')}`;
    const job = `vendor-${Math.floor(i / 7)}-${project.name.toLowerCase()}-driver-${i % 7}`;
    const claimed = NAMES.slice(NAMES.length - 4 - (i % 6), NAMES.length);
    const hasCi = i % 3 !== 2;
    const verification: NonNullable<Driver['verification']> = {};
    for (const [k, release] of (hasCi ? claimed.slice(-1 - (i % 3)) : []).entries()) {
      const passed = (i + k) % 4 !== 0;
      verification[release] = {
        ci_result: passed,
        review_url: `https://review.opendev.org/c/${project.id}/+/${700000 + i * 3 + k}`,
        change_number: 700000 + i * 3 + k,
        patch_set: 1 + (k % 3),
        branch: release === 'Zed' ? 'master' : `stable/${release.toLowerCase()}`,
        ci_id: `vendor-${Math.floor(i / 7)}-ci`,
        comment: `- ${job} https://ci.example.org/logs/${i}/${k} : ${passed ? 'SUCCESS' : 'FAILURE'} in 1h 0${k}m 00s`,
        timestamp: `2024-0${1 + (k % 9)}-1${k}T10:00:0${k}Z`,
        ...(passed
          ? {}
          : {
              last_success: {
                review_url: `https://review.opendev.org/c/${project.id}/+/${600000 + i}`,
                timestamp: '2023-12-01T08:00:00Z',
              },
            }),
      };
    }
    return {
      project_id: project.id,
      vendor,
      name: `${vendor} ${project.name} driver ${i % 7}`,
      description: `The ${vendor} driver for ${project.name}, supporting replication, snapshots and thin provisioning.`,
      maintainers: Array.from({ length: 1 + (i % 2) }, (_, m) => ({
        name: `Maintainer ${i}-${m}`,
        email: `maintainer.${i}.${m}@vendor${Math.floor(i / 7)}.example.com`,
        irc: `maint${i}${m}`,
      })),
      wiki: `https://docs.example.com/vendor-${Math.floor(i / 7)}/${project.name.toLowerCase()}`,
      releases: claimed,
      ...(hasCi
        ? {
            ci: {
              id: `vendor-${Math.floor(i / 7)}-ci`,
              success_pattern: `${job} \\S+ : SUCCESS`,
              failure_pattern: `${job} \\S+ : FAILURE`,
            },
            verification,
          }
        : {}),
    };
  });
  return { projects, releases, drivers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(args: string[]): { ms: number; status: number | null } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin/driverlog.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { ms: performance.now() - start, status: result.status };
}

const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-'));
try {
  const file = join(dir, 'registry.json');
  const text = formatRegistry(generateRegistry(DRIVERS));
  writeFileSync(file, text);
  time(['--version']); // warm the transpile cache, as any second run has it
  const validate = Array.from({ length: RUNS }, () => time(['validate', file]));
  if (validate.some((run) => run.status !== 0))
    throw new Error(`validate did not pass on the generated registry: ${JSON.stringify(validate)}`);
  const startup = Array.from({ length: RUNS }, () => time(['--version']).ms);
  const { parseJsonSource } = await import('../backend/json/source.ts');
  const parseStart = performance.now();
  parseJsonSource(text);
  const parseMs = performance.now() - parseStart;

  const validateMs = median(validate.map((run) => run.ms));
  const startupMs = median(startup);
  console.log(
    `registry: ${DRIVERS} drivers, ${(text.length / 1e6).toFixed(2)} MB; ${RUNS} runs each, median`,
  );
  console.log('| measure | ms |\n|---|---|');
  console.log(`| node bin/driverlog.js validate FILE (whole process) | ${validateMs.toFixed(0)} |`);
  console.log(`| node bin/driverlog.js --version (startup alone) | ${startupMs.toFixed(0)} |`);
  console.log(`| validate minus startup (reading, checking, Ajv) | ${(validateMs - startupMs).toFixed(0)} |`);
  console.log(`| parse with positions (in process, cold) | ${parseMs.toFixed(0)} |`);
  reportFigures([
    {
      name: `validate ${DRIVERS} drivers (whole process, median)`,
      value: Math.round(validateMs),
      unit: 'ms',
      target: '< 1000 ms',
    },
    { name: 'CLI startup (--version)', value: Math.round(startupMs), unit: 'ms', target: '' },
    {
      name: `parse ${(text.length / 1e6).toFixed(1)} MB with positions (cold)`,
      value: Math.round(parseMs),
      unit: 'ms',
      target: '< 100 ms',
    },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

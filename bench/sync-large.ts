// How long `driverlog sync` takes when a project's matrix is huge: an INI matrix (sphinx-feature-classification)
// and an RST mapping (manila's grid tables) of 8,000 drivers each, in a local repository, read as a whole
// process, and each reader alone in process. Readers once copied a section per value and sorted a table's
// corners per cell: 8,000 INI drivers took 31 s, 50,000 RST rows 22 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatRegistry } from '../backend/format/canonical.ts';
import type { Registry } from '../backend/model/types.ts';
import { readIniMatrix } from '../backend/sync/ini-matrix.ts';
import { readManilaRst } from '../backend/sync/manila-rst.ts';
import { reportFigures } from './report.ts';

const DRIVERS = 8000;
// The fastest of several runs: the machine's other load only ever adds to a run's time.
const RUNS = 5;
const root = join(import.meta.dirname, '..');
const FEATURES = ['supported', 'qos', 'multiattach', 'replication', 'consistency_groups'];

function iniMatrix(): string {
  const lines: string[] = [];
  for (let i = 0; i < DRIVERS; i++) lines.push(`[driver.d${i}]`, `title=Driver ${i} (iSCSI)`, '');
  for (const feature of FEATURES) {
    lines.push(`[operation.${feature}]`, `title=${feature}`, 'status=optional');
    for (let i = 0; i < DRIVERS; i++) lines.push(`driver.d${i}=${i % 3 ? 'complete' : 'missing'}`);
    lines.push('');
  }
  return lines.join('\n');
}

function rstMapping(): string {
  const cell = (text: string, width: number) => ` ${text.padEnd(width - 1)}`;
  const widths = [24, ...FEATURES.map(() => 20)];
  const border = (c: string) => `+${widths.map((w) => c.repeat(w)).join('+')}+`;
  const row = (cells: string[]) => `|${cells.map((text, i) => cell(text, widths[i]!)).join('|')}|`;
  const lines = ['Mapping of share drivers and share features support', '='.repeat(52), ''];
  lines.push(border('-'), row(['Driver name', ...FEATURES.map((f) => f.replace(/_/g, ' '))]), border('='));
  for (let i = 0; i < DRIVERS; i++) {
    lines.push(row([`Back end ${i}`, ...FEATURES.map((_, k) => ((i + k) % 3 ? 'K' : '\\-'))]), border('-'));
  }
  return lines.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'driverlog-bench-sync-large-'));
try {
  const ini = iniMatrix();
  const rst = rstMapping();
  const files = { 'doc/support-matrix.ini': ini, 'doc/mapping.rst': rst };
  const repo = join(dir, 'upstream');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], {
      cwd: repo,
    });
  git('init', '--quiet', '--initial-branch=master');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'matrices');

  // One release, in development: the default branch is read. A hundred registry drivers linked to the matrix.
  const registry = (format: 'ini' | 'manila-rst', ids: (i: number) => string): Registry => ({
    projects: [
      {
        id: 'openstack/cinder',
        name: 'Cinder',
        upstream: {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: format === 'ini' ? 'doc/support-matrix.ini' : 'doc/mapping.rst',
          format,
        },
      },
    ],
    releases: [{ id: 'Future', wiki: 'https://releases.openstack.org/', start: '2999-04-01' }],
    drivers: Array.from({ length: 100 }, (_, i) => ({
      project_id: 'openstack/cinder',
      vendor: `Vendor ${String(i).padStart(3, '0')}`,
      name: `Driver ${i}`,
      upstream_id: ids(i * 80),
    })),
  });
  const data = join(dir, 'data.json');
  // GNU time, where there is one, also says the CPU time the run took (git included): on a shared machine
  // the wall time is mostly waiting for a core.
  const timed = existsSync('/usr/bin/time');
  const sync = (value: Registry): { ms: number; cpu?: number } => {
    writeFileSync(data, formatRegistry(value));
    const args = [join(root, 'bin/driverlog.js'), 'sync', '--data', data, '--project', 'openstack/cinder'];
    const [command, ...rest] = [
      ...(timed ? ['/usr/bin/time', '-f', 'cpu %U %S'] : []),
      process.execPath,
      ...args,
      '--git',
      repo,
    ];
    const start = performance.now();
    const result = spawnSync(command!, rest, { cwd: dir, encoding: 'utf8' });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`sync exited ${result.status}:\n${result.stderr}`);
    const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(result.stderr);
    return { ms, ...(cpu ? { cpu: (Number(cpu[1]) + Number(cpu[2])) * 1000 } : {}) };
  };
  spawnSync(process.execPath, [join(root, 'bin/driverlog.js'), '--version']); // warm the bundle
  const fastest = (value: () => Registry) => {
    const runs = Array.from({ length: RUNS }, () => sync(value()));
    const cpus = runs.flatMap((run) => (run.cpu === undefined ? [] : [run.cpu]));
    return { ms: Math.min(...runs.map((run) => run.ms)), cpu: cpus.length ? Math.min(...cpus) : undefined };
  };
  const iniRun = fastest(() => registry('ini', (i) => `d${i}`));
  const rstRun = fastest(() => registry('manila-rst', (i) => `back_end_${i}`));
  const inProcess = (read: () => unknown) => {
    const times = Array.from({ length: RUNS }, () => {
      const start = performance.now();
      read();
      return performance.now() - start;
    });
    return Math.min(...times);
  };
  const source = { ref: 'master', path: 'matrix' };
  const iniRead = inProcess(() => readIniMatrix(ini, source));
  const rstRead = inProcess(() => readManilaRst(rst, source));
  const kb = (text: string) => `${(text.length / 1024).toFixed(0)} KB`;
  console.log(
    `${DRIVERS} drivers × ${FEATURES.length} features; INI ${kb(ini)}, RST ${kb(rst)}; ${RUNS} runs`,
  );
  const figure = (name: string, value: number | undefined, target = '') =>
    value === undefined ? [] : [{ name, value: Math.round(value), unit: 'ms', target }];
  reportFigures([
    ...figure(`sync an INI matrix of ${DRIVERS} drivers (whole process, fastest)`, iniRun.ms, '< 1000 ms'),
    ...figure(`sync an INI matrix of ${DRIVERS} drivers: CPU time, git included`, iniRun.cpu, '< 1000 ms'),
    ...figure(`sync an RST mapping of ${DRIVERS} drivers (whole process, fastest)`, rstRun.ms, '< 1000 ms'),
    ...figure(`sync an RST mapping of ${DRIVERS} drivers: CPU time, git included`, rstRun.cpu, '< 1000 ms'),
    ...figure(`read the INI matrix of ${DRIVERS} drivers (in process, fastest)`, iniRead),
    ...figure(`read the RST mapping of ${DRIVERS} drivers (in process, fastest)`, rstRead),
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

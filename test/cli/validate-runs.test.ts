import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../backend/cli/main.ts';
import { formatRuns } from '../../backend/format/canonical.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry, RunsFile } from '../../backend/model/types.ts';
import { withJobTrailer } from '../../backend/model/job-trailer.ts';
import { fakeIo } from '../helpers/fake-io.ts';
import { aRun, validRegistry } from '../helpers/registry-fixture.ts';

// `driverlog validate` checks the runs file (default_data.runs.json) with its registry, and with
// --changed-since refuses runs a pull request wrote by hand, as it refuses hand-written verification.

const RUNS = 'default_data.runs.json';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

const run = aRun;

/** The valid registry with evidence and runs for both drivers on Rocky. */
function withRuns(): Registry {
  const registry = validRegistry();
  const rocky = registry.drivers[0]!.verification!.Rocky!;
  registry.drivers[1]!.ci = {
    id: 'acme-ci',
    success_pattern: 'acme-hypervisor-tempest \\S+ : SUCCESS',
    failure_pattern: 'acme-hypervisor-tempest \\S+ : FAILURE',
  };
  registry.drivers[1]!.verification = {
    Rocky: { ...rocky, change_number: 600005, recent: [run({ change_number: 600005 })] },
  };
  rocky.recent = [run(), run({ timestamp: '2018-08-31T10:00:00Z', change_number: 600000, ci_result: false })];
  return registry;
}

/** Writes the registry and its runs file as `driverlog update` would. */
function write(dir: string, registry: Registry, name = 'default_data.json'): void {
  const files = formatFiles(registry);
  writeFileSync(join(dir, name), files.text);
  writeFileSync(join(dir, name.replace(/\.json$/, '.runs.json')), files.runsText);
}

async function validate(cwd: string, ...args: string[]) {
  const { io, out } = fakeIo(cwd);
  const code = await main(['validate', ...args], io);
  return { code, ...out };
}

/** LINE:COLUMN of `key` on the first line of a file that contains `needle`. */
function placeOf(file: string, needle: string, key: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return `${index + 1}:${lines[index]!.indexOf(key) + 1}`;
}

describe('driverlog validate with a runs file', () => {
  it('passes a registry and its runs file, counted as one file', async () => {
    const dir = tempDir('driverlog-validate-runs-');
    write(dir, withRuns());
    expect(await validate(dir)).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
  });

  it('refuses a runs file named as FILE, naming its registry', async () => {
    const dir = tempDir('driverlog-validate-runs-');
    write(dir, withRuns());
    const result = await validate(dir, 'default_data.runs.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /default_data\.runs\.json is a runs file: name its registry, default_data\.json, which is validated with its runs file/,
    );
  });

  it("reports a runs file's problem at its line and column in the runs file", async () => {
    const dir = tempDir('driverlog-validate-runs-');
    const registry = withRuns();
    registry.drivers[0]!.verification!.Rocky!.recent![1]!.timestamp = '2099-01-01T00:00:00Z';
    write(dir, registry);
    const result = await validate(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${RUNS}:${placeOf(join(dir, RUNS), '2099', '"timestamp"')}  error  future-timestamp  /drivers/0/recent/Rocky/1/timestamp: timestamp "2099-01-01T00:00:00Z" is later than now`,
    );
    expect(result.stdout).toMatch(/\n1 error, 0 warnings in 1 file\n$/);
  });

  it("names the runs file beside a registry given by path, after the registry's problems", async () => {
    const dir = tempDir('driverlog-validate-runs-');
    mkdirSync(join(dir, 'data'));
    const registry = withRuns();
    registry.drivers[0]!.project_id = 'openstack/cindr';
    // More runs than `update` ever keeps.
    registry.drivers[1]!.verification!.Rocky!.recent = Array.from({ length: 11 }, (_, i) =>
      run({ change_number: 600100 + i }),
    );
    write(dir, registry, 'data/registry.json');
    const result = await validate(dir, '--format', 'json', 'data/registry.json');
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(problems.map((p) => [p.file, p.check, p.pointer, p.message])).toEqual([
      ['data/registry.json', 'unknown-project', '/drivers/0/project_id', expect.any(String)],
      [
        'data/registry.runs.json',
        'runs-schema',
        '/drivers/1/recent/Rocky',
        'has 11 items; at most 10 are allowed',
      ],
    ]);
    const [line, column] = placeOf(join(dir, 'data/registry.runs.json'), '600100', '{')
      .split(':')
      .map(Number);
    // The list starts on the line before its first run.
    expect([problems[1]!.line, problems[1]!.column]).toEqual([line! - 1, column! - 2]);
  });
});

describe('driverlog validate --changed-since with a runs file', () => {
  let dir: string;
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  const readRuns = (): RunsFile => JSON.parse(readFileSync(join(dir, RUNS), 'utf8')) as RunsFile;
  const editRuns = (change: (runs: RunsFile) => void): void => {
    const runs = readRuns();
    change(runs);
    writeFileSync(join(dir, RUNS), formatRuns(runs));
  };
  const flipAndDrop = (runs: RunsFile): void => {
    runs.drivers[0]!.recent.Rocky![1]!.ci_result = true;
    runs.drivers.splice(1, 1);
  };

  // main holds the registry and its runs; each case is a pull request branch on top of it.
  beforeEach(() => {
    dir = tempDir('driverlog-changed-runs-');
    git('init', '-q', '-b', 'main');
    const registry = withRuns();
    write(dir, registry);
    // Runs for a release without a record: a warning main already carries.
    editRuns((runs) => (runs.drivers[0]!.recent.Queens = [run({ timestamp: '2018-03-01T10:00:00Z' })]));
    git('add', '.');
    git('commit', '-q', '-m', 'registry');
    git('checkout', '-q', '-b', 'pr');
  });

  it('refuses a run whose result was flipped by hand, at its line in the runs file', async () => {
    editRuns((runs) => (runs.drivers[0]!.recent.Rocky![1]!.ci_result = true));
    git('commit', '-q', '-am', 'Acme: a better record');
    const result = await validate(dir, '--changed-since', 'main');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${RUNS}:${placeOf(join(dir, RUNS), '600000', '"ci_result"')}  error  machine-written  /drivers/0/recent/Rocky/1/ci_result: recent/Rocky/1/ci_result was changed since main, but only \`driverlog update\` writes recent, and no commit of it did this\n`,
    );
  });

  it('reads the history of the file a symlinked registry points to, not of the link', async () => {
    symlinkSync('default_data.json', join(dir, 'link.json'));
    const clean = await validate(dir, '--changed-since', 'main', 'link.json');
    expect(clean.stdout).not.toContain('machine-written');
    expect(clean.code).toBe(0);
    editRuns((runs) => (runs.drivers[0]!.recent.Rocky![1]!.ci_result = true));
    git('commit', '-q', '-am', 'Acme: a better record');
    const forged = await validate(dir, '--changed-since', 'main', 'link.json');
    expect(forged.code).toBe(1);
    expect(forged.stdout).toMatch(
      /machine-written {2}\/drivers\/0\/recent\/Rocky\/1\/ci_result: recent\/Rocky\/1\/ci_result was changed since main/,
    );
  });

  it("refuses a driver's runs deleted by hand, naming the driver", async () => {
    editRuns((runs) => runs.drivers.splice(1, 1));
    git('commit', '-q', '-am', 'Acme: start over');
    const result = await validate(dir, '--changed-since', 'main');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^default_data\.runs\.json:\d+:\d+ {2}error {2}machine-written {2}\/drivers\/1\/recent: recent was removed from driver "Acme \/ Acme hypervisor" of openstack\/nova since main/m,
    );
  });

  it('accepts the same changes made by a commit of `driverlog update`', async () => {
    editRuns(flipAndDrop);
    git('commit', '-q', '-am', withJobTrailer('Update recent CI runs', 'update'));
    const result = await validate(dir, '--changed-since', 'main');
    expect(result).toMatchObject({ code: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
    // The same change without the trailer is refused.
    git('commit', '-q', '--amend', '-m', 'Update recent CI runs');
    expect((await validate(dir, '--changed-since', 'main')).code).toBe(1);
  });

  it('refuses deleting the whole runs file, naming every driver whose runs went with it', async () => {
    git('rm', '-q', RUNS);
    git('commit', '-q', '-m', 'Remove the runs');
    const result = await validate(dir, '--changed-since', 'main');
    expect(result.code).toBe(1);
    const removed = [
      ...result.stdout.matchAll(
        /^default_data\.runs\.json:.* recent was removed from (driver .*) since main/gm,
      ),
    ];
    expect(removed.map((match) => match[1])).toEqual([
      'driver "Acme / Acme iSCSI driver" of openstack/cinder',
      'driver "Acme / Acme hypervisor" of openstack/nova',
    ]);
  });

  it('hides warnings on runs-file lines the change did not touch, and shows those it did', async () => {
    const all = await validate(dir);
    expect(all.stdout).toContain('warning  runs-without-record  /drivers/0/recent/Queens: ');

    const registry = JSON.parse(readFileSync(join(dir, 'default_data.json'), 'utf8')) as Registry;
    registry.drivers[0]!.description = 'Block storage on every Acme array.';
    writeFileSync(join(dir, 'default_data.json'), formatFiles(registry).text);
    git('commit', '-q', '-am', 'Acme: describe the driver');
    const vendor = await validate(dir, '--changed-since', 'main');
    expect(vendor).toMatchObject({
      code: 0,
      stdout: '0 errors, 0 warnings in 1 file\n',
      stderr: '1 warnings on lines not changed since main are not shown\n',
    });

    // The job's commit adds runs for a release without a record: on a changed line, so shown.
    editRuns((runs) => (runs.drivers[1]!.recent.Queens = [run({ timestamp: '2018-03-02T10:00:00Z' })]));
    git('commit', '-q', '-am', withJobTrailer('Update recent CI runs', 'update'));
    const job = await validate(dir, '--changed-since', 'main');
    expect(job.code).toBe(0);
    expect(job.stdout).toMatch(
      /^default_data\.runs\.json:\d+:\d+ {2}warning {2}runs-without-record {2}\/drivers\/1\/recent\/Queens: /m,
    );
    expect(job.stdout).not.toContain('/drivers/0/recent/Queens');
    expect(job.stdout).toMatch(/\n0 errors, 1 warning in 1 file\n$/);
  });
});

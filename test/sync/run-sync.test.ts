import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import type { SyncReport } from '../../backend/sync/report.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { gitIn, makeRepo, tempDir } from './helpers/git-repo.ts';
import { MAPPING } from './helpers/manila-mapping.ts';
import { iniMatrix, MATRIX_PATH } from './helpers/matrices.ts';
import { historyRegistry, makeHistory, type History } from './helpers/upstream-history.ts';

let history: History;
let dir: string;
let data: string;

function writeRegistry(registry: Registry): string {
  const text = formatRegistry(registry);
  writeFileSync(data, text);
  return text;
}
const read = () => readFileSync(data, 'utf8');
const registryNow = () => JSON.parse(read()) as Registry;
const sync = (...args: string[]) =>
  cli(['sync', '--data', 'data.json', '--project', 'openstack/cinder', '--git', history.repo.dir, ...args], {
    cwd: dir,
  });

beforeEach(() => {
  history = makeHistory();
  dir = tempDir('data');
  data = join(dir, 'data.json');
  writeRegistry(historyRegistry());
});

describe('driverlog sync', () => {
  it('reads each release at the ref its rule gives, and writes a file that validates and is canonical', async () => {
    const run = await sync('--report', 'report.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SyncReport;
    const refs = Object.fromEntries(report.projects[0]!.releases.map((r) => [r.release, [r.ref, r.rule]]));
    expect(refs).toEqual({
      Queens: ['queens-eol', 'tag'],
      Rocky: ['rocky-eol', 'tag'],
      Stein: ['unmaintained/stein', 'branch'],
      Train: ['stable/train', 'branch'],
      Ussuri: ['master', 'development'],
      Victoria: [undefined, undefined],
    });
    expect(run.stdout).toMatch(
      /Queens +queens-eol \(tag\) no data: queens-eol has no doc\/source\/reference\/support-matrix\.ini/,
    );
    expect(run.stdout).toMatch(/Victoria +no data: no branch stable\/victoria/);
    expect(run.stdout).toMatch(/Stein +unmaintained\/stein \(branch\) [0-9a-f]{12}: 2 drivers, 3 features/);
    expect((await cli(['validate', 'data.json'], { cwd: dir })).code).toBe(0);
    expect((await cli(['format', '--check', 'data.json'], { cwd: dir })).code).toBe(0);
    const acme = registryNow().drivers.find((d) => d.upstream_id === 'acme')!;
    expect(acme.upstream!.in_tree).toEqual(['Rocky', 'Stein', 'Train', 'Ussuri']);
    expect(registryNow().projects[0]!.features!.map((f) => f.id)).toEqual([
      'supported',
      'qos',
      'multiattach',
    ]);
  });

  it('changes only what sync owns: every other line of the file stays as it was', async () => {
    const before = read();
    await sync();
    const after = read();
    const strip = (text: string) => {
      const registry = JSON.parse(text) as Registry;
      for (const project of registry.projects) delete project.features;
      for (const driver of registry.drivers) delete driver.upstream;
      return formatRegistry(registry);
    };
    expect(after).not.toBe(before);
    expect(strip(after)).toBe(before);
  });

  it('leaves the file byte-identical on a second run, and --check then passes', async () => {
    await sync('--add-new');
    const once = read();
    const again = await sync('--add-new');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/data\.json unchanged/);
    expect(read()).toBe(once);
    const check = await sync('--check');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/up to date/);
  });

  it('--check writes nothing and exits 1 naming what would change', async () => {
    await sync();
    const synced = read();
    history.repo.commit('2020-03-01T12:00:00Z', {
      [MATRIX_PATH]: iniMatrix(
        [
          { id: 'supported', title: 'Driver is supported', status: 'mandatory' },
          { id: 'qos', title: 'Supports QoS' },
          { id: 'multiattach', title: 'Supports multi-attach' },
        ],
        [
          {
            id: 'acme',
            title: 'Acme Storage Driver (iSCSI)',
            values: { supported: 'complete', qos: 'complete', multiattach: 'complete' },
          },
        ],
      ),
    });
    const check = await sync('--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/changes: acme gains multiattach in Ussuri/);
    expect(check.stdout).toMatch(/data\.json is behind the projects' matrices: run `driverlog sync`/);
    expect(read()).toBe(synced);
  });

  it('--add-new adds the unlinked matrix drivers and lists them for review; without it lists them', async () => {
    const plain = await sync();
    expect(plain.stdout).toMatch(
      /in tree, not in the registry \(3\):\n {4}zeta: Zeta Driver \(FC\) \(Rocky–Ussuri\)/,
    );
    expect(plain.stdout).toMatch(
      /linked, but no matrix lists them \(1\):\n {4}openstack\/cinder:Vanished:Vanished driver/,
    );
    const added = await sync('--add-new');
    expect(added.stdout).toMatch(/added, vendor to review \(3\):\n {4}zeta: Zeta \/ Zeta Driver \(FC\)/);
    expect(
      registryNow()
        .drivers.map((d) => d.upstream_id)
        .filter(Boolean),
    ).toEqual(['acme', 'ghost', 'omega', 'vanished', 'zeta']);
  });

  it('reads upstream.refs before any rule, and refuses a ref the repository does not have', async () => {
    const registry = historyRegistry();
    registry.projects[0]!.upstream!.refs = { Victoria: history.commits.rocky, Queens: 'rocky-eol' };
    writeRegistry(registry);
    const run = await sync('--report', 'report.json');
    expect(run.code).toBe(0);
    const releases = (JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SyncReport).projects[0]!
      .releases;
    expect(releases.find((r) => r.release === 'Queens')).toMatchObject({
      ref: 'rocky-eol',
      rule: 'refs',
      drivers: 3,
    });
    expect(releases.find((r) => r.release === 'Victoria')).toMatchObject({
      rule: 'refs',
      commit: history.commits.rocky,
    });

    registry.projects[0]!.upstream!.refs = { Victoria: 'victoria-eol' };
    const text = writeRegistry(registry);
    const bad = await sync();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /upstream\.refs\.Victoria is "victoria-eol", which .* has no branch, tag or commit of/,
    );
    expect(read()).toBe(text);
  });

  it('refuses a malformed matrix at REF:PATH:LINE and writes nothing', async () => {
    history.repo.git('checkout', '--quiet', 'stable/train');
    history.repo.commit('2019-10-05T12:00:00Z', {
      [MATRIX_PATH]: '[driver.acme]\ntitle=Acme\n\n[operation.qos]\ntitle=QoS\ndriver.acme=yes\n',
    });
    history.repo.git('checkout', '--quiet', 'master');
    const before = read();
    const run = await sync('--add-new');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `driverlog sync: stable/train:${MATRIX_PATH}:6: [operation.qos] driver.acme = "yes" is not complete, partial, missing or unknown\n    hint: write one of complete, partial, missing, unknown\n`,
    );
    expect(read()).toBe(before);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('clones a URL into .driverlog-cache beside the data file', async () => {
    const registry = historyRegistry();
    registry.projects[0]!.upstream!.git = pathToFileURL(history.repo.dir).href;
    writeRegistry(registry);
    const run = await cli(['sync', '--data', 'data.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, '.driverlog-cache'))).toHaveLength(1);
    expect(registryNow().drivers.find((d) => d.upstream_id === 'acme')!.upstream!.in_tree).toHaveLength(4);
  });

  it("reads a project whose matrix is in manila's RST format", async () => {
    const manila = makeRepo();
    const path = 'doc/source/admin/share_back_ends_feature_support_mapping.rst';
    manila.commit('2020-02-01T12:00:00Z', { [path]: MAPPING });
    const registry = historyRegistry();
    registry.projects.push({
      id: 'openstack/manila',
      name: 'Manila (Shared File Storage)',
      upstream: { git: 'https://opendev.org/openstack/manila', support_matrix: path, format: 'manila-rst' },
    });
    registry.drivers.push({
      project_id: 'openstack/manila',
      vendor: 'Acme',
      name: 'Acme NAS driver',
      upstream_id: 'acme_nas',
    });
    writeRegistry(registry);
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', 'openstack/manila', '--git', manila.dir],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Ussuri +master \(development\) [0-9a-f]{12}: 3 drivers, 5 features/);
    expect(run.stdout).toMatch(/"Unknown box" is not a back end of the first table; row skipped/);
    const acme = registryNow().drivers.find((d) => d.upstream_id === 'acme_nas')!;
    expect(acme.upstream).toMatchObject({
      title: 'Acme NAS',
      in_tree: ['Ussuri'],
      features: { extend_share: [['Ussuri', 'complete']], read_write_ipv6: [['Ussuri', 'missing']] },
      notes: { revert_to_snapshot: 'NFS (M)' },
    });
  });

  it('--commit commits the data file with a message saying what changed', async () => {
    gitIn(dir, ['init', '--quiet', '--initial-branch=main']);
    gitIn(dir, ['config', 'user.name', 'Sync Test']);
    gitIn(dir, ['config', 'user.email', 'sync@test.invalid']);
    gitIn(dir, ['add', 'data.json']);
    gitIn(dir, ['commit', '--quiet', '-m', 'registry']);
    const run = await sync('--commit');
    expect(run.code).toBe(0);
    expect(gitIn(dir, ['log', '-1', '--format=%s']).trim()).toBe('sync: cinder (3 changes)');
    expect(gitIn(dir, ['log', '-1', '--format=%b'])).toMatch(
      /cinder:\n- matrix read for Rocky, Stein, Train, Ussuri\n/,
    );
    expect(gitIn(dir, ['status', '--porcelain']).trim()).toBe('');
    expect(run.stdout).toMatch(/committed [0-9a-f]{12} sync: cinder/);
  });

  it.each([
    [['--git', '/tmp'], 2, /--git needs --project/],
    [
      ['--project', 'openstack/cinder', '--project', 'openstack/nova', '--git', '/tmp'],
      2,
      /give a single --project/,
    ],
    [['--project', 'openstack/cindr'], 2, /--project openstack\/cindr: no such project/],
    [['--project', 'openstack/nova'], 1, /openstack\/nova has no "upstream"/],
    [['--check', '--commit'], 2, /--check writes nothing: there is nothing to --commit/],
  ])('refuses %j', async (args, code, message) => {
    const run = await cli(['sync', '--data', 'data.json', ...args], { cwd: dir });
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });

  it('says so when no release has the matrix file', async () => {
    const registry = historyRegistry();
    registry.projects[0]!.upstream!.support_matrix = 'doc/support-matrix.ini';
    const text = writeRegistry(registry);
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/openstack\/cinder: no release has doc\/support-matrix\.ini in /);
    expect(read()).toBe(text);
    expect(existsSync(join(dir, 'data.json.lock'))).toBe(false);
  });
});

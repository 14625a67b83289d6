// `driverlog sync --deliverables` over a real temporary openstack/releases and deliverables' own repositories.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import { driverOrigin, ORIGIN_LABELS } from '../../backend/model/upstream-tables.ts';
import { readDeliverableFile, shippedRelease } from '../../backend/sync/deliverable-file.ts';
import { MatrixError } from '../../backend/sync/errors.ts';
import { mergeProject } from '../../backend/sync/merge.ts';
import type { SyncReport } from '../../backend/sync/report.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { makeRepo, tempDir } from './helpers/git-repo.ts';
import { HISTORY_RELEASES } from './helpers/upstream-history.ts';

const deliverable = (team: string, type: string, versions: Array<[string, string]>) =>
  [
    '---',
    `team: ${team}`,
    `type: ${type}`,
    'releases:',
    ...versions.flatMap(([version, hash]) => [
      `  - version: ${version}`,
      '    projects:',
      `      - repo: openstack/${hash.split('@')[0]}`,
      `        hash: ${hash.split('@')[1]}`,
    ]),
    '',
  ].join('\n');

/** A deliverable's own repository: its setup.cfg declares `points` in entry point groups. */
function pluginRepo(points: Record<string, string[]>) {
  const repo = makeRepo();
  const groups = Object.entries(points).flatMap(([group, names]) => [
    `${group} =`,
    ...names.map((name) => `    ${name} = plugin.driver:${name.replace(/\W/g, '')}`),
  ]);
  const commit = repo.commit('2020-01-10T12:00:00Z', {
    'setup.cfg': ['[metadata]', 'name = plugin', '', '[entry_points]', ...groups, ''].join('\n'),
  });
  return { dir: repo.dir, commit };
}

function world() {
  const widget = pluginRepo({ 'neutron.ml2.mechanism_drivers': ['widget'] });
  const provider = pluginRepo({ 'octavia.api.drivers': ['ovn'] });
  const nothing = pluginRepo({ 'neutron.service_plugins': ['nothing'] });
  const releases = makeRepo();
  releases.commit('2020-03-01T12:00:00Z', {
    'deliverables/stein/networking-acme.yaml': deliverable('neutron', 'other', [
      ['1.0.0.0rc1', 'networking-acme@' + 'a'.repeat(40)],
      ['1.0.0', 'networking-acme@' + 'b'.repeat(40)],
      ['stein-eol', 'networking-acme@' + 'b'.repeat(40)],
    ]),
    'deliverables/ussuri/networking-acme.yaml': deliverable('neutron', 'other', [
      ['2.0.0.0b1', 'networking-acme@' + 'c'.repeat(40)],
    ]),
    'deliverables/ussuri/neutron.yaml': deliverable('neutron', 'service', [
      ['16.0.0', 'neutron@' + 'd'.repeat(40)],
    ]),
    'deliverables/ussuri/octavia.yaml': deliverable('octavia', 'service', [
      ['6.0.0', 'octavia@' + 'e'.repeat(40)],
    ]),
    'deliverables/ussuri/ironic.yaml': deliverable('ironic', 'service', [
      ['14.0.0', 'ironic@' + 'f'.repeat(40)],
    ]),
    'deliverables/ussuri/networking-widget.yaml': deliverable('ironic', 'other', [
      ['3.0.0', `networking-widget@${widget.commit}`],
    ]),
    'deliverables/ussuri/ovn-provider.yaml': deliverable('neutron', 'other', [
      ['1.0.0', `ovn-provider@${provider.commit}`],
    ]),
    'deliverables/ussuri/networking-nothing.yaml': deliverable('neutron', 'other', [
      ['1.0.0', `networking-nothing@${nothing.commit}`],
    ]),
    // Never opened: a client library is no driver (and this one has no repository to open).
    'deliverables/ussuri/python-neutronclient.yaml': deliverable('neutron', 'client-library', [
      ['7.0.0', 'python-neutronclient@' + '1'.repeat(40)],
    ]),
  });
  return {
    releases,
    repos: { 'networking-widget': widget, 'ovn-provider': provider, 'networking-nothing': nothing },
  };
}

const REGISTRY: Registry = {
  projects: [
    { id: 'openstack/neutron', name: 'Neutron (Networking)' },
    {
      id: 'openstack/octavia',
      name: 'Octavia (Load Balancing)',
      upstream: { git: 'https://opendev.org/openstack/octavia', support_matrix: 'm.ini' },
    },
    { id: 'openstack/ironic', name: 'Ironic' },
  ],
  releases: HISTORY_RELEASES,
  drivers: [
    {
      project_id: 'openstack/neutron',
      vendor: 'Acme',
      name: 'Acme ML2 driver',
      upstream_deliverable: 'networking-acme',
    },
    {
      project_id: 'openstack/neutron',
      vendor: 'Gone',
      name: 'Gone ML2 driver',
      upstream_deliverable: 'networking-gone',
    },
    {
      project_id: 'openstack/octavia',
      vendor: 'OpenStack Community',
      name: 'OVN Provider',
      upstream_id: 'ovn',
    },
    { project_id: 'openstack/neutron', vendor: 'Zeta', name: 'Zeta plugin' },
  ],
};

function setUp() {
  const dir = tempDir('data');
  writeFileSync(join(dir, 'data.json'), formatRegistry(REGISTRY));
  return {
    dir,
    text: () => readFileSync(join(dir, 'data.json'), 'utf8'),
    read: () => JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')) as Registry,
  };
}

/** `driverlog sync --deliverables` on data.json in `dir`, reading openstack/releases from `releases`. */
const syncDeliverables = (dir: string, releases: string, ...more: string[]) =>
  cli(['sync', '--data', 'data.json', '--deliverables', '--git', releases, ...more], { cwd: dir });

describe('driverlog sync --deliverables', () => {
  it('writes, for each linked driver, the releases that ship its deliverable and the version each ships', async () => {
    const { releases } = world();
    const { dir, read } = setUp();
    const run = await syncDeliverables(dir, releases.dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const acme = read().drivers.find((d) => d.name === 'Acme ML2 driver')!;
    expect(acme.upstream).toEqual({
      in_tree: ['Stein', 'Ussuri'],
      kind: 'out-of-tree',
      // The newest final version; before one, the newest milestone. End-of-life markers are no versions.
      deliverable: {
        name: 'networking-acme',
        versions: [
          ['Stein', '1.0.0'],
          ['Ussuri', '2.0.0.0b1'],
        ],
      },
    });
    expect(driverOrigin(acme)).toBe('out-of-tree');
    expect(ORIGIN_LABELS[driverOrigin(read().drivers.find((d) => d.name === 'Zeta plugin')!)]).toBe(
      'vendor-maintained, outside OpenStack’s releases',
    );
    expect(run.stdout).toMatch(
      /linked, but no release ships the deliverable \(1\):\n {4}openstack\/neutron:Gone:Gone ML2 driver: networking-gone/,
    );
    expect((await cli(['validate', 'data.json'], { cwd: dir })).code).toBe(0);
    const check = await syncDeliverables(dir, releases.dir, '--check');
    expect(check.code).toBe(0);
  });

  it('with --add-new reads the teams’ deliverables at their newest release and adds those that plug in', async () => {
    const { releases, repos } = world();
    const { dir, read } = setUp();
    const run = await syncDeliverables(
      dir,
      releases.dir,
      '--add-new',
      ...Object.entries(repos).flatMap(([name, repo]) => ['--deliverable-git', `${name}=${repo.dir}`]),
      '--report',
      'report.json',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const widget = read().drivers.find((d) => d.upstream_deliverable === 'networking-widget')!;
    expect(widget).toMatchObject({
      project_id: 'openstack/neutron',
      vendor: 'OpenStack Community',
      name: 'networking-widget',
      upstream: { kind: 'out-of-tree', in_tree: ['Ussuri'] },
    });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SyncReport;
    expect(report.deliverables!.skipped).toEqual([
      {
        project: 'openstack/octavia',
        deliverable: 'ovn-provider',
        reason:
          "openstack/octavia's own matrix lists it as ovn (openstack/octavia:OpenStack Community:OVN Provider)",
      },
    ]);
    expect(report.deliverables!.read.map((d) => [d.name, d.plugs])).toEqual([
      ['networking-nothing', []],
      ['networking-widget', ['neutron.ml2.mechanism_drivers: widget']],
      ['ovn-provider', ['octavia.api.drivers: ovn']],
    ]);
    expect(read().drivers.some((d) => d.upstream_deliverable === 'networking-nothing')).toBe(false);
  });

  it('refuses a malformed deliverable file at REF:PATH:LINE and writes nothing', async () => {
    const { releases } = world();
    releases.commit('2020-04-01T12:00:00Z', {
      'deliverables/stein/networking-acme.yaml':
        '---\nteam: neutron\nreleases:\n  - version: 1.0.0\n   projects: []\n',
    });
    const { dir, text } = setUp();
    const before = text();
    const run = await syncDeliverables(dir, releases.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^driverlog sync: master:deliverables\/stein\/networking-acme\.yaml:5: /);
    expect(text()).toBe(before);
  });

  it('names the repository it cannot open with --add-new, and writes nothing', async () => {
    const { releases } = world();
    const { dir, text } = setUp();
    const before = text();
    const run = await syncDeliverables(
      dir,
      releases.dir,
      '--add-new',
      '--deliverable-git',
      'networking-nothing=missing-folder',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing-folder is not a folder|cannot clone/);
    expect(text()).toBe(before);
  });
});

describe('the two passes of sync', () => {
  it('keep each other’s fields: a matrix sync leaves a deliverable’s facts as they are', () => {
    const facts = {
      in_tree: ['Stein'],
      kind: 'out-of-tree' as const,
      deliverable: { name: 'networking-acme', versions: [['Stein', '1.0.0']] as Array<[string, string]> },
    };
    const registry: Registry = {
      ...REGISTRY,
      drivers: [{ ...REGISTRY.drivers[0]!, upstream: facts }],
    };
    const matrix = {
      features: [],
      drivers: [{ id: 'ovs', title: 'Open vSwitch', values: new Map(), notes: new Map() }],
      warnings: [],
    };
    const merged = mergeProject(registry, 'openstack/neutron', [{ release: 'Stein', matrix }], {
      addNew: false,
    });
    expect(merged.registry.drivers[0]!.upstream).toEqual(facts);
  });
});

describe('readDeliverableFile', () => {
  it('reads the releases and their commits; a series ships its newest final version', () => {
    const file = readDeliverableFile(
      deliverable('ironic', 'other', [
        ['7.5.0', 'networking-x@' + 'a'.repeat(40)],
        ['7.6.0', 'networking-x@' + 'b'.repeat(40)],
        ['zed-eom', 'networking-x@' + 'b'.repeat(40)],
      ]),
      { ref: 'master', path: 'deliverables/zed/networking-x.yaml' },
    );
    expect(file.team).toBe('ironic');
    expect(shippedRelease(file)!.version).toBe('7.6.0');
    expect(shippedRelease({ releases: [{ version: 'zed-eol', hashes: new Map() }] })).toBeUndefined();
  });

  it('refuses a release without a version at its line', () => {
    const source = { ref: 'master', path: 'deliverables/zed/x.yaml' };
    expect(() => readDeliverableFile('---\nreleases:\n  - projects: []\n', source)).toThrow(MatrixError);
    try {
      readDeliverableFile('---\nreleases:\n  - projects: []\n', source);
    } catch (error) {
      expect((error as MatrixError).where).toBe('master:deliverables/zed/x.yaml:3');
    }
  });
});

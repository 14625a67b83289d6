// `driverlog sync` over projects read by the new readers: several matrix files per project, status words,
// each over a real temporary git repository, through the command line.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import type { Registry } from '../../backend/model/types.ts';
import { supportedByProject } from '../../backend/model/upstream-signals.ts';
import { featureTables } from '../../backend/model/upstream-tables.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { gradesIni } from './helpers/designate-grades.ts';
import { makeRepo, tempDir } from './helpers/git-repo.ts';
import { iniMatrix } from './helpers/matrices.ts';
import { HISTORY_RELEASES } from './helpers/upstream-history.ts';

const GENERAL = 'doc/source/feature_classification/general_feature_support_matrix.ini';
const PROVIDER = 'doc/source/feature_classification/provider_network_support_matrix.ini';

const ovs = { id: 'ovs', title: 'Open vSwitch' };
const linuxbridge = { id: 'linuxbridge', title: 'Linux Bridge' };

/** A neutron-like history: Stein lists ovs and linuxbridge, master (Ussuri) ovs alone. */
function neutronLike() {
  const repo = makeRepo();
  const general = (drivers: Array<{ id: string; title: string }>) =>
    iniMatrix(
      [
        { id: 'Networks', title: 'Networks', status: 'mandatory' },
        { id: 'DVR', title: 'Distributed Virtual Routers', status: 'immature' },
      ],
      drivers.map((d) => ({
        ...d,
        values: { Networks: 'complete', DVR: d.id === 'ovs' ? 'complete' : 'missing' },
      })),
    ) + '\n[operations.Routed_Provider_Networks]\ntitle=Routed Provider Networks\ndriver.ovs=partial\n';
  // "Networks" is in both files from Ussuri on: its id is prefixed in every release, Stein's too.
  const provider = (drivers: Array<{ id: string; title: string }>, shared: boolean) =>
    iniMatrix(
      [
        { id: 'VLAN', title: 'VLAN provider network support', status: 'mature' },
        ...(shared ? [{ id: 'Networks', title: 'Provider networks', status: 'mature' }] : []),
      ],
      drivers.map((d) => ({ ...d, values: { VLAN: 'complete', Networks: 'partial' } })),
    );
  repo.commit('2019-03-20T12:00:00Z', {
    [GENERAL]: general([ovs, linuxbridge]),
    [PROVIDER]: provider([ovs, linuxbridge], false),
  });
  repo.git('branch', 'stable/stein');
  repo.commit('2020-02-01T12:00:00Z', { [GENERAL]: general([ovs]), [PROVIDER]: provider([ovs], true) });
  return repo;
}

function registryFor(project: Registry['projects'][number], drivers: Registry['drivers'] = []): Registry {
  return { projects: [project], releases: HISTORY_RELEASES, drivers };
}

function setUp(registry: Registry) {
  const dir = tempDir('data');
  writeFileSync(join(dir, 'data.json'), formatRegistry(registry));
  const read = () => JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8')) as Registry;
  return { dir, read, text: () => readFileSync(join(dir, 'data.json'), 'utf8') };
}

const NEUTRON = {
  id: 'openstack/neutron',
  name: 'Neutron (Networking)',
  upstream: { git: 'https://opendev.org/openstack/neutron', support_matrix: [GENERAL, PROVIDER] },
};

describe('sync of a project with several matrix files', () => {
  it('reads both files at each ref: one driver across files, shared ids prefixed by file in every release', async () => {
    const repo = neutronLike();
    const { dir, read } = setUp(
      registryFor(NEUTRON, [
        {
          project_id: NEUTRON.id,
          vendor: 'OpenStack Community',
          name: 'Linux Bridge Plugin',
          upstream_id: 'linuxbridge',
        },
      ]),
    );
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', NEUTRON.id, '--git', repo.dir, '--add-new'],
      {
        cwd: dir,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const project = read().projects[0]!;
    expect(project.features!.map((f) => [f.id, f.matrix])).toEqual([
      ['general_feature_support_matrix.Networks', GENERAL],
      ['DVR', GENERAL],
      ['VLAN', PROVIDER],
      ['provider_network_support_matrix.Networks', PROVIDER],
    ]);
    expect(featureTables(project).map((table) => [table.title, table.features.length])).toEqual([
      ['general_feature_support_matrix', 2],
      ['provider_network_support_matrix', 2],
    ]);
    const bridge = read().drivers.find((d) => d.upstream_id === 'linuxbridge')!;
    // Listed in Stein, gone from master: the removal shows as the end of in_tree.
    expect(bridge.upstream!.in_tree).toEqual(['Stein']);
    expect(bridge.upstream!.features!['general_feature_support_matrix.Networks']).toEqual([
      ['Stein', 'complete'],
    ]);
    expect(bridge.upstream!.features!.VLAN).toEqual([['Stein', 'complete']]);
    const added = read().drivers.find((d) => d.upstream_id === 'ovs')!;
    expect(added.upstream!.features!['provider_network_support_matrix.Networks']).toEqual([
      ['Stein', null],
      ['Ussuri', 'partial'],
    ]);
    expect(run.stdout).toMatch(
      /warnings \(2\):\n {4}stable\/stein:doc\/source\/feature_classification\/general_feature_support_matrix\.ini:\d+: \[operations\.Routed_Provider_Networks\] is not read/,
    );
    expect((await cli(['validate', 'data.json'], { cwd: dir })).code).toBe(0);
    const check = await cli(
      ['sync', '--data', 'data.json', '--project', NEUTRON.id, '--git', repo.dir, '--check'],
      {
        cwd: dir,
      },
    );
    expect(check.code).toBe(0);
  });

  it('refuses a malformed second file at REF:PATH:LINE and writes nothing', async () => {
    const repo = neutronLike();
    repo.commit('2020-03-01T12:00:00Z', {
      [PROVIDER]: '[driver.ovs]\ntitle=OVS\n\n[operation.VLAN]\ntitle=VLAN\ndriver.ovs=sometimes\n',
    });
    const { dir, text } = setUp(registryFor(NEUTRON));
    const before = text();
    const run = await cli(['sync', '--data', 'data.json', '--project', NEUTRON.id, '--git', repo.dir], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`master:${PROVIDER}:6: \\[operation\\.VLAN\\] driver\\.ovs = "sometimes"`),
    );
    expect(text()).toBe(before);
  });
});

const DESIGNATE_PATH = 'doc/source/admin/support-matrix.ini';
const designateMatrix = (status: string) => `[DEFAULT]
maintainers=Designate Team
notes=None
type=xfr
in-tree=True
repository=Designate Repository

[backends]
backend-impl-bind9=Bind9
backend-impl-acme=Acme DNS

[backends.backend-impl-bind9]
status=integrated

[backends.backend-impl-acme]
status=${status}
maintainers=Acme Team <team@acme.example>

${gradesIni(['integrated', 'untested', 'failing'])}`;

describe('sync of a project with status words', () => {
  it('writes the project’s words in its order and each driver’s word per release; "failing" is not support', async () => {
    const repo = makeRepo();
    repo.commit('2019-03-20T12:00:00Z', { [DESIGNATE_PATH]: designateMatrix('untested') });
    repo.git('branch', 'stable/stein');
    const project = {
      id: 'openstack/designate',
      name: 'Designate',
      upstream: {
        git: 'https://opendev.org/openstack/designate',
        support_matrix: DESIGNATE_PATH,
        format: 'designate-ini' as const,
      },
    };
    const { dir, read } = setUp(
      registryFor(project, [
        { project_id: project.id, vendor: 'Acme', name: 'Acme DNS backend', upstream_id: 'acme' },
      ]),
    );
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', project.id, '--git', repo.dir, '--add-new'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    repo.commit('2020-02-01T12:00:00Z', { [DESIGNATE_PATH]: designateMatrix('failing') });
    const again = await cli(['sync', '--data', 'data.json', '--project', project.id, '--git', repo.dir], {
      cwd: dir,
    });
    expect(again.stdout).toMatch(/changes: matrix read for Ussuri; acme becomes failing in Ussuri/);
    const registry = read();
    expect(registry.projects[0]!.upstream!.statuses!.map((s) => [s.id, s.supported])).toEqual([
      ['integrated', true],
      ['untested', true],
      ['failing', false],
    ]);
    expect(registry.projects[0]!.features).toBeUndefined();
    const acme = registry.drivers.find((d) => d.upstream_id === 'acme')!;
    expect(acme.upstream).toEqual({
      title: 'Acme DNS',
      in_tree: ['Stein', 'Ussuri'],
      status: [
        ['Stein', 'untested'],
        ['Ussuri', 'failing'],
      ],
      maintainers: [{ name: 'Acme Team' }],
    });
    expect(supportedByProject(registry.projects[0]!, acme, 'Stein', HISTORY_RELEASES)).toBe(true);
    expect(supportedByProject(registry.projects[0]!, acme, 'Ussuri', HISTORY_RELEASES)).toBe(false);
    expect(registry.drivers.find((d) => d.upstream_id === 'bind9')!.vendor).toBe('ISC');
    expect((await cli(['validate', 'data.json'], { cwd: dir })).code).toBe(0);
  });
});

const shared = new URL('../../../shared/fixtures/openstack-upstream/neutron/', import.meta.url);

describe.skipIf(!existsSync(shared))('sync of neutron’s real general matrix (../shared)', () => {
  it('reads ovs and ovn, and warns of the misspelt section it skips', async () => {
    const repo = makeRepo();
    repo.commit('2020-02-01T12:00:00Z', {
      [GENERAL]: readFileSync(new URL('general_feature_support_matrix.ini', shared), 'utf8'),
    });
    const { dir, read } = setUp(
      registryFor({ ...NEUTRON, upstream: { ...NEUTRON.upstream, support_matrix: GENERAL } }),
    );
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', NEUTRON.id, '--git', repo.dir, '--add-new'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(
      read()
        .drivers.map((d) => d.upstream_id)
        .sort(),
    ).toEqual(['ovn', 'ovs']);
    expect(run.stdout).toMatch(/\[operations\.Routed_Provider_Networks\] is not read/);
    expect(read().projects[0]!.features!.map((f) => f.id)).not.toContain('Routed_Provider_Networks');
  });
});

describe('sync --repos', () => {
  it('reads each project’s repository from the folder, by the name its URL ends with', async () => {
    const folder = tempDir('repos');
    const repo = neutronLike();
    execFileSync('git', ['clone', '--quiet', '--bare', repo.dir, join(folder, 'neutron.git')]);
    const { dir, read } = setUp(registryFor(NEUTRON));
    const run = await cli(['sync', '--data', 'data.json', '--repos', folder, '--add-new'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`(${join(folder, 'neutron.git')} at `);
    expect(
      read()
        .drivers.map((d) => d.upstream_id)
        .sort(),
    ).toEqual(['linuxbridge', 'ovs']);
  });

  it('refuses --git with --repos, and --deliverable-git without --deliverables', async () => {
    const { dir } = setUp(registryFor(NEUTRON));
    const both = await cli(
      ['sync', '--data', 'data.json', '--repos', 'x', '--git', 'y', '--project', NEUTRON.id],
      {
        cwd: dir,
      },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--git and --repos both say where to read/);
    const alone = await cli(['sync', '--data', 'data.json', '--deliverable-git', 'a=b'], { cwd: dir });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--deliverable-git .* needs --deliverables/);
  });
});

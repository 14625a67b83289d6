// Acceptance: each project's drivers (and status words) per release, as sync's readers read them, equal an
// independent reading with Python's own parsers (configparser, tomllib, ast, docutils). Over generated
// repositories wherever python3 is installed; over the projects' real repositories where clones are found
// (dev/openstack-clones: OPENSTACK_REPOS), skipping cleanly where they are not.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findClone, repoName } from '../../dev/openstack-clones/find-clones.ts';
import type { Project, ProjectUpstream, Registry } from '../../backend/model/types.ts';
import { matrixPaths } from '../../backend/sync/readers.ts';
import { readProject } from '../../backend/sync/read-project.ts';
import { openRepo } from '../../backend/sync/repo.ts';
import { makeRepo, tempDir } from './helpers/git-repo.ts';
import { iniMatrix } from './helpers/matrices.ts';
import { HISTORY_RELEASES } from './helpers/upstream-history.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('helpers/independent_reading.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;

type Upstreamed = Project & { upstream: ProjectUpstream };
type Reading = Record<string, Array<{ id: string; status?: string | null }>> | 'no docutils';

/** Per release commit, the drivers as [id, status] pairs, sorted: ours, and Python's. */
async function bothReadings(
  project: Upstreamed,
  releases: NonNullable<Registry['releases']>,
  gitDir: string,
) {
  const repo = await openRepo(gitDir, { cwd: '/', cacheDir: tempDir('cache') });
  const read = await readProject(project, releases, repo);
  repo.close();
  const ours: Record<string, string[]> = {};
  for (const release of read.releases) {
    if (release.commit === undefined) continue;
    const matrix = read.matrices.find((m) => m.release === release.release)?.matrix;
    ours[release.commit] = (matrix?.drivers ?? []).map((d) => `${d.id} ${d.status ?? '-'}`).sort();
  }
  const commits = Object.keys(ours);
  if (commits.length === 0) return { ours, theirs: {} as Record<string, string[]>, skipped: false };
  const out = execFileSync(
    'python3',
    [
      script,
      gitDir,
      project.upstream.format ?? 'ini',
      commits.join(','),
      matrixPaths(project.upstream).join(','),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const reading = JSON.parse(out) as Reading;
  if (reading === 'no docutils') return { ours, theirs: {}, skipped: true };
  const theirs = Object.fromEntries(
    Object.entries(reading).map(([commit, drivers]) => [
      commit,
      drivers.map((d) => `${d.id} ${d.status ?? '-'}`).sort(),
    ]),
  );
  return { ours, theirs, skipped: false };
}

describe.skipIf(!python)('the readers against Python’s parsers, on generated repositories', () => {
  it('ini: drivers per release of two files, continuation lines, %% and [DEFAULT] included', async () => {
    const repo = makeRepo();
    const drivers = (ids: string[]) =>
      ids.map((id) => ({ id, title: `${id} driver`, values: { a: 'complete' } }));
    repo.commit('2019-03-20T12:00:00Z', {
      'a.ini': iniMatrix([{ id: 'a', title: 'A' }], drivers(['ovs', 'linuxbridge'])),
      'b.ini': `[DEFAULT]\nnote = 100%%\n\n[driver.odl]\ntitle = ODL\n  continued\n\n[operation.b]\ntitle = B\ndriver.odl = complete\n`,
    });
    repo.git('branch', 'stable/stein');
    repo.commit('2020-02-01T12:00:00Z', { 'a.ini': iniMatrix([{ id: 'a', title: 'A' }], drivers(['ovs'])) });
    const project = {
      id: 'x/ini',
      name: 'x',
      upstream: { git: 'https://example.org/x', support_matrix: ['a.ini', 'b.ini'] },
    };
    const { ours, theirs } = await bothReadings(project, HISTORY_RELEASES, repo.dir);
    expect(Object.keys(ours)).toHaveLength(2);
    expect(ours).toEqual(theirs);
  });

  it('ironic-entry-points and designate-ini: types and backends with statuses read through class bases', async () => {
    const repo = makeRepo();
    repo.commit('2020-02-01T12:00:00Z', {
      'setup.cfg':
        '[entry_points]\nironic.hardware.types =\n    a = pkg.a:A\n    b = pkg.b:B\ndesignate.backend =\n    a = pkg.a:A\n',
      'pyproject.toml': '[project.entry-points."ironic.hardware.types"]\na = "pkg.a:A"\nb = "pkg.b:B"\n',
      'pkg/__init__.py': '',
      'pkg/base.py': 'class Base:\n    supported = True\n    __backend_status__ = "untested"\n',
      'pkg/a.py': 'from pkg import base\n\nclass A(base.Base):\n    __backend_status__ = "integrated"\n',
      'pkg/b.py': 'from .a import A\n\nclass B(A):\n    supported = False\n',
      'm.ini':
        '[DEFAULT]\ntype=xfr\nin-tree=True\nnotes=None\nrepository=r\nmaintainers=m\n\n[backends]\nbackend-impl-a=A\nbackend-impl-a-agent=A (Agent)\nbackend-impl-c=C\n\n[backends.backend-impl-a]\n\n[backends.backend-impl-a-agent]\ntype=agent\n\n[backends.backend-impl-c]\nstatus=failing\n\n[grades]\nvalid-grades=integrated,untested,failing\n\n[grades.integrated]\ntitle=I\nnotes=n\n\n[grades.untested]\ntitle=U\nnotes=n\n\n[grades.failing]\ntitle=F\nnotes=n\n',
    });
    const ironic = {
      id: 'x/ironic',
      name: 'x',
      upstream: { git: 'https://example.org/x', format: 'ironic-entry-points' as const },
    };
    const designate = {
      id: 'x/designate',
      name: 'x',
      upstream: { git: 'https://example.org/x', format: 'designate-ini' as const, support_matrix: 'm.ini' },
    };
    for (const project of [ironic, designate]) {
      const { ours, theirs } = await bothReadings(project, HISTORY_RELEASES, repo.dir);
      expect(Object.values(ours)[0]!.length).toBeGreaterThan(1);
      expect(ours).toEqual(theirs);
    }
  });
});

describe.skipIf(!python)('the glance-rst reader against docutils, on a generated repository', () => {
  it('reads the list-table’s stores and status words as docutils does (skipped without docutils)', async (context) => {
    const repo = makeRepo();
    const row = (cells: string[]) =>
      cells.map((cell, i) => `${i === 0 ? '   * -' : '     -'} ${cell}`.trimEnd()).join('\n');
    repo.commit('2020-02-01T12:00:00Z', {
      'drivers.rst': [
        'Stores',
        '======',
        '',
        '.. list-table::',
        '   :header-rows: 1',
        '',
        row(['Driver', 'Status', 'Maintainer', 'Email', 'IRC Nick']),
        row(['File System', 'Supported', 'Glance Team', 'team@example.org', 'glance']),
        row(['Acme Object', 'DEPRECATED', 'N/A', 'N/A', '']),
        '',
      ].join('\n'),
    });
    const project = {
      id: 'x/glance',
      name: 'x',
      upstream: {
        git: 'https://example.org/x',
        format: 'glance-rst' as const,
        support_matrix: 'drivers.rst',
      },
    };
    const { ours, theirs, skipped } = await bothReadings(project, HISTORY_RELEASES, repo.dir);
    if (skipped) context.skip();
    expect(Object.values(ours)[0]).toHaveLength(2);
    expect(ours).toEqual(theirs);
  });
});

const registry = JSON.parse(readFileSync(join(root, 'default_data.json'), 'utf8')) as Registry;
const projects = registry.projects.filter(
  (project): project is Upstreamed =>
    project.upstream !== undefined && project.upstream.format !== 'manila-rst',
);
const located = projects.flatMap((project) => {
  const dir = findClone(repoName(project.upstream.git));
  return dir ? [{ project, dir }] : [];
});

describe.skipIf(!python || located.length === 0)(
  'the readers against Python’s parsers, on the projects’ repositories',
  () => {
    it.for(located.length > 0 ? located : [{ project: { id: 'none' } as Upstreamed, dir: '' }])(
      '$project.id: drivers per release equal the independent reading',
      { timeout: 120_000 },
      async ({ project, dir }, context) => {
        const { ours, theirs, skipped } = await bothReadings(project, registry.releases ?? [], dir);
        if (skipped) context.skip();
        expect(Object.keys(ours).length).toBeGreaterThan(0);
        expect(ours).toEqual(theirs);
      },
    );
  },
);

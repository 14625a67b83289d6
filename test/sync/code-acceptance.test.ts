// Acceptance: the driver classes sync reads with @lezer/python, and each driver's code facts, equal an
// independent reading with Python's own ast, whose method resolution order is the interpreter's. Over a
// generated repository wherever python3 is installed; over cinder's real history, and our registry's
// recorded facts, where a clone is found (dev/openstack-clones: OPENSTACK_REPOS), skipping cleanly if not.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findClone, repoName } from '../../dev/openstack-clones/find-clones.ts';
import type { Driver, Project, ProjectUpstream, Registry } from '../../backend/model/types.ts';
import { codeUpstream } from '../../backend/sync/code-upstream.ts';
import { readCode } from '../../backend/sync/read-code.ts';
import { openRepo } from '../../backend/sync/repo.ts';
import { makeRepo, tempDir } from './helpers/git-repo.ts';
import { HISTORY_RELEASES } from './helpers/upstream-history.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = fileURLToPath(new URL('helpers/independent_code_reading.py', import.meta.url));
const python = spawnSync('python3', ['--version']).status === 0;

type Coded = Project & { upstream: ProjectUpstream & { code: NonNullable<ProjectUpstream['code']> } };
interface Facts {
  code_in_tree: string[];
  ci_wiki_name: Array<[string, string[]]>;
  code_supported: Array<[string, boolean]>;
}
interface Theirs {
  classes: Record<string, unknown[]>;
  skipped: Record<string, Array<{ path: string; names_marker: boolean }>>;
  drivers: Record<string, Facts | null>;
}

/** Per release commit, the classes as both read them, the files Python skips, and each driver's facts. */
async function bothReadings(
  project: Coded,
  releases: NonNullable<Registry['releases']>,
  gitDir: string,
  drivers: Record<string, string[]>,
) {
  const repo = await openRepo(gitDir, { cwd: '/', cacheDir: tempDir('cache') });
  const read = await readCode(project, releases, repo, { cacheDir: tempDir('code-cache') });
  repo.close();
  const commits = read.releases.flatMap((r) => (r.commit ? [[r.release, r.commit] as const] : []));
  const ours: Record<string, unknown[]> = {};
  for (const [release, commit] of commits) {
    const classes = read.classes.find((c) => c.release === release)?.classes ?? new Map();
    ours[commit] = [...classes.values()].map(({ unknown: _, ...found }) => found);
  }
  const input = join(tempDir('input'), 'input.json');
  writeFileSync(input, JSON.stringify({ releases: commits, drivers }));
  const { code } = project.upstream;
  const out = execFileSync('python3', [script, gitDir, code.marker, code.paths.join(','), input], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { read, ours, theirs: JSON.parse(out) as Theirs };
}

/**
 * In a tree with driver classes, every file Python cannot parse that names the marker is one sync skips
 * with a warning, and sync skips no file Python reads. (Sync parses any other file only when a class's
 * bases or values lead to it; a tree older than the marker it reads no further than that.)
 */
function expectSkippedWarned(theirs: Theirs, warnings: readonly string[]) {
  const withClasses = Object.entries(theirs.skipped).filter(([commit]) => theirs.classes[commit]!.length > 0);
  const pythonSkips = new Set(withClasses.flatMap(([, files]) => files.map((f) => f.path)));
  const naming = new Set(
    withClasses.flatMap(([, files]) => files.filter((f) => f.names_marker).map((f) => f.path)),
  );
  const ourSkips = new Set(
    warnings.filter((w) => w.includes('the file is skipped')).map((w) => w.split(':')[1]!),
  );
  expect([...ourSkips].filter((path) => !pythonSkips.has(path))).toEqual([]);
  expect([...naming].filter((path) => !ourSkips.has(path))).toEqual([]);
}

const driver = (marker: string, name: string, bases: string, body: string[]) => [
  `@${marker}`,
  `class ${name}(${bases}):`,
  ...(body.length ? body : ['pass']).map((l) => `    ${l}`),
  '',
];

describe.skipIf(!python)('code facts against Python’s ast, on a generated repository', () => {
  it('classes, inherited attributes in C3 order, imports of every form, and the drivers’ step lists', async () => {
    const repo = makeRepo();
    const v = 'interface.volumedriver';
    const tree = (supportedB: string) => ({
      'pkg/__init__.py': '',
      'pkg/drivers/__init__.py': '',
      'pkg/interface.py': 'def volumedriver(cls):\n    return cls\n',
      'outside/base.py': 'class Foreign(object):\n    SUPPORTED = False\n    CI_WIKI_NAME = "Nobody_CI"\n',
      'pkg/drivers/base.py': [
        'CONSTANT = "Const_CI"',
        'class Base(object):',
        '    CI_WIKI_NAME = None',
        '    VERSION = "1.0.0"',
        'class Left(Base):',
        '    pass',
        'class Right(Base):',
        '    CI_WIKI_NAME = "Right_CI"',
        '',
      ].join('\n'),
      'pkg/drivers/san/__init__.py': 'from .san import SanDriver  # noqa\n',
      'pkg/drivers/san/san.py': [
        'from pkg.drivers import base',
        'class SanDriver(base.Base):',
        '    SUPPORTED = True',
        '    VERSION = 2',
        '',
      ].join('\n'),
      'pkg/drivers/acme.py': [
        'import pkg.drivers.base',
        'from pkg import interface',
        'from pkg.drivers.base import Left, Right as R',
        'from pkg.drivers.base import CONSTANT',
        'from . import san',
        'from outside.base import Foreign',
        ...driver(v, 'Diamond', 'Left, R', []),
        ...driver(v, 'Plain', 'pkg.drivers.base.Base', ['CI_WIKI_NAME = ["A_CI", "B_CI", "A_CI"]']),
        ...driver(v, 'Named', 'san.SanDriver', ['CI_WIKI_NAME = CONSTANT', `SUPPORTED = ${supportedB}`]),
        ...driver(v, 'Falsy', 'san.SanDriver', ['SUPPORTED = 0', 'CI_WIKI_NAME = "Falsy_CI"']),
        ...driver(v, 'Called', 'Foreign', ['SUPPORTED = bool(1)']),
        'try:',
        ...driver(v, 'Guarded', 'Left', ['VERSION = "3.1"']).map((l) => `    ${l}`),
        'except ImportError:',
        '    pass',
        '@other.decorator',
        'class NotADriver(Right):',
        '    pass',
        '',
      ].join('\n'),
      'pkg/drivers/relative.py': [
        'from pkg import interface',
        'from .san.san import SanDriver as Base',
        ...driver(v, 'Relative', 'Base', ['CI_WIKI_NAME = ("Rel_CI",)']),
        '',
      ].join('\n'),
      // A UTF-8 byte order mark, as one of cinder's files has: Python reads the file.
      'pkg/drivers/marked.py': `\ufefffrom pkg import interface\n${driver(v, 'Marked', 'object', ['CI_WIKI_NAME = "Bom_CI"']).join('\n')}`,
      'pkg/drivers/broken.py':
        'from pkg import interface\n@interface.volumedriver\nclass Broken(:\n    pass\n',
    });
    repo.commit('2019-03-20T12:00:00Z', tree('True'));
    repo.git('branch', 'stable/stein');
    repo.commit('2020-02-01T12:00:00Z', {
      ...tree('False'),
      'pkg/drivers/relative.py': undefined,
    });
    const project: Coded = {
      id: 'x/code',
      name: 'x',
      upstream: {
        git: 'https://example.org/x',
        code: { paths: ['pkg/drivers'], marker: v },
      },
    };
    const drivers = {
      named: ['pkg.drivers.acme.Named'],
      pair: ['pkg.drivers.acme.Falsy', 'pkg.drivers.relative.Relative'],
      gone: ['pkg.drivers.nowhere.Gone'],
    };
    const { read, ours, theirs } = await bothReadings(project, HISTORY_RELEASES, repo.dir, drivers);
    expect(new Set(Object.keys(ours)).size).toBe(2);
    expect(ours).toEqual(theirs.classes);
    const first = Object.values(ours)[0] as Array<{ class: string; ci_wiki_names: string[] }>;
    // C3 gives Diamond, Left, Right, Base: Right's name, where depth-first order would give Base's None.
    expect(first.find((c) => c.class === 'pkg.drivers.acme.Diamond')?.ci_wiki_names).toEqual(['Right_CI']);
    expect(first).toHaveLength(8);
    expectSkippedWarned(theirs, read.warnings);
    expect(read.warnings.join('\n')).toContain('pkg/drivers/broken.py:3:');
    for (const [key, linked] of Object.entries(drivers)) {
      expect(codeUpstream(linked, read.classes) ?? null).toEqual(theirs.drivers[key]);
    }
    expect(theirs.drivers.named?.code_supported.length).toBe(2);
  });
});

const registry = JSON.parse(readFileSync(join(root, 'default_data.json'), 'utf8')) as Registry;
const coded = registry.projects.filter((project): project is Coded => project.upstream?.code !== undefined);
const located = coded.flatMap((project) => {
  const dir = findClone(repoName(project.upstream.git));
  return dir ? [{ project, dir }] : [];
});
const linkedOf = (project: Project) =>
  registry.drivers.filter(
    (d): d is Driver & { upstream_classes: string[] } =>
      d.project_id === project.id && (d.upstream_classes?.length ?? 0) > 0,
  );

describe.skipIf(!python || located.length === 0)(
  'code facts against Python’s ast, on the projects’ repositories',
  () => {
    it.for(located.length > 0 ? located : [{ project: { id: 'none' } as Coded, dir: '' }])(
      '$project.id: every release’s classes, and the facts our registry records, equal the independent reading',
      { timeout: 300_000 },
      async ({ project, dir }) => {
        const linked = linkedOf(project);
        const drivers = Object.fromEntries(linked.map((d) => [d.name, d.upstream_classes]));
        const { read, ours, theirs } = await bothReadings(project, registry.releases ?? [], dir, drivers);
        expect(Object.keys(ours).length).toBeGreaterThan(10);
        expect(ours).toEqual(theirs.classes);
        expectSkippedWarned(theirs, read.warnings);
        const recorded = Object.fromEntries(
          linked.map((d) => {
            const { code_in_tree, ci_wiki_name, code_supported } = d.upstream ?? {};
            return [d.name, code_in_tree ? { code_in_tree, ci_wiki_name, code_supported } : null];
          }),
        );
        expect(recorded).toEqual(theirs.drivers);
      },
    );
  },
);

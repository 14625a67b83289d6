import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Driver, Registry } from '../../backend/model/types.ts';
import { gerritDate } from '../../dev/gerrit-simulator/index.ts';
import {
  change,
  cli,
  driver,
  fail,
  message,
  onePass,
  pass,
  readRegistry,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
/** The files a commit changes, sorted. */
const filesOf = (cwd: string, commit = 'HEAD') =>
  git(cwd, 'show', '--name-only', '--format=', commit).split('\n').sort();

function clone(remote: string): string {
  const dir = tempDir('driverlog-clone-');
  git(dir, 'clone', '--quiet', remote, '.');
  git(dir, 'config', 'user.name', 'Test Bot');
  git(dir, 'config', 'user.email', 'bot@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

const fc = (overrides: Partial<Driver> = {}) =>
  driver({ name: 'FC', ci: { ...driver().ci!, id: 'other-ci' }, ...overrides });

/** A bare remote holding the data file (and its runs file, when it has runs), and a clone to run update in. */
function repository(value: Registry = registry([fc(), driver({ name: 'iSCSI' })])) {
  const remote = tempDir('driverlog-remote-');
  git(remote, 'init', '--quiet', '--bare', '--initial-branch=main');
  const work = clone(remote);
  writeRegistry(work, value);
  git(work, 'add', '--all');
  git(work, 'commit', '--quiet', '-m', 'Add registry');
  git(work, 'push', '--quiet', '-u', 'origin', 'main');
  return { remote, work };
}

const gerrit = useSimulator();

/** One new comment on Gerrit, and a remote that moved (someone pushed) since the clone. */
async function remoteMoved() {
  const sim = await gerrit.start(onePass());
  const { remote, work } = repository();
  const other = clone(remote);
  writeFileSync(join(other, 'NOTES.md'), 'someone else was here\n');
  git(other, 'add', 'NOTES.md');
  git(other, 'commit', '--quiet', '-m', 'Add notes');
  git(other, 'push', '--quiet');
  return { remote, work, url: sim.url };
}

describe('driverlog update --commit / --push', () => {
  it('commits the changed file with a message saying what changed, and nothing when nothing changed', async () => {
    const sim = await gerrit.start(onePass());
    const { work } = repository();
    const args = ['update', '--gerrit-url', sim.url, '--since', '2024-01-01', '--commit'];
    const run = await cli(args, { cwd: work });
    expect(run.code).toBe(0);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('cinder: Acme iSCSI passes on Caracal');
    expect(git(work, 'log', '-1', '--format=%b')).toContain('/c/openstack/cinder/+/100');
    expect(git(work, 'status', '--porcelain')).toBe('');

    const commits = git(work, 'rev-list', '--count', 'HEAD');
    expect((await cli(args, { cwd: work })).code).toBe(0);
    expect(git(work, 'rev-list', '--count', 'HEAD')).toBe(commits);

    sim.upsertChange(change(101, { messages: [message(10, '2024-05-02T10:00:00Z', 1, fail())] }));
    sim.upsertChange(change(102, { messages: [message(11, '2024-05-02T10:00:00Z', 1, pass())] }));
    expect((await cli(args, { cwd: work })).code).toBe(0);
    expect(git(work, 'log', '-1', '--format=%s')).toBe(
      'Update CI evidence: 1 driver newly verified, 1 newly failing',
    );
  });

  it('never commits a file that fails validation', async () => {
    const sim = await gerrit.start([]);
    const { work } = repository();
    writeFileSync(join(work, 'default_data.json'), '{ "projects": [ }');
    const run = await cli(['update', '--gerrit-url', sim.url, '--commit'], { cwd: work });
    expect(run.code).toBe(1);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('Add registry');
  });

  it("never commits a maintainer's uncommitted edit under the scan's name", async () => {
    const sim = await gerrit.start([]);
    const { work } = repository();
    const file = join(work, 'default_data.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Cinder"', '"Cinder (block storage)"'));
    const run = await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01', '--commit'], {
      cwd: work,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'has uncommitted edits besides verification and scan_state (first at /projects/0/name)',
    );
    expect(git(work, 'log', '-1', '--format=%s')).toBe('Add registry');
  });

  it("describes what the commit holds, including an earlier run's uncommitted result", async () => {
    const sim = await gerrit.start(onePass());
    const { work } = repository();
    const args = ['update', '--gerrit-url', sim.url, '--since', '2024-01-01'];
    expect((await cli(args, { cwd: work })).code).toBe(0);
    // Nothing new for this run; the file still holds the first run's evidence, never committed.
    expect((await cli([...args, '--commit'], { cwd: work })).code).toBe(0);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('cinder: Acme iSCSI passes on Caracal');
  });

  it('rebases onto a remote that moved and pushes, without forcing', async () => {
    const { remote, work, url } = await remoteMoved();

    const run = await cli(['update', '--gerrit-url', url, '--since', '2024-01-01', '--push'], {
      cwd: work,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(git(remote, 'log', '--format=%s', 'main').split('\n')).toEqual([
      'cinder: Acme iSCSI passes on Caracal',
      'Add notes',
      'Add registry',
    ]);
    // The summary names the commit that was pushed, not the one the rebase replaced.
    expect(run.stdout).toContain(`committed ${git(remote, 'rev-parse', 'main').slice(0, 12)} `);
  });

  it('says why the rebase could not start, still printing the summary, and keeps the commit', async () => {
    const { work, url } = await remoteMoved();
    writeFileSync(join(work, 'NOTES.md'), 'a local edit nobody committed\n');
    git(work, 'add', 'NOTES.md');

    const run = await cli(['update', '--gerrit-url', url, '--since', '2024-01-01', '--push'], {
      cwd: work,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pull --rebase failed; local commit kept, nothing rebased');
    // git's own reason, not a complaint about the rebase --abort that had nothing to abort.
    expect(run.stderr).toMatch(/uncommitted changes|unstaged changes|overwritten/);
    expect(run.stderr).not.toContain('No rebase in progress');
    expect(run.stdout).toContain('2 drivers scanned: 1 with a release newly verified');
    expect(git(work, 'log', '-1', '--format=%s')).toBe('cinder: Acme iSCSI passes on Caracal');
  });
});

describe('driverlog update --commit with the runs file', () => {
  const args = (url: string, ...more: string[]) => [
    'update',
    '--gerrit-url',
    url,
    '--since',
    '2024-01-01',
    ...more,
  ];
  const day = (n: number, hour = 10) => `2024-05-0${n}T${hour}:00:00Z`;

  it('creates the runs file on the first run and commits it with the registry, in one commit of the job', async () => {
    const sim = await gerrit.start(onePass());
    const { work } = repository();
    expect(existsSync(join(work, 'default_data.runs.json'))).toBe(false);
    const run = await cli(args(sim.url, '--commit'), { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('cinder: Acme iSCSI passes on Caracal');
    expect(filesOf(work)).toEqual(['default_data.json', 'default_data.runs.json']);
    expect(git(work, 'log', '-1', '--format=%(trailers:key=DriverLog-Job,valueonly)')).toBe('update');
    expect(git(work, 'status', '--porcelain')).toBe('');
    expect(git(work, 'show', 'HEAD:default_data.runs.json')).toContain('"change_number": 100');
    expect(git(work, 'show', 'HEAD:default_data.json')).not.toContain('"recent"');
  });

  it('commits the runs file alone, as "Update recent CI runs", when only runs changed', async () => {
    const daily = (number: number, n: number) =>
      change(number, { messages: [message(10, day(n), 1, n % 2 ? pass() : fail())] });
    // Open at the first run; merged later in the same second as change 102, the scan position.
    const late = change(200, { status: 'NEW', messages: [message(10, day(3, 12), 1, fail())] });
    const sim = await gerrit.start([daily(101, 3), daily(102, 4), late]);
    const { work } = repository();
    expect((await cli(args(sim.url, '--commit'), { cwd: work })).code).toBe(0);
    const first = git(work, 'rev-parse', 'HEAD');
    const registryText = readFileSync(join(work, 'default_data.json'), 'utf8');

    const position = gerritDate(Date.parse(day(4)));
    sim.upsertChange({ ...late, status: 'MERGED', updated: position, submitted: position });
    const run = await cli(args(sim.url, '--commit'), { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The record is still change 102's, the newest; the late comment is a run older than it.
    expect(readFileSync(join(work, 'default_data.json'), 'utf8')).toBe(registryText);
    const recent = readRegistry(join(work, 'default_data.json')).drivers[1]!.verification!.Caracal!.recent!;
    expect(recent.map((r) => r.change_number)).toEqual([102, 200, 101]);
    expect(git(work, 'rev-parse', 'HEAD~1')).toBe(first);
    expect(git(work, 'log', '-1', '--format=%B')).toBe('Update recent CI runs\n\nDriverLog-Job: update');
    expect(filesOf(work)).toEqual(['default_data.runs.json']);
    expect(git(work, 'status', '--porcelain')).toBe('');
  });

  it('commits a registry kept in a folder of the repository, with its runs file', async () => {
    const sim = await gerrit.start(onePass());
    const remote = tempDir('driverlog-remote-');
    git(remote, 'init', '--quiet', '--bare', '--initial-branch=main');
    const work = clone(remote);
    mkdirSync(join(work, 'data'));
    writeRegistry(join(work, 'data'), registry(), 'registry.json');
    git(work, 'add', '--all');
    git(work, 'commit', '--quiet', '-m', 'Add registry');
    const run = await cli(args(sim.url, '--data', 'data/registry.json', '--commit'), { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('cinder: Acme Acme iSCSI passes on Caracal');
    expect(filesOf(work)).toEqual(['data/registry.json', 'data/registry.runs.json']);
    expect(git(work, 'status', '--porcelain')).toBe('');
  });

  it('checks the runs file again after rebasing onto a remote that moved, and pushes nothing invalid', async () => {
    const sim = await gerrit.start(onePass());
    const record = {
      ci_result: true,
      review_url: 'https://review.example.org/c/openstack/cinder/+/90',
      change_number: 90,
      patch_set: 1,
      branch: 'stable/2024.1',
      ci_id: 'other-ci',
      comment: '- acme-iscsi https://ci.acme.example/1 : SUCCESS in 1h 02m',
      timestamp: '2024-04-20T10:00:00Z',
    };
    const runs = [89, 90].reverse().map((n) => ({
      timestamp: `2024-04-${n - 70}T10:00:00Z`,
      change_number: n,
      patch_set: 1,
      ci_result: true,
    }));
    const { remote, work } = repository(
      registry([fc({ verification: { Caracal: { ...record, recent: runs } } }), driver({ name: 'iSCSI' })]),
    );
    // Someone pushes a hand-made run dated in the future to FC's runs, lines away from what update adds.
    const other = clone(remote);
    const runsFile = join(other, 'default_data.runs.json');
    writeFileSync(
      runsFile,
      readFileSync(runsFile, 'utf8').replace('"2024-04-20T10:00:00Z"', '"2999-04-20T10:00:00Z"'),
    );
    git(other, 'commit', '--quiet', '-am', 'Edit runs by hand');
    git(other, 'push', '--quiet');
    const theirs = git(remote, 'rev-parse', 'main');

    const run = await cli(args(sim.url, '--push'), { cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `refusing to write or commit ${join(work, 'default_data.runs.json')}: the new text would fail validation`,
    );
    expect(run.stderr).toMatch(/future-timestamp {2}timestamp "2999-04-20T10:00:00Z"/);
    // The rebase itself went through: the commit sits on theirs, with both edits, and was never pushed.
    expect(git(work, 'rev-parse', 'HEAD~1')).toBe(theirs);
    expect(filesOf(work)).toEqual(['default_data.json', 'default_data.runs.json']);
    expect(git(remote, 'rev-parse', 'main')).toBe(theirs);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  change,
  cli,
  driver,
  fail,
  message,
  onePass,
  pass,
  registry,
  tempDir,
  writeRegistry,
} from '../helpers/update-fixtures.ts';
import { useSimulator } from '../helpers/use-simulator.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function clone(remote: string): string {
  const dir = tempDir('driverlog-clone-');
  git(dir, 'clone', '--quiet', remote, '.');
  git(dir, 'config', 'user.name', 'Test Bot');
  git(dir, 'config', 'user.email', 'bot@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

/** A bare remote holding the data file, and a clone of it to run update in. */
function repository() {
  const remote = tempDir('driverlog-remote-');
  git(remote, 'init', '--quiet', '--bare', '--initial-branch=main');
  const work = clone(remote);
  writeRegistry(
    work,
    registry([driver({ name: 'FC', ci: { ...driver().ci!, id: 'other-ci' } }), driver({ name: 'iSCSI' })]),
  );
  git(work, 'add', 'default_data.json');
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

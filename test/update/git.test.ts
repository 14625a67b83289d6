import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGerritSimulator, type GerritSimulator } from '../../backend/simulator/index.ts';
import {
  ACCOUNTS,
  change,
  cli,
  driver,
  fail,
  message,
  pass,
  registry,
  tempDir,
  writeRegistry,
} from './fixtures.ts';

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

let sim: GerritSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('driverlog update --commit / --push', () => {
  it('commits the changed file with a message saying what changed, and nothing when nothing changed', async () => {
    sim = await startGerritSimulator({
      dataset: {
        accounts: ACCOUNTS,
        changes: [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] })],
      },
    });
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
    sim = await startGerritSimulator({ dataset: { accounts: ACCOUNTS, changes: [] } });
    const { work } = repository();
    writeFileSync(join(work, 'default_data.json'), '{ "projects": [ }');
    const run = await cli(['update', '--gerrit-url', sim.url, '--commit'], { cwd: work });
    expect(run.code).toBe(1);
    expect(git(work, 'log', '-1', '--format=%s')).toBe('Add registry');
  });

  it('rebases onto a remote that moved and pushes, without forcing', async () => {
    sim = await startGerritSimulator({
      dataset: {
        accounts: ACCOUNTS,
        changes: [change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] })],
      },
    });
    const { remote, work } = repository();
    const other = clone(remote);
    writeFileSync(join(other, 'NOTES.md'), 'someone else was here\n');
    git(other, 'add', 'NOTES.md');
    git(other, 'commit', '--quiet', '-m', 'Add notes');
    git(other, 'push', '--quiet');

    const run = await cli(['update', '--gerrit-url', sim.url, '--since', '2024-01-01', '--push'], {
      cwd: work,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(git(remote, 'log', '--format=%s', 'main').split('\n')).toEqual([
      'cinder: Acme iSCSI passes on Caracal',
      'Add notes',
      'Add registry',
    ]);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { SyncAbortedError } from '../../backend/sync/errors.ts';
import { runGit } from '../../backend/sync/git-process.ts';
import { openRepo } from '../../backend/sync/repo.ts';
import { cli } from '../helpers/update-fixtures.ts';
import { gitIn, tempDir } from './helpers/git-repo.ts';
import { MATRIX_PATH } from './helpers/matrices.ts';
import { makeTrap, plantConfig, signTip } from './helpers/planted-config.ts';
import { historyRegistry, makeHistory, MATRICES } from './helpers/upstream-history.ts';

/** git as a person runs it in that repository: its own config obeyed. */
const plainGit = (dir: string, args: string[]) => {
  try {
    execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_PAGER: '' } });
  } catch {
    // The traps exit 1: only whether they ran matters here.
  }
};

describe('every git process sync starts', () => {
  it('runs nothing a local repository configures: no gpg, fsmonitor, ssh, pager, helper, filter or hook', async () => {
    const history = makeHistory();
    const gitDir = join(history.repo.dir, '.git');
    signTip(gitDir, 'refs/heads/master');
    const trap = makeTrap();
    plantConfig(gitDir, trap);
    gitIn(history.repo.dir, ['config', 'remote.origin.url', 'ssh://example.invalid/cinder']);
    const dir = tempDir('data');
    writeFileSync(join(dir, 'data.json'), formatRegistry(historyRegistry()));
    const run = await cli(
      ['sync', '--data', 'data.json', '--project', 'openstack/cinder', '--git', history.repo.dir],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(trap.ran()).toEqual([]);
    // The traps are live: the `git log` sync used to run starts gpg.program, and more.
    plainGit(history.repo.dir, ['log', '-1', '--format=%ct']);
    plainGit(history.repo.dir, ['status']);
    expect(trap.ran().join('\n')).toMatch(/gpg\.program/);
    expect(trap.ran().join('\n')).toMatch(/core\.fsmonitor/);
  });

  it('fetches nothing a local repository lacks: its promisor remote is never contacted', async () => {
    const upstream = makeHistory();
    gitIn(upstream.repo.dir, ['config', 'uploadpack.allowFilter', 'true']);
    const local = join(tempDir('partial'), 'cinder.git');
    gitIn('/', [
      'clone',
      '--quiet',
      '--bare',
      '--filter=blob:none',
      pathToFileURL(upstream.repo.dir).href,
      local,
    ]);
    const trap = makeTrap();
    gitIn(local, ['config', 'remote.origin.uploadpack', trap.script('remote.origin.uploadpack')]);
    const repo = await openRepo(local, { cwd: '/', cacheDir: tempDir('cache') });
    const rocky = (await repo.commitOf('refs/tags/rocky-eol'))!;
    await expect(repo.readFile(rocky, MATRIX_PATH)).rejects.toThrow(/cat-file failed in/);
    expect(trap.ran()).toEqual([]);
    plainGit(local, ['cat-file', '-p', `${rocky}:${MATRIX_PATH}`]);
    expect(trap.ran().join('\n')).toMatch(/uploadpack/);
    // A clone in the cache does fetch its blobs, from its own URL.
    const cached = await openRepo(pathToFileURL(upstream.repo.dir).href, {
      cwd: '/',
      cacheDir: tempDir('cache'),
    });
    expect(await cached.readFile(rocky, MATRIX_PATH)).toBe(MATRICES.Rocky);
  });

  it('stops git, and what git started, when the run is aborted', async () => {
    const controller = new AbortController();
    const pidFile = join(tempDir('abort'), 'pid');
    // An alias that writes its shell's pid and then waits: a process only the abort ends.
    const running = runGit({
      cwd: '/',
      args: ['-c', `alias.wait=!echo $$ > '${pidFile}'; exec sleep 300`, 'wait'],
      signal: controller.signal,
      what: 'waiting',
    });
    while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8') === '') await sleep(10);
    controller.abort('SIGTERM');
    await expect(running).rejects.toBeInstanceOf(SyncAbortedError);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 200 && alive(); i++) await sleep(10);
    expect(alive()).toBe(false);
  });
});

// Real git repositories in temporary folders, with commit dates given (sync's development rule reads them).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes the files (undefined deletes one) and commits them at `date` (ISO); returns the commit. */
  commit(date: string, files: Record<string, string | undefined>, message?: string): string;
}

const IDENTITY = [
  '-c',
  'user.name=Sync Test',
  '-c',
  'user.email=sync@test.invalid',
  '-c',
  'commit.gpgsign=false',
];

export function gitIn(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `driverlog-sync-${prefix}-`));
}

export function makeRepo(dir = tempDir('repo')): TestRepo {
  mkdirSync(dir, { recursive: true });
  gitIn(dir, ['init', '--quiet', '--initial-branch=master']);
  const git = (...args: string[]) => gitIn(dir, args);
  return {
    dir,
    git,
    commit(date, files, message = `change at ${date}`) {
      for (const [path, text] of Object.entries(files)) {
        const file = join(dir, path);
        if (text === undefined) rmSync(file, { force: true });
        else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, text);
        }
      }
      gitIn(dir, ['add', '--all']);
      gitIn(dir, ['commit', '--quiet', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

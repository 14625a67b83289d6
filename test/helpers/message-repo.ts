// A git repository whose commits carry exactly the messages given (--cleanup=verbatim: \r and all), for the
// rules that read commit messages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MessageRepo {
  dir: string;
  git(...args: string[]): string;
  /** Commits a change with this message, as typed; returns the commit. */
  commit(message: string): string;
}

export function messageRepo(): MessageRepo {
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-messages-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  let n = 0;
  const commit = (message: string) => {
    writeFileSync(join(dir, 'file.txt'), `${n++}\n`);
    git('add', 'file.txt');
    git('commit', '-q', '--cleanup=verbatim', '-m', message);
    return git('rev-parse', 'HEAD').trim();
  };
  git('init', '-q', '-b', 'main');
  commit('start');
  return { dir, git, commit };
}

// A repository's config that runs a program wherever git lets it: each key names a script that records that it
// ran. Sync must read such a repository (or a cache holding it) without any of them running.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitIn, tempDir } from './git-repo.ts';

export interface Trap {
  /** The script every planted key names; it appends "KEY ARGS" to the marker file. */
  script: (key: string) => string;
  /** What ran: one line per program started; empty when nothing did. */
  ran(): string[];
}

export function makeTrap(): Trap {
  const dir = tempDir('trap');
  const marker = join(dir, 'ran.log');
  return {
    script(key) {
      const path = join(dir, `${key.replace(/[^a-z0-9]+/gi, '-')}.sh`);
      writeFileSync(path, `#!/bin/sh\necho "${key} $*" >> '${marker}'\nexit 1\n`);
      chmodSync(path, 0o755);
      return path;
    },
    ran: () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim().split('\n') : []),
  };
}

const HOOKS = [
  'pre-auto-gc',
  'post-checkout',
  'post-merge',
  'reference-transaction',
  'post-rewrite',
  'fsmonitor-watchman',
  'push-to-checkout',
  'pre-push',
];

/** Every key of the repository at `gitDir` that can run a program, set to the trap. */
export function plantConfig(gitDir: string, trap: Trap): void {
  const set = (key: string, value: string) =>
    gitIn(gitDir, ['config', '--file', join(gitDir, 'config'), key, value]);
  const program = (key: string) => set(key, trap.script(key));
  for (const key of [
    'core.fsmonitor',
    'core.sshCommand',
    'core.pager',
    'core.askPass',
    'core.editor',
    'core.alternateRefsCommand',
    'core.gitProxy',
    'diff.external',
    'diff.evil.textconv',
    'filter.evil.smudge',
    'filter.evil.clean',
    'filter.evil.process',
    'gpg.program',
    'gpg.ssh.program',
    'gpg.x509.program',
    'pager.log',
    'pager.show',
    'remote.origin.uploadpack',
    'remote.origin.receivepack',
    'uploadpack.packObjectsHook',
    'sequence.editor',
  ])
    program(key);
  set('credential.helper', `!${trap.script('credential.helper')}`);
  set('log.showSignature', 'true');
  set('core.fsmonitorHookVersion', '2');
  // Hooks, both where core.hooksPath points and where git looks by default.
  const hooks = join(gitDir, 'evil-hooks');
  for (const folder of [hooks, join(gitDir, 'hooks')]) {
    mkdirSync(folder, { recursive: true });
    for (const hook of HOOKS) {
      writeFileSync(join(folder, hook), `#!/bin/sh\nexec '${trap.script(`hook ${hook}`)}' "$@"\n`);
      chmodSync(join(folder, hook), 0o755);
    }
  }
  set('core.hooksPath', hooks);
  mkdirSync(join(gitDir, 'info'), { recursive: true });
  writeFileSync(join(gitDir, 'info', 'attributes'), '* diff=evil filter=evil\n');
}

/**
 * Makes `ref`'s tip a commit with a (fake) signature: with log.showSignature, `git log` hands it to gpg.program,
 * which is how the issue's repository ran its hook.
 */
export function signTip(gitDir: string, ref: string): void {
  const git = (...args: string[]) => gitIn(gitDir, [`--git-dir=${gitDir}`, ...args]).trim();
  const body = git('cat-file', 'commit', ref);
  const cut = body.indexOf('\n\n');
  const signed = `${body.slice(0, cut)}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----${body.slice(cut)}\n`;
  const file = join(tempDir('commit'), 'commit');
  writeFileSync(file, signed);
  const sha = git('hash-object', '-t', 'commit', '-w', file);
  git('update-ref', ref, sha);
}

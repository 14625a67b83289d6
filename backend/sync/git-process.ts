import { spawn, spawnSync } from 'node:child_process';
import { devNull, homedir } from 'node:os';
import { RepoError, SyncAbortedError } from './errors.ts';

// Every git process sync starts. The repositories sync reads are other people's: a clone in the cache can be
// poisoned, and a local repository named with --git can carry any config. Git reads a repository's own config
// whatever we do, and some of its keys run programs (gpg.program with log.showSignature, core.fsmonitor,
// core.sshCommand, remote.<name>.uploadpack, credential helpers, hooks, url.<base>.insteadOf to an ext::
// transport). So each process runs with the system and global config left out, the keys that run programs
// overridden on its command line (which wins over every file), no hooks, only the transport it needs, and
// replace refs ignored. Sync only runs plumbing that reads objects (for-each-ref, rev-parse, ls-tree,
// cat-file blob without --textconv or --filters): no diff, textconv, filter, pager or signature check runs.
// safe.directory is git's own check, left on: the user's own list (system and global) is passed on.

export interface GitRun {
  /** The git directory to read (--git-dir), or the folder a clone runs in. */
  gitDir?: string;
  cwd: string;
  args: string[];
  /** Transports allowed ('https', 'file'…); none for reading a repository as it is. */
  protocols?: readonly string[];
  signal?: AbortSignal;
  /** Largest output kept; a process that writes more is stopped and the run refused. */
  maxBytes?: number;
  /** What the failure message says was attempted. */
  what: string;
}

const OVERRIDES = [
  'core.fsmonitor=false',
  // No hooks: git finds none below a path that is not a folder, and no other user can plant one there.
  `core.hooksPath=${devNull}`,
  'core.sshCommand=ssh',
  'core.askPass=',
  'core.pager=cat',
  `core.attributesFile=${devNull}`,
  'core.alternateRefsCommand=true',
  // An empty helper empties the list of helpers, those the repository names included.
  'credential.helper=',
  'gpg.program=false',
  'gpg.ssh.program=false',
  'gpg.x509.program=false',
  'log.showSignature=false',
  'remote.origin.uploadpack=git-upload-pack',
  'remote.origin.receivepack=git-receive-pack',
  'fetch.recurseSubmodules=false',
  'submodule.recurse=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'protocol.allow=never',
];

/** The environment of every git process: the user's, without GIT_* variables, and without their config files. */
function gitEnv(lazyFetch: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    // git 2.45 and later: a local repository lacking an object does not fetch it from its promisor remote.
    ...(lazyFetch ? {} : { GIT_NO_LAZY_FETCH: '1' }),
  };
}

let safeDirectories: string[] | undefined;

/** The user's own safe.directory entries (system and global config): git's ownership check, as they set it. */
function userSafeDirectories(): string[] {
  if (safeDirectories !== undefined) return safeDirectories;
  const result = spawnSync('git', ['config', '--show-scope', '--get-all', 'safe.directory'], {
    cwd: homedir(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  safeDirectories = (result.stdout ?? '').split('\n').flatMap((line) => {
    const [scope, value] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    return (scope === 'system' || scope === 'global') && value !== '' ? [value] : [];
  });
  return safeDirectories;
}

/** The command line of a git process: the overrides first, so nothing in the repository can undo them. */
export function gitArgs(run: Pick<GitRun, 'gitDir' | 'args' | 'protocols'>): string[] {
  const config = [
    ...OVERRIDES,
    ...(run.protocols ?? []).map((protocol) => `protocol.${protocol}.allow=always`),
    ...userSafeDirectories().map((dir) => `safe.directory=${dir}`),
  ];
  return [
    ...config.flatMap((entry) => ['-c', entry]),
    '--no-pager',
    ...(run.gitDir === undefined ? [] : [`--git-dir=${run.gitDir}`]),
    ...run.args,
  ];
}

/** The command line and environment of a git process of sync's that streams (cat-file --batch): as runGit's. */
export function gitCommand(run: Pick<GitRun, 'gitDir' | 'args' | 'protocols'>): {
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  return { args: gitArgs(run), env: gitEnv((run.protocols ?? []).length > 0) };
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git as above and says how it ended; RepoError when it cannot run or writes more than `maxBytes`,
 * SyncAbortedError when `signal` aborts (the process is stopped).
 */
export function runGit(run: GitRun): Promise<GitResult> {
  const { signal, maxBytes = Infinity } = run;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncAbortedError());
    // A process group of its own: stopping it stops the helpers git started too (remote-https, index-pack).
    const child = spawn('git', gitArgs(run), {
      cwd: run.cwd,
      env: gitEnv((run.protocols ?? []).length > 0),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (kill) {
        // Already gone: it ended between its output and this.
        if ((kill as NodeJS.ErrnoException).code !== 'ESRCH') throw kill;
      }
    };
    const onAbort = () => stop(new SyncAbortedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(new RepoError(`${run.what}: git wrote more than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => (failure ??= new RepoError(`${run.what}: cannot run git`, error)));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ code: code ?? 1, stdout: Buffer.concat(chunks), stderr: stderr.trim() });
    });
  });
}

/** Runs git; its output, or RepoError with git's own words when it fails. */
export async function git(run: GitRun): Promise<Buffer> {
  const result = await runGit(run);
  if (result.code !== 0) {
    throw new RepoError(
      `${run.what}${result.stderr === '' ? ` (git exited ${result.code})` : `: ${result.stderr}`}`,
    );
  }
  return result.stdout;
}

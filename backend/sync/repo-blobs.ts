import { spawn } from 'node:child_process';
import { RepoError } from './errors.ts';
import { gitCommand } from './git-process.ts';

// repo.ts's reads of many files at once: one git process for all the blobs of a tree, and, in a clone
// without blobs, one fetch for the missing ones. Only repo.ts calls these.

export type Run = (args: string[]) => Promise<string>;

/** A blobless clone would fetch each missing blob on its own as it is read: fetch them all at once. */
export async function fetchMissingBlobs(run: Run, commit: string, paths: readonly string[]): Promise<void> {
  const listed = await run(['rev-list', '--objects', '--no-walk', '--missing=print', commit, '--', ...paths]);
  const missing = listed
    .split('\n')
    .filter((line) => line.startsWith('?'))
    .map((line) => line.slice(1));
  for (let start = 0; start < missing.length; start += FETCH_BATCH) {
    const batch = missing.slice(start, start + FETCH_BATCH);
    await run([
      '-c',
      'fetch.negotiationAlgorithm=noop',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--filter=blob:none',
      'origin',
      ...batch,
    ]);
  }
}

const FETCH_BATCH = 500;

/** `git cat-file --batch`: each blob's header line, its bytes and a newline, in the order asked. */
export function catBlobs(
  dir: string,
  location: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  return new Promise((resolvePromise, reject) => {
    const fail = (reason: string, cause?: unknown) =>
      reject(new RepoError(`git cat-file --batch failed in ${location}: ${reason}`, cause));
    // Neutralised as every git process of sync's (git-process.ts); the blobs are known to be here.
    const command = gitCommand({ gitDir: dir, args: ['cat-file', '--batch'] });
    const child = spawn('git', command.args, { cwd: dir, env: command.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => fail('cannot run git', error));
    child.on('close', (code) => {
      if (code !== 0) return fail(Buffer.concat(err).toString('utf8').trim() || `exit ${code}`);
      const output = Buffer.concat(out);
      const texts = new Map<string, string>();
      let at = 0;
      for (const id of ids) {
        const end = output.indexOf(10, at);
        const header = output.subarray(at, end).toString('utf8').split(' ');
        if (end === -1 || header[0] !== id || header[1] !== 'blob') return fail(`no blob ${id}`);
        const size = Number(header[2]);
        texts.set(id, output.subarray(end + 1, end + 1 + size).toString('utf8'));
        at = end + 1 + size + 1;
      }
      resolvePromise(texts);
    });
    child.stdin.on('error', (error) => fail('cannot write to git', error));
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}

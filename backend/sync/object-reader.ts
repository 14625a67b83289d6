import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { RepoError, SyncAbortedError } from './errors.ts';
import { gitCommand } from './git-process.ts';

// One `git cat-file --batch-command` per repository, for all of sync's reads of objects: a git process
// costs more to start than most reads cost (designate's history took 880 of them, 12 s). Requests are
// answered in the order asked; a blob's size is asked before its bytes, so a huge one is never read.

export type ObjectInfo = { oid: string; type: string; size: number } | undefined;

type Pending =
  | { kind: 'info'; resolve: (info: ObjectInfo) => void; reject: (error: Error) => void }
  | { kind: 'contents'; resolve: (bytes: Buffer | undefined) => void; reject: (error: Error) => void };

export interface ObjectReaderOptions {
  gitDir: string;
  protocols: readonly string[];
  location: string;
  signal?: AbortSignal;
}

export class ObjectReader {
  private child: ChildProcessByStdio<Writable, Readable, Readable> | undefined;
  private readonly pending: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** How many more bytes the answer at the head needs before it can be read. */
  private awaiting = 0;
  private stderr = '';
  private failure: Error | undefined;

  constructor(private readonly options: ObjectReaderOptions) {
    options.signal?.addEventListener('abort', () => this.fail(new SyncAbortedError()), { once: true });
  }

  /** The object a name (`oid`, `commit:path`, `ref^{commit}`) names, or undefined when it names none. */
  info(name: string): Promise<ObjectInfo> {
    return new Promise((resolve, reject) => this.ask(`info ${name}`, { kind: 'info', resolve, reject }));
  }

  /** An object's bytes, or undefined when the name names none. */
  contents(name: string): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) =>
      this.ask(`contents ${name}`, { kind: 'contents', resolve, reject }),
    );
  }

  /**
   * The names in a tree (`commit:path`), or undefined when the name names no tree. A tree object is, per
   * entry, `<mode> <name>\0` and the entry's binary object id (20 or 32 bytes, as the repository's ids).
   */
  async treeNames(name: string): Promise<string[] | undefined> {
    const found = await this.info(name);
    const tree = found?.type === 'tree' ? await this.contents(found.oid) : undefined;
    if (!found || !tree) return undefined;
    const idBytes = found.oid.length / 2;
    const names: string[] = [];
    for (let at = 0; at < tree.length;) {
      const space = tree.indexOf(32, at);
      const nul = tree.indexOf(0, space);
      names.push(tree.subarray(space + 1, nul).toString('utf8'));
      at = nul + 1 + idBytes;
    }
    return names;
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private ask(command: string, request: Pending): void {
    if (this.failure) return request.reject(this.failure);
    // A name is one line of the protocol: one with a line end in it names nothing (and would be two commands).
    if (/[\n\r\0]/.test(command)) return request.resolve(undefined);
    const child = this.process();
    this.pending.push(request);
    if (this.pending.length === 1) this.hold(child, true);
    child.stdin.write(`${command}\n`);
  }

  private process() {
    if (this.child) return this.child;
    const { gitDir, protocols } = this.options;
    const command = gitCommand({ gitDir, args: ['cat-file', '--batch-command'], protocols });
    let writeError: Error | undefined;
    const child = spawn('git', command.args, {
      cwd: gitDir,
      env: command.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => this.fail(this.error('cannot run git', error)));
    child.on('close', (code) => {
      // A process let go of by close() ends as asked; requests since are another process's.
      if (this.child !== child) return;
      this.child = undefined;
      if (this.pending.length > 0)
        this.fail(this.error(this.stderr.trim() || `git exited ${code}`, writeError));
    });
    // A git that exits at once (too old to know --batch-command) breaks the pipe first: the close that follows
    // says why, in git's own words, with this as the cause.
    child.stdin.on('error', (error) => (writeError ??= error));
    this.child = child;
    return child;
  }

  /** An idle reader keeps no one waiting: the process is let go of between requests. */
  private hold(child: NonNullable<ObjectReader['child']>, busy: boolean): void {
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{
      ref(): void;
      unref(): void;
    }>)
      if (busy) handle.ref();
      else handle.unref();
  }

  private read(chunk: Buffer): void {
    // A blob comes in many chunks: they are joined once it is whole, not at each chunk.
    this.chunks.push(chunk);
    this.chunkBytes += chunk.length;
    if (this.chunkBytes < this.awaiting) return;
    this.buffered = Buffer.concat([this.buffered, ...this.chunks]);
    this.chunks = [];
    this.chunkBytes = 0;
    this.awaiting = 0;
    for (;;) {
      const request = this.pending[0];
      const end = this.buffered.indexOf(10);
      if (!request || end === -1) return;
      const header = this.buffered.subarray(0, end).toString('utf8').split(' ');
      // Found: `<oid> <type> <size>`; else `<name> missing` (or ambiguous), the name being any text.
      const found = header.length === 3 && /^[0-9a-f]{40,64}$/.test(header[0]!) && /^\d+$/.test(header[2]!);
      if (!found) {
        this.buffered = this.buffered.subarray(end + 1);
        this.pending.shift();
        request.resolve(undefined);
      } else {
        const [oid, type, sizeText] = header as [string, string, string];
        const size = Number(sizeText);
        if (request.kind === 'info') {
          this.buffered = this.buffered.subarray(end + 1);
          this.pending.shift();
          request.resolve({ oid, type, size });
        } else {
          if (this.buffered.length < end + 1 + size + 1) {
            this.awaiting = end + 1 + size + 1 - this.buffered.length;
            return;
          }
          const bytes = this.buffered.subarray(end + 1, end + 1 + size);
          this.buffered = this.buffered.subarray(end + 1 + size + 1);
          this.pending.shift();
          request.resolve(bytes);
        }
      }
      if (this.pending.length === 0 && this.child) this.hold(this.child, false);
    }
  }

  private error(reason: string, cause?: unknown): RepoError {
    const old = /batch-command/.test(reason) ? ' (sync needs git 2.36 or later)' : '';
    return new RepoError(`git cat-file failed in ${this.options.location}: ${reason}${old}`, cause);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.child?.kill();
    this.child = undefined;
    for (const request of this.pending.splice(0)) request.reject(this.failure);
  }
}

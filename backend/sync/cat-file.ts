import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { RepoError } from './errors.ts';

// One `git cat-file --batch` per repository: every object sync reads (a release's commit, each file at
// it) is one line written and one answer read, where a git process per read costs milliseconds each —
// and a sync reads thousands (every matrix file and Python module of every release).

export interface GitObject {
  oid: string;
  type: string;
  content: Buffer;
}

interface Pending {
  resolve(object: GitObject | undefined): void;
  reject(error: Error): void;
}

export class CatFile {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly dir: string,
    private readonly location: string,
  ) {}

  /** The object a revision names (`<commit>:<path>`, `<ref>^{commit}`), or undefined when it names none. */
  get(revision: string): Promise<GitObject | undefined> {
    // One revision a line: one with a line break in it cannot be asked for, and names nothing anyway.
    if (/[\r\n]/.test(revision)) return Promise.resolve(undefined);
    if (this.failure) return Promise.reject(this.failure);
    const child = this.start();
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) hold(child, true);
      this.pending.push({ resolve, reject });
      child.stdin.write(`${revision}\n`);
    });
  }

  /** Ends the process; later reads start another. */
  close(): void {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    // Reads still waiting would be answered by no one: they fail, naming why.
    const closed = new RepoError(`reads of ${this.location} were still waiting when it was closed`);
    for (const waiting of this.pending.splice(0)) waiting.reject(closed);
    this.buffer = Buffer.alloc(0);
    child.stdin.end();
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.dir, stdio: 'pipe' });
    this.child = child;
    hold(child, false);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (this.child !== child) return;
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (cause: unknown) => {
      // A process closed on purpose answers for nothing any more.
      if (this.child !== child) return;
      const error = new RepoError(
        `git cat-file failed in ${this.location}${stderr ? `: ${stderr.trim()}` : ''}`,
        cause,
      );
      this.failure = error;
      for (const waiting of this.pending.splice(0)) waiting.reject(error);
    };
    child.on('error', fail);
    child.stdin.on('error', fail);
    child.on('exit', (code) => {
      if (this.pending.length > 0) fail(new Error(`exited with ${code}`));
      if (this.child === child) this.child = undefined;
    });
    return child;
  }

  private drain(): void {
    while (this.pending.length > 0) {
      const end = this.buffer.indexOf(10);
      if (end === -1) return;
      const header = this.buffer.subarray(0, end).toString();
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buffer = this.buffer.subarray(end + 1);
        this.pending.shift()!.resolve(undefined);
        if (this.pending.length === 0 && this.child) hold(this.child, false);
        continue;
      }
      const [oid, type, size] = header.split(' ');
      const length = Number(size);
      if (this.buffer.length < end + 1 + length + 1) return;
      const content = Buffer.from(this.buffer.subarray(end + 1, end + 1 + length));
      this.buffer = this.buffer.subarray(end + 1 + length + 1);
      this.pending.shift()!.resolve({ oid: oid!, type: type!, content });
    }
    if (this.pending.length === 0 && this.child) hold(this.child, false);
  }
}

/** An idle batch never keeps the command running; one with reads pending does, until they are answered. */
function hold(child: ChildProcessWithoutNullStreams, waiting: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{
    ref?(): void;
    unref?(): void;
  }>) {
    if (waiting) handle.ref?.();
    else handle.unref?.();
  }
}

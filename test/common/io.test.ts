import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';

// processIo writes stdout to its descriptor. These run the real CLI, whose report of a registry with a thousand
// broken links is far more than a pipe holds, against readers that do not keep up or stop reading.
const cli = resolve(import.meta.dirname, '../../bin/driverlog.js');
let dir: string;
let file: string;
let expected: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'driverlog-io-'));
  file = join(dir, 'default_data.json');
  const registry = validRegistry();
  const [driver] = registry.drivers;
  registry.drivers = Array.from({ length: 1000 }, (_, i) => ({
    ...driver!,
    name: `Acme driver ${String(i).padStart(4, '0')}`,
    wiki: `ftp://wiki.example.org/${i}`,
  }));
  writeFileSync(file, formatRegistry(registry));
  const whole = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', file], {
    encoding: 'utf8',
  });
  expected = whole.stdout;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('processIo', () => {
  it('prints the whole report, in order, to a descriptor its parent left non-blocking that fills up', async () => {
    expect(expected.length).toBeGreaterThan(200_000);
    const fifo = join(dir, 'out');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    // Node makes a child's descriptors 0-2 blocking, so the shell hands the non-blocking one over as stdout.
    const child = spawn(
      '/bin/sh',
      ['-c', 'exec "$0" "$@" >&3 3>&-', process.execPath, cli, 'validate', '--format', 'json', file],
      {
        stdio: ['ignore', 'ignore', 'pipe', writer],
      },
    );
    closeSync(writer);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(1 << 16);
    const drain = (): void => {
      for (;;) {
        let read: number;
        try {
          read = readSync(reader, buffer);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return;
          throw error;
        }
        if (read === 0) return;
        chunks.push(Buffer.from(buffer.subarray(0, read)));
      }
    };
    // The pipe is full long before the report ends; reading only now and then makes every later write wait.
    await new Promise((done) => setTimeout(done, 200));
    const reading = setInterval(drain, 5);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(reading);
    drain();
    closeSync(reader);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(Buffer.concat(chunks).toString()).toBe(expected);
  });

  it('stops quietly when the reader closes the pipe early, as `| head` does', async () => {
    const child = spawn(process.execPath, [cli, 'validate', '--format', 'json', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<string>((done) =>
      child.stdout.once('data', (chunk: Buffer) => done(chunk.toString())),
    );
    child.stdout.destroy();
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(expected.startsWith(first)).toBe(true);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

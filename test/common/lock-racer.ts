// One of several processes racing for the same lock (lock.test.ts). Commands on stdin, one a line:
// "go" takes the lock and prints "held" or "refused <error>"; "release" releases it and prints
// "released". Loaded once, it races many times.
import { createInterface } from 'node:readline';
import { acquireLock, type FileLock } from '../../backend/common/lock.ts';

const file = process.argv[2]!;
let lock: FileLock | undefined;
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'go') {
    try {
      lock = acquireLock(file);
      process.stdout.write('held\n');
    } catch (error) {
      process.stdout.write(`refused ${(error as Error).name}: ${(error as Error).message}\n`);
    }
  } else if (line === 'release') {
    lock?.release();
    lock = undefined;
    process.stdout.write('released\n');
  }
});
process.stdout.write('ready\n');

import type { Io } from '../../backend/common/io.ts';

/** An Io that records what a command prints, for running commands in-process. */
export function fakeIo(
  cwd = process.cwd(),
  env: Io['env'] = {},
): { io: Io; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    env,
    cwd,
    isTTY: false,
  };
  return { io, out };
}

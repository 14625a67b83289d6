import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder holding `files` that nobody may write to: read-only permissions, or for root (who ignores them) a
 * read-only tmpfs mount. Undefined when neither can be set up here (root without the right to mount).
 */
export function readOnlyFolder(files: Record<string, string>): { dir: string; undo: () => void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'driverlog-readonly-'));
  const fill = () => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  };
  if (process.getuid?.() !== 0) {
    fill();
    chmodSync(dir, 0o555);
    return {
      dir,
      undo: () => {
        chmodSync(dir, 0o755);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch (error) {
    if ((error as { status?: number }).status !== undefined) return undefined;
    throw error;
  }
  fill();
  execFileSync('mount', ['-o', 'remount,ro', dir]);
  return {
    dir,
    undo: () => {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

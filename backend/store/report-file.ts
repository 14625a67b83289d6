import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic, WriteError } from '../common/atomic-write.ts';
import { DriverlogError, UsageError } from '../common/errors.ts';
import { runsFileOf } from '../model/runs-file.ts';

// `sync --report FILE` and `update --report FILE` replace FILE with JSON. Named as the registry or its runs file
// (directly, through a symlink or a hard link), that replaced the data with a report and said "up to date".

/** The file a path names through symlinks; for a file not there yet, its real folder and its name. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code !== 'ENOENT') throw inner;
      return path;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Refuses, before any work, a report path that is the registry `dataFile` or its runs file. Both are named
 * relative to `cwd`.
 */
export function checkReportPath(report: string, dataFile: string, cwd: string): void {
  const target = realTarget(resolve(cwd, report));
  const registry = realTarget(resolve(cwd, dataFile));
  for (const [file, what] of [
    [registry, 'the registry'],
    [realTarget(runsFileOf(registry)), "the registry's runs file"],
  ] as const) {
    if (sameFile(target, file)) {
      throw new UsageError(
        `--report ${report} is ${what} (${file}): the report would replace it; give the report a file of its own, e.g. --report report.json`,
      );
    }
  }
}

/**
 * Writes the report after the run wrote `written` (what it says, e.g. "data.json was written"): a failure is
 * returned, saying plainly that only the report is missing, for the command to print after its outcome.
 */
export function writeReport(
  path: string,
  text: string,
  written: string | undefined,
): DriverlogError | undefined {
  try {
    writeFileAtomic(path, text);
    return undefined;
  } catch (error) {
    if (!(error instanceof DriverlogError)) throw error;
    if (written === undefined) return error;
    return new WriteError(path, error.cause ?? error, `${written}; only the report is missing`);
  }
}

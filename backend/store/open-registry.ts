import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DriverlogError, onFile } from '../common/errors.ts';
import type { FileLock } from '../common/lock.ts';
import type { JsonSource } from '../json/source.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { formatText } from '../validate/problem-output.ts';
import { readRegistry } from '../validate/read-registry.ts';
import { runsFileOf } from '../model/runs-file.ts';
import type { Registry } from '../model/types.ts';

/** A registry file as read: its text, the one parse of it, and every problem validation finds in it. */
export interface OpenedRegistry {
  /** The file as the user named it: problems and messages say this. */
  file: string;
  /** Its absolute path. */
  path: string;
  text: string;
  /** The parse: value, and where every JSON pointer is (line:column), or the syntax error. */
  source: JsonSource;
  /**
   * The parsed value, each record with its runs from the runs file; undefined when the text is not JSON (or not
   * UTF-8). It may still break the schema.
   */
  value: Registry | undefined;
  /** Every problem, errors and warnings: the registry's, then its runs file's, each sorted by position. */
  problems: LocatedProblem[];
  /** The runs file beside the registry (model/runs-file.ts), as read; undefined when there is none yet. */
  runs?: { file: string; path: string; text: string; source: JsonSource };
  /** The runs file's name for messages, whether it exists or not (beside a symlink's target, by its path). */
  runsFile: string;
  /** The file `path` names, through any symlinks: what git knows it by. */
  realPath: string;
  /** The registry's lock, when it was read under one (lockRegistry) that the caller holds: saves use it. */
  lock?: FileLock;
}

/** The registry has errors, so a command that needs its data refuses to go on. */
export class InvalidRegistryError extends DriverlogError {
  constructor(readonly problems: LocatedProblem[]) {
    super(
      `${formatText(problems, 1).trimEnd()}\nfix these first ('driverlog validate' shows them)`,
      'INVALID_REGISTRY',
      'problems',
    );
  }
}

/**
 * Reads and validates a registry file (named relative to `cwd`) and the runs file beside it, with one parse each
 * (validate/read-registry.ts). A byte order mark is skipped; bytes that are not UTF-8 are an error at their line
 * and column (a rewrite would replace them with U+FFFD).
 */
export function openRegistry(file: string, options: { cwd?: string; lock?: FileLock } = {}): OpenedRegistry {
  const path = resolve(options.cwd ?? process.cwd(), file);
  // A FileError (exit 2) when it cannot be read at all: missing, a directory, no permission.
  const bytes = onFile(path, 'read', () => readFileSync(path));
  // Through a symlink, the runs file is the one beside the file it points to: the two move together.
  const real = onFile(path, 'resolve', () => realpathSync(path));
  const runsPath = runsFileOf(real);
  const runsName = real === path ? runsFileOf(file) : runsPath;
  const runsBytes = readIfPresent(runsPath);
  const read = readRegistry({ text: bytes, runsText: runsBytes, file, runsFile: runsName });
  return {
    file,
    path,
    text: read.text,
    source: read.source,
    value: read.registry ?? read.stored,
    problems: read.problems,
    ...(read.runs === undefined ? {} : { runs: { ...read.runs, path: runsPath } }),
    runsFile: runsName,
    realPath: real,
    ...(options.lock === undefined ? {} : { lock: options.lock }),
  };
}

/** A file's bytes, or undefined when it does not exist; any other failure to read it is a FileError. */
function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return onFile(path, 'read', () => {
      throw error;
    });
  }
}

/** The registry's value when it has no errors (warnings are the maintainers' call); InvalidRegistryError otherwise. */
export function requireValidRegistry(opened: OpenedRegistry): Registry {
  const errors = opened.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 || opened.value === undefined) throw new InvalidRegistryError(errors);
  return opened.value;
}

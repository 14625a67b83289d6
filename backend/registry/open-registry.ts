import { isUtf8 } from 'node:buffer';
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DriverlogError, onFile } from '../common/errors.ts';
import { parseJsonSource, type JsonSource } from '../json/source.ts';
import { positionFinder } from '../json/position.ts';
import type { LocatedProblem } from '../validate/problem.ts';
import { formatText } from '../validate/problem-output.ts';
import { runsSchemaErrors } from '../validate/schema-validator.ts';
import { validateRunsSource, validateSource } from '../validate/validate.ts';
import { joinRuns, runsFileOf } from './runs-file.ts';
import type { Registry, RunsFile, StoredRegistry } from './types.ts';

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
  /** The runs file beside the registry (registry/runs-file.ts), as read; undefined when there is none yet. */
  runs?: { file: string; path: string; text: string; source: JsonSource };
  /** The runs file's name for messages, whether it exists or not (beside a symlink's target, by its path). */
  runsFile: string;
  /** The file `path` names, through any symlinks: what git knows it by. */
  realPath: string;
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
 * Reads and validates a registry file (named relative to `cwd`) with one parse. A byte order mark is skipped;
 * bytes that are not UTF-8 are an error at their line and column (a rewrite would replace them with U+FFFD).
 */
export function openRegistry(file: string, options: { cwd?: string } = {}): OpenedRegistry {
  const path = resolve(options.cwd ?? process.cwd(), file);
  // A FileError (exit 2) when it cannot be read at all: missing, a directory, no permission.
  const bytes = onFile(path, 'read', () => readFileSync(path));
  const text = bytes.toString('utf8');
  const source = isUtf8(bytes) ? parseJsonSource(text) : notUtf8(bytes);
  const stored = source.ok ? (source.value as StoredRegistry) : undefined;
  const problems = validateSource(source, file);
  // Through a symlink, the runs file is the one beside the file it points to: the two move together.
  const real = onFile(path, 'resolve', () => realpathSync(path));
  const runsPath = runsFileOf(real);
  const runsName = real === path ? runsFileOf(file) : runsPath;
  const runsBytes = readIfPresent(runsPath);
  if (runsBytes === undefined)
    return { file, path, text, source, value: stored, problems, runsFile: runsName, realPath: real };
  const runsText = runsBytes.toString('utf8');
  const runsSource = isUtf8(runsBytes) ? parseJsonSource(runsText) : notUtf8(runsBytes);
  // Joined only when both files have the schema's shape; otherwise their errors already refuse the data.
  const shaped = (list: LocatedProblem[], ...checks: string[]) =>
    !list.some((problem) => problem.severity === 'error' && checks.includes(problem.check));
  const runs =
    runsSource.ok && runsSchemaErrors(runsSource.value).length === 0
      ? (runsSource.value as RunsFile)
      : undefined;
  const joined =
    stored !== undefined && runs !== undefined && shaped(problems, 'json-syntax', 'schema')
      ? joinRuns(stored, runs)
      : undefined;
  return {
    file,
    path,
    text,
    source,
    value: joined?.registry ?? stored,
    problems: [
      ...problems,
      ...validateRunsSource(runsSource, runsName, { unmatchedRuns: joined?.unmatched }),
    ],
    runs: { file: runsName, path: runsPath, text: runsText, source: runsSource },
    runsFile: runsName,
    realPath: real,
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

function notUtf8(bytes: Buffer): JsonSource {
  const offset = firstInvalidUtf8(bytes);
  const before = bytes.subarray(0, offset).toString('utf8');
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    error: {
      position: positionFinder(before)(before.length),
      message: `byte 0x${byte} is not UTF-8: the file must be UTF-8 encoded`,
      hint: 'retype the character here, or re-save the file as UTF-8 (rewriting it would replace the byte with U+FFFD)',
    },
  };
}

/**
 * Byte offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF), or -1 when every byte is well-formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // The allowed range of the second byte depends on the lead; later bytes are always 80..BF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

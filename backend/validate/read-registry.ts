import { parseJsonSource, type JsonSource } from '../json/source.ts';
import { parseJsonBytes } from '../json/utf8.ts';
import { joinRuns, runsFileOf } from '../model/runs-file.ts';
import type { Registry, RunsFile, StoredRegistry } from '../model/types.ts';
import type { LocatedProblem } from './problem.ts';
import { runsSchemaErrors } from './schema-validator.ts';
import { validateRunsSource, validateSource, type ValidateOptions } from './validate.ts';
import { DEFAULT_DATA_FILE } from '../model/defaults.ts';

export interface RegistryTexts extends ValidateOptions {
  /** The registry file's text, or its bytes (bytes that are not UTF-8 are then an error at their line:column). */
  text: string | Uint8Array;
  /** The runs file's text or bytes; absent when there is no runs file (yet). */
  runsText?: string | Uint8Array;
  /** The registry's name in problems (default `default_data.json`). */
  file?: string;
  /** The runs file's name in problems (default: the one beside `file`). */
  runsFile?: string;
}

export interface ReadRegistry {
  /**
   * The registry with each record's runs joined in; undefined unless both files have the schema's shape (every
   * command refuses any other, and the problems say where it breaks).
   */
  registry: Registry | undefined;
  /** The registry file's value as parsed, whatever its shape; undefined when it is not JSON (or not UTF-8). */
  stored: StoredRegistry | undefined;
  /** The registry file's text (decoded, when given bytes). */
  text: string;
  /** Its parse: where every JSON pointer is (line:column), or the syntax error. */
  source: JsonSource;
  /** Every problem, errors and warnings: the registry's, then its runs file's, each sorted by position. */
  problems: LocatedProblem[];
  /** The runs file as read, when there is one. */
  runs?: { file: string; text: string; source: JsonSource };
}

/**
 * The one reading of a registry: parse both texts once, validate each, and join the runs into the records. The
 * CLI (through store/open-registry.ts), the tests and the dashboard all read the registry with it.
 */
export function readRegistry(input: RegistryTexts): ReadRegistry {
  const file = input.file ?? DEFAULT_DATA_FILE;
  const { text, source } = parsed(input.text);
  const stored = source.ok ? (source.value as StoredRegistry) : undefined;
  const problems = validateSource(source, file, { now: input.now });
  const shaped = !problems.some(
    (problem) =>
      problem.severity === 'error' && (problem.check === 'json-syntax' || problem.check === 'schema'),
  );
  const registry = shaped ? (stored as Registry | undefined) : undefined;
  if (input.runsText === undefined) return { registry, stored, text, source, problems };
  const runsFile = input.runsFile ?? runsFileOf(file);
  const runs = parsed(input.runsText);
  const runsValue =
    runs.source.ok && runsSchemaErrors(runs.source.value).length === 0
      ? (runs.source.value as RunsFile)
      : undefined;
  // Joined only when both files have the schema's shape; otherwise their errors already refuse the data.
  const joined =
    registry !== undefined && runsValue !== undefined ? joinRuns(registry, runsValue) : undefined;
  return {
    registry: joined?.registry,
    stored,
    text,
    source,
    problems: [
      ...problems,
      ...validateRunsSource(runs.source, runsFile, { now: input.now, unmatchedRuns: joined?.unmatched }),
    ],
    runs: { file: runsFile, ...runs },
  };
}

function parsed(content: string | Uint8Array): { text: string; source: JsonSource } {
  return typeof content === 'string'
    ? { text: content, source: parseJsonSource(content) }
    : parseJsonBytes(content);
}

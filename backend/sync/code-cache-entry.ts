import type { CodeClass, SkippedFile, UnknownAttribute } from './code-facts.ts';

// One cache entry of code facts: what a commit's tree holds under upstream.code.paths, so that an unchanged
// ref is never parsed again. A commit's tree never changes, so an entry is only wrong when written by
// another version of the reader (its version is in the key) or damaged; it is checked field by field on
// every read, and anything unexpected makes it a miss. Pure: text in, value out.

/** Raised with every change to what the reader finds: older entries are then misses. */
export const CODE_READER_VERSION = 1;
const FORMAT = 'driverlog-code-facts';

export interface CodeKey {
  commit: string;
  paths: readonly string[];
  marker: string;
}

export interface TreeCode {
  /** .py files under the paths. */
  files: number;
  /** Whether any class is decorated with the marker (when none is, only files naming it were parsed). */
  marked: boolean;
  classes: CodeClass[];
  skipped: SkippedFile[];
}

/** The entry's text: one line of JSON, keys in a fixed order, so equal facts give equal bytes. */
export function codeEntryText(key: CodeKey, code: TreeCode): string {
  return (
    JSON.stringify({
      format: FORMAT,
      version: CODE_READER_VERSION,
      commit: key.commit,
      paths: key.paths,
      marker: key.marker,
      files: code.files,
      marked: code.marked,
      classes: code.classes.map((found) => ({
        class: found.class,
        file: found.file,
        line: found.line,
        ci_wiki_names: found.ci_wiki_names,
        supported: found.supported,
        version: found.version,
        ...(found.unknown ? { unknown: found.unknown.map(unknownEntry) } : {}),
      })),
      skipped: code.skipped.map((file) => ({ file: file.file, line: file.line, message: file.message })),
    }) + '\n'
  );
}

const unknownEntry = (u: UnknownAttribute) => ({
  attribute: u.attribute,
  file: u.file,
  line: u.line,
  text: u.text,
});

/** The entry's facts, or why it cannot be trusted. */
export function parseCodeEntry(text: string, key: CodeKey): { code: TreeCode } | { corrupt: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { corrupt: `not JSON (${(error as Error).message})` };
  }
  if (!isObject(value) || value.format !== FORMAT) return { corrupt: 'not a code facts entry' };
  if (value.version !== CODE_READER_VERSION)
    return { corrupt: `written by reader version ${String(value.version)}` };
  if (value.commit !== key.commit || value.marker !== key.marker || !sameList(value.paths, key.paths))
    return { corrupt: 'it is for another commit or another upstream.code' };
  const { files, marked, classes, skipped } = value;
  if (!isCount(files) || typeof marked !== 'boolean') return { corrupt: 'files or marked is malformed' };
  if (!Array.isArray(classes) || !classes.every(isCodeClass)) return { corrupt: 'a class is malformed' };
  if (!Array.isArray(skipped) || !skipped.every(isSkipped)) return { corrupt: 'a skipped file is malformed' };
  return { code: { files, marked, classes, skipped } };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isLine = (value: unknown): value is number => isCount(value) && value > 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const hasOnly = (value: Json, keys: readonly string[]) =>
  Object.keys(value).every((key) => keys.includes(key));
const sameList = (value: unknown, list: readonly string[]) =>
  Array.isArray(value) && value.length === list.length && value.every((item, i) => item === list[i]);

const CLASS_KEYS = ['class', 'file', 'line', 'ci_wiki_names', 'supported', 'version', 'unknown'];

function isCodeClass(value: unknown): value is CodeClass {
  if (!isObject(value) || !hasOnly(value, CLASS_KEYS)) return false;
  const { class: path, file, line, ci_wiki_names: wiki, supported, version, unknown } = value;
  return (
    isText(path) &&
    path.includes('.') &&
    isText(file) &&
    isLine(line) &&
    Array.isArray(wiki) &&
    wiki.every(isText) &&
    typeof supported === 'boolean' &&
    (version === null ||
      typeof version === 'string' ||
      (typeof version === 'number' && Number.isFinite(version))) &&
    (unknown === undefined || (Array.isArray(unknown) && unknown.length > 0 && unknown.every(isUnknown)))
  );
}

function isUnknown(value: unknown): value is UnknownAttribute {
  return (
    isObject(value) &&
    hasOnly(value, ['attribute', 'file', 'line', 'text']) &&
    isText(value.attribute) &&
    isText(value.file) &&
    isLine(value.line) &&
    typeof value.text === 'string'
  );
}

function isSkipped(value: unknown): value is SkippedFile {
  return (
    isObject(value) &&
    hasOnly(value, ['file', 'line', 'message']) &&
    isText(value.file) &&
    isLine(value.line) &&
    typeof value.message === 'string'
  );
}

import type { Literal, PythonModule } from './python-module.ts';
import { moduleSet, resolveClassAttribute, type ModuleSet } from './python-resolve.ts';

// A project's driver classes in one tree: each class decorated with the marker, with what it says of itself
// (CI_WIKI_NAME, SUPPORTED, VERSION), set in its body or inherited. Pure.

/** Where an attribute is set to something no literal reading gives (a name, a call). */
export interface UnknownAttribute {
  attribute: string;
  file: string;
  line: number;
  /** The expression, shortened. */
  text: string;
}

export interface CodeClass {
  /** module.Class, e.g. cinder.volume.drivers.rbd.RBDDriver. */
  class: string;
  file: string;
  line: number;
  /** Its CI_WIKI_NAME (a str, or a list of them, as some classes have); [] when never set or None. */
  ci_wiki_names: string[];
  /** True when never set; False only when it is a literal Python reads as false. */
  supported: boolean;
  version: string | number | null;
  /** Attributes the class has whose value is unknown, and where. */
  unknown?: UnknownAttribute[];
}

/** A file skipped because it is not valid Python. */
export interface SkippedFile {
  file: string;
  line: number;
  message: string;
}

/** Python's truth: empty strings and lists, zero and None are false. */
const truthy = (value: Literal) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** CI_WIKI_NAME's names: a str, or a list or tuple of them. */
function wikiNames(value: Literal | undefined): string[] | undefined {
  if (value === undefined || value === null) return [];
  const names = Array.isArray(value) ? value : [value];
  if (!names.every((name): name is string => typeof name === 'string')) return undefined;
  return [...new Set(names.filter((name) => name !== ''))];
}

/**
 * Every class of `candidates` decorated with `marker` (as written, e.g. interface.volumedriver), sorted by
 * path, its attributes resolved across `modules` (by default, the candidates alone).
 */
export function codeClasses(
  candidates: readonly PythonModule[],
  marker: string,
  modules: ModuleSet = moduleSet(candidates),
): CodeClass[] {
  const found: CodeClass[] = [];
  for (const module of candidates) {
    for (const decorated of module.classes) {
      if (!decorated.decorators.includes(marker)) continue;
      const path = `${module.name}.${decorated.name}`;
      const unknown: UnknownAttribute[] = [];
      const read = (attribute: string) => {
        const resolved = resolveClassAttribute(modules, path, attribute);
        if (!resolved) return undefined;
        const { value } = resolved;
        if (value.kind === 'literal') return { ...resolved, value: value.value };
        unknown.push({ attribute, file: resolved.path, line: resolved.line, text: value.text });
        return undefined;
      };
      const unknownType = (attribute: string, found: { path: string; line: number; value: Literal }) =>
        unknown.push({ attribute, file: found.path, line: found.line, text: JSON.stringify(found.value) });
      const wiki = read('CI_WIKI_NAME');
      const supported = read('SUPPORTED');
      const version = read('VERSION');
      const names = wikiNames(wiki?.value);
      if (names === undefined) unknownType('CI_WIKI_NAME', wiki!);
      const entry: CodeClass = {
        class: path,
        file: module.path,
        line: decorated.line,
        ci_wiki_names: names ?? [],
        supported: supported === undefined || truthy(supported.value),
        version:
          typeof version?.value === 'string' || typeof version?.value === 'number' ? version.value : null,
      };
      if (unknown.length > 0) entry.unknown = unknown;
      found.push(entry);
    }
  }
  return found.sort((a, b) => (a.class < b.class ? -1 : a.class > b.class ? 1 : 0));
}

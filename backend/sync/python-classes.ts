import { readPythonModule, type Literal, type PythonModule, type PythonRead } from './python-module.ts';
import {
  classAt,
  classMro,
  moduleSet,
  resolveBase,
  resolveClassAttribute,
  sourceModule,
  type ModuleSet,
} from './python-resolve.ts';

// A class attribute as Python finds it (python-resolve.ts: C3 across the modules read), for readers that
// start from one class (an entry point's target) rather than from every module of a folder: the modules are
// read as the class's bases need them, following the imports that bind each base, until every base the
// repository defines is found. Bases from outside the repository (abc.ABC, object) end the search.

/** Reads a file of the tree being read; undefined when it has none. */
export type ReadFile = (path: string) => Promise<string | undefined>;

export interface FoundClass {
  /** `module.Class`. */
  path: string;
  /** The first line of its docstring. */
  summary?: string;
}

export interface FoundAttribute {
  value: { kind: 'literal'; value: Literal } | { kind: 'unknown'; text: string };
  /** The class that sets it (`module.Class`), and where. */
  owner: string;
  path: string;
  line: number;
}

const MAX_ROUNDS = 30;
const MODULE_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

// The same file is read at many releases, mostly unchanged: parse each text once per run.
const PARSED = new Map<string, PythonRead>();
const MAX_PARSED = 2000;

function parse(path: string, text: string): PythonRead {
  const key = `${path}\0${text}`;
  let read = PARSED.get(key);
  if (!read) {
    read = readPythonModule(path, text);
    if (PARSED.size >= MAX_PARSED) PARSED.delete(PARSED.keys().next().value!);
    PARSED.set(key, read);
  }
  return read;
}

/** The modules of one tree, each read once and only when a class's bases need it. */
export class PythonTree {
  private readonly loaded = new Map<string, PythonModule | null>();
  private set: ModuleSet | undefined;
  /** Modules the parser could not read, at REF:PATH:LINE. */
  readonly warnings: string[] = [];

  constructor(
    private readonly read: ReadFile,
    private readonly ref: string,
  ) {}

  /** The class `name` of a module (or that the module imports under that name). */
  async findClass(module: string, name: string): Promise<FoundClass | undefined> {
    await this.load(module);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const modules = this.modules();
      const own = modules.get(module);
      if (!own) return undefined;
      const path = resolveBase(modules, own, name, Number.POSITIVE_INFINITY);
      if (path) {
        const summary = classAt(modules, path)?.summary;
        return summary === undefined ? { path } : { path, summary };
      }
      if (!(await this.loadAll(this.candidates(own, name, 0)))) return undefined;
    }
    return undefined;
  }

  /** An attribute of a class, as Python finds it through the class's bases. */
  async attribute(found: FoundClass, attribute: string): Promise<FoundAttribute | undefined> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const modules = this.modules();
      const needed: string[] = [];
      for (const path of classMro(modules, found.path)) {
        const owner = classAt(modules, path);
        const module = modules.get(path.slice(0, path.lastIndexOf('.')));
        if (!owner || !module) continue;
        for (const base of owner.bases) {
          if (!resolveBase(modules, module, base, owner.line))
            needed.push(...this.candidates(module, base, 0));
        }
      }
      if (!(await this.loadAll(needed))) break;
    }
    const resolved = resolveClassAttribute(this.modules(), found.path, attribute);
    if (!resolved) return undefined;
    const value =
      resolved.value.kind === 'literal'
        ? { kind: 'literal' as const, value: resolved.value.value }
        : { kind: 'unknown' as const, text: resolved.value.text };
    return { value, owner: resolved.class, path: resolved.path, line: resolved.line };
  }

  private modules(): ModuleSet {
    this.set ??= moduleSet(
      [...this.loaded.values()].filter((module): module is PythonModule => module !== null),
    );
    return this.set;
  }

  /** Loads each module; whether any was new. */
  private async loadAll(names: readonly string[]): Promise<boolean> {
    let grew = false;
    for (const name of names) if (await this.load(name)) grew = true;
    return grew;
  }

  /** A dotted module: `a/b.py`, else the package `a/b/__init__.py`; whether it was read now. */
  private async load(name: string): Promise<boolean> {
    if (this.loaded.has(name)) return false;
    this.loaded.set(name, null);
    if (!MODULE_NAME.test(name)) return false;
    const base = name.replace(/\./g, '/');
    for (const path of [`${base}.py`, `${base}/__init__.py`]) {
      const text = await this.read(path);
      if (text === undefined) continue;
      const read = parse(path, text);
      if (!read.ok) {
        this.warnings.push(`${this.ref}:${path}:${read.error.line}: ${read.error.message}`);
        return false;
      }
      this.loaded.set(name, read.module);
      this.set = undefined;
      return true;
    }
    return false;
  }

  /** The modules that may define what `dotted` names in `module`: those its imports of the first name point to. */
  private candidates(module: PythonModule, dotted: string, depth: number): string[] {
    const [head, ...rest] = dotted.split('.');
    const names: string[] = [];
    // `start.rest…`: each module on the way, and what a loaded one binds to the rest (a re-export).
    const along = (start: string, remaining: readonly string[] = rest) => {
      let at = start;
      for (let i = 0; ; i++) {
        names.push(at);
        const loaded = this.loaded.get(at);
        if (loaded && i < remaining.length && depth < MAX_ROUNDS) {
          names.push(...this.candidates(loaded, remaining.slice(i).join('.'), depth + 1));
        }
        if (i >= remaining.length - 1) break;
        at = `${at}.${remaining[i]}`;
      }
    };
    for (const entry of module.imports) {
      if (entry.kind === 'import') {
        if (entry.alias === head) along(entry.module);
        else if (entry.alias === undefined && entry.module.split('.')[0] === head) along(head!);
        continue;
      }
      if (entry.name !== '*' && (entry.alias ?? entry.name) !== head) continue;
      const source = sourceModule(module, entry).name;
      if (entry.name === '*') {
        names.push(source);
        continue;
      }
      // `from source import name`: name is a submodule, or what source binds (perhaps imported in turn).
      along(source, [entry.name!, ...rest]);
    }
    return names.filter((name) => !this.loaded.has(name));
  }
}

/** `module:Class` (an entry point's target) as its two parts, or undefined when it is not one. */
export function splitTarget(target: string): { module: string; name: string } | undefined {
  const match = /^\s*([A-Za-z_][\w.]*)\s*:\s*([A-Za-z_]\w*)\s*$/.exec(target);
  return match ? { module: match[1]!, name: match[2]! } : undefined;
}

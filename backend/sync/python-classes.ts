import { readPythonModule, type PyClass, type PyModule, type PyValue } from './python-module.ts';

// A class attribute as Python would find it: on the class, else on its bases, left to right and depth
// first (which is Python's order for the single inheritance driver classes use), following imports to the
// module files of the same repository. Bases from outside the repository (abc.ABC, object) end the search.

/** Reads a file of the tree being read; undefined when it has none. */
export type ReadFile = (path: string) => Promise<string | undefined>;

export interface LoadedModule {
  module: PyModule;
  /** The file it was read from, for REF:PATH:LINE. */
  path: string;
}

export interface FoundClass {
  module: string;
  path: string;
  found: PyClass;
}

export interface FoundAttribute {
  value: PyValue;
  /** The class that assigns it, and where. */
  owner: string;
  path: string;
  line: number;
}

const MAX_DEPTH = 30;

/** Modules of one tree, each read and parsed once. */
export class PythonTree {
  private readonly modules = new Map<string, Promise<LoadedModule | undefined>>();
  constructor(private readonly read: ReadFile) {}

  /** A dotted module (`ironic.drivers.ipmi`): `ironic/drivers/ipmi.py`, else its package's `__init__.py`. */
  module(name: string): Promise<LoadedModule | undefined> {
    let loaded = this.modules.get(name);
    if (!loaded) {
      loaded = this.load(name);
      this.modules.set(name, loaded);
    }
    return loaded;
  }

  private async load(name: string): Promise<LoadedModule | undefined> {
    if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(name)) return undefined;
    const base = name.replace(/\./g, '/');
    for (const [path, isPackage] of [
      [`${base}.py`, false],
      [`${base}/__init__.py`, true],
    ] as const) {
      const text = await this.read(path);
      if (text !== undefined) return { module: readPythonModule(text, name, isPackage), path };
    }
    return undefined;
  }

  /** The class `name` of a module, through re-exports (`from .base import Driver`). */
  async findClass(module: string, name: string, depth = 0): Promise<FoundClass | undefined> {
    if (depth > MAX_DEPTH) return undefined;
    const loaded = await this.module(module);
    if (!loaded) return undefined;
    const found = loaded.module.classes.get(name);
    if (found) return { module, path: loaded.path, found };
    const imported = loaded.module.imports.get(name);
    if (imported?.name === undefined) return undefined;
    return this.findClass(imported.module, imported.name, depth + 1);
  }

  /** A base as written in `module` (`Base`, `generic.GenericHardware`, `a.b.Base`). */
  async findBase(module: string, base: string): Promise<FoundClass | undefined> {
    const parts = base.split('.');
    const name = parts.at(-1)!;
    if (parts.length === 1) return this.findClass(module, name);
    const loaded = await this.module(module);
    const bound = loaded?.module.imports.get(parts[0]!);
    if (!bound) return undefined;
    // `from pkg import mod` binds a module when pkg/mod.py exists; `import a.b` binds a.
    const head = bound.name === undefined ? bound.module : `${bound.module}.${bound.name}`;
    return this.findClass([head, ...parts.slice(1, -1)].join('.'), name);
  }

  /** An attribute of a class, looked up through its bases. */
  async attribute(start: FoundClass, attribute: string): Promise<FoundAttribute | undefined> {
    const seen = new Set<string>();
    const visit = async (at: FoundClass, depth: number): Promise<FoundAttribute | undefined> => {
      const key = `${at.module}:${at.found.name}`;
      if (seen.has(key) || depth > MAX_DEPTH) return undefined;
      seen.add(key);
      const own = at.found.attributes.get(attribute);
      if (own) return { value: own.value, owner: key, path: at.path, line: own.line };
      for (const base of at.found.bases) {
        const parent = await this.findBase(at.module, base);
        const found = parent && (await visit(parent, depth + 1));
        if (found) return found;
      }
      return undefined;
    };
    return visit(start, 0);
  }
}

/** `module:Class` (an entry point's target) as its two parts, or undefined when it is not one. */
export function splitTarget(target: string): { module: string; name: string } | undefined {
  const match = /^\s*([A-Za-z_][\w.]*)\s*:\s*([A-Za-z_]\w*)\s*$/.exec(target);
  return match ? { module: match[1]!, name: match[2]! } : undefined;
}

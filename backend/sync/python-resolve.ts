import type { Literal, PythonClass, PythonImport, PythonModule, PythonValue } from './python-module.ts';

// Names across a set of modules, as Python resolves them: a base class or a value's name through the
// module's imports (`import a.b`, `import a.b as c`, `from a import b`, `from a import b as c`,
// `from . import b`, `from a import *`), classes and assignments; then a class's method resolution order,
// and its attributes through it. Only the given modules are known: a base that is not one of their classes
// contributes nothing, and a name bound outside them has no known value. Pure.

/** Modules by dotted name: a Map, or a tree that reads each module when it is first asked for. */
export interface ModuleSet {
  get(name: string): PythonModule | undefined;
  has(name: string): boolean;
}

export function moduleSet(modules: Iterable<PythonModule>): Map<string, PythonModule> {
  return new Map([...modules].map((module) => [module.name, module]));
}

type Target =
  | { kind: 'module'; name: string }
  | { kind: 'class'; module: string; name: string }
  | { kind: 'value'; value: PythonValue; module: PythonModule; class?: string };

/** Whether a lookup may end at an assigned value (a value's name), or only at modules and classes (a base). */
type Wanted = 'class' | 'value';

const MAX_DEPTH = 64;

const moduleOf = (modules: ModuleSet, classPath: string) =>
  modules.get(classPath.slice(0, classPath.lastIndexOf('.')));

/** A module-level class of the set (its last definition), by `module.Class` path. */
export function classAt(modules: ModuleSet, path: string): PythonClass | undefined {
  const module = moduleOf(modules, path);
  return module && lastClass(module, path.slice(path.lastIndexOf('.') + 1), Number.POSITIVE_INFINITY);
}

function lastClass(module: PythonModule, name: string, before: number): PythonClass | undefined {
  let found: PythonClass | undefined;
  for (const candidate of module.classes) {
    if (candidate.name === name && candidate.line < before) found = candidate;
  }
  return found;
}

/**
 * The `module.Class` path a base written in `module` at `line` names (`san.SanISCSIDriver`), or undefined
 * when it names no class of the set.
 */
export function resolveBase(
  modules: ModuleSet,
  module: PythonModule,
  written: string,
  line: number,
): string | undefined {
  const target = lookup(modules, module, written, line, 'class', 0);
  return target?.kind === 'class' ? `${target.module}.${target.name}` : undefined;
}

function lookup(
  modules: ModuleSet,
  module: PythonModule,
  dotted: string,
  line: number,
  wanted: Wanted,
  depth: number,
): Target | undefined {
  const [head, ...rest] = dotted.split('.');
  let target = bindingOf(modules, module, head!, line, wanted, depth);
  for (const segment of rest) {
    if (!target) return undefined;
    target = member(modules, target, segment, wanted, depth);
  }
  return target;
}

/** What `name` is bound to in `module` before `line`: the latest import, class (or, for values, assignment). */
function bindingOf(
  modules: ModuleSet,
  module: PythonModule,
  name: string,
  line: number,
  wanted: Wanted,
  depth: number,
): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let best: { line: number; target: () => Target | undefined } | undefined;
  const consider = (at: number, target: () => Target | undefined) => {
    if (at < line && (!best || at >= best.line)) best = { line: at, target };
  };
  for (const entry of module.imports) {
    if (entry.kind === 'import') {
      if (entry.alias === name) consider(entry.line, () => ({ kind: 'module', name: entry.module }));
      else if (!entry.alias && entry.module.split('.')[0] === name)
        consider(entry.line, () => ({ kind: 'module', name }));
    } else if (entry.name !== '*' && (entry.alias ?? entry.name) === name) {
      const source = sourceModule(module, entry);
      consider(entry.line, () => member(modules, source, entry.name!, wanted, depth + 1));
    }
  }
  const own = lastClass(module, name, line);
  if (own) consider(own.line, () => ({ kind: 'class', module: module.name, name }));
  // `try: import x / except ImportError: x = None` must still find the import: assignments only count
  // for values.
  const assigned = wanted === 'value' ? module.attributes.get(name) : undefined;
  if (assigned) consider(assigned.line, () => ({ kind: 'value', value: assigned, module }));
  if (best) return best.target();
  const stars = module.imports.filter((entry) => entry.name === '*' && entry.line < line).reverse();
  for (const star of stars) {
    const source = modules.get(sourceModule(module, star).name);
    const found = source && bindingOf(modules, source, name, Number.POSITIVE_INFINITY, wanted, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The module a `from` import reads: absolute, or relative to the importing module's package. */
export function sourceModule(module: PythonModule, entry: PythonImport): { kind: 'module'; name: string } {
  if (entry.level === 0) return { kind: 'module', name: entry.module };
  const packageParts = module.name.split('.');
  if (!module.isPackage) packageParts.pop();
  const base = packageParts.slice(0, packageParts.length - (entry.level - 1));
  return { kind: 'module', name: [...base, ...(entry.module ? [entry.module] : [])].join('.') };
}

/** `target.segment`: a submodule or what a module binds, or (for values) a class's attribute. */
function member(
  modules: ModuleSet,
  target: Target,
  segment: string,
  wanted: Wanted,
  depth: number,
): Target | undefined {
  if (depth > MAX_DEPTH || target.kind === 'value') return undefined;
  if (target.kind === 'class') {
    if (wanted === 'class') return undefined;
    const found = ownOrInherited(modules, `${target.module}.${target.name}`, segment);
    return found && { kind: 'value', ...found };
  }
  const child = `${target.name}.${segment}`;
  if (modules.has(child)) return { kind: 'module', name: child };
  const module = modules.get(target.name);
  const bound = module && bindingOf(modules, module, segment, Number.POSITIVE_INFINITY, wanted, depth + 1);
  // Outside the set, it may still be a package on the way to one of the set's modules.
  return bound ?? { kind: 'module', name: child };
}

const mroCache = new WeakMap<ModuleSet, Map<string, string[]>>();

/**
 * The class's method resolution order within the set (the class first), by C3 linearization as Python
 * computes it, leaving out bases outside the set. Where C3 finds no order (Python would refuse the class),
 * left-to-right depth-first order, each class once. [] when the path is no class of the set.
 */
export function classMro(modules: ModuleSet, path: string): string[] {
  let cache = mroCache.get(modules);
  if (!cache) mroCache.set(modules, (cache = new Map()));
  return linearize(modules, path, cache, new Set());
}

function linearize(
  modules: ModuleSet,
  path: string,
  cache: Map<string, string[]>,
  active: Set<string>,
): string[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const found = classAt(modules, path);
  // A class that inherits from itself (through imports that loop) cannot exist: it stops here.
  if (!found || active.has(path)) return [];
  active.add(path);
  const module = moduleOf(modules, path)!;
  const bases = found.bases
    .map((base) => resolveBase(modules, module, base, found.line))
    .filter((base): base is string => base !== undefined);
  const lists = bases.map((base) => linearize(modules, base, cache, active));
  const order = [path, ...(c3Merge([...lists, bases]) ?? [...new Set(lists.flat())])];
  active.delete(path);
  cache.set(path, order);
  return order;
}

function c3Merge(lists: string[][]): string[] | undefined {
  const pending = lists.map((list) => [...list]).filter((list) => list.length > 0);
  const merged: string[] = [];
  while (pending.length > 0) {
    const head = pending
      .map((list) => list[0]!)
      .find((candidate) => pending.every((list) => !list.slice(1).includes(candidate)));
    if (head === undefined) return undefined;
    merged.push(head);
    for (const list of pending) if (list[0] === head) list.shift();
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.length === 0) pending.splice(i, 1);
  }
  return merged;
}

function ownOrInherited(
  modules: ModuleSet,
  classPath: string,
  attribute: string,
): { value: PythonValue; module: PythonModule; class: string } | undefined {
  for (const path of classMro(modules, classPath)) {
    const value = classAt(modules, path)?.attributes.get(attribute);
    if (value) return { value, module: moduleOf(modules, path)!, class: path };
  }
  return undefined;
}

/** An attribute's value as the class has it, and where that value is written. */
export interface ResolvedAttribute {
  /** A literal, or unknown (then `text` is the expression, or the name no module of the set binds). */
  value: { kind: 'literal'; value: Literal } | { kind: 'unknown'; text: string };
  /** The class that sets the attribute (`module.Class`). */
  class: string;
  /** The file and line of the literal, or of what is unknown. */
  path: string;
  line: number;
}

/**
 * The attribute as the class has it: set in its own body, or inherited from the first class of its method
 * resolution order that sets it; a value that is a name (`VERSION = utils.VERSION`) is followed to the
 * binding it names. Undefined when no class of the set sets the attribute.
 */
export function resolveClassAttribute(
  modules: ModuleSet,
  classPath: string,
  attribute: string,
): ResolvedAttribute | undefined {
  const found = ownOrInherited(modules, classPath, attribute);
  if (!found) return undefined;
  let {
    value,
    module,
    class: inClass,
  } = found as { value: PythonValue; module: PythonModule; class?: string };
  for (let depth = 0; value.kind === 'name' && depth < MAX_DEPTH; depth++) {
    const next = nameValue(modules, module, inClass, value);
    if (!next) return unknownAt(found.class, module, value.line, value.name);
    ({ value, module, class: inClass } = next);
  }
  if (value.kind === 'literal')
    return {
      value: { kind: 'literal', value: value.value },
      class: found.class,
      path: module.path,
      line: value.line,
    };
  return unknownAt(found.class, module, value.line, value.kind === 'name' ? value.name : value.text);
}

function unknownAt(inClass: string, module: PythonModule, line: number, text: string): ResolvedAttribute {
  return { value: { kind: 'unknown', text }, class: inClass, path: module.path, line };
}

/** The binding a name value refers to: in a class body, an earlier attribute of the class, else the module's. */
function nameValue(
  modules: ModuleSet,
  module: PythonModule,
  inClass: string | undefined,
  value: { name: string; line: number },
): { value: PythonValue; module: PythonModule; class?: string } | undefined {
  const [head] = value.name.split('.');
  const own = inClass ? classAt(modules, inClass)?.attributes.get(head!) : undefined;
  if (own && own.line < value.line && !value.name.includes('.'))
    return { value: own, module, class: inClass };
  const target = lookup(modules, module, value.name, value.line, 'value', 0);
  return target?.kind === 'value' ? target : undefined;
}

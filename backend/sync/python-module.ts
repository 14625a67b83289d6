import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';

// What sync needs of a Python module, read from its syntax tree (never by pattern-matching the text):
// the names its imports bind, and its top-level classes with their bases, docstring and the literal values
// their bodies assign. Lezer's parser recovers from errors; the lines it could not read are kept so that a
// caller can say where a fact may be missing.

/** A literal a class body assigns: strings, booleans, numbers and None; anything else is `expression`. */
export type PyValue =
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'none' }
  | { kind: 'expression'; text: string };

export interface PyClass {
  name: string;
  line: number;
  /** The bases as written, dotted (`generic.GenericHardware`); keyword arguments are left out. */
  bases: string[];
  /** The first line of the docstring, trimmed. */
  summary?: string;
  /** Name → the last value the class body assigns it (`name = …` or `name: T = …`). */
  attributes: Map<string, { value: PyValue; line: number }>;
}

/** What a name an import binds refers to: a module, or a name inside one. */
export interface PyImport {
  module: string;
  name?: string;
}

export interface PyModule {
  classes: Map<string, PyClass>;
  imports: Map<string, PyImport>;
  /** Lines the parser could not read. */
  errorLines: number[];
}

/**
 * Reads a module's top-level imports and classes. `module` is its dotted name (`ironic.drivers.ipmi`);
 * `isPackage` says it is a package's `__init__.py`, which relative imports need.
 */
export function readPythonModule(text: string, module: string, isPackage = false): PyModule {
  // The same file is read at many releases, mostly unchanged: parse each text once per run.
  const key = `${module}\0${isPackage}\0${text}`;
  const known = PARSED.get(key);
  if (known) return known;
  const read = parseModule(text, module, isPackage);
  if (PARSED.size >= MAX_PARSED) PARSED.delete(PARSED.keys().next().value!);
  PARSED.set(key, read);
  return read;
}

const PARSED = new Map<string, PyModule>();
const MAX_PARSED = 2000;

function parseModule(text: string, module: string, isPackage: boolean): PyModule {
  const tree = parser.parse(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (pos: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= pos) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const source = (node: SyntaxNode) => text.slice(node.from, node.to);
  const result: PyModule = { classes: new Map(), imports: new Map(), errorLines: [] };
  tree.iterate({
    enter(ref) {
      if (ref.type.isError) result.errorLines.push(lineOf(ref.from));
    },
  });
  const pkg = isPackage ? module : module.slice(0, Math.max(0, module.lastIndexOf('.')));
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'ImportStatement') readImport(node, source, pkg, result.imports);
    // A decorated class (@six.add_metaclass(abc.ABCMeta)) is a DecoratedStatement around its definition.
    const definition = node.name === 'DecoratedStatement' ? node.getChild('ClassDefinition') : node;
    if (definition?.name === 'ClassDefinition') {
      const found = readClass(definition, source, lineOf);
      if (found) result.classes.set(found.name, found);
    }
  }
  return result;
}

function readImport(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
  pkg: string,
  imports: Map<string, PyImport>,
): void {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  const isFrom = children[0]?.name === 'from';
  if (!isFrom) {
    // import a.b.c [as d], e: "a.b.c as d" binds d to a.b.c; a bare "a.b.c" binds a.
    for (const [dotted, alias] of importedNames(children.slice(1), source)) {
      if (alias) imports.set(alias, { module: dotted });
      else imports.set(dotted.split('.')[0]!, { module: dotted.split('.')[0]! });
    }
    return;
  }
  const at = children.findIndex((child) => child.name === 'import');
  const from = children.slice(1, at).map(source).join('').replace(/\s+/g, '');
  const dots = /^\.*/.exec(from)![0].length;
  let base = from.slice(dots);
  if (dots > 0) {
    const parts = pkg === '' ? [] : pkg.split('.');
    const parent = parts.slice(0, Math.max(0, parts.length - (dots - 1))).join('.');
    base = [parent, base].filter((part) => part !== '').join('.');
  }
  for (const [name, alias] of importedNames(children.slice(at + 1), source)) {
    if (name === '*') continue;
    imports.set(alias ?? name, { module: base, name });
  }
}

/** The names of an import list as [dotted name, alias]. */
function importedNames(nodes: SyntaxNode[], source: (node: SyntaxNode) => string): Array<[string, string?]> {
  const names: Array<[string, string?]> = [];
  let dotted = '';
  let alias: string | undefined;
  let afterAs = false;
  const flush = () => {
    if (dotted !== '') names.push(alias === undefined ? [dotted] : [dotted, alias]);
    dotted = '';
    alias = undefined;
    afterAs = false;
  };
  for (const node of nodes) {
    if (node.name === ',') flush();
    else if (node.name === 'as') afterAs = true;
    else if (node.name === 'VariableName' || node.name === '.' || node.name === '*') {
      if (afterAs) alias = source(node);
      else dotted += source(node);
    }
  }
  flush();
  return names;
}

function readClass(
  node: SyntaxNode,
  source: (node: SyntaxNode) => string,
  lineOf: (pos: number) => number,
): PyClass | undefined {
  const name = node.getChild('VariableName');
  const body = node.getChild('Body');
  if (!name || !body) return undefined;
  const found: PyClass = { name: source(name), line: lineOf(node.from), bases: [], attributes: new Map() };
  const args = node.getChild('ArgList');
  for (let arg = args?.firstChild; arg; arg = arg.nextSibling) {
    // A keyword argument (metaclass=…) is a VariableName followed by "=": skip both.
    if (arg.nextSibling?.name === 'AssignOp') {
      arg = arg.nextSibling.nextSibling;
      if (!arg) break;
      continue;
    }
    if (arg.name === 'VariableName' || arg.name === 'MemberExpression') {
      found.bases.push(source(arg).replace(/\s+/g, ''));
    }
  }
  let first = true;
  for (let statement = body.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name === ':' || statement.name === 'Comment') continue;
    if (first && statement.name === 'ExpressionStatement') {
      const doc = statement.firstChild;
      const value = doc?.name === 'String' ? literal(doc, source) : undefined;
      if (value?.kind === 'str') {
        const summary = value.value.trim().split('\n')[0]!.trim();
        if (summary !== '') found.summary = summary;
      }
    }
    first = false;
    if (statement.name !== 'AssignStatement') continue;
    const targets: SyntaxNode[] = [];
    let value: SyntaxNode | null = null;
    for (let part = statement.firstChild; part; part = part.nextSibling) {
      if (part.name === 'AssignOp') continue;
      if (part.name === 'TypeDef') continue;
      if (part.nextSibling === null) value = part;
      else if (part.name === 'VariableName') targets.push(part);
    }
    if (!value || targets.length === 0) continue;
    for (const target of targets) {
      found.attributes.set(source(target), { value: literal(value, source), line: lineOf(statement.from) });
    }
  }
  return found;
}

function literal(node: SyntaxNode, source: (node: SyntaxNode) => string): PyValue {
  const text = source(node);
  if (node.name === 'Boolean') return { kind: 'bool', value: text === 'True' };
  if (node.name === 'None') return { kind: 'none' };
  if (node.name === 'Number' && /^[\d_]+(\.[\d_]*)?$/.test(text)) {
    return { kind: 'number', value: Number(text.replace(/_/g, '')) };
  }
  if (node.name === 'String') {
    const value = stringValue(text);
    if (value !== undefined) return { kind: 'str', value };
  }
  // Adjacent literals ("a" "b") are one string in Python.
  if (node.name === 'ContinuedString') {
    const parts: string[] = [];
    for (let part = node.firstChild; part; part = part.nextSibling) {
      const value = part.name === 'String' ? stringValue(source(part)) : undefined;
      if (value === undefined) return { kind: 'expression', text };
      parts.push(value);
    }
    return { kind: 'str', value: parts.join('') };
  }
  return { kind: 'expression', text };
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '\n': '',
};

/** A string literal's value; undefined for f-strings and bytes, whose value is not a plain string. */
function stringValue(text: string): string | undefined {
  const prefix = /^[A-Za-z]*/.exec(text)![0].toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) return undefined;
  const body = text.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  const inner = body.slice(quote.length, body.length - quote.length);
  if (prefix.includes('r')) return inner;
  return inner.replace(/\\(.)/gs, (whole, char: string) => ESCAPES[char] ?? whole);
}

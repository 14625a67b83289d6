import { TreeBuffer, TreeFragment, type SyntaxNode, type Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { lineChanges } from './line-changes.ts';
import { dottedNameOf, literalOf, type PythonValue } from './python-value.ts';

// What sync needs of a Python module, read with a real parser (@lezer/python, which also reads the
// Python 2 of old branches): its imports, its classes (line, decorators, bases, literal class attributes)
// and its own literal assignments. Pure: text in, facts out.

export type { Literal, PythonValue } from './python-value.ts';

export interface PythonImport {
  line: number;
  /** `import a.b` binds `a` (or its alias) to the module; `from m import n` binds `n` (or its alias). */
  kind: 'import' | 'from';
  /** The module as written, without a relative import's leading dots ('' for `from . import x`). */
  module: string;
  /** How many leading dots a relative `from` import has (0: absolute). */
  level: number;
  /** `from` only: the name imported, `*` for a star import. */
  name?: string;
  alias?: string;
}

export interface PythonClass {
  name: string;
  line: number;
  /** Dotted names, as written (`@interface.volumedriver`; a call `@a.b(x)` gives `a.b`). */
  decorators: string[];
  /** Positional bases as written (`san.SanISCSIDriver`); keyword arguments such as metaclass= are not bases. */
  bases: string[];
  /** The class body's own bindings: each name's last value (a binding that is not a literal is unknown). */
  attributes: ReadonlyMap<string, PythonValue>;
  /** The first line of the class's docstring, when it has one. */
  summary?: string;
}

export interface PythonModule {
  /** The file's path in its repository, e.g. cinder/volume/drivers/rbd.py. */
  path: string;
  /** Its dotted module name from the repository's root, e.g. cinder.volume.drivers.rbd. */
  name: string;
  /** An __init__.py: relative imports start from the package itself. */
  isPackage: boolean;
  imports: PythonImport[];
  /** Classes defined at module level (also inside a module-level if or try), in file order. */
  classes: PythonClass[];
  /** Module-level bindings, as `attributes` of a class. */
  attributes: ReadonlyMap<string, PythonValue>;
}

/** A parse kept to read the next version of the same file faster (only its changed lines are parsed again). */
export interface PythonParse {
  text: string;
  tree: Tree;
}

export type PythonRead =
  | { ok: true; module: PythonModule; parse: PythonParse }
  | { ok: false; error: { line: number; message: string }; parse: PythonParse };

/** The module name and package-ness a path gives: a/b/c.py → a.b.c, a/b/__init__.py → the package a.b. */
export function moduleNameOf(path: string): { name: string; isPackage: boolean } {
  const parts = path.replace(/\.py$/, '').split('/');
  const isPackage = parts.at(-1) === '__init__';
  return { name: (isPackage ? parts.slice(0, -1) : parts).join('.'), isPackage };
}

/**
 * Reads one module. A syntax error is a value (its line), since code is not ours to fix. `previous`, the
 * parse of an earlier version of the file, lets unchanged parts be reused; the result is the same.
 */
export function readPythonModule(path: string, text: string, previous?: PythonParse): PythonRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tree = parseWithReuse(source, previous);
  const parse = { text: source, tree };
  const lines = lineStarts(source);
  const errorAt = firstSyntaxError(tree);
  if (errorAt !== undefined) {
    return {
      ok: false,
      error: { line: lineOf(lines, errorAt), message: 'not valid Python: the parser cannot read this line' },
      parse,
    };
  }
  const reader = new Reader(source, lines);
  const module: PythonModule = {
    path,
    ...moduleNameOf(path),
    imports: [],
    classes: [],
    attributes: new Map(),
  };
  reader.block(tree.topNode, { module, attributes: module.attributes as Map<string, PythonValue> }, false);
  return { ok: true, module, parse };
}

function parseWithReuse(text: string, previous: PythonParse | undefined): Tree {
  if (!previous) return parser.parse(text);
  const changes = lineChanges(previous.text, text);
  if (!changes) return parser.parse(text);
  return parser.parse(text, TreeFragment.applyChanges(TreeFragment.addTree(previous.tree), changes));
}

/** Where the first syntax error is, or undefined. */
function firstSyntaxError(tree: Tree): number | undefined {
  // Most files have no error node at all, which a scan of the tree's flat buffers tells far sooner than a
  // cursor's walk; only a tree with one is walked, to tell a real error from a bare `yield`.
  if (!hasErrorNode(tree)) return undefined;
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError && !isBareYield(cursor.node)) return cursor.from;
  } while (cursor.next());
  return undefined;
}

function hasErrorNode(tree: Tree): boolean {
  if (tree.type.isError) return true;
  for (const child of tree.children) {
    if (child instanceof TreeBuffer) {
      const { buffer, set } = child;
      // Each node is four numbers: its type id, start, end and the index past its children.
      for (let at = 0; at < buffer.length; at += 4) if (set.types[buffer[at]!]!.isError) return true;
    } else if (hasErrorNode(child)) return true;
  }
  return false;
}

// @lezer/python wants an operand after `yield`, where Python allows none (`yield` alone, `x = yield`): it
// marks the gap with an empty error node, which is no error of the code.
function isBareYield(node: SyntaxNode): boolean {
  const parent = node.parent?.name;
  return (
    node.from === node.to &&
    (parent === 'YieldStatement' || parent === 'YieldExpression') &&
    node.prevSibling?.name === 'yield'
  );
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function lineOf(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The children of a node that are not comments. */
function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Comment') children.push(child);
  }
  return children;
}

/** Splits nodes at separator tokens (`,`, `=`). */
function splitAt(nodes: readonly SyntaxNode[], separator: string): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const node of nodes) {
    if (node.name === separator) groups.push([]);
    else groups.at(-1)!.push(node);
  }
  return groups;
}

const COMPOUND = new Set(['IfStatement', 'TryStatement', 'WithStatement', 'ForStatement', 'WhileStatement']);

interface Scope {
  /** Set at module level only: where imports and classes go. */
  module?: PythonModule;
  attributes: Map<string, PythonValue>;
}

class Reader {
  constructor(
    readonly text: string,
    readonly lines: readonly number[],
  ) {}

  line(node: SyntaxNode): number {
    return lineOf(this.lines, node.from);
  }

  textOf(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }

  /** The statements of a Script or Body; `conditional` when they may not run (inside an if, try, for...). */
  block(node: SyntaxNode, scope: Scope, conditional: boolean): void {
    for (const statement of childrenOf(node)) this.statement(statement, scope, conditional);
  }

  statement(node: SyntaxNode, scope: Scope, conditional: boolean): void {
    switch (node.name) {
      case 'StatementGroup':
        return this.block(node, scope, conditional);
      case 'AssignStatement':
        return this.assignment(node, scope, conditional);
      case 'UpdateStatement':
      case 'DeleteStatement': {
        // X += 1 and del X leave X as no literal says.
        for (const target of childrenOf(node)) {
          if (target.name === 'UpdateOp') break;
          const name = this.targetName(target);
          if (name !== undefined) this.unknown(scope, name, node);
        }
        return;
      }
      case 'ImportStatement':
        return this.importStatement(node, scope);
      case 'ClassDefinition':
        return this.classDefinition(node, [], scope);
      case 'FunctionDefinition': {
        const name = node.getChild('VariableName');
        if (name) this.unknown(scope, this.textOf(name), node);
        return;
      }
      case 'DecoratedStatement': {
        const decorators = node.getChildren('Decorator').flatMap((d) => this.decoratorName(d) ?? []);
        const definition = node.getChild('ClassDefinition');
        if (definition) return this.classDefinition(definition, decorators, scope);
        const func = node.getChild('FunctionDefinition');
        if (func) this.statement(func, scope, conditional);
        return;
      }
      default:
        if (COMPOUND.has(node.name)) {
          for (const body of node.getChildren('Body')) this.block(body, scope, true);
        }
    }
  }

  assignment(node: SyntaxNode, scope: Scope, conditional: boolean): void {
    const groups = splitAt(childrenOf(node), 'AssignOp');
    // `X: int` declares without binding.
    if (groups.length < 2) return;
    const value = groups.at(-1)!;
    const bound = conditional ? undefined : this.valueOf(value, node);
    for (const target of groups.slice(0, -1)) {
      const single = target.length === 1 || (target.length === 2 && target[1]!.name === 'TypeDef');
      const name = single ? this.targetName(target[0]!) : undefined;
      if (name !== undefined) {
        scope.attributes.set(
          name,
          bound ?? { kind: 'unknown', line: this.line(node), text: this.short(value) },
        );
        continue;
      }
      // A, B = … and [A, B] = … bind each name to something no literal reading gives.
      for (const part of target) this.tupleNames(part, scope, node);
    }
  }

  /** A literal, or a name to follow; undefined for anything else (and for tuples: `A = 1, 2`). */
  valueOf(value: readonly SyntaxNode[], statement: SyntaxNode): PythonValue | undefined {
    if (value.length !== 1) return undefined;
    const line = this.line(statement);
    const literal = literalOf(value[0]!, this.text);
    if (literal !== undefined) return { kind: 'literal', value: literal, line };
    const name = dottedNameOf(value[0]!, this.text);
    return name === undefined ? undefined : { kind: 'name', name, line };
  }

  tupleNames(node: SyntaxNode, scope: Scope, statement: SyntaxNode): void {
    const name = this.targetName(node);
    if (name !== undefined) return this.unknown(scope, name, statement);
    if (['TupleExpression', 'ArrayExpression', 'ParenthesizedExpression'].includes(node.name)) {
      for (const child of childrenOf(node)) this.tupleNames(child, scope, statement);
    }
  }

  /** The name a target binds: `X` or `(X)`; undefined for attributes, subscripts and tuples. */
  targetName(node: SyntaxNode): string | undefined {
    if (node.name === 'VariableName') return this.textOf(node);
    if (node.name === 'ParenthesizedExpression') {
      const inner = childrenOf(node).filter((child) => child.name !== '(' && child.name !== ')');
      return inner.length === 1 ? this.targetName(inner[0]!) : undefined;
    }
    return undefined;
  }

  unknown(scope: Scope, name: string, node: SyntaxNode): void {
    const definition = ['FunctionDefinition', 'ClassDefinition'].includes(node.name);
    const text = definition
      ? `${node.firstChild ? this.textOf(node.firstChild) : ''} ${name}`
      : this.short([node]);
    scope.attributes.set(name, { kind: 'unknown', line: this.line(node), text });
  }

  short(nodes: readonly SyntaxNode[]): string {
    const text = this.text.slice(nodes[0]?.from ?? 0, nodes.at(-1)?.to ?? 0).replace(/\s+/g, ' ');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }

  importStatement(node: SyntaxNode, scope: Scope): void {
    const line = this.line(node);
    const children = childrenOf(node);
    const bound: PythonImport[] = [];
    if (children[0]?.name === 'from') {
      const importAt = children.findIndex((child) => child.name === 'import');
      const source = children.slice(1, importAt);
      let level = 0;
      for (const part of source) {
        if (part.name === 'VariableName') break;
        level += part.name === 'Ellipsis' ? 3 : 1;
      }
      const module = this.dotted(source);
      const names = children.slice(importAt + 1).filter((child) => child.name !== '(' && child.name !== ')');
      for (const group of splitAt(names, ',')) {
        const first = group[0];
        if (!first) continue;
        const name = first.name === '*' ? '*' : this.textOf(first);
        const alias = group[1]?.name === 'as' && group[2] ? this.textOf(group[2]) : undefined;
        bound.push({ line, kind: 'from', module, level, name, ...(alias ? { alias } : {}) });
      }
    } else {
      for (const group of splitAt(children.slice(1), ',')) {
        const asAt = group.findIndex((child) => child.name === 'as');
        const path = asAt === -1 ? group : group.slice(0, asAt);
        const alias = asAt === -1 ? undefined : group[asAt + 1] && this.textOf(group[asAt + 1]!);
        const module = this.dotted(path);
        bound.push({ line, kind: 'import', module, level: 0, ...(alias ? { alias } : {}) });
      }
    }
    if (scope.module) {
      scope.module.imports.push(...bound);
      return;
    }
    for (const entry of bound) {
      const name = entry.alias ?? (entry.kind === 'from' ? entry.name! : entry.module.split('.')[0]!);
      if (name !== '*') this.unknown(scope, name, node);
    }
  }

  /** `a . b . c` tokens as `a.b.c` (leading dots, counted as the level, left out). */
  dotted(nodes: readonly SyntaxNode[]): string {
    return nodes
      .filter((node) => node.name === 'VariableName')
      .map((node) => this.textOf(node))
      .join('.');
  }

  /** `@a.b` and `@a.b(...)` as `a.b`; undefined for other decorator expressions. */
  decoratorName(node: SyntaxNode): string | undefined {
    const parts = childrenOf(node).slice(1);
    if (parts.at(-1)?.name === 'ArgList') parts.pop();
    const names: string[] = [];
    for (const [i, part] of parts.entries()) {
      const expected = i % 2 === 0 ? 'VariableName' : '.';
      if (part.name !== expected) return undefined;
      if (expected === 'VariableName') names.push(this.textOf(part));
    }
    return names.length > 0 && parts.length % 2 === 1 ? names.join('.') : undefined;
  }

  classDefinition(node: SyntaxNode, decorators: string[], scope: Scope): void {
    const nameNode = node.getChild('VariableName');
    if (!nameNode) return;
    const name = this.textOf(nameNode);
    if (!scope.module) return this.unknown(scope, name, node);
    const args = node.getChild('ArgList');
    const bases: string[] = [];
    if (args) {
      const inner = childrenOf(args).filter((child) => child.name !== '(' && child.name !== ')');
      for (const group of splitAt(inner, ',')) {
        if (group.length !== 1) continue; // keyword arguments, *bases, **kwargs
        bases.push(this.baseText(group[0]!));
      }
    }
    const attributes = new Map<string, PythonValue>();
    const body = node.getChild('Body');
    if (body) this.block(body, { attributes }, false);
    const summary = body && this.docstring(body);
    scope.module.classes.push({
      name,
      line: this.line(node),
      decorators,
      bases,
      attributes,
      ...(summary ? { summary } : {}),
    });
  }

  /** A body's docstring (its first statement, when a string), first line trimmed. */
  docstring(body: SyntaxNode): string | undefined {
    const first = childrenOf(body).find((child) => child.name !== ':');
    const literal = first?.name === 'ExpressionStatement' && first.firstChild;
    const value = literal ? literalOf(literal, this.text) : undefined;
    return typeof value === 'string' ? value.trim().split('\n')[0]!.trim() || undefined : undefined;
  }

  /** A dotted base as its names (whatever spaces or line breaks it is written with); anything else as written. */
  baseText(node: SyntaxNode): string {
    return dottedNameOf(node, this.text) ?? this.short([node]);
  }
}

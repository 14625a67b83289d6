import { firstChars, intersects, parseRegexTree, type RegexNode } from './regex-tree.ts';

// Shapes that make a backtracking engine (Python's re, which the original DriverLog used; JavaScript's
// RegExp) take exponential time on lines that almost match. RE2 runs them in linear time, so they do
// no harm here, but they are a sign of a mistake and break anyone who reuses the pattern elsewhere.

export interface RedosShape {
  kind: 'nested-quantifier' | 'overlapping-alternatives';
  /** The offending part of the pattern, e.g. "(a+)+". */
  part: string;
  /** The whole pattern rewritten without the shape, when there is an obvious equivalent. */
  simpler?: string;
}

// Both shapes need a repeated group, "(...)*", "(...)+" or "(...){n,}": most patterns have none and
// need no closer look.
const REPEATED_GROUP = /\)(?:[*+]|\{\d+,)/;

export function redosShapes(source: string): RedosShape[] {
  if (!REPEATED_GROUP.test(source)) return [];
  const shapes: RedosShape[] = [];
  const visit = (node: RegexNode): void => {
    if (node.type === 'repeat' && node.max === Infinity) {
      const shape = shapeOf(source, node);
      if (shape) {
        shapes.push(shape);
        return;
      }
    }
    for (const child of children(node)) visit(child);
  };
  visit(parseRegexTree(source));
  return shapes;
}

function shapeOf(source: string, repeat: Extract<RegexNode, { type: 'repeat' }>): RedosShape | undefined {
  const part = source.slice(repeat.start, repeat.end);
  const quantifier = source.slice(repeat.body.end, repeat.end);
  const body = unwrap(repeat.body);
  if (containsUnboundedRepeat(body)) {
    let simpler: string | undefined;
    if (body.type === 'repeat') {
      const both = repeat.min >= 1 && body.min >= 1 ? '+' : '*';
      simpler = replace(source, repeat, source.slice(body.body.start, body.body.end) + both);
    }
    return { kind: 'nested-quantifier', part, simpler };
  }
  if (body.type === 'alt' && overlapping(body.options)) {
    const texts = [...new Set(body.options.map((option) => source.slice(option.start, option.end)))];
    let simpler: string | undefined;
    if (texts.length === 1) {
      const only = unwrap(body.options[0]!);
      const atom = only.type === 'char' || only.type === 'group' ? texts[0]! : `(?:${texts[0]})`;
      simpler = replace(source, repeat, atom + quantifier);
    }
    return { kind: 'overlapping-alternatives', part, simpler };
  }
  return undefined;
}

function replace(source: string, node: RegexNode, text: string): string {
  return source.slice(0, node.start) + text + source.slice(node.end);
}

function unwrap(node: RegexNode): RegexNode {
  return node.type === 'group' ? unwrap(node.body) : node;
}

function children(node: RegexNode): RegexNode[] {
  if (node.type === 'seq') return node.items;
  if (node.type === 'alt') return node.options;
  if (node.type === 'group' || node.type === 'repeat') return [node.body];
  return [];
}

function containsUnboundedRepeat(node: RegexNode): boolean {
  if (node.type === 'repeat' && node.max === Infinity) return true;
  return children(node).some(containsUnboundedRepeat);
}

/** Two alternatives that can start with the same character (or both match nothing) can split a line two ways. */
function overlapping(options: RegexNode[]): boolean {
  const firsts = options.map(firstChars);
  return firsts.some((a, i) =>
    firsts.slice(i + 1).some((b) => intersects(a.set, b.set) || (a.nullable && b.nullable)),
  );
}

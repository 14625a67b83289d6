import {
  firstChars,
  intersects,
  parseRegexTree,
  tick,
  union,
  type RegexNode,
  type StepMeter,
} from './regex-tree.ts';

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

// One shape is enough to send the vendor back to the pattern; more would repeat the whole pattern in
// each message (and a hostile one could have thousands).
const MAX_SHAPES = 3;

/**
 * The ReDoS shapes of a pattern, at most three. Every node is visited a bounded number of times, so the
 * work is linear in the pattern's length (`meter` counts it, for the tests).
 */
export function redosShapes(source: string, meter?: StepMeter): RedosShape[] {
  if (!REPEATED_GROUP.test(source)) return [];
  const shapes: RedosShape[] = [];
  // Iterative: a tree as deep as RE2 allows must not cost a stack frame per level here.
  const pending: RegexNode[] = [parseRegexTree(source, meter)];
  while (pending.length > 0 && shapes.length < MAX_SHAPES) {
    const node = pending.pop()!;
    tick(meter);
    if (node.type === 'repeat' && node.max === Infinity) {
      const shape = shapeOf(source, node, meter);
      if (shape) {
        shapes.push(shape);
        continue;
      }
    }
    pending.push(...children(node).reverse());
  }
  return shapes;
}

function shapeOf(
  source: string,
  repeat: Extract<RegexNode, { type: 'repeat' }>,
  meter: StepMeter | undefined,
): RedosShape | undefined {
  const part = source.slice(repeat.start, repeat.end);
  const quantifier = source.slice(repeat.body.end, repeat.end);
  const body = unwrap(repeat.body);
  if (containsUnboundedRepeat(body, meter)) {
    let simpler: string | undefined;
    if (body.type === 'repeat') {
      const both = repeat.min >= 1 && body.min >= 1 ? '+' : '*';
      simpler = replace(source, repeat, source.slice(body.body.start, body.body.end) + both);
    }
    return { kind: 'nested-quantifier', part, simpler };
  }
  if (body.type === 'alt' && overlapping(body.options, meter)) {
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

function containsUnboundedRepeat(node: RegexNode, meter: StepMeter | undefined): boolean {
  const pending = [node];
  while (pending.length > 0) {
    const next = pending.pop()!;
    tick(meter);
    if (next.type === 'repeat' && next.max === Infinity) return true;
    pending.push(...children(next));
  }
  return false;
}

/**
 * Two alternatives that can start with the same character (or both match nothing) can split a line two
 * ways. Each is compared with the union of those before it, not with each of them: linear, not quadratic.
 */
function overlapping(options: RegexNode[], meter: StepMeter | undefined): boolean {
  const seen = new Uint8Array(129);
  let nullable = false;
  for (const option of options) {
    const first = firstChars(option, meter);
    if (intersects(first.set, seen) || (first.nullable && nullable)) return true;
    union(seen, first.set);
    nullable ||= first.nullable;
  }
  return false;
}

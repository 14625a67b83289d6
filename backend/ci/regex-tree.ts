// A small parser for the RE2 patterns vendors write, into a tree just detailed enough to spot
// ReDoS shapes (nested quantifiers, overlapping alternatives). It is lenient: what it does not
// understand it treats as "any character". Patterns come from pull requests, so it must end, in
// steps linear in the pattern's length, on any text at all, including text RE2 would refuse.

/** Which characters can start a match: ASCII codes 0–127, and 128 for everything beyond. */
export type CharSet = Uint8Array;

export type RegexNode =
  | { type: 'char'; set: CharSet; start: number; end: number }
  | { type: 'empty'; start: number; end: number }
  | { type: 'seq'; items: RegexNode[]; start: number; end: number }
  | { type: 'alt'; options: RegexNode[]; start: number; end: number }
  | { type: 'group'; body: RegexNode; start: number; end: number }
  | { type: 'repeat'; body: RegexNode; min: number; max: number; start: number; end: number };

/**
 * Counts the analysis' steps (one per character read and per node visited), so a test can hold it to
 * a budget proportional to the pattern's length: a loop that makes no progress then fails the test
 * instead of hanging it. With a limit, exceeding it throws.
 */
export interface StepMeter {
  steps: number;
  readonly limit?: number;
}

export function tick(meter: StepMeter | undefined): void {
  if (meter === undefined) return;
  meter.steps++;
  if (meter.limit !== undefined && meter.steps > meter.limit) {
    throw new Error(`pattern analysis exceeded its budget of ${meter.limit} steps`);
  }
}

// RE2 refuses deeper nesting; the parser stops descending there (and treats "(" as a character), so
// recursion stays well inside the stack whatever the input.
const MAX_DEPTH = 1000;

// Sets are shared between nodes (a typed array per character would make a long pattern's tree mostly
// garbage-collector work): nothing may change a set once it is in a node.
const setOf = (test: (code: number) => boolean, beyondAscii: boolean): CharSet => {
  const set = new Uint8Array(129);
  for (let code = 0; code < 128; code++) set[code] = test(code) ? 1 : 0;
  set[128] = beyondAscii ? 1 : 0;
  return set;
};
const ANY: CharSet = new Uint8Array(129).fill(1);
const NONE: CharSet = new Uint8Array(129);
// Each made directly, not through setOf: 129 sets of 129 tests were a millisecond of every validate's start.
const SINGLE: CharSet[] = Array.from({ length: 129 }, (_, code) => {
  const set = new Uint8Array(129);
  set[code] = 1;
  return set;
});
const charSet = (code: number): CharSet => SINGLE[Math.min(code, 128)]!;
const CLASSES: Record<string, (code: number) => boolean> = {
  d: (c) => c >= 48 && c <= 57,
  w: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95,
  s: (c) => c === 32 || (c >= 9 && c <= 13),
};
const ESCAPED_CLASSES: Record<string, CharSet> = Object.fromEntries(
  Object.entries(CLASSES).flatMap(([name, test]) => [
    [name, setOf(test, true)],
    [name.toUpperCase(), setOf((code) => !test(code), true)],
  ]),
);

const QUANTIFIER = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;
const GROUP_FLAGS = /(?:\?(?:P?<\w+>|[imsU-]*:|([imsU-]*)\)))?/y;
const ESCAPE_ARGUMENT = /\{[^}]*\}|[0-9A-Fa-f]{2}|\w/y;
const POSIX_CLASS = /\[:\^?[a-z]+:\]/y;

export function parseRegexTree(source: string, meter?: StepMeter): RegexNode {
  let pos = 0;
  let depth = 0;

  const parseAlt = (): RegexNode => {
    const start = pos;
    const options = [parseSeq()];
    while (source[pos] === '|') {
      tick(meter);
      pos++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options, start, end: pos };
  };

  const parseSeq = (): RegexNode => {
    const start = pos;
    const items: RegexNode[] = [];
    while (pos < source.length && source[pos] !== '|' && !(source[pos] === ')' && depth > 0)) {
      tick(meter);
      items.push(parseQuantifier(parseAtom()));
    }
    if (items.length === 0) return { type: 'empty', start, end: pos };
    return items.length === 1 ? items[0]! : { type: 'seq', items, start, end: pos };
  };

  // Successive quantifiers ("a**", which RE2 refuses anyway) fold into one repeat, so no input can
  // nest repeats deeper than its groups.
  const parseQuantifier = (atom: RegexNode): RegexNode => {
    if (atom.type === 'empty') return atom;
    let [min, max] = [1, 1];
    let quantified = false;
    while ('*+?{'.includes(source[pos] ?? '.')) {
      QUANTIFIER.lastIndex = pos;
      const match = QUANTIFIER.exec(source);
      if (!match) break;
      tick(meter);
      pos += match[0].length;
      const [low, high] =
        match[1] === '*'
          ? [0, Infinity]
          : match[1] === '+'
            ? [1, Infinity]
            : match[1] === '?'
              ? [0, 1]
              : [
                  Number(match[2]),
                  match[3] === undefined ? Number(match[2]) : match[4] ? Number(match[4]) : Infinity,
                ];
      [min, max] = [min * low, max === 0 || high === 0 ? 0 : max * high];
      quantified = true;
    }
    return quantified ? { type: 'repeat', body: atom, min, max, start: atom.start, end: pos } : atom;
  };

  const parseAtom = (): RegexNode => {
    const start = pos;
    const c = source[pos++]!;
    if (c === '(' && depth < MAX_DEPTH) {
      if (source[pos] === '?') {
        GROUP_FLAGS.lastIndex = pos;
        const flags = GROUP_FLAGS.exec(source)!;
        pos += flags[0].length;
        // "(?i)" only sets flags: it matches nothing.
        if (flags[1] !== undefined) return { type: 'empty', start, end: pos };
      }
      depth++;
      const body = parseAlt();
      depth--;
      if (source[pos] === ')') pos++;
      return { type: 'group', body, start, end: pos };
    }
    if (c === '^' || c === '$') return { type: 'empty', start, end: pos };
    if (c === '.') return { type: 'char', set: ANY, start, end: pos };
    if (c === '[') return { type: 'char', set: parseClass(), start, end: pos };
    if (c === '\\') return parseEscape(start);
    return { type: 'char', set: charSet(c.charCodeAt(0)), start, end: pos };
  };

  const parseEscape = (start: number): RegexNode => {
    const c = source[pos++] ?? '';
    if ('bBAz'.includes(c)) return { type: 'empty', start, end: pos };
    const escapedClass = ESCAPED_CLASSES[c];
    if (escapedClass) return { type: 'char', set: escapedClass, start, end: pos };
    if (c === 'p' || c === 'P' || c === 'x') {
      ESCAPE_ARGUMENT.lastIndex = pos;
      pos += ESCAPE_ARGUMENT.exec(source)?.[0].length ?? 0;
      return { type: 'char', set: ANY, start, end: pos };
    }
    const escaped: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
    return { type: 'char', set: charSet(escaped[c] ?? c.charCodeAt(0)), start, end: pos };
  };

  // Every iteration of the loop moves `pos` forward, whatever the text: that is what ends it.
  const parseClass = (): CharSet => {
    const negated = source[pos] === '^';
    if (negated) pos++;
    const set = new Uint8Array(129);
    let first = true;
    while (pos < source.length && (source[pos] !== ']' || first)) {
      tick(meter);
      first = false;
      // "[:alpha:]" is a named class; a "[" without one is an ordinary character.
      POSIX_CLASS.lastIndex = pos;
      const named = POSIX_CLASS.exec(source);
      if (named) {
        pos += named[0].length;
        set.fill(1);
        continue;
      }
      const c = source[pos++]!;
      if (c === '\\') {
        const e = source[pos++] ?? '';
        if (CLASSES[e.toLowerCase()] || 'pPx'.includes(e)) set.fill(1);
        else set[Math.min(e.charCodeAt(0), 128)] = 1;
        continue;
      }
      if (source[pos] === '-' && source[pos + 1] !== ']' && pos + 1 < source.length) {
        const to = source[pos + 1]!.charCodeAt(0);
        pos += 2;
        // At most 128 codes: the loop is bounded by the set's size, not by the range's.
        for (let code = c.charCodeAt(0); code <= Math.min(to, 127); code++) set[code] = 1;
        if (to > 127) set[128] = 1;
      } else set[Math.min(c.charCodeAt(0), 128)] = 1;
    }
    pos++;
    return negated ? set.map((bit) => 1 - bit) : set;
  };

  // A ")" with no "(" (text RE2 refuses) reads as a character, so the whole pattern is parsed.
  return parseAlt();
}

/** The characters a match of `node` can start with, and whether it can match the empty string. */
export function firstChars(node: RegexNode, meter?: StepMeter): { set: CharSet; nullable: boolean } {
  tick(meter);
  switch (node.type) {
    case 'char':
      return { set: node.set, nullable: false };
    case 'empty':
      return { set: NONE, nullable: true };
    case 'group':
      return firstChars(node.body, meter);
    case 'repeat': {
      const inner = firstChars(node.body, meter);
      return { set: inner.set, nullable: inner.nullable || node.min === 0 };
    }
    case 'alt':
    case 'seq': {
      const set = new Uint8Array(129);
      let nullable = node.type === 'seq';
      for (const item of node.type === 'alt' ? node.options : node.items) {
        const first = firstChars(item, meter);
        union(set, first.set);
        if (node.type === 'alt') nullable ||= first.nullable;
        else if (!first.nullable) return { set, nullable: false };
      }
      return { set, nullable };
    }
  }
}

export function union(into: CharSet, from: CharSet): void {
  for (let i = 0; i < into.length; i++) into[i] ||= from[i]!;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  return a.some((bit, i) => bit === 1 && b[i] === 1);
}

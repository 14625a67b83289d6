// A small parser for the RE2 patterns vendors write, into a tree just detailed enough to spot
// ReDoS shapes (nested quantifiers, overlapping alternatives). It assumes the pattern already
// compiled in RE2, so it is lenient: what it does not understand it treats as "any character".

/** Which characters can start a match: ASCII codes 0–127, and 128 for everything beyond. */
export type CharSet = Uint8Array;

export type RegexNode =
  | { type: 'char'; set: CharSet; start: number; end: number }
  | { type: 'empty'; start: number; end: number }
  | { type: 'seq'; items: RegexNode[]; start: number; end: number }
  | { type: 'alt'; options: RegexNode[]; start: number; end: number }
  | { type: 'group'; body: RegexNode; start: number; end: number }
  | { type: 'repeat'; body: RegexNode; min: number; max: number; start: number; end: number };

const anySet = (): CharSet => new Uint8Array(129).fill(1);
const setOf = (test: (code: number) => boolean): CharSet => {
  const set = new Uint8Array(129);
  for (let code = 0; code < 128; code++) set[code] = test(code) ? 1 : 0;
  return set;
};
const CLASSES: Record<string, (code: number) => boolean> = {
  d: (c) => c >= 48 && c <= 57,
  w: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95,
  s: (c) => c === 32 || (c >= 9 && c <= 13),
};

const QUANTIFIER = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;
const GROUP_FLAGS = /(?:\?(?:P?<\w+>|[imsU-]*:|([imsU-]*)\)))?/y;

export function parseRegexTree(source: string): RegexNode {
  let pos = 0;

  const parseAlt = (): RegexNode => {
    const start = pos;
    const options = [parseSeq()];
    while (source[pos] === '|') {
      pos++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options, start, end: pos };
  };

  const parseSeq = (): RegexNode => {
    const start = pos;
    const items: RegexNode[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const atom = parseAtom();
      items.push(parseQuantifier(atom));
    }
    if (items.length === 0) return { type: 'empty', start, end: pos };
    return items.length === 1 ? items[0]! : { type: 'seq', items, start, end: pos };
  };

  const parseQuantifier = (atom: RegexNode): RegexNode => {
    for (;;) {
      QUANTIFIER.lastIndex = pos;
      const match = QUANTIFIER.exec(source);
      if (!match || atom.type === 'empty') return atom;
      pos += match[0].length;
      const [min, max] =
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
      atom = { type: 'repeat', body: atom, min, max, start: atom.start, end: pos };
    }
  };

  const parseAtom = (): RegexNode => {
    const start = pos;
    const c = source[pos++]!;
    if (c === '(') {
      GROUP_FLAGS.lastIndex = pos;
      const flags = GROUP_FLAGS.exec(source)!;
      pos += flags[0].length;
      // "(?i)" only sets flags: it matches nothing.
      if (flags[1] !== undefined) return { type: 'empty', start, end: pos };
      const body = parseAlt();
      pos++;
      return { type: 'group', body, start, end: pos };
    }
    if (c === '^' || c === '$') return { type: 'empty', start, end: pos };
    if (c === '.') return { type: 'char', set: anySet(), start, end: pos };
    if (c === '[') return { type: 'char', set: parseClass(), start, end: pos };
    if (c === '\\') return parseEscape(start);
    const set = new Uint8Array(129);
    set[Math.min(c.charCodeAt(0), 128)] = 1;
    return { type: 'char', set, start, end: pos };
  };

  const parseEscape = (start: number): RegexNode => {
    const c = source[pos++] ?? '';
    if ('bBAz'.includes(c)) return { type: 'empty', start, end: pos };
    const lower = c.toLowerCase();
    if (CLASSES[lower]) {
      const test = CLASSES[lower];
      const set = setOf(c === lower ? test : (code) => !test(code));
      set[128] = 1;
      return { type: 'char', set, start, end: pos };
    }
    if (c === 'p' || c === 'P' || c === 'x') {
      pos += /^(?:\{[^}]*\}|[0-9A-Fa-f]{2}|\w)/.exec(source.slice(pos))?.[0].length ?? 0;
      return { type: 'char', set: anySet(), start, end: pos };
    }
    const set = new Uint8Array(129);
    const escaped: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
    set[escaped[c] ?? Math.min(c.charCodeAt(0), 128)] = 1;
    return { type: 'char', set, start, end: pos };
  };

  const parseClass = (): CharSet => {
    const negated = source[pos] === '^';
    if (negated) pos++;
    const set = new Uint8Array(129);
    let first = true;
    while (pos < source.length && (source[pos] !== ']' || first)) {
      first = false;
      if (source.startsWith('[:', pos)) {
        pos = source.indexOf(':]', pos) + 2;
        set.fill(1);
        continue;
      }
      const c = source[pos++]!;
      if (c === '\\') {
        const e = source[pos++] ?? '';
        const test = CLASSES[e.toLowerCase()];
        if (test || 'pPx'.includes(e)) set.fill(1);
        else set[Math.min(e.charCodeAt(0), 128)] = 1;
        continue;
      }
      if (source[pos] === '-' && source[pos + 1] !== ']' && pos + 1 < source.length) {
        const to = source[pos + 1]!.charCodeAt(0);
        pos += 2;
        for (let code = c.charCodeAt(0); code <= Math.min(to, 127); code++) set[code] = 1;
        if (to > 127) set[128] = 1;
      } else set[Math.min(c.charCodeAt(0), 128)] = 1;
    }
    pos++;
    return negated ? set.map((bit) => 1 - bit) : set;
  };

  const tree = parseAlt();
  return tree;
}

/** The characters a match of `node` can start with, and whether it can match the empty string. */
export function firstChars(node: RegexNode): { set: CharSet; nullable: boolean } {
  switch (node.type) {
    case 'char':
      return { set: node.set, nullable: false };
    case 'empty':
      return { set: new Uint8Array(129), nullable: true };
    case 'group':
      return firstChars(node.body);
    case 'repeat': {
      const inner = firstChars(node.body);
      return { set: inner.set, nullable: inner.nullable || node.min === 0 };
    }
    case 'alt': {
      const set = new Uint8Array(129);
      let nullable = false;
      for (const option of node.options) {
        const first = firstChars(option);
        first.set.forEach((bit, i) => (set[i] ||= bit));
        nullable ||= first.nullable;
      }
      return { set, nullable };
    }
    case 'seq': {
      const set = new Uint8Array(129);
      for (const item of node.items) {
        const first = firstChars(item);
        first.set.forEach((bit, i) => (set[i] ||= bit));
        if (!first.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
  }
}

export function intersects(a: CharSet, b: CharSet): boolean {
  return a.some((bit, i) => bit === 1 && b[i] === 1);
}

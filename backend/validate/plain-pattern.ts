// Most CI patterns are a job name and a few `\S+`: "acme-tempest \S+ : SUCCESS". Compiling each in RE2
// costs more than every other check together, and validation only needs two answers from it: does RE2
// accept the pattern, and does it match a handful of short lines. For patterns made only of literal
// characters, escaped punctuation, `.`, `\s \S \d \D \w \W`, the quantifiers `* + ?` (greedy or lazy)
// and `^`/`$` at the ends, both answers are certain without RE2: RE2 accepts every such pattern, and a
// small automaton over the atoms decides a match the way RE2 does (a test compares the two on many
// generated patterns and lines). Anything else goes to RE2.

// What one atom accepts: a literal code point, or one of the classes (no closure per atom: patterns
// are parsed by the thousand).
type Accepts = { literal: number } | { test: (code: number) => boolean };

interface Atom {
  accepts: Accepts;
  repeat: 'one' | 'optional' | 'star';
}

const accepts = (atom: Atom, code: number): boolean =>
  'literal' in atom.accepts ? atom.accepts.literal === code : atom.accepts.test(code);

export interface PlainPattern {
  /** Unanchored search, like searchLine. */
  test(line: string): boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWord = (c: number): boolean =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
// RE2's \s is Perl's: tab, newline, form feed, carriage return and space (not vertical tab).
const isSpace = (c: number): boolean => c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const CLASSES: Record<string, (code: number) => boolean> = {
  d: isDigit,
  D: (c) => !isDigit(c),
  w: isWord,
  W: (c) => !isWord(c),
  s: isSpace,
  S: (c) => !isSpace(c),
};
const DOT = { test: (code: number) => code !== 10 };
const CLASS_ACCEPTS: Record<string, Accepts> = Object.fromEntries(
  Object.entries(CLASSES).map(([name, test]) => [name, { test }]),
);
const CONTROL: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
const SPECIAL = '\\.+*?()|[]{}^$';
// RE2 reads a backslash before any other ASCII character that is not a letter or digit as that character.
const isEscapable = (c: number): boolean => c < 128 && (c === 95 || !isWord(c));
// Surrogates are where UTF-16 and RE2's code points part ways: such patterns go to RE2.
const SURROGATE = /[\ud800-\udfff]/;

// Literal atoms of ASCII characters are shared (patterns are parsed by the thousand).
const ASCII_LITERALS: Accepts[] = Array.from({ length: 128 }, (_, code) => ({ literal: code }));
const literal = (code: number): Accepts => ASCII_LITERALS[code] ?? { literal: code };

/** The pattern as an automaton, or undefined when it is not plain (RE2 must judge it). */
export function parsePlainPattern(source: string): PlainPattern | undefined {
  if (SURROGATE.test(source)) return undefined;
  const atoms: Atom[] = [];
  // The longest run of single literal characters: every match contains it.
  let [run, required] = ['', ''];
  const endRun = (): void => {
    if (run.length > required.length) required = run;
    run = '';
  };
  const anchoredStart = source.startsWith('^');
  let pos = anchoredStart ? 1 : 0;
  let anchoredEnd = false;
  while (pos < source.length) {
    const c = source[pos]!;
    let atom: Accepts;
    if (c === '$' && pos === source.length - 1) {
      anchoredEnd = true;
      break;
    }
    if (c === '\\') {
      const e = source[pos + 1];
      if (e === undefined) return undefined;
      const code = e.charCodeAt(0);
      if (CLASS_ACCEPTS[e]) atom = CLASS_ACCEPTS[e];
      else if (CONTROL[e] !== undefined) atom = literal(CONTROL[e]);
      else if (isEscapable(code)) atom = literal(code);
      else return undefined;
      pos += 2;
    } else if (c === '.') {
      atom = DOT;
      pos++;
    } else if (SPECIAL.includes(c)) {
      return undefined;
    } else {
      atom = literal(c.charCodeAt(0));
      pos++;
    }
    const quantifier = source[pos];
    let repeat: Atom['repeat'] = 'one';
    if (quantifier === '*' || quantifier === '+' || quantifier === '?') {
      pos++;
      if (source[pos] === '?') pos++; // lazy: the same lines match
      if ('*+?{'.includes(source[pos] ?? '.')) return undefined; // "a**" and "a*+": RE2 refuses them
      repeat = quantifier === '?' ? 'optional' : 'star';
      // "x+" is "x" then "x*".
      if (quantifier === '+') atoms.push({ accepts: atom, repeat: 'one' });
    }
    if ('literal' in atom && (repeat === 'one' || quantifier === '+'))
      run += String.fromCharCode(atom.literal);
    if (repeat !== 'one' || !('literal' in atom)) endRun();
    atoms.push({ accepts: atom, repeat });
  }
  endRun();
  return automaton(atoms, required, anchoredStart, anchoredEnd);
}

function automaton(
  atoms: Atom[],
  required: string,
  anchoredStart: boolean,
  anchoredEnd: boolean,
): PlainPattern {
  const size = atoms.length;
  // States are "the first i atoms are matched", i = 0..size; optional atoms can be skipped for free.
  const close = (states: Uint8Array): void => {
    for (let i = 0; i < size; i++) if (states[i] && atoms[i]!.repeat !== 'one') states[i + 1] = 1;
  };
  return {
    test(line) {
      // Every match contains the pattern's literal runs: most lines are ruled out without the automaton.
      if (required !== '' && !line.includes(required)) return false;
      let current = new Uint8Array(size + 1);
      let next = new Uint8Array(size + 1);
      current[0] = 1;
      close(current);
      const accepted = (states: Uint8Array, atEnd: boolean) => states[size] === 1 && (atEnd || !anchoredEnd);
      if (accepted(current, line.length === 0)) return true;
      for (const char of line) {
        const code = char.codePointAt(0)!;
        next.fill(0);
        for (let i = 0; i < size; i++) {
          if (!current[i] || !accepts(atoms[i]!, code)) continue;
          next[atoms[i]!.repeat === 'star' ? i : i + 1] = 1;
        }
        if (!anchoredStart) next[0] = 1;
        close(next);
        [current, next] = [next, current];
        if (accepted(current, false)) return true;
      }
      return accepted(current, true);
    },
  };
}

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
  /** RE2 accepts every plain pattern (a CheckedPattern as it is). */
  ok: true;
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

// Atoms are shared, per accepted character class and repeat (patterns are parsed by the thousand, cold: a new
// object per character of each was most of the cost).
const REPEATS = ['one', 'optional', 'star'] as const;
const atomsOf = (accepts: Accepts): Record<Atom['repeat'], Atom> =>
  Object.fromEntries(REPEATS.map((repeat) => [repeat, { accepts, repeat }])) as Record<Atom['repeat'], Atom>;
const ASCII_ATOMS = Array.from({ length: 128 }, (_, code) => atomsOf({ literal: code }));
const CLASS_ATOMS: Record<string, Record<Atom['repeat'], Atom>> = Object.fromEntries(
  Object.entries(CLASS_ACCEPTS).map(([name, accepts]) => [name, atomsOf(accepts)]),
);
const DOT_ATOMS = atomsOf(DOT);
const literalAtoms = (code: number): Record<Atom['repeat'], Atom> =>
  ASCII_ATOMS[code] ?? atomsOf({ literal: code });
// Characters that are syntax outside an escape: such patterns go to RE2.
const IS_SPECIAL = new Uint8Array(128);
for (const char of SPECIAL) IS_SPECIAL[char.charCodeAt(0)] = 1;
const BACKSLASH = 92;
const STAR = 42;
const PLUS = 43;
const QUESTION = 63;
const BRACE = 123;

/** The pattern as an automaton, or undefined when it is not plain (RE2 must judge it). */
export function parsePlainPattern(source: string): PlainPattern | undefined {
  if (SURROGATE.test(source)) return undefined;
  const atoms: Atom[] = [];
  // The longest run of single literal characters: every match contains it (as char codes until the end).
  let run: number[] = [];
  let required: number[] = [];
  const endRun = (): void => {
    if (run.length > required.length) required = run;
    run = [];
  };
  const anchoredStart = source.charCodeAt(0) === 94;
  let pos = anchoredStart ? 1 : 0;
  let anchoredEnd = false;
  const end = source.length;
  while (pos < end) {
    const c = source.charCodeAt(pos);
    let forms: Record<Atom['repeat'], Atom>;
    let code = -1;
    if (c === 36 && pos === end - 1) {
      anchoredEnd = true;
      break;
    }
    if (c === BACKSLASH) {
      if (pos + 1 >= end) return undefined;
      const e = source[pos + 1]!;
      const escaped = source.charCodeAt(pos + 1);
      if (CLASS_ATOMS[e]) forms = CLASS_ATOMS[e];
      else if (CONTROL[e] !== undefined) forms = literalAtoms((code = CONTROL[e]));
      else if (isEscapable(escaped)) forms = literalAtoms((code = escaped));
      else return undefined;
      pos += 2;
    } else if (c === 46) {
      forms = DOT_ATOMS;
      pos++;
    } else if (c < 128 && IS_SPECIAL[c]) {
      return undefined;
    } else {
      forms = literalAtoms((code = c));
      pos++;
    }
    const quantifier = source.charCodeAt(pos);
    let repeat: Atom['repeat'] = 'one';
    if (quantifier === STAR || quantifier === PLUS || quantifier === QUESTION) {
      pos++;
      if (source.charCodeAt(pos) === QUESTION) pos++; // lazy: the same lines match
      const next = source.charCodeAt(pos);
      // "a**" and "a*+": RE2 refuses them
      if (next === STAR || next === PLUS || next === QUESTION || next === BRACE) return undefined;
      repeat = quantifier === QUESTION ? 'optional' : 'star';
      // "x+" is "x" then "x*".
      if (quantifier === PLUS) atoms.push(forms.one);
    }
    if (code !== -1 && (repeat === 'one' || quantifier === PLUS)) run.push(code);
    if (repeat !== 'one' || code === -1) endRun();
    atoms.push(forms[repeat]);
  }
  endRun();
  return automaton(atoms, String.fromCharCode(...required), anchoredStart, anchoredEnd);
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
    ok: true,
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

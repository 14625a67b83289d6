// Most CI patterns are a job name and a few `\S+`: "acme-tempest \S+ : SUCCESS". Compiling each in RE2
// costs more than every other check together, and validation only needs two answers from it: does RE2
// accept the pattern, and does it match a handful of short lines. For patterns made only of literal
// characters, escaped punctuation, `.`, `\s \S \d \D \w \W`, the quantifiers `* + ?` (greedy or lazy)
// and `^`/`$` at the ends, both answers are certain without RE2: RE2 accepts every such pattern, and a
// small automaton over the atoms decides a match the way RE2 does (a test compares the two on many
// generated patterns and lines). Anything else goes to RE2.

import type { AcceptedPattern } from './accepted-pattern.ts';

// What one atom accepts: a literal code point, or one of the classes (no closure per atom: patterns
// are parsed by the thousand).
type Accepts = { literal: number } | { test: (code: number) => boolean };

interface Atom {
  accepts: Accepts;
  repeat: 'one' | 'optional' | 'star';
}

const accepts = (atom: Atom, code: number): boolean =>
  'literal' in atom.accepts ? atom.accepts.literal === code : atom.accepts.test(code);

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
const CONTROL_TEXT: Record<string, string> = Object.fromEntries(
  Object.entries(CONTROL).map(([name, code]) => [name, String.fromCharCode(code)]),
);
const SPECIAL = '\\.+*?()|[]{}^$';
// RE2 reads a backslash before any other ASCII character that is not a letter or digit as that character.
const isEscapable = (c: number): boolean => c < 128 && (c === 95 || !isWord(c));

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

// The plain grammar as one native test: an optional "^", atoms each optionally quantified, an optional "$".
// A registry's thousands of patterns are read cold, where a loop over their characters cost 40 times as much;
// the automaton is built only for a line that holds the pattern's required text. Each alternative starts
// with its own characters, so the test is linear.
const ESCAPED = String.raw`\\[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7fdDwWsSntrfv]`;
// Surrogates are where UTF-16 and RE2's code points part ways: such patterns go to RE2.
const LITERAL = String.raw`[^\\.+*?()|[\]{}^$\ud800-\udfff]`;
const PLAIN = new RegExp(String.raw`^\^?(?:(?:${ESCAPED}|${LITERAL}|\.)(?:[*+?]\??)?)*\$?$`);
// On a plain pattern: every atom is optional, so the empty line matches.
const MATCHES_EMPTY = /^\^?(?:(?:\\[^]|[^\\])[*?]\??)*\$?$/;
// On a plain pattern, its tokens in order: a run of literal atoms that each match exactly once (captured;
// one quantified by "+" matches at least once, and ends the run), an atom quantified by "*" or "?", a class
// or ".", a quantifier, or an anchor.
const LITERAL_ATOM = String.raw`(?:[^\\.*+?$]|\\[^dDwWsS])`;
const TOKEN = new RegExp(
  String.raw`^\^|\$$|((?:${LITERAL_ATOM}(?![*+?]))*${LITERAL_ATOM}(?![*?]))|${LITERAL_ATOM}[*?]\??|\\[dDwWsS]|\.|[*+?]\??`,
  'y',
);
const ESCAPE = /\\([^])/g;

/** The pattern as an automaton, or undefined when it is not plain (RE2 must judge it). */
export function parsePlainPattern(source: string): AcceptedPattern | undefined {
  if (!PLAIN.test(source)) return undefined;
  const required = requiredText(source);
  const empty = MATCHES_EMPTY.test(source);
  let match: ((line: string) => boolean) | undefined;
  const test = (line: string): boolean => {
    if (line === '') return empty;
    // Every match contains the pattern's literal runs: most lines are ruled out without the automaton.
    if (required !== '' && !line.includes(required)) return false;
    return (match ??= automaton(source))(line);
  };
  return {
    ok: true,
    test,
    // A pattern is tested on the same lines by the thousand: one search of them all rules most of it out.
    find: (set) =>
      required !== '' && !set.joined.includes(required)
        ? undefined
        : set.lines.find((line) => test(line.text)),
  };
}

/** The longest run of literal characters that every match of a plain pattern contains. */
function requiredText(source: string): string {
  let longest = '';
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const token = TOKEN.exec(source);
    if (token === null) return notPlain(source);
    const run = token[1];
    if (run === undefined) continue;
    const text = run.includes('\\')
      ? run.replace(ESCAPE, (_, char: string) => CONTROL_TEXT[char] ?? char)
      : run;
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

// PLAIN decides what is plain: a pattern it accepted that the tokenizer or the parser refuses is a bug here.
function notPlain(source: string): never {
  throw new Error(`not a plain pattern: ${JSON.stringify(source)}`);
}

/** The atoms of a plain pattern, and its anchors. */
function parseAtoms(source: string): { atoms: Atom[]; anchoredStart: boolean; anchoredEnd: boolean } {
  const atoms: Atom[] = [];
  const anchoredStart = source.charCodeAt(0) === 94;
  let pos = anchoredStart ? 1 : 0;
  let anchoredEnd = false;
  const end = source.length;
  while (pos < end) {
    const c = source.charCodeAt(pos);
    let forms: Record<Atom['repeat'], Atom>;
    if (c === 36 && pos === end - 1) {
      anchoredEnd = true;
      break;
    }
    if (c === BACKSLASH) {
      if (pos + 1 >= end) return notPlain(source);
      const e = source[pos + 1]!;
      const escaped = source.charCodeAt(pos + 1);
      if (CLASS_ATOMS[e]) forms = CLASS_ATOMS[e];
      else if (CONTROL[e] !== undefined) forms = literalAtoms(CONTROL[e]);
      else if (isEscapable(escaped)) forms = literalAtoms(escaped);
      else return notPlain(source);
      pos += 2;
    } else if (c === 46) {
      forms = DOT_ATOMS;
      pos++;
    } else if (c < 128 && IS_SPECIAL[c]) {
      return notPlain(source);
    } else {
      forms = literalAtoms(c);
      pos++;
    }
    const quantifier = pos < end ? source.charCodeAt(pos) : -1;
    let repeat: Atom['repeat'] = 'one';
    if (quantifier === STAR || quantifier === PLUS || quantifier === QUESTION) {
      pos++;
      if (pos < end && source.charCodeAt(pos) === QUESTION) pos++; // lazy: the same lines match
      const next = pos < end ? source.charCodeAt(pos) : -1;
      // "a**" and "a*+": RE2 refuses them
      if (next === STAR || next === PLUS || next === QUESTION || next === BRACE) return notPlain(source);
      repeat = quantifier === QUESTION ? 'optional' : 'star';
      // "x+" is "x" then "x*".
      if (quantifier === PLUS) atoms.push(forms.one);
    }
    atoms.push(forms[repeat]);
  }
  return { atoms, anchoredStart, anchoredEnd };
}

function automaton(source: string): (line: string) => boolean {
  const { atoms, anchoredStart, anchoredEnd } = parseAtoms(source);
  const size = atoms.length;
  // States are "the first i atoms are matched", i = 0..size; optional atoms can be skipped for free.
  const close = (states: Uint8Array): void => {
    for (let i = 0; i < size; i++) if (states[i] && atoms[i]!.repeat !== 'one') states[i + 1] = 1;
  };
  const accepted = (states: Uint8Array, atEnd: boolean) => states[size] === 1 && (atEnd || !anchoredEnd);
  return (line) => {
    let current = new Uint8Array(size + 1);
    let next = new Uint8Array(size + 1);
    current[0] = 1;
    close(current);
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
  };
}

import { quote } from '../common/quote.ts';

// An INI reader that accepts and refuses what Python's configparser.ConfigParser() does with its defaults
// (strict, `=` or `:`, `#`/`;` full-line comments, indented continuation lines, blank lines kept inside
// values, option names lower-cased, a [DEFAULT] section every section inherits, BasicInterpolation), because
// sphinx-feature-classification reads support matrices with it: a file it renders must read the same here.

export interface IniOption {
  /** The raw value: continuation lines joined with newlines, trailing blank lines dropped. */
  raw: string;
  /** 1-based line of the option's first line. */
  line: number;
}

export interface IniSection {
  name: string;
  line: number;
  options: Map<string, IniOption>;
}

export interface IniFile {
  /** Every section but DEFAULT, in file order. */
  sections: IniSection[];
  defaults: Map<string, IniOption>;
}

/** A line the reader refuses: 1-based, with what is wrong and how to fix it. */
export class IniSyntax extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'IniSyntax';
  }
}

const DEFAULT_SECTION = 'DEFAULT';
const SECTION = /^\[(.+)\]/;

/**
 * configparser's `(?P<option>.*?)\s*(?P<vi>[=:])\s*(?P<value>.*)$` on a trimmed line, without the regular
 * expression: a lazy group before `\s*` backtracks quadratically over a long run of spaces.
 */
function splitOption(line: string): { name: string; value: string } | undefined {
  const equals = line.indexOf('=');
  const colon = line.indexOf(':');
  const at = equals === -1 ? colon : colon === -1 ? equals : Math.min(equals, colon);
  if (at === -1) return undefined;
  return { name: line.slice(0, at).trimEnd(), value: line.slice(at + 1).trim() };
}

export function parseIni(text: string): IniFile {
  const sections: IniSection[] = [];
  const byName = new Map<string, IniSection>();
  const defaults: IniSection = { name: DEFAULT_SECTION, line: 0, options: new Map() };
  // Options continued over lines: their trailing blank lines are dropped at the end.
  const continued = new Set<IniOption>();
  let current: IniSection | undefined;
  let option: IniOption | undefined;
  let indentLevel = 0;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const number = index + 1;
    const value = line.trim();
    const comment = value.startsWith('#') || value.startsWith(';');
    if (comment || value === '') {
      // A blank line inside a value is part of it; a comment line is not.
      if (!comment && option) {
        option.raw += '\n';
        continued.add(option);
      }
      return;
    }
    // Where the line's first non-space character is: the trimmed line's first one, first found there.
    const indent = line.indexOf(value[0]!);
    if (current && option && indent > indentLevel) {
      option.raw += `\n${value}`;
      continued.add(option);
      return;
    }
    indentLevel = indent;
    const header = value.startsWith('[') ? SECTION.exec(value) : null;
    if (header) {
      const name = header[1]!;
      option = undefined;
      if (name === DEFAULT_SECTION) {
        current = defaults;
        return;
      }
      const earlier = byName.get(name);
      if (earlier) {
        throw new IniSyntax(
          number,
          `section [${name}] repeats the one at line ${earlier.line}`,
          'merge the two sections into one',
        );
      }
      current = { name, line: number, options: new Map() };
      byName.set(name, current);
      sections.push(current);
      return;
    }
    if (!current) {
      throw new IniSyntax(number, 'an option before any [section]', 'start the file with a [section] line');
    }
    const match = splitOption(value);
    if (!match || match.name === '') {
      throw new IniSyntax(
        number,
        `cannot read ${quote(value)}: not a [section], an option "name = value", or a comment`,
        'write "name = value", indent the line to continue the previous value, or start it with # to comment it out',
      );
    }
    const name = match.name.toLowerCase();
    const earlier = current.options.get(name);
    if (earlier) {
      throw new IniSyntax(
        number,
        `option "${name}" repeats the one at line ${earlier.line} in [${current.name}] (option names ignore case)`,
        'keep one of the two',
      );
    }
    option = { raw: match.value, line: number };
    current.options.set(name, option);
  });
  for (const entry of continued) entry.raw = entry.raw.trimEnd();
  return { sections, defaults: defaults.options };
}

/** What a section can read: its own options, then those it inherits from [DEFAULT]. */
export interface SectionOptions extends Iterable<[string, IniOption]> {
  get(name: string): IniOption | undefined;
}

/**
 * The options of a section, its own first, then those it inherits from [DEFAULT] (as configparser's
 * `options()` lists them). A view, not a copy: reading a value costs the same in a file of 8,000 sections.
 */
export function optionsOf(file: IniFile, section: IniSection): SectionOptions {
  return {
    get: (name) => section.options.get(name) ?? file.defaults.get(name),
    *[Symbol.iterator]() {
      yield* section.options;
      for (const entry of file.defaults) if (!section.options.has(entry[0])) yield entry;
    },
  };
}

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
const OPTION = /^(.*?)\s*([=:])\s*(.*)$/;

export function parseIni(text: string): IniFile {
  const sections: IniSection[] = [];
  const byName = new Map<string, IniSection>();
  const defaults: IniSection = { name: DEFAULT_SECTION, line: 0, options: new Map() };
  const values = new Map<IniOption, string[]>();
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
      if (!comment && option) values.get(option)!.push('');
      return;
    }
    const indent = line.search(/\S/);
    if (current && option && indent > indentLevel) {
      values.get(option)!.push(value);
      return;
    }
    indentLevel = indent;
    const header = SECTION.exec(value);
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
    const match = OPTION.exec(value);
    if (!match || match[1] === '') {
      throw new IniSyntax(
        number,
        `cannot read ${JSON.stringify(value)}: not a [section], an option "name = value", or a comment`,
        'write "name = value", indent the line to continue the previous value, or start it with # to comment it out',
      );
    }
    const name = match[1]!.trimEnd().toLowerCase();
    const earlier = current.options.get(name);
    if (earlier) {
      throw new IniSyntax(
        number,
        `option "${name}" repeats the one at line ${earlier.line} in [${current.name}] (option names ignore case)`,
        'keep one of the two',
      );
    }
    option = { raw: '', line: number };
    current.options.set(name, option);
    values.set(option, [match[3]!.trim()]);
  });
  for (const [entry, parts] of values) entry.raw = parts.join('\n').trimEnd();
  return { sections, defaults: defaults.options };
}

/** The options of a section, its own first, then those it inherits from [DEFAULT]. */
export function optionsOf(file: IniFile, section: IniSection): Map<string, IniOption> {
  const all = new Map(section.options);
  for (const [name, option] of file.defaults) if (!all.has(name)) all.set(name, option);
  return all;
}

const MAX_DEPTH = 10;
const REFERENCE = /^%\(([^)]+)\)s/;

/**
 * An option's value as configparser's get() returns it: `%%` is `%`, `%(name)s` is another option of the
 * section (or of [DEFAULT]); any other `%` is an error, at the option's line.
 */
export function getValue(options: Map<string, IniOption>, name: string): string | undefined {
  const option = options.get(name);
  return option === undefined ? undefined : interpolate(options, option, option.raw, 1);
}

function interpolate(options: Map<string, IniOption>, at: IniOption, raw: string, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw new IniSyntax(
      at.line,
      `%(…)s references nest deeper than ${MAX_DEPTH}`,
      'remove the reference loop',
    );
  }
  let out = '';
  let rest = raw;
  for (let p = rest.indexOf('%'); p !== -1; p = rest.indexOf('%')) {
    out += rest.slice(0, p);
    rest = rest.slice(p);
    if (rest[1] === '%') {
      out += '%';
      rest = rest.slice(2);
      continue;
    }
    const reference = rest[1] === '(' ? REFERENCE.exec(rest) : null;
    if (!reference) {
      throw new IniSyntax(
        at.line,
        `"%" must be followed by "%" or "(name)s", found ${JSON.stringify(rest.slice(0, 20))}`,
        'write %% for a literal percent sign',
      );
    }
    const target = options.get(reference[1]!.toLowerCase());
    if (!target) {
      throw new IniSyntax(
        at.line,
        `%(${reference[1]})s names no option of this section`,
        'write %% for a literal percent sign, or define the option',
      );
    }
    out += target.raw.includes('%') ? interpolate(options, at, target.raw, depth + 1) : target.raw;
    rest = rest.slice(reference[0].length);
  }
  return out + rest;
}

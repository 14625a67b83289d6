import {
  IniSyntax,
  optionsOf,
  parseIni,
  type IniFile,
  type IniSection,
  type SectionOptions,
} from './configparser.ts';
import { MatrixError } from './errors.ts';
import { getValue } from './interpolation.ts';
import type { MatrixSource } from './matrix.ts';
import { refuseControlCharacters } from './matrix-text.ts';

/** An INI file of a project as its readers see it: every problem a MatrixError at REF:PATH:LINE. */
export interface IniSource {
  file: IniFile;
  fail(line: number, message: string, hint: string): never;
  /**
   * An option's value, interpolated as configparser's get() does ([DEFAULT] included), never expanded past `max`
   * characters (what the registry keeps of the field).
   */
  get(section: IniSection, name: string, max?: number): string | undefined;
  /** The line of an option, else of its section. */
  lineOf(section: IniSection, name: string): number;
}

export function readIniSource(text: string, source: MatrixSource): IniSource {
  refuseControlCharacters(text, source);
  const fail = (line: number, message: string, hint: string): never => {
    throw new MatrixError(source, line, message, hint);
  };
  let file: IniFile;
  try {
    file = parseIni(text);
  } catch (error) {
    if (error instanceof IniSyntax) fail(error.line, error.message, error.hint);
    throw error;
  }
  // One view of each section's options, made once: reading a value then costs a lookup.
  const views = new Map<IniSection, SectionOptions>();
  const optionsOfSection = (section: IniSection): SectionOptions => {
    let view = views.get(section);
    if (view === undefined) views.set(section, (view = optionsOf(file, section)));
    return view;
  };
  return {
    file: file!,
    fail,
    // Values are interpolated as they are read, so a bad `%` is reported at its own line.
    get(section, name, max) {
      try {
        return getValue(optionsOfSection(section), name, max);
      } catch (error) {
        if (error instanceof IniSyntax) fail(error.line, `[${section.name}] ${error.message}`, error.hint);
        throw error;
      }
    },
    lineOf: (section, name) => optionsOfSection(section).get(name)?.line ?? section.line,
  };
}

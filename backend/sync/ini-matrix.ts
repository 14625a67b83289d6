import type { Feature, SupportValue } from '../model/types.ts';
import { getValue, IniSyntax, optionsOf, parseIni, type IniFile, type IniSection } from './configparser.ts';
import { MatrixError } from './errors.ts';
import { LIMITS, SUPPORT_VALUES, type Matrix, type MatrixDriver, type MatrixSource } from './matrix.ts';

// sphinx-feature-classification's format: [driver.X] sections declare the drivers, [operation.Y] sections
// the features with one `driver.X = value` per driver; every other section is ignored.

const STATUSES = ['mandatory', 'optional', 'choice', 'condition', 'mature', 'immature'];
const ID = /^\S+$/;

/** Reads a support matrix, or throws MatrixError at SOURCE.REF:SOURCE.PATH:LINE. */
export function readIniMatrix(text: string, source: MatrixSource): Matrix {
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
  // Values are interpolated as they are read, so a bad `%` is reported at its own line.
  const read = (section: IniSection, name: string): string | undefined => {
    try {
      return getValue(optionsOf(file, section), name);
    } catch (error) {
      if (error instanceof IniSyntax) fail(error.line, `[${section.name}] ${error.message}`, error.hint);
      throw error;
    }
  };
  const lineOf = (section: IniSection, name: string) =>
    optionsOf(file, section).get(name)?.line ?? section.line;
  const capped = (
    section: IniSection,
    name: keyof typeof LIMITS,
    value: string | undefined,
    option: string = name,
  ) => {
    if (value !== undefined && value.length > LIMITS[name]) {
      fail(
        lineOf(section, option),
        `[${section.name}] ${name} is ${value.length} characters long; the registry keeps at most ${LIMITS[name]}`,
        `shorten ${name}`,
      );
    }
    return value;
  };
  const idOf = (section: IniSection, prefix: string): string => {
    const id = section.name.slice(prefix.length);
    if (!ID.test(id) || id.length > LIMITS.id) {
      fail(
        section.line,
        `[${section.name}]: "${id}" is not an id (no spaces, 1 to ${LIMITS.id} characters)`,
        `name the section [${prefix}<id>]`,
      );
    }
    return id;
  };
  const title = (section: IniSection): string => {
    const value = read(section, 'title');
    if (value === undefined || value === '') {
      fail(
        lineOf(section, 'title'),
        `[${section.name}] has no title`,
        'add a line "title = <what the docs show>"',
      );
    }
    return capped(section, 'title', value)!;
  };

  const drivers = new Map<string, MatrixDriver>();
  for (const section of file.sections) {
    if (!section.name.startsWith('driver.')) continue;
    const driver: MatrixDriver = {
      id: idOf(section, 'driver.'),
      title: title(section),
      values: new Map(),
      notes: new Map(),
    };
    const link = capped(section, 'link', read(section, 'link'));
    if (link !== undefined) driver.link = link;
    drivers.set(driver.id, driver);
  }

  const features: Feature[] = [];
  for (const section of file.sections) {
    if (!section.name.startsWith('operation.')) continue;
    const feature: Feature = { id: idOf(section, 'operation.'), title: title(section), status: 'optional' };
    const status = capped(section, 'status', read(section, 'status'));
    if (status !== undefined) {
      const base = status.includes('(') ? status.slice(0, status.indexOf('(')) : status;
      if (!STATUSES.includes(base)) {
        fail(
          lineOf(section, 'status'),
          `[${section.name}] status "${status}" is not one of mandatory, optional, choice(group), condition(expr), mature, immature`,
          'write one of those statuses (lower case)',
        );
      }
      feature.status = status;
    }
    for (const key of ['notes', 'cli', 'api'] as const) {
      const value = capped(section, key, read(section, key));
      if (value !== undefined) feature[key] = value;
    }
    features.push(feature);
    for (const [name, option] of optionsOf(file, section)) {
      if (!name.startsWith('driver.')) continue;
      const id = name.slice('driver.'.length);
      const driver = drivers.get(id);
      if (!driver) {
        fail(
          option.line,
          `[${section.name}] "${name}" is the implementation of a driver no [driver.${id}] section declares`,
          `declare [driver.${id}] (option names are read in lower case, so its section name must be too), or remove the line`,
        );
      }
      const value = read(section, name)!;
      if (!SUPPORT_VALUES.includes(value as SupportValue)) {
        fail(
          option.line,
          `[${section.name}] ${name} = "${value}" is not complete, partial, missing or unknown`,
          'write one of complete, partial, missing, unknown',
        );
      }
      driver!.values.set(feature.id, value as SupportValue);
      const notesOption = `driver-notes.${id}`;
      const notes = capped(section, 'notes', read(section, notesOption), notesOption);
      if (notes !== undefined) driver!.notes.set(feature.id, notes);
    }
  }
  return { features, drivers: [...drivers.values()], warnings: [] };
}

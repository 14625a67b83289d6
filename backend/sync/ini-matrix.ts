import type { Feature, SupportValue } from '../registry/types.ts';
import {
  IniSyntax,
  optionsOf,
  parseIni,
  type IniFile,
  type IniSection,
  type SectionOptions,
} from './configparser.ts';
import { getValue } from './interpolation.ts';
import { MatrixError } from './errors.ts';
import { refuseControlCharacters } from './matrix-text.ts';
import { controlName, firstControl } from '../validate/control.ts';
import { quote } from '../validate/quote.ts';
import { LIMITS, SUPPORT_VALUES, type Matrix, type MatrixDriver, type MatrixSource } from './matrix.ts';

// sphinx-feature-classification's format: [driver.X] sections declare the drivers, [operation.Y] sections
// the features with one `driver.X = value` per driver; every other section is ignored.

// Longer than any support value: reading one further is pointless.
const SUPPORT_VALUE_MAX = 100;
const STATUSES = ['mandatory', 'optional', 'choice', 'condition', 'mature', 'immature'];
const ID = /^\S+$/;

/** Reads a support matrix, or throws MatrixError at SOURCE.REF:SOURCE.PATH:LINE. */
export function readIniMatrix(text: string, source: MatrixSource): Matrix {
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
  // Values are interpolated as they are read, so a bad `%` is reported at its own line; none expands past what
  // the registry keeps of its field.
  // One view of each section's options, made once: reading a value then costs a lookup.
  const views = new Map<IniSection, SectionOptions>();
  const optionsOfSection = (section: IniSection): SectionOptions => {
    let view = views.get(section);
    if (view === undefined) views.set(section, (view = optionsOf(file, section)));
    return view;
  };
  const read = (section: IniSection, name: string, max: number): string | undefined => {
    try {
      return getValue(optionsOfSection(section), name, max);
    } catch (error) {
      if (error instanceof IniSyntax) fail(error.line, `[${section.name}] ${error.message}`, error.hint);
      throw error;
    }
  };
  const lineOf = (section: IniSection, name: string) =>
    optionsOfSection(section).get(name)?.line ?? section.line;
  /** A field the registry keeps: within its cap, and on one line of ordinary characters (notes may break). */
  const field = (section: IniSection, name: keyof typeof LIMITS, option: string = name) => {
    const value = read(section, option, LIMITS[name]);
    if (value === undefined) return undefined;
    if (value.length > LIMITS[name]) {
      fail(
        lineOf(section, option),
        `[${section.name}] ${name} is ${value.length} characters long; the registry keeps at most ${LIMITS[name]}`,
        `shorten ${name}`,
      );
    }
    const control = firstControl(value, name === 'notes');
    if (control !== -1) {
      fail(
        lineOf(section, option),
        `[${section.name}] ${option} ${quote(value)} holds ${controlName(value[control]!)}`,
        name === 'notes' ? 'write it with ordinary spaces' : 'write it on one line, with ordinary spaces',
      );
    }
    return value;
  };
  const idOf = (section: IniSection, prefix: string): string => {
    const id = section.name.slice(prefix.length);
    if (!ID.test(id) || id.length > LIMITS.id) {
      fail(
        section.line,
        `section ${quote(`[${section.name}]`)}: ${quote(id)} is not an id (no spaces, 1 to ${LIMITS.id} characters)`,
        `name the section [${prefix}<id>]`,
      );
    }
    return id;
  };
  const title = (section: IniSection): string => {
    const value = field(section, 'title');
    if (value === undefined || value === '') {
      fail(
        lineOf(section, 'title'),
        `[${section.name}] has no title`,
        'add a line "title = <what the docs show>"',
      );
    }
    return value!;
  };

  const inheritedDrivers = [...file.defaults].filter(([name]) => name.startsWith('driver.'));
  const drivers = new Map<string, MatrixDriver>();
  for (const section of file.sections) {
    if (!section.name.startsWith('driver.')) continue;
    const driver: MatrixDriver = {
      id: idOf(section, 'driver.'),
      title: title(section),
      values: new Map(),
      notes: new Map(),
    };
    const link = field(section, 'link');
    if (link !== undefined) driver.link = link;
    drivers.set(driver.id, driver);
  }

  const features: Feature[] = [];
  for (const section of file.sections) {
    if (!section.name.startsWith('operation.')) continue;
    const feature: Feature = { id: idOf(section, 'operation.'), title: title(section), status: 'optional' };
    const status = field(section, 'status');
    if (status !== undefined) {
      const base = status.includes('(') ? status.slice(0, status.indexOf('(')) : status;
      if (!STATUSES.includes(base)) {
        fail(
          lineOf(section, 'status'),
          `[${section.name}] status ${quote(status)} is not one of mandatory, optional, choice(group), condition(expr), mature, immature`,
          'write one of those statuses (lower case)',
        );
      }
      feature.status = status;
    }
    for (const key of ['notes', 'cli', 'api'] as const) {
      const value = field(section, key);
      if (value !== undefined) feature[key] = value;
    }
    features.push(feature);
    // Only `driver.` options matter here: those [DEFAULT] gives every section are listed once, not per section.
    const inherited = inheritedDrivers.filter(([name]) => !section.options.has(name));
    for (const [name, option] of chain(section.options, inherited)) {
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
      const value = read(section, name, SUPPORT_VALUE_MAX)!;
      if (!SUPPORT_VALUES.includes(value as SupportValue)) {
        fail(
          option.line,
          `[${section.name}] ${name} = ${quote(value)} is not complete, partial, missing or unknown`,
          'write one of complete, partial, missing, unknown',
        );
      }
      driver!.values.set(feature.id, value as SupportValue);
      const notesOption = `driver-notes.${id}`;
      const notes = field(section, 'notes', notesOption);
      if (notes !== undefined) driver!.notes.set(feature.id, notes);
    }
  }
  return { features, drivers: [...drivers.values()], warnings: [] };
}

function* chain<T>(first: Iterable<T>, second: Iterable<T>): Iterable<T> {
  yield* first;
  yield* second;
}

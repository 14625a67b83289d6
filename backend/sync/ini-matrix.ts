import type { Feature, SupportValue } from '../model/types.ts';
import { type IniSection } from './configparser.ts';
import { readIniSource } from './ini-source.ts';
import { controlName, firstControl } from '../common/control.ts';
import { quote } from '../common/quote.ts';
import { LIMITS, SUPPORT_VALUES, type Matrix, type MatrixDriver, type MatrixSource } from './matrix.ts';

// sphinx-feature-classification's format: [driver.X] sections declare the drivers, [operation.Y] sections
// the features with one `driver.X = value` per driver; every other section is ignored. A section one letter
// off those prefixes (neutron's [operations.Routed_Provider_Networks]) is ignored too, as the renderer
// ignores it, but named in a warning: its row is missing from the project's published page.

const MISSPELT = /^(operations|drivers)\./;

// Longer than any support value: reading one further is pointless.
const SUPPORT_VALUE_MAX = 100;
const STATUSES = ['mandatory', 'optional', 'choice', 'condition', 'mature', 'immature'];
const ID = /^\S+$/;

/** Reads a support matrix, or throws MatrixError at SOURCE.REF:SOURCE.PATH:LINE. */
export function readIniMatrix(text: string, source: MatrixSource): Matrix {
  const { file, fail, get: read, lineOf } = readIniSource(text, source);
  /** A field the registry keeps: within its cap, and on one line of ordinary characters (notes may break). */
  const field = (section: IniSection, name: keyof typeof LIMITS, option: string = name) => {
    let value = read(section, option, LIMITS[name]);
    if (value === undefined) return undefined;
    if (value.length > LIMITS[name]) {
      fail(
        lineOf(section, option),
        `[${section.name}] ${name} is ${value.length} characters long; the registry keeps at most ${LIMITS[name]}`,
        `shorten ${name}`,
      );
    }
    // A continuation line of a one-line field is a wrapped line: the page shows it as one, and so do we.
    if (name !== 'notes') value = value.replaceAll('\n', ' ');
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

  // Neutron's and nova's older files declare drivers as [target.X] sections or in a [targets] section,
  // for another renderer (with statuses such as "required"): they declare no driver in this format.
  const older = file.sections.some(
    (section) => section.name === 'targets' || section.name.startsWith('target.'),
  );
  if (drivers.size === 0 && older) return { features: [], drivers: [], warnings: [] };
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
  const warnings = file.sections
    .filter((section) => MISSPELT.test(section.name))
    .map(
      (section) =>
        `${source.ref}:${source.path}:${section.line}: [${section.name}] is not read: the renderer reads only [${section.name.startsWith('drivers') ? 'driver' : 'operation'}.…] sections`,
    );
  return { features, drivers: [...drivers.values()], warnings };
}

function* chain<T>(first: Iterable<T>, second: Iterable<T>): Iterable<T> {
  yield* first;
  yield* second;
}

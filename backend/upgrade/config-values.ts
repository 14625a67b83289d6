import { IniSyntax, optionsOf, parseIni, type IniFile, type SectionOptions } from '../sync/configparser.ts';
import { getValue } from '../sync/interpolation.ts';
import { ConfigFileError } from './errors.ts';

// The driver names a deployment's own oslo.config files enable. Only these keys are ever read, so no password or
// other value of the file can reach the output.

/** A driver a config file enables: a class path or an entry point name, where it is set. */
export interface ConfigValue {
  file: string;
  line: number;
  project_id: string;
  /** The option, as `[section] key`. */
  key: string;
  value: string;
  /** Class paths to look up (`upstream_classes`), or an entry point name (`upstream_id`). */
  match: { classes: string[] } | { entryPoint: string };
}

/** Something in a config file that names no driver: where, and what to do. */
export interface ConfigProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ConfigReading {
  values: ConfigValue[];
  problems: ConfigProblem[];
}

/** The drivers a config file's text enables; an INI syntax error is a ConfigFileError at FILE:LINE. */
export function readConfigValues(file: string, text: string): ConfigReading {
  let ini: IniFile;
  try {
    ini = parseIni(text);
  } catch (error) {
    if (!(error instanceof IniSyntax)) throw error;
    // The line's own text may hold a secret: the message names the line, never quotes it.
    const message = error.message.startsWith('cannot read ')
      ? 'this line is not a [section], an option "name = value", or a comment (its text is not shown)'
      : error.message;
    throw new ConfigFileError(`${file}:${error.line}: ${message}\n    hint: ${error.hint}`, { cause: error });
  }
  const reading: ConfigReading = { values: [], problems: [] };
  const value = (options: SectionOptions, name: string): string | undefined => {
    try {
      return getValue(options, name);
    } catch (error) {
      if (!(error instanceof IniSyntax)) throw error;
      throw new ConfigFileError(`${file}:${error.line}: ${error.message}\n    hint: ${error.hint}`, {
        cause: error,
      });
    }
  };
  const list = (options: SectionOptions, name: string) =>
    (value(options, name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const defaults = ini.defaults;
  backends(file, ini, 'openstack/cinder', 'enabled_backends', 'volume_driver', reading, value, list);
  backends(file, ini, 'openstack/manila', 'enabled_share_backends', 'share_driver', reading, value, list);
  const compute = defaults.get('compute_driver');
  const computeDriver = value(defaults, 'compute_driver');
  if (compute !== undefined && computeDriver !== undefined && computeDriver.trim() !== '') {
    const name = computeDriver.trim();
    // Nova loads compute_driver in the nova.virt namespace first, then as a full path.
    const classes = name.startsWith('nova.virt.') ? [name] : [`nova.virt.${name}`, name];
    reading.values.push({
      file,
      line: compute.line,
      project_id: 'openstack/nova',
      key: '[DEFAULT] compute_driver',
      value: name,
      match: { classes },
    });
  }
  const ml2 = ini.sections.find((section) => section.name === 'ml2');
  if (ml2 !== undefined)
    entryPoints(file, optionsOf(ini, ml2), 'ml2', 'mechanism_drivers', 'openstack/neutron');
  entryPoints(file, defaults, 'DEFAULT', 'enabled_hardware_types', 'openstack/ironic');
  if (reading.values.length === 0 && reading.problems.length === 0) {
    reading.problems.push({
      file,
      message:
        "enables no driver driverlog upgrade reads: cinder's [DEFAULT] enabled_backends, manila's enabled_share_backends, nova's compute_driver, neutron's [ml2] mechanism_drivers or ironic's enabled_hardware_types",
    });
  }
  return reading;

  function entryPoints(
    file: string,
    options: SectionOptions,
    section: string,
    name: string,
    project_id: string,
  ): void {
    const option = options.get(name);
    if (option === undefined) return;
    for (const entryPoint of list(options, name)) {
      reading.values.push({
        file,
        line: option.line,
        project_id,
        key: `[${section}] ${name}`,
        value: entryPoint,
        match: { entryPoint },
      });
    }
  }
}

/** cinder's and manila's multi-backend form: a list of sections, each naming its driver class. */
function backends(
  file: string,
  ini: IniFile,
  project_id: string,
  enabled: string,
  driverKey: string,
  reading: ConfigReading,
  value: (options: SectionOptions, name: string) => string | undefined,
  list: (options: SectionOptions, name: string) => string[],
): void {
  const option = ini.defaults.get(enabled);
  if (option === undefined) return;
  for (const name of list(ini.defaults, enabled)) {
    const section = ini.sections.find((s) => s.name === name);
    if (section === undefined) {
      reading.problems.push({
        file,
        line: option.line,
        message: `${enabled} names the back end "${name}", and the file has no [${name}] section`,
      });
      continue;
    }
    const options = optionsOf(ini, section);
    const driver = value(options, driverKey)?.trim();
    if (driver === undefined || driver === '') {
      reading.problems.push({
        file,
        line: section.line,
        message: `[${name}] sets no ${driverKey} (nor does [DEFAULT]), so the project's built-in default applies: name the driver to have it checked`,
      });
      continue;
    }
    reading.values.push({
      file,
      line: options.get(driverKey)!.line,
      project_id,
      key: `[${name}] ${driverKey}`,
      value: driver,
      match: { classes: [driver] },
    });
  }
}

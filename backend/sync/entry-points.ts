import { parse as parseToml, TomlError } from 'smol-toml';
import { IniSyntax, parseIni } from './configparser.ts';
import { MatrixError } from './errors.ts';
import type { ReadFile } from './python-classes.ts';

// A Python package's entry points in one group (`ironic.hardware.types`), as its packaging declares them:
// pbr's setup.cfg `[entry_points]` (an option per group, one `name = module:attr` a line), or PEP 621's
// pyproject.toml `[project.entry-points."group"]`. Older refs have only the first, newer ones only the
// second; a ref with both must say the same in each, or the difference is a warning.

export interface EntryPoint {
  name: string;
  /** `module:attr`, whitespace removed. */
  target: string;
  path: string;
  line: number;
}

export interface GroupEntryPoints {
  points: EntryPoint[];
  warnings: string[];
}

// Python's own entry point syntax (importlib.metadata): a dotted module, an optional :attr, optional [extras].
const TARGET = /^([\w.]+)\s*(?::\s*([\w.]+)\s*)?(\[.*\]\s*)?$/;

/** The group's entry points at one ref; undefined when neither file declares the group. */
export async function readEntryPoints(
  read: ReadFile,
  ref: string,
  group: string,
  dir = '',
): Promise<GroupEntryPoints | undefined> {
  const at = (name: string) => (dir === '' ? name : `${dir}/${name}`);
  const cfgPath = at('setup.cfg');
  const tomlPath = at('pyproject.toml');
  const [cfgText, tomlText] = await Promise.all([read(cfgPath), read(tomlPath)]);
  const fromCfg = cfgText === undefined ? undefined : setupCfgPoints(cfgText, { ref, path: cfgPath }, group);
  const fromToml =
    tomlText === undefined ? undefined : pyprojectPoints(tomlText, { ref, path: tomlPath }, group);
  if (!fromCfg && !fromToml) return undefined;
  const warnings: string[] = [];
  if (fromCfg && fromToml && describe(fromCfg) !== describe(fromToml)) {
    warnings.push(
      `${ref}:${cfgPath} and ${ref}:${tomlPath} declare different ${group} entry points (${describe(fromCfg) || 'none'} / ${describe(fromToml) || 'none'}); ${tomlPath} is read`,
    );
  }
  return { points: (fromToml ?? fromCfg)!, warnings };
}

const describe = (points: EntryPoint[]) =>
  points
    .map((point) => `${point.name}=${point.target}`)
    .sort()
    .join(', ');

function entry(
  name: string,
  target: string,
  source: { ref: string; path: string },
  line: number,
  group: string,
): EntryPoint {
  const match = TARGET.exec(target.trim());
  if (name === '' || !match) {
    throw new MatrixError(
      source,
      line,
      `${group}: "${name} = ${target.trim()}" is not an entry point`,
      'write "name = package.module:Class"',
    );
  }
  const attr = match[2] === undefined ? '' : `:${match[2]}`;
  return { name, target: `${match[1]}${attr}`, path: source.path, line };
}

function setupCfgPoints(
  text: string,
  source: { ref: string; path: string },
  group: string,
): EntryPoint[] | undefined {
  let file;
  try {
    file = parseIni(text);
  } catch (error) {
    if (error instanceof IniSyntax) throw new MatrixError(source, error.line, error.message, error.hint);
    throw error;
  }
  // setuptools reads setup.cfg with ConfigParser: option names in lower case, values raw.
  const option = file.sections
    .find((section) => section.name === 'entry_points')
    ?.options.get(group.toLowerCase());
  if (!option) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  let searchFrom = option.line - 1;
  const points: EntryPoint[] = [];
  for (const raw of option.raw.split('\n')) {
    const item = raw.trim();
    if (item === '') continue;
    const found = lines.findIndex((line, index) => index >= searchFrom && line.includes(item));
    const line = found === -1 ? option.line : found + 1;
    if (found !== -1) searchFrom = found + 1;
    const equals = item.indexOf('=');
    const name = equals === -1 ? '' : item.slice(0, equals).trim();
    const earlier = points.find((point) => point.name === name);
    if (earlier) {
      throw new MatrixError(
        source,
        line,
        `${group}: "${name}" repeats the entry point at line ${earlier.line}`,
        'keep one of the two',
      );
    }
    points.push(entry(name, equals === -1 ? item : item.slice(equals + 1), source, line, group));
  }
  return points;
}

function pyprojectPoints(
  text: string,
  source: { ref: string; path: string },
  group: string,
): EntryPoint[] | undefined {
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new MatrixError(
        source,
        error.line,
        error.message.split('\n')[0]!,
        'correct the TOML syntax at this line',
      );
    }
    throw error;
  }
  const project = document.project as Record<string, unknown> | undefined;
  const groups = project?.['entry-points'] as Record<string, unknown> | undefined;
  const table = groups?.[group];
  if (table === undefined) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const header = lines.findIndex((line) => line.includes(`"${group}"`) || line.includes(`'${group}'`));
  const lineOf = (name: string) => {
    const at = lines.findIndex(
      (line, index) => index > header && new RegExp(`^\\s*["']?${escape(name)}["']?\\s*=`).test(line),
    );
    return at === -1 ? header + 1 : at + 1;
  };
  if (typeof table !== 'object' || table === null || Array.isArray(table)) {
    throw new MatrixError(source, header + 1, `${group} is not a table`, 'write name = "module:Class" lines');
  }
  return Object.entries(table).map(([name, target]) => {
    if (typeof target !== 'string') {
      throw new MatrixError(
        source,
        lineOf(name),
        `${group}: ${name} is not a string`,
        'write name = "module:Class"',
      );
    }
    return entry(name, target, source, lineOf(name), group);
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

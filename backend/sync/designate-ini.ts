import type { IniSection } from './configparser.ts';
import { readIniSource } from './ini-source.ts';
import { readEntryPoints } from './entry-points.ts';
import { MatrixError } from './errors.ts';
import { maintainersOf } from './maintainers.ts';
import { LIMITS, type Matrix, type MatrixDriver, type UpstreamStatus, type TreeAt } from './matrix.ts';
import { PythonTree, splitTarget } from './python-classes.ts';

// Designate's backend matrix, read as its own Sphinx extension (doc/ext/support_matrix.py) reads it, with
// ConfigParser: `[backends]` lists `backend-impl-KEY = Title`; `[backends.backend-impl-KEY]` gives its
// status, maintainers, in-tree, type and more, each falling back to [DEFAULT]; `[grades]` gives
// `valid-grades`, and `[grades.G]` each grade's title and notes. A backend without a status takes its
// class's `__backend_status__` when its type is xfr (the class the `designate.backend` entry point names for
// the key's first part); without either its grade is `untested`, as the rendered page shows it.

const PREFIX = 'backend-impl-';

/** The grades whose backends designate does not stand behind. */
const UNSUPPORTED = new Set(['failing', 'known-broken', 'end-of-life']);

const BOOLEANS: Record<string, boolean> = {
  '1': true,
  yes: true,
  true: true,
  on: true,
  '0': false,
  no: false,
  false: false,
  off: false,
};

export async function readDesignateIni(path: string, tree: TreeAt): Promise<Matrix | undefined> {
  const text = await tree.read(path);
  if (text === undefined) return undefined;
  const { file, fail, get, lineOf } = readIniSource(text, { ref: tree.ref, path });
  const section = (name: string, line: number): IniSection =>
    file.sections.find((candidate) => candidate.name === name) ??
    fail(line, `no [${name}] section`, `add [${name}]: the renderer reads it`);
  const required = (at: IniSection, name: string): string =>
    get(at, name) ?? fail(at.line, `[${at.name}] has no ${name} (nor [DEFAULT])`, `add "${name} = …"`);

  const grades = readGrades(section('grades', 1), section, get, required, lineOf, fail);
  const valid = new Set(grades.map((grade) => grade.id));
  const backends = section('backends', 1);
  const python = new PythonTree(tree.read, tree.ref);
  let classes: Map<string, string> | undefined;
  const warnings: string[] = [];
  const drivers: MatrixDriver[] = [];
  for (const name of backends.options.keys()) {
    if (!name.startsWith(PREFIX)) continue;
    const key = name.slice(PREFIX.length);
    const parts = key.split('-');
    if (parts.length > 2 || key === '' || key.length > LIMITS.id) {
      fail(
        lineOf(backends, name),
        `"${name}" is not backend-impl-NAME or backend-impl-NAME-VARIATION`,
        'name the backend with at most one "-" after backend-impl-',
      );
    }
    const own = section(`backends.${name}`, lineOf(backends, name));
    // The renderer reads these too: a value it cannot interpolate fails its build, so it fails here.
    for (const option of ['type', 'notes', 'repository']) required(own, option);
    const inTree = required(own, 'in-tree').toLowerCase();
    if (!(inTree in BOOLEANS)) {
      fail(
        lineOf(own, 'in-tree'),
        `[${own.name}] in-tree = "${inTree}" is not a boolean`,
        'write True or False',
      );
    }
    // "In Tree: ✖": the project says the backend is not (or no longer) part of its tree.
    if (!BOOLEANS[inTree]) continue;
    let status = get(own, 'status');
    let statusAt = { path, line: lineOf(own, 'status') };
    if (status === undefined && required(own, 'type') === 'xfr') {
      classes ??= await backendClasses(tree);
      const found = await classStatus(python, classes.get(parts[0]!));
      if (found) ({ value: status, ...statusAt } = found);
      else {
        warnings.push(
          `${tree.ref}:${path}:${own.line}: [${own.name}] has no status and no designate.backend class "${parts[0]}" with a __backend_status__; graded untested`,
        );
      }
    }
    status ??= 'untested';
    if (!valid.has(status)) {
      throw new MatrixError(
        { ref: tree.ref, path: statusAt.path },
        statusAt.line,
        `${key}'s status "${status}" is not one of valid-grades (${[...valid].join(', ')})`,
        'use one of the grades [grades] lists, or add the grade',
      );
    }
    const driver: MatrixDriver = {
      id: key,
      title: (get(backends, name) ?? key).slice(0, LIMITS.title),
      values: new Map(),
      notes: new Map(),
      status,
    };
    const maintainers = maintainersOf(get(own, 'maintainers'));
    if (maintainers.length > 0) driver.maintainers = maintainers;
    drivers.push(driver);
  }
  warnings.push(...python.warnings);
  return { features: [], drivers, warnings, statuses: grades };
}

function readGrades(
  grades: IniSection,
  section: (name: string, line: number) => IniSection,
  get: (at: IniSection, name: string) => string | undefined,
  required: (at: IniSection, name: string) => string,
  lineOf: (at: IniSection, name: string) => number,
  fail: (line: number, message: string, hint: string) => never,
): UpstreamStatus[] {
  const list = required(grades, 'valid-grades');
  return list.split(',').map((id) => {
    if (id === '' || id.length > LIMITS.word || /\s/.test(id)) {
      fail(
        lineOf(grades, 'valid-grades'),
        `valid-grades: "${id}" is not a grade name`,
        'list grade names separated by commas, without spaces',
      );
    }
    const own = section(`grades.${id}`, lineOf(grades, 'valid-grades'));
    const grade: UpstreamStatus = {
      id,
      title: required(own, 'title').slice(0, LIMITS.title),
      supported: true,
    };
    const notes = get(own, 'notes');
    if (notes !== undefined) grade.notes = notes.slice(0, LIMITS.notes);
    grade.supported = !UNSUPPORTED.has(id);
    return grade;
  });
}

/** Backend name → `module:Class`, from the `designate.backend` entry points. */
async function backendClasses(tree: TreeAt): Promise<Map<string, string>> {
  const declared = await readEntryPoints(tree.read, tree.ref, 'designate.backend');
  return new Map((declared?.points ?? []).map((point) => [point.name, point.target]));
}

async function classStatus(
  python: PythonTree,
  target: string | undefined,
): Promise<{ value: string; path: string; line: number } | undefined> {
  const parts = target === undefined ? undefined : splitTarget(target);
  const found = parts && (await python.findClass(parts.module, parts.name));
  const status = found && (await python.attribute(found, '__backend_status__'));
  if (status?.value.kind !== 'literal' || typeof status.value.value !== 'string') return undefined;
  return { value: status.value.value, path: status.path, line: status.line };
}

// The folder tree is the architecture: this keeps it true. It walks the imports of every module in backend/ and
// dashboard/src/ (a regex over the source is enough: the code base writes one import per statement, and .astro
// files import in their frontmatter and their <script>s), and checks them against the rules: no import loops
// between files, folders that form a DAG, no module nothing uses, and each backend folder's README against what its
// modules really import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const backend = join(root, 'backend');
const dashboard = join(root, 'dashboard', 'src');

function sources(dir: string, pattern = /\.ts$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

const IMPORT =
  /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every relative import of a module, as absolute paths, with whether it is type-only (erased at run time). */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => ({ spec: (match[1] ?? match[2] ?? match[3])!, statement: match[0] }))
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ spec, statement }) => ({
      target: resolve(dirname(file), spec),
      typeOnly: /^\s*(?:import|export)\s+type\s/.test(statement),
    }));
}

const show = (path: string) => relative(root, path);
const CODE = /\.(?:ts|astro|mjs|js)$/;
const backendFiles = sources(backend);
const dashboardFiles = sources(dashboard, /\.(?:ts|astro)$/);
// Everything that may use a module besides the tests: the CLI's launcher, the site's configuration, dev/,
// bench/ and scripts/.
const importers = [
  ...backendFiles,
  ...dashboardFiles,
  ...['bin', 'dev', 'bench', 'scripts'].flatMap((dir) => sources(join(root, dir), CODE)),
  ...sources(join(root, 'dashboard'), /^astro\.config\.mjs$/).filter(
    (file) => dirname(file) === join(root, 'dashboard'),
  ),
];
const graph = new Map(importers.map((file) => [file, importsOf(file)]));

/** backend/x/y.ts → 'x'; a file outside backend/ → its path from the repository root. */
const folderOf = (path: string) => {
  const inside = relative(backend, path);
  return inside.startsWith('..') ? relative(root, path) : inside.split('/')[0]!;
};

/** Every import loop among `files`, each as "a.ts → b.ts → a.ts". */
function fileLoops(files: readonly string[]): string[] {
  const within = new Set(files);
  const loops: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      loops.push([...path.slice(path.indexOf(file)), file].map(show).join(' → '));
      return;
    }
    state.set(file, 'open');
    // Type-only imports are erased, but a loop through them is still a loop in the design.
    for (const { target } of graph.get(file) ?? []) if (within.has(target)) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  return loops;
}

/**
 * Every loop between the folders of `base` (a folder imports another when one of its modules does), each as
 * "a/ → b/ → a/" with an import that makes each step.
 */
function folderLoops(base: string, files: readonly string[]): string[] {
  const folder = (path: string) => relative(base, path).split('/').slice(0, -1)[0] ?? '.';
  const edges = new Map<string, Map<string, string>>();
  for (const file of files) {
    for (const { target } of graph.get(file) ?? []) {
      if (relative(base, target).startsWith('..')) continue;
      const [from, to] = [folder(file), folder(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${show(file)} → ${show(target)}`);
    }
  }
  const loops: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      const cycle = [...path.slice(path.indexOf(node)), node];
      const steps = cycle.slice(1).map((to, i) => edges.get(cycle[i]!)!.get(to)!);
      loops.push(`${cycle.map((name) => `${name}/`).join(' → ')} (${steps.join('; ')})`);
      return;
    }
    state.set(node, 'open');
    for (const to of [...(edges.get(node)?.keys() ?? [])].sort()) visit(to, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) visit(node, []);
  return loops;
}

const unresolved = (files: readonly string[]) =>
  files.flatMap((file) =>
    graph
      .get(file)!
      .filter(({ target }) => !existsSync(target))
      .map(({ target }) => `${show(file)} → ${show(target)}`),
  );

describe('the backend', () => {
  it('has no import loops', () => {
    expect(fileLoops(backendFiles)).toEqual([]);
  });

  it('has folders that form a DAG: no folder imports one that imports it back', () => {
    expect(folderLoops(backend, backendFiles)).toEqual([]);
  });

  it('has no import of cli/ outside cli/: the core never depends on the command line', () => {
    const offenders = backendFiles.flatMap((file) =>
      folderOf(file) === 'cli'
        ? []
        : graph
            .get(file)!
            .filter(({ target }) => folderOf(target) === 'cli')
            .map(({ target }) => `${show(file)} → ${show(target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    expect(unresolved(backendFiles)).toEqual([]);
  });

  it('reads no file relative to its own location: the CLI runs from a bundle elsewhere', () => {
    // A require made from the module's URL resolves packages as its static imports do, wherever it runs.
    const offenders = backendFiles.filter((file) =>
      /import\.meta\.(?:url|dirname|filename)|__dirname|__filename/.test(
        readFileSync(file, 'utf8').replaceAll('createRequire(import.meta.url)', ''),
      ),
    );
    expect(offenders.map(show)).toEqual([]);
  });

  it('imports, from outside backend/, only the schema and package.json (never dev/, dashboard/ or test/)', () => {
    const outside = new Set(
      backendFiles.flatMap((file) =>
        graph
          .get(file)!
          .map(({ target }) => folderOf(target))
          .filter((folder) => folder.includes('/') || folder.includes('.')),
      ),
    );
    expect([...outside].filter((path) => !/^schema\/|^package\.json$/.test(path))).toEqual([]);
  });
});

describe('the dashboard (dashboard/src)', () => {
  it('has no import loops', () => {
    expect(fileLoops(dashboardFiles)).toEqual([]);
  });

  it('has folders that form a DAG: no folder imports one that imports it back', () => {
    expect(folderLoops(dashboard, dashboardFiles)).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    expect(unresolved(dashboardFiles)).toEqual([]);
  });
});

describe('every module', () => {
  // Entry points: the CLI's (bin/driverlog.js bundles it), the site's pages, and the type declarations Astro reads.
  const isRoot = (file: string) =>
    file === join(backend, 'cli', 'main.ts') ||
    !relative(join(dashboard, 'pages'), file).startsWith('..') ||
    file.endsWith('.d.ts');

  it('in backend/ and dashboard/src/ has an importer outside the tests: nothing is dead code', () => {
    const used = new Set(importers.flatMap((file) => graph.get(file)!.map(({ target }) => target)));
    const dead = [...backendFiles, ...dashboardFiles].filter((file) => !isRoot(file) && !used.has(file));
    expect(dead.map(show)).toEqual([]);
  });
});

describe("each backend folder's README", () => {
  const folders = readdirSync(backend, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it.each(folders)('%s/ says what it may import, and its modules import nothing else', (folder) => {
    const readme = join(backend, folder, 'README.md');
    expect(existsSync(readme), `${show(readme)} is missing`).toBe(true);
    const line = readFileSync(readme, 'utf8')
      .split('\n')
      .find((text) => text.startsWith('May import:'));
    expect(line, `${show(readme)} needs a line starting "May import:"`).toBeDefined();
    // `common/` names backend/common; `schema/…` and `package.json` name the repository's own.
    const allowed = new Set([...line!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.split('/')[0]!));
    const used = new Set<string>();
    for (const file of backendFiles.filter((path) => folderOf(path) === folder)) {
      for (const { target } of graph.get(file)!) {
        const to = folderOf(target);
        if (to !== folder) used.add(to.includes('/') ? to.split('/')[0]! : to);
      }
    }
    expect([...used].filter((name) => !allowed.has(name)).sort(), `${show(readme)}: ${line}`).toEqual([]);
  });
});

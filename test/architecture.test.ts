// The folder tree is the architecture: this keeps it true. It walks the imports of every module in backend/
// (a regex over the source is enough: the code base writes one import per statement) and checks them against
// the rules, and each folder's README against what its modules really import.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const backend = join(root, 'backend');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

/** Every relative import of a module, as absolute paths, with whether it is type-only (erased at run time). */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((match) => ({ spec: (match[1] ?? match[2])!, statement: match[0] }))
    .filter(({ spec }) => spec.startsWith('.'))
    .map(({ spec, statement }) => ({
      target: resolve(dirname(file), spec),
      typeOnly: /^\s*(?:import|export)\s+type\s/.test(statement),
    }));
}

const files = sources(backend);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
/** backend/x/y.ts → 'x'; a file outside backend/ → its path from the repository root. */
const folderOf = (path: string) => {
  const inside = relative(backend, path);
  return inside.startsWith('..') ? relative(root, path) : inside.split('/')[0]!;
};
const show = (path: string) => relative(root, path);

describe('the backend', () => {
  it('has no import loops', () => {
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
      for (const { target } of graph.get(file) ?? []) if (graph.has(target)) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(loops).toEqual([]);
  });

  it('has no import of cli/ outside cli/: the core never depends on the command line', () => {
    const offenders = files.flatMap((file) =>
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
    const missing = files.flatMap((file) =>
      graph
        .get(file)!
        .filter(({ target }) => !existsSync(target))
        .map(({ target }) => `${show(file)} → ${show(target)}`),
    );
    expect(missing).toEqual([]);
  });

  it('reads no file relative to its own location: the CLI runs from a bundle elsewhere', () => {
    const offenders = files.filter((file) =>
      /import\.meta\.(?:url|dirname|filename)|__dirname|__filename/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map(show)).toEqual([]);
  });

  it('imports, from outside backend/, only the schema and package.json (never dev/, dashboard/ or test/)', () => {
    const outside = new Set(
      files.flatMap((file) =>
        graph
          .get(file)!
          .map(({ target }) => folderOf(target))
          .filter((folder) => folder.includes('/') || folder.includes('.')),
      ),
    );
    expect([...outside].filter((path) => !/^schema\/|^package\.json$/.test(path))).toEqual([]);
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
    for (const file of files.filter((path) => folderOf(path) === folder)) {
      for (const { target } of graph.get(file)!) {
        const to = folderOf(target);
        if (to !== folder) used.add(to.includes('/') ? to.split('/')[0]! : to);
      }
    }
    expect([...used].filter((name) => !allowed.has(name)).sort(), `${show(readme)}: ${line}`).toEqual([]);
  });
});

import { driverKey } from '../model/driver-key.ts';
import type { Driver, DriverUpstream, Project, Registry } from '../model/types.ts';
import { codeSupport, matrixSupport } from '../model/upstream-signals.ts';
import { guessClass, type LikelyDriver } from './class-guess.ts';
import { CODE_FIELDS, codeUpstream, type ReleaseClasses } from './code-upstream.ts';

export interface CodeMerge {
  registry: Registry;
  /** The newest release whose tree has driver classes. */
  newest?: string;
  /** Its classes no driver links to, with the drivers they most likely belong to. */
  unlinked: Array<{ class: string; file: string; line: number; likely: LikelyDriver[]; reason?: string }>;
  /** --add-new: classes it linked to an existing driver (or to one it added), and the drivers it added. */
  linked: Array<{ class: string; driver: string; why: string }>;
  added: Array<{ vendor: string; name: string; classes: string[] }>;
  /** Linked classes that no release's tree has (misspelt, or outside upstream.code.paths). */
  notInTree: Array<{ driver: string; class: string }>;
  /** Where the support matrix and the classes' SUPPORTED disagree. */
  warnings: string[];
}

const NAME_MAX = 120;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The registry with one project's drivers' code facts (`upstream.code_in_tree`, `ci_wiki_name`,
 * `code_supported`) from its releases' classes (oldest first), after the matrix merge. With `addNew`,
 * each class of the newest release nobody links to is linked to the one driver it clearly is, or to a new
 * driver. Nothing else changes.
 */
export function mergeCode(
  registry: Registry,
  project: Project,
  releases: readonly ReleaseClasses[],
  options: { addNew: boolean; roots: readonly string[] },
): CodeMerge {
  const newest = [...releases].reverse().find(({ classes }) => classes.size > 0);
  const result: CodeMerge = { registry, unlinked: [], linked: [], added: [], notInTree: [], warnings: [] };
  if (newest) result.newest = newest.release;
  let drivers = registry.drivers.map((driver) =>
    driver.project_id === project.id ? withoutCode(driver) : driver,
  );
  const own = () => drivers.filter((driver) => driver.project_id === project.id);
  const vendors = [...new Set(registry.drivers.map((driver) => driver.vendor))];
  const unlinkedNow = () => {
    const linked = new Set(own().flatMap((driver) => driver.upstream_classes ?? []));
    return [...(newest?.classes.values() ?? [])].filter((found) => !linked.has(found.class));
  };

  const refused = new Map<string, string>();
  if (options.addNew) {
    for (const found of unlinkedNow()) {
      const guess = guessClass(found.class, options.roots, own(), vendors);
      if (guess.link) {
        const target = guess.link;
        const why = guess.likely.find((entry) => entry.driver === driverKey(target))?.why ?? '';
        drivers = drivers.map((driver) => (driver === target ? linkClass(driver, found.class) : driver));
        const added = result.added.find((entry) => addedKey(project, entry) === driverKey(target));
        if (added) added.classes.push(found.class);
        else result.linked.push({ class: found.class, driver: driverKey(target), why });
        continue;
      }
      const words = guess.words.length > 0 ? guess.words.join('.') : found.class;
      const name = `${words} (${found.class.slice(found.class.lastIndexOf('.') + 1)})`;
      const driver: Driver = {
        project_id: project.id,
        vendor: guess.vendor,
        name: name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name,
        upstream_classes: [found.class],
      };
      if (drivers.some((other) => driverKey(other) === driverKey(driver))) {
        refused.set(
          found.class,
          `a driver "${driver.vendor} / ${driver.name}" exists already: add the class to its upstream_classes if it is this one`,
        );
        continue;
      }
      drivers.push(driver);
      result.added.push({ vendor: driver.vendor, name: driver.name, classes: [found.class] });
    }
  }

  const seen = new Set(releases.flatMap(({ classes }) => [...classes.keys()]));
  drivers = drivers.map((driver) => {
    if (driver.project_id !== project.id || !driver.upstream_classes) return driver;
    for (const path of driver.upstream_classes) {
      if (!seen.has(path)) result.notInTree.push({ driver: driverKey(driver), class: path });
    }
    const code = codeUpstream(driver.upstream_classes, releases);
    if (!code) return driver;
    const upstream: DriverUpstream = { ...(driver.upstream ?? {}), ...code };
    const next = { ...driver, upstream };
    result.warnings.push(...disagreements(project, next, releases, registry));
    return next;
  });

  for (const found of unlinkedNow()) {
    const guess = guessClass(found.class, options.roots, own(), vendors);
    const reason = refused.get(found.class);
    result.unlinked.push({
      class: found.class,
      file: found.file,
      line: found.line,
      likely: guess.likely,
      ...(reason ? { reason } : {}),
    });
  }
  result.registry = { ...registry, drivers };
  return result;
}

const addedKey = (project: Project, entry: { vendor: string; name: string }) =>
  driverKey({ project_id: project.id, ...entry });

function withoutCode(driver: Driver): Driver {
  const upstream = driver.upstream;
  if (!upstream || !CODE_FIELDS.some((field) => upstream[field] !== undefined)) return driver;
  const rest: DriverUpstream = { ...upstream };
  for (const field of CODE_FIELDS) delete rest[field];
  if (Object.keys(rest).length > 0) return { ...driver, upstream: rest };
  const { upstream: _dropped, ...withoutUpstream } = driver;
  return withoutUpstream;
}

function linkClass(driver: Driver, path: string): Driver {
  return { ...driver, upstream_classes: [...(driver.upstream_classes ?? []), path].sort(byCodePoint) };
}

/** The releases where the matrix and the linked classes say different things of the project's support. */
function disagreements(
  project: Project,
  driver: Driver,
  releases: readonly ReleaseClasses[],
  registry: Registry,
): string[] {
  const order = registry.releases ?? [];
  return releases.flatMap(({ release, ref, classes }) => {
    const matrix = matrixSupport(project, driver, release, order);
    const code = codeSupport(driver, release, order);
    if (matrix === undefined || code === undefined || matrix === code) return [];
    const where = (driver.upstream_classes ?? [])
      .flatMap((path) => classes.get(path) ?? [])
      .map((found) => `${ref ?? release}:${found.file}:${found.line}`);
    const matrixWord = matrix ? 'supported' : `"missing" for ${project.upstream?.support_feature}`;
    const codeWord = code ? 'not SUPPORTED = False' : 'SUPPORTED = False';
    return [
      `${driverKey(driver)}: in ${release} the support matrix says ${matrixWord}, but its classes say ${codeWord} (${where.join(', ')}); the matrix decides`,
    ];
  });
}

import { readEntryPoints } from './entry-points.ts';
import { LIMITS, type Matrix, type MatrixDriver, type UpstreamStatus, type TreeAt } from './matrix.ts';
import { PythonTree, splitTarget } from './python-classes.ts';

// Ironic publishes its hardware types as entry points in the group `ironic.hardware.types`, which is what
// its conductor loads (`enabled_hardware_types`) and its docs list. Each type's class says `supported`
// (AbstractHardwareType's True, unless a class on the way says otherwise): ironic logs a warning for an
// unsupported type at start-up. The status word is `supported` or `unsupported`.

const GROUP = 'ironic.hardware.types';

/** In ironic's own tree but no vendor's hardware: its test and manual-operation types. */
const UTILITY: Record<string, string> = {
  'fake-hardware': 'a test hardware type (fake interfaces for ironic’s own tests)',
  'manual-management': 'a utility hardware type (the operator powers and boots the node by hand)',
};

export const IRONIC_STATUSES: UpstreamStatus[] = [
  {
    id: 'supported',
    title: 'Supported',
    notes: 'The hardware type’s class keeps `supported = True`.',
    supported: true,
  },
  {
    id: 'unsupported',
    title: 'Unsupported',
    notes:
      'The hardware type’s class sets `supported = False`: ironic warns when it is enabled, and it may be removed.',
    supported: false,
  },
];

/** Ironic's hardware types at one ref, read from the packaging file `path` (and pyproject.toml beside it). */
export async function readIronicEntryPoints(path: string, tree: TreeAt): Promise<Matrix | undefined> {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const declared = await readEntryPoints(tree.read, tree.ref, GROUP, dir);
  if (!declared) {
    // The packaging file exists (setup.cfg predates hardware types): no types yet, not "no file".
    return (await tree.read(path)) === undefined ? undefined : { features: [], drivers: [], warnings: [] };
  }
  const python = new PythonTree(tree.read, tree.ref);
  const warnings = [...declared.warnings];
  const drivers: MatrixDriver[] = [];
  for (const point of declared.points) {
    const driver: MatrixDriver = {
      id: point.name.slice(0, LIMITS.id),
      title: point.name,
      values: new Map(),
      notes: new Map(),
    };
    const where = `${tree.ref}:${point.path}:${point.line}`;
    const target = splitTarget(point.target);
    const found = target && (await python.findClass(target.module, target.name));
    if (!found) {
      warnings.push(
        `${where}: ${point.name}'s class ${point.target} is not in the tree; its status is unknown`,
      );
    } else {
      if (found.summary !== undefined) driver.title = found.summary.replace(/\.$/, '').slice(0, LIMITS.title);
      const supported = await python.attribute(found, 'supported');
      const value = supported?.value;
      if (value?.kind === 'literal' && typeof value.value === 'boolean') {
        driver.status = value.value ? 'supported' : 'unsupported';
      } else {
        const why = supported
          ? `${supported.owner} sets it to ${value!.kind === 'unknown' ? value!.text : JSON.stringify(value!.value)} at ${tree.ref}:${supported.path}:${supported.line}`
          : 'no class on the way sets it';
        warnings.push(
          `${where}: ${point.name}'s \`supported\` cannot be read (${why}); its status is unknown`,
        );
      }
    }
    const utility = UTILITY[point.name];
    if (utility !== undefined) driver.utility = utility;
    drivers.push(driver);
  }
  warnings.push(...python.warnings);
  return { features: [], drivers, warnings, statuses: IRONIC_STATUSES };
}

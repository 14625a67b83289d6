import { appendPointer } from '../json/pointer.ts';
import { driverLabel, isRecord, listOf, stringAt } from './checks/shape.ts';
import type { Job } from '../model/job-trailer.ts';
import type { Problem } from './problem.ts';

// The fields the jobs write: `update` the CI evidence (`verification`, and each driver's `recent` runs in
// the runs file) and the scan position (`scan_state`), `sync` what the projects' support matrices say
// (`upstream`, `features`). A pull request that edits them forges evidence ("passing, verified in 2099"), so
// `validate --changed-since` accepts, for each of them, only a value some trusted version holds: the
// base branch's, the merge base's, or one a job's own commit wrote.

export const MACHINE_FIELDS: Record<string, Job> = {
  verification: 'update',
  recent: 'update',
  scan_state: 'update',
  upstream: 'sync',
  features: 'sync',
};

/** One machine-written field of one driver or project (or the registry's scan_state). */
interface Instance {
  field: string;
  job: Job;
  /** Where it is in this version of the file. */
  pointer: string;
  value: unknown;
}

/** The machine-written fields a registry value holds, by a stable identity (not by position). */
export function machineFields(data: unknown): Map<string, Instance> {
  const found = new Map<string, Instance>();
  const add = (owner: string, container: unknown, pointer: string, field: string): void => {
    if (!isRecord(container) || container[field] === undefined) return;
    found.set(`${owner} ${field}`, {
      field,
      job: MACHINE_FIELDS[field]!,
      pointer: appendPointer(pointer, field),
      value: container[field],
    });
  };
  add('registry', data, '', 'scan_state');
  for (const project of listOf(data, 'projects') ?? []) {
    add(`project ${projectIdentity(project.value)}`, project.value, project.pointer, 'features');
  }
  for (const driver of listOf(data, 'drivers') ?? []) {
    const key = driverIdentity(driver.value);
    add(`driver ${key}`, driver.value, driver.pointer, 'verification');
    add(`driver ${key}`, driver.value, driver.pointer, 'upstream');
    // A runs file's entry (model/runs-file.ts).
    add(`driver ${key}`, driver.value, driver.pointer, 'recent');
  }
  return found;
}

/** A version of the file whose machine-written fields are trusted: all of them, or only one job's. */
export interface TrustedVersion {
  data: unknown;
  /** Only this job's fields (a job's commit); undefined for the base branch and the merge base. */
  job?: Job;
}

const MAX_DIFFERENCES = 5;

/**
 * Problems for every machine-written field of `current` whose value no trusted version holds (a field
 * absent from a trusted version may be absent now). Each names the fields that differ from the first
 * trusted version, at their place in `current`.
 */
export function forgedMachineFields(
  current: unknown,
  trusted: readonly TrustedVersion[],
  ref: string,
): Problem[] {
  const versions = trusted.map((version) => ({ job: version.job, fields: machineFields(version.data) }));
  const now = machineFields(current);
  const identities = new Set([...now.keys(), ...versions.flatMap((version) => [...version.fields.keys()])]);
  const problems: Problem[] = [];
  for (const identity of identities) {
    const instance = now.get(identity);
    const field = instance?.field ?? identity.slice(identity.lastIndexOf(' ') + 1);
    const job = MACHINE_FIELDS[field]!;
    const relevant = versions.filter((version) => version.job === undefined || version.job === job);
    const value = canonical(instance?.value);
    if (relevant.some((version) => canonical(version.fields.get(identity)?.value) === value)) continue;
    if (!instance) {
      // Removed: a removed driver or project takes its evidence with it, which is fine. Runs outlive a
      // renamed or removed driver until `update` drops them: any other removal of them is by hand.
      const owner = ownerOf(identity, current);
      if (owner.pointer === undefined && field !== 'recent') continue;
      const held = relevant.map((version) => version.fields.get(identity)).find((found) => found)!;
      // Named, and placed at the owner where it still is: the pointer it had may now be another's.
      problems.push(
        forged(
          owner.pointer === undefined ? held.pointer : appendPointer(owner.pointer, field),
          `${field} was removed${owner.label}`,
          field,
          job,
          ref,
        ),
      );
      continue;
    }
    // Named against the closest trusted value: the fewest differences say best what was done by hand.
    const differences = relevant
      .map((version) => version.fields.get(identity))
      .filter((held) => held !== undefined)
      .map((held) => differencesBetween(held.value, instance.value, instance.pointer))
      .reduce<Difference[] | undefined>(
        (best, next) => (best && best.length <= next.length ? best : next),
        undefined,
      ) ?? [{ pointer: instance.pointer, kind: 'added' }];
    differences.slice(0, MAX_DIFFERENCES).forEach(({ pointer, kind }, i) => {
      const path = pointer.slice(instance.pointer.length - field.length);
      const more =
        i === MAX_DIFFERENCES - 1 && differences.length > MAX_DIFFERENCES
          ? ` (and ${differences.length - MAX_DIFFERENCES} more changes to this ${field})`
          : '';
      problems.push(forged(pointer, `${path} was ${kind}${more}`, field, job, ref));
    });
  }
  return problems;
}

function forged(pointer: string, what: string, field: string, job: Job, ref: string): Problem {
  return {
    check: 'machine-written',
    severity: 'error',
    pointer,
    message: `${what} since ${ref}, but only \`driverlog ${job}\` writes ${field}, and no commit of it did this`,
    hint: `undo the change to ${field} (keep your other edits); \`driverlog ${job}\` writes it from ${
      job === 'update' ? 'Gerrit' : 'the project\u2019s support matrix'
    } on its next run. A renamed driver starts without it`,
  };
}

/**
 * The driver or project (or the registry) that held a field, from the field's identity: how a message names
 * it, and its place in `current` when it is still there.
 */
function ownerOf(identity: string, current: unknown): { label: string; pointer?: string } {
  const owner = identity.slice(0, identity.lastIndexOf(' '));
  if (owner === 'registry') return { label: '', pointer: isRecord(current) ? '' : undefined };
  if (owner.startsWith('project ')) {
    const id = owner.slice('project '.length);
    const found = (listOf(current, 'projects') ?? []).find(
      (project) => projectIdentity(project.value) === id,
    );
    const label = id === 'undefined' ? ' from a project without an id' : ` from project ${id}`;
    return { label, pointer: found?.pointer };
  }
  const key = owner.slice('driver '.length);
  const found = (listOf(current, 'drivers') ?? []).find((driver) => driverIdentity(driver.value) === key);
  const [projectId, vendor, name] = JSON.parse(key) as Array<string | null>;
  return { label: ` from driver ${driverLabel({ vendor, name })} of ${projectId}`, pointer: found?.pointer };
}

// Identities that survive a move or a reorder (missing or odd values included, as on a file that fails the schema).
const driverIdentity = (driver: unknown): string =>
  JSON.stringify(['project_id', 'vendor', 'name'].map((key) => stringAt(driver, key)));
const projectIdentity = (project: unknown): string => String(JSON.stringify(stringAt(project, 'id')));

/** JSON with object keys sorted: `driverlog format` may reorder keys without changing a value. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

interface Difference {
  /** In `after`; for a removed value, its parent's. */
  pointer: string;
  kind: 'added' | 'changed' | 'removed';
}

/** Where two versions of a field differ, as pointers in `after` (under `pointer`). */
function differencesBetween(before: unknown, after: unknown, pointer: string): Difference[] {
  if (canonical(before) === canonical(after)) return [];
  if (before === undefined) return [{ pointer, kind: 'added' }];
  const bothObjects = isRecord(before) && isRecord(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (!bothObjects && !bothArrays) return [{ pointer, kind: 'changed' }];
  const keys = bothArrays
    ? Array.from({ length: Math.max(before.length, after.length) }, (_, i) => String(i))
    : [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])];
  const found: Difference[] = [];
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    // A value removed here has no place in `after`: its parent is named.
    if (b === undefined) {
      if (a !== undefined) found.push({ pointer, kind: 'changed' });
      continue;
    }
    found.push(...differencesBetween(a, b, appendPointer(pointer, key)));
  }
  const seen = new Set<string>();
  return found.filter((difference) => !seen.has(difference.pointer) && seen.add(difference.pointer));
}

import { isDeepStrictEqual } from 'node:util';
import type { Driver, Registry } from '../model/types.ts';

/** A driver's short name in clauses: its upstream_id, else its name. */
const label = (driver: Driver) => driver.upstream_id ?? driver.name;
const list = (names: string[], max = 3) =>
  names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
const drivers = (n: number) => (n === 1 ? '1 driver' : `${n} drivers`);

/**
 * What a sync changes in one project's code facts, as clauses for the report and the commit message:
 * drivers that gain or lose code facts, whose CI_WIKI_NAMEs or SUPPORTED change, classes linked.
 */
export function describeCodeChanges(before: Registry, after: Registry, projectId: string): string[] {
  const old = new Map(
    before.drivers.filter((d) => d.project_id === projectId).map((d) => [identity(d), d] as const),
  );
  const gained: string[] = [];
  const lost: string[] = [];
  const names: string[] = [];
  const support: string[] = [];
  const tree: string[] = [];
  let linked = 0;
  for (const driver of after.drivers.filter((d) => d.project_id === projectId)) {
    const was = old.get(identity(driver));
    linked += (driver.upstream_classes ?? []).filter((path) => !was?.upstream_classes?.includes(path)).length;
    const now = driver.upstream;
    const then = was?.upstream;
    if (!then?.code_in_tree && now?.code_in_tree) gained.push(label(driver));
    else if (then?.code_in_tree && !now?.code_in_tree) lost.push(label(driver));
    else if (then?.code_in_tree && now?.code_in_tree) {
      if (!isDeepStrictEqual(then.ci_wiki_name, now.ci_wiki_name)) names.push(label(driver));
      if (!isDeepStrictEqual(then.code_supported, now.code_supported)) support.push(label(driver));
      if (!isDeepStrictEqual(then.code_in_tree, now.code_in_tree)) tree.push(label(driver));
    }
  }
  const clauses: string[] = [];
  if (linked > 0) clauses.push(`${linked === 1 ? '1 class' : `${linked} classes`} linked`);
  if (gained.length > 0) clauses.push(`code facts for ${drivers(gained.length)}`);
  if (lost.length > 0) clauses.push(`${list(lost)} no longer in any tree's classes`);
  if (tree.length > 0) clauses.push(`${list(tree)} in the code of other releases`);
  if (names.length > 0) clauses.push(`CI_WIKI_NAME changes for ${list(names)}`);
  if (support.length > 0) clauses.push(`SUPPORTED changes for ${list(support)}`);
  return clauses;
}

const identity = (driver: Driver) => `${driver.vendor}\n${driver.name}`;

import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';

// The dashboard reads a driver's upstream history by release position: a release that is not listed, or
// listed out of order, would put a value in the wrong release. (Allowed values are the schema's to check.)
export const upstreamReleases: Check = {
  id: 'upstream-releases',
  description:
    "Drivers' upstream in_tree, feature and status histories and deliverable versions name listed releases in release order (features and statuses only releases in the tree); upstream.refs names listed releases.",
  run: ({ data }) => {
    const order = new Map(
      (listOf(data, 'releases') ?? []).flatMap((r, index) => {
        const id = stringAt(r.value, 'id');
        return id === undefined ? [] : [[id, index] as const];
      }),
    );
    const problems: Problem[] = [];
    const problem = (pointer: string, message: string, hint: string) =>
      problems.push({ check: 'upstream-releases', severity: 'error', pointer, message, hint });
    const unlisted = (pointer: string, id: string, what: string) =>
      problem(
        pointer,
        `${what} "${id}" is not in the releases list`,
        'run `driverlog sync` again, or add the release',
      );

    for (const project of listOf(data, 'projects') ?? []) {
      const refs = isRecord(project.value.upstream) ? project.value.upstream.refs : undefined;
      if (!isRecord(refs)) continue;
      for (const id of Object.keys(refs)) {
        if (!order.has(id))
          unlisted(appendPointer(`${project.pointer}/upstream/refs`, id), id, 'upstream.refs names release');
      }
    }
    for (const driver of listOf(data, 'drivers') ?? []) {
      const upstream = driver.value.upstream;
      if (!isRecord(upstream)) continue;
      const base = `${driver.pointer}/upstream`;
      const inTree = Array.isArray(upstream.in_tree) ? upstream.in_tree : [];
      // Checks one list of release ids: listed, strictly in release order; returns the ids it accepted.
      const ordered = (ids: unknown[], pointer: (index: number) => string, what: string): void => {
        let last = -1;
        ids.forEach((id, index) => {
          if (typeof id !== 'string') return;
          const at = order.get(id);
          if (at === undefined) return unlisted(pointer(index), id, what);
          if (at <= last) {
            problem(
              pointer(index),
              `${what} "${id}" is out of release order (or repeated)`,
              'list releases oldest first, each once: run `driverlog sync` again',
            );
          }
          last = Math.max(last, at);
        });
      };
      ordered(inTree, (i) => `${base}/in_tree/${i}`, 'in_tree release');
      const listed = new Set(inTree.filter((id): id is string => typeof id === 'string'));
      // Per-release steps: features' values, the status word, the deliverable's versions.
      const steps = (pairs: unknown, pointer: string, what: string, inTreeOnly: boolean) => {
        if (!Array.isArray(pairs)) return;
        const at = (i: number) => `${pointer}/${i}/0`;
        const releases = pairs.map((pair) => (Array.isArray(pair) ? pair[0] : undefined));
        ordered(releases, at, `${what} release`);
        releases.forEach((id, i) => {
          if (inTreeOnly && typeof id === 'string' && order.has(id) && !listed.has(id)) {
            problem(
              at(i),
              `${what} has a value for ${id}, a release the driver is not in the tree in`,
              'values are only recorded for releases in in_tree: run `driverlog sync` again',
            );
          }
        });
      };
      const features = isRecord(upstream.features) ? upstream.features : {};
      for (const [feature, pairs] of Object.entries(features)) {
        steps(pairs, appendPointer(`${base}/features`, feature), `feature "${feature}"`, true);
      }
      steps(upstream.status, `${base}/status`, 'status', true);
      const deliverable = isRecord(upstream.deliverable) ? upstream.deliverable : {};
      steps(deliverable.versions, `${base}/deliverable/versions`, 'deliverable version', false);
    }
    return problems;
  },
};

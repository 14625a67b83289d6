import type { DriverUpstream } from '../model/types.ts';

// A driver's `upstream` is written by more than one pass of sync: the project's matrices (title, link,
// in_tree, features, notes, status, maintainers) and, for a driver shipped as a deliverable of its own,
// `sync --deliverables` (kind, deliverable, and in_tree meaning "shipped with the release"). Each pass
// replaces its own fields and keeps the other's, so that running one never undoes the other.

const DELIVERABLE_FIELDS = ['kind', 'deliverable', 'in_tree'] as const;

/** The driver's upstream after the matrix pass: what the matrices say, and the deliverable's facts kept. */
export function withMatrixFacts(
  previous: DriverUpstream | undefined,
  fromMatrices: DriverUpstream | undefined,
): DriverUpstream | undefined {
  if (previous?.kind !== 'out-of-tree') return fromMatrices;
  // A deliverable's driver is not in the project's matrices (validation refuses both links): keep its facts.
  return pick(previous, DELIVERABLE_FIELDS);
}

/** The driver's upstream after the deliverables pass: the deliverable's facts, or none when it has none. */
export function withDeliverableFacts(
  previous: DriverUpstream | undefined,
  fromDeliverable: Pick<DriverUpstream, 'kind' | 'deliverable' | 'in_tree'> | undefined,
): DriverUpstream | undefined {
  if (fromDeliverable) return { ...previous, ...fromDeliverable };
  if (previous?.kind !== 'out-of-tree') return previous;
  const rest: DriverUpstream = { ...previous };
  for (const field of DELIVERABLE_FIELDS) delete rest[field];
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function pick(upstream: DriverUpstream, fields: readonly (keyof DriverUpstream)[]): DriverUpstream {
  const kept: Record<string, unknown> = {};
  for (const field of fields) if (upstream[field] !== undefined) kept[field] = upstream[field];
  return kept as DriverUpstream;
}

import { formatGerritTimestamp } from './time.ts';

export interface ChangeQuery {
  project: string;
  status?: string;
  branch?: string;
  /** ms since the epoch; Gerrit compares it with `updated`, inclusively, to the second. */
  after?: number;
}

/** e.g. `project:openstack/cinder status:merged after:"2024-05-09 16:41:07"`. */
export function buildChangeQuery(query: ChangeQuery): string {
  const terms = [`project:${query.project}`];
  if (query.status !== undefined) terms.push(`status:${query.status}`);
  if (query.branch !== undefined) terms.push(`branch:${query.branch}`);
  if (query.after !== undefined) terms.push(`after:"${formatGerritTimestamp(query.after)}"`);
  return terms.join(' ');
}

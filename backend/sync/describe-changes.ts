import type { ProjectChanges, SyncEvent } from './changes.ts';

/** A project's short name in messages: openstack/cinder → cinder. */
export const shortProject = (id: string) => id.slice(id.lastIndexOf('/') + 1);

const drivers = (n: number) => (n === 1 ? '1 driver' : `${n} drivers`);
const list = (ids: string[], max = 3) =>
  ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;

/**
 * What changed in one project, as short clauses: "3 drivers gain multiattach in Gazpacho",
 * "prophetstor leaves the tree after Epoxy". Empty when nothing did.
 */
export function describeChanges(changes: ProjectChanges): string[] {
  const clauses: string[] = [];
  const { features, releases } = changes;
  if (releases.added.length > 0) clauses.push(`matrix read for ${list(releases.added, 4)}`);
  if (releases.removed.length > 0) clauses.push(`no matrix any more for ${list(releases.removed, 4)}`);
  if (changes.added.length > 0) clauses.push(`${drivers(changes.added.length)} added`);
  if (changes.linked.length > 0) clauses.push(`${drivers(changes.linked.length)} linked`);
  if (changes.unlinked.length > 0) clauses.push(`${list(changes.unlinked)} no longer in any matrix`);
  if (features.added.length > 0) clauses.push(`new features ${list(features.added)}`);
  if (features.removed.length > 0) clauses.push(`features ${list(features.removed)} removed`);
  if (features.changed.length > 0) clauses.push(`features ${list(features.changed)} reworded`);
  const groups = new Map<string, { verb: [string, string]; drivers: string[] }>();
  const group = (key: string, verb: [string, string], driver: string) => {
    const entry = groups.get(key) ?? { verb, drivers: [] };
    if (!entry.drivers.includes(driver)) entry.drivers.push(driver);
    groups.set(key, entry);
  };
  for (const event of changes.events) group(...phrase(event), event.driver);
  for (const { verb, drivers: ids } of groups.values()) {
    clauses.push(ids.length === 1 ? `${ids[0]} ${verb[0]}` : `${drivers(ids.length)} ${verb[1]}`);
  }
  if (changes.revised > 0) clauses.push(`${changes.revised} earlier fact(s) revised`);
  clauses.push(...(changes.code ?? []));
  if (clauses.length === 0 && changes.changed) clauses.push('titles, links or notes updated');
  return clauses;
}

/** A group key and the verb for one driver / several: ["gains qos in Epoxy", "gain qos in Epoxy"]. */
function phrase(event: SyncEvent): [string, [string, string]] {
  switch (event.kind) {
    case 'enter':
      return [
        `enter ${event.release}`,
        [`enters the tree in ${event.release}`, `enter the tree in ${event.release}`],
      ];
    case 'leave':
      return [
        `leave ${event.release}`,
        [`leaves the tree after ${event.release}`, `leave the tree after ${event.release}`],
      ];
    case 'status': {
      const what = `${event.to} in ${event.release}`;
      return [`status ${what}`, [`becomes ${what}`, `become ${what}`]];
    }
    case 'gain':
    case 'lose': {
      const [one, many] = event.kind === 'gain' ? ['gains', 'gain'] : ['loses', 'lose'];
      const what = `${event.feature} in ${event.release}`;
      return [`${event.kind} ${what}`, [`${one} ${what}`, `${many} ${what}`]];
    }
    default: {
      const what = `${event.feature} ${event.from ?? 'unstated'} → ${event.to ?? 'unstated'} in ${event.release}`;
      return [`change ${what}`, [`changes ${what}`, `change ${what}`]];
    }
  }
}

/** The commit message: a subject naming the changes (shortened when long), and every clause below. */
export function syncCommitMessage(changes: ProjectChanges[]): string {
  const described = changes
    .map((project) => ({ name: shortProject(project.project), clauses: describeChanges(project) }))
    .filter(({ clauses }) => clauses.length > 0);
  const full = described.map(({ name, clauses }) => `${name}: ${clauses.join('; ')}`).join('; ');
  const subject =
    full.length <= 100
      ? full
      : `sync: ${described.map(({ name, clauses }) => `${name} (${clauses.length} changes)`).join(', ')}`;
  const body = described.flatMap(({ name, clauses }) => [
    `${name}:`,
    ...clauses.map((clause) => `- ${clause}`),
  ]);
  return `${subject || 'sync: upstream support matrices'}\n\n${body.join('\n')}\n`;
}

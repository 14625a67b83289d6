import { driverKey } from '../../backend/model/driver-key.ts';
import type { Registry } from '../../backend/model/types.ts';
import type { WikiNames } from './propose-ci-blocks.ts';

/** A driver class as cinder's code declares it: its CI_WIKI_NAME and the matrix sections it implements. */
export interface DriverClass {
  fqn: string;
  ci_wiki_name: string | null;
  matrix_ids: string[];
}

/**
 * Cinder's drivers' CI wiki names: those `sync` wrote from the code (`upstream.ci_wiki_name`, newest entry) when a
 * driver has them, else those of the classes linked to it (`upstream_classes`, else the classes implementing its
 * matrix section `upstream_id`).
 */
export function cinderWikiNames(registry: Registry, classes: readonly DriverClass[]): WikiNames {
  const names = new Map<string, string[]>();
  for (const driver of registry.drivers) {
    if (driver.project_id !== 'openstack/cinder') continue;
    const fromSync = driver.upstream?.ci_wiki_name?.at(-1)?.[1];
    const linked = classes.filter((c) =>
      driver.upstream_classes !== undefined
        ? driver.upstream_classes.includes(c.fqn)
        : driver.upstream_id !== undefined && c.matrix_ids.includes(driver.upstream_id),
    );
    const found = fromSync ?? linked.flatMap((c) => (c.ci_wiki_name === null ? [] : [c.ci_wiki_name]));
    names.set(driverKey(driver), [...new Set(found)].sort());
  }
  return names;
}

// Nova's feature matrix names the CI of each target by its ThirdPartySystems page; its targets are the support
// matrix's drivers under other ids.
const NOVA_TARGETS: Readonly<Record<string, string>> = {
  'libvirt-virtuozzo-ct': 'libvirt-vz-ct',
  'libvirt-virtuozzo-vm': 'libvirt-vz-vm',
  zvm: 'zvm',
};

/** Nova's drivers' CI wiki names, from doc/source/user/feature-matrix-gp.ini's `[target.X] link=…/ThirdPartySystems/NAME`. */
export function novaWikiNames(registry: Registry, ini: string): WikiNames {
  const byTarget = new Map<string, string>();
  let target: string | undefined;
  for (const line of ini.split('\n')) {
    const section = /^\[target\.([^\]]+)\]/.exec(line);
    if (section) target = section[1];
    else if (/^\[/.test(line)) target = undefined;
    const link = /^link\s*=\s*https?:\/\/wiki\.openstack\.org\/wiki\/ThirdPartySystems\/(\S+)$/.exec(line);
    if (target !== undefined && link) byTarget.set(target, link[1]!);
  }
  const names = new Map<string, string[]>();
  for (const driver of registry.drivers) {
    if (driver.project_id !== 'openstack/nova' || driver.upstream_id === undefined) continue;
    const target = Object.entries(NOVA_TARGETS).find(([, id]) => id === driver.upstream_id)?.[0];
    const name = target === undefined ? undefined : byTarget.get(target);
    names.set(driverKey(driver), name === undefined ? [] : [name]);
  }
  return names;
}

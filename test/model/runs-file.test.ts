import { describe, expect, it } from 'vitest';
import { formatRegistry, formatRuns } from '../../backend/format/canonical.ts';
import { isRunsFile, joinRuns, runsFileOf, splitRuns } from '../../backend/model/runs-file.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry, Run, RunsFile, VerificationRecord } from '../../backend/model/types.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';

const run = (day: number, ci_result = true): Run => ({
  timestamp: `2018-09-${String(day).padStart(2, '0')}T10:00:00Z`,
  change_number: 600000 + day,
  patch_set: 1,
  ci_result,
});

const record = (day: number, recent?: Run[]): VerificationRecord => ({
  ci_result: true,
  review_url: `https://review.example.org/c/openstack/cinder/+/${600000 + day}`,
  change_number: 600000 + day,
  patch_set: 1,
  branch: 'stable/rocky',
  ci_id: 'acme-ci',
  comment: '- acme-iscsi-tempest https://ci.acme.example.com/1 : SUCCESS in 1h 00m 00s',
  timestamp: run(day).timestamp,
  ...(recent === undefined ? {} : { recent }),
});

/**
 * Four drivers: runs on two releases; a record with runs and one without; records and no runs at all; no
 * records.
 */
function mixed(): Registry {
  const value = validRegistry();
  const [iscsi, hypervisor] = value.drivers;
  iscsi!.verification = {
    Queens: record(2, [run(2), run(1, false)]),
    Rocky: record(4, [run(4), run(3)]),
  };
  hypervisor!.ci = {
    id: 'acme-ci',
    success_pattern: 'hv \\S+ : SUCCESS',
    failure_pattern: 'hv \\S+ : FAILURE',
  };
  hypervisor!.verification = { Queens: record(5), Rocky: record(6, [run(6, false)]) };
  value.drivers.push(
    {
      project_id: 'openstack/cinder',
      vendor: 'Bolt',
      name: 'Bolt NVMe',
      releases: ['Rocky'],
      verification: { Rocky: record(7) },
    },
    { project_id: 'openstack/cinder', vendor: 'Crane', name: 'Crane FC', releases: ['Rocky'] },
  );
  return value;
}

describe('runsFileOf', () => {
  it('puts `.runs` before the `.json` of a registry file, and after any other name', () => {
    expect(runsFileOf('default_data.json')).toBe('default_data.runs.json');
    expect(runsFileOf('/srv/data/registry.json')).toBe('/srv/data/registry.runs.json');
    expect(runsFileOf('data/x')).toBe('data/x.runs.json');
    expect(runsFileOf('x.json.bak')).toBe('x.json.bak.runs.json');
    expect(isRunsFile(runsFileOf('x.json'))).toBe(true);
    expect(isRunsFile(runsFileOf('x'))).toBe(true);
    expect(isRunsFile('default_data.json')).toBe(false);
  });
});

describe('splitRuns and joinRuns', () => {
  it('give back the registry they split, for records with and without runs', () => {
    const registry = mixed();
    const { stored, runs } = splitRuns(registry);
    expect(JSON.stringify(stored)).not.toContain('"recent"');
    expect(runs).toEqual({
      drivers: [
        {
          project_id: 'openstack/cinder',
          vendor: 'Acme',
          name: 'Acme iSCSI driver',
          recent: { Queens: [run(2), run(1, false)], Rocky: [run(4), run(3)] },
        },
        {
          project_id: 'openstack/nova',
          vendor: 'Acme',
          name: 'Acme hypervisor',
          recent: { Rocky: [run(6, false)] },
        },
      ],
    });
    expect(joinRuns(stored, runs)).toEqual({ registry, unmatched: [] });
  });

  it('leave a registry without runs as it is, and with no runs file', () => {
    const registry = validRegistry();
    const { stored, runs } = splitRuns(registry);
    expect(stored).toEqual(registry);
    expect(runs).toEqual({ drivers: [] });
    expect(joinRuns(stored, runs)).toEqual({ registry, unmatched: [] });
    expect(joinRuns(stored, undefined)).toEqual({ registry, unmatched: [] });
  });

  it('drop an empty list of runs: a record has runs, or none', () => {
    const registry = validRegistry();
    registry.drivers[0]!.verification!.Rocky!.recent = [];
    const { stored, runs } = splitRuns(registry);
    expect(runs.drivers).toEqual([]);
    expect(joinRuns(stored, runs).registry).toEqual(validRegistry());
  });

  it('list the runs of a renamed driver and of a release without a record, by pointer, and join the rest', () => {
    const registry = mixed();
    const { stored, runs } = splitRuns(registry);
    const file: RunsFile = {
      drivers: [
        { ...runs.drivers[0]!, name: 'Acme iSCSI (old name)' },
        { ...runs.drivers[1]!, recent: { ...runs.drivers[1]!.recent, Queens: [run(5)], Austin: [run(1)] } },
      ],
    };
    const joined = joinRuns(stored, file);
    expect(joined.unmatched).toEqual([
      {
        pointer: '/drivers/0/recent/Queens',
        driver: 'openstack/cinder:Acme:Acme iSCSI (old name)',
        release: 'Queens',
      },
      {
        pointer: '/drivers/0/recent/Rocky',
        driver: 'openstack/cinder:Acme:Acme iSCSI (old name)',
        release: 'Rocky',
      },
      {
        pointer: '/drivers/1/recent/Austin',
        driver: 'openstack/nova:Acme:Acme hypervisor',
        release: 'Austin',
      },
    ]);
    // The renamed driver's records have no runs; the hypervisor's Queens record, which had none, has its run now.
    const [iscsi, hypervisor] = joined.registry.drivers;
    expect(iscsi!.verification!.Queens!.recent).toBeUndefined();
    expect(iscsi!.verification!.Rocky!.recent).toBeUndefined();
    expect(hypervisor!.verification).toEqual({
      Queens: record(5, [run(5)]),
      Rocky: record(6, [run(6, false)]),
    });
    // Saved again, the unmatched runs are gone.
    expect(splitRuns(joined.registry).runs.drivers).toEqual([
      { ...runs.drivers[1]!, recent: { Queens: [run(5)], Rocky: [run(6, false)] } },
    ]);
  });

  it('read the first entry of a driver listed twice (a duplicate-driver error in the runs file)', () => {
    const { stored, runs } = splitRuns(mixed());
    const twice: RunsFile = {
      drivers: [...runs.drivers, { ...runs.drivers[0]!, recent: { Rocky: [run(9)] } }],
    };
    expect(joinRuns(stored, twice).registry).toEqual(mixed());
  });

  it.each([
    ['./schema/driverlog.schema.json', './schema/runs.schema.json'],
    [
      'https://example.org/driverlog/schema/driverlog.schema.json',
      'https://example.org/driverlog/schema/runs.schema.json',
    ],
    ['https://json-schema.org/draft/2020-12/schema', undefined],
    [undefined, undefined],
  ])("give the runs file a $schema beside the registry's: %s -> %s", (registrySchema, runsSchema) => {
    const registry = mixed();
    if (registrySchema !== undefined) registry.$schema = registrySchema;
    const { runs } = splitRuns(registry);
    expect(runs.$schema).toBe(runsSchema);
    expect(Object.hasOwn(runs, '$schema')).toBe(runsSchema !== undefined);
  });
});

describe('formatFiles', () => {
  it("gives the registry's canonical text without runs, and the runs in the registry's canonical order", () => {
    const registry = mixed();
    registry.$schema = './schema/driverlog.schema.json';
    // Out of order in memory, as a person may have left the file.
    registry.drivers.reverse();
    const { text, runsText, runs } = formatFiles(registry);
    expect(text).toBe(formatRegistry(splitRuns(registry).stored));
    expect(text).not.toContain('"recent"');
    const order = (JSON.parse(text) as Registry).drivers.map((d) => d.name);
    expect(runs.drivers.map((d) => d.name)).toEqual(order.filter((name) => name.startsWith('Acme')));
    expect(runs.drivers.map((d) => d.name)).toEqual(['Acme iSCSI driver', 'Acme hypervisor']);
    expect(runsText).toBe(formatRuns(runs));
    expect(JSON.parse(runsText)).toEqual(runs);
    expect(runsText.startsWith('{\n  "$schema": "./schema/runs.schema.json",\n  "drivers": [\n')).toBe(true);
    expect(joinRuns(JSON.parse(text) as Registry, runs)).toEqual({
      registry: mixedInOrder(order),
      unmatched: [],
    });
  });
});

/** mixed(), its drivers in the given order of names. */
function mixedInOrder(names: string[]): Registry {
  const value = mixed();
  value.$schema = './schema/driverlog.schema.json';
  value.drivers.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  return value;
}

// Registries for the audit tests: as of AS_OF, Caracal and Dalmatian are active and Epoxy is in development.
import type { Driver, Registry, Run, VerificationRecord } from '../../backend/model/types.ts';
import { ACME_CI, RELEASES, driver as updateDriver } from '../helpers/update-fixtures.ts';

export const AS_OF = Date.parse('2025-03-01T00:00:00Z');
const DAY = 86_400_000;

export const daysBefore = (days: number, hours = 0): string =>
  new Date(AS_OF - days * DAY - hours * 3_600_000).toISOString().slice(0, 19) + 'Z';

/** Runs newest first, one a day from `newestDaysAgo`; `results` newest first. */
export function runs(results: boolean[], newestDaysAgo = 1): Run[] {
  return results.map((ok, i) => ({
    timestamp: daysBefore(newestDaysAgo + i),
    change_number: 5000 - i,
    patch_set: 2,
    ci_result: ok,
  }));
}

/** A record whose own fields are its newest run, as update writes it. */
export function record(recent: Run[], branch = 'stable/2024.1'): VerificationRecord {
  const newest = recent[0]!;
  return {
    ci_result: newest.ci_result,
    review_url: `https://review.example.org/c/openstack/cinder/+/${newest.change_number}`,
    change_number: newest.change_number,
    patch_set: newest.patch_set,
    branch,
    ci_id: 'acme-ci',
    comment: newest.ci_result ? 'acme-iscsi : SUCCESS' : 'acme-iscsi : FAILURE',
    timestamp: newest.timestamp,
    recent,
  };
}

/** The update tests' driver as a scan would leave it: three passing runs on Caracal. */
export function driver(overrides: Partial<Driver> = {}): Driver {
  return updateDriver({
    ci: { ...ACME_CI, failure_pattern: 'acme-iscsi .* : FAILURE' },
    verification: { Caracal: record(runs([true, true, true])) },
    ...overrides,
  });
}

/** The matrix lists the driver in Caracal and Dalmatian; `supported` is what the project says of it in Caracal. */
export function inMatrix(supported: 'complete' | 'missing'): Pick<Driver, 'upstream_id' | 'upstream'> {
  return {
    upstream_id: 'acme_iscsi',
    upstream: {
      title: 'Acme iSCSI',
      in_tree: ['Caracal', 'Dalmatian'],
      features: { supported: [['Caracal', supported]] },
    },
  };
}

const ACTIVE = new Set(['Caracal', 'Dalmatian']);

/** Caracal and Dalmatian active, Flamingo after Epoxy, and a support matrix for Cinder. */
export function registry(drivers: Driver[], extra: Partial<Registry> = {}): Registry {
  return {
    projects: [
      {
        id: 'openstack/cinder',
        name: 'Cinder',
        upstream: {
          git: 'https://opendev.org/openstack/cinder',
          support_matrix: 'doc/source/reference/support-matrix.ini',
          support_feature: 'supported',
        },
      },
      { id: 'openstack/nova', name: 'Nova' },
    ],
    releases: [
      ...RELEASES.map((r) => (ACTIVE.has(r.id) ? { ...r, active: true } : r)),
      { id: 'Flamingo', wiki: 'https://releases.openstack.org/flamingo/', start: '2025-10-01' },
    ],
    drivers,
    ...extra,
  };
}

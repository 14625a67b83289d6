import type { Driver, Registry, Run, RunsFile } from '../../../backend/model/types.ts';
import { validRegistry } from '../../helpers/registry-fixture.ts';

/**
 * One input that breaks one rule: the check must report it once, at `pointer`. Checks added later keep their
 * cases in `cases/<check id>.ts`, exporting `failingCases` (and optionally `passingCases`, `passingRuns`); the
 * suite loads every such file, and fails when a check has no failing case anywhere.
 */
export interface FailingCase {
  check: string;
  severity?: 'error' | 'warning';
  /** The registry to validate (serialised canonically), or `text` for inputs JSON cannot express. */
  registry?: () => unknown;
  text?: () => string;
  /**
   * A runs file (model/runs-file.ts) to validate instead, beside `registry` (default: the valid registry), as
   * `driverlog validate` does: `pointer` is in the runs file.
   */
  runs?: () => unknown;
  /** A runs file's text, for inputs JSON cannot express. */
  runsText?: () => string;
  pointer: string;
  message: RegExp;
  hint?: RegExp;
}

/** A runs file that must pass, beside `registry` (default: the valid registry). */
export interface PassingRuns {
  name: string;
  registry?: () => unknown;
  runs: () => unknown;
}

/** A valid registry with one change applied. */
export const edit = (change: (r: Registry) => void): Registry => {
  const registry = validRegistry();
  change(registry);
  return registry;
};
export const acme = (r: Registry): Driver => r.drivers[0]!;
export const ci = (r: Registry) => acme(r).ci!;

/** A counting run of the valid registry's Acme iSCSI driver on Rocky. */
export const run = (change: Partial<Run> = {}): Run => ({
  timestamp: '2018-09-01T10:00:00Z',
  change_number: 600001,
  patch_set: 2,
  ci_result: true,
  ...change,
});

/** The valid registry's runs file (its one record, Acme iSCSI on Rocky, with one run), with one change applied. */
export const editRuns = (change: (runs: RunsFile) => void = () => {}): RunsFile => {
  const runs: RunsFile = {
    drivers: [
      {
        project_id: 'openstack/cinder',
        vendor: 'Acme',
        name: 'Acme iSCSI driver',
        recent: { Rocky: [run()] },
      },
    ],
  };
  change(runs);
  return runs;
};

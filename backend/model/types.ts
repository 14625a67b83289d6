// The registry's types come from its JSON Schema (schema/types.ts is generated; `npm run gen:types`).
import type * as Schema from '../../schema/types.ts';

export type {
  Project,
  ProjectUpstream,
  Feature,
  Release,
  DriverUpstream,
  SupportValue,
  Maintainer,
  Ci,
  Run,
  RunsFile,
  DriverRuns,
  ScanState,
  ProjectScanState,
} from '../../schema/types.ts';

/** The registry as the commands see it: each record with its runs, which the file keeps in the runs file. */
export type Registry = Omit<Schema.DriverLogRegistry, 'drivers'> & { drivers: Driver[] };

export type Driver = Omit<Schema.Driver, 'verification'> & {
  verification?: Record<string, VerificationRecord>;
};

/** A verification record with `recent`, the newest counting runs for its driver and release (from the runs file). */
export type VerificationRecord = Schema.VerificationRecord & { recent?: Schema.Run[] };

/** The registry exactly as its file holds it: records without runs. */
export type StoredRegistry = Schema.DriverLogRegistry;

/** A ci block read the original way: a known Gerrit username and both patterns. */
export type PatternCi = Schema.Ci & { id: string; success_pattern: string; failure_pattern: string };

export function isPatternCi(ci: Schema.Ci | undefined): ci is PatternCi {
  return ci?.id !== undefined && ci.success_pattern !== undefined && ci.failure_pattern !== undefined;
}

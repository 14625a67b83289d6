// Generated from schema/driverlog.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "releaseId".
 */
export type ReleaseId = string;
/**
 * ISO 8601 UTC, whole seconds.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "timestamp".
 */
export type Timestamp = string;
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "releaseDate".
 */
export type ReleaseDate = string;
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "supportValue".
 */
export type SupportValue = 'complete' | 'partial' | 'missing' | 'unknown';

/**
 * OpenStack projects, their release series and the third-party drivers that claim to support them, with the CI evidence DriverLog's batch job writes. A superset of the original DriverLog data file.
 */
export interface DriverLogRegistry {
  /**
   * Where editors find this schema.
   */
  $schema?: string;
  /**
   * OpenStack projects that have drivers, sorted by id.
   */
  projects: Project[];
  /**
   * Release series, oldest first.
   */
  releases?: Release[];
  /**
   * Third-party drivers, sorted by project_id, vendor and name.
   */
  drivers: Driver[];
  scan_state?: ScanState;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "project".
 */
export interface Project {
  /**
   * Gerrit project name, e.g. openstack/cinder.
   */
  id: string;
  /**
   * Human name, e.g. Cinder (Block Storage).
   */
  name: string;
  upstream?: ProjectUpstream;
  /**
   * Written by `driverlog sync`, never by hand: the operations of the newest support matrix, in file order.
   */
  features?: Feature[];
}
/**
 * Where the project publishes its own driver support matrix. Written by people; `driverlog sync` reads it.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "projectUpstream".
 */
export interface ProjectUpstream {
  /**
   * Git repository of the project (http(s) URL).
   */
  git: string;
  /**
   * Path of the matrix file inside the repository.
   */
  support_matrix: string;
  /**
   * How the matrix is written: `ini` (sphinx-feature-classification, the default) or `manila-rst` (manila's grid tables).
   */
  format?: 'ini' | 'manila-rst';
  /**
   * The feature whose "missing" means the project does not support the driver.
   */
  support_feature?: string;
  /**
   * Release id → git ref, where the default ref rules find nothing.
   */
  refs?: {
    [k: string]: string;
  };
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "feature".
 */
export interface Feature {
  id: string;
  title: string;
  /**
   * mandatory, optional, choice(group), condition(expr), mature or immature.
   */
  status: string;
  notes?: string;
  cli?: string;
  api?: string;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "release".
 */
export interface Release {
  id: ReleaseId;
  /**
   * Release notes or series page.
   */
  wiki: string;
  /**
   * The series' release date (DriverLog's meaning), as YYYY-MM-DD or DriverLog's YYYY-Mon-DD.
   */
  start: string;
  /**
   * Whether the series is still maintained.
   */
  active?: boolean;
  /**
   * Gerrit branch of the series. Default: stable/<id in lower case>. From 2023.1 on OpenStack names branches by number, e.g. stable/2024.1.
   */
  branch?: string;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "driver".
 */
export interface Driver {
  /**
   * Id of a listed project.
   */
  project_id: string;
  /**
   * Gerrit project to scan instead of project_id (for drivers developed out of tree).
   */
  repo?: string;
  vendor: string;
  name: string;
  description?: string;
  maintainers?: Maintainer[];
  /**
   * Documentation of the driver (http or https).
   */
  wiki?: string;
  /**
   * Release series the vendor claims the driver supports.
   */
  releases?: ReleaseId[];
  ci?: Ci;
  /**
   * Written by `driverlog update`, never by hand: the newest CI evidence per release id.
   */
  verification?: {
    [k: string]: VerificationRecord;
  };
  /**
   * Which [driver.X] of the project's support matrix this driver is (X).
   */
  upstream_id?: string;
  upstream?: DriverUpstream;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "maintainer".
 */
export interface Maintainer {
  name: string;
  /**
   * Accepted for compatibility with original DriverLog files; never published.
   */
  email?: string;
  irc?: string;
  launchpad_id?: string;
}
/**
 * The Gerrit account that reports the driver's CI results, and how to read its comments.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "ci".
 */
export interface Ci {
  /**
   * Gerrit username of the CI account.
   */
  id: string;
  /**
   * RE2 regular expression searched in each line of the CI's comment; a match means the driver passed.
   */
  success_pattern: string;
  /**
   * RE2 regular expression searched in each line of the CI's comment; a match means the driver failed.
   */
  failure_pattern: string;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "verificationRecord".
 */
export interface VerificationRecord {
  /**
   * true when the CI passed.
   */
  ci_result: boolean;
  review_url: string;
  change_number: number;
  patch_set: number;
  branch: string;
  ci_id: string;
  /**
   * The line that matched, trimmed.
   */
  comment: string;
  timestamp: Timestamp;
  /**
   * Only when ci_result is false: the newest older passing comment.
   */
  last_success?: {
    review_url: string;
    timestamp: Timestamp;
  };
}
/**
 * Written by `driverlog sync`, never by hand: what the project's own support matrices say of this driver.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "driverUpstream".
 */
export interface DriverUpstream {
  title: string;
  link?: string;
  /**
   * Release ids whose matrix lists the driver, in release order.
   */
  in_tree: ReleaseId[];
  /**
   * Per feature id, [release id, value] from that release on, oldest first; null where the matrix states nothing.
   */
  features: {
    [k: string]: [ReleaseId, SupportValue | null][];
  };
  /**
   * driver-notes per feature id, from the newest release that lists the driver.
   */
  notes?: {
    [k: string]: string;
  };
}
/**
 * Written by `driverlog update`: how far each Gerrit project has been scanned, so the next run asks only for what is new.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "scanState".
 */
export interface ScanState {
  gerrit_url: string;
  projects: {
    [k: string]: ProjectScanState;
  };
  /**
   * Per driver (project_id:vendor:name), a digest of the ci block its verification was made with.
   */
  ci_fingerprints?: {
    [k: string]: string;
  };
  /**
   * A digest of the releases (id, date, branch) comments were mapped with; when it changes, every project is rescanned over the window.
   */
  releases_fingerprint?: string;
  /**
   * CI ids Gerrit did not know at the last run, sorted; each run looks them up again.
   */
  unknown_ci_accounts?: string[];
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "projectScanState".
 */
export interface ProjectScanState {
  /**
   * The newest `updated` time Gerrit returned for this project, in Gerrit's own clock and format; the next run asks for changes updated at or after it.
   */
  updated: string;
  /**
   * ISO 8601 UTC, whole seconds.
   */
  since?: string;
}
/**
 * One counting CI comment.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "run".
 */
export interface Run {
  timestamp: Timestamp;
  change_number: number;
  patch_set: number;
  ci_result: boolean;
}
/**
 * The file beside the registry (default_data.runs.json beside default_data.json) that keeps each driver's newest CI runs per release. Written by `driverlog update`, never by hand. The runs live apart from the registry so the file vendors edit stays small and its diffs show claims, not CI traffic.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "runsFile".
 */
export interface RunsFile {
  /**
   * Where editors find this schema.
   */
  $schema?: string;
  /**
   * One entry per driver with runs, in the registry's driver order.
   */
  drivers: DriverRuns[];
}
/**
 * One driver's runs, by the driver's identity in the registry.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "driverRuns".
 */
export interface DriverRuns {
  project_id: string;
  vendor: string;
  name: string;
  /**
   * Per release id with a verification record: the newest counting comments (at most 10), newest first.
   */
  recent: {
    /**
     * @minItems 1
     * @maxItems 10
     */
    [k: string]: Run[];
  };
}

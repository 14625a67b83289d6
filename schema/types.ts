// Generated from schema/driverlog.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "repoPath".
 */
export type RepoPath = string;
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
   * The companies behind the drivers, one entry per company, sorted by id. Written by people. A driver's `vendor` names a vendor's `name`; `aliases` are the other names the company has gone by (a driver using one is flagged).
   */
  vendors?: Vendor[];
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
  /**
   * The day OpenStack retired the project (governance reference/legacy.yaml), YYYY-MM-DD. Releases after it have no claims and no CI, and `update` does not scan it.
   */
  retired_on?: string;
  upstream?: ProjectUpstream;
  /**
   * Written by `driverlog sync`, never by hand: the operations of the newest support matrix, in file order.
   */
  features?: Feature[];
}
/**
 * Where the project publishes its own driver facts: support matrices, driver classes, entry points. Written by people; `driverlog sync` reads it (and writes `statuses` alone).
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "projectUpstream".
 */
export interface ProjectUpstream {
  /**
   * Git repository of the project: an https:// URL (a local path is given on the command line with --git, never here).
   */
  git: string;
  /**
   * Path of the matrix file inside the repository, or several paths; feature ids that two files share are prefixed with the file's stem.
   */
  support_matrix?: RepoPath | RepoPath[];
  /**
   * Which reader reads the project's files: `ini` (sphinx-feature-classification, the default), `manila-rst` (manila's grid tables), `designate-ini` (designate's backend matrix), `glance-rst` (glance_store's driver list-table) or `ironic-entry-points` (ironic's hardware types).
   */
  format?: 'ini' | 'manila-rst' | 'designate-ini' | 'glance-rst' | 'ironic-entry-points';
  /**
   * The feature whose "missing" means the project does not support the driver.
   */
  support_feature?: string;
  /**
   * Where the project's driver classes live: `sync` parses every .py file under `paths` and records each class decorated with `marker` (its CI_WIKI_NAME, SUPPORTED and VERSION).
   */
  code?: {
    /**
     * @minItems 1
     */
    paths: RepoPath[];
    /**
     * The decorator that registers a driver class, as written, e.g. interface.volumedriver.
     */
    marker: string;
  };
  /**
   * Written by `driverlog sync`, never by hand: the project's own words for a driver's status, in the project's order, with whether each means the project supports the driver.
   */
  statuses?: UpstreamStatus[];
  /**
   * Release id → git ref, where the default ref rules find nothing.
   */
  refs?: {
    [k: string]: string;
  };
}
export interface UpstreamStatus {
  id: string;
  title?: string;
  notes?: string;
  supported: boolean;
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
  /**
   * The matrix file the feature comes from, for a project with several.
   */
  matrix?: string;
}
/**
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "vendor".
 */
export interface Vendor {
  /**
   * Stable identifier, used in the dashboard's URLs, e.g. dell.
   */
  id: string;
  /**
   * The company's current name, as drivers' `vendor` spells it.
   */
  name: string;
  /**
   * Other names of the same company (former names, acquired companies, other spellings).
   */
  aliases?: string[];
  /**
   * The company's web site (https).
   */
  url?: string;
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
  /**
   * The project's driver classes that are this driver, as module.Class paths (e.g. cinder.volume.drivers.rbd.RBDDriver). Written by people or proposed by `sync --add-new`; each belongs to one driver of its project.
   */
  upstream_classes?: string[];
  /**
   * The official OpenStack deliverable that ships this driver outside the project's tree (openstack/releases deliverables/<series>/<name>.yaml), e.g. networking-generic-switch.
   */
  upstream_deliverable?: string;
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
 * The CI that reports the driver's results: its Gerrit account (by username, or found from its ThirdPartySystems wiki name), and how to read its comments: its own Zuul jobs, or two patterns. At least one of id and wiki_name.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "ci".
 */
export interface Ci {
  /**
   * Gerrit username of the CI account; optional when wiki_name is given.
   */
  id?: string;
  /**
   * The CI's ThirdPartySystems wiki page name (cinder's CI_WIKI_NAME); the account whose full name is this with _ read as a space is the CI's.
   */
  wiki_name?: string;
  /**
   * RE2 patterns, each matching a whole Zuul job name: the driver's own jobs in a shared CI's report. Without them every job line of the report counts.
   *
   * @minItems 1
   */
  jobs?: string[];
  /**
   * RE2 regular expression searched in each line of the CI's comment; a match means the driver passed.
   */
  success_pattern?: string;
  /**
   * RE2 regular expression searched in each line of the CI's comment; a match means the driver failed.
   */
  failure_pattern?: string;
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
  /**
   * Which rule judged the comment: the ci block's patterns, the jobs of a Zuul report, or a Verified vote.
   */
  judged_by?: 'patterns' | 'zuul' | 'vote';
  /**
   * For a Zuul report: the deciding jobs of the driver, in report order.
   *
   * @maxItems 10
   */
  jobs?: JobResult[];
}
export interface JobResult {
  name: string;
  result: string;
  url?: string;
}
/**
 * Written by `driverlog sync`, never by hand: what the project publishes of this driver, in its support matrices, its driver classes, its status words and its releases.
 *
 * This interface was referenced by `DriverLogRegistry`'s JSON-Schema
 * via the `definition` "driverUpstream".
 */
export interface DriverUpstream {
  title?: string;
  link?: string;
  /**
   * Release ids whose matrix lists the driver, in release order.
   */
  in_tree?: ReleaseId[];
  /**
   * Per feature id, [release id, value] from that release on, oldest first; null where the matrix states nothing.
   */
  features?: {
    [k: string]: [ReleaseId, SupportValue | null][];
  };
  /**
   * driver-notes per feature id, from the newest release that lists the driver.
   */
  notes?: {
    [k: string]: string;
  };
  /**
   * `out-of-tree` for a driver shipped by OpenStack as a deliverable of its own; then `in_tree` means "shipped with the release".
   */
  kind?: 'out-of-tree';
  deliverable?: {
    name: string;
    /**
     * Per release, the deliverable's version shipped with it.
     */
    versions: [ReleaseId, string][];
  };
  /**
   * Release ids whose tree holds any of the driver's `upstream_classes`, in release order.
   */
  code_in_tree?: ReleaseId[];
  /**
   * From that release on, the sorted distinct CI_WIKI_NAMEs of the linked classes ([] when none is set), oldest first.
   */
  ci_wiki_name?: [ReleaseId, string[]][];
  /**
   * From that release on, false when every linked class has SUPPORTED = False, oldest first.
   */
  code_supported?: [ReleaseId, boolean][];
  /**
   * From that release on, the project's own status word for the driver (see the project's upstream.statuses), oldest first.
   */
  status?: [ReleaseId, string][];
  /**
   * Who the project lists as the driver's maintainers (names and IRC nicks; e-mail addresses are never written).
   */
  maintainers?: {
    name?: string;
    irc?: string;
  }[];
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
  /**
   * Per driver (project_id:vendor:name) whose ci block gives a wiki_name and no id: the Gerrit account found from it, kept so later runs do not ask again (until the block changes or 30 days pass).
   */
  ci_accounts?: {
    [k: string]: CiAccount;
  };
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
  /**
   * ISO 8601 UTC, whole seconds.
   */
  scanned?: string;
}
export interface CiAccount {
  wiki_name: string;
  /**
   * The one account found; absent when none or several were.
   */
  username?: string;
  /**
   * When several accounts have that name: their usernames, sorted.
   */
  candidates?: string[];
  looked_up: Timestamp;
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

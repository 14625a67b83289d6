import type { DriverUpstream, Feature, ProjectUpstream, SupportValue } from '../model/types.ts';

export type UpstreamMaintainer = NonNullable<DriverUpstream['maintainers']>[number];
/** One of the project's own status words (`projects[].upstream.statuses`). */
export type UpstreamStatus = NonNullable<ProjectUpstream['statuses']>[number];

/** One driver of a support matrix: its id (`[driver.X]`'s X), title, and what it states per feature. */
export interface MatrixDriver {
  id: string;
  title: string;
  link?: string;
  /** Feature id → value; a feature the matrix says nothing about for this driver is absent. */
  values: Map<string, SupportValue>;
  /** Feature id → driver-notes. */
  notes: Map<string, string>;
  /** The project's own word for the driver's status (one of `Matrix.statuses`). */
  status?: string;
  /** Who the project names as its maintainers: names and IRC nicks, never e-mail addresses. */
  maintainers?: UpstreamMaintainer[];
  /** Set when the project lists it but it is no vendor's driver (a test or utility type): why. */
  utility?: string;
}

/** What one release's support matrix says, whatever format it was read from. */
export interface Matrix {
  /** The operations, in file order. */
  features: Feature[];
  /** The drivers, in file order. */
  drivers: MatrixDriver[];
  /** Oddities that were skipped rather than refused (the report lists them). */
  warnings: string[];
  /** The project's status words, in its own order, when it gives its drivers one. */
  statuses?: UpstreamStatus[];
}

/** One commit of a project's repository, as readers see it. */
export interface TreeAt {
  /** The ref as people write it (stable/2025.1), for REF:PATH:LINE. */
  ref: string;
  commit: string;
  /** A file's text at the commit; undefined when it has none. */
  read(path: string): Promise<string | undefined>;
}

/** Where a matrix was read: printed as REF:PATH:LINE in every error. */
export interface MatrixSource {
  ref: string;
  path: string;
}

export const SUPPORT_VALUES: readonly SupportValue[] = ['complete', 'partial', 'missing', 'unknown'];

// The schema's length caps on the fields sync writes; a test keeps them equal to the schema's.
export const LIMITS = {
  id: 100,
  title: 300,
  link: 2000,
  notes: 20000,
  cli: 2000,
  api: 2000,
  status: 300,
  word: 100,
  maintainer: 100,
} as const;

import type { Feature, SupportValue } from '../model/types.ts';

/** One driver of a support matrix: its id (`[driver.X]`'s X), title, and what it states per feature. */
export interface MatrixDriver {
  id: string;
  title: string;
  link?: string;
  /** Feature id → value; a feature the matrix says nothing about for this driver is absent. */
  values: Map<string, SupportValue>;
  /** Feature id → driver-notes. */
  notes: Map<string, string>;
}

/** What one release's support matrix says, whatever format it was read from. */
export interface Matrix {
  /** The operations, in file order. */
  features: Feature[];
  /** The drivers, in file order. */
  drivers: MatrixDriver[];
  /** Oddities that were skipped rather than refused (the report lists them). */
  warnings: string[];
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
} as const;

import type { FailingRule } from '../audit/finding.ts';
import type { SupportValue } from '../model/types.ts';

export const VERDICTS = ['blocked', 'attention', 'ok'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What blocks an upgrade: the driver is gone, unsupported or its project retired at the target. */
export const BLOCKING_KINDS = ['removed', 'unsupported', 'retired'] as const;

/** What needs a look before upgrading, in the order reasons are listed. */
export const ATTENTION_KINDS = [
  'unsupported-on-the-way',
  'feature-lost',
  'no-tree-data',
  'no-ci-evidence',
  'failing',
  'silent',
  'claim-dropped',
  'unknown-at-from',
] as const;

export const REASON_KINDS = [...BLOCKING_KINDS, ...ATTENTION_KINDS] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** The page that shows a reason's evidence: the vendor's claim, the project's tree at a release, a CI record. */
export type EvidenceTarget =
  | { type: 'claim' }
  | { type: 'project'; project_id: string; release: string }
  | { type: 'ci'; release: string; review_url?: string };

/**
 * One reason of a verdict. `kind`, `release`, `feature`, `source` and `url` are the JSON output's; the rest are the
 * facts its words are made from, and where the dashboard links.
 */
export interface Reason {
  kind: ReasonKind;
  release?: string;
  feature?: string;
  /** Where the fact comes from, in words: the vendor's claim, the project's matrix or code at a ref, a CI record. */
  source: string;
  /** The evidence on the web, when there is an address for it (a review, a Gerrit search). */
  url?: string;
  on: EvidenceTarget;
  /** feature-lost: the feature's title, and its values at --from and at the release. */
  title?: string;
  was?: SupportValue;
  now?: SupportValue | null;
  /** failing: which of the audit's rules, over how many runs, how many passed. */
  rule?: FailingRule;
  runs?: number;
  passed?: number;
  /** silent: the newest counting comment (ISO 8601), null when there never was one. */
  last_report?: string | null;
  /** retired: the day the project was retired. */
  retired_on?: string;
  /** no-ci-evidence: the driver declares no CI at all. */
  no_ci?: boolean;
}

export interface DriverVerdict {
  project_id: string;
  vendor: string;
  name: string;
  verdict: Verdict;
  reasons: Reason[];
  /** Feature ids that are complete or partial at --to and were not at --from, in the project's order. */
  gained: string[];
}

export interface UpgradeReport {
  from: string;
  to: string;
  /** Every release after `from` up to `to`, oldest first. */
  walked: string[];
  /** "Now" for the silent rule (ISO 8601) and its threshold. */
  as_of: string;
  silent_days: number;
  /** Ordered by project, vendor and name. */
  drivers: DriverVerdict[];
}

export function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((reason) => (BLOCKING_KINDS as readonly string[]).includes(reason.kind))) return 'blocked';
  return reasons.length > 0 ? 'attention' : 'ok';
}

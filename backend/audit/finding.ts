/** What `driverlog audit` reports, in the order its sections appear. */
export const AUDIT_KINDS = [
  'silent',
  'failing',
  'claim-without-evidence',
  'unsupported-candidate',
  'restore-candidate',
  'account-not-found',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export function isAuditKind(value: string): value is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(value);
}

/** Which rule made a release's CI `failing`. */
export type FailingRule = 'newest-3-failed' | 'fewer-than-half-passed';

/**
 * One thing a project lead acts on, with the evidence it rests on. Field names are the JSON output's:
 * tools read them, so they only ever gain fields.
 */
export interface Finding {
  kind: AuditKind;
  project_id: string;
  vendor: string;
  name: string;
  /** Absent for findings about the whole driver (silent, account-not-found). */
  release?: string;
  /** The CI's Gerrit username: its ci.id, or the account found from its wiki name. */
  ci_id?: string;
  /** account-not-found for a ci block without id: the wiki name no one account was found by. */
  wiki_name?: string;
  /** account-not-found: the usernames of the several accounts with the wiki name as their full name. */
  candidates?: string[];
  /** The newest counting comment (ISO 8601 UTC); null when there has never been one. */
  last_report?: string | null;
  /** Whole days from last_report to the audit's "as of". */
  days_since_report?: number;
  /** Runs in `recent` the finding looked at, and how many of them passed. */
  runs?: number;
  passed?: number;
  rule?: FailingRule;
  /** unsupported-candidate: why the CI no longer backs the project's "supported". */
  because?: Array<'silent' | 'failing'>;
  /** The newest evidence: the review the last report was left on. */
  review_url?: string;
  /** Where to look when there is no review to link: the CI's comments on the project in Gerrit. */
  search_url?: string;
}

export interface AuditReport {
  as_of: string;
  silent_days: number;
  /** The releases audited: every active one, and the one in development at `as_of`. */
  releases: string[];
  development_release?: string;
  counts: Record<AuditKind, number>;
  findings: Finding[];
}

/** An account-not-found finding for a wiki name, in words; `escape` makes its text safe for the format. */
export function wikiWords(
  wikiName: string,
  candidates: string[] | undefined,
  escape: (text: string) => string,
): string {
  const fullName = escape(wikiName.replaceAll('_', ' '));
  return candidates !== undefined && candidates.length > 0
    ? `${candidates.length} Gerrit accounts are named "${fullName}" (${candidates.map(escape).join(', ')}), so the CI named by wiki_name ${escape(wikiName)} is not scanned`
    : `no Gerrit account is named "${fullName}" (wiki_name ${escape(wikiName)}), so the CI is not scanned`;
}

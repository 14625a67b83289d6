// The parts of Gerrit's REST entities that DriverLog reads. Gerrit sends more; unknown fields are ignored.
// Reference: https://gerrit-review.googlesource.com/Documentation/rest-api-changes.html#json-entities

/** https://gerrit-review.googlesource.com/Documentation/rest-api-accounts.html#account-info */
export interface AccountInfo {
  _account_id: number;
  /** Only with o=DETAILED_ACCOUNTS (or o=DETAILS on /accounts/). CI ids in the registry are usernames. */
  username?: string;
  name?: string;
  email?: string;
  /** Present and true for deactivated accounts. */
  inactive?: boolean;
}

/** https://gerrit-review.googlesource.com/Documentation/rest-api-changes.html#change-message-info */
export interface ChangeMessageInfo {
  id: string;
  /** Absent for Gerrit's own messages. */
  author?: AccountInfo;
  real_author?: AccountInfo;
  /** UTC, `yyyy-mm-dd hh:mm:ss.fffffffff`: parse with parseGerritTimestamp, never `new Date()`. */
  date: string;
  message: string;
  tag?: string;
  /** The patch set the message was posted on. */
  _revision_number?: number;
}

/** https://gerrit-review.googlesource.com/Documentation/rest-api-changes.html#change-info */
export interface ChangeInfo {
  /** Opaque; its format differs between Gerrit versions. Use `_number`. */
  id: string;
  project: string;
  /** Without `refs/heads/`. */
  branch: string;
  change_id: string;
  subject: string;
  status: 'NEW' | 'MERGED' | 'ABANDONED';
  created: string;
  /** Last change to the change, comments included; queries sort by it, newest first. */
  updated: string;
  submitted?: string;
  _number: number;
  owner: AccountInfo;
  /** Gerrit 3.10+. Older servers: `current_revision` + `revisions` (with o=CURRENT_REVISION). */
  current_revision_number?: number;
  current_revision?: string;
  revisions?: Record<string, { _number: number }>;
  /** Only with o=MESSAGES. */
  messages?: ChangeMessageInfo[];
  /** Only on the last change of a page, when more results exist. */
  _more_changes?: boolean;
}

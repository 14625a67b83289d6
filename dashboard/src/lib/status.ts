// CI status of a driver for named releases: the rule the table, the driver pages and the CSV share, evaluated
// at build time and again in the browser at view time. The headline (no release named) is headline.ts'.

/** One release's evidence, compact because the browser receives it for every driver. */
export interface Evidence {
  /** true when the CI passed. */
  ok: boolean;
  /** When the CI commented, ms since the epoch. */
  at: number;
  /** The review, only when it is an http(s) URL. */
  url?: string;
  /** Only for a failure: when it last passed, and where. */
  passAt?: number;
  passUrl?: string;
}

export interface StatusInput {
  hasCi: boolean;
  /** Release ids the vendor claims, as written in the registry. */
  claims: readonly string[];
  /** Evidence per release id, as written in the registry. */
  evidence: Readonly<Record<string, Evidence>>;
  /**
   * Whether the update job has scanned the driver's Gerrit project: without a scan, no evidence is no verdict.
   * Evidence proves a scan too.
   */
  scanned: boolean;
}

export type CiStatus =
  | { kind: 'passing'; release: string; evidence: Evidence }
  | { kind: 'failing'; release: string; evidence: Evidence }
  | { kind: 'stale'; release: string; evidence: Evidence }
  /** No evidence on the newest maintained release, but some on the release in development. */
  | { kind: 'development'; release: string; evidence: Evidence }
  | { kind: 'unverified'; claimed: boolean; release?: string }
  | { kind: 'unscanned' }
  | { kind: 'none' };

export type StatusKind = CiStatus['kind'];

const DAY = 86_400_000;

/** The evidence key for a release id compared case-insensitively (old links use lower case). */
export function findRelease(ids: Iterable<string>, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  for (const id of ids) if (id.toLowerCase() === lower) return id;
  return undefined;
}

/** The release ids of a `release_id` value: "kilo,liberty" names two, as the original API took. */
export function releaseList(release: string): string[] {
  return release
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * The status from the newest evidence of the named releases (any case). Evidence older than `staleDays` is
 * stale whatever its result: it no longer proves anything. `release` is set on an unverified status when one
 * release was asked about, so a headline can name it.
 */
export function releaseStatus(
  input: StatusInput,
  wanted: readonly string[],
  now: number,
  staleDays: number,
): CiStatus {
  if (!input.hasCi) return { kind: 'none' };
  const ids = Object.keys(input.evidence);
  let key: string | undefined;
  for (const id of wanted.flatMap((w) => findRelease(ids, w) ?? [])) {
    if (key === undefined || input.evidence[id]!.at > input.evidence[key]!.at) key = id;
  }
  const evidence = key === undefined ? undefined : input.evidence[key];
  if (key === undefined || evidence === undefined) {
    if (!input.scanned) return { kind: 'unscanned' };
    const claimed =
      wanted.length === 0
        ? input.claims.length > 0
        : wanted.some((id) => findRelease(input.claims, id) !== undefined);
    return wanted.length === 1
      ? { kind: 'unverified', claimed, release: wanted[0]! }
      : { kind: 'unverified', claimed };
  }
  if (now - evidence.at > staleDays * DAY) return { kind: 'stale', release: key, evidence };
  return { kind: evidence.ok ? 'passing' : 'failing', release: key, evidence };
}

/** Whether a status for `release` should name the release it speaks of: not when exactly one is selected. */
export function namesRelease(release: string): boolean {
  return releaseList(release).length !== 1;
}

/** Lower ranks sort first: proven drivers before unproven ones. */
export const STATUS_RANK: Record<StatusKind, number> = {
  passing: 0,
  failing: 1,
  stale: 2,
  development: 3,
  unverified: 4,
  unscanned: 5,
  none: 6,
};

export const STATUS_ICON: Record<StatusKind, string> = {
  passing: '✔',
  failing: '✖',
  stale: '◷',
  development: '◐',
  unverified: '○',
  unscanned: '◌',
  none: '–',
};

/**
 * A phrase of the status explanation, after `lead` (" " or "; "); `at` is rendered as a <time>
 * after the text, and `href` links text and time together.
 */
export interface StatusDetail {
  lead: string;
  text: string;
  at?: number;
  href?: string;
}

export interface StatusView {
  kind: StatusKind;
  icon: string;
  label: string;
  /** The release the status speaks of, when the reader did not choose it: "passing · Gazpacho". */
  release?: string;
  details: StatusDetail[];
}

/** Words for a status; `showRelease` when the reader did not choose the release. */
export function statusView(status: CiStatus, showRelease: boolean): StatusView {
  const view = { kind: status.kind, icon: STATUS_ICON[status.kind] };
  const release = 'release' in status && status.release && showRelease ? { release: status.release } : {};
  switch (status.kind) {
    case 'passing':
      return {
        ...view,
        ...release,
        label: 'passing',
        details: [{ lead: '', text: 'verified', at: status.evidence.at, href: status.evidence.url }],
      };
    case 'failing': {
      const e = status.evidence;
      return {
        ...view,
        ...release,
        label: 'failing',
        details: [
          { lead: '', text: 'failed', at: e.at, href: e.url },
          e.passAt === undefined
            ? { lead: '; ', text: 'no passing run on record' }
            : { lead: '; ', text: 'last passed', at: e.passAt, href: e.passUrl },
        ],
      };
    }
    case 'stale': {
      const e = status.evidence;
      const details: StatusDetail[] = [
        { lead: '', text: e.ok ? 'last passed' : 'last failed', at: e.at, href: e.url },
      ];
      // A stale failure still says when the driver last worked, as a current one does.
      if (!e.ok && e.passAt !== undefined) {
        details.push({ lead: '; ', text: 'last passed', at: e.passAt, href: e.passUrl });
      }
      return { ...view, ...release, label: 'stale', details };
    }
    case 'development': {
      const e = status.evidence;
      return {
        ...view,
        label: `only on ${status.release} (in development)`,
        details: [{ lead: '', text: e.ok ? 'passed' : 'failed', at: e.at, href: e.url }],
      };
    }
    case 'unverified':
      return {
        ...view,
        ...release,
        label: status.claimed ? 'claimed, no CI evidence' : 'no CI evidence',
        details: [],
      };
    case 'unscanned':
      return { ...view, label: 'not yet scanned against Gerrit', details: [] };
    case 'none':
      return { ...view, label: 'no CI declared', details: [] };
  }
}

/** The build-time wording of a moment, true whatever the day the page is read: "on 2024-05-01". */
export function absoluteDate(at: number): string {
  return `on ${new Date(at).toISOString().slice(0, 10)}`;
}

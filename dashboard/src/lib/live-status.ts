import { DriverlogError } from '../../../backend/common/errors.ts';
import { decodeEvidence, encodeEvidence, type EvidenceTuple } from './client-index.ts';
import { scopedStatus } from './headline.ts';
import { statusHtml } from './status-html.ts';
import { xmlText } from './xml.ts';
import type { ReleaseRoles } from './release-views.ts';
import {
  namesRelease,
  releaseList,
  statusView,
  type Evidence,
  type StatusInput,
  type StatusView,
} from './status.ts';

// A status cell on a page without the table script carries what it needs to be re-evaluated when
// read: a page built once and never rebuilt must not keep calling month-old evidence "passing".

export interface LiveStatus {
  input: StatusInput;
  /** The release the cell is about, "" for the headline (the newest maintained release's status). */
  release: string;
  /** For the headline: which releases are maintained and in development, as of the build. */
  roles: ReleaseRoles;
  staleDays: number;
  /** Only the word and icon: the page shows the details in other columns. */
  brief: boolean;
}

interface Wire {
  c: 0 | 1;
  r: readonly string[];
  e: Record<string, EvidenceTuple>;
  l: string;
  s: number;
  b?: 1;
  /** 1 when the driver's Gerrit project was never scanned. */
  n?: 1;
  m?: string;
  d?: string;
}

/**
 * The releases whose claims and evidence the cell's status can depend on: the named ones, or for the headline the
 * maintained release and the one in development (every release without a maintained one).
 */
function relevant(live: LiveStatus): ((id: string) => boolean) | undefined {
  const named =
    live.release !== ''
      ? releaseList(live.release).map((id) => id.toLowerCase())
      : live.roles.maintained !== undefined
        ? [live.roles.maintained, live.roles.development ?? ''].map((id) => id.toLowerCase())
        : undefined;
  return named && ((id) => named.includes(id.toLowerCase()));
}

export function encodeLiveStatus(live: LiveStatus): string {
  // Only what the status can depend on travels: a page carries a cell per release of a driver.
  const keep = relevant(live) ?? (() => true);
  const wire: Wire = {
    c: live.input.hasCi ? 1 : 0,
    r: live.input.claims.filter(keep),
    e: Object.fromEntries(
      Object.entries(live.input.evidence)
        .filter(([id]) => keep(id))
        .map(([id, e]) => [id, encodeEvidence(e)]),
    ),
    l: live.release,
    s: live.staleDays,
  };
  if (live.brief) wire.b = 1;
  if (!live.input.scanned) wire.n = 1;
  // Only the headline needs the roles.
  if (live.release === '' && live.roles.maintained !== undefined) wire.m = live.roles.maintained;
  if (live.release === '' && live.roles.development !== undefined) wire.d = live.roles.development;
  return JSON.stringify(wire);
}

export class LiveStatusError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'LIVE_STATUS', 'problems', options);
  }
}

export function decodeLiveStatus(text: string): LiveStatus {
  let wire: Wire;
  try {
    wire = JSON.parse(text) as Wire;
  } catch (error) {
    throw new LiveStatusError(`data-live is not JSON: ${text.slice(0, 80)}`, { cause: error });
  }
  const evidence: Record<string, Evidence> = {};
  for (const [id, t] of Object.entries(wire.e)) evidence[id] = decodeEvidence(t);
  return {
    input: { hasCi: wire.c === 1, claims: wire.r, evidence, scanned: wire.n !== 1 },
    release: wire.l,
    roles: {
      ...(wire.m !== undefined ? { maintained: wire.m } : {}),
      ...(wire.d !== undefined ? { development: wire.d } : {}),
    },
    staleDays: wire.s,
    brief: wire.b === 1,
  };
}

/** What a status cell shows for `live` as seen at `now`. */
export function liveView(live: LiveStatus, now: number): StatusView {
  const view = statusView(
    scopedStatus(live.input, live.release, live.roles, now, live.staleDays),
    namesRelease(live.release),
  );
  return live.brief ? { ...view, release: undefined, details: [] } : view;
}

/** A build-time status cell: its view as of the build, and the `data-live` text to redo it later. */
export function statusCell(live: LiveStatus, built: number): { view: StatusView; live: string } {
  return { view: liveView(live, built), live: encodeLiveStatus(live) };
}

/**
 * The <live-status> element of a cell, as built: the status as of `built` (for readers without JavaScript) and
 * its `data-live`, from which the element redraws itself when read. A driver page has one per release.
 */
export function liveStatusHtml(live: LiveStatus, built: number, evidenceHref: string): string {
  const cell = statusCell(live, built);
  return `<live-status data-live="${xmlText(cell.live)}">${statusHtml(cell.view, { evidenceHref })}</live-status>`;
}

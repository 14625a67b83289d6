import { DriverlogError } from '../../../backend/common/errors.ts';
import { decodeEvidence, encodeEvidence, type EvidenceTuple } from './client-index.ts';
import {
  ciStatus,
  namesRelease,
  statusView,
  type Evidence,
  type StatusInput,
  type StatusView,
} from './status.ts';

// A status cell on a page without the table script carries what it needs to be re-evaluated when
// read: a page built once and never rebuilt must not keep calling month-old evidence "passing".

export interface LiveStatus {
  input: StatusInput;
  /** The release the cell is about, "" for the newest evidence. */
  release: string;
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
}

export function encodeLiveStatus(live: LiveStatus): string {
  const wire: Wire = {
    c: live.input.hasCi ? 1 : 0,
    r: live.input.claims,
    e: Object.fromEntries(Object.entries(live.input.evidence).map(([id, e]) => [id, encodeEvidence(e)])),
    l: live.release,
    s: live.staleDays,
  };
  if (live.brief) wire.b = 1;
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
    input: { hasCi: wire.c === 1, claims: wire.r, evidence },
    release: wire.l,
    staleDays: wire.s,
    brief: wire.b === 1,
  };
}

/** What a status cell shows for `live` as seen at `now`. */
export function liveView(live: LiveStatus, now: number): StatusView {
  const view = statusView(
    ciStatus(live.input, live.release, now, live.staleDays),
    namesRelease(live.release),
  );
  return live.brief ? { ...view, release: undefined, details: [] } : view;
}

/** A build-time status cell: its view as of the build, and the `data-live` text to redo it later. */
export function statusCell(live: LiveStatus, built: number): { view: StatusView; live: string } {
  return { view: liveView(live, built), live: encodeLiveStatus(live) };
}

import { isDeepStrictEqual } from 'node:util';
import { appendPointer } from '../json/pointer.ts';
import { DriverlogError } from '../common/errors.ts';
import type { Registry } from '../model/types.ts';
import { recordChanges, type RecordChange } from './apply.ts';

export class HandEditError extends DriverlogError {
  constructor(
    readonly file: string,
    readonly pointer: string,
  ) {
    super(
      `${file} has uncommitted edits besides verification and scan_state (first at ${pointer}); --commit commits only the scan's evidence: commit or revert those edits, then run update again`,
      'HAND_EDITS',
      'io',
    );
  }
}

function withoutEvidence(registry: Registry): unknown {
  const { scan_state: _state, ...rest } = registry;
  return { ...rest, drivers: rest.drivers.map(({ verification: _records, ...driver }) => driver) };
}

/** JSON pointer of the first place two JSON values differ ('' when they are equal). */
function firstDifferingPointer(a: unknown, b: unknown, at = ''): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at || '/';
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const inner = firstDifferingPointer(ao[key], bo[key], appendPointer(at, key));
    if (inner !== '') return inner;
  }
  return at || '/';
}

/**
 * What committing `text` over the committed `headText` changes in evidence. It is computed from the
 * commit's own content, not from this run, so the message stays true when the file also holds an
 * earlier run's uncommitted result. Anything besides evidence is someone's edit: never committed
 * under the scan's name.
 */
export function evidenceSinceHead(file: string, headText: string, text: string): RecordChange[] {
  const before = JSON.parse(headText) as Registry;
  const after = JSON.parse(text) as Registry;
  const pointer = firstDifferingPointer(withoutEvidence(before), withoutEvidence(after));
  if (pointer !== '') throw new HandEditError(file, pointer);
  return after.drivers.flatMap((driver, index) =>
    recordChanges(driver, before.drivers[index]?.verification ?? {}, driver.verification ?? {}),
  );
}

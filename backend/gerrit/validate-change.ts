import { GerritTimestampError } from './errors.ts';
import { parseGerritTimestamp } from './time.ts';
import type { ChangeInfo } from './types.ts';

// Gerrit's answers are data from another system: one malformed change must cost that change, not the run. The
// check covers the fields the scan reads and trusts (numbers that become `change_number` and `patch_set`, dates
// that become timestamps and scan positions); Gerrit's other fields are never read.

export interface ChangeProblem {
  /** How to find the change: "change 912345", else its Change-Id, else its place in the answer. */
  change: string;
  /** What is wrong, naming the field and its value. */
  problem: string;
}

const STATUSES = new Set(['NEW', 'MERGED', 'ABANDONED']);

/** Why a change Gerrit sent cannot be read, or undefined when its shape is sound. */
export function changeProblem(value: unknown, place: string): ChangeProblem | undefined {
  if (!isObject(value)) return { change: place, problem: `expected a change object, got ${show(value)}` };
  const change = value as Partial<Record<keyof ChangeInfo, unknown>>;
  const name = isWholeFrom1(change._number)
    ? `change ${change._number}`
    : typeof change.change_id === 'string' && change.change_id !== ''
      ? `change ${shorten(change.change_id)} (${place})`
      : place;
  const problem = shapeProblem(change);
  return problem === undefined ? undefined : { change: name, problem };
}

function shapeProblem(change: Partial<Record<keyof ChangeInfo, unknown>>): string | undefined {
  if (!isWholeFrom1(change._number))
    return `_number is ${show(change._number)}, not a change number (1 or more)`;
  for (const field of ['project', 'branch'] as const) {
    if (typeof change[field] !== 'string' || change[field] === '')
      return `${field} is ${show(change[field])}`;
  }
  if (typeof change.status !== 'string' || !STATUSES.has(change.status))
    return `status is ${show(change.status)}`;
  const updated = dateProblem('updated', change.updated);
  if (updated !== undefined) return updated;
  if (change.current_revision_number !== undefined && !isWholeFrom1(change.current_revision_number)) {
    return `current_revision_number is ${show(change.current_revision_number)}, not a patch set number (1 or more)`;
  }
  if (change.revisions !== undefined) {
    if (!isObject(change.revisions)) return `revisions is ${show(change.revisions)}`;
    for (const [sha, revision] of Object.entries(change.revisions)) {
      const number = isObject(revision) ? (revision as { _number?: unknown })._number : revision;
      if (!isWholeFrom1(number)) return `revision ${shorten(sha)} has patch set number ${show(number)}`;
    }
  }
  if (change.messages === undefined) return undefined;
  if (!Array.isArray(change.messages)) return `messages is ${show(change.messages)}, not a list`;
  for (const [index, message] of change.messages.entries()) {
    const problem = messageProblem(message);
    if (problem !== undefined) return `message ${index + 1}${messageId(message)}: ${problem}`;
  }
  return undefined;
}

function messageProblem(message: unknown): string | undefined {
  if (!isObject(message)) return `expected a message object, got ${show(message)}`;
  const m = message as Record<string, unknown>;
  if (typeof m.message !== 'string') return `message is ${show(m.message)}`;
  const date = dateProblem('date', m.date);
  if (date !== undefined) return date;
  if (m._revision_number !== undefined && !isWholeFrom1(m._revision_number)) {
    return `_revision_number is ${show(m._revision_number)}, not a patch set number (1 or more)`;
  }
  if (m.author !== undefined) {
    if (!isObject(m.author)) return `author is ${show(m.author)}`;
    const username = (m.author as Record<string, unknown>).username;
    if (username !== undefined && typeof username !== 'string') return `author.username is ${show(username)}`;
  }
  return undefined;
}

function dateProblem(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return `${field} is ${show(value)}, not a Gerrit timestamp`;
  try {
    parseGerritTimestamp(value);
    return undefined;
  } catch (error) {
    if (!(error instanceof GerritTimestampError)) throw error;
    return `${field} is ${show(value)}, not a Gerrit timestamp (yyyy-mm-dd hh:mm:ss.fffffffff, UTC)`;
  }
}

function messageId(message: unknown): string {
  const id = isObject(message) ? (message as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id !== '' ? ` (id ${shorten(id)})` : '';
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWholeFrom1(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** A value as it appeared, short enough for one line of a report. */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Gerrit text on one line of a report: control characters escaped as JSON does, long values cut. */
function shorten(text: string): string {
  const safe = JSON.stringify(text).slice(1, -1);
  return safe.length > 60 ? `${safe.slice(0, 57)}...` : safe;
}

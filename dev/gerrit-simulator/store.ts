import { parseGerritTimestamp } from '../../backend/gerrit/time.ts';
import { compileChangeQuery } from './change-filter.ts';
import type { SimAccount, SimChange, SimDataset, SimMessage } from './types.ts';

interface Entry {
  change: SimChange;
  updated: number;
}

/**
 * The simulator's changes, kept sorted as Gerrit returns them: `updated` newest first, ties by
 * _number descending. The last query's matches are cached so paging does not refilter every page.
 */
export class ChangeStore {
  readonly accounts: SimAccount[];
  private entries: Entry[];
  private cache: { query: string; matches: SimChange[] } | undefined;

  constructor(dataset: SimDataset) {
    this.accounts = dataset.accounts;
    this.entries = dataset.changes.map((change) => ({
      change,
      updated: parseGerritTimestamp(change.updated),
    }));
    this.entries.sort(compareEntries);
  }

  /** Matches of a query in Gerrit's order; throws QueryError for queries Gerrit refuses. */
  query(query: string): SimChange[] {
    if (this.cache?.query === query) return this.cache.matches;
    const filter = compileChangeQuery(query, this.accounts);
    const matches = this.entries.filter((entry) => filter(entry.change, entry.updated)).map((e) => e.change);
    this.cache = { query, matches };
    return matches;
  }

  upsert(change: SimChange): void {
    const updated = parseGerritTimestamp(change.updated);
    const newest = Math.max(updated, ...change.messages.map((m) => parseGerritTimestamp(m.date)));
    if (newest > updated) throw new RangeError(`change ${change._number}: updated is older than a message`);
    this.entries = this.entries.filter((entry) => entry.change._number !== change._number);
    const entry = { change, updated };
    const at = this.entries.findIndex((other) => compareEntries(entry, other) < 0);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, entry);
    this.cache = undefined;
  }

  get(changeNumber: number): SimChange | undefined {
    return this.entries.find((e) => e.change._number === changeNumber)?.change;
  }

  addMessage(changeNumber: number, message: SimMessage): void {
    const entry = this.entries.find((e) => e.change._number === changeNumber);
    if (!entry) throw new RangeError(`no change ${changeNumber} in the simulator`);
    const messages = [...entry.change.messages, message];
    const newer = parseGerritTimestamp(message.date) > entry.updated;
    this.upsert({ ...entry.change, messages, updated: newer ? message.date : entry.change.updated });
  }
}

function compareEntries(a: Entry, b: Entry): number {
  return b.updated - a.updated || b.change._number - a.change._number;
}

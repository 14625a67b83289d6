import { MatrixError } from './errors.ts';
import { findListTables, ListTableSyntax, type ListTable } from './list-table.ts';
import { ircNick, maintainerName } from './maintainers.ts';
import {
  LIMITS,
  type Matrix,
  type MatrixDriver,
  type MatrixSource,
  type UpstreamMaintainer,
  type UpstreamStatus,
} from './matrix.ts';
import { refuseControlCharacters } from './matrix-text.ts';

// glance_store's doc/source/user/drivers.rst: a list-table with a header row of Driver, Status,
// Maintainer, Email and IRC Nick, one row per store. Status is the project's word for the store
// ("Supported", "Deprecated"); the maintainer's name and IRC nick are kept, the e-mail address never.
// Older pages (before the Status column) drew a grid table: they hold no list-table and give no drivers.

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Glance stands behind the stores it calls supported; any other word (Deprecated) is not support. */
const SUPPORTED_WORD = 'supported';

export function readGlanceRst(text: string, source: MatrixSource): Matrix {
  refuseControlCharacters(text, source);
  const fail = (line: number, message: string, hint: string): never => {
    throw new MatrixError(source, line, message, hint);
  };
  let tables: ListTable[];
  try {
    tables = findListTables(text);
  } catch (error) {
    if (error instanceof ListTableSyntax)
      fail(error.line, error.message, 'write one "* -" item per row and one "-" item per cell');
    throw error;
  }
  const headerOf = (table: ListTable) =>
    table.headerRows > 0 ? (table.rows[0]?.cells.map((cell) => cell.text.toLowerCase()) ?? []) : [];
  const table = tables.find((candidate) => {
    const header = headerOf(candidate);
    return header.includes('driver') && header.includes('status');
  });
  if (!table) {
    return {
      features: [],
      drivers: [],
      warnings: [
        `${source.ref}:${source.path}:1: no list-table with Driver and Status columns (an older page?): no stores read`,
      ],
    };
  }
  const header = headerOf(table);
  const column = (name: string) => header.findIndex((cell) => cell.startsWith(name));
  const [driverAt, statusAt, maintainerAt, ircAt] = ['driver', 'status', 'maintainer', 'irc'].map(column);
  const statuses: UpstreamStatus[] = [];
  const drivers = new Map<string, MatrixDriver & { line: number }>();
  for (const row of table.rows.slice(table.headerRows)) {
    const cell = (at: number | undefined) => (at === undefined || at < 0 ? '' : row.cells[at]!.text);
    const title = cell(driverAt);
    const id = slug(title).slice(0, LIMITS.id);
    if (id === '') fail(row.line, 'a row without a driver name', 'name the store in the Driver column');
    const earlier = drivers.get(id);
    if (earlier) fail(row.line, `"${title}" has a row already (line ${earlier.line})`, 'merge the two rows');
    const word = cell(statusAt);
    if (word === '' || word.length > LIMITS.word) {
      fail(
        row.cells[statusAt!]!.line,
        `"${title}" has ${word === '' ? 'no status' : 'a status longer than 100 characters'}`,
        'write its status (Supported, Deprecated, …) in the Status column',
      );
    }
    const status = word.toLowerCase();
    if (!statuses.some((known) => known.id === status)) {
      statuses.push({ id: status, title: word, supported: status === SUPPORTED_WORD });
    }
    const maintainer: UpstreamMaintainer = {};
    const name = maintainerName(cell(maintainerAt));
    const irc = ircNick(cell(ircAt));
    if (name !== undefined) maintainer.name = name;
    if (irc !== undefined) maintainer.irc = irc;
    const driver: MatrixDriver & { line: number } = {
      id,
      title: title.slice(0, LIMITS.title),
      values: new Map(),
      notes: new Map(),
      status,
      line: row.line,
    };
    if (Object.keys(maintainer).length > 0) driver.maintainers = [maintainer];
    drivers.set(id, driver);
  }
  return {
    features: [],
    drivers: [...drivers.values()].map(({ line: _line, ...driver }) => driver),
    warnings: [],
    statuses,
  };
}

import type { Feature, SupportValue } from '../model/types.ts';
import { MatrixError } from './errors.ts';
import { findGridTables, GridTableSyntax, type GridCell, type GridTable } from './grid-table.ts';
import { LIMITS, type Matrix, type MatrixDriver, type MatrixSource } from './matrix.ts';

// Manila's share_back_ends_feature_support_mapping.rst: grid tables whose first column names a back end
// and whose other cells give the release from which it supports the column's feature ("K", "NFS (M)",
// "D (2024.2)"), "-" for no, "?" for unknown. The first table lists the back ends; each column of each
// table is a feature.

/** A cell naming a release: a lone capital (with an optional "(2024.2)"), or a capital in parentheses. */
const RELEASE_MARK = /^[A-Z](?: \(\d{4}\.\d\))?$|\([A-Z]\)|\b[A-Z] ?\(\d{4}\.\d\)/;
const BARE_MARK = /^[A-Z](?: \(\d{4}\.\d\))?$/;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** RST backslash escapes: `\-` is a literal "-". */
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

export function readManilaRst(text: string, source: MatrixSource): Matrix {
  const fail = (line: number, message: string, hint: string): never => {
    throw new MatrixError(source, line, message, hint);
  };
  let tables: GridTable[];
  try {
    tables = findGridTables(text).filter((table) => headerOf(table, 0) === 'Driver name');
  } catch (error) {
    if (error instanceof GridTableSyntax) {
      fail(error.line, error.message, 'redraw the table so every cell is a closed +---+ rectangle');
    }
    throw error;
  }
  if (tables.length === 0) {
    fail(1, 'no grid table whose first column is "Driver name"', 'check upstream.support_matrix and format');
  }
  const titles = sectionTitles(text);
  const features: Feature[] = [];
  const drivers = new Map<string, MatrixDriver>();
  const warnings: string[] = [];
  tables.forEach((table, index) => {
    const title = [...titles].reverse().find(([line]) => line < table.line)?.[1];
    const prefix = slug(
      (title ?? `table ${index + 1}`)
        .replace(/^Mapping of share drivers and /i, '')
        .replace(/ support$/i, ''),
    );
    const columns: Array<Feature | undefined> = [undefined];
    for (let column = 1; column < table.columns; column++) {
      const header = headerOf(table, column);
      let id = slug(header);
      if (id === '') fail(table.line, `column ${column + 1} has no header`, 'give every column a header');
      if (features.some((feature) => feature.id === id)) id = `${prefix}.${id}`;
      const feature: Feature = {
        id: id.slice(0, LIMITS.id),
        title: header.slice(0, LIMITS.title),
        status: 'optional',
      };
      if (title !== undefined) feature.notes = title;
      features.push(feature);
      columns.push(feature);
    }
    const body = table.cells.filter((cell) => cell.row >= table.headerRows);
    const seen = new Map<string, number>();
    for (const row of new Set(body.map((cell) => cell.row))) {
      const cells = body.filter((cell) => cell.row === row);
      const name = cells.find((cell) => cell.column === 0);
      if (!name || name.text === '') {
        fail(
          cells[0]?.line ?? table.line,
          'a row without a driver name',
          'write the back end in the first column',
        );
      }
      const id = slug(name!.text);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        fail(name!.line, `"${name!.text}" has a row already (line ${earlier})`, 'merge the two rows');
      }
      seen.set(id, name!.line);
      let driver = drivers.get(id);
      if (!driver) {
        if (index > 0) {
          warnings.push(
            `${source.ref}:${source.path}:${name!.line}: "${name!.text}" is not a back end of the first table; row skipped`,
          );
          continue;
        }
        driver = { id, title: name!.text.slice(0, LIMITS.title), values: new Map(), notes: new Map() };
        drivers.set(id, driver);
      }
      for (const cell of cells) {
        if (cell.column === 0) continue;
        for (let column = cell.column; column < cell.column + cell.columnSpan; column++) {
          record(driver, columns[column]!, cell, fail);
        }
      }
    }
  });
  return { features, drivers: [...drivers.values()], warnings };
}

function record(
  driver: MatrixDriver,
  feature: Feature,
  cell: GridCell,
  fail: (line: number, message: string, hint: string) => never,
): void {
  const text = unescape(cell.text);
  if (text === '') return;
  let value: SupportValue;
  if (text === '-') value = 'missing';
  else if (text === '?') value = 'unknown';
  else if (RELEASE_MARK.test(text)) value = 'complete';
  else {
    return fail(
      cell.line,
      `"${driver.title}" / "${feature.title}": "${text}" names no release`,
      'write the initial of the release that added it (e.g. K, or D (2024.2)), "-" for no, "?" for unknown',
    );
  }
  driver.values.set(feature.id, value);
  // What qualifies the support (protocols, layouts) is kept as the driver's note for the feature.
  if (value === 'complete' && !BARE_MARK.test(text))
    driver.notes.set(feature.id, text.slice(0, LIMITS.notes));
}

/** The text of the header cells above a column, top to bottom, joined with ": ". */
function headerOf(table: GridTable, column: number): string {
  return table.cells
    .filter(
      (cell) =>
        cell.row < table.headerRows && cell.column <= column && column < cell.column + cell.columnSpan,
    )
    .map((cell) => unescape(cell.text))
    .filter((text) => text !== '')
    .join(': ');
}

/** RST section titles (a line underlined with = - ~ ^ or "), as [line, title]. */
function sectionTitles(text: string): Array<[number, string]> {
  const lines = text.split(/\r\n|\r|\n/);
  const titles: Array<[number, string]> = [];
  lines.forEach((line, index) => {
    const under = lines[index + 1];
    if (
      line.trim() !== '' &&
      under !== undefined &&
      /^([=\-~^"])\1+$/.test(under) &&
      under.length >= line.trimEnd().length
    ) {
      titles.push([index + 1, line.trim()]);
    }
  });
  return titles;
}

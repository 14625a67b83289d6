// reStructuredText's `.. list-table::` directive as docutils reads it: options (`:header-rows: N`), then a
// uniform two-level bullet list, one first-level item per row and one second-level item per cell. A cell's
// text continues on lines indented past its "-"; every row must have as many cells as the first.

export interface ListTableCell {
  text: string;
  line: number;
}

export interface ListTable {
  /** The directive's line, 1-based. */
  line: number;
  headerRows: number;
  rows: Array<{ line: number; cells: ListTableCell[] }>;
}

/** A list-table docutils would refuse: where and why. */
export class ListTableSyntax extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'ListTableSyntax';
  }
}

const DIRECTIVE = /^(\s*)\.\.\s+list-table::/;
const BULLET = /^[*+-](\s|$)/;

export function findListTables(text: string): ListTable[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tables: ListTable[] = [];
  for (let index = 0; index < lines.length; index++) {
    const directive = DIRECTIVE.exec(lines[index]!);
    if (!directive) continue;
    const indent = directive[1]!.length;
    let end = index + 1;
    while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!) > indent)) end++;
    tables.push(readTable(lines, index, end));
    index = end - 1;
  }
  return tables;
}

const indentOf = (line: string) => line.search(/\S/);

function readTable(lines: string[], start: number, end: number): ListTable {
  const table: ListTable = { line: start + 1, headerRows: 0, rows: [] };
  let at = start + 1;
  // Options come first, one `:name: value` a line, up to the first blank line.
  for (; at < end && lines[at]!.trim().startsWith(':'); at++) {
    const option = /^:header-rows:\s*(.*)$/.exec(lines[at]!.trim());
    if (option) {
      if (!/^\d+$/.test(option[1]!.trim()))
        throw new ListTableSyntax(at + 1, `:header-rows: "${option[1]}" is not a whole number`);
      table.headerRows = Number(option[1]!.trim());
    }
  }
  let rowIndent: number | undefined;
  let cellColumn: number | undefined;
  let cell: ListTableCell | undefined;
  for (; at < end; at++) {
    const line = lines[at]!;
    if (line.trim() === '') continue;
    const indent = indentOf(line);
    const rest = line.slice(indent);
    rowIndent ??= indent;
    if (indent === rowIndent) {
      if (!rest.startsWith('*') && !BULLET.test(rest)) {
        throw new ListTableSyntax(at + 1, 'a list-table holds a bullet list: one "* -" item per row');
      }
      const after = rest.slice(1);
      const inner = after.trimStart();
      table.rows.push({ line: at + 1, cells: [] });
      cell = undefined;
      cellColumn = indent + 1 + (after.length - inner.length);
      if (inner === '') continue;
      if (!BULLET.test(inner))
        throw new ListTableSyntax(at + 1, 'each row of a list-table is a bullet list of its cells');
      cell = { text: inner.slice(1).trim(), line: at + 1 };
      table.rows.at(-1)!.cells.push(cell);
      continue;
    }
    const row = table.rows.at(-1);
    if (!row || indent < rowIndent) throw new ListTableSyntax(at + 1, 'text outside the list-table’s rows');
    if (cellColumn === undefined || row.cells.length === 0) cellColumn = indent;
    if (indent === cellColumn && BULLET.test(rest)) {
      cell = { text: rest.slice(1).trim(), line: at + 1 };
      row.cells.push(cell);
    } else if (cell && indent > cellColumn) {
      cell.text = cell.text === '' ? line.trim() : `${cell.text} ${line.trim()}`;
    } else {
      throw new ListTableSyntax(at + 1, 'each row of a list-table is a bullet list of its cells');
    }
  }
  const width = table.rows[0]?.cells.length;
  table.rows.forEach((row, index) => {
    if (row.cells.length !== width) {
      throw new ListTableSyntax(
        row.line,
        `row ${index + 1} has ${row.cells.length} cells where the first row has ${width}`,
      );
    }
  });
  return table;
}

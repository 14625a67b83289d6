// reStructuredText grid tables, read the way docutils does: cells are the rectangles the + - | = lines
// draw, so a cell may span columns (a group header) or rows.

export interface GridCell {
  /** 0-based row and column of the cell's top-left corner, and how many it spans. */
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** The cell's text: its lines joined with spaces, whitespace collapsed. */
  text: string;
  /** 1-based line (in the whole file) of the cell's first text line. */
  line: number;
}

export interface GridTable {
  /** 1-based line of the table's top border. */
  line: number;
  /** Rows above the `=` border (0 when the table has no header). */
  headerRows: number;
  rows: number;
  columns: number;
  cells: GridCell[];
}

/** A table that does not draw closed rectangles, at a 1-based file line. */
export class GridTableSyntax extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'GridTableSyntax';
  }
}

const BORDER = /^\+([-=]+\+)+$/;

/** Every grid table in an RST text: blocks of lines starting with + or |, opened by a border line. */
export function findGridTables(text: string): GridTable[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tables: GridTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!BORDER.test(lines[i]!.trimEnd())) continue;
    const indent = lines[i]!.search(/\S/);
    let end = i;
    while (end + 1 < lines.length && /^[+|]/.test(lines[end + 1]!.slice(indent))) end++;
    const block = lines.slice(i, end + 1).map((line) => line.slice(indent).trimEnd());
    tables.push(parseGridTable(block, i + 1));
    i = end;
  }
  return tables;
}

/** One grid table from its lines (no indentation); `firstLine` is the file line of block[0]. */
export function parseGridTable(block: string[], firstLine: number): GridTable {
  // Loops, not spreads: Math.max(...lines) overflows the stack on a table of 128k lines. Lines are not
  // padded: a character past a line's end reads as a space.
  let width = 0;
  for (const line of block) width = Math.max(width, line.length);
  const grid = block;
  const bottom = grid.length - 1;
  const right = width - 1;
  if (!BORDER.test(grid[bottom]!)) {
    throw new GridTableSyntax(firstLine + bottom, 'the table does not end with a +---+ border line');
  }
  const at = (row: number, column: number) => grid[row]![column] ?? ' ';
  const headerBorder = grid.findIndex((line, index) => index > 0 && /^\+(=+\+)+$/.test(line));
  const rowSeps = new Set<number>([0]);
  const colSeps = new Set<number>([0]);
  const found: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  // Corners in docutils' order, top to bottom, then left to right: a heap, not a list sorted per cell.
  const corners = new CornerHeap();
  corners.push(0, 0);
  // done[column]: the last text row of the lowest cell found over that column, as docutils tracks it.
  const done = new Array<number>(right).fill(-1);
  // docutils' scan: from each top-left corner, follow the top edge right, the right edge down, the bottom
  // edge left and the left edge up; the first closed rectangle is the cell, and its other corners start more.
  while (corners.size > 0) {
    const [top, left] = corners.pop();
    if (top === bottom || left === right || top <= done[left]!) continue;
    const cell = scanCell(at, top, left, bottom, right);
    if (!cell) continue;
    found.push({ top, left, ...cell });
    for (let column = left; column < cell.right; column++) done[column] = cell.bottom - 1;
    rowSeps.add(cell.bottom);
    colSeps.add(cell.right);
    corners.push(top, cell.right);
    corners.push(cell.bottom, left);
  }
  const open = done.findIndex((row) => row !== bottom - 1);
  if (open !== -1) {
    throw new GridTableSyntax(
      firstLine + done[open]! + 1,
      `a cell below this line, at column ${open + 1}, is not a closed rectangle`,
    );
  }
  const rowAt = indexOf(rowSeps);
  const colAt = indexOf(colSeps);
  const cells = found.map(({ top, left, bottom: cellBottom, right: cellRight }) => {
    const row = rowAt.get(top)!;
    const column = colAt.get(left)!;
    const text = grid
      .slice(top + 1, cellBottom)
      .map((line) => line.slice(left + 1, cellRight))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      row,
      column,
      rowSpan: rowAt.get(cellBottom)! - row,
      columnSpan: colAt.get(cellRight)! - column,
      text,
      line: firstLine + top + 1,
    };
  });
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    line: firstLine,
    headerRows: headerBorder === -1 ? 0 : (rowAt.get(headerBorder) ?? -1),
    rows: rowAt.size - 1,
    columns: colAt.size - 1,
    cells,
  };
}

/** Each separator's position among them, in order. */
function indexOf(separators: Set<number>): Map<number, number> {
  const sorted = [...separators].sort((a, b) => a - b);
  return new Map(sorted.map((at, index) => [at, index]));
}

/** A binary min-heap of [row, column] corners, by row, then column. */
class CornerHeap {
  private readonly items: Array<[number, number]> = [];
  get size(): number {
    return this.items.length;
  }
  push(row: number, column: number): void {
    const items = this.items;
    items.push([row, column]);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): [number, number] {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < items.length && before(items[l]!, items[least]!)) least = l;
        if (r < items.length && before(items[r]!, items[least]!)) least = r;
        if (least === i) break;
        [items[i], items[least]] = [items[least]!, items[i]!];
        i = least;
      }
    }
    return top;
  }
}

const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

type At = (row: number, column: number) => string;

function scanCell(at: At, top: number, left: number, bottom: number, right: number) {
  for (let column = left + 1; column <= right; column++) {
    const c = at(top, column);
    if (c === '+') {
      const found = scanDown(at, top, left, column, bottom);
      if (found !== undefined) return { bottom: found, right: column };
    } else if (c !== '-' && c !== '=') return undefined;
  }
  return undefined;
}

function scanDown(at: At, top: number, left: number, right: number, bottom: number): number | undefined {
  for (let row = top + 1; row <= bottom; row++) {
    const c = at(row, right);
    if (c === '+') {
      if (closesLeft(at, top, left, row, right)) return row;
    } else if (c !== '|') return undefined;
  }
  return undefined;
}

function closesLeft(at: At, top: number, left: number, bottom: number, right: number): boolean {
  for (let column = right - 1; column > left; column--) {
    const c = at(bottom, column);
    if (c !== '+' && c !== '-' && c !== '=') return false;
  }
  if (at(bottom, left) !== '+') return false;
  for (let row = bottom - 1; row > top; row--) {
    const c = at(row, left);
    if (c !== '+' && c !== '|') return false;
  }
  return true;
}

import { describe, expect, it } from 'vitest';
import { findGridTables } from '../../backend/sync/grid-table.ts';
import { tallTable } from './helpers/manila-mapping.ts';

describe('findGridTables on hostile input', () => {
  it('reads a table of 130,000 lines without a spread of its lines (it overflowed the stack)', () => {
    const [table] = findGridTables(tallTable(65_000));
    expect(table).toMatchObject({ headerRows: 1, rows: 65_001, columns: 2 });
    expect(table!.cells.at(-1)).toMatchObject({ row: 65_000, column: 1, text: 'K', line: 130_002 });
  });

  it('reads 50,000 rows in one pass over its corners (they were sorted once per cell)', () => {
    const [table] = findGridTables(tallTable(50_000));
    expect(table!.cells).toHaveLength(2 * 50_001);
    expect(table!.cells[2 * 25_000]).toMatchObject({ row: 25_000, column: 0, text: 'back end 24999' });
  });
});

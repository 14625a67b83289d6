import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../backend/sync/errors.ts';
import { readGlanceRst } from '../../backend/sync/glance-rst.ts';
import { findListTables } from '../../backend/sync/list-table.ts';
import { READERS } from '../../backend/sync/readers.ts';
import { treeWith } from './helpers/tree.ts';

const source = { ref: 'stable/2025.1', path: 'doc/source/user/drivers.rst' };

// A store list of our own in glance_store's shape: a continued cell, an empty IRC cell, "N/A" for nobody.
const PAGE = `
Glance Store Drivers
====================

.. list-table::
   :header-rows: 1

   * - Driver
     - Status
     - Maintainer
     - Email
     - IRC Nick
   * - File System
     - Supported
     - Glance Team
     - openstack-discuss@lists.example.org
     - openstack-glance
   * - Acme Object
       Store
     - Supported
     - Ada Lovelace <ada@acme.example>
     - ada@acme.example
     -
   * - Zeta
     - Deprecated
     - N/A
     - N/A
     - N/A
   * - Omega
     - DEPRECATED
     - Grace Hopper
     - grace@omega.example
     - grace

.. note::
  Zeta was deprecated for lack of CI.
`;

const failure = (text: string): MatrixError => {
  try {
    readGlanceRst(text, source);
  } catch (error) {
    if (error instanceof MatrixError) return error;
    throw error;
  }
  throw new Error('expected a MatrixError');
};

describe('readGlanceRst', () => {
  it('reads each row of the list-table as a store with its status word', () => {
    const matrix = readGlanceRst(PAGE, source);
    expect(matrix.drivers.map((d) => [d.id, d.title, d.status])).toEqual([
      ['file_system', 'File System', 'supported'],
      ['acme_object_store', 'Acme Object Store', 'supported'],
      ['zeta', 'Zeta', 'deprecated'],
      ['omega', 'Omega', 'deprecated'],
    ]);
  });

  it('lists the status words in the order the page first uses them; only "supported" means support', () => {
    expect(readGlanceRst(PAGE, source).statuses).toEqual([
      { id: 'supported', title: 'Supported', supported: true },
      { id: 'deprecated', title: 'Deprecated', supported: false },
    ]);
  });

  it('keeps the maintainer’s name and IRC nick as the contact, and never an e-mail address', () => {
    const matrix = readGlanceRst(PAGE, source);
    expect(matrix.drivers.map((d) => d.maintainers)).toEqual([
      [{ name: 'Glance Team', irc: 'openstack-glance' }],
      [{ name: 'Ada Lovelace' }],
      undefined,
      [{ name: 'Grace Hopper', irc: 'grace' }],
    ]);
    expect(JSON.stringify(matrix)).not.toContain('@');
  });

  it('reads no store from an older page without the list-table, saying so', () => {
    const grid = `+--------+-------------+\n| Driver | Maintainer  |\n+========+=============+\n| HTTP   | Glance Team |\n+--------+-------------+\n`;
    const matrix = readGlanceRst(grid, source);
    expect(matrix.drivers).toEqual([]);
    expect(matrix.warnings).toEqual([
      'stable/2025.1:doc/source/user/drivers.rst:1: no list-table with Driver and Status columns (an older page?): no stores read',
    ]);
  });

  it.each([
    [PAGE.replace('     - Deprecated\n', ''), 24, /row 4 has 4 cells where the first row has 5/],
    [PAGE.replace('   * - Zeta', '   * - File System'), 24, /"File System" has a row already \(line 13\)/],
    [PAGE.replace('     - DEPRECATED', '     -'), 30, /"Omega" has no status/],
    [PAGE.replace('   * - Zeta', '   Zeta'), 24, /a list-table holds a bullet list/],
    [PAGE.replace(':header-rows: 1', ':header-rows: one'), 6, /:header-rows: "one" is not a whole number/],
  ])('refuses a malformed table at REF:PATH:LINE (%#)', (text, line, problem) => {
    const error = failure(text);
    expect(error.where).toBe(`stable/2025.1:doc/source/user/drivers.rst:${line}`);
    expect(error.problem).toMatch(problem);
  });

  it('is the glance-rst reader, reading the file at a commit', async () => {
    const tree = await treeWith({ [source.path]: PAGE });
    expect((await READERS['glance-rst'].read(source.path, tree))!.drivers).toHaveLength(4);
    expect(await READERS['glance-rst'].read('doc/missing.rst', tree)).toBeUndefined();
  });
});

describe('findListTables', () => {
  it('reads a title, options, multi-line cells and empty cells as docutils does', () => {
    const [table] = findListTables(
      '.. list-table:: Stores\n   :widths: 10 20\n   :header-rows: 1\n\n   * - A\n     - B\n   * - one\n\n       more\n     -\n',
    );
    expect(table!.headerRows).toBe(1);
    expect(table!.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['A', 'B'],
      ['one more', ''],
    ]);
  });
});

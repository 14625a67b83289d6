import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../backend/sync/errors.ts';
import { findGridTables } from '../../backend/sync/grid-table.ts';
import { readManilaRst } from '../../backend/sync/manila-rst.ts';
import { MAPPING, tallTable } from './helpers/manila-mapping.ts';

const source = { ref: 'master', path: 'doc/source/admin/share_back_ends_feature_support_mapping.rst' };

describe('findGridTables', () => {
  it('finds each table with its header rows, spans and cell lines', () => {
    const [first, second] = findGridTables(MAPPING);
    expect(first).toMatchObject({ line: 7, headerRows: 1, rows: 4, columns: 3 });
    expect(first!.cells.find((cell) => cell.row === 2 && cell.column === 0)).toMatchObject({
      text: 'Zeta FS',
      rowSpan: 1,
      line: 12,
    });
    expect(second).toMatchObject({ headerRows: 2, rows: 4, columns: 4 });
    const group = second!.cells.find((cell) => cell.text === 'Read & Write');
    expect(group).toMatchObject({ row: 0, column: 1, columnSpan: 2, rowSpan: 1 });
    expect(second!.cells.find((cell) => cell.text === 'Driver name')).toMatchObject({
      rowSpan: 2,
      columnSpan: 1,
    });
  });

  it('refuses a cell that is not a closed rectangle, at its line', () => {
    const broken = '+----+----+\n| a  | b  |\n+----+---\n';
    expect(() => findGridTables(`text\n\n${broken}`)).toThrow(/does not end with a \+---\+ border line/);
    const open = '+----+----+\n| a    b  |\n+----+----+\n| c  | d  |\n+----+----+\n';
    const [table] = findGridTables(open);
    expect(table!.cells.find((cell) => cell.row === 0)!.columnSpan).toBe(2);
  });
});

describe('readManilaRst', () => {
  const matrix = readManilaRst(MAPPING, source);

  it('makes a feature of each column, the group header joined to its column, and repeats prefixed by their table', () => {
    expect(matrix.features.map((f) => [f.id, f.title])).toEqual([
      ['extend_share', 'extend share'],
      ['revert_to_snapshot', 'revert to snapshot'],
      ['read_write_ipv4', 'Read & Write: IPv4'],
      ['read_write_ipv6', 'Read & Write: IPv6'],
      ['common_capabilities.revert_to_snapshot', 'revert to snapshot'],
    ]);
    expect(matrix.features[2]!.notes).toBe('Mapping of share drivers and common capabilities');
  });

  it('reads a release mark as complete, "-" as missing, "?" as unknown and an empty cell as nothing', () => {
    const byId = Object.fromEntries(matrix.drivers.map((d) => [d.id, Object.fromEntries(d.values)]));
    expect(byId).toEqual({
      acme_nas: {
        extend_share: 'complete',
        revert_to_snapshot: 'complete',
        read_write_ipv4: 'complete',
        read_write_ipv6: 'missing',
        'common_capabilities.revert_to_snapshot': 'complete',
      },
      zeta_fs: { extend_share: 'missing', revert_to_snapshot: 'unknown' },
      omega: { extend_share: 'complete' },
    });
  });

  it('keeps what qualifies a mark as the driver note, and the back end name as its title', () => {
    const acme = matrix.drivers.find((d) => d.id === 'acme_nas')!;
    expect(acme.title).toBe('Acme NAS');
    expect(Object.fromEntries(acme.notes)).toEqual({
      revert_to_snapshot: 'NFS (M)',
      read_write_ipv4: 'NFS,CIFS (J)',
    });
  });

  it('skips, with a warning at REF:PATH:LINE, a back end only a later table lists', () => {
    expect(matrix.drivers.map((d) => d.id)).not.toContain('unknown_box');
    expect(matrix.warnings).toEqual([
      `${source.ref}:${source.path}:28: "Unknown box" is not a back end of the first table; row skipped`,
    ]);
  });

  it.each([
    [MAPPING.replace('NFS (M)', 'NFS    '), 10, /"Acme NAS" \/ "revert to snapshot": "NFS" names no release/],
    [
      MAPPING.replace('|  Omega         |', '|  Acme NAS      |'),
      15,
      /"Acme NAS" has a row already \(line 10\)/,
    ],
    ['No tables here.\n', 1, /no grid table whose first column is "Driver name"/],
    [MAPPING.replace('Omega ', 'Om\u0000a '), 15, /holds the control character U\+0000/],
  ])('refuses a malformed mapping at REF:PATH:LINE (%#)', (text, line, message) => {
    let error: unknown;
    try {
      readManilaRst(text, source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MatrixError);
    expect((error as MatrixError).where).toBe(`${source.ref}:${source.path}:${line}`);
    expect((error as MatrixError).problem).toMatch(message);
  });
});

describe('readManilaRst on hostile input', () => {
  it('reads a mapping of 50,000 back ends, each row once (every cell was filtered per row)', () => {
    const matrix = readManilaRst(tallTable(50_000), source);
    expect(matrix.drivers).toHaveLength(50_000);
    expect(matrix.drivers[49_999]).toMatchObject({ id: 'back_end_49999', title: 'back end 49999' });
    expect(matrix.drivers[49_999]!.values.get('mark')).toBe('complete');
  });
});

const shared = new URL('../../../shared/fixtures/openstack-upstream/manila/', import.meta.url);

describe.skipIf(!existsSync(shared))("readManilaRst on manila's real mapping (../shared)", () => {
  it('reads its four tables: 36 back ends, every column a feature', () => {
    const text = readFileSync(new URL('share_back_ends_feature_support_mapping.rst', shared), 'utf8');
    const matrix = readManilaRst(text, source);
    expect(matrix.drivers).toHaveLength(36);
    expect(matrix.features.map((f) => f.id)).toEqual(
      expect.arrayContaining(['create_delete_share', 'read_only_cephx', 'kerberos', 'qos']),
    );
    const cephfs = matrix.drivers.find((d) => d.id === 'cephfs')!;
    expect(cephfs.values.get('manage_unmanage_share')).toBe('complete');
    expect(cephfs.values.get('revert_to_snapshot')).toBe('missing');
  });
});

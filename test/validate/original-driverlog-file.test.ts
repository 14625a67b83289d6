import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRegistry } from '../../backend/format/canonical.ts';
import { parseJsonSource } from '../../backend/json/source.ts';
import type { LocatedProblem } from '../../backend/validate/problem.ts';
import { validateText } from '../../backend/validate/validate.ts';

// A small file of our own in the original DriverLog's format (its fields, its date format, its kinds of defect),
// so these run on every clone; and, when present beside the repository, the original's last data file itself.
const repoRoot = resolve(import.meta.dirname, '../..');
const file = resolve(repoRoot, '../shared/fixtures/driverlog-upstream/default_data.json');
const sample = readFileSync(resolve(import.meta.dirname, 'fixtures/original-format.json'), 'utf8');

const original = existsSync(file) ? readFileSync(file, 'utf8') : undefined;

// Both hold the original's kinds of defect, so both must parse as JSON does and format by order alone.
const inputs = [
  { name: 'a file in the original DriverLog format', text: sample, keys: '', orders: 4, drivers: 6 },
  {
    name: "the original DriverLog's data file",
    text: original,
    keys: ' left in its last version',
    orders: 33,
    drivers: 221,
  },
];
for (const { name, text = '', keys, orders, drivers } of inputs) {
  const absent = text === '';
  describe(name, () => {
    it.skipIf(absent)(`parses exactly as JSON.parse does, with no duplicate keys${keys}`, () => {
      const source = parseJsonSource(text);
      expect(source.ok && source.value).toEqual(JSON.parse(text));
      expect(source.ok && source.duplicates).toEqual([]);
    });

    it.skipIf(absent)('is unsorted before formatting, and only order changes', () => {
      const before = validateText(text, 'default_data.json');
      expect(before.filter((p) => p.check === 'order')).toHaveLength(orders);
      const formatted = formatRegistry(JSON.parse(text));
      expect(JSON.parse(formatted).drivers).toHaveLength(drivers);
      const after = validateText(formatted, 'default_data.json');
      expect(
        before
          .filter((p) => p.check !== 'order')
          .map((p) => p.message)
          .sort(),
      ).toEqual(after.map((p) => p.message).sort());
    });
  });
}

/** The problems of the file as `driverlog format` writes it, each readable as [check, severity, driver, field]. */
function afterFormat(text: string) {
  const formatted = formatRegistry(JSON.parse(text));
  const data = JSON.parse(formatted) as {
    drivers: Array<{ vendor: string; name: string; ci?: Record<string, string> }>;
  };
  const driverOf = (pointer: string) => data.drivers[Number(pointer.split('/')[2])]!;
  const row = (p: LocatedProblem) => [
    p.check,
    p.severity,
    `${driverOf(p.pointer).vendor} / ${driverOf(p.pointer).name}`,
    p.pointer.split('/').slice(3).join('/'),
  ];
  return { problems: validateText(formatted, 'default_data.json'), driverOf, row };
}

describe('a file in the original DriverLog format', () => {
  it('after `driverlog format`, has exactly its real defects', () => {
    const { problems, row } = afterFormat(sample);
    expect(problems.map(row)).toEqual([
      ['url-scheme', 'warning', 'Acme / Acme iSCSI', 'wiki'],
      ['whitespace', 'warning', 'Bolt / Bolt SMB Driver,  ', 'name'],
      ['broad-pattern', 'warning', 'Bolt / Bolt volume driver', 'ci/success_pattern'],
      ['broad-pattern', 'warning', 'Bolt / Bolt volume driver', 'ci/failure_pattern'],
      ['url-scheme', 'error', 'Crane / Crane router service plugin', 'wiki'],
      ['broad-pattern', 'warning', 'Zephyr / Zephyr hypervisor', 'ci/success_pattern'],
      ['swapped-patterns', 'warning', 'Zephyr / Zephyr hypervisor', 'ci/success_pattern'],
      ['broad-pattern', 'warning', 'Zephyr / Zephyr hypervisor', 'ci/failure_pattern'],
      ['swapped-patterns', 'warning', 'Zephyr / Zephyr hypervisor', 'ci/failure_pattern'],
    ]);
  });
});

describe.skipIf(original === undefined)("the original DriverLog's data file", () => {
  const text = original ?? '';

  it('after `driverlog format`, has exactly these real defects', () => {
    const { problems, driverOf, row } = afterFormat(text);
    expect(problems.filter((p) => p.check !== 'broad-pattern').map(row)).toEqual([
      // Empty documentation links.
      ['url-scheme', 'warning', 'Block Bridge / Block Bridge iSCSI', 'wiki'],
      ['url-scheme', 'warning', 'Cloud Byte / Cloud Byte iSCSI volume driver', 'wiki'],
      ['url-scheme', 'warning', 'Dot Hill / Dot Hill iSCSI/FC volume driver', 'wiki'],
      ['url-scheme', 'warning', 'HGST / HGST Flash Storage', 'wiki'],
      ['url-scheme', 'warning', 'Lenovo / Lenovo Storage iSCSI/FC', 'wiki'],
      ['url-scheme', 'warning', 'LinBit / DRBD', 'wiki'],
      ['url-scheme', 'warning', 'OpenStack Community / Remote FS', 'wiki'],
      ['url-scheme', 'warning', 'Parallels / VZStorage', 'wiki'],
      ['url-scheme', 'warning', 'Scality / Scality iSCSI REST Block volume driver', 'wiki'],
      ['url-scheme', 'warning', 'Violin Memory / Violin Memory iSCSI/FC volume driver', 'wiki'],
      // "Windows SMB Driver,  " in the original.
      ['whitespace', 'warning', 'Cloudbase / Windows SMB Driver, ', 'name'],
      // A bare "https://" placeholder.
      ['url-scheme', 'error', 'Cisco / CSR1kv router service plugin', 'wiki'],
      // success "Build failed." / failure "Build succeeded.": shown passing exactly when it failed.
      ['swapped-patterns', 'warning', 'IBM / PowerVM', 'ci/success_pattern'],
      ['swapped-patterns', 'warning', 'IBM / PowerVM', 'ci/failure_pattern'],
    ]);
    // Patterns any CI's comment matches: the "too broad" fixes that filled the original's history.
    const broad = new Map<string, number>();
    for (const p of problems.filter((p) => p.check === 'broad-pattern')) {
      const pattern = driverOf(p.pointer).ci![p.pointer.split('/').at(-1)!]!;
      broad.set(pattern, (broad.get(pattern) ?? 0) + 1);
    }
    expect(Object.fromEntries([...broad].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual({
      'Build Failed': 27,
      'Build Successful': 27,
      'Build failed': 29,
      'Build failed.': 1,
      'Build succeed': 1,
      'Build succeeded': 27,
      'Build succeeded.': 1,
      'Build successful': 1,
      FAIL: 1,
      FAILURE: 11,
      Failed: 1,
      SUCCESS: 13,
      Successful: 1,
      fail: 2,
      success: 2,
    });
    expect(problems).toHaveLength(159);
  });
});

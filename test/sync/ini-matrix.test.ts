import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MatrixError } from '../../backend/sync/errors.ts';
import { readIniMatrix } from '../../backend/sync/ini-matrix.ts';
import { LIMITS } from '../../backend/sync/matrix.ts';
import { registrySchema } from '../../backend/validate/schema-validator.ts';

const source = { ref: 'stable/2025.1', path: 'doc/source/reference/support-matrix.ini' };
const read = (text: string) => readIniMatrix(text, source);

const failure = (text: string): MatrixError => {
  try {
    read(text);
  } catch (error) {
    if (error instanceof MatrixError) return error;
    throw error;
  }
  throw new Error('expected a MatrixError');
};

const MATRIX = `
[driver.acme]
title=Acme Storage Driver (iSCSI)
link=https://docs.example.org/acme

[driver.zeta]
title=Zeta Driver (FC)

[targets]
driver-impl-acme=Not read: only [driver.X] sections declare drivers

[operation.qos]
title=QoS
status=optional
notes=Limits IOPS
  per volume, at 100%% of the rate.
cli=openstack volume qos create
driver.acme=complete
driver-notes.acme=Since 2.0
driver.zeta=missing

[operation.multiattach]
title=Multi-attach
status=condition(driver.acme==complete)
driver.acme=partial

[operation.replication]
title=Replication
DRIVER.ZETA=unknown

[operations.misspelt]
title=Not read: the renderer skips sections that do not start with operation.
driver.nobody=complete
`;

describe('readIniMatrix', () => {
  it('reads drivers and operations in file order, ignoring other sections', () => {
    const matrix = read(MATRIX);
    expect(matrix.drivers.map((d) => [d.id, d.title, d.link])).toEqual([
      ['acme', 'Acme Storage Driver (iSCSI)', 'https://docs.example.org/acme'],
      ['zeta', 'Zeta Driver (FC)', undefined],
    ]);
    expect(matrix.features).toEqual([
      {
        id: 'qos',
        title: 'QoS',
        status: 'optional',
        notes: 'Limits IOPS\nper volume, at 100% of the rate.',
        cli: 'openstack volume qos create',
      },
      { id: 'multiattach', title: 'Multi-attach', status: 'condition(driver.acme==complete)' },
      // No status: optional, as sphinx-feature-classification defaults it.
      { id: 'replication', title: 'Replication', status: 'optional' },
    ]);
  });

  it('records each implementation and its driver-notes; a driver missing from a feature states nothing', () => {
    const [acme, zeta] = read(MATRIX).drivers;
    expect(Object.fromEntries(acme!.values)).toEqual({ qos: 'complete', multiattach: 'partial' });
    expect(Object.fromEntries(acme!.notes)).toEqual({ qos: 'Since 2.0' });
    // Option names are lower-cased, so DRIVER.ZETA is driver.zeta.
    expect(Object.fromEntries(zeta!.values)).toEqual({ qos: 'missing', replication: 'unknown' });
  });

  it.each([
    ['[driver.acme]\nlink=x\n', 1, /\[driver\.acme\] has no title/, /title =/],
    ['[driver.acme]\ntitle=\n', 2, /\[driver\.acme\] has no title/, /title =/],
    ['[operation.qos]\nstatus=optional\n', 1, /\[operation\.qos\] has no title/, /title =/],
    ['[operation.qos]\ntitle=QoS\nstatus=sometimes\n', 3, /status "sometimes" is not one of/, /statuses/],
    [
      '[driver.acme]\ntitle=A\n[operation.qos]\ntitle=QoS\ndriver.acme=yes\n',
      5,
      /driver\.acme = "yes" is not complete, partial, missing or unknown/,
      /one of complete/,
    ],
    [
      '[driver.acme]\ntitle=A\n[operation.qos]\ntitle=QoS\ndriver.acmee=complete\n',
      5,
      /"driver\.acmee" is the implementation of a driver no \[driver\.acmee\] section declares/,
      /declare \[driver\.acmee\]/,
    ],
    // Python lower-cases the option, so [driver.Acme] is never matched: the same error, explained.
    [
      '[driver.Acme]\ntitle=A\n[operation.qos]\ntitle=QoS\ndriver.Acme=complete\n',
      5,
      /"driver\.acme" is the implementation of a driver no \[driver\.acme\] section declares/,
      /lower case/,
    ],
    ['[driver.acme]\ntitle=A\n[driver.acme]\ntitle=B\n', 3, /section \[driver\.acme\] repeats/, /merge/],
    ['\n[driver.acme]\ntitle=100%\n', 3, /"%" must be followed/, /%%/],
    ['[driver.two words]\ntitle=A\n', 1, /"two words" is not an id/, /\[driver\.<id>\]/],
    ['\n\n[driver.acme]\ntitle=A\nnot an option\n', 5, /cannot read "not an option"/, /name = value/],
  ])('refuses %j at REF:PATH:%i', (text, line, message, hint) => {
    const error = failure(`\n${text}`);
    expect(error.where).toBe(`${source.ref}:${source.path}:${line + 1}`);
    expect(error.message.startsWith(`${error.where}: `)).toBe(true);
    expect(error.problem).toMatch(message);
    expect(error.hint).toMatch(hint);
    expect(error.exit).toBe('problems');
  });

  it('refuses a value longer than the registry keeps, at its line', () => {
    const error = failure(`[driver.acme]\ntitle=${'x'.repeat(LIMITS.title + 1)}\n`);
    expect(error.where).toBe(`${source.ref}:${source.path}:2`);
    expect(error.problem).toMatch(/title is 301 characters long; the registry keeps at most 300/);
  });

  it('keeps its length limits equal to the schema', () => {
    type Props = Record<string, { maxLength?: number; items?: { properties: Props } }>;
    const defs = registrySchema().$defs as Record<string, { properties: Props }>;
    const itemOf = (def: string, property: string, field: string) =>
      defs[def]!.properties[property]!.items!.properties[field]!.maxLength;
    expect(LIMITS).toEqual({
      id: defs.driver!.properties.upstream_id!.maxLength,
      title: defs.driverUpstream!.properties.title!.maxLength,
      link: defs.driverUpstream!.properties.link!.maxLength,
      notes: defs.feature!.properties.notes!.maxLength,
      cli: defs.feature!.properties.cli!.maxLength,
      api: defs.feature!.properties.api!.maxLength,
      status: defs.feature!.properties.status!.maxLength,
      word: itemOf('projectUpstream', 'statuses', 'id'),
      maintainer: itemOf('driverUpstream', 'maintainers', 'name'),
    });
    expect(defs.feature!.properties.id!.maxLength).toBe(LIMITS.id);
    expect(defs.feature!.properties.title!.maxLength).toBe(LIMITS.title);
  });
});

const shared = new URL('../../../shared/fixtures/openstack-upstream/', import.meta.url);

describe.skipIf(!existsSync(shared))('readIniMatrix on the projects’ real matrices (../shared)', () => {
  // A skipped suite's body still runs to collect its tests: list the files only where they exist.
  const files = existsSync(shared)
    ? ['cinder', 'nova', 'neutron'].flatMap((project) =>
        readdirSync(new URL(`${project}/`, shared))
          .filter((name) => name.endsWith('.ini'))
          .map((name) => `${project}/${name}`),
      )
    : ['(../shared is absent)'];

  it.each(files)('reads %s', (file) => {
    const matrix = readIniMatrix(readFileSync(new URL(file, shared), 'utf8'), { ref: file, path: 'x' });
    expect(matrix.features.length).toBeGreaterThan(0);
    for (const driver of matrix.drivers) expect(driver.title).not.toBe('');
  });

  it("reads cinder's Hibiscus matrix: 75 drivers, 10 operations, the supported row first", () => {
    const text = readFileSync(new URL('cinder/support-matrix.hibiscus.ini', shared), 'utf8');
    const matrix = readIniMatrix(text, source);
    expect(matrix.drivers).toHaveLength(75);
    expect(matrix.features.map((f) => f.id)).toContain('supported');
    expect(matrix.drivers.find((d) => d.id === 'rbd')?.values.get('supported')).toBe('complete');
  });

  it("skips neutron's misspelt [operations.…] section as the renderer does", () => {
    const text = readFileSync(new URL('neutron/general_feature_support_matrix.ini', shared), 'utf8');
    const misspelt = [...text.matchAll(/^\[operations\.([^\]]+)\]/gm)].map((m) => m[1]);
    expect(misspelt.length).toBeGreaterThan(0);
    const ids = readIniMatrix(text, source).features.map((f) => f.id);
    for (const id of misspelt) expect(ids).not.toContain(id);
  });
});

describe('readIniMatrix on hostile input', () => {
  const many = (drivers: number, defaults = 0) => {
    const lines: string[] = [];
    if (defaults > 0)
      lines.push('[DEFAULT]', ...Array.from({ length: defaults }, (_, i) => `option${i} = ${i}`));
    for (let i = 0; i < drivers; i++) lines.push(`[driver.d${i}]`, `title = Driver ${i}`, '');
    for (const feature of ['qos', 'multiattach', 'replication']) {
      lines.push(`[operation.${feature}]`, `title = ${feature}`);
      for (let i = 0; i < drivers; i++)
        lines.push(`driver.d${i} = complete`, `driver-notes.d${i} = note ${i}`);
    }
    return lines.join('\n');
  };

  it('reads 8,000 drivers and 3,000 [DEFAULT] options without copying a section per value read', () => {
    // Each read copied the section's options: 8,000 drivers took 31 s.
    const matrix = read(many(8000, 3000));
    expect(matrix.drivers).toHaveLength(8000);
    expect(matrix.drivers[7999]!.values.get('replication')).toBe('complete');
    expect(matrix.drivers[7999]!.notes.get('qos')).toBe('note 7999');
  });

  it('takes the implementations [DEFAULT] gives every operation, as sphinx-feature-classification does', () => {
    const matrix = read(
      '[DEFAULT]\ndriver.acme = partial\n[driver.acme]\ntitle = A\n[operation.qos]\ntitle = Q\n[operation.ha]\ntitle = H\ndriver.acme = complete\n',
    );
    expect([...matrix.drivers[0]!.values]).toEqual([
      ['qos', 'partial'],
      ['ha', 'complete'],
    ]);
  });

  it('reads a title wrapped over continuation lines as one line, as the page shows it', () => {
    expect(read('[driver.acme]\ntitle = Acme\n  iSCSI\n').drivers[0]!.title).toBe('Acme iSCSI');
  });

  it.each([
    ['a tab in a title', '[driver.acme]\ntitle = Acme\tiSCSI\n', 2, /title "Acme\\tiSCSI" holds a tab/],
    [
      'an escape in a title',
      '[driver.acme]\ntitle = Acme\u001b[2JiSCSI\n',
      2,
      /holds the control character U\+001B/,
    ],
    [
      'a tab in notes',
      '[driver.acme]\ntitle = A\n[operation.qos]\ntitle = Q\nnotes = a\tb\n',
      5,
      /notes "a\\tb" holds a tab/,
    ],
  ])('refuses %s at REF:PATH:LINE', (_what, text, line, message) => {
    const error = failure(text);
    expect(error.where).toBe(`${source.ref}:${source.path}:${line}`);
    expect(error.problem).toMatch(message);
  });

  it.each([
    ['a NUL byte', '[driver.acme]\n\ntitle = A\u0000B\n', 3, /holds the control character U\+0000/],
    [
      'an escape sequence',
      '# \u001b[2J\n[driver.acme]\ntitle = A\n',
      1,
      /holds the control character U\+001B/,
    ],
  ])('refuses a matrix with %s anywhere, at REF:PATH:LINE', (_what, text, line, message) => {
    const error = failure(text);
    expect(error.where).toBe(`${source.ref}:${source.path}:${line}`);
    expect(error.problem).toMatch(message);
  });

  it('keeps line breaks in notes, as continuation lines give them', () => {
    const matrix = read('[driver.acme]\ntitle = A\n[operation.qos]\ntitle = Q\nnotes = one\n  two\n');
    expect(matrix.features[0]!.notes).toBe('one\ntwo');
  });
});

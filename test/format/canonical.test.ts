import { describe, expect, it } from 'vitest';
import { canonicalize, formatRegistry, formatRuns } from '../../backend/format/canonical.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';

/** Every leaf value with how often it occurs: formatting may reorder, never add or drop. */
function leaves(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => leaves(item, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(`key:${key}`);
      leaves(item, out);
    }
  } else out.push(JSON.stringify(value));
  return out.sort();
}

const messy = () => ({
  zzz_unknown: true,
  drivers: [
    {
      name: 'b',
      vendor: 'dell',
      project_id: 'openstack/nova',
      releases: ['Zed', 'Rocky', 'Queens'],
      verification: { Rocky: { ci_result: true, ci_id: 'x' }, Queens: { ci_id: 'y', ci_result: false } },
    },
    { project_id: 'openstack/nova', vendor: 'Dell', name: 'a', extra: 1 },
    {
      project_id: 'openstack/cinder',
      vendor: 'Zeta',
      name: 'z',
      ci: { failure_pattern: 'f', id: 'c', success_pattern: 's' },
    },
    { project_id: 'openstack/nova', vendor: 'Dell', name: 'a2' },
  ],
  releases: [
    { start: '2018-08-30', id: 'Rocky', wiki: 'https://r' },
    { id: 'Queens', start: '2018-Feb-28', wiki: 'https://q' },
    { id: 'Tie', start: '2018-08-30', wiki: 'https://t' },
  ],
  scan_state: {
    projects: {
      'openstack/nova': { since: '2024-01-01T00:00:00Z', updated: 'u' },
      'openstack/cinder': { updated: 'v' },
    },
    gerrit_url: 'https://g',
    ci_fingerprints: { b: '2', a: '1' },
    unknown_ci_accounts: ['z-ci', 'a-ci'],
  },
  projects: [
    { name: 'Nova', id: 'openstack/nova' },
    { id: 'openstack/cinder', name: 'Cinder' },
  ],
  $schema: './schema/driverlog.schema.json',
});

describe('formatRegistry', () => {
  it('writes keys in schema order and every list in canonical order', () => {
    const out = canonicalize(messy()) as ReturnType<typeof messy>;
    expect(Object.keys(out)).toEqual([
      '$schema',
      'projects',
      'releases',
      'drivers',
      'scan_state',
      'zzz_unknown',
    ]);
    expect(out.projects.map((p) => p.id)).toEqual(['openstack/cinder', 'openstack/nova']);
    expect(Object.keys(out.projects[1]!)).toEqual(['id', 'name']);
    expect(out.releases.map((r) => r.id)).toEqual(['Queens', 'Rocky', 'Tie']);
    expect(Object.keys(out.releases[0]!)).toEqual(['id', 'wiki', 'start']);
    // Case-insensitive first ("dell" and "Dell" together), then by code point ("Dell" < "dell").
    expect(out.drivers.map((d) => `${d.vendor}/${d.name}`)).toEqual([
      'Zeta/z',
      'Dell/a',
      'Dell/a2',
      'dell/b',
    ]);
    expect(Object.keys(out.drivers[1]!)).toEqual(['project_id', 'vendor', 'name', 'extra']);
    expect(Object.keys(out.drivers[0]!.ci!)).toEqual(['id', 'success_pattern', 'failure_pattern']);
    const dell = out.drivers[3]!;
    expect(dell.releases).toEqual(['Queens', 'Rocky', 'Zed']);
    expect(Object.keys(dell.verification!)).toEqual(['Queens', 'Rocky']);
    expect(Object.keys(dell.verification!.Queens!)).toEqual(['ci_result', 'ci_id']);
    expect(Object.keys(out.scan_state)).toEqual([
      'gerrit_url',
      'projects',
      'ci_fingerprints',
      'unknown_ci_accounts',
    ]);
    expect(out.scan_state.unknown_ci_accounts).toEqual(['a-ci', 'z-ci']);
    expect(Object.keys(out.scan_state.projects)).toEqual(['openstack/cinder', 'openstack/nova']);
    expect(Object.keys(out.scan_state.projects['openstack/nova']!)).toEqual(['updated', 'since']);
    expect(Object.keys(out.scan_state.ci_fingerprints)).toEqual(['a', 'b']);
  });

  it('sorts vendors by id, each with its aliases on one line', () => {
    const text = formatRegistry({
      projects: [],
      vendors: [
        { name: 'Everpure', id: 'everpure', aliases: ['Pure Storage'] },
        { id: 'dell', name: 'Dell', aliases: ['Dell EMC', 'EMC'], url: 'https://www.dell.example' },
        { id: 'acme', name: 'Acme' },
      ],
      drivers: [],
    });
    const out = JSON.parse(text) as { vendors: Array<{ id: string }> };
    expect(out.vendors.map((v) => v.id)).toEqual(['acme', 'dell', 'everpure']);
    expect(text).toContain('      "aliases": ["Dell EMC", "EMC"],\n');
    expect(Object.keys(out.vendors[2]!)).toEqual(['id', 'name', 'aliases']);
    expect(formatRegistry(out)).toBe(text);
  });

  it('changes only order and whitespace, and is idempotent', () => {
    const input = messy();
    const text = formatRegistry(input);
    expect(leaves(JSON.parse(text))).toEqual(leaves(input));
    expect(formatRegistry(JSON.parse(text))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.split('\n')[1]).toBe('  "$schema": "./schema/driverlog.schema.json",');
  });

  it('keeps a canonical registry as it is', () => {
    const registry = validRegistry();
    expect(formatRegistry(registry)).toBe(JSON.stringify(registry, null, 2) + '\n');
  });

  it('accepts values that break the schema without losing them', () => {
    const odd = { drivers: [5, null, { name: 1 }], releases: 'x', projects: [{ id: 3 }], __proto__x: 1 };
    expect(leaves(JSON.parse(formatRegistry(odd)))).toEqual(leaves(odd));
    expect(formatRegistry([3, 1])).toBe('[\n  3,\n  1\n]\n');
    const proto = JSON.parse('{"projects": [], "__proto__": {"a": 1}}');
    expect(JSON.parse(formatRegistry(proto))).toEqual(proto);
    expect(formatRegistry(proto)).toContain('"__proto__"');
  });

  it("writes a driver's in_tree list and each feature's history on one line", () => {
    const registry = {
      drivers: [
        {
          project_id: 'openstack/cinder',
          vendor: 'Acme',
          name: 'Acme',
          upstream: {
            title: 'Acme',
            in_tree: ['Rocky', 'Stein'],
            features: {
              qos: [
                ['Rocky', 'missing'],
                ['Stein', null],
              ],
              replication: [['Rocky', 'complete']],
            },
          },
        },
      ],
    };
    const text = formatRegistry(registry);
    expect(text).toContain('\n        "in_tree": ["Rocky", "Stein"],\n');
    expect(text).toContain(
      '\n        "features": {\n' +
        '          "qos": [["Rocky", "missing"], ["Stein", null]],\n' +
        '          "replication": [["Rocky", "complete"]]\n' +
        '        }\n',
    );
    expect(JSON.parse(text)).toEqual(registry);
    expect(formatRegistry(JSON.parse(text))).toBe(text);
    // Everything else keeps JSON.stringify's layout.
    delete (registry.drivers[0] as { upstream?: unknown }).upstream;
    expect(formatRegistry(registry)).toBe(JSON.stringify(canonicalize(registry), null, 2) + '\n');
  });

  it('keeps odd values of in_tree and features on their line without losing them', () => {
    const odd = {
      drivers: [
        { upstream: { in_tree: [{ a: [] }, null], features: { x: { y: [1, {}] }, z: 'text', e: [] } } },
        { upstream: 'none' },
      ],
    };
    const text = formatRegistry(odd);
    expect(text).toContain('"in_tree": [{ "a": [] }, null],');
    expect(text).toContain('"x": { "y": [1, {}] },');
    expect(text).toContain('"z": "text",');
    expect(text).toContain('"e": []\n');
    expect(JSON.parse(text)).toEqual(odd);
    expect(formatRegistry(JSON.parse(text))).toBe(text);
  });
});

describe('formatRuns', () => {
  const run = (n: number, ok: boolean) => ({
    ci_result: ok,
    patch_set: 2,
    change_number: n,
    timestamp: `2024-05-0${n}T10:00:00Z`,
  });
  const runs = () => ({
    drivers: [
      {
        recent: { Caracal: [run(3, true), run(2, false), run(1, true)], Bobcat: [run(4, true)] },
        name: 'Acme iSCSI driver',
        vendor: 'Acme',
        project_id: 'openstack/cinder',
      },
      { project_id: 'openstack/nova', vendor: 'Acme', name: 'Acme hypervisor', recent: {} },
    ],
    $schema: './schema/runs.schema.json',
  });

  it('writes each run on one line, in schema key order, and reads its own output back unchanged', () => {
    const text = formatRuns(runs());
    expect(text).toBe(
      [
        '{',
        '  "$schema": "./schema/runs.schema.json",',
        '  "drivers": [',
        '    {',
        '      "project_id": "openstack/cinder",',
        '      "vendor": "Acme",',
        '      "name": "Acme iSCSI driver",',
        '      "recent": {',
        // Releases keep the order they come in: the registry's, when saveRegistry splits a canonical one.
        '        "Caracal": [',
        '          { "timestamp": "2024-05-03T10:00:00Z", "change_number": 3, "patch_set": 2, "ci_result": true },',
        '          { "timestamp": "2024-05-02T10:00:00Z", "change_number": 2, "patch_set": 2, "ci_result": false },',
        '          { "timestamp": "2024-05-01T10:00:00Z", "change_number": 1, "patch_set": 2, "ci_result": true }',
        '        ],',
        '        "Bobcat": [',
        '          { "timestamp": "2024-05-04T10:00:00Z", "change_number": 4, "patch_set": 2, "ci_result": true }',
        '        ]',
        '      }',
        '    },',
        '    {',
        '      "project_id": "openstack/nova",',
        '      "vendor": "Acme",',
        '      "name": "Acme hypervisor",',
        '      "recent": {}',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(text)).toEqual(runs());
    expect(formatRuns(JSON.parse(text))).toBe(text);
  });

  it('keeps odd values on their line without losing them', () => {
    const odd = {
      drivers: [
        { recent: { X: [{ a: [1, { b: null }], c: {} }, 7, []], Y: 'none' }, extra: [1, 2] },
        { recent: [1] },
        null,
      ],
      zzz: true,
    };
    const text = formatRuns(odd);
    expect(text).toContain('\n          { "a": [1, { "b": null }], "c": {} },\n          7,\n          []\n');
    expect(text).toContain('"Y": "none"');
    expect(JSON.parse(text)).toEqual(odd);
    expect(formatRuns(JSON.parse(text))).toBe(text);
    expect(formatRuns([3, 1])).toBe('[\n  3,\n  1\n]\n');
    const proto = JSON.parse('{"drivers": [], "__proto__": {"a": 1}}');
    expect(JSON.parse(formatRuns(proto))).toEqual(proto);
  });
});

import { describe, expect, it } from 'vitest';
import { apiDrivers, apiProjects, apiReleases, apiVendors } from '../../../dashboard/src/lib/api.ts';
import { buildClientIndex, decodeDriver } from '../../../dashboard/src/lib/client-index.ts';
import { driversCsv } from '../../../dashboard/src/lib/csv.ts';
import { buildModel, releaseSpan } from '../../../dashboard/src/lib/model.ts';
import {
  normalizeRegistry,
  normalizeRuns,
  RegistryShapeError,
} from '../../../dashboard/src/lib/normalize.ts';
import { fixtureRegistry, HOSTILE_EMAIL } from '../helpers/fixture.ts';

const now = Date.UTC(2024, 4, 31);
const model = buildModel(normalizeRegistry(fixtureRegistry(now), 'fixture.json'));

describe('normalizeRegistry', () => {
  it('says where a file is not a registry', () => {
    expect(() => normalizeRegistry([], 'data/x.json')).toThrow(RegistryShapeError);
    expect(() => normalizeRegistry({}, 'data/x.json')).toThrow(
      /data\/x\.json: expected a JSON object with a "drivers" array/,
    );
  });

  it('drops entries of the wrong shape and never keeps e-mail', () => {
    const registry = normalizeRegistry(
      {
        projects: [{ id: 'p' }, 7],
        drivers: [
          {
            project_id: 'p',
            vendor: 'V',
            name: 'N',
            maintainers: [{ name: 'M', email: 'm@x.org' }, 'x'],
            releases: ['A', 3],
          },
          { project_id: 'p', vendor: 5, name: 'bad' },
          null,
        ],
      },
      'x.json',
    );
    expect(registry.drivers).toEqual([
      { project_id: 'p', vendor: 'V', name: 'N', maintainers: [{ name: 'M' }], releases: ['A'] },
    ]);
    expect(registry.projects).toEqual([{ id: 'p', name: 'p' }]);
  });
});

describe('normalizeRuns', () => {
  const run = { timestamp: '2025-03-01T10:00:00Z', change_number: 5, patch_set: 2, ci_result: true };

  it('says where a file is not a runs file', () => {
    expect(() => normalizeRuns({ recent: {} }, 'data/x.runs.json')).toThrow(RegistryShapeError);
    expect(() => normalizeRuns([], 'data/x.runs.json')).toThrow(
      /data\/x\.runs\.json: expected a JSON object with a "drivers" array/,
    );
  });

  it('drops entries and runs of the wrong shape, and keeps a hostile release id as data', () => {
    const runs = normalizeRuns(
      {
        drivers: [
          {
            project_id: 'p',
            vendor: 'V',
            name: 'N',
            recent: {
              Epoxy: [run, { ci_result: 'yes' }, null],
              Zed: [{ ...run, timestamp: 'soon' }],
              Ugly: 3,
            },
          },
          { project_id: 'p', vendor: 'V', recent: { Epoxy: [run] } },
          {
            project_id: 'p',
            vendor: 'V',
            name: 'M',
            recent: JSON.parse('{"__proto__": [{"timestamp": "2025-03-01T10:00:00Z", "ci_result": false}]}'),
          },
          7,
        ],
      },
      'x.runs.json',
    );
    expect(runs.drivers).toHaveLength(2);
    expect(runs.drivers[0]).toEqual({ project_id: 'p', vendor: 'V', name: 'N', recent: { Epoxy: [run] } });
    const hostile = runs.drivers[1]!.recent;
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
    expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
    expect(hostile['__proto__']).toEqual([
      { timestamp: '2025-03-01T10:00:00Z', change_number: 0, patch_set: 0, ci_result: false },
    ]);
  });
});

describe('buildModel', () => {
  it('orders drivers by project, vendor and name and links only launchpad ids', () => {
    expect(model.drivers.map((d) => d.name).slice(0, 3)).toEqual(['Acme FC', 'Acme iSCSI', 'Acme-FC']);
    const hostile = model.drivers.find((d) => d.vendor.startsWith('Evil'))!;
    expect(hostile.wikiHref).toBeUndefined();
    expect(hostile.maintainers).toEqual([
      {
        name: 'Mallory <i>M</i>',
        href: 'https://launchpad.net/~mallory',
        irc: undefined,
        launchpadId: 'mallory',
      },
    ]);
    expect(hostile.status.evidence.Stein!.url).toBeUndefined();
  });

  it('writes claimed releases as ranges in release order', () => {
    const order = ['Kilo', 'Liberty', 'Mitaka', 'Newton', 'Ocata'];
    expect(releaseSpan(['Kilo', 'Liberty', 'Mitaka', 'Ocata'], order)).toBe('Kilo–Mitaka, Ocata');
    expect(releaseSpan(['Kilo', 'Liberty'], order)).toBe('Kilo, Liberty');
    expect(releaseSpan([], order)).toBe('');
  });
});

describe('files for machines', () => {
  it('serves drivers in the original API shape without e-mail', () => {
    const { drivers } = apiDrivers(model);
    const iscsi = drivers.find((d) => d.name === 'Acme iSCSI')!;
    expect(iscsi.releases.queens).toMatchObject({
      ci_tested: true,
      ci_result: false,
      timestamp: (now - 5 * 86_400_000) / 1000,
    });
    expect(iscsi.releases_info).toEqual([
      { release_id: 'queens', name: 'Queens', wiki: 'https://releases.openstack.org/queens/' },
      { release_id: 'rocky', name: 'Rocky', wiki: 'https://releases.openstack.org/rocky/' },
    ]);
    expect(JSON.stringify(drivers)).not.toContain(HOSTILE_EMAIL);
    expect(drivers.find((d) => d.name === 'Switch 10')!.releases).toEqual({ stein: { ci_tested: false } });
  });

  it('lists releases newest first, projects and vendors', () => {
    expect(apiReleases(model).releases.map((r) => r.id)).toEqual(['stein', 'rocky', 'queens']);
    expect(apiProjects(model).project_ids[0]).toEqual({
      id: 'openstack/cinder',
      text: 'Cinder (Block Storage)',
    });
    expect(apiVendors(model).vendors.find((v) => v.id === 'Acme')).toMatchObject({
      drivers: 3,
      page: 'vendors/acme/',
    });
  });

  it('ships a browser index that decodes to the same status input', () => {
    const index = buildClientIndex(model, now, 30);
    const decoded = index.drivers.map((d) => decodeDriver(d, index.releases));
    expect(decoded.map((d) => d.status)).toEqual(model.drivers.map((d) => d.status));
    expect(decoded.map((d) => d.inTree)).toEqual(model.drivers.map((d) => d.upstream?.in_tree ?? []));
    expect(JSON.stringify(index)).not.toContain(HOSTILE_EMAIL);
  });

  it('exports the table as CSV with the status at build time', () => {
    const lines = driversCsv(model, now, 30, '/driverlog/').split('\r\n');
    expect(lines.find((l) => l.includes('Acme iSCSI'))).toContain(',passing,Rocky,');
    expect(lines.find((l) => l.includes('hostile'))).toMatch(
      /^openstack\/nova,Nova \(Compute\),Evil <b>Corp<\/b>,'=SUM/,
    );
  });
});

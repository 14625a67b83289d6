import { describe, expect, it } from 'vitest';
import { apiDrivers, apiProjects, apiReleases, apiVendors } from '../../../dashboard/src/lib/api.ts';
import {
  buildClientIndex,
  compactTreeSignal,
  decodeDriver,
} from '../../../dashboard/src/lib/client-index.ts';
import { driversCsv } from '../../../dashboard/src/lib/csv.ts';
import { releaseSpan } from '../../../dashboard/src/lib/release-views.ts';
import { treeSignal } from '../../../dashboard/src/lib/signals.ts';
import { HOSTILE_EMAIL } from '../helpers/fixture.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const now = Date.UTC(2024, 4, 31);
const model = fixtureModel(now);
const driver = (name: string) => model.drivers.find((d) => d.name === name)!;

describe('buildModel', () => {
  it('orders drivers as the registry does (project, vendor, name) and links only launchpad ids', () => {
    expect(model.drivers.map((d) => d.name).slice(0, 3)).toEqual(['Acme FC', 'Acme iSCSI', 'Acme-FC']);
    expect(model.drivers.filter((d) => d.projectId === 'openstack/neutron').map((d) => d.vendor)).toEqual([
      'Beta Networks',
      'Vendor 10',
      'Vendor 2',
    ]);
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

  it('names the newest maintained release and the one in development', () => {
    expect(model.roles).toEqual({ maintained: 'Stein', development: 'Train' });
  });

  it('files drivers under their company, by its id, and keeps its former names for redirects', () => {
    expect(driver('Dell PowerMax')).toMatchObject({ vendorId: 'dell', vendorName: 'Dell' });
    expect(model.vendors.find((v) => v.id === 'dell')).toMatchObject({ aliases: ['Dell EMC', 'EMC'] });
    expect(driver('Switch 10').vendorId).toBe('vendor-10');
    expect([...model.formerVendorSlugs]).toEqual([
      ['dell-emc', 'dell'],
      ['emc', 'dell'],
    ]);
  });

  it('derives when a driver left the tree, and marks drivers of retired projects', () => {
    expect(driver('Acme-FC').removedIn).toBe('Rocky');
    expect(driver('Acme FC').removedIn).toBeUndefined();
    expect(driver('Fuel plugin').retiredOn).toBe('2017-06-20');
  });

  it('knows which Gerrit projects were scanned, and when', () => {
    expect(driver('Acme FC').scan?.at).toBe(now - 86_400_000);
    expect(driver('Zeta compute').scan).toEqual({});
    expect(driver('Initech NAS').scan).toBeUndefined();
    expect(driver('Initech NAS').status.scanned).toBe(false);
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
    expect(apiReleases(model).releases.map((r) => r.id)).toEqual([
      'train',
      'stein',
      'rocky',
      'queens',
      'pike',
      'ocata',
      'newton',
    ]);
    expect(apiProjects(model).project_ids[0]).toEqual({
      id: 'openstack/cinder',
      text: 'Cinder (Block Storage)',
    });
    expect(apiVendors(model).vendors.find((v) => v.id === 'Acme')).toMatchObject({
      drivers: 3,
      page: 'vendors/acme/',
    });
  });

  it('ships a browser index that decodes to the same status input and tree signals', () => {
    const index = buildClientIndex(model, now, 30);
    const decoded = index.drivers.map((d) => decodeDriver(d, index));
    expect(decoded.map((d) => d.status)).toEqual(model.drivers.map((d) => d.status));
    const projects = new Map(model.projects.map((p) => [p.id, p]));
    model.releases.forEach((release, at) => {
      expect(decoded.map((d) => compactTreeSignal(d.tree, at))).toEqual(
        model.drivers.map((d) => treeSignal(d, projects.get(d.projectId)!, release.id, model.releases)),
      );
    });
    expect(decoded.find((d) => d.name === 'Dell PowerMax')).toMatchObject({
      vendorAliases: ['Dell EMC', 'EMC'],
    });
    expect(JSON.stringify(index)).not.toContain(HOSTILE_EMAIL);
  });

  it('exports the table as CSV with the headline status at build time', () => {
    const lines = driversCsv(model, now, 30, '/driverlog/').split('\r\n');
    expect(lines.find((l) => l.includes('Zeta compute'))).toContain(',passing,Stein,');
    expect(lines.find((l) => l.includes('Acme iSCSI'))).toContain(',no CI evidence,,');
    expect(lines.find((l) => l.includes('hostile'))).toMatch(
      /^openstack\/nova,Nova \(Compute\),Evil <b>Corp<\/b>,'=SUM/,
    );
  });
});

// `driverlog upgrade` end to end, in-process through the real entry point: a fixture registry and its runs file
// on disk, a deployment's config files for cinder (three back ends, one unsupported at the target), manila, nova,
// neutron's ML2 and ironic, and each output format.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../backend/cli/main.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Registry } from '../../backend/model/types.ts';
import { fakeIo } from '../helpers/fake-io.ts';
import { upgradeRegistry } from './upgrade-fixture.ts';

const AS_OF = '2026-12-01';
const NOW = Date.parse(`${AS_OF}T00:00:00Z`);
const dir = mkdtempSync(join(tmpdir(), 'driverlog-upgrade-'));
const SECRETS = ['hunter2', 'novapass', 'sharepass', 'rabbitpass'];

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

function writeRegistry(name: string, registry: Registry): string {
  const files = formatFiles(registry);
  writeFileSync(join(dir, `${name}.json`), files.text);
  if (files.runsText !== undefined) writeFileSync(join(dir, `${name}.runs.json`), files.runsText);
  return `${name}.json`;
}

const data = writeRegistry('registry', upgradeRegistry(NOW));

write(
  'cinder.conf',
  `[DEFAULT]
enabled_backends = acme, gamma, zeta
transport_url = rabbit://openstack:rabbitpass@mq:5672/
[acme]
volume_driver = cinder.volume.drivers.acme.iscsi.AcmeISCSIDriver
san_password = hunter2%
[gamma]
volume_driver = cinder.volume.drivers.gamma_nfs.Driver
[zeta]
volume_driver = cinder.volume.drivers.zeta_nvme.Driver
`,
);
write(
  'manila.conf',
  `[DEFAULT]
enabled_share_backends = ontap
[ontap]
share_driver = manila.share.drivers.netapp.common.NetAppDriver
netapp_password = sharepass
`,
);
write(
  'nova.conf',
  `[DEFAULT]
compute_driver = libvirt.LibvirtDriver
[database]
connection = mysql+pymysql://nova:novapass@db/nova
`,
);
write('ml2_conf.ini', '[ml2]\nmechanism_drivers = ovn,linuxbridge\ntype_drivers = geneve\n');
write('ironic.conf', '[DEFAULT]\nenabled_hardware_types = ipmi, irmc\n');
const CONFIGS = ['cinder.conf', 'manila.conf', 'nova.conf', 'ml2_conf.ini', 'ironic.conf'];

async function upgrade(...args: string[]) {
  const { io, out } = fakeIo(dir);
  const code = await main(['upgrade', '--data', data, '--as-of', AS_OF, ...args], io);
  for (const secret of SECRETS) expect(out.stdout + out.stderr).not.toContain(secret);
  return { code, ...out };
}

const withConfigs = (...args: string[]) => [...CONFIGS.flatMap((file) => ['--config', file]), ...args];

describe('driverlog upgrade', () => {
  it('judges the drivers the config files enable, as JSON in exactly the documented shape', async () => {
    const { code, stdout, stderr } = await upgrade(
      '--from',
      'Epoxy',
      '--to',
      'Hibiscus',
      ...withConfigs('--format', 'json'),
    );
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as {
      from: string;
      to: string;
      drivers: Array<{
        name: string;
        verdict: string;
        reasons: Array<Record<string, string>>;
        gained: string[];
      }>;
    };
    expect(Object.keys(report)).toEqual(['from', 'to', 'drivers']);
    expect([report.from, report.to]).toEqual(['Epoxy', 'Hibiscus']);
    expect(report.drivers.map((d) => [d.name, d.verdict])).toEqual([
      ['Acme iSCSI', 'ok'],
      ['Gamma NFS', 'blocked'],
      ['Zeta NVMe', 'attention'],
      ['iRMC', 'blocked'],
      ['IPMI', 'attention'],
      ['NetApp ONTAP', 'attention'],
      ['Linux bridge', 'blocked'],
      ['OVN', 'attention'],
      ['Libvirt', 'attention'],
    ]);
    const byName = new Map(report.drivers.map((d) => [d.name, d]));
    expect(Object.keys(byName.get('Acme iSCSI')!)).toEqual([
      'project_id',
      'vendor',
      'name',
      'verdict',
      'reasons',
      'gained',
    ]);
    expect(byName.get('Acme iSCSI')!.gained).toEqual(['qos']);
    expect(byName.get('Gamma NFS')!.reasons).toEqual([
      {
        kind: 'unsupported',
        release: 'Hibiscus',
        source: 'openstack/cinder support matrix at stable/2026.2 (supported: missing)',
      },
    ]);
    expect(byName.get('Zeta NVMe')!.reasons).toEqual([
      {
        kind: 'failing',
        release: 'Hibiscus',
        source: 'CI record for Hibiscus, newest run 2026-11-30T00:00:00Z',
        url: 'https://review.example.org/c/openstack/cinder/+/9000',
      },
    ]);
    expect(byName.get('Linux bridge')!.reasons.map((r) => [r.kind, r.release])).toEqual([
      ['removed', 'Epoxy'],
      ['no-ci-evidence', 'Hibiscus'],
      ['unknown-at-from', 'Epoxy'],
    ]);
  });

  it('prints one block per driver, verdict first, blocked ones first', async () => {
    const { code, stdout } = await upgrade('--from', 'Epoxy', '--to', 'Hibiscus', '--config', 'cinder.conf');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Upgrade Epoxy → Hibiscus, through Flamingo and Gazpacho: 1 blocked, 1 needs attention, 1 ok

blocked: openstack/cinder · Gamma · Gamma NFS
  - unsupported by the project at Hibiscus
      source: openstack/cinder support matrix at stable/2026.2 (supported: missing)

needs attention: openstack/cinder · Zeta · Zeta NVMe
  - CI failing on Hibiscus: its newest 3 runs failed (2 of the last 5 passed)
      source: CI record for Hibiscus, newest run 2026-11-30T00:00:00Z  https://review.example.org/c/openstack/cinder/+/9000

ok: openstack/cinder · Acme · Acme iSCSI
  gains: qos
`,
    );
  });

  it('writes Markdown for a change ticket, with registry text escaped', async () => {
    const registry = upgradeRegistry(NOW);
    registry.drivers.find((d) => d.name === 'Gamma NFS')!.name = 'Gamma *NFS* <img src=x> | [x](https-evil)';
    const hostile = writeRegistry('hostile', registry);
    const { io, out } = fakeIo(dir);
    const code = await main(
      [
        'upgrade',
        '--data',
        hostile,
        '--as-of',
        AS_OF,
        '--from',
        'Epoxy',
        '--to',
        'Hibiscus',
        '--config',
        'cinder.conf',
        '--format',
        'markdown',
      ],
      io,
    );
    expect(code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('# Upgrade readiness: Epoxy → Hibiscus');
    expect(lines.filter((line) => line.startsWith('## '))).toEqual([
      '## Blocked: 1',
      '## Needs attention: 1',
      '## OK: 1',
    ]);
    expect(out.stdout).toContain(
      '- **Gamma** Gamma \\*NFS\\* &#60;img src=x&#62; &#124; \\[x\\](https-evil) (openstack/cinder): blocked',
    );
    expect(out.stdout).toContain(
      '  - CI failing on Hibiscus: its newest 3 runs failed (2 of the last 5 passed); source: [CI record for Hibiscus, newest run 2026-11-30T00:00:00Z](https://review.example.org/c/openstack/cinder/+/9000)',
    );
    expect(out.stdout).not.toMatch(/<img/);
  });

  it('judges every driver of a project in the tree or claimed at --from without config files', async () => {
    const { code, stdout } = await upgrade(
      '--from',
      'Epoxy',
      '--to',
      'Hibiscus',
      '--project',
      'openstack/ironic',
    );
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((line) => /^\S.*: openstack\//.test(line))).toEqual([
      'blocked: openstack/ironic · Fujitsu · iRMC',
      'needs attention: openstack/ironic · Generic · IPMI',
    ]);
  });

  it('adds the drivers named with --driver, and exits 1 on --fail-on', async () => {
    const kappa = ['--driver', 'openstack/cinder:Kappa:Kappa FC'];
    const acme = ['--driver', 'openstack/cinder:Acme:Acme iSCSI'];
    expect(
      (await upgrade('--from', 'Epoxy', '--to', 'Hibiscus', ...kappa, '--fail-on', 'blocked')).code,
    ).toBe(0);
    const attention = await upgrade(
      '--from',
      'Epoxy',
      '--to',
      'Hibiscus',
      ...kappa,
      '--fail-on',
      'attention',
    );
    expect(attention.code).toBe(1);
    expect(attention.stdout).toContain('neither claimed for Epoxy nor in the project');
    expect(
      (await upgrade('--from', 'Epoxy', '--to', 'Hibiscus', ...acme, '--fail-on', 'attention')).code,
    ).toBe(0);
    const blocked = await upgrade(
      '--from',
      'Epoxy',
      '--to',
      'Hibiscus',
      ...withConfigs('--fail-on', 'blocked'),
    );
    expect(blocked.code).toBe(1);
  });

  it('reports a config value that is no registry driver at FILE:LINE with the closest known, and goes on', async () => {
    write(
      'typo.conf',
      '[DEFAULT]\nenabled_backends = a\n[a]\nvolume_driver = cinder.volume.drivers.acme.iscsi.AcmeISCSIDrivr\n',
    );
    const partly = await upgrade(
      '--from',
      'Epoxy',
      '--to',
      'Hibiscus',
      '--config',
      'typo.conf',
      '--config',
      'nova.conf',
    );
    expect(partly.code).toBe(0);
    expect(partly.stderr).toBe(
      'driverlog upgrade: typo.conf:4: [a] volume_driver = cinder.volume.drivers.acme.iscsi.AcmeISCSIDrivr is no openstack/cinder driver of the registry (matched by upstream_classes); closest known: cinder.volume.drivers.acme.iscsi.AcmeISCSIDriver, cinder.volume.drivers.delta_iscsi.Driver, cinder.volume.drivers.eta_iscsi.Driver\n',
    );
    expect(partly.stdout).toContain('openstack/nova · OpenStack · Libvirt');
    const nothing = await upgrade('--from', 'Epoxy', '--to', 'Hibiscus', '--config', 'typo.conf');
    expect(nothing.code).toBe(2);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toContain('typo.conf:4: ');
    expect(nothing.stderr).toContain(
      'nothing the config files enable is a driver of the registry (1 value read)',
    );
  });

  it.each([
    [
      ['--from', 'Epoxi', '--to', 'Hibiscus'],
      /--from "Epoxi" is not a release of the registry \(did you mean Epoxy\?\)/,
    ],
    [['--from', 'Hibiscus', '--to', 'Epoxy'], /--to Epoxy is before --from Hibiscus/],
    [['--from', 'Epoxy'], /name both releases/],
    [
      ['--from', 'Epoxy', '--to', 'Hibiscus', '--config', 'missing.conf'],
      /cannot read the config file missing\.conf: no such file/,
    ],
    [
      ['--from', 'Epoxy', '--to', 'Hibiscus', '--config', 'ml2_conf.ini', '--format', 'yaml'],
      /--format must be one of text, markdown, json/,
    ],
    [['--from', 'Epoxy', '--to', 'Hibiscus', '--fail-on', 'blockd'], /did you mean blocked\?/],
    [
      ['--from', 'Epoxy', '--to', 'Hibiscus', '--project', 'openstack/cindr'],
      /did you mean openstack\/cinder\?/,
    ],
    [
      ['--from', 'Epoxy', '--to', 'Hibiscus', '--driver', 'openstack/cinder:Acme:Acme iscsi'],
      /did you mean "openstack\/cinder:Acme:Acme iSCSI"\?/,
    ],
  ])('refuses %j with a usage error (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await upgrade(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses a config file that is not INI at FILE:LINE, without showing the line', async () => {
    write('broken.conf', '[DEFAULT]\nenabled_backends = a\nhunter2 is my password\n');
    const { code, stderr } = await upgrade('--from', 'Epoxy', '--to', 'Hibiscus', '--config', 'broken.conf');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^driverlog upgrade: broken\.conf:3: this line is not a \[section\]/);
  });
});

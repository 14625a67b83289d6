import { acme, edit, editRuns, run, type FailingCase, type PassingRuns } from '../failing-case.ts';

// Runs nothing shows: harmless until the next `driverlog update` drops them, so a warning.
export const failingCases: FailingCase[] = [
  {
    check: 'runs-without-record',
    severity: 'warning',
    runs: () => editRuns((f) => (f.drivers[0]!.recent.Queens = [run({ timestamp: '2018-03-01T10:00:00Z' })])),
    pointer: '/drivers/0/recent/Queens',
    message:
      /^runs of openstack\/cinder:Acme:Acme iSCSI driver on Queens belong to no verification record in the registry$/,
    hint: /the next `driverlog update` drops them/,
  },
  {
    // The driver was renamed by hand in the registry: its runs still carry the old name.
    check: 'runs-without-record',
    severity: 'warning',
    registry: () => edit((r) => (acme(r).name = 'Acme iSCSI')),
    runs: () => editRuns(),
    pointer: '/drivers/0/recent/Rocky',
    message: /^runs of openstack\/cinder:Acme:Acme iSCSI driver on Rocky belong to no verification record/,
  },
];

export const passingRuns: PassingRuns[] = [
  { name: 'a runs file without drivers', runs: () => ({ drivers: [] }) },
  {
    name: 'every entry and release matches a record of the registry',
    registry: () =>
      edit((r) => {
        const rocky = acme(r).verification!.Rocky!;
        acme(r).verification!.Queens = {
          ...rocky,
          branch: 'stable/queens',
          timestamp: '2018-03-01T10:00:00Z',
        };
        r.drivers[1]!.verification = { Rocky: { ...rocky, ci_result: false } };
      }),
    runs: () =>
      editRuns((f) => {
        f.$schema = './schema/runs.schema.json';
        f.drivers[0]!.recent = {
          Queens: [run({ timestamp: '2018-03-01T10:00:00Z' })],
          Rocky: [run(), run({ timestamp: '2018-08-31T10:00:00Z', change_number: 600000, ci_result: false })],
        };
        f.drivers.push({
          project_id: 'openstack/nova',
          vendor: 'Acme',
          name: 'Acme hypervisor',
          recent: { Rocky: [run({ ci_result: false })] },
        });
      }),
  },
];

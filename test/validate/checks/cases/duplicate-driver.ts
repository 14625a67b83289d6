import { edit, editRuns, withVendors, type FailingCase } from '../failing-case.ts';

// The second "Acme hypervisor" of openstack/nova differs from drivers[1] only in what a reader cannot see.
const twin = (name: string): FailingCase => ({
  check: 'duplicate-driver',
  registry: () => edit((r) => r.drivers.push({ project_id: 'openstack/nova', vendor: 'Acme', name })),
  pointer: '/drivers/2',
  message: /is already listed as drivers\[1\]/,
  hint: /merge the two entries/,
});

export const failingCases: FailingCase[] = [
  twin('Acme\thypervisor'),
  twin('Acme  hypervisor'),
  twin(' Acme hypervisor'),
  twin('Acme hyper\u200bvisor'),
  // One company under two of its names: a spelling of Acme, and (with a vendors list) its former name.
  {
    check: 'duplicate-driver',
    registry: () =>
      edit((r) => r.drivers.push({ project_id: 'openstack/nova', vendor: 'Ac-me', name: 'Acme hypervisor' })),
    pointer: '/drivers/2',
    message: /^driver "Ac-me \/ Acme hypervisor" of openstack\/nova is already listed as drivers\[1\]$/,
  },
  {
    check: 'duplicate-driver',
    registry: () =>
      withVendors((r) =>
        r.drivers.push({ project_id: 'openstack/nova', vendor: 'Zenith', name: 'Acme hypervisor' }),
      ),
    pointer: '/drivers/2',
    message: /^driver "Zenith \/ Acme hypervisor" of openstack\/nova is already listed as drivers\[1\]$/,
  },
  {
    // A bad merge of the runs file: the driver's entry twice.
    check: 'duplicate-driver',
    runs: () => editRuns((f) => f.drivers.push(structuredClone(f.drivers[0]!))),
    pointer: '/drivers/1',
    message: /is already listed as drivers\[0\]/,
    hint: /^remove one of the two: `driverlog update` writes this file with one entry per driver$/,
  },
];

export const passingCases: Array<[string, () => unknown]> = [
  [
    'two companies may each have a driver of one name',
    () =>
      withVendors(
        (r) => r.drivers.push({ project_id: 'openstack/nova', vendor: 'Bolt', name: 'Acme hypervisor' }),
        [{ id: 'bolt', name: 'Bolt' }],
      ),
  ],
];

import { edit, editRuns, type FailingCase } from '../failing-case.ts';

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
  {
    // A bad merge of the runs file: the driver's entry twice.
    check: 'duplicate-driver',
    runs: () => editRuns((f) => f.drivers.push(structuredClone(f.drivers[0]!))),
    pointer: '/drivers/1',
    message: /is already listed as drivers\[0\]/,
    hint: /^remove one of the two: `driverlog update` writes this file with one entry per driver$/,
  },
];

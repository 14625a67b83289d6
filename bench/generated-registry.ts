// Registries for the validate benchmark: one ten times the original's size (2,210 drivers with maintainers, two
// thirds with a CI block, as in the original data), bare as the original was or with one to three verification
// records for each driver with a CI, and one a hostile pull request could make.
import type { Driver, Registry, Release } from '../backend/model/types.ts';

const MONTHS = ['Apr', 'Oct'];
const NAMES = [
  'Austin',
  'Bexar',
  'Cactus',
  'Diablo',
  'Essex',
  'Folsom',
  'Grizzly',
  'Havana',
  'Icehouse',
  'Juno',
  'Kilo',
  'Liberty',
  'Mitaka',
  'Newton',
  'Ocata',
  'Pike',
  'Queens',
  'Rocky',
  'Stein',
  'Train',
  'Ussuri',
  'Victoria',
  'Wallaby',
  'Xena',
  'Yoga',
  'Zed',
];

export interface GeneratedOptions {
  /** Whether drivers with a CI carry verification records (default true); the original data had none. */
  evidence?: boolean;
}

export function generateRegistry(driverCount: number, { evidence = true }: GeneratedOptions = {}): Registry {
  const projects = [
    'cinder',
    'designate',
    'glance',
    'ironic',
    'manila',
    'neutron',
    'nova',
    'octavia',
    'sahara',
    'swift',
  ].map((name) => ({ id: `openstack/${name}`, name: name[0]!.toUpperCase() + name.slice(1) }));
  const releases: Release[] = NAMES.map((id, i) => ({
    id,
    wiki: `https://releases.openstack.org/${id.toLowerCase()}/`,
    start: `${2010 + Math.floor(i / 2)}-${MONTHS[i % 2]}-15`,
    active: i >= NAMES.length - 4,
  }));
  const drivers: Driver[] = Array.from({ length: driverCount }, (_, i) => {
    const project = projects[i % projects.length]!;
    const vendor = `Vendor ${String(Math.floor(i / 7)).padStart(4, '0')}`;
    const job = `vendor-${Math.floor(i / 7)}-${project.name.toLowerCase()}-driver-${i % 7}`;
    const claimed = NAMES.slice(NAMES.length - 4 - (i % 6), NAMES.length);
    const hasCi = i % 3 !== 2;
    const verification: NonNullable<Driver['verification']> = {};
    for (const [k, release] of (hasCi && evidence ? claimed.slice(-1 - (i % 3)) : []).entries()) {
      const passed = (i + k) % 4 !== 0;
      verification[release] = {
        ci_result: passed,
        review_url: `https://review.opendev.org/c/${project.id}/+/${700000 + i * 3 + k}`,
        change_number: 700000 + i * 3 + k,
        patch_set: 1 + (k % 3),
        branch: release === 'Zed' ? 'master' : `stable/${release.toLowerCase()}`,
        ci_id: `vendor-${Math.floor(i / 7)}-ci`,
        comment: `- ${job} https://ci.example.org/logs/${i}/${k} : ${passed ? 'SUCCESS' : 'FAILURE'} in 1h 0${k}m 00s`,
        timestamp: `2024-0${1 + (k % 9)}-1${k}T10:00:0${k}Z`,
        ...(passed
          ? {}
          : {
              last_success: {
                review_url: `https://review.opendev.org/c/${project.id}/+/${600000 + i}`,
                timestamp: '2023-12-01T08:00:00Z',
              },
            }),
      };
    }
    return {
      project_id: project.id,
      vendor,
      name: `${vendor} ${project.name} driver ${i % 7}`,
      description: `The ${vendor} driver for ${project.name}, supporting replication, snapshots and thin provisioning.`,
      maintainers: Array.from({ length: 1 + (i % 2) }, (_, m) => ({
        name: `Maintainer ${i}-${m}`,
        email: `maintainer.${i}.${m}@vendor${Math.floor(i / 7)}.example.com`,
        irc: `maint${i}${m}`,
      })),
      wiki: `https://docs.example.com/vendor-${Math.floor(i / 7)}/${project.name.toLowerCase()}`,
      releases: claimed,
      ...(hasCi
        ? {
            ci: {
              id: `vendor-${Math.floor(i / 7)}-ci`,
              success_pattern: `${job} \\S+ : SUCCESS`,
              failure_pattern: `${job} \\S+ : FAILURE`,
            },
            ...(evidence ? { verification } : {}),
          }
        : {}),
    };
  });
  return { projects, releases, drivers };
}

/**
 * A registry a hostile pull request could make, of about `bytes` bytes: every field as long as it can be
 * and far longer, the patterns that once hung or slowed validation, names that imitate others, and
 * ordinary drivers for the rest.
 */
export function hostileRegistry(bytes: number): Registry {
  const registry = generateRegistry(Math.round(bytes / 6_000));
  const base = registry.drivers[0]!;
  const hostile: Driver[] = [];
  const add = (i: number, change: Partial<Driver>, ci?: Partial<NonNullable<Driver['ci']>>): void => {
    hostile.push({
      ...base,
      vendor: `Hostile ${String(i).padStart(4, '0')}`,
      name: `Hostile driver ${i}`,
      ...change,
      ...(ci ? { ci: { id: `hostile-${i}-ci`, success_pattern: 'x', failure_pattern: 'y', ...ci } } : {}),
    });
  };
  const patterns = [
    'acme-job [[:a] (ok)+ SUCCESS',
    '[[:a][\\]]{0,3}()*',
    `(${Array.from({ length: 150 }, (_, k) => (k % 2 ? 'a?' : 'b')).join('|')})*`.slice(0, 1000),
    '(x+x+)+y'.repeat(120),
    '\\p{Nope}+'.repeat(100),
    `${'('.repeat(300)}a${')*'.repeat(300)}`,
  ];
  let size = JSON.stringify(registry).length;
  for (let i = 0; size < bytes; i++) {
    switch (i % 8) {
      case 0: // once quadratic in published-email: a long run of word characters
        add(i, { description: 'A'.repeat(60_000) });
        break;
      case 1: // a literal pattern far past the cap (once 20 s for 100 KB)
        add(i, {}, { success_pattern: 'acme'.repeat(25_000) });
        break;
      case 2: // patterns at the cap that RE2 must compile, and ReDoS shapes
        add(
          i,
          {},
          {
            success_pattern: patterns[i % patterns.length]!,
            failure_pattern: patterns[(i + 3) % patterns.length]!,
          },
        );
        break;
      case 3: // look-alike names: control, invisible and separator characters, at their caps
        add(i, { vendor: `Acme\u200b${'V'.repeat(60)}`, name: `Acme\tBlock:${'N'.repeat(110)}` });
        break;
      case 4: // an address hidden deep in long text, in a field the job writes
        add(i, {
          verification: {
            Zed: {
              ...Object.values(base.verification ?? {})[0]!,
              comment: `${'w'.repeat(1_990)} a@b.example`,
            },
          },
        });
        break;
      case 5: // a description at its cap, and past it
        add(i, { description: 'Word '.repeat(1_000) + 'x'.repeat(i % 16 === 5 ? 20_000 : 0) });
        break;
      case 6: // hundreds of maintainers with long names
        add(i, {
          maintainers: Array.from({ length: 200 }, (_, m) => ({ name: `Maintainer ${m} ${'m'.repeat(80)}` })),
        });
        break;
      default: // evidence from the future
        add(i, {
          verification: {
            Zed: { ...Object.values(base.verification ?? {})[0]!, timestamp: '2099-01-01T00:00:00Z' },
          },
        });
    }
    size += JSON.stringify(hostile.at(-1)).length;
  }
  return { ...registry, drivers: [...registry.drivers, ...hostile] };
}

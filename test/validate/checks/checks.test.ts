import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks, runsChecks } from '../../../backend/validate/checks/index.ts';
import type { LocatedProblem } from '../../../backend/validate/problem.ts';
import type { Driver } from '../../../backend/model/types.ts';
import { readRegistry } from '../../../backend/validate/read-registry.ts';
import { validateText } from '../../../backend/validate/validate.ts';
import { textOf, validRegistry } from '../../helpers/registry-fixture.ts';
import { acme, ci, edit, editRuns, type FailingCase, type PassingRuns } from './failing-case.ts';

const run = (registry: unknown): LocatedProblem[] => validateText(textOf(registry), 'data.json');

/** A runs file's problems, beside `registry`, as `driverlog validate` finds them. */
const runRuns = (text: string, registry: unknown = validRegistry()): LocatedProblem[] =>
  readRegistry({
    text: textOf(registry),
    runsText: text,
    file: 'data.json',
    runsFile: 'data.runs.json',
  }).problems.filter((problem) => problem.file === 'data.runs.json');

const problemsOf = ({ registry, text, runs, runsText }: FailingCase): LocatedProblem[] => {
  if (runs || runsText) return runRuns(runsText ? runsText() : textOf(runs!()), registry?.());
  return text ? validateText(text(), 'data.json') : run(registry!());
};
const only = (problems: LocatedProblem[], check: string) => problems.filter((p) => p.check === check);

// Checks added later keep their cases beside this suite, one file per check (see failing-case.ts).
const caseFiles = import.meta.glob<{
  failingCases?: FailingCase[];
  passingCases?: Array<[string, () => unknown]>;
  passingRuns?: PassingRuns[];
}>('./cases/*.ts', { eager: true });
const moreFailing = Object.values(caseFiles).flatMap((file) => file.failingCases ?? []);
const morePassing = Object.values(caseFiles).flatMap((file) => file.passingCases ?? []);
const passingRuns = Object.values(caseFiles).flatMap((file) => file.passingRuns ?? []);

// A registry's checks and a runs file's share modules (json-syntax, duplicate-driver, ...).
const everyCheck = [...new Set([...checks, ...runsChecks])];

describe('the check list', () => {
  it('names every module under backend/validate/checks, once, each with a distinct id', () => {
    const modules = readdirSync(new URL('../../../backend/validate/checks/', import.meta.url)).filter(
      (name) => !['check.ts', 'index.ts', 'shape.ts'].includes(name),
    );
    expect(everyCheck.map((check) => `${check.id}.ts`).sort()).toEqual(modules.sort());
    for (const list of [checks, runsChecks]) {
      expect(new Set(list.map((check) => check.id)).size).toBe(list.length);
    }
    for (const check of everyCheck) expect(check.description).not.toBe('');
  });

  it('finds nothing wrong with a valid registry, nor with its runs file', () => {
    expect(run(validRegistry())).toEqual([]);
    expect(runRuns(textOf(editRuns()))).toEqual([]);
  });
});

// Each case breaks one rule: the check must report it once, at the right pointer.
const failing: FailingCase[] = [
  {
    check: 'schema',
    registry: () => edit((r) => delete (ci(r) as Partial<Driver['ci'] & object>).failure_pattern),
    pointer: '/drivers/0/ci',
    message: /^missing required property "failure_pattern"$/,
  },
  {
    check: 'schema',
    registry: () => edit((r) => Object.assign(acme(r).maintainers![0]!, { emial: 'x@example.com' })),
    pointer: '/drivers/0/maintainers/0/emial',
    message: /^unknown property "emial"$/,
    hint: /did you mean "email"\?/,
  },
  {
    check: 'schema',
    registry: () => edit((r) => Object.assign(acme(r), { description: 42 })),
    pointer: '/drivers/0/description',
    message: /^must be a string, not an integer$/,
    hint: /^write text in double quotes here$/,
  },
  {
    check: 'schema',
    registry: () => edit((r) => Object.assign(acme(r), { releases: 'Rocky' })),
    pointer: '/drivers/0/releases',
    message: /^must be an array, not a string$/,
    hint: /^write a list in \[ \]: release series the vendor claims/,
  },
  {
    check: 'unknown-project',
    registry: () => edit((r) => (acme(r).project_id = 'openstack/cindr')),
    pointer: '/drivers/0/project_id',
    message: /project "openstack\/cindr" is not in the projects list/,
    hint: /did you mean "openstack\/cinder"/,
  },
  {
    check: 'unknown-release',
    registry: () => edit((r) => (acme(r).releases = ['Queens', 'Rocki'])),
    pointer: '/drivers/0/releases/1',
    message: /release "Rocki" is not in the releases list/,
    hint: /"Rocky"/,
  },
  {
    check: 'unknown-release',
    registry: () => edit((r) => (acme(r).verification = { Stein: acme(r).verification!.Rocky! })),
    pointer: '/drivers/0/verification/Stein',
    message: /verification for release "Stein"/,
  },
  {
    check: 'duplicate-id',
    registry: () => edit((r) => r.projects.push({ id: 'openstack/nova', name: 'Nova again' })),
    pointer: '/projects/2/id',
    message: /project id "openstack\/nova" repeats projects\[1\]/,
  },
  {
    check: 'duplicate-id',
    registry: () =>
      edit((r) => r.releases!.push({ id: 'Rocky', wiki: 'https://example.org/', start: '2018-08-30' })),
    pointer: '/releases/2/id',
    message: /release id "Rocky" repeats releases\[1\]/,
  },
  {
    check: 'duplicate-driver',
    registry: () =>
      edit((r) => r.drivers.push({ project_id: 'openstack/nova', vendor: 'ACME', name: 'Acme Hypervisor' })),
    pointer: '/drivers/2',
    message: /"ACME \/ Acme Hypervisor" of openstack\/nova is already listed as drivers\[1\]/,
  },
  {
    check: 'order',
    registry: () => edit((r) => r.drivers.reverse()),
    pointer: '/drivers/1',
    message:
      /driver "Acme \/ Acme iSCSI driver" of openstack\/cinder is out of place: it belongs before driver "Acme \/ Acme hypervisor"/,
    hint: /driverlog format/,
  },
  {
    check: 'order',
    registry: () => edit((r) => r.releases!.reverse()),
    pointer: '/releases/1',
    message: /release "Queens" \(2018-Feb-28\) is out of place/,
  },
  {
    check: 'release-date',
    registry: () => edit((r) => (r.releases![0]!.start = '2018-Feb-30')),
    pointer: '/releases/0/start',
    message: /"2018-Feb-30" is not a calendar date/,
  },
  {
    check: 'pattern-syntax',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-(iscsi \\S+ : SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /is not a valid RE2 pattern: missing closing \)/,
  },
  {
    check: 'pattern-syntax',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-iscsi(?! -nv) \\S+ : SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /not a valid RE2 pattern/,
    hint: /RE2 has no lookahead/,
  },
  {
    check: 'pattern-syntax',
    registry: () => edit((r) => (ci(r).failure_pattern = '(acme-iscsi) \\1 : FAILURE')),
    pointer: '/drivers/0/ci/failure_pattern',
    message: /invalid escape sequence/,
    hint: /no backreferences/,
  },
  {
    check: 'pattern-backtracking',
    severity: 'warning',
    registry: () => edit((r) => (ci(r).success_pattern = 'acme-iscsi (a+)+$')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /nested quantifiers in "\(a\+\)\+".*ReDoS.*harmless here/,
    hint: /write "acme-iscsi a\+\$"/,
  },
  {
    check: 'pattern-backtracking',
    severity: 'warning',
    registry: () => edit((r) => (ci(r).failure_pattern = 'acme-iscsi (a|a)* : FAILURE')),
    pointer: '/drivers/0/ci/failure_pattern',
    message: /overlapping alternatives under a quantifier in "\(a\|a\)\*"/,
    hint: /write "acme-iscsi a\* : FAILURE"/,
  },
  {
    check: 'identical-patterns',
    registry: () => edit((r) => (ci(r).failure_pattern = ci(r).success_pattern)),
    pointer: '/drivers/0/ci/failure_pattern',
    message: /of driver "Acme \/ Acme iSCSI driver" are both "acme-iscsi-tempest/,
  },
  {
    check: 'matches-everything',
    registry: () => edit((r) => (ci(r).success_pattern = '(acme-iscsi-tempest \\S+ : SUCCESS)?')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /matches the empty string/,
  },
  {
    check: 'url-scheme',
    registry: () => edit((r) => (acme(r).wiki = 'javascript:alert(1)')),
    pointer: '/drivers/0/wiki',
    message: /uses "javascript:", not http or https/,
  },
  {
    check: 'url-scheme',
    registry: () => edit((r) => (r.releases![1]!.wiki = 'releases/rocky')),
    pointer: '/releases/1/wiki',
    message: /"releases\/rocky" is not an absolute URL/,
  },
  {
    check: 'url-scheme',
    registry: () => edit((r) => (acme(r).verification!.Rocky!.review_url = 'data:text/html,hi')),
    pointer: '/drivers/0/verification/Rocky/review_url',
    message: /uses "data:"/,
  },
  {
    check: 'url-scheme',
    severity: 'warning',
    registry: () => edit((r) => (acme(r).wiki = '')),
    pointer: '/drivers/0/wiki',
    message: /wiki is empty/,
  },
  {
    check: 'broad-pattern',
    severity: 'warning',
    registry: () => edit((r) => (ci(r).success_pattern = ': SUCCESS')),
    pointer: '/drivers/0/ci/success_pattern',
    message: /also matches "- unrelated-job https:\/\/logs.example.org\/1 : SUCCESS in 1h 02m 03s"/,
    hint: /anchor the pattern on the driver's own job name/,
  },
  {
    check: 'broad-pattern',
    severity: 'warning',
    registry: () => edit((r) => (ci(r).failure_pattern = 'Build failed')),
    pointer: '/drivers/0/ci/failure_pattern',
    message: /also matches "Build failed."/,
  },
  {
    check: 'swapped-patterns',
    severity: 'warning',
    registry: () =>
      edit((r) =>
        Object.assign(ci(r), {
          success_pattern: 'acme-iscsi-tempest \\S+ : FAILURE',
          failure_pattern: 'acme-iscsi-tempest \\S+ : SUCCESS',
        }),
      ),
    pointer: '/drivers/0/ci/success_pattern',
    message: /success_pattern "acme-iscsi-tempest \\\\S\+ : FAILURE" reads like a failure pattern/,
    hint: /swapped/,
  },
  {
    check: 'swapped-patterns',
    severity: 'warning',
    registry: () =>
      edit((r) =>
        Object.assign(ci(r), { success_pattern: 'Build failed.', failure_pattern: 'Build succeeded.' }),
      ),
    pointer: '/drivers/0/ci/failure_pattern',
    message: /failure_pattern "Build succeeded." matches the success line "Build succeeded."/,
  },
  {
    check: 'repeated-release',
    severity: 'warning',
    registry: () => edit((r) => (acme(r).releases = ['Queens', 'Rocky', 'Queens'])),
    pointer: '/drivers/0/releases/2',
    message: /release "Queens" is listed twice \(also at releases\[0\]\)/,
  },
  {
    check: 'whitespace',
    severity: 'warning',
    registry: () => edit((r) => (acme(r).name = 'Acme iSCSI driver ')),
    pointer: '/drivers/0/name',
    message: /has leading or trailing spaces/,
    hint: /write "Acme iSCSI driver"/,
  },
  {
    check: 'vendor-spelling',
    severity: 'warning',
    registry: () =>
      edit((r) => {
        r.drivers.push({ project_id: 'openstack/nova', vendor: 'ACME', name: 'Acme volume attach' });
      }),
    pointer: '/drivers/2/vendor',
    message: /vendor "ACME" is spelled "Acme" by 2 other driver/,
  },
  {
    check: 'published-email',
    registry: () => edit((r) => (acme(r).maintainers = [{ name: 'Ada Lovelace <ada@acme.example>' }])),
    pointer: '/drivers/0/maintainers/0/name',
    message: /contains the e-mail address "ada@acme.example", which the dashboard and API would publish/,
    hint: /Launchpad id or IRC nick/,
  },
];

const isRunsCase = (c: FailingCase): boolean => c.runs !== undefined || c.runsText !== undefined;

describe('every check', () => {
  it.each(checks.map((check) => check.id))('%s has a failing case', (id) => {
    expect([...failing, ...moreFailing].some((c) => c.check === id && !isRunsCase(c))).toBe(true);
  });

  it.each(runsChecks.map((check) => check.id))('%s has a failing case in a runs file', (id) => {
    expect(moreFailing.some((c) => c.check === id && isRunsCase(c))).toBe(true);
  });
});

describe.each(
  [...failing, ...moreFailing].map((c) => ({ ...c, file: isRunsCase(c) ? 'runs file' : 'registry' })),
)('$check: $file $pointer', (failingCase) => {
  const { check, severity = 'error', pointer, message, hint } = failingCase;
  it('is reported with where and how to fix it', () => {
    const problems = problemsOf(failingCase);
    const found = only(problems, check).filter((problem) => problem.pointer === pointer);
    expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.message).toMatch(message);
    expect(found[0]!.hint).toMatch(hint ?? /\S/);
  });
});

describe('cases that must pass', () => {
  const passing: Array<[string, () => unknown]> = [
    [
      'a pattern with a plain repeated group is no ReDoS shape',
      () => edit((r) => (ci(r).success_pattern = 'acme-(?:iscsi|fc)+ \\S+ : SUCCESS')),
    ],
    [
      'a pattern anchored on its job is not broad',
      () => edit((r) => (ci(r).success_pattern = '^- acme-iscsi-tempest \\S+ : SUCCESS')),
    ],
    ['http wiki links are fine', () => edit((r) => (acme(r).wiki = 'http://wiki.example.org/Acme'))],
    [
      'a maintainer\u2019s own email field stays private, so it may hold an address',
      () => edit((r) => (acme(r).maintainers = [{ name: 'Ada Lovelace', email: 'ada@acme.example' }])),
    ],
    [
      'release ids are compared ignoring case only among releases',
      () => edit((r) => (r.projects[0]!.id = 'openstack/cinder')),
    ],
    ['ISO and DriverLog dates both parse', () => edit((r) => (r.releases![0]!.start = '2018-02-28'))],
    [
      'drivers differing in name are distinct',
      () =>
        edit((r) =>
          r.drivers.push({ project_id: 'openstack/nova', vendor: 'Acme', name: 'Acme hypervisor 2' }),
        ),
    ],
    [
      'a registry without releases has no unknown releases when none are claimed',
      () => ({ projects: [], drivers: [] }),
    ],
  ];
  it.each([...passing, ...morePassing])('%s', (_, registry) => {
    expect(run(registry())).toEqual([]);
  });
  it.each(passingRuns)('runs file: $name', ({ registry, runs }) => {
    expect(runRuns(textOf(runs()), registry?.())).toEqual([]);
  });
});

describe('when the schema fails', () => {
  it('still runs the semantic checks, without crashing on odd shapes', () => {
    const registry = edit((r) => {
      (r as unknown as { releases: unknown }).releases = [null, 5, { id: 7 }];
      r.drivers.push(
        null as unknown as Driver,
        { ci: 'x', releases: 'Rocky', verification: [] } as unknown as Driver,
      );
      acme(r).project_id = 'openstack/unknown';
    });
    const problems = run(registry);
    expect(only(problems, 'schema').length).toBeGreaterThan(0);
    expect(only(problems, 'unknown-project')).toHaveLength(1);
  });

  it('copes with a document that is not an object', () => {
    expect(run([1, 2]).map((p) => p.check)).toEqual(['schema']);
    expect(run('text').map((p) => p.message)).toEqual(['must be an object, not a string']);
  });
});

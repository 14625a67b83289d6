// Small hand-made registries and Gerrit histories for the update tests: every rule gets a case
// where it alone decides the outcome.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../backend/cli/main.ts';
import { joinRuns, runsFileOf } from '../../backend/model/runs-file.ts';
import { formatFiles } from '../../backend/format/format-files.ts';
import type { Io } from '../../backend/common/io.ts';
import type { Driver, Registry, RunsFile, StoredRegistry } from '../../backend/model/types.ts';
import type { UpdateSummary } from '../../backend/update/format-summary.ts';
import { gerritDate } from '../../dev/gerrit-simulator/index.ts';
import type { SimAccount, SimChange, SimMessage } from '../../dev/gerrit-simulator/index.ts';

export const ACME_CI = {
  id: 'acme-ci',
  success_pattern: 'acme-iscsi .* : SUCCESS',
  failure_pattern: 'acme-iscsi .* : (FAILURE|ERROR)',
};

export const RELEASES: NonNullable<Registry['releases']> = [
  {
    id: 'Bobcat',
    wiki: 'https://releases.openstack.org/bobcat/',
    start: '2023-10-04',
    branch: 'stable/2023.2',
  },
  {
    id: 'Caracal',
    wiki: 'https://releases.openstack.org/caracal/',
    start: '2024-04-03',
    branch: 'stable/2024.1',
  },
  {
    id: 'Dalmatian',
    wiki: 'https://releases.openstack.org/dalmatian/',
    start: '2024-10-02',
    branch: 'stable/2024.2',
  },
  {
    id: 'Epoxy',
    wiki: 'https://releases.openstack.org/epoxy/',
    start: '2025-04-02',
    branch: 'stable/2025.1',
  },
];

export function driver(overrides: Partial<Driver> = {}): Driver {
  return {
    project_id: 'openstack/cinder',
    vendor: 'Acme',
    name: 'Acme iSCSI',
    releases: ['Caracal'],
    ci: ACME_CI,
    ...overrides,
  };
}

export function registry(drivers: Driver[] = [driver()]): Registry {
  return {
    projects: [
      { id: 'openstack/cinder', name: 'Cinder' },
      { id: 'openstack/nova', name: 'Nova' },
    ],
    releases: RELEASES,
    drivers,
  };
}

export const ACCOUNTS: SimAccount[] = [
  { _account_id: 1, username: 'zuul', name: 'Zuul' },
  { _account_id: 2, username: 'jdev', name: 'Jane Developer' },
  { _account_id: 10, username: 'acme-ci', name: 'Acme CI' },
  { _account_id: 11, username: 'other-ci', name: 'Other CI' },
  { _account_id: 12, username: 'old-ci', name: 'Old CI', inactive: true },
];

export const at = (iso: string) => Date.parse(iso);

let messageId = 0;
export function message(author: number | undefined, iso: string, patchSet: number, body: string): SimMessage {
  messageId += 1;
  return {
    id: `m${messageId}`,
    ...(author === undefined ? {} : { author }),
    date: gerritDate(at(iso)),
    message: `Patch Set ${patchSet}:\n\n${body}`,
    _revision_number: patchSet,
  };
}

export const pass = (job = 'acme-iscsi') =>
  `Build succeeded.\n\n- ${job} https://ci.acme.example/1 : SUCCESS in 1h 02m\n`;
export const fail = (job = 'acme-iscsi') =>
  `Build failed.\n\n- ${job} https://ci.acme.example/2 : FAILURE in 40m\n`;

export function change(
  number: number,
  options: {
    branch?: string;
    project?: string;
    status?: SimChange['status'];
    patchSet?: number;
    messages: SimMessage[];
  },
): SimChange {
  const dates = options.messages.map((m) => m.date).sort();
  const last = dates[dates.length - 1] ?? gerritDate(at('2024-05-01T00:00:00Z'));
  return {
    _number: number,
    project: options.project ?? 'openstack/cinder',
    branch: options.branch ?? 'stable/2024.1',
    change_id: `I${String(number).padStart(40, '0')}`,
    subject: `Change ${number}`,
    status: options.status ?? 'MERGED',
    created: dates[0] ?? last,
    updated: last,
    ...(options.status === undefined || options.status === 'MERGED' ? { submitted: last } : {}),
    owner: 2,
    current_revision_number: options.patchSet ?? 1,
    messages: options.messages,
  };
}

/** The least history that verifies the default driver: one merged change, one passing acme-ci comment. */
export const onePass = (): SimChange[] => [
  change(100, { messages: [message(10, '2024-05-01T10:00:00Z', 1, pass())] }),
];

export function tempDir(prefix = 'driverlog-update-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a registry as saveRegistry would: its records' runs go to the runs file beside it, when it has any. */
export function writeRegistry(dir: string, value: Registry, name = 'default_data.json'): string {
  const file = join(dir, name);
  const files = formatFiles(value);
  writeFileSync(file, files.text);
  if (files.runs.drivers.length > 0) writeFileSync(runsFileOf(file), files.runsText);
  return file;
}

/** The registry as the commands see it: its records with their runs from the runs file beside it, if any. */
export function readRegistry(file: string): Registry {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredRegistry;
  const runsFile = runsFileOf(file);
  const runs = existsSync(runsFile) ? (JSON.parse(readFileSync(runsFile, 'utf8')) as RunsFile) : undefined;
  return joinRuns(stored, runs).registry;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI entry point, in-process, with its output captured. */
export async function cli(
  args: string[],
  options: { cwd: string; env?: Io['env']; signal?: AbortSignal },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd,
    isTTY: false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { code, stdout, stderr };
}

/** `driverlog update` in `dir` against `gerritUrl`, with the JSON report it wrote there. */
export async function updateWithReport(
  gerritUrl: string,
  dir: string,
  { since = '2024-01-01', extra = [] }: { since?: string; extra?: string[] } = {},
): Promise<CliRun & { report: UpdateSummary }> {
  const run = await cli(
    ['update', '--gerrit-url', gerritUrl, '--since', since, '--report', 'report.json', ...extra],
    { cwd: dir },
  );
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as UpdateSummary;
  return { ...run, report };
}

/** A registry for generated histories: two projects, a driver scanned in its own repo, a shared CI. */
export function historyRegistry(): Registry {
  const ci = (id: string, job: string) => ({
    id,
    success_pattern: `${job} \\S+ : SUCCESS`,
    failure_pattern: `${job} \\S+ : FAILURE`,
  });
  return registry([
    driver({ name: 'Acme FC', ci: ci('acme-ci', 'acme-fc') }),
    driver({ name: 'Acme iSCSI', ci: ci('acme-ci', 'acme-iscsi') }),
    driver({
      vendor: 'Bolt',
      name: 'Bolt NVMe',
      ci: { id: 'bolt-ci', success_pattern: 'Build succeeded', failure_pattern: 'Build failed' },
    }),
    driver({
      project_id: 'openstack/nova',
      vendor: 'Crane',
      name: 'Crane hypervisor',
      ci: ci('crane-ci', 'crane-tempest'),
    }),
    driver({
      project_id: 'openstack/nova',
      repo: 'x/crane-plugin',
      vendor: 'Crane',
      name: 'Crane plugin',
      ci: ci('crane-ci', 'crane-plugin'),
    }),
  ]);
}

/**
 * The same history as Gerrit would have shown it at `cut`: later messages not yet written, changes
 * merged later still open on the patch sets they had, later changes not yet created.
 */
export function historyAt(changes: readonly SimChange[], cut: number): SimChange[] {
  return changes.flatMap((full) => {
    const messages = full.messages.filter(
      (m) => Date.parse(m.date.replace(' ', 'T').slice(0, 23) + 'Z') <= cut,
    );
    if (messages.length === 0) return [];
    if (messages.length === full.messages.length) return [full];
    const last = messages[messages.length - 1]!.date;
    const { submitted: _submitted, ...rest } = full;
    return [
      {
        ...rest,
        status: 'NEW' as const,
        updated: last,
        current_revision_number: Math.max(1, ...messages.map((m) => m._revision_number)),
        messages,
      },
    ];
  });
}

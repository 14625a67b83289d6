import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { GerritError } from '../../gerrit/errors.ts';
import { formatCheckCi } from '../../check-ci/format-check-ci.ts';
import { checkCi } from '../../check-ci/run-check-ci.ts';
import { closest } from '../../validate/closest.ts';
import { driverKey, gerritProject } from '../../registry/driver-key.ts';
import type { Ci, Registry } from '../../registry/types.ts';
import { CiPatternError } from '../../ci/match-comment.ts';
import { credentialsFrom, gerritUrlFrom } from '../../update/cli-options.ts';

export const command: Command = {
  name: 'check-ci',
  summary: "Show how a CI account's latest comments on a project would be judged",
  help: `Usage: driverlog check-ci --driver "<project_id>:<vendor>:<name>" [--data FILE] [--limit N] [--gerrit-url URL]
       driverlog check-ci --project P --ci-id ID --success-pattern S --failure-pattern F [--limit N] [--gerrit-url URL]

Lists the CI account's latest comments on the driver's Gerrit project and, for each, the change,
branch and release, patch set, and the line that matched the success or failure pattern, or why
the comment does not count (not merged, not the final patch set, no line matched — with the lines
closest to each pattern, account not found). Use it to check a ci block before submitting it.

Options:
  --driver KEY            a driver of the data file, as project_id:vendor:name
  --data FILE             registry (default: default_data.json); its releases map branches to releases
  --project P             Gerrit project to look at (instead of --driver)
  --ci-id ID              Gerrit username of the CI account (with --project)
  --success-pattern S     RE2 pattern of a passing line (with --project)
  --failure-pattern F     RE2 pattern of a failing line (with --project)
  --limit N               how many comments (default 10)
  --gerrit-url URL        default: $DRIVERLOG_GERRIT_URL, else https://review.opendev.org
  -h, --help              show this help

Exit status: 0 at least one comment counts, 1 none does, 2 usage or Gerrit error.

Example:
  driverlog check-ci --driver "openstack/cinder:Acme:Acme iSCSI driver"
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        driver: { type: 'string' },
        data: { type: 'string' },
        project: { type: 'string' },
        'ci-id': { type: 'string' },
        'success-pattern': { type: 'string' },
        'failure-pattern': { type: 'string' },
        limit: { type: 'string' },
        'gerrit-url': { type: 'string' },
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const limit = Number(values.limit ?? '10');
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer`);
    const dataFile = resolve(io.cwd, values.data ?? 'default_data.json');
    const target =
      values.driver !== undefined ? fromRegistry(values.driver, dataFile) : fromOptions(values, dataFile);
    const gerritUrl = gerritUrlFrom(values['gerrit-url'], io.env);
    const credentials = credentialsFrom(io.env);
    try {
      const result = await checkCi({
        gerritUrl,
        project: target.project,
        ci: target.ci,
        releases: target.registry?.releases ?? [],
        limit,
        ...(credentials ? { credentials } : {}),
        ...(io.signal ? { signal: io.signal } : {}),
      });
      io.stdout(formatCheckCi(result, target.ci.id, target.project));
      return result.kind === 'comments' && result.comments.some((c) => c.counts) ? 0 : 1;
    } catch (error) {
      if (error instanceof CiPatternError) throw new UsageError(error.message, { cause: error });
      if (error instanceof GerritError) {
        io.stderr(`driverlog check-ci: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};

type Target = { project: string; ci: Ci; registry?: Registry };

function readRegistry(file: string, required: boolean): Registry | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as Registry;
  } catch (error) {
    throw new UsageError(
      `${file} is not JSON (${(error as Error).message}); run 'driverlog validate ${file}'`,
      {
        cause: error,
      },
    );
  }
}

function fromRegistry(key: string, file: string): Target {
  const registry = readRegistry(file, true)!;
  const drivers = Array.isArray(registry.drivers) ? registry.drivers : [];
  const driver = drivers.find((d) => driverKey(d) === key);
  if (!driver) {
    const guess = closest(key, drivers.map(driverKey));
    throw new UsageError(`no driver '${key}' in ${file}${guess ? `; did you mean '${guess}'?` : ''}`);
  }
  if (!driver.ci)
    throw new UsageError(`driver '${key}' in ${file} has no ci block; use --ci-id and the patterns`);
  return { project: gerritProject(driver), ci: driver.ci, registry };
}

function fromOptions(values: Record<string, string | boolean | undefined>, file: string): Target {
  const need = ['project', 'ci-id', 'success-pattern', 'failure-pattern'];
  const missing = need.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing.length > 0) {
    throw new UsageError(
      `give --driver, or all of ${need.map((n) => `--${n}`).join(', ')} (missing ${missing.map((n) => `--${n}`).join(', ')})`,
    );
  }
  const ci: Ci = {
    id: values['ci-id'] as string,
    success_pattern: values['success-pattern'] as string,
    failure_pattern: values['failure-pattern'] as string,
  };
  const registry = readRegistry(file, values.data !== undefined);
  return { project: values.project as string, ci, ...(registry ? { registry } : {}) };
}

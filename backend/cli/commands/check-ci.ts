import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { resolveSince } from '../../common/since.ts';
import { formatCheckCi, formatCheckCiJson } from '../../check-ci/format-check-ci.ts';
import { checkCi } from '../../check-ci/run-check-ci.ts';
import { gerritLimitOptionSpec, gerritLimitsFrom, gerritLimitsHelp } from '../../gerrit/settings.ts';
import { closest } from '../../common/closest.ts';
import { driverKey, gerritProject } from '../../model/driver-key.ts';
import { openRegistry, requireValidRegistry } from '../../store/open-registry.ts';
import { isPatternCi, type Ci, type Registry } from '../../model/types.ts';
import { DriverlogError } from '../../common/errors.ts';
import { credentialsFrom, gerritUrlFrom } from '../update-options.ts';
import { DEFAULT_DATA_FILE } from '../../model/defaults.ts';

const FORMATS = ['text', 'json'] as const;

export const command: Command = {
  name: 'check-ci',
  summary: "Show how a CI account's latest comments on a project would be judged",
  help: `Usage: driverlog check-ci --driver "<project_id>:<vendor>:<name>" [--data FILE] [--limit N] [--since DATE] [--gerrit-url URL]
       driverlog check-ci --project P --ci-id ID --success-pattern S --failure-pattern F [--limit N] [--gerrit-url URL]

Lists the CI account's latest comments on the driver's Gerrit project and, for each, the change,
branch and release, patch set, and the line that matched the success or failure pattern, or why
the comment does not count (not merged, not the final patch set, before the scan window, no line
matched — with the lines closest to each pattern, account not found). The rules are update's own.
Use it to check a ci block before submitting it.

Options:
  --driver KEY            a driver of the data file, as project_id:vendor:name
  --data FILE             registry (default: default_data.json); its releases map branches to releases
  --project P             Gerrit project to look at (instead of --driver)
  --ci-id ID              Gerrit username of the CI account (with --project)
  --success-pattern S     RE2 pattern of a passing line (with --project)
  --failure-pattern F     RE2 pattern of a failing line (with --project)
  --limit N               how many comments (default 10)
  --since DATE            the scan window's start, as update's (default: 180 days ago); older
                          comments do not count
  --format FORMAT         text (default) or json (one object per comment, for scripts)
  --gerrit-url URL        default: $DRIVERLOG_GERRIT_URL, else https://review.opendev.org
${gerritLimitsHelp(26)}  -h, --help              show this help

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
        since: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'gerrit-url': { type: 'string' },
        ...gerritLimitOptionSpec,
      },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) {
      throw new UsageError(`unknown --format '${values.format}' (expected ${FORMATS.join(' or ')})`);
    }
    const limit = Number(values.limit ?? '10');
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer`);
    const since = resolveSince(values.since, Date.now());
    const gerritUrl = gerritUrlFrom(values['gerrit-url'], io.env);
    const credentials = credentialsFrom(io.env);
    const dataFile = values.data ?? DEFAULT_DATA_FILE;
    const target =
      values.driver !== undefined
        ? fromRegistry(values.driver, readRegistry(dataFile, io.cwd, true)!, dataFile)
        : fromOptions(values, readRegistry(dataFile, io.cwd, values.data !== undefined));
    const ci = target.ci;
    if (!isPatternCi(ci))
      throw new DriverlogError(
        `${values.driver ?? 'the ci block'}: check-ci reads a ci block with an id and both patterns`,
        'CI_BLOCK',
        'usage',
      );
    const result = await checkCi({
      gerritUrl,
      project: target.project,
      ci,
      releases: target.registry?.releases ?? [],
      since,
      limit,
      ...(credentials ? { credentials } : {}),
      client: gerritLimitsFrom(values, io.env),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    io.stdout(
      format === 'json'
        ? formatCheckCiJson(result, ci.id, target.project, since)
        : formatCheckCi(result, ci.id, target.project),
    );
    return result.kind === 'comments' && result.comments.some((c) => c.counts) ? 0 : 1;
  },
};

type Target = { project: string; ci: Ci; registry?: Registry };

/** The registry, refused with its errors as every command refuses it; a missing optional default file is no registry. */
function readRegistry(file: string, cwd: string, required: boolean): Registry | undefined {
  if (!required && !existsSync(resolve(cwd, file))) return undefined;
  return requireValidRegistry(openRegistry(file, { cwd }));
}

function fromRegistry(key: string, registry: Registry, file: string): Target {
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

function fromOptions(
  values: Record<string, string | boolean | undefined>,
  registry: Registry | undefined,
): Target {
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
  return { project: values.project as string, ci, ...(registry ? { registry } : {}) };
}

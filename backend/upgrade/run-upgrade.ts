import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printable } from '../common/escape.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, onFile, UsageError } from '../common/errors.ts';
import { driverKey } from '../model/driver-key.ts';
import { openRegistry, requireValidRegistry } from '../store/open-registry.ts';
import type { Driver, Registry } from '../model/types.ts';
import { closest } from '../common/closest.ts';
import { readConfigValues, type ConfigProblem, type ConfigValue } from './config-values.ts';
import { upgradeJson } from './format-json.ts';
import { upgradeMarkdown } from './format-markdown.ts';
import { upgradeText } from './format-text.ts';
import { matchConfigValues, type UnmatchedValue } from './match-config.ts';
import { failsOn, type FailOn, type UpgradeFormat } from './upgrade-options.ts';
import { upgradePath } from './upgrade-path.ts';
import { upgradeVerdicts } from './upgrade-verdicts.ts';
import type { UpgradeReport } from './verdict-types.ts';

export interface UpgradeRun {
  cwd: string;
  dataFile: string;
  from: string;
  to: string;
  configs: readonly string[];
  /** Driver keys, project_id:vendor:name. */
  drivers: readonly string[];
  projects: readonly string[];
  asOf: number;
  silentDays: number;
  format: UpgradeFormat;
  failOn?: FailOn;
}

export interface UpgradeOutcome {
  /** For stdout: the report, or nothing when no config value matched. */
  output: string;
  /** For stderr: config lines that name no registry driver, at FILE:LINE. */
  warnings: string[];
  exitCode: number;
  report?: UpgradeReport;
}

const RENDER: Record<UpgradeFormat, (report: UpgradeReport) => string> = {
  text: upgradeText,
  markdown: upgradeMarkdown,
  json: upgradeJson,
};

/**
 * Reads the registry and the config files (the only I/O), and renders the verdicts. A registry with errors is
 * refused (exit 1); an unknown release, project or driver, or a config file that cannot be read, is a usage
 * error (exit 2); so is a set of config files none of whose drivers the registry knows.
 */
export function runUpgrade(run: UpgradeRun): UpgradeOutcome {
  const registry = requireValidRegistry(openRegistry(run.dataFile, { cwd: run.cwd }));
  upgradePath(registry.releases ?? [], run.from, run.to);
  checkProjects(registry, run.projects);
  const named = run.drivers.map((key) => namedDriver(registry, key));
  const values: ConfigValue[] = [];
  const problems: ConfigProblem[] = [];
  for (const file of run.configs) {
    const text = onFile(file, 'read the config file', () => readFileSync(resolve(run.cwd, file), 'utf8'));
    const reading = readConfigValues(file, text);
    values.push(...reading.values);
    problems.push(...reading.problems);
  }
  const matched = matchConfigValues(registry.drivers, values);
  const warnings = [...problems.map(problemLine), ...matched.unmatched.map(unmatchedLine)];
  if (run.configs.length > 0 && named.length === 0 && matched.drivers.length === 0) {
    warnings.push(
      `nothing the config files enable is a driver of the registry (${values.length} ${values.length === 1 ? 'value' : 'values'} read): see above`,
    );
    return { output: '', warnings, exitCode: EXIT_USAGE };
  }
  const scoped = run.configs.length > 0 || named.length > 0;
  const report = upgradeVerdicts(registry, {
    from: run.from,
    to: run.to,
    asOf: run.asOf,
    silentDays: run.silentDays,
    ...(scoped ? { drivers: [...matched.drivers, ...named] } : {}),
    ...(run.projects.length > 0 ? { projects: run.projects } : {}),
  });
  const failed = report.drivers.some((driver) => failsOn(run.failOn, driver.verdict));
  return {
    output: RENDER[run.format](report),
    warnings,
    exitCode: failed ? EXIT_PROBLEMS : EXIT_OK,
    report,
  };
}

function checkProjects(registry: Registry, projects: readonly string[]): void {
  const known = (registry.projects ?? []).map((project) => project.id);
  for (const id of projects) {
    if (known.includes(id)) continue;
    const guess = closest(id, known);
    throw new UsageError(
      `--project ${JSON.stringify(id)} is not a project of the registry${guess ? ` (did you mean ${guess}?)` : ''}; projects: ${known.join(', ')}`,
    );
  }
}

function namedDriver(registry: Registry, key: string): Driver {
  const found = registry.drivers.find((driver) => driverKey(driver) === key);
  if (found !== undefined) return found;
  const guess = closest(key, registry.drivers.map(driverKey));
  throw new UsageError(
    `--driver ${JSON.stringify(key)} is no driver of the registry${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}: give project_id:vendor:name`,
  );
}

function problemLine(problem: ConfigProblem): string {
  return `${printable(problem.file)}${problem.line === undefined ? '' : `:${problem.line}`}: ${printable(problem.message)}`;
}

function unmatchedLine({ value, closest: near }: UnmatchedValue): string {
  const by = 'classes' in value.match ? 'upstream_classes' : 'upstream_id';
  const hint =
    near.length > 0
      ? `closest known: ${near.join(', ')}`
      : `no ${value.project_id} driver of the registry has ${by} yet`;
  return printable(
    `${value.file}:${value.line}: ${value.key} = ${value.value} is no ${value.project_id} driver of the registry (matched by ${by}); ${hint}`,
  );
}

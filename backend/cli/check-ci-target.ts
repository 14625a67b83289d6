import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { onFile, UsageError } from '../common/errors.ts';
import type { Io } from '../common/io.ts';
import { closest } from '../common/closest.ts';
import { driverKey, gerritProject } from '../model/driver-key.ts';
import { openRegistry, requireValidRegistry } from '../store/open-registry.ts';
import type { Ci, Registry } from '../model/types.ts';

// What `check-ci` checks: a driver's ci block from the registry, or one given on the command line, and the
// comment a vendor pastes.

export type Target = { project: string; ci: Ci; registry?: Registry };

export function readMessage(file: string, io: Io): string {
  if (file === '-') {
    if (io.readStdin === undefined) throw new UsageError('--message -: there is no standard input to read');
    return io.readStdin();
  }
  const path = resolve(io.cwd, file);
  return onFile(path, 'read', () => readFileSync(path, 'utf8'));
}

/** The registry, refused with its errors as every command refuses it; a missing optional default file is no registry. */
export function readRegistry(file: string, cwd: string, required: boolean): Registry | undefined {
  if (!required && !existsSync(resolve(cwd, file))) return undefined;
  return requireValidRegistry(openRegistry(file, { cwd }));
}

export function fromRegistry(key: string, registry: Registry, file: string): Target {
  const drivers = Array.isArray(registry.drivers) ? registry.drivers : [];
  const driver = drivers.find((d) => driverKey(d) === key);
  if (!driver) {
    const guess = closest(key, drivers.map(driverKey));
    throw new UsageError(`no driver '${key}' in ${file}${guess ? `; did you mean '${guess}'?` : ''}`);
  }
  if (!driver.ci)
    throw new UsageError(
      `driver '${key}' in ${file} has no ci block; use --project with --ci-id or --wiki-name`,
    );
  return { project: gerritProject(driver), ci: driver.ci, registry };
}

/** A ci block from the command line: an account (--ci-id or --wiki-name), and --job or both patterns, or neither. */
export function fromOptions(
  values: Record<string, string | boolean | string[] | undefined>,
  registry: Registry | undefined,
  pasted: boolean,
): Target {
  const given = (name: string) => typeof values[name] === 'string' && values[name] !== '';
  if (!pasted && !given('project'))
    throw new UsageError('give --driver, or --project with --ci-id or --wiki-name');
  if (!given('ci-id') && !given('wiki-name'))
    throw new UsageError('give --driver, or the CI account with --ci-id ID or --wiki-name NAME');
  if (given('success-pattern') !== given('failure-pattern'))
    throw new UsageError(
      `give both --success-pattern and --failure-pattern, or neither (missing --${given('success-pattern') ? 'failure' : 'success'}-pattern)`,
    );
  const jobs = (values.job as string[] | undefined) ?? [];
  const ci: Ci = {
    ...(given('ci-id') ? { id: values['ci-id'] as string } : {}),
    ...(given('wiki-name') ? { wiki_name: values['wiki-name'] as string } : {}),
    ...(jobs.length > 0 ? { jobs } : {}),
    ...(given('success-pattern')
      ? {
          success_pattern: values['success-pattern'] as string,
          failure_pattern: values['failure-pattern'] as string,
        }
      : {}),
  };
  return { project: (values.project as string | undefined) ?? '', ci, ...(registry ? { registry } : {}) };
}

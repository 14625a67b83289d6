import type { ErrorObject } from 'ajv/dist/2020.js';
import { closest } from './closest.ts';
import { appendPointer } from '../json/pointer.ts';
import type { Problem } from './problem.ts';

// Ajv's messages ("must match pattern "^[A-Z][a-z]+$"") say what the schema wants in the schema's
// terms; these say it in the registry's, with how to fix it.

const PATTERN_HINTS: Record<string, string> = {
  '#/$defs/releaseId/pattern': 'a release id is one capitalised word, e.g. "Rocky"',
  '#/$defs/releaseDate/pattern':
    'write the date as YYYY-MM-DD (e.g. 2018-08-30) or YYYY-Mon-DD (e.g. 2018-Aug-30)',
  '#/$defs/timestamp/pattern': 'write an ISO 8601 UTC time in whole seconds, e.g. 2024-03-01T12:00:00Z',
  '#/$defs/project/properties/id/pattern':
    'a project id is a lower-case Gerrit project name, e.g. openstack/cinder',
  '#/$defs/release/properties/branch/pattern': 'a release branch looks like stable/rocky or stable/2024.1',
  '#/$defs/driver/properties/repo/pattern': 'a repo is a Gerrit project name, e.g. x/networking-foo',
  '#/$defs/maintainer/properties/name/pattern': 'one person per maintainer entry: a name without commas',
  '#/$defs/maintainer/properties/email/pattern': 'write the address in lower case, e.g. jane.doe@example.com',
  '#/$defs/maintainer/properties/irc/pattern': 'an IRC nick has no spaces',
  '#/$defs/maintainer/properties/launchpad_id/pattern': 'a Launchpad id has no spaces',
  '#/$defs/ci/properties/id/pattern': "the CI's Gerrit username, without spaces",
};

export function schemaProblems(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    // Errors inside propertyNames repeat the propertyNames error that follows them.
    if ((error as { propertyName?: string }).propertyName !== undefined) continue;
    if (error.keyword === 'required') {
      const list = missing.get(error.instancePath) ?? [];
      if (list.length === 0) missing.set(error.instancePath, list);
      list.push(String(error.params.missingProperty));
      continue;
    }
    problems.push(describe(error));
  }
  for (const [pointer, names] of missing) {
    const quoted = names.map((name) => `"${name}"`).join(', ');
    problems.push(
      problem(
        pointer,
        `missing required ${names.length === 1 ? 'property' : 'properties'} ${quoted}`,
        `add ${quoted}`,
      ),
    );
  }
  return problems;
}

function problem(pointer: string, message: string, hint: string): Problem {
  return { check: 'schema', severity: 'error', pointer, message, hint };
}

function describe(error: ErrorObject): Problem {
  const { instancePath: pointer, params } = error;
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      const suggestion = closest(key, allowed);
      const list = allowed.map((name) => `"${name}"`).join(', ');
      return problem(
        appendPointer(pointer, key),
        `unknown property "${key}"`,
        suggestion ? `did you mean "${suggestion}"? (allowed here: ${list})` : `allowed here: ${list}`,
      );
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return problem(
        appendPointer(pointer, key),
        `"${key}" is not a valid key here`,
        PATTERN_HINTS['#/$defs/releaseId/pattern']!,
      );
    }
    case 'type': {
      const wanted = TYPE_HINTS[String(params.type)] ?? article(String(params.type));
      return problem(
        pointer,
        `must be ${article(String(params.type))}, not ${typeOf(error.data)}`,
        described ? `write ${wanted}: ${lowerFirst(described)}` : `write ${wanted} here`,
      );
    }
    case 'pattern':
      return problem(
        pointer,
        `${JSON.stringify(error.data)} does not have the expected form (${String(params.pattern)})`,
        PATTERN_HINTS[error.schemaPath] ?? described ?? 'see schema/driverlog.schema.json',
      );
    case 'minLength':
      return problem(
        pointer,
        params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} characters`,
        described ?? 'fill it in, or remove the property if it is optional',
      );
    case 'minimum':
      return problem(
        pointer,
        `must be at least ${params.limit}, not ${JSON.stringify(error.data)}`,
        described ?? 'see schema/driverlog.schema.json',
      );
    default:
      return problem(
        pointer,
        error.message ?? `fails the schema's "${error.keyword}" rule`,
        described ?? 'see schema/driverlog.schema.json',
      );
  }
}

const TYPE_HINTS: Record<string, string> = {
  string: 'text in double quotes',
  integer: 'a whole number, without quotes',
  number: 'a number, without quotes',
  boolean: 'true or false, without quotes',
  array: 'a list in [ ]',
  object: 'an object in { }',
};

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Number.isInteger(value)) return 'an integer';
  return article(typeof value);
}

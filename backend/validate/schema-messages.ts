import type { ErrorObject } from 'ajv/dist/2020.js';
import { closest } from '../common/closest.ts';
import { appendPointer } from '../json/pointer.ts';
import type { Problem } from './problem.ts';
import { quote } from './quote.ts';

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

// Properties an older registry held that now live elsewhere (keyed by the definition's title and the key):
// a file from before the move, or a hand edit copying one, is told where they went.
const MOVED_HINTS: Record<string, string> = {
  'VerificationRecord recent':
    'run `driverlog format` on the registry: it moves the runs into the runs file beside it (default_data.runs.json), where `driverlog update` keeps them',
};

/** Ajv's errors as problems of `check` (the registry's `schema`, or a runs file's `runs-schema`). */
export function schemaProblems(errors: ErrorObject[], check = 'schema'): Problem[] {
  const problems: Problem[] = [];
  const missing = new Map<string, string[]>();
  for (const error of errors) {
    // Errors inside propertyNames repeat the propertyNames error that follows them.
    if ((error as { propertyName?: string }).propertyName !== undefined) continue;
    // dependentRequired (the ci block's two patterns come as a pair) reads as a plain missing property.
    if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
      const list = missing.get(error.instancePath) ?? [];
      if (list.length === 0) missing.set(error.instancePath, list);
      list.push(String(error.params.missingProperty));
      continue;
    }
    problems.push({ ...describe(error), check });
  }
  for (const [pointer, names] of missing) {
    const quoted = names.map((name) => `"${name}"`).join(', ');
    problems.push({
      ...problem(
        pointer,
        `missing required ${names.length === 1 ? 'property' : 'properties'} ${quoted}`,
        `add ${quoted}`,
      ),
      check,
    });
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
      const title = (error.parentSchema as { title?: string } | undefined)?.title;
      const moved = MOVED_HINTS[`${title} ${key}`];
      if (moved) return problem(appendPointer(pointer, key), `unknown property "${key}"`, moved);
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
        `${quote(String(error.data))} does not have the expected form (${String(params.pattern)})`,
        PATTERN_HINTS[error.schemaPath] ?? described ?? 'see schema/driverlog.schema.json',
      );
    case 'minLength':
      return problem(
        pointer,
        params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} characters`,
        described ?? 'fill it in, or remove the property if it is optional',
      );
    case 'maxLength': {
      const limit = Number(params.limit);
      return problem(
        pointer,
        `is ${codePoints(String(error.data)).toLocaleString('en-US')} characters long; at most ${limit.toLocaleString('en-US')} are allowed`,
        MAX_LENGTH_HINTS[/\/properties\/(\w+)\/maxLength$/.exec(error.schemaPath)?.[1] ?? ''] ?? 'shorten it',
      );
    }
    case 'minItems':
      return problem(
        pointer,
        params.limit === 1 ? 'must not be an empty list' : `must have at least ${params.limit} items`,
        described ?? 'fill it in, or remove it',
      );
    case 'maxItems':
      return problem(
        pointer,
        `has ${(error.data as unknown[]).length} items; at most ${params.limit} are allowed`,
        described ?? 'remove the extra items',
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

// Every free-text field has a cap, so that no pull request can make validation or the dashboard slow.
// (Keyed by property name: the standalone validator's schema paths are relative to their definition.)
const MAX_LENGTH_HINTS: Record<string, string> = {
  description: 'keep the description to a paragraph or two, and put the details on the page `wiki` links to',
  success_pattern: 'a pattern needs only the job name and the result, e.g. "my-job \\S+ : SUCCESS"',
  failure_pattern: 'a pattern needs only the job name and the result, e.g. "my-job \\S+ : FAILURE"',
  vendor: 'use the vendor\u2019s usual short name, e.g. "Dell EMC"',
  name: 'use the short name people know; a driver\u2019s description can say more',
};

/** The length the schema counts: code points, as Ajv does (a surrogate pair is one character). */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      code < 0xdc00 ||
      code > 0xdfff ||
      i === 0 ||
      text.charCodeAt(i - 1) < 0xd800 ||
      text.charCodeAt(i - 1) > 0xdbff
    )
      count++;
  }
  return count;
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

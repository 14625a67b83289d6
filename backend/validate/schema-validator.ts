import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

// The validator is Ajv's standalone code for the schema, generated with the types (`npm run gen:types`;
// a test checks it is current). Loading it costs a few milliseconds; loading Ajv and compiling the
// schema on every CLI run cost more than validating a whole registry.
const require = createRequire(import.meta.url);
let compiled: ValidateFunction | undefined;

export function registrySchema(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  compiled ??= require('../../schema/validator.generated.cjs') as ValidateFunction;
  return compiled;
}

/** Every way `data` breaks the schema (empty when it conforms). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = validator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

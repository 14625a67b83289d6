import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
// Imported, not read from a path relative to this file: the CLI runs from a bundle that lives elsewhere.
import schema from '../../schema/driverlog.schema.json' with { type: 'json' };
import validate from '../../schema/validator.generated.mjs';
import validateRuns from '../../schema/runs-validator.generated.mjs';

// The validator is Ajv's standalone code for the schema, generated with the types (`npm run gen:types`;
// a test checks it is current). Loading it costs a few milliseconds; loading Ajv and compiling the
// schema on every CLI run cost more than validating a whole registry.

export function registrySchema(): Record<string, unknown> {
  return structuredClone(schema) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  return validate;
}

/** Every way `data` breaks the schema (empty when it conforms). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = validator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** Every way `data` breaks the runs file's shape (`$defs/runsFile`; empty when it conforms). */
export function runsSchemaErrors(data: unknown): ErrorObject[] {
  return validateRuns(data) ? [] : [...(validateRuns.errors ?? [])];
}

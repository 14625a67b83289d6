import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

// Ajv is CommonJS spread over ~100 files. Imported from ESM under tsx, each of its internal
// require() calls is resolved through tsx's loader thread; a plain require() loads it natively,
// in about half the time.
const require = createRequire(import.meta.url);

// Compiling the schema costs more than validating a whole registry, so it happens once per process,
// on first use (commands that never validate never pay for it).
let compiled: ValidateFunction | undefined;

export function registrySchema(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

function validator(): ValidateFunction {
  if (!compiled) {
    // verbose: errors carry their sub-schema, which names the allowed properties for suggestions.
    // Checking the schema against the 2020-12 meta-schema, and optimizing the generated code, would
    // triple the compile time of every CLI run; a test checks the schema against the meta-schema.
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      validateSchema: false,
      code: { optimize: false },
    });
    compiled = ajv.compile(registrySchema());
  }
  return compiled;
}

/** Every way `data` breaks the schema (empty when it conforms). */
export function schemaErrors(data: unknown): ErrorObject[] {
  const validate = validator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

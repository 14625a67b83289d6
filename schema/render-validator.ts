import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The options the registry's validator is compiled with; `verbose` gives errors their sub-schema (for hints). */
// `unicode: false` counts maxLength in UTF-16 units, as JavaScript does: the generated code then needs no
// require() of Ajv's runtime, which the CLI's ESM bundle could not resolve.
export const VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: true, unicode: false } as const;

/**
 * The JavaScript source of schema/validator.generated.cjs: Ajv's standalone code for the schema. Loading
 * it costs a few milliseconds where loading Ajv and compiling the schema cost more than validating a
 * whole registry, on every CLI run.
 */
export function renderValidator(schema: object, file = 'validator.generated.cjs'): string {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const standaloneCode = (
    require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')
  ).default;
  const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS, code: { source: true } });
  // `tsType` only tells the type generator what draft 2020-12's prefixItems mean in TypeScript.
  ajv.addKeyword('tsType');
  const banner = `// Generated from schema/driverlog.schema.json by \`npm run gen:types\` (${file}). Do not edit by hand.\n`;
  return banner + standaloneCode(ajv, ajv.compile(schema)) + '\n';
}

/**
 * The schema of the runs file (`default_data.runs.json`): the registry schema's `runsFile` definition as a root,
 * with every definition it refers to, so one schema file stays the source of both files' shapes.
 */
export function runsSchemaOf(schema: { $schema?: string; $id?: string; $defs?: object }): object {
  return {
    $schema: schema.$schema,
    $id: (schema.$id ?? 'driverlog.schema.json').replace(/driverlog\.schema\.json$/, 'runs.schema.json'),
    $defs: schema.$defs,
    $ref: '#/$defs/runsFile',
  };
}

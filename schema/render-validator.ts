import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The options the registry's validator is compiled with; `verbose` gives errors their sub-schema (for hints). */
// `unicode: false` counts maxLength in UTF-16 units, as JavaScript does: the generated code then needs no
// require() of Ajv's runtime, which the CLI's ESM bundle could not resolve.
export const VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strict: true, unicode: false } as const;

/**
 * The JavaScript source of schema/validator.generated.mjs: Ajv's standalone code for the schema. Loading
 * it costs a few milliseconds where loading Ajv and compiling the schema cost more than validating a
 * whole registry, on every CLI run.
 */
export function renderValidator(schema: object, file = 'validator.generated.mjs'): string {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const standaloneCode = (
    require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')
  ).default;
  const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS, code: { source: true, esm: true } });
  // `tsType` only tells the type generator what draft 2020-12's prefixItems mean in TypeScript.
  ajv.addKeyword('tsType');
  const banner = `// Generated from schema/driverlog.schema.json by \`npm run gen:types\` (${file}). Do not edit by hand.\n`;
  return banner + asModule(standaloneCode(ajv, ajv.compile(schema))) + '\n';
}

/**
 * Ajv's ES module output still calls require() for its runtime helpers, which an ES module has no binding
 * for (Vite's dev server, the CLI bundle): each becomes an import of the helper's file. The helper is CommonJS
 * marked as transpiled ESM, so a loader gives either its exports (Node) or their `default` (esbuild's interop).
 */
function asModule(code: string): string {
  const imports: string[] = [];
  const body = code.replace(
    /const (\w+) = require\("([\w/.-]+)"\)\.default;/g,
    (_whole, name: string, module: string) => {
      imports.push(`import ${name}_module from ${JSON.stringify(`${module}.js`)};`);
      return `const ${name} = ${name}_module.default ?? ${name}_module;`;
    },
  );
  if (/\brequire\(/.test(body))
    throw new Error('the generated validator requires a module asModule does not rewrite');
  // A module is strict already; the directive would follow the imports, where it means nothing.
  return [...imports, body.replace(/^"use strict";/, '')].join('\n');
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

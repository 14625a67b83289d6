// Regenerates schema/types.ts and the two validators (registry, runs file) from the JSON Schema; with --check,
// exits 1 when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderTypes } from '../schema/render-types.ts';
import { renderValidator, runsSchemaOf } from '../schema/render-validator.ts';

const schema = JSON.parse(readFileSync(new URL('../schema/driverlog.schema.json', import.meta.url), 'utf8'));
const outputs: Array<[URL, string]> = [
  [new URL('../schema/types.ts', import.meta.url), await renderTypes(schema)],
  [new URL('../schema/validator.generated.mjs', import.meta.url), renderValidator(schema)],
  [
    new URL('../schema/runs-validator.generated.mjs', import.meta.url),
    renderValidator(runsSchemaOf(schema), 'runs-validator.generated.mjs'),
  ],
];
const check = process.argv.includes('--check');
let stale = false;
for (const [file, text] of outputs) {
  if (!check) writeFileSync(file, text);
  else if (readFileSync(file, 'utf8') !== text) {
    console.error(
      `${file.pathname.split('/').slice(-2).join('/')} is out of date: run \`npm run gen:types\`.`,
    );
    stale = true;
  }
}
process.exitCode = stale ? 1 : 0;

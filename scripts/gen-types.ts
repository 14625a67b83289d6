// Regenerates schema/types.ts from the JSON Schema; with --check, exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderTypes } from '../schema/render-types.ts';

const schemaFile = new URL('../schema/driverlog.schema.json', import.meta.url);
const typesFile = new URL('../schema/types.ts', import.meta.url);
const rendered = await renderTypes(JSON.parse(readFileSync(schemaFile, 'utf8')));
if (process.argv.includes('--check')) {
  const stale = readFileSync(typesFile, 'utf8') !== rendered;
  if (stale) console.error('schema/types.ts is out of date: run `npm run gen:types`.');
  process.exitCode = stale ? 1 : 0;
} else {
  writeFileSync(typesFile, rendered);
}

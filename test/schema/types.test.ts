import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../../schema/render-types.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { renderValidator, runsSchemaOf, VALIDATOR_OPTIONS } from '../../schema/render-validator.ts';

describe('schema/types.ts', () => {
  it('is exactly what the JSON Schema generates (run `npm run gen:types` after changing the schema)', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    const committed = readFileSync(new URL('../../schema/types.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderTypes(schema));
  });
});

describe('schema/validator.generated.mjs', () => {
  it('is exactly what the JSON Schema generates (run `npm run gen:types` after changing the schema)', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    const committed = readFileSync(new URL('../../schema/validator.generated.mjs', import.meta.url), 'utf8');
    expect(committed).toBe(renderValidator(schema));
  });
});

describe('schema/runs-validator.generated.mjs', () => {
  const schema = (): { $defs: Record<string, { properties: Record<string, object> }> } =>
    JSON.parse(readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'));
  const render = (from: object) => renderValidator(runsSchemaOf(from), 'runs-validator.generated.mjs');

  it("is exactly what the JSON Schema's runsFile definition generates (run `npm run gen:types`)", () => {
    const committed = readFileSync(
      new URL('../../schema/runs-validator.generated.mjs', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(render(schema()));
  });

  it('changes when the runs file\u2019s definitions change, so the check can fail', () => {
    const changed = schema();
    changed.$defs.driverRuns!.properties.runs_note = { type: 'string' };
    expect(render(changed)).toContain('runs_note');
    expect(render(schema())).not.toContain('runs_note');
  });
});

describe('schema/runs.schema.json', () => {
  const url = new URL('../../schema/runs.schema.json', import.meta.url);
  const runsSchema = JSON.parse(readFileSync(url, 'utf8')) as { $id: string; $ref: string };
  const mainUrl = new URL('../../schema/driverlog.schema.json', import.meta.url);
  const main = JSON.parse(readFileSync(mainUrl, 'utf8')) as { $id: string; $defs: Record<string, unknown> };

  it("refers to the registry schema's runsFile definition, by its $id and beside it on disk", () => {
    const byId = new URL(runsSchema.$ref, runsSchema.$id);
    expect(byId.href).toBe(`${main.$id}#/$defs/runsFile`);
    const onDisk = new URL(runsSchema.$ref, url);
    expect(onDisk.href).toBe(`${mainUrl.href}#/$defs/runsFile`);
    expect(main.$defs.runsFile).toBeDefined();
  });

  it('validates what the runs validator validates, once its $ref is resolved', () => {
    const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS });
    ajv.addKeyword('tsType');
    ajv.addSchema(main);
    const validate = ajv.compile(runsSchema);
    const run = { timestamp: '2024-03-01T12:00:00Z', change_number: 1, patch_set: 1, ci_result: true };
    const entry = { project_id: 'openstack/cinder', vendor: 'Acme', name: 'Acme', recent: { Rocky: [run] } };
    expect(validate({ drivers: [entry] })).toBe(true);
    expect(validate({ drivers: [{ ...entry, recent: { Rocky: Array(11).fill(run) } }] })).toBe(false);
    expect(validate({ drivers: [{ ...entry, recent: { rocky: [run] } }] })).toBe(false);
  });
});

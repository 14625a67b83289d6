import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../../schema/render-types.ts';
import { renderValidator } from '../../schema/render-validator.ts';

describe('schema/types.ts', () => {
  it('is exactly what the JSON Schema generates (run `npm run gen:types` after changing the schema)', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    const committed = readFileSync(new URL('../../schema/types.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderTypes(schema));
  });

  it('changes when the schema changes, so the check can fail', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    schema.$defs.project.properties.homepage = { type: 'string' };
    expect(await renderTypes(schema)).toContain('homepage?: string');
  });
});

describe('schema/validator.generated.cjs', () => {
  it('is exactly what the JSON Schema generates (run `npm run gen:types` after changing the schema)', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    const committed = readFileSync(new URL('../../schema/validator.generated.cjs', import.meta.url), 'utf8');
    expect(committed).toBe(renderValidator(schema));
  });

  it('changes when the schema changes, so the check can fail', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/driverlog.schema.json', import.meta.url), 'utf8'),
    );
    schema.$defs.project.properties.homepage = { type: 'string' };
    expect(renderValidator(schema)).toContain('homepage');
  });
});

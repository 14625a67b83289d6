import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { registrySchema, schemaErrors } from '../../backend/validate/schema-validator.ts';
import { validRegistry } from '../helpers/registry-fixture.ts';

describe('the registry schema', () => {
  // The CLI skips this check to start faster (see schema-validator.ts), so it must hold here.
  it('is a valid, strict JSON Schema 2020-12', () => {
    const { Ajv2020 } = createRequire(import.meta.url)(
      'ajv/dist/2020.js',
    ) as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addKeyword('tsType'); // a hint for the type generator only
    expect(ajv.validateSchema(registrySchema()), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(registrySchema())).not.toThrow();
  });

  it('accepts a valid registry and rejects a broken one', () => {
    expect(schemaErrors(validRegistry())).toEqual([]);
    expect(schemaErrors({ projects: [] }).map((e) => e.params)).toEqual([{ missingProperty: 'drivers' }]);
  });
});

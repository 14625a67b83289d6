import { compile, type JSONSchema } from 'json-schema-to-typescript';

/** The TypeScript source of schema/types.ts, generated from the JSON Schema so the two never drift. */
export async function renderTypes(schema: JSONSchema): Promise<string> {
  const body = await compile(schema, 'DriverLogRegistry', {
    bannerComment:
      '// Generated from schema/driverlog.schema.json by `npm run gen:types`. Do not edit by hand.\n',
    additionalProperties: false,
    unreachableDefinitions: true,
    // A tuple union per allowed length is unreadable; the schema still enforces the cap.
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return body;
}

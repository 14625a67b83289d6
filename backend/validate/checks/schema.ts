import { schemaProblems } from '../schema-messages.ts';
import { schemaErrors } from '../schema-validator.ts';
import type { Check } from './check.ts';

export const schema: Check = {
  id: 'schema',
  description: 'The registry conforms to schema/driverlog.schema.json.',
  run: ({ data }) => schemaProblems(schemaErrors(data)),
};

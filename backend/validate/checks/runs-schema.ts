import { schemaProblems } from '../schema-messages.ts';
import { runsSchemaErrors } from '../schema-validator.ts';
import type { Check } from './check.ts';

export const runsSchema: Check = {
  id: 'runs-schema',
  description: 'A runs file conforms to the runsFile definition of schema/driverlog.schema.json.',
  run: ({ data }) => schemaProblems(runsSchemaErrors(data), 'runs-schema'),
};

// The type of validator.generated.mjs, Ajv's standalone validator for driverlog.schema.json.
import type { ValidateFunction } from 'ajv/dist/2020.js';

declare const validate: ValidateFunction;
export default validate;

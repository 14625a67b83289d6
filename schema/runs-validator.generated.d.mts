// The type of runs-validator.generated.mjs, Ajv's standalone validator for the runs file (driverlog.schema.json#/$defs/runsFile).
import type { ValidateFunction } from 'ajv/dist/2020.js';

declare const validate: ValidateFunction;
export default validate;

// The registry's types come from its JSON Schema (schema/types.ts is generated; `npm run gen:types`).
export type {
  DriverLogRegistry as Registry,
  Project,
  Release,
  Driver,
  Maintainer,
  Ci,
  VerificationRecord,
  ScanState,
  ProjectScanState,
} from '../../schema/types.ts';

// The registry's types come from its JSON Schema (schema/types.ts is generated; `npm run gen:types`).
export type {
  DriverLogRegistry as Registry,
  Project,
  ProjectUpstream,
  Feature,
  Release,
  Driver,
  DriverUpstream,
  SupportValue,
  Maintainer,
  Ci,
  VerificationRecord,
  Run,
  ScanState,
  ProjectScanState,
} from '../../schema/types.ts';

import { broadPattern } from './broad-pattern.ts';
import type { Check } from './check.ts';
import { duplicateDriver } from './duplicate-driver.ts';
import { duplicateId } from './duplicate-id.ts';
import { duplicateKey } from './duplicate-key.ts';
import { identicalPatterns } from './identical-patterns.ts';
import { jsonSyntax } from './json-syntax.ts';
import { matchesEverything } from './matches-everything.ts';
import { order } from './order.ts';
import { patternBacktracking } from './pattern-backtracking.ts';
import { patternSyntax } from './pattern-syntax.ts';
import { publishedEmail } from './published-email.ts';
import { releaseDate } from './release-date.ts';
import { repeatedRelease } from './repeated-release.ts';
import { schema } from './schema.ts';
import { swappedPatterns } from './swapped-patterns.ts';
import { unknownProject } from './unknown-project.ts';
import { unknownRelease } from './unknown-release.ts';
import { urlScheme } from './url-scheme.ts';
import { vendorSpelling } from './vendor-spelling.ts';
import { whitespace } from './whitespace.ts';
import { keySeparator } from './key-separator.ts';
import { controlCharacters } from './control-characters.ts';
import { invisibleCharacters } from './invisible-characters.ts';
import { futureTimestamp } from './future-timestamp.ts';
import { duplicateFeature } from './duplicate-feature.ts';
import { duplicateUpstreamId } from './duplicate-upstream-id.ts';
import { unknownSupportFeature } from './unknown-support-feature.ts';
import { upstreamIdProject } from './upstream-id-project.ts';
import { upstreamReleases } from './upstream-releases.ts';

import { runsSchema } from './runs-schema.ts';
import { runsWithoutRecord } from './runs-without-record.ts';

export type { Check, CheckContext } from './check.ts';

/** Every check `driverlog validate` runs, in reporting order for problems at the same place. */
export const checks: readonly Check[] = [
  jsonSyntax,
  duplicateKey,
  schema,
  unknownProject,
  unknownRelease,
  duplicateId,
  duplicateDriver,
  keySeparator,
  controlCharacters,
  duplicateUpstreamId,
  upstreamIdProject,
  upstreamReleases,
  duplicateFeature,
  unknownSupportFeature,
  order,
  releaseDate,
  futureTimestamp,
  patternSyntax,
  patternBacktracking,
  identicalPatterns,
  matchesEverything,
  urlScheme,
  broadPattern,
  swappedPatterns,
  repeatedRelease,
  whitespace,
  vendorSpelling,
  invisibleCharacters,
  publishedEmail,
];

/** Every check of a runs file (model/runs-file.ts): written by `update` alone, so only what a hand edit breaks. */
export const runsChecks: readonly Check[] = [
  jsonSyntax,
  duplicateKey,
  runsSchema,
  duplicateDriver,
  futureTimestamp,
  runsWithoutRecord,
];

import schema from '../../schema/driverlog.schema.json' with { type: 'json' };

/**
 * The schema's cap on a CI pattern's length. The schema check reports a longer one; the pattern checks
 * skip it, so a hostile pull request cannot make them compile megabytes of pattern.
 */
export const PATTERN_MAX_LENGTH: number = schema.$defs.ci.properties.success_pattern.maxLength;

/** The schema's cap on a `ci.jobs` entry. */
export const JOB_PATTERN_MAX_LENGTH: number = schema.$defs.ci.properties.jobs.items.maxLength;

/** The schema's cap on the CI line a verification record quotes. */
export const COMMENT_MAX_LENGTH: number = schema.$defs.verificationRecord.properties.comment.maxLength;

const job = schema.$defs.verificationRecord.properties.jobs.items.properties;

/** The schema's caps on the fields of a job a verification record lists. */
export const JOB_FIELD_MAX_LENGTH = {
  name: job.name.maxLength,
  result: job.result.maxLength,
  url: job.url.maxLength,
} as const;

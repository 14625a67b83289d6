import schema from '../../schema/driverlog.schema.json' with { type: 'json' };

/**
 * The schema's cap on a CI pattern's length. The schema check reports a longer one; the pattern checks
 * skip it, so a hostile pull request cannot make them compile megabytes of pattern.
 */
export const PATTERN_MAX_LENGTH: number = schema.$defs.ci.properties.success_pattern.maxLength;

/** The schema's cap on the CI line a verification record quotes. */
export const COMMENT_MAX_LENGTH: number = schema.$defs.verificationRecord.properties.comment.maxLength;

import { DriverlogError } from '../common/errors.ts';
import type { UpdateSummary } from '../update/format-summary.ts';

/** The file given is not an update report: says what it should be. */
export class NotAReportError extends DriverlogError {
  constructor(file: string, what: string) {
    super(
      `${file} is not an update report (${what})\n  hint: give the JSON file that 'driverlog update --report FILE' wrote`,
      'NOT_A_REPORT',
      'usage',
    );
  }
}

// The fields summaryMarkdown reads, with their JSON types.
const SHAPE: Record<string, 'string' | 'number' | 'object' | 'array'> = {
  gerrit_url: 'string',
  since: 'string',
  duration_ms: 'number',
  changes_read: 'number',
  requests: 'number',
  retries: 'number',
  unmapped_comments: 'number',
  drivers: 'object',
  records: 'array',
  failed_projects: 'array',
  unknown_accounts: 'array',
};

const ITEMS: Array<[string, string[]]> = [
  ['records', ['kind', 'driver', 'release']],
  ['failed_projects', ['project', 'error']],
  ['unknown_accounts', ['driver', 'message']],
];

/** The update report `text` (read from `file`), checked for the fields the Markdown needs. */
export function readReport(file: string, text: string): UpdateSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NotAReportError(file, `not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NotAReportError(file, 'not a JSON object');
  }
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.drivers) && Array.isArray(record.projects)) {
    throw new NotAReportError(file, 'it looks like a registry, such as default_data.json');
  }
  const wrong = Object.entries(SHAPE).filter(([key, type]) => {
    const field = record[key];
    if (type === 'array') return !Array.isArray(field);
    if (type === 'object') return typeof field !== 'object' || field === null || Array.isArray(field);
    return typeof field !== type;
  });
  if (wrong.length > 0) {
    throw new NotAReportError(
      file,
      `missing or wrong: ${wrong.map(([key, type]) => `${key} (${type})`).join(', ')}`,
    );
  }
  for (const [list, keys] of ITEMS) {
    const index = (record[list] as unknown[]).findIndex(
      (item) =>
        typeof item !== 'object' ||
        item === null ||
        keys.some((key) => typeof (item as Record<string, unknown>)[key] !== 'string'),
    );
    if (index !== -1)
      throw new NotAReportError(file, `${list}[${index}] needs the strings ${keys.join(', ')}`);
  }
  return record as unknown as UpdateSummary;
}

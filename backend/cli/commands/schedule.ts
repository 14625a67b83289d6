import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import {
  checkCronExpression,
  checkTimezone,
  DEFAULT_CRON,
  runSchedule,
} from '../../schedule/run-schedule.ts';
import { resolveUpdateOptions, UPDATE_OPTIONS_HELP, updateOptionSpec } from '../update-options.ts';

export const command: Command = {
  name: 'schedule',
  summary: 'Run update on a schedule (every four hours by default) until stopped',
  help: `Usage: driverlog schedule [--cron EXPR] [--timezone TZ] [update options]

Runs 'driverlog update' on a cron schedule, never two at once, logging each run's summary.
SIGTERM or SIGINT stops scheduling; a run in progress is abandoned and leaves the data file as
it was. For a CI runner's own schedule (e.g. GitHub Actions), run 'driverlog update --push' instead.

Options:
  --cron EXPR        cron expression (default: "${DEFAULT_CRON}", every four hours)
  --timezone TZ      time zone of the expression (default: UTC)
${UPDATE_OPTIONS_HELP}
Example:
  driverlog schedule --push --report /var/log/driverlog/last-run.json
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...updateOptionSpec, cron: { type: 'string' }, timezone: { type: 'string' } },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    resolveUpdateOptions(values, io, Date.now()); // bad options fail now, not at the first run
    const cron = values.cron ?? DEFAULT_CRON;
    const timezone = values.timezone ?? 'UTC';
    checkCronExpression(cron);
    checkTimezone(timezone);
    if (!io.signal) throw new UsageError('schedule needs a stop signal (run it from the driverlog CLI)');
    return await runSchedule({
      cron,
      timezone,
      updateOptions: (now) => resolveUpdateOptions(values, io, now),
      io,
      signal: io.signal,
    });
  },
};

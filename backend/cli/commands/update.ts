import { parseCommandArgs, UsageError, type Command } from '../command.ts';
import { resolveUpdateOptions, UPDATE_OPTIONS_HELP, updateOptionSpec } from '../update-options.ts';
import { describeOutcome, runUpdate } from '../../update/run-update.ts';

export const command: Command = {
  name: 'update',
  summary: "Scan Gerrit for each driver's CI verdicts and write them into the data file",
  help: `Usage: driverlog update [--data FILE] [--gerrit-url URL] [--since DATE] [--commit] [--push] [--report FILE]

Scans every merged change of each Gerrit project that drivers with a ci block comment on (only
what changed since the last run, whose position is kept in the file's scan_state), and records per
driver and release the newest comment by the CI that matches its success or failure pattern.

Options:
${UPDATE_OPTIONS_HELP}
Exit status: 0 done, 1 a project could not be scanned (the others are written) or the file has
problems, 2 usage, lock held, I/O or git error.

Example:
  driverlog update --since 2024-01-01 --report update-report.json
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, updateOptionSpec, false);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const options = resolveUpdateOptions(values, io, Date.now());
    const outcome = await runUpdate({ ...options, io, ...(io.signal ? { signal: io.signal } : {}) });
    const { stdout, stderr } = describeOutcome(outcome);
    io.stdout(stdout);
    if (stderr !== '') io.stderr(`driverlog update: ${stderr}`);
    return outcome.exitCode;
  },
};

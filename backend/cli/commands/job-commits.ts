import { EXIT_OK, parseCommandArgs, UsageError, type Command } from '../command.ts';
import { printable } from '../../common/escape.ts';
import { commitsSince } from '../../common/git.ts';
import { jobOfMessage, type Job } from '../../model/job-trailer.ts';

const JOBS: readonly Job[] = ['update', 'sync'];

export const command: Command = {
  name: 'job-commits',
  summary: "List the commits since REF that carry a job's trailer (the workflows' question)",
  help: `Usage: driverlog job-commits --job update|sync --since REF

Prints, one a line as "SHA SUBJECT", each commit of REF..HEAD whose message ends with the trailer
"DriverLog-Job: JOB", by the rule validate --changed-since trusts: a line of the message's last
paragraph, lines split at line feeds only. A message holding a carriage return, U+2028 or U+2029 is
no job's commit. Prints nothing when there is none.

Options:
  --job JOB      update or sync
  --since REF    the git revision the commits come after, e.g. origin/main
  -h, --help     show this help

Exit status: 0 listed (or none), 2 usage or git error.

Example:
  driverlog job-commits --job sync --since origin/main
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { job: { type: 'string' }, since: { type: 'string' } },
      false,
    );
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const job = values.job as Job | undefined;
    if (job === undefined || !JOBS.includes(job)) throw new UsageError('--job must be update or sync');
    if (values.since === undefined) throw new UsageError('give --since REF, e.g. --since origin/main');
    const commits = (await commitsSince(io.cwd, values.since)).filter(
      (commit) => jobOfMessage(commit.message) === job,
    );
    for (const commit of commits) {
      io.stdout(`${commit.sha} ${printable(commit.message.split('\n')[0] ?? '')}\n`);
    }
    return EXIT_OK;
  },
};

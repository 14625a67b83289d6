import packageJson from '../../package.json' with { type: 'json' };
import { DriverlogError, EXIT_USAGE, exitCodeOf, UsageError } from '../common/errors.ts';
import { printableLines } from '../common/escape.ts';
import { processIo, type Io } from '../common/io.ts';
import { commands } from './commands/index.ts';

async function overview(): Promise<string> {
  const lines = ['Usage: driverlog <command> [options]', '', 'Commands:'];
  for (const load of Object.values(commands)) {
    const command = await load();
    lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', "Run 'driverlog <command> --help' for a command's options.");
  return lines.join('\n') + '\n';
}

/** The one place an expected failure becomes text on stderr and an exit code; anything else is a bug. */
function reportFailure(name: string, error: unknown, io: Io): number {
  if (!(error instanceof DriverlogError)) throw error;
  const usage = error instanceof UsageError ? `\nRun 'driverlog ${name} --help' for usage.` : '';
  // Messages quote upstream and registry text: whatever slipped through unescaped is escaped here.
  io.stderr(`driverlog ${name}: ${printableLines(error.message.trimEnd())}${usage}\n`);
  return exitCodeOf(error);
}

/** The commands' names: bin/driverlog.js keeps a code cache for each, and for no other word. */
export const commandNames: readonly string[] = Object.keys(commands);

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const load = topic === undefined ? undefined : commands[topic];
    io.stdout(load ? (await load()).help : await overview());
    return 0;
  }
  if (name === '--version') {
    io.stdout(`${packageJson.version}\n`);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`driverlog: unknown command '${name}'\n\n${await overview()}`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(name, error, io);
  }
}

import { readFileSync } from 'node:fs';
import { EXIT_USAGE, UsageError, type Io } from './command.ts';
import { commands } from './commands/index.ts';

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

async function overview(): Promise<string> {
  const lines = ['Usage: driverlog <command> [options]', '', 'Commands:'];
  for (const load of Object.values(commands)) {
    const command = await load();
    lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', "Run 'driverlog <command> --help' for a command's options.");
  return lines.join('\n') + '\n';
}

export function processIo(): Io {
  // `driverlog validate --format json | head` closes the pipe early: the reader has what it wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(signal));
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    signal: controller.signal,
  };
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const load = topic === undefined ? undefined : commands[topic];
    io.stdout(load ? (await load()).help : await overview());
    return 0;
  }
  if (name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  const load = commands[name];
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
    if (error instanceof UsageError) {
      io.stderr(`driverlog ${name}: ${error.message}\nRun 'driverlog ${name} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

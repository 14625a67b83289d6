import type { Command } from '../command.ts';

/** Every CLI command, loaded on demand so `driverlog validate` does not pay for the Gerrit client. */
export const commands: Record<string, () => Promise<Command>> = {};

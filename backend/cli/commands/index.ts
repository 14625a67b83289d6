import type { Command } from '../command.ts';

/** Every CLI command, loaded on demand so `driverlog validate` does not pay for the Gerrit client. */
export const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).command,
  format: async () => (await import('./format.ts')).command,
  update: async () => (await import('./update.ts')).command,
  schedule: async () => (await import('./schedule.ts')).command,
  'check-ci': async () => (await import('./check-ci.ts')).command,
  report: async () => (await import('./report.ts')).command,
  sync: async () => (await import('./sync.ts')).command,
  audit: async () => (await import('./audit.ts')).command,
  'job-commits': async () => (await import('./job-commits.ts')).command,
  upgrade: async () => (await import('./upgrade.ts')).command,
};

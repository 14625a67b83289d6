// Failures of a run that leave the data file as it was (or already fully replaced).

export class InvalidOutputError extends Error {
  readonly code = 'INVALID_OUTPUT';
  constructor(readonly problems: string[]) {
    super(`refusing to write or commit a registry that fails validation:\n${problems.join('\n')}`);
    this.name = 'InvalidOutputError';
  }
}

export class ConcurrentEditError extends Error {
  readonly code = 'CONCURRENT_EDIT';
  constructor(readonly file: string) {
    super(`${file} was changed by someone else during the run; nothing written, run update again`);
    this.name = 'ConcurrentEditError';
  }
}

import { DriverlogError } from '../common/errors.ts';

/** A --config file that cannot be read as INI, at FILE:LINE: a usage error (exit 2), as an unreadable file is. */
export class ConfigFileError extends DriverlogError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'CONFIG_FILE', 'usage', options);
  }
}

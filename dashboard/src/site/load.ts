// Reads the registry once per build. Pages import `site()`; nothing else touches the disk.
import { readFileSync } from 'node:fs';
import { buildModel, type SiteModel } from '../lib/model.ts';
import { normalizeRegistry } from '../lib/normalize.ts';
import { readSettings, type Settings } from './settings.ts';

export class RegistryReadError extends Error {
  readonly code = 'REGISTRY_READ';
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'RegistryReadError';
  }
}

export interface Site {
  settings: Settings;
  model: SiteModel;
}

let cached: Site | undefined;

export function site(): Site {
  if (cached) return cached;
  const settings = readSettings(process.env, Date.now());
  let text: string;
  try {
    text = readFileSync(settings.dataPath, 'utf8');
  } catch (error) {
    throw new RegistryReadError(`${settings.dataPath}: cannot read the registry (set DRIVERLOG_DATA)`, {
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RegistryReadError(`${settings.dataPath}: not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  cached = { settings, model: buildModel(normalizeRegistry(raw, settings.dataPath)) };
  return cached;
}

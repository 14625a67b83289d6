// Support matrices of our own, in sphinx-feature-classification's INI format.

export interface IniDriver {
  id: string;
  title: string;
  /** Feature id → value; a feature left out states nothing for the driver. */
  values: Record<string, string>;
  notes?: Record<string, string>;
}

export interface IniFeature {
  id: string;
  title: string;
  status?: string;
}

export function iniMatrix(features: IniFeature[], drivers: IniDriver[]): string {
  const lines = ['# A support matrix written for the tests.', ''];
  for (const driver of drivers) lines.push(`[driver.${driver.id}]`, `title=${driver.title}`, '');
  for (const feature of features) {
    lines.push(`[operation.${feature.id}]`, `title=${feature.title}`);
    if (feature.status) lines.push(`status=${feature.status}`);
    for (const driver of drivers) {
      const value = driver.values[feature.id];
      if (value !== undefined) lines.push(`driver.${driver.id}=${value}`);
      const note = driver.notes?.[feature.id];
      if (note !== undefined) lines.push(`driver-notes.${driver.id}=${note}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const MATRIX_PATH = 'doc/source/reference/support-matrix.ini';

export const FEATURES: IniFeature[] = [
  { id: 'supported', title: 'Driver is supported', status: 'mandatory' },
  { id: 'qos', title: 'Supports QoS' },
  { id: 'multiattach', title: 'Supports multi-attach' },
];

import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';
import { quote } from '../../common/quote.ts';

// Stray spaces in names are invisible in review but make "Dell EMC " a different vendor from
// "Dell EMC" in the dashboard's filters and in driver identities.
const FIELDS: Record<'projects' | 'vendors' | 'releases' | 'drivers', string[]> = {
  projects: ['id', 'name'],
  vendors: ['name'],
  releases: ['id'],
  drivers: ['project_id', 'vendor', 'name'],
};

const STRAY = /^\s|\s$|\s\s/;
const AT_ENDS = /^\s|\s$/;

export const whitespace: Check = {
  id: 'whitespace',
  description: 'Ids, vendors and names have no leading, trailing or doubled spaces.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const check = (value: unknown, pointer: string, key: string): void => {
      const text = isRecord(value) ? value[key] : undefined;
      if (typeof text !== 'string' || text === '' || !STRAY.test(text)) return;
      problems.push({
        check: 'whitespace',
        severity: 'warning',
        pointer: `${pointer}/${key}`,
        message: `${key} ${quote(text)} has ${AT_ENDS.test(text) ? 'leading or trailing' : 'doubled'} spaces`,
        hint: `write ${quote(text.trim().replace(/\s+/g, ' '), 1000)}`,
      });
    };
    for (const list of ['projects', 'vendors', 'releases', 'drivers'] as const) {
      for (const item of listOf(data, list) ?? [])
        for (const key of FIELDS[list]) check(item.value, item.pointer, key);
    }
    for (const driver of listOf(data, 'drivers') ?? []) check(driver.value.ci, `${driver.pointer}/ci`, 'id');
    return problems;
  },
};

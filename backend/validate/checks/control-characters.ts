import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { isRecord, listOf } from './shape.ts';

// "Acme\tBlock" renders as "Acme Block" on the dashboard while being another name: it passed review
// and took the real driver's page. Names are one line of ordinary characters.
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f);

function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return i;
  return -1;
}

/** The text on one line: each run of control characters becomes one space. */
function oneLine(text: string): string {
  let line = '';
  for (const char of text) {
    if (!isControl(char.charCodeAt(0))) line += char;
    else if (!line.endsWith(' ')) line += ' ';
  }
  return line.replace(/ {2,}/g, ' ').trim();
}

const NAMED: Record<string, string> = { '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return' };

export const controlCharacters: Check = {
  id: 'control-characters',
  description: 'No tabs, line breaks or other control characters in names and vendors.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const check = (owner: unknown, pointer: string, key: string): void => {
      const text = isRecord(owner) ? owner[key] : undefined;
      if (typeof text !== 'string') return;
      const index = firstControl(text);
      if (index === -1) return;
      const char = text[index]!;
      const what =
        NAMED[char] ??
        `the control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push({
        check: 'control-characters',
        severity: 'error',
        pointer: `${pointer}/${key}`,
        message: `${key} ${quote(text)} contains ${what} (at character ${index + 1})`,
        hint: `write it on one line with ordinary spaces: ${quote(oneLine(text), 200)}`,
      });
    };
    for (const project of listOf(data, 'projects') ?? []) check(project.value, project.pointer, 'name');
    for (const driver of listOf(data, 'drivers') ?? []) {
      check(driver.value, driver.pointer, 'vendor');
      check(driver.value, driver.pointer, 'name');
      const maintainers = driver.value.maintainers;
      if (Array.isArray(maintainers))
        maintainers.forEach((maintainer, i) =>
          check(maintainer, `${driver.pointer}/maintainers/${i}`, 'name'),
        );
    }
    return problems;
  },
};

import { pointerOf } from '../../json/pointer.ts';
import { controlName, firstControl, isControl } from '../../common/control.ts';
import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, type Item } from './shape.ts';

// "Acme\tBlock" renders as "Acme Block" on the dashboard while being another name: it passed review
// and took the real driver's page. Names are one line of ordinary characters. What the jobs write is
// published too: sync's matrix text (a NUL byte in a title reached the registry) and update's evidence
// hold no control characters either, but for the line breaks of notes, which matrices continue over lines.

/** The text on one line: each run of control characters becomes one space. */
function oneLine(text: string): string {
  let line = '';
  for (const char of text) {
    if (!isControl(char.charCodeAt(0))) line += char;
    else if (!line.endsWith(' ')) line += ' ';
  }
  return line.replace(/ {2,}/g, ' ').trim();
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The machine-written fields, by the job that writes them. */
const MACHINE_WRITTEN = { features: 'sync', upstream: 'sync', verification: 'update' } as const;

export const controlCharacters: Check = {
  id: 'control-characters',
  description:
    'No tabs, line breaks or other control characters in names and vendors, nor in what sync and update write.',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const check = (owner: unknown, pointer: string, key: string): void => {
      const text = isRecord(owner) ? owner[key] : undefined;
      if (typeof text !== 'string' || !CONTROL.test(text)) return;
      const index = firstControl(text);
      problems.push({
        check: 'control-characters',
        severity: 'error',
        pointer: `${pointer}/${key}`,
        message: `${key} ${quote(text)} contains ${controlName(text[index]!)} (at character ${index + 1})`,
        hint: `write it on one line with ordinary spaces: ${quote(oneLine(text), 200)}`,
      });
    };
    // Validate walks every record of the evidence: the path is kept as keys, and made a pointer only for a problem.
    const path: Array<string | number> = [];
    let job = '';
    const report = (text: string, what: string, notes: boolean): void => {
      // The common case, tested natively.
      if (!CONTROL.test(text)) return;
      const index = firstControl(text, notes);
      if (index === -1) return;
      problems.push({
        check: 'control-characters',
        severity: 'error',
        pointer: pointerOf(...path),
        message: `${what} ${quote(text)} contains ${controlName(text[index]!)} (at character ${index + 1})`,
        hint: `only \`driverlog ${job}\` writes this, and never a control character: undo the edit, or run it again`,
      });
    };
    /** Every string and key below a machine-written field, named by its key; notes may break lines. */
    const walk = (value: unknown, name: string, notes: boolean): void => {
      if (typeof value === 'string') report(value, name, notes);
      else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i], name, notes);
          path.pop();
        }
      } else if (isRecord(value)) {
        for (const key in value) {
          path.push(key);
          report(key, 'the key', notes);
          walk(value[key], key, notes || key === 'notes');
          path.pop();
        }
      }
    };
    const walkField = (owner: Item, list: string, field: keyof typeof MACHINE_WRITTEN): void => {
      path.push(list, owner.index, field);
      job = MACHINE_WRITTEN[field];
      walk(owner.value[field], field, false);
      path.length = 0;
    };
    for (const project of listOf(data, 'projects') ?? []) {
      check(project.value, project.pointer, 'name');
      walkField(project, 'projects', 'features');
    }
    for (const driver of listOf(data, 'drivers') ?? []) {
      check(driver.value, driver.pointer, 'vendor');
      check(driver.value, driver.pointer, 'name');
      const maintainers = driver.value.maintainers;
      if (Array.isArray(maintainers))
        maintainers.forEach((maintainer, i) =>
          check(maintainer, `${driver.pointer}/maintainers/${i}`, 'name'),
        );
      walkField(driver, 'drivers', 'upstream');
      walkField(driver, 'drivers', 'verification');
    }
    return problems;
  },
};

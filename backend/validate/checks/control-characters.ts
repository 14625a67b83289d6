import { pointerOf } from '../../json/pointer.ts';
import { stringEnd } from '../../json/scan.ts';
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

// JSON writes a control character in a string as an escape (\n, \t, \u001b…), but for DEL and C1, which may also
// stand as they are. When the text holds neither those nor an escape of one, except for line feeds below a `notes`
// member (the one place the check allows them), no string holds a character the check reports, and
// native searches of the text replace the walk of every value. Backslashes are rare in a registry (patterns'
// \S): each is the start of an escape, since valid JSON has them in strings only and an escape's second
// character is skipped.
const C1 = /[\u0080-\u009f]/;
const ESCAPED_CONTROL = new Set(['b', 'f', 'n', 'r', 't']);

/** Whether a control character stands anywhere in the text but as a line feed below a `notes` member. */
function controlOutsideNotes(text: string): boolean {
  if (text.includes('\u007f')) return true;
  // All of it ASCII (one byte per character) holds no C1 character: a native count spares a search of every one.
  if (Buffer.byteLength(text, 'utf8') !== text.length && C1.test(text)) return true;
  let notes: { start: number; end: number } | undefined = { start: -1, end: -1 };
  for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', at + 2)) {
    const escaped = text[at + 1]!;
    const code = escaped === 'u' ? Number.parseInt(text.slice(at + 2, at + 6), 16) : undefined;
    if (code === undefined ? !ESCAPED_CONTROL.has(escaped) : !isControl(code)) continue;
    if (escaped !== 'n' && code !== 0x0a) return true;
    // Notes values are looked for in order, as the line feeds are, and only once there is one. Everything below
    // a notes member may break lines (sync writes upstream notes per feature).
    while (notes !== undefined && notes.end <= at) notes = notesValue(text, notes.end);
    if (notes === undefined || at < notes.start) return true;
  }
  return false;
}

/** The first value of a `notes` member from `from` on, as offsets: its first character, and just past its last. */
function notesValue(text: string, from: number): { start: number; end: number } | undefined {
  for (let key = text.indexOf('"notes"', from); key !== -1; key = text.indexOf('"notes"', key + 1)) {
    // A quote after an odd run of backslashes is inside a string; a string followed by ':' is a key.
    let backslashes = 0;
    while (text.charCodeAt(key - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 1) continue;
    SPACE_COLON_SPACE.lastIndex = key + 7;
    if (!SPACE_COLON_SPACE.test(text)) continue;
    const start = SPACE_COLON_SPACE.lastIndex;
    return { start, end: valueEnd(text, start) };
  }
  return undefined;
}

/** Just past the JSON value that starts at `start` (strings skipped whole, so brackets in them do not count). */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"') at = stringEnd(text, at) - 1;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    // A number, true, false or null: a line feed is never in one, so its end need not be exact.
    if (depth === 0) return at + 1;
  }
  return text.length;
}

const SPACE_COLON_SPACE = /[ \t\n\r]*:[ \t\n\r]*/y;

/** The machine-written fields, by the job that writes them. */
const MACHINE_WRITTEN = { features: 'sync', upstream: 'sync', verification: 'update' } as const;

export const controlCharacters: Check = {
  id: 'control-characters',
  description:
    'No tabs, line breaks or other control characters in names and vendors, nor in what sync and update write.',
  run: ({ data, source }) => {
    const problems: Problem[] = [];
    if (source.ok && !controlOutsideNotes(source.text)) return problems;
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

import { describe, expect, it } from 'vitest';
import { parseJsonSource } from '../../../backend/json/source.ts';
import { controlCharacters } from '../../../backend/validate/checks/control-characters.ts';
import { random } from '../../helpers/random.ts';
import { contextOf as context, expectShortcutAgreesWithWalk } from '../../helpers/text-shortcut.ts';

// control-characters skips its walk when every control character of the text is a line feed in a `notes` string.
// Over registries whose names, notes and machine-written fields hold control characters written every way JSON
// can (escapes, raw DEL and C1, look-alikes after an escaped backslash), it must report exactly what the walk does.
const ORDINARY = ['plain', 'back\\nslash', 'x\\u000a', 'Ü'];
const CONTROLS = ['two\nlines', 'a\ttab', 'nul\u0000', 'del\u007f', 'nel\u0085', 'crlf\r\n'];
const KEYS = ['notes', 'title', 'comment', 'no\nte', 'Notes', 'x"notes'];

function registry(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  // Mostly ordinary, so that many texts are quiet; what is below a notes member mostly breaks lines, which it may.
  const text = (notes = false) =>
    notes && next() < 0.7 ? 'two\nlines' : next() < 0.9 ? pick(ORDINARY) : pick(CONTROLS);
  // JSON.stringify escapes C0 controls one way; the text may also use \u escapes of either case, or none for C1.
  const string = (value: string) =>
    JSON.stringify(value)
      .replace(/\\n/g, (whole) => pick([whole, whole, '\\u000a', '\\u000A']))
      .replace(/[\u007f-\u009f]/g, (char) =>
        next() < 0.5 ? char : `\\u00${char.charCodeAt(0).toString(16)}`,
      );
  const space = () => pick(['', ' ', '\n  ']);
  const value = (depth: number, notes = false): string =>
    depth < 3 && next() < 0.35
      ? `{${Array.from({ length: 1 + Math.floor(next() * 3) }, () => member(pick(KEYS), depth + 1, notes)).join(',')}}`
      : next() < 0.2
        ? `[${string(text(notes))}, ${pick(['1', 'null', '{}', '[]'])}]`
        : string(text(notes));
  const member = (key: string, depth: number, notes = false) =>
    `${string(notes && next() < 0.5 ? 'no\nte' : key)}${space()}:${space()}${value(depth, notes || key === 'notes')}`;
  const driver = () =>
    `{"vendor": ${string(text())}, "name": ${string(text())}, "maintainers": [{"name": ${string(text())}}], ` +
    `"upstream": ${value(0)}, "verification": {"Rocky": ${value(1)}}, ${member('notes', 2)}}`;
  const project = () => `{"name": ${string(text())}, "features": [${value(1)}]}`;
  return `{"projects": [${project()}], "drivers": [${driver()}, ${driver()}]}`;
}

describe('control-characters', () => {
  it('reports what a walk of every value reports, whatever the text', () => {
    const next = random(11);
    const { reported, quiet } = expectShortcutAgreesWithWalk(controlCharacters, () => registry(next), {
      // A tab in the text makes the check walk: the reference.
      walkText: '\\t',
      // Quiet with a control character or a look-alike in the text: the native answer, not the walk's.
      lookAlike: (text) => /\\[nu]|[\u007f-\u009f]/.test(text),
    });
    expect(reported).toBeGreaterThan(500);
    expect(quiet).toBeGreaterThan(100);
  });

  it('allows the line breaks of notes without a walk, and reports one in a name', () => {
    const notes = parseJsonSource('{"drivers": [{"name": "A", "upstream": {"notes": "one\\ntwo"}}]}');
    expect(controlCharacters.run(context(notes))).toEqual([]);
    // The answer is the text's: a value it does not hold is not walked.
    if (!notes.ok) throw new Error('not JSON');
    const walkedValue = { ...notes, value: { drivers: [{ name: 'A\tB' }] } };
    expect(controlCharacters.run(context(walkedValue))).toEqual([]);
    const name = parseJsonSource('{"drivers": [{"name": "A\\u000Ab", "upstream": {"notes": "one\\ntwo"}}]}');
    expect(controlCharacters.run(context(name)).map((problem) => problem.pointer)).toEqual([
      '/drivers/0/name',
    ]);
    // Notes may break lines, and hold no other control character, however it is written.
    for (const written of ['\\t', '\\u0000', '\u0085', '\\u009F', '\\r']) {
      const text = `{"drivers": [{"name": "A", "upstream": {"notes": "one\\ntwo${written}"}}]}`;
      expect(controlCharacters.run(context(parseJsonSource(text)))).toMatchObject([
        { pointer: '/drivers/0/upstream/notes' },
      ]);
    }
  });
});

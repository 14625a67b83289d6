import { INVISIBLE, withoutInvisible } from '../invisible.ts';
import type { Problem } from '../problem.ts';
import { quote } from '../quote.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';

// A vendor spelled with a zero-width space is, to the dashboard's filters, another vendor that looks
// the same; a right-to-left override makes a name read as another. Warn, as for vendor spellings: a
// reviewer cannot see them in the diff.
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

export const invisibleCharacters: Check = {
  id: 'invisible-characters',
  description: 'No zero-width or text-direction characters in vendors and driver names.',
  run: ({ data }) =>
    (listOf(data, 'drivers') ?? []).flatMap((driver) =>
      (['vendor', 'name'] as const).flatMap((key): Problem[] => {
        const text = stringAt(driver.value, key);
        // Most names have none: test before collecting them.
        if (text === undefined || !HAS_INVISIBLE.test(text)) return [];
        const found = [...new Set(text.match(INVISIBLE))];
        const codes = found.map(
          (char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        );
        return [
          {
            check: 'invisible-characters',
            severity: 'warning',
            pointer: `${driver.pointer}/${key}`,
            message: `${key} ${quote(text)} contains invisible or text-direction characters (${codes.join(', ')}), so it can look like another ${key}`,
            hint: `write ${quote(withoutInvisible(text), 200)}`,
          },
        ];
      }),
    ),
};

import type { FailingCase } from '../failing-case.ts';
import { textOf, validRegistry } from '../../../helpers/registry-fixture.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'duplicate-key',
    // JSON.stringify cannot write a key twice: splice a second "vendor" into the first driver's text.
    text: () =>
      textOf(validRegistry()).replace('"vendor": "Acme",', '"vendor": "Acme",\n      "vendor": "Acme Corp",'),
    pointer: '/drivers/0/vendor',
    message: /^duplicate key "vendor" \(first at line \d+, column \d+\); only this last value would be kept$/,
    hint: /keep one of the two/,
  },
];

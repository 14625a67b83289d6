import { editRuns, type FailingCase } from '../failing-case.ts';
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
  {
    // A bad merge of the runs file: one run with two results.
    check: 'duplicate-key',
    runsText: () => textOf(editRuns()).replace('"ci_result": true', '"ci_result": false,\n"ci_result": true'),
    pointer: '/drivers/0/recent/Rocky/0/ci_result',
    message:
      /^duplicate key "ci_result" \(first at line \d+, column \d+\); only this last value would be kept$/,
  },
];

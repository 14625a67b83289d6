import type { FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'json-syntax',
    text: () => '{"projects": [],\n  "drivers": [,]}\n',
    pointer: '',
    message: /^unexpected ',': expected a value$/,
    hint: /a value is an object, array/,
  },
];

import type { FailingCase } from '../failing-case.ts';

export const failingCases: FailingCase[] = [
  {
    check: 'json-syntax',
    text: () => '{"projects": [],\n  "drivers": [,]}\n',
    pointer: '',
    message: /^unexpected ',': expected a value$/,
    hint: /a value is an object, array/,
  },
  {
    check: 'json-syntax',
    runsText: () => '{\n  "drivers": [\n    { "project_id": "openstack/cinder",\n',
    pointer: '',
    message: /^unexpected end of input/,
    hint: /the file looks truncated/,
  },
];

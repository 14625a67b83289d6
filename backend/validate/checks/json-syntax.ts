import type { Check } from './check.ts';

export const jsonSyntax: Check = {
  id: 'json-syntax',
  description: 'The file is well-formed JSON.',
  run: ({ source }) =>
    source.ok
      ? []
      : [
          {
            check: 'json-syntax',
            severity: 'error',
            pointer: '',
            position: source.error.position,
            message: source.error.message,
            hint: source.error.hint,
          },
        ],
};

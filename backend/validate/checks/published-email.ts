import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord } from './shape.ts';

// Everything in the registry except a maintainer's `email` field is published by the dashboard and its API.
// The original DriverLog leaked maintainers' addresses; an address typed into a name or a description would
// leak the same way.
const ADDRESS = /[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)+/i;

export const publishedEmail: Check = {
  id: 'published-email',
  description:
    'No e-mail address in a field that is published (only a maintainer\u2019s `email` stays private).',
  run: ({ data }) => {
    const problems: Problem[] = [];
    const walk = (value: unknown, pointer: string, key: string): void => {
      // A maintainer's own `email` is never published; `verification` is written by the batch job from CI text.
      if (key === 'email' || key === 'verification') return;
      if (typeof value === 'string') {
        const address = ADDRESS.exec(value)?.[0];
        if (address)
          problems.push({
            check: 'published-email',
            severity: 'error',
            pointer,
            message: `${key} contains the e-mail address "${address}", which the dashboard and API would publish`,
            hint: 'remove it; maintainers can be reached through a Launchpad id or IRC nick',
          });
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, appendPointer(pointer, i), key));
      } else if (isRecord(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, appendPointer(pointer, k), k);
      }
    };
    walk(data, '', '');
    return problems;
  },
};

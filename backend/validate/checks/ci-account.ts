import type { Check } from './check.ts';
import { ciBlocks, driverLabel } from './shape.ts';

// The schema lets either field be left out (a wiki name is enough: update finds its account), but a block with
// neither names no CI at all, and update could only skip the driver.
export const ciAccount: Check = {
  id: 'ci-account',
  description: 'Every ci block names its CI account: by id (the Gerrit username) or by wiki_name.',
  run: ({ data }) =>
    ciBlocks(data).flatMap(({ ci, pointer, driver }) =>
      ci.id !== undefined || ci.wiki_name !== undefined
        ? []
        : [
            {
              check: 'ci-account',
              severity: 'error' as const,
              pointer,
              message: `the ci block of driver ${driverLabel(driver.value)} names no CI account`,
              hint: 'give "id" (the CI account\'s Gerrit username) or "wiki_name" (its ThirdPartySystems page name, e.g. "Acme_Storage_CI")',
            },
          ],
    ),
};

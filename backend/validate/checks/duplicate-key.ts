import type { Check } from './check.ts';

// JSON.parse keeps the last of two equal keys without a word, so the first value is silently lost.
export const duplicateKey: Check = {
  id: 'duplicate-key',
  description: 'No object repeats a key.',
  run: ({ source }) =>
    source.ok
      ? source.duplicates.map((duplicate) => ({
          check: 'duplicate-key',
          severity: 'error' as const,
          pointer: duplicate.pointer,
          position: duplicate.position,
          message: `duplicate key "${duplicate.key}" (first at line ${duplicate.first.line}, column ${duplicate.first.column}); only this last value would be kept`,
          hint: 'keep one of the two, merging their values if both matter',
        }))
      : [],
};

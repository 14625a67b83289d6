import { closest } from '../../common/closest.ts';
import { appendPointer } from '../../json/pointer.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';

export const unknownRelease: Check = {
  id: 'unknown-release',
  description: 'Every release a driver claims, or has verification for, is one of the listed releases.',
  run: ({ data }) => {
    if (isRecord(data) && data.releases !== undefined && !Array.isArray(data.releases)) return [];
    const ids = (listOf(data, 'releases') ?? []).flatMap((release) => stringAt(release.value, 'id') ?? []);
    const known = new Set(ids);
    const unknown = (pointer: string, id: string, what: string): Problem => {
      const suggestion = closest(id, ids);
      return {
        check: 'unknown-release',
        severity: 'error',
        pointer,
        message: `${what} "${id}" is not in the releases list`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `known releases: ${ids.join(', ') || 'none'}`,
      };
    };
    return (listOf(data, 'drivers') ?? []).flatMap((driver) => {
      const problems: Problem[] = [];
      const { releases, verification } = driver.value;
      if (Array.isArray(releases)) {
        releases.forEach((id, index) => {
          if (typeof id === 'string' && !known.has(id))
            problems.push(unknown(`${driver.pointer}/releases/${index}`, id, 'release'));
        });
      }
      if (isRecord(verification)) {
        for (const id of Object.keys(verification)) {
          if (!known.has(id))
            problems.push(
              unknown(appendPointer(`${driver.pointer}/verification`, id), id, 'verification for release'),
            );
        }
      }
      return problems;
    });
  },
};

import { appendPointer } from '../../json/pointer.ts';
import { releasedAfterRetirement } from '../../model/retirement.ts';
import type { Problem } from '../problem.ts';
import type { Check } from './check.ts';
import { listOf, stringAt } from './shape.ts';
import { quote } from '../../common/quote.ts';

// A project OpenStack retired has no releases after its retirement: a claim for one cannot be tested
// against anything, and `update` no longer scans the project.
export const retiredClaim: Check = {
  id: 'retired-claim',
  description: 'No driver claims a release that came out after its project was retired.',
  run: ({ data }) => {
    const retiredOn = new Map<string, string>();
    for (const project of listOf(data, 'projects') ?? []) {
      const id = stringAt(project.value, 'id');
      const retired = stringAt(project.value, 'retired_on');
      if (id !== undefined && retired !== undefined && !retiredOn.has(id)) retiredOn.set(id, retired);
    }
    if (retiredOn.size === 0) return [];
    const releaseDate = new Map<string, string>();
    for (const release of listOf(data, 'releases') ?? []) {
      const id = stringAt(release.value, 'id');
      const start = stringAt(release.value, 'start');
      if (id !== undefined && start !== undefined && !releaseDate.has(id)) releaseDate.set(id, start);
    }
    const problems: Problem[] = [];
    for (const driver of listOf(data, 'drivers') ?? []) {
      const project = stringAt(driver.value, 'project_id');
      const retired = project === undefined ? undefined : retiredOn.get(project);
      const claims = driver.value.releases;
      if (retired === undefined || !Array.isArray(claims)) continue;
      claims.forEach((claim, i) => {
        const start = typeof claim === 'string' ? releaseDate.get(claim) : undefined;
        if (start === undefined || !releasedAfterRetirement({ retired_on: retired }, { start })) return;
        problems.push({
          check: 'retired-claim',
          severity: 'warning',
          pointer: appendPointer(`${driver.pointer}/releases`, String(i)),
          message: `${quote(claim as string)} came out on ${start}, after ${project} was retired on ${retired}`,
          hint: `remove the claim: a retired project has no ${quote(claim as string)} to support, and its drivers are not scanned for CI`,
        });
      });
    }
    return problems;
  },
};

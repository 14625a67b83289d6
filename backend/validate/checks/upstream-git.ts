import { UPSTREAM_GIT_HINT, upstreamGitProblem } from '../../model/upstream-git.ts';
import type { Problem } from '../problem.ts';
import { quote } from '../../common/quote.ts';
import type { Check } from './check.ts';
import { isRecord, listOf, stringAt } from './shape.ts';

// sync clones upstream.git and runs git in it: a pull request must not be able to point it at a path (a
// repository the pull request commits, whose config runs programs) or at anything but https.
export const upstreamGit: Check = {
  id: 'upstream-git',
  description: "A project's upstream.git is an https:// URL.",
  run: ({ data }) =>
    (listOf(data, 'projects') ?? []).flatMap((project): Problem[] => {
      const upstream = project.value.upstream;
      const git = isRecord(upstream) ? stringAt(upstream, 'git') : undefined;
      const problem = git === undefined ? undefined : upstreamGitProblem(git);
      if (git === undefined || problem === undefined) return [];
      return [
        {
          check: 'upstream-git',
          severity: 'error',
          pointer: `${project.pointer}/upstream/git`,
          message: `upstream.git ${quote(git)} ${problem}: sync reads only https:// repositories named here`,
          hint: UPSTREAM_GIT_HINT,
        },
      ];
    }),
};

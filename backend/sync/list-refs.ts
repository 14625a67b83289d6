import { RepoError, SyncAbortedError } from './errors.ts';
import type { ObjectReader } from './object-reader.ts';
import type { RepoRefs } from './resolve-ref.ts';

// A repository's refs as repo.ts reads them: one for-each-ref gives every ref, what it names, its commit
// (peeled from its tag) and its committer date, so that a run where no ref moved reads no object.

/** The refs, and the commit each names (peeled from its tag), as one for-each-ref lists them. */
export interface RefListing {
  refs: RepoRefs;
  commits: ReadonlyMap<string, string>;
}

export async function listRefs(
  run: (args: string[]) => Promise<Buffer>,
  objects: ObjectReader,
  location: string,
  headBranch: string | undefined,
): Promise<RefListing> {
  try {
    const refs = new Set<string>();
    const notCommits = new Map<string, string>();
    const commits = new Map<string, string>();
    const dates = new Map<string, string>();
    const listed = (
      await run([
        'for-each-ref',
        '--format=%(refname)%00%(objecttype)%00%(*objecttype)%00%(symref)%00%(objectname)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)',
        'refs/heads',
        'refs/remotes',
        'refs/tags',
      ])
    ).toString('utf8');
    let originHead: string | undefined;
    for (const line of listed.split('\n')) {
      if (line === '') continue;
      const [
        ref = '',
        type = '',
        peeled = '',
        symref = '',
        oid = '',
        peeledOid = '',
        date = '',
        peeledDate = '',
      ] = line.split('\0');
      // A tag may point to a tree or a blob: that release has no matrix to read, and the report says why.
      const target = type === 'tag' ? peeled : type;
      if (target === 'tree' || target === 'blob') notCommits.set(ref, target);
      else refs.add(ref);
      // A tag of a tag peels further than one step: that one is left to cat-file.
      if (target === 'commit') {
        commits.set(ref, type === 'tag' ? peeledOid : oid);
        dates.set(ref, type === 'tag' ? peeledDate : date);
      }
      if (ref === 'refs/remotes/origin/HEAD' && symref !== '') originHead = symref;
    }
    // A clone's default branch is what origin/HEAD names; a repository without one reads its own HEAD.
    const defaultBranch =
      originHead ??
      headBranch ??
      ((await run(['rev-parse', '--symbolic-full-name', 'HEAD'])).toString('utf8').trim() || 'HEAD');
    const listedDate = dates.get(defaultBranch);
    if (listedDate && /^[1-9]\d*$/.test(listedDate)) {
      const newestCommit = Number(listedDate) * 1000;
      return { refs: { refs, notCommits, defaultBranch, newestCommit }, commits };
    }
    // The committer line of the commit object (plumbing: `git log` reads log.showSignature and more).
    const commit = (await objects.contents(`${defaultBranch}^{commit}`))?.toString('utf8') ?? '';
    const committed = /^committer .* (\d+) [+-]\d{4}$/m.exec(commit.slice(0, commit.indexOf('\n\n')));
    if (!committed) throw new RepoError(`${defaultBranch} of ${location} has no committer line`);
    return { refs: { refs, notCommits, defaultBranch, newestCommit: Number(committed[1]) * 1000 }, commits };
  } catch (error) {
    if (error instanceof SyncAbortedError) throw error;
    throw new RepoError(`cannot list the branches and tags of ${location}`, error);
  }
}

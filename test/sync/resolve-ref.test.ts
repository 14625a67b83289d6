import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Release } from '../../backend/model/types.ts';
import { resolveRefs, shortRef, type RepoRefs } from '../../backend/sync/resolve-ref.ts';

const release = (id: string, start: string, branch?: string): Release => ({
  id,
  wiki: `https://releases.openstack.org/${id.toLowerCase()}/`,
  start,
  ...(branch ? { branch } : {}),
});

const RELEASES = [
  release('Rocky', '2018-08-30'),
  release('Stein', '2019-04-10'),
  release('Train', '2019-10-16'),
  release('Antelope', '2023-03-22', 'stable/2023.1'),
  release('Bobcat', '2023-10-04', 'stable/2023.2'),
  release('Caracal', '2024-04-03', 'stable/2024.1'),
  release('Dalmatian', '2024-10-02', 'stable/2024.2'),
];

const repo = (refs: string[], newest = '2024-06-01'): RepoRefs => ({
  refs: new Set(refs),
  defaultBranch: 'refs/heads/master',
  newestCommit: Date.parse(`${newest}T00:00:00Z`),
});

const refOf = (refs: RepoRefs, explicit?: Record<string, string>) =>
  Object.fromEntries(
    resolveRefs(RELEASES, refs, explicit).map((r) => [r.release, r.ref && `${r.rule} ${r.ref}`]),
  );

describe('resolveRefs', () => {
  it('takes the branch stable/S, with S from the release branch or its id in lower case', () => {
    const refs = repo(['refs/heads/stable/rocky', 'refs/heads/stable/2023.1', 'refs/tags/rocky-eol']);
    expect(refOf(refs)).toMatchObject({
      Rocky: 'branch refs/heads/stable/rocky',
      Antelope: 'branch refs/heads/stable/2023.1',
    });
  });

  it('then unmaintained/S, local before remote-tracking, origin before other remotes', () => {
    const refs = repo([
      'refs/remotes/upstream/unmaintained/stein',
      'refs/remotes/origin/unmaintained/stein',
      'refs/remotes/origin/unmaintained/2023.1',
      'refs/heads/unmaintained/2023.1',
      'refs/tags/stein-eol',
    ]);
    expect(refOf(refs)).toMatchObject({
      Stein: 'branch refs/remotes/origin/unmaintained/stein',
      Antelope: 'branch refs/heads/unmaintained/2023.1',
    });
  });

  it('then the tags S-eol, S-eom, S-em, in that order', () => {
    const refs = repo([
      'refs/tags/train-em',
      'refs/tags/train-eom',
      'refs/tags/train-eol',
      'refs/tags/2023.2-eom',
      'refs/tags/2023.2-em',
      'refs/tags/2024.1-em',
    ]);
    expect(refOf(refs)).toMatchObject({
      Train: 'tag refs/tags/train-eol',
      Bobcat: 'tag refs/tags/2023.2-eom',
      Caracal: 'tag refs/tags/2024.1-em',
    });
  });

  it('reads the default branch for the release in development: the earliest dated after its newest commit', () => {
    expect(refOf(repo([], '2024-06-01'))).toMatchObject({
      Dalmatian: 'development refs/heads/master',
      Caracal: undefined,
    });
    // A release already branched is read at its branch, even when dated after the newest commit.
    expect(refOf(repo(['refs/heads/stable/2024.2'], '2024-06-01'))).toMatchObject({
      Dalmatian: 'branch refs/heads/stable/2024.2',
    });
    // Every release is past: none is in development.
    expect(Object.values(refOf(repo([], '2025-01-01'))).every((ref) => ref === undefined)).toBe(true);
  });

  it('prefers upstream.refs over every rule', () => {
    const refs = repo(['refs/heads/stable/2023.2', 'refs/tags/2023.2-eol']);
    expect(refOf(refs, { Bobcat: '23.2.0', Rocky: 'abc1234' })).toMatchObject({
      Bobcat: 'refs 23.2.0',
      Rocky: 'refs abc1234',
    });
  });

  it('says why a release has no ref', () => {
    const [rocky] = resolveRefs(RELEASES, repo([], '2024-06-01'));
    expect(rocky).toEqual({
      release: 'Rocky',
      none: 'no branch stable/rocky or unmaintained/rocky, no tag rocky-eol, -eom or -em, and not the release in development (Dalmatian)',
    });
  });

  it('ignores look-alike refs: another branch family, a tag named like a branch', () => {
    const refs = repo([
      'refs/heads/feature/stable/rocky',
      'refs/tags/stable/rocky',
      'refs/tags/rocky-eol-old',
    ]);
    expect(refOf(refs).Rocky).toBeUndefined();
  });
});

describe('shortRef', () => {
  it('drops refs/heads, refs/tags and refs/remotes', () => {
    expect(
      [
        'refs/heads/stable/2025.1',
        'refs/tags/rocky-eol',
        'refs/remotes/origin/unmaintained/yoga',
        'abc123',
      ].map(shortRef),
    ).toEqual(['stable/2025.1', 'rocky-eol', 'origin/unmaintained/yoga', 'abc123']);
  });
});

const shared = new URL('../../../shared/fixtures/openstack-upstream/', import.meta.url);

describe.skipIf(!existsSync(shared))("resolveRefs on cinder's real refs (../shared)", () => {
  it("picks, for every release from Rocky on, the ref cinder's matrix was read at", () => {
    const rows = readFileSync(new URL('cinder/refs.tsv', shared), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const registry = JSON.parse(
      readFileSync(new URL('../../default_data.json', import.meta.url), 'utf8'),
    ) as {
      releases: Release[];
    };
    const names = rows.map(([, , ref]) => ref!);
    const refs: RepoRefs = {
      // Branches as a bare clone has them, tags as named; master's newest commit is the fixture's day.
      refs: new Set(
        names.map((ref) => (/^(stable|unmaintained)\//.test(ref) ? `refs/heads/${ref}` : `refs/tags/${ref}`)),
      ),
      defaultBranch: 'refs/heads/master',
      newestCommit: Date.parse('2026-08-21T18:05:24Z'),
    };
    const resolved = Object.fromEntries(
      resolveRefs(registry.releases, refs).map((r) => [r.release.toLowerCase(), r.ref && shortRef(r.ref)]),
    );
    for (const [series, , ref] of rows) expect([series, resolved[series!]]).toEqual([series, ref]);
  });
});

import type { Project, ProjectUpstream, Release } from '../model/types.ts';
import type { CodeKey, TreeCode } from './code-cache-entry.ts';
import { readCodeEntry, writeCodeEntry } from './code-cache.ts';
import { codeClasses, type SkippedFile } from './code-facts.ts';
import type { ReleaseClasses } from './code-upstream.ts';
import { moduleNameOf, readPythonModule, type PythonModule, type PythonParse } from './python-module.ts';
import type { ModuleSet } from './python-resolve.ts';
import type { RepoFile, UpstreamRepo } from './repo.ts';
import { resolveRefs, shortRef, type RefRule } from './resolve-ref.ts';

type CodeConfig = NonNullable<ProjectUpstream['code']>;

/** What the report says of one release's classes: the ref read and what it holds, or why nothing. */
export type CodeReleaseRead =
  | {
      release: string;
      ref: string;
      rule: RefRule;
      commit: string;
      files: number;
      classes: number;
      cached: boolean;
    }
  | { release: string; ref?: string; rule?: RefRule; commit?: string; none: string };

export interface CodeRead {
  releases: CodeReleaseRead[];
  /** The classes of each release read, in the registry's release order. */
  classes: ReleaseClasses[];
  warnings: string[];
}

/**
 * Every release's driver classes of one project (upstream.code), read at the ref the rules give: each .py
 * file under the paths is parsed, and each class decorated with the marker is recorded. A commit read
 * before is served from the cache. Syntax errors and values that are not literals are warnings.
 */
export async function readCode(
  project: Project & { upstream: ProjectUpstream & { code: CodeConfig } },
  releases: readonly Release[],
  repo: UpstreamRepo,
  options: { cacheDir: string },
): Promise<CodeRead> {
  const { paths, marker } = project.upstream.code;
  const reader = treeReader(repo, marker);
  const result: CodeRead = { releases: [], classes: [], warnings: [] };
  const notes = new Notes();
  const resolvedRefs = resolveRefs(releases, await repo.refs(), project.upstream.refs);
  const commits = await repo.commitsOf(resolvedRefs.flatMap((resolved) => resolved.ref ?? []));
  for (const resolved of resolvedRefs) {
    const { release } = resolved;
    if (resolved.ref === undefined) {
      result.releases.push({ release, none: resolved.none });
      continue;
    }
    const ref = shortRef(resolved.ref);
    const commit = commits.get(resolved.ref);
    if (commit === undefined) {
      result.releases.push({ release, ref, rule: resolved.rule, none: `${ref} names no commit` });
      continue;
    }
    const key: CodeKey = { commit, paths, marker };
    const cached = readCodeEntry(options.cacheDir, key);
    if (cached.warning) result.warnings.push(cached.warning);
    const code = cached.code ?? (await reader(commit, paths));
    if (!cached.code) {
      const warning = writeCodeEntry(options.cacheDir, key, code);
      if (warning) result.warnings.push(warning);
    }
    const read = { release, ref, rule: resolved.rule, commit };
    if (code.files === 0) {
      result.releases.push({ ...read, none: `${ref} has no .py file under ${paths.join(', ')}` });
      continue;
    }
    if (!code.marked) {
      result.releases.push({
        ...read,
        none: `no class under ${paths.join(', ')} is decorated with ${marker}`,
      });
      continue;
    }
    notes.add(ref, code);
    result.releases.push({ ...read, files: code.files, classes: code.classes.length, cached: !!cached.code });
    result.classes.push({
      release,
      ref,
      classes: new Map(code.classes.map((found) => [found.class, found])),
    });
  }
  result.warnings.push(...notes.lines());
  return result;
}

interface Parsed {
  mentions: boolean;
  module?: PythonModule;
  skipped?: SkippedFile;
}

/**
 * Reads trees with memory across calls: a blob read once is never parsed again, and a file's previous
 * version's parse is reused for its next (oldest release first, most of each file is unchanged). Only the
 * files that name the marker are parsed up front; any other module is parsed when resolving a class's
 * bases or values first asks for it, since most of a tree (clients, helpers) is never asked for.
 */
function treeReader(repo: UpstreamRepo, marker: string) {
  const name = marker.slice(marker.lastIndexOf('.') + 1);
  const parsed = new Map<string, Parsed>();
  const previous = new Map<string, PythonParse>();
  // The texts of the last tree's files never parsed: the next tree mostly has the same blobs.
  let unparsed = new Map<string, string>();
  return async (commit: string, paths: readonly string[]): Promise<TreeCode> => {
    const files = await repo.filesUnder(commit, paths, '.py');
    const keyOf = (file: { path: string; blob: string }) => `${file.blob} ${file.path}`;
    const wanted = files.filter((file) => !parsed.has(keyOf(file)));
    const texts = await repo.readBlobs([
      ...new Set(wanted.filter((file) => !unparsed.has(file.blob)).map((f) => f.blob)),
    ]);
    for (const file of wanted) if (!texts.has(file.blob)) texts.set(file.blob, unparsed.get(file.blob)!);
    const skipped: SkippedFile[] = [];
    const read = (file: RepoFile) => {
      let entry = parsed.get(keyOf(file));
      if (!entry) {
        const text = texts.get(file.blob)!;
        const result = readPythonModule(file.path, text, previous.get(file.path));
        previous.set(file.path, result.parse);
        entry = result.ok
          ? { mentions: text.includes(name), module: result.module }
          : {
              mentions: text.includes(name),
              skipped: { file: file.path, line: result.error.line, message: result.error.message },
            };
        parsed.set(keyOf(file), entry);
      }
      if (entry.skipped) skipped.push(entry.skipped);
      return entry;
    };
    // A class can only carry a decorator in a file that names it: when none of those has a marked class
    // (a release older than the marker), the tree has none, and the rest is not parsed.
    const naming = files.filter(
      (file) => parsed.get(keyOf(file))?.mentions ?? texts.get(file.blob)!.includes(name),
    );
    const candidates = naming.flatMap((file) => read(file).module ?? []);
    const marked = candidates.some((module) => module.classes.some((c) => c.decorators.includes(marker)));
    const classes = marked ? codeClasses(candidates, marker, lazyModules(files, read)) : [];
    unparsed = new Map(
      files.flatMap((file) => (parsed.has(keyOf(file)) ? [] : [[file.blob, texts.get(file.blob)!]])),
    );
    return { files: files.length, marked, classes, skipped: marked ? skipped : [] };
  };
}

/** The tree's modules by dotted name, each parsed when first asked for (a package wins over a module). */
function lazyModules(files: readonly RepoFile[], read: (file: RepoFile) => Parsed): ModuleSet {
  const byName = new Map(files.map((file) => [moduleNameOf(file.path).name, file]));
  const got = new Map<string, PythonModule | undefined>();
  const get = (module: string) => {
    if (!got.has(module)) {
      const file = byName.get(module);
      got.set(module, file && read(file).module);
    }
    return got.get(module);
  };
  return { get, has: (module) => get(module) !== undefined };
}

/** Warnings at REF:PATH:LINE, each said once: the first ref it is found at, and how many more have it. */
class Notes {
  private readonly found = new Map<string, { ref: string; more: number }>();

  add(ref: string, code: TreeCode): void {
    for (const file of code.skipped) {
      this.note(ref, `${file.file}:${file.line}: ${file.message}; the file is skipped`);
    }
    for (const found of code.classes) {
      for (const unknown of found.unknown ?? []) {
        this.note(
          ref,
          `${unknown.file}:${unknown.line}: ${found.class}'s ${unknown.attribute} is \`${unknown.text}\`, which is not a literal: unknown`,
        );
      }
    }
  }

  private note(ref: string, where: string): void {
    const entry = this.found.get(where);
    if (entry) entry.more++;
    else this.found.set(where, { ref, more: 0 });
  }

  lines(): string[] {
    return [...this.found].map(
      ([where, { ref, more }]) =>
        `${ref}:${where}${more > 0 ? ` (also at ${more} later ref${more > 1 ? 's' : ''})` : ''}`,
    );
  }
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import {
  CODE_READER_VERSION,
  codeEntryText,
  parseCodeEntry,
  type CodeKey,
  type TreeCode,
} from './code-cache-entry.ts';

// The code facts cache on disk: one file per commit and upstream.code, under <cache>/code-facts/. A cache is
// never needed: an entry that cannot be read is read from git again, and one that cannot be written is a
// warning. I/O: this module reads and writes those files.

export function codeEntryPath(cacheDir: string, key: CodeKey): string {
  const config = createHash('sha256')
    .update(JSON.stringify([CODE_READER_VERSION, key.paths, key.marker]))
    .digest('hex')
    .slice(0, 12);
  return join(cacheDir, 'code-facts', `${key.commit}-${config}.json`);
}

/** The cached facts of a commit, or undefined (with a warning when an entry exists but is not trusted). */
export function readCodeEntry(cacheDir: string, key: CodeKey): { code?: TreeCode; warning?: string } {
  const file = codeEntryPath(cacheDir, key);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return {
      warning: `cannot read the code facts cache ${file} (${(error as Error).message}): read from git`,
    };
  }
  const parsed = parseCodeEntry(text, key);
  if ('code' in parsed) return { code: parsed.code };
  return { warning: `ignored the code facts cache ${file}: ${parsed.corrupt}; read from git and rebuilt it` };
}

/** Writes a commit's facts; a warning when the cache cannot be written (the facts are still used). */
export function writeCodeEntry(cacheDir: string, key: CodeKey, code: TreeCode): string | undefined {
  const file = codeEntryPath(cacheDir, key);
  try {
    mkdirSync(join(cacheDir, 'code-facts'), { recursive: true });
    writeFileAtomic(file, codeEntryText(key, code));
    return undefined;
  } catch (error) {
    return `cannot write the code facts cache ${file} (${(error as Error).message}): the next run reads ${key.commit.slice(0, 12)} from git again`;
  }
}

import type { ProjectUpstream } from '../model/types.ts';
import { readDesignateIni } from './designate-ini.ts';
import { readGlanceRst } from './glance-rst.ts';
import { readIniMatrix } from './ini-matrix.ts';
import { readIronicEntryPoints } from './ironic-entry-points.ts';
import { readManilaRst } from './manila-rst.ts';
import type { Matrix, MatrixSource, TreeAt } from './matrix.ts';

export type Format = NonNullable<ProjectUpstream['format']>;

/**
 * One upstream format: what one of the project's files says at a ref, as the model every project shares;
 * undefined when the ref has no such file. A malformed file is a MatrixError at REF:PATH:LINE.
 */
export interface UpstreamReader {
  /** The files read when `upstream.support_matrix` names none. */
  defaultPaths?: readonly string[];
  read(path: string, tree: TreeAt): Promise<Matrix | undefined>;
}

/** A reader that needs the file's text alone. */
const textReader = (read: (text: string, source: MatrixSource) => Matrix): UpstreamReader => ({
  async read(path, tree) {
    const text = await tree.read(path);
    return text === undefined ? undefined : read(text, { ref: tree.ref, path });
  },
});

/** `upstream.format` → its reader; the README lists each with the upstream file and renderer it follows. */
export const READERS: Record<Format, UpstreamReader> = {
  ini: textReader(readIniMatrix),
  'manila-rst': textReader(readManilaRst),
  'glance-rst': textReader(readGlanceRst),
  'designate-ini': { read: readDesignateIni },
  'ironic-entry-points': { defaultPaths: ['setup.cfg'], read: readIronicEntryPoints },
};

/** The files a project's reader reads at each ref, in the order their features are listed. */
export function matrixPaths(upstream: ProjectUpstream): string[] {
  const given = upstream.support_matrix;
  if (given !== undefined) return typeof given === 'string' ? [given] : [...given];
  return [...(READERS[upstream.format ?? 'ini'].defaultPaths ?? [])];
}

// In a clone without blobs, one fetch for the missing blobs of a tree. Only repo.ts calls this.

export type Run = (args: string[]) => Promise<string>;

/** A blobless clone would fetch each missing blob on its own as it is read: fetch them all at once. */
export async function fetchMissingBlobs(run: Run, commit: string, paths: readonly string[]): Promise<void> {
  const listed = await run(['rev-list', '--objects', '--no-walk', '--missing=print', commit, '--', ...paths]);
  const missing = listed
    .split('\n')
    .filter((line) => line.startsWith('?'))
    .map((line) => line.slice(1));
  for (let start = 0; start < missing.length; start += FETCH_BATCH) {
    const batch = missing.slice(start, start + FETCH_BATCH);
    await run([
      '-c',
      'fetch.negotiationAlgorithm=noop',
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--filter=blob:none',
      'origin',
      ...batch,
    ]);
  }
}

const FETCH_BATCH = 500;

export interface LineDifference {
  /** 1-based line number. */
  line: number;
  expected: string;
  actual: string;
}

/** The first line where `actual` differs from `expected`, or undefined when the texts are equal. */
export function firstDifference(actual: string, expected: string): LineDifference | undefined {
  if (actual === expected) return undefined;
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  for (let i = 0; ; i++) {
    const [a, e] = [actualLines[i], expectedLines[i]];
    if (a !== e) return { line: i + 1, expected: e ?? '(end of file)', actual: a ?? '(end of file)' };
  }
}

export interface LineDifference {
  /** 1-based line and column of the first character that differs. */
  line: number;
  column: number;
  /** The two lines, cut to a window around the column when long (a minified file is one huge line). */
  expected: string;
  actual: string;
}

const WIDTH = 80;
const BEFORE = 20;

/** The first place where `actual` differs from `expected`, or undefined when the texts are equal. */
export function firstDifference(actual: string, expected: string): LineDifference | undefined {
  if (actual === expected) return undefined;
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  for (let i = 0; ; i++) {
    const [a, e] = [actualLines[i], expectedLines[i]];
    if (a === e) continue;
    if (a === undefined || e === undefined) {
      return { line: i + 1, column: 1, expected: e ?? '(end of file)', actual: a ?? '(end of file)' };
    }
    let at = 0;
    while (at < a.length && a[at] === e[at]) at++;
    return { line: i + 1, column: at + 1, expected: excerpt(e, at), actual: excerpt(a, at) };
  }
}

function excerpt(line: string, at: number): string {
  if (line.length <= WIDTH) return line;
  const start = Math.max(0, Math.min(at - BEFORE, line.length - WIDTH));
  const end = start + WIDTH;
  return `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
}

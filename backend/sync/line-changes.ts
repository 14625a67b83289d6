/** A changed range: `fromA..toA` of the old text became `fromB..toB` of the new (@lezer/common's ChangedRange). */
export interface LineChange {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/** Beyond this many changed lines a file is parsed afresh: reusing its old parse would gain little. */
const MAX_EDITS = 1000;

/**
 * The lines that differ between two texts, as character ranges, by Myers' shortest edit script over lines;
 * undefined when more than `maxEdits` lines differ.
 */
export function lineChanges(a: string, b: string, maxEdits = MAX_EDITS): LineChange[] | undefined {
  const ids = new Map<string, number>();
  const id = (line: string) => {
    let found = ids.get(line);
    if (found === undefined) ids.set(line, (found = ids.size));
    return found;
  };
  const linesA = splitLines(a);
  const linesB = splitLines(b);
  const x = Int32Array.from(linesA.lines, id);
  const y = Int32Array.from(linesB.lines, id);
  // The common head and tail need no search.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  )
    tail++;
  const pairs = matchedLines(x.subarray(head, x.length - tail), y.subarray(head, y.length - tail), maxEdits);
  if (pairs === undefined) return undefined;
  const changes: LineChange[] = [];
  let lineA = 0;
  let lineB = 0;
  const ends: Array<[number, number]> = [];
  for (let k = 0; k < head; k++) ends.push([k, k]);
  for (const [i, j] of pairs) ends.push([i + head, j + head]);
  for (let k = 0; k < tail; k++) ends.push([x.length - tail + k, y.length - tail + k]);
  ends.push([x.length, y.length]);
  for (const [i, j] of ends) {
    if (i > lineA || j > lineB) {
      changes.push({
        fromA: linesA.starts[lineA]!,
        toA: linesA.starts[i]!,
        fromB: linesB.starts[lineB]!,
        toB: linesB.starts[j]!,
      });
    }
    lineA = i + 1;
    lineB = j + 1;
  }
  return changes;
}

/** Lines with their ends, and each line's start offset (plus the text's length, as the end's start). */
function splitLines(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    starts.push(start);
    lines.push(text.slice(start, next));
    start = next;
  }
  starts.push(text.length);
  return { lines, starts };
}

/** The [i, j] pairs of equal lines of a shortest edit script, in order; undefined past maxEdits edits. */
function matchedLines(x: Int32Array, y: Int32Array, maxEdits: number): Array<[number, number]> | undefined {
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Each round's frontier (diagonals -d..d), to walk the path back.
  const trace: Int32Array[] = [];
  let end = -1;
  for (let d = 0; d <= max && end === -1; d++) {
    for (let k = -d; k <= d; k += 2) {
      let i =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) {
        end = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (end === -1) return undefined;
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  for (let d = end; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousI = at(previousK);
    const previousJ = previousI - previousK;
    const startI = down ? previousI : previousI + 1;
    const startJ = startI - k;
    while (i > startI && j > startJ) pairs.push([--i, --j]);
    i = previousI;
    j = previousJ;
  }
  while (i > 0 && j > 0) pairs.push([--i, --j]);
  return pairs.reverse();
}

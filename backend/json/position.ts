/** 1-based line and column (the column counts UTF-16 code units, as editors' "column" usually does). */
export interface Position {
  line: number;
  column: number;
}

/** Offset → line and column, via a table of line starts built on first use. */
export function positionFinder(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const bom = low === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { line: low + 1, column: offset - starts[low]! + 1 - bom };
  };
}

// Benchmarks print their own table for people; `npm run bench` collects these lines into one table.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** In the figure's own unit, e.g. "< 1000 ms", "<= 60 KB"; empty when the figure has no target. */
  target: string;
}

export const FIGURE_PREFIX = 'BENCH-FIGURE ';

export function reportFigures(figures: Figure[]): void {
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit, f.target]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  for (const figure of figures) console.log(FIGURE_PREFIX + JSON.stringify(figure));
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

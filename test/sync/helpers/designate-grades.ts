// Designate's [grades] sections for matrices of our own: each grade with its title and notes.
const GRADES: Record<string, [string, string]> = {
  integrated: ['Integrated', 'Tested on every commit'],
  'release-compatible': ['Release Compatible', 'Has a maintainer for each release'],
  untested: ['Untested', 'All other backends'],
  failing: ['Failing', 'Tests fail on a regular basis'],
  'end-of-life': ['End of Life', 'Removed from the code'],
};

export function gradesIni(ids: readonly string[]): string {
  const sections = ids.map((id) => `[grades.${id}]\ntitle=${GRADES[id]![0]}\nnotes=${GRADES[id]![1]}\n`);
  return `[grades]\nvalid-grades=${ids.join(',')}\n\n${sections.join('\n')}`;
}

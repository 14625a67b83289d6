import type { CodeReport } from './code-report.ts';

const MAX_LISTED = 20;

/** The code facts part of a project's report, as indented lines (format-report.ts escapes them). */
export function codeReportLines(code: CodeReport): string[] {
  const lines = [`  driver classes (${code.paths.join(', ')}, decorated with ${code.marker}):`];
  const width = Math.max(...code.releases.map(({ release }) => release.length));
  for (const release of code.releases) {
    const name = release.release.padEnd(width);
    if ('none' in release) {
      const at = release.ref ? `${release.ref} (${release.rule}) ` : '';
      lines.push(`    ${name}  ${at}no classes: ${release.none}`);
    } else {
      const cached = release.cached ? ', cached' : '';
      lines.push(
        `    ${name}  ${release.ref} (${release.rule}) ${release.commit.slice(0, 12)}: ${release.classes} classes in ${release.files} files${cached}`,
      );
    }
  }
  if (code.newest) {
    const { release, classes, linked } = code.newest;
    lines.push(`    ${release}: ${linked} of ${classes} classes linked to a registry driver`);
  }
  list(
    lines,
    'classes no driver links to',
    code.unlinked.map((entry) => {
      const likely = entry.likely.map((guess) => `${guess.driver} (${guess.why})`).join('; ');
      const reason = entry.reason ? ` — ${entry.reason}` : '';
      return `${entry.class} (${entry.file}:${entry.line}): ${likely ? `likely ${likely}` : 'no likely driver'}${reason}`;
    }),
  );
  list(
    lines,
    'linked by --add-new, to review',
    code.linked_by_add_new.map((entry) => `${entry.class} → ${entry.driver} (${entry.why})`),
  );
  list(
    lines,
    'drivers added for classes, vendor and name to review',
    code.added_need_review.map((entry) => `${entry.vendor} / ${entry.name}: ${entry.classes.join(', ')}`),
  );
  list(
    lines,
    'linked classes no tree has',
    code.linked_not_in_tree.map((entry) => `${entry.class} (${entry.driver})`),
  );
  list(lines, 'code warnings', code.warnings);
  return lines;
}

function list(lines: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  lines.push(`    ${title} (${items.length}):`);
  for (const item of items.slice(0, MAX_LISTED)) lines.push(`      ${item}`);
  if (items.length > MAX_LISTED)
    lines.push(`      … and ${items.length - MAX_LISTED} more (--report FILE lists all)`);
}

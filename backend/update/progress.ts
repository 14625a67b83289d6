import { printable } from '../common/escape.ts';
import type { Io } from '../common/io.ts';

/** What a run tells the person watching it. */
export interface Progress {
  projectStarted(project: string, mode: string): void;
  page(project: string, pages: number, changes: number): void;
  projectDone(project: string, changes: number, pages: number): void;
  projectFailed(project: string, error: Error): void;
  finish(): void;
}

/** A terminal gets one status line rewritten in place; a log gets plain lines. */
export function createProgress(io: Pick<Io, 'stdout' | 'isTTY'>, projectCount: number): Progress {
  return io.isTTY ? statusLine(io, projectCount) : logLines(io);
}

function logLines(io: Pick<Io, 'stdout'>): Progress {
  return {
    projectStarted: (project, mode) => io.stdout(`scanning ${project} (${mode})\n`),
    page: (project, pages, changes) => io.stdout(`${project}: page ${pages}, ${changes} changes\n`),
    projectDone: (project, changes, pages) =>
      io.stdout(`${project}: done, ${changes} changes in ${pages} pages\n`),
    projectFailed: (project, error) => io.stdout(failure(project, error)),
    finish: () => {},
  };
}

// The message may quote Gerrit's answer: escaped, so it can neither colour the terminal nor forge a line.
function failure(project: string, error: Error): string {
  return `${project}: FAILED: ${printable(error.message)}\n`;
}

// The narrowest common terminal; Io does not say how wide this one is.
const STATUS_WIDTH = 79;

function statusLine(io: Pick<Io, 'stdout'>, projectCount: number): Progress {
  const active = new Map<string, { pages: number; changes: number }>();
  let done = 0;
  let pages = 0;
  let changes = 0;
  const draw = () => {
    const current = [...active.entries()].map(([p, s]) => `${p} ${s.changes}`).join(', ');
    const line = `${done}/${projectCount} projects, ${pages} pages, ${changes} changes${current ? ` — ${current}` : ''}`;
    // A line wider than the terminal wraps, and \r then rewrites only its last row: one row per redraw.
    io.stdout(`\r\x1b[K${line.length > STATUS_WIDTH ? `${line.slice(0, STATUS_WIDTH - 1)}…` : line}`);
  };
  const clear = () => io.stdout('\r\x1b[K');
  return {
    projectStarted: (project) => {
      active.set(project, { pages: 0, changes: 0 });
      draw();
    },
    page: (project, projectPages, projectChanges) => {
      const before = active.get(project) ?? { pages: 0, changes: 0 };
      pages += projectPages - before.pages;
      changes += projectChanges - before.changes;
      active.set(project, { pages: projectPages, changes: projectChanges });
      draw();
    },
    projectDone: (project) => {
      active.delete(project);
      done += 1;
      draw();
    },
    projectFailed: (project, error) => {
      active.delete(project);
      done += 1;
      clear();
      io.stdout(failure(project, error));
      draw();
    },
    finish: clear,
  };
}

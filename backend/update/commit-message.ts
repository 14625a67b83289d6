import type { RecordChange } from './apply.ts';

function shortProject(project: string): string {
  return project.split('/').pop() ?? project;
}

function describe(change: RecordChange): string {
  const who = `${shortProject(change.project)}: ${change.vendor} ${change.name}`;
  switch (change.kind) {
    case 'verified':
      return `${who} passes on ${change.release}`;
    case 'failing':
      return `${who} fails on ${change.release}`;
    case 'updated':
      return `${who} has newer ${change.record?.ci_result ? 'passing' : 'failing'} evidence on ${change.release}`;
    case 'dropped':
      return `${who}: ${change.release} record dropped`;
  }
}

/**
 * Subject names the one change when there is one, else counts; the body lists every change. `runsChanged`: the
 * runs file changed too (a run older than a record's newest changes only the runs).
 */
export function commitMessage(changes: RecordChange[], runsChanged = false): string {
  const flips = changes.filter((c) => c.kind === 'verified' || c.kind === 'failing');
  const verified = new Set(changes.filter((c) => c.kind === 'verified').map((c) => c.driver)).size;
  const failing = new Set(changes.filter((c) => c.kind === 'failing').map((c) => c.driver)).size;
  let subject: string;
  if (changes.length === 0) subject = runsChanged ? 'Update recent CI runs' : 'Update CI scan state';
  else if (changes.length === 1) subject = describe(changes[0]!);
  else if (flips.length === 1) subject = `${describe(flips[0]!)}, and ${changes.length - 1} more updates`;
  else if (flips.length === 0) subject = `Update CI evidence: ${changes.length} records refreshed`;
  else {
    const parts = [];
    if (verified > 0) parts.push(`${verified} driver${verified === 1 ? '' : 's'} newly verified`);
    if (failing > 0) parts.push(`${failing} newly failing`);
    subject = `Update CI evidence: ${parts.join(', ')}`;
  }
  const body = changes.map((change) => {
    const url = change.record?.review_url;
    return `- ${describe(change)}${url ? ` (${url})` : ''}`;
  });
  return body.length === 0 ? `${subject}\n` : `${subject}\n\n${body.join('\n')}\n`;
}

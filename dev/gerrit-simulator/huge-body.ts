import { PREFIX_LINE } from './routes.ts';

const CHUNK = 64 * 1024;

/**
 * Exactly `bytes` bytes of a Gerrit change list, in 64 KiB chunks made on demand (never held whole):
 * small changes with a filler subject, then `]`. Below about 200 bytes there is room only for `[]`.
 */
export function* hugeBody(bytes: number): Generator<Buffer> {
  const head = `${PREFIX_LINE}[`;
  let written = head.length;
  let pending = head;
  for (let number = 1; ; number++) {
    const element = change(number, 1000);
    // Room left for this element, its comma and the closing bracket?
    if (written + element.length + 2 > bytes) break;
    pending += `${number > 1 ? ',' : ''}${element}`;
    written += element.length + (number > 1 ? 1 : 0);
    if (pending.length >= CHUNK) {
      yield Buffer.from(pending);
      pending = '';
    }
  }
  // Pad inside the array with spaces so the body has exactly the length promised.
  pending += `${' '.repeat(Math.max(0, bytes - written - 1))}]`;
  yield Buffer.from(pending);
}

function change(number: number, filler: number): string {
  return JSON.stringify({
    id: `huge~${number}`,
    project: 'huge',
    branch: 'master',
    change_id: `I${number}`,
    subject: 'x'.repeat(filler),
    status: 'MERGED',
    _number: number,
    current_revision_number: 1,
  });
}

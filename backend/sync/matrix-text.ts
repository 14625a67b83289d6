import { controlName } from '../common/control.ts';
import { MatrixError } from './errors.ts';
import type { MatrixSource } from './matrix.ts';

// What every matrix reader refuses before it reads: text with control characters (a NUL byte, an escape
// sequence) other than tabs and line ends, which no field of the registry may hold.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** The 1-based line of `index` in `text`. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** MatrixError at REF:PATH:LINE for the first control character of a matrix's text. */
export function refuseControlCharacters(text: string, source: MatrixSource): void {
  const control = CONTROL.exec(text);
  if (!control) return;
  throw new MatrixError(
    source,
    lineOf(text, control.index),
    `the file holds ${controlName(control[0])}, which no text of the registry may`,
    'the project must fix its file; until then, pin this release with upstream.refs to a ref whose file reads',
  );
}

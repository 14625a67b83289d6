import { compileCi } from '../ci/match-comment.ts';
import type { Ci } from '../model/types.ts';
import { explainText, type CommentReport } from './explain-comment.ts';
import { pastedComments } from './pasted-comments.ts';

/** `check-ci --message`: each pasted comment judged by the ci block as update judges a comment's text. */
export function checkPasted(text: string, ci: Ci): CommentReport[] {
  const compiled = compileCi(ci);
  return pastedComments(text).map((comment) => explainText(comment.text, comment.line, ci, compiled));
}

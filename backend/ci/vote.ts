// Gerrit writes a review's votes into the first line of its message: `Patch Set 3: Verified+1 Code-Review+1`.
// Only that line is Gerrit's; a vote written in the body is text anyone can type.
const HEADER = /^Patch Set \d+:(.*)$/;
const VERIFIED = /(?:^|\s)Verified([+-][12])(?=\s|$)/;

export interface Vote {
  /** +1 or +2 passes, -1 or -2 fails. */
  value: -2 | -1 | 1 | 2;
  /** The header line, trimmed. */
  line: string;
}

/** The Verified vote in a message's `Patch Set N:` header, if it has one. */
export function verifiedVote(message: string): Vote | undefined {
  const first = message.split(/\r?\n/, 1)[0] ?? '';
  const votes = HEADER.exec(first)?.[1];
  if (votes === undefined) return undefined;
  const value = VERIFIED.exec(votes)?.[1];
  return value === undefined ? undefined : { value: Number(value) as Vote['value'], line: first.trim() };
}

/** A query Gerrit would refuse with 400; the message is the plain-text body. */
export class QueryError extends Error {
  readonly code = 'BAD_QUERY';
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

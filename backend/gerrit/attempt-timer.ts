/**
 * The time budget of one attempt, spent only while waiting for the server: paused while the caller
 * works on what arrived, so a slow consumer of a streamed page is never mistaken for a slow server.
 */
export class AttemptTimer {
  private readonly controller = new AbortController();
  private remaining: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private since = 0;
  readonly signal = this.controller.signal;

  constructor(readonly budgetMs: number) {
    this.remaining = budgetMs;
  }

  get expired(): boolean {
    return this.signal.aborted;
  }

  run(): void {
    if (this.timer !== undefined || this.expired) return;
    this.since = performance.now();
    this.timer = setTimeout(
      () => this.controller.abort(new DOMException('the attempt ran out of time', 'TimeoutError')),
      Math.max(0, this.remaining),
    );
  }

  pause(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining -= performance.now() - this.since;
  }
}

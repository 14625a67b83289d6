// The table's URL, kept in step with its view. Replacing the URL costs Chromium about 15 ms, most of a
// keystroke's budget, so typing updates it once the reader pauses (or leaves the search box, or the page);
// a pushed entry first settles the one being left, so Back returns to what was typed.

const DELAY_MS = 300;

export class DeferredUrl {
  private pending: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  set(url: string, history: 'push' | 'replace'): void {
    if (history === 'replace') {
      this.pending = url;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), DELAY_MS);
      return;
    }
    this.flush();
    window.history.pushState(null, '', url);
  }

  flush(): void {
    clearTimeout(this.timer);
    if (this.pending === undefined) return;
    window.history.replaceState(null, '', this.pending);
    this.pending = undefined;
  }

  /** Back or Forward moved to another entry: a pending update belongs to the one left. */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }
}

// A part of the table's data that does not arrive is said on the page, beside the count, with the way round it:
// a reader who ticks "show retired and removed" and sees nothing must know why, not only the console.

/** Shows `what` failed, why, and what the reader can do instead, in the table's alert; the error goes to the console. */
export function showLoadFailure(table: HTMLElement, what: string, instead: string, error: unknown): void {
  console.error(error);
  const alert = table.querySelector<HTMLElement>('.driver-load-error');
  if (!alert) return;
  const reason = error instanceof Error ? error.message : String(error);
  alert.textContent = `${what} could not be loaded (${reason}): ${instead}`;
  alert.hidden = false;
}

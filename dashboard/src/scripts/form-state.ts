// The filter form of <dl-table> as a ViewState, and back.
import type { SortSpec, ViewState } from '../lib/view-state.ts';

export function readForm(form: HTMLFormElement, sort: SortSpec | undefined): ViewState {
  const data = new FormData(form);
  const get = (name: string) => String(data.get(name) ?? '');
  return {
    release: get('release_id'),
    project: get('project_id'),
    vendor: get('vendor'),
    q: get('q'),
    sort,
  };
}

/** Shows `state` in the form; a select gains a marked option for a value the registry lacks. */
export function writeForm(form: HTMLFormElement, state: ViewState): void {
  const set = (name: string, value: string) => {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    if (control instanceof HTMLSelectElement) selectValue(control, value);
    else if (control.value !== value) control.value = value;
  };
  set('release_id', state.release);
  set('project_id', state.project);
  set('vendor', state.vendor);
  set('q', state.q);
}

function selectValue(select: HTMLSelectElement, value: string): void {
  for (const stale of select.querySelectorAll<HTMLOptionElement>('option[data-unknown]')) {
    if (stale.value !== value) stale.remove();
  }
  // Old links may differ in case from the option values: pick the matching option.
  let option = Array.from(select.options).find((o) => o.value.toLowerCase() === value.toLowerCase());
  if (!option) {
    // A value the registry no longer has (a vendor renamed since an old link was made) still
    // filters the table, so the control shows it instead of claiming "All".
    option = new Option(`${value} (not in the registry)`, value);
    option.dataset.unknown = '';
    select.append(option);
  }
  select.value = option.value;
}

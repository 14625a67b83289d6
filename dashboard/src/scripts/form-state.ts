// The filter form of <driver-table> as a ViewState, and back.
import type { SortSpec, ViewState } from '../lib/view-state.ts';

export function readForm(form: HTMLFormElement, sort: SortSpec | undefined): ViewState {
  const data = new FormData(form);
  const get = (name: string) => String(data.get(name) ?? '');
  return {
    release: get('release_id'),
    project: get('project_id'),
    vendor: get('vendor'),
    q: get('q'),
    // Disabled fieldsets (other projects' features) are not part of the form data.
    features: [...new Set(data.getAll('feature').map(String))],
    all: data.get('show') === 'all',
    sort,
  };
}

/** Shows `state` in the form; a select gains a marked option for a value the registry lacks. */
export function writeForm(
  form: HTMLFormElement,
  state: ViewState,
  releaseNames: ReadonlyMap<string, string>,
): void {
  const set = (name: string, value: string, label: (value: string) => string) => {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    if (control instanceof HTMLSelectElement) selectValue(control, value, label);
    else if (control.value !== value) control.value = value;
  };
  const unknown = (value: string) => `${value} (not in the registry)`;
  set('release_id', state.release, (value) => {
    // A comma list of known releases ("kilo,liberty") reads as "Kilo or Liberty".
    const names = value.split(',').map((id) => releaseNames.get(id.toLowerCase()));
    return value.includes(',') && names.every((n) => n !== undefined) ? names.join(' or ') : unknown(value);
  });
  set('project_id', state.project, unknown);
  set('vendor', state.vendor, unknown);
  set('q', state.q, unknown);
  const show = form.elements.namedItem('show') as HTMLInputElement;
  show.checked = state.all;
  writeFeatures(form, state);
}

function selectValue(select: HTMLSelectElement, value: string, label: (value: string) => string): void {
  // Most calls (every keystroke in the search box) change nothing, and a vendor list has thousands of
  // options. The one marked option there can be is the last.
  const last = select.options[select.options.length - 1];
  const stale = last?.dataset.unknown !== undefined && last.value !== value;
  if (select.value === value && !stale) return;
  for (const stale of select.querySelectorAll<HTMLOptionElement>('option[data-unknown]')) {
    if (stale.value !== value) stale.remove();
  }
  // Old links may differ in case from the option values: pick the matching option.
  let option = Array.from(select.options).find((o) => o.value.toLowerCase() === value.toLowerCase());
  if (!option) {
    // A value the registry no longer has (a vendor renamed since an old link was made) still
    // filters the table, so the control shows it instead of claiming "All".
    option = new Option(label(value), value);
    option.dataset.unknown = '';
    select.append(option);
  }
  select.value = option.value;
}

/**
 * The selected project's features, checked as the state asks; a feature the project's matrix lacks
 * still filters (nothing supports it), so it is listed as unknown rather than dropped silently.
 */
function writeFeatures(form: HTMLFormElement, state: ViewState): void {
  const project = state.project.toLowerCase();
  const wanted = new Set(state.features);
  let offered = new Set<string>();
  for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-project]')) {
    const active = project !== '' && fieldset.dataset.project!.toLowerCase() === project;
    fieldset.hidden = !active;
    fieldset.disabled = !active;
    const boxes = fieldset.querySelectorAll<HTMLInputElement>('input[name=feature]');
    if (active) offered = new Set(Array.from(boxes, (box) => box.value));
    for (const box of boxes) box.checked = active && wanted.has(box.value);
  }
  const other = form.querySelector<HTMLFieldSetElement>('fieldset.driver-features-unknown')!;
  const missing = state.features.filter((feature) => !offered.has(feature));
  const shown = Array.from(
    other.querySelectorAll<HTMLInputElement>('input[name=feature]'),
    (box) => box.value,
  );
  if (missing.join('\n') !== shown.join('\n')) {
    other.querySelectorAll('label').forEach((label) => label.remove());
    for (const feature of missing) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'feature';
      box.value = feature;
      box.checked = true;
      const label = document.createElement('label');
      label.append(
        box,
        project ? ` ${feature} (unknown feature)` : ` ${feature} (choose a project to see its features)`,
      );
      other.append(label);
    }
  }
  other.querySelector('legend')!.textContent = project
    ? 'Features this project’s matrix lacks'
    : 'Features asked for';
  other.hidden = missing.length === 0;
  other.disabled = missing.length === 0;
}

// The warnings that apply to a run or an ETE study, as the reports' sections and
// the explorer's panel list them: each with the place in the scenario it is
// about, as `evacsim validate` prints it, every word escaped.
import type { Warning } from '../check/warning.js';
import { el, text } from './svg.js';

/** The section's lead: what the list holds, and where to find the rest. */
export const WARNINGS_LEAD =
  'What in this scenario or its run may not be what was meant: the warnings evacsim run prints for it. ' +
  'evacsim validate checks the scenario further.';

/** The ETE report's lead: the same, of a study's variants and their runs. */
export const ETE_WARNINGS_LEAD =
  'What in this scenario, its variants or their runs may not be what was meant: the warnings evacsim ete prints for the study. ' +
  'evacsim validate checks the scenario further.';

/** `warnings` as a list, each with its path in code; "None." (muted) when there are none. */
export function warningsList(warnings: readonly Warning[]): string {
  if (warnings.length === 0) return el('p', { class: 'muted' }, text('None.'));
  return el('ul', { class: 'warnings' }, warnings.map((w) =>
    el('li', {}, w.path === '' ? '' : `${el('code', {}, text(w.path))}: `, text(w.message))));
}

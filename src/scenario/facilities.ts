// The checks of special facilities that their schema cannot make: a mobilization
// of its own only on a facility (other settlements follow their order's), and no
// household parameters on one (its people have no cars and board one by one).
// They read the value as written, so they also run on a file the schema refused.
import { IssueList, type Issue } from './issues.js';

/** The facility problems of every settlement of `input`, a scenario file's value. */
export function facilityIssues(input: unknown): Issue[] {
  const out = new IssueList();
  const settlements = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).settlements : undefined;
  if (!Array.isArray(settlements)) return out.issues;
  settlements.forEach((settlement, i) => {
    if (typeof settlement !== 'object' || settlement === null) return;
    const has = (key: string) => Object.hasOwn(settlement, key) && (settlement as Record<string, unknown>)[key] !== undefined;
    if (has('mobilization') && !has('facility')) {
      out.add(['settlements', i, 'mobilization'], 'only a special facility has a mobilization of its own: give "facility", or set the delay on the order');
    }
    if (has('households') && has('facility')) {
      out.add(['settlements', i, 'households'], 'a special facility has no households: its people have no cars and board its fleets one by one; remove "households"');
    }
  });
  return out.issues;
}

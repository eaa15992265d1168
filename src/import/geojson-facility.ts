// A special facility given as a GeoJSON settlement's properties, as `export geojson`
// writes it: `facility` (its kind) and its own `mobilization` (an object, as in a
// scenario file). Checked here, so a problem is named at the feature that has it.
import { checkMobilization } from '../scenario/mobilization.js';
import { IssueList } from '../scenario/issues.js';
import { mobilizationSchema } from '../scenario/schema.js';
import { FACILITY_KINDS, type FacilityKind } from '../scenario/types.js';
import { translateZodIssues } from '../scenario/zod-issues.js';
import { optional, readChoice, type Issue } from './geojson-values.js';

export interface FacilityFields {
  facility?: FacilityKind;
  /** As the file gives it: the scenario loader reads its durations. */
  mobilization?: Record<string, unknown>;
}

/** The facility fields of settlement properties `props`, whose paths `p` names; problems go to `issues`. */
export function readFacility(props: Record<string, unknown>, p: (name: string) => string, issues: Issue[]): FacilityFields {
  const facility = optional(props.facility, (v) => readChoice(v, FACILITY_KINDS, p('facility'), issues));
  const mobilization = optional(props.mobilization, (v) => readMobilization(v, p('mobilization'), issues));
  if (mobilization !== undefined && (props.facility === undefined || props.facility === null)) {
    issues.push({ path: p('mobilization'), message: 'only a special facility has a mobilization of its own: give "facility" too, or remove it' });
  }
  return { ...(facility === undefined ? {} : { facility }), ...(mobilization === undefined ? {} : { mobilization }) };
}

function readMobilization(value: unknown, path: string, issues: Issue[]): Record<string, unknown> | undefined {
  const parsed = mobilizationSchema.safeParse(value);
  const found = parsed.success ? [] : translateZodIssues(parsed.error.issues, mobilizationSchema, value);
  const checked = new IssueList();
  if (parsed.success) checkMobilization(value, [], checked);
  const all = [...found, ...checked.issues];
  for (const issue of all) issues.push({ path: issue.path === '' ? path : `${path}.${issue.path}`, message: issue.message });
  return all.length === 0 ? (value as Record<string, unknown>) : undefined;
}

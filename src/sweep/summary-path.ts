// Metric paths into a run's summary (README § Summary), written like `--set`
// paths: `people.evacuated`, `clearance.p90`, `settlements[id=sudzha].evacuated`,
// `targets[0].actual`, `fleets[id=buses].carried`, plus `districts.NAME.FIELD`
// (settlements summed by district), `people.evacuatedShare`, `targets.met`
// and `targets.total`. A path must select exactly one number (or boolean, as 0/1).

import { InputError } from '../errors.js';
import { PEOPLE_KEYS } from '../report/metrics.js';
import { TIME_KEYS } from '../report/millisecond.js';
import type { Summary } from '../report/summary.js';
import type { MetricReader } from './metric-reader.js';
import { matches, parsePath, type Selector } from './path.js';

const DISTRICT_FIELDS = ['told', 'complied', 'evacuated', 'stayed', 'waiting', 'inTransit', 'trapped'] as const;

/** The reader of a summary path; throws InputError when the path cannot be read. */
export function readSummaryPath(path: string): MetricReader {
  if (path === 'people.evacuatedShare') {
    return { unit: 'share', censorable: false, meaning: 'people evacuated ÷ people told (empty when nobody was told)', read: ({ summary }) => (summary.people.told > 0 ? summary.people.evacuated / summary.people.told : null) };
  }
  if (path === 'targets.met') return { unit: 'count', censorable: false, meaning: "the scenario's targets met", read: ({ summary }) => summary.targets.filter((t) => t.ok).length };
  if (path === 'targets.total') return { unit: 'count', censorable: false, meaning: "the scenario's targets", read: ({ summary }) => summary.targets.length };
  const selectors = parsePath(path, '--metric');
  const last = [...selectors].reverse().find((s) => s.kind === 'key');
  const key = last?.kind === 'key' ? last.key : '';
  const censorable = (selectors[0].kind === 'key' && selectors[0].key === 'clearance') || key === 'clearance';
  return {
    unit: unitOf(key, selectors),
    censorable,
    meaning: censorable ? `${path} in seconds from the start; empty when not reached by the end of the run` : `${path} of the run summary`,
    read: ({ summary }) => select(view(summary), selectors, path),
  };
}

const PEOPLE = new Set<string>([...PEOPLE_KEYS, 'carried', 'peakOccupancy', 'arrived']);

/** The unit of the value at `key` (the last key of the path) under the top-level field of `selectors`. */
function unitOf(key: string, selectors: Selector[]): string {
  const top = selectors[0].kind === 'key' ? selectors[0].key : '';
  if (TIME_KEYS.has(key)) return 's';
  if (key === 'utilisation') return 'share';
  if (key === 'peakPeoplePerHour') return 'people/h';
  // A target's actual value is in the unit of its own metric, which the path does not tell.
  if (top === 'targets') return '';
  if (top === 'vehicles') return 'vehicles';
  return PEOPLE.has(key) ? 'people' : 'count';
}

/** The summary with settlements summed by district under `districts`. */
function view(summary: Summary): Record<string, unknown> {
  const districts: Record<string, Record<string, number | null>> = {};
  for (const s of summary.settlements) {
    if (s.district === null) continue;
    districts[s.district] ??= { ...Object.fromEntries(DISTRICT_FIELDS.map((f) => [f, 0])), clearance: 0 };
    const d = districts[s.district];
    for (const f of DISTRICT_FIELDS) (d[f] as number) += s[f];
    if (s.complied > 0) d.clearance = s.clearance === null || d.clearance === null ? null : Math.max(d.clearance, s.clearance);
  }
  return { ...summary, districts };
}

function select(root: unknown, selectors: readonly Selector[], path: string): number | null {
  let here: unknown[] = [root];
  for (const s of selectors) {
    const next: unknown[] = [];
    for (const v of here) {
      if (s.kind === 'key') {
        if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.hasOwn(v, s.key)) next.push((v as Record<string, unknown>)[s.key]);
      } else if (Array.isArray(v)) {
        v.forEach((element, i) => {
          if (s.kind === 'all' || (s.kind === 'index' && i === s.index) || (s.kind === 'filter' && matches(element, s))) next.push(element);
        });
      }
    }
    here = next;
  }
  if (here.length !== 1) throw new InputError(`--metric ${path}: selects ${here.length === 0 ? 'nothing' : `${here.length} values`} in the run summary; it must select one number`);
  const value = here[0];
  if (value === null || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new InputError(`--metric ${path}: is ${Array.isArray(value) ? 'a list' : typeof value}, not a number`);
}

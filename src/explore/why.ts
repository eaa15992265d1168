// The explorer's "why did this change" line: what was changed between two runs
// and how the outcome moved along the chain a planner reasons with — the people
// who set off, the vehicles on the road at the peak, then clearance and the
// people trapped: "compliance 70 % → 50 %: 12,000 fewer set off, peak on the
// road −1,500 vehicles, so 90 % clear 6h sooner".

import { counted, formatCount, formatDuration } from '../report/format.js';
import type { Figure } from '../html/figures.js';
import type { Parameters } from './parameters.js';

/** The run's numbers the line reasons with. */
export interface WhyFacts {
  figures: Figure[];
  /** People who set off by the end. */
  left: number;
  /** Most vehicles on the road at one sample. */
  peakOnRoad: number;
}

/** One sentence from `before` to `now`; empty when nothing changed. */
export function whyLine(paramsBefore: Parameters, paramsNow: Parameters, before: WhyFacts, now: WhyFacts): string {
  const causes = changes(paramsBefore, paramsNow);
  const effects: string[] = [];
  const left = now.left - before.left;
  if (left !== 0) effects.push(`${formatCount(Math.abs(left))} ${left > 0 ? 'more' : 'fewer'} people set off`);
  const peak = now.peakOnRoad - before.peakOnRoad;
  if (peak !== 0) effects.push(`${counted(Math.abs(peak), `${peak > 0 ? 'more' : 'fewer'} vehicle`)} on the road at the peak`);
  const outcomes: string[] = [];
  const p90 = [value(before, 'clearance-p90'), value(now, 'clearance-p90')];
  if (p90[0] !== null && p90[1] !== null && p90[0] !== p90[1]) {
    outcomes.push(`90 % clear ${formatDuration(Math.abs(p90[1] - p90[0]))} ${p90[1] < p90[0] ? 'sooner' : 'later'}`);
  } else if (p90[0] === null && p90[1] !== null) outcomes.push('90 % now clear');
  else if (p90[0] !== null && p90[1] === null) outcomes.push('90 % no longer clear by the end');
  const trapped = (value(now, 'trapped') ?? 0) - (value(before, 'trapped') ?? 0);
  if (trapped !== 0) outcomes.push(`${formatCount(Math.abs(trapped))} ${trapped > 0 ? 'more' : 'fewer'} trapped`);
  if (causes.length === 0 && effects.length === 0 && outcomes.length === 0) return '';
  const cause = causes.length === 0 ? 'Same settings' : causes.join('; ');
  const chain = [effects.join(', '), outcomes.length === 0 ? '' : `so ${outcomes.join(' and ')}`].filter((x) => x !== '');
  return `${cause} → ${chain.length === 0 ? 'no change in the outcome' : chain.join(' → ')}.`;
}

function value(facts: WhyFacts, key: string): number | null {
  return facts.figures.find((f) => f.key === key)?.value ?? null;
}

/** The settings that differ, in words. */
export function changes(a: Parameters, b: Parameters): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
  const ca = mean(a.orders.map((o) => o.compliance));
  const cb = mean(b.orders.map((o) => o.compliance));
  if (Math.abs(ca - cb) > 1e-9) out.push(`${cb < ca ? 'lower' : 'higher'} compliance (${pct(ca)} → ${pct(cb)} on average)`);
  const ma = mean(a.orders.map((o) => o.mobilization.median));
  const mb = mean(b.orders.map((o) => o.mobilization.median));
  if (Math.abs(ma - mb) > 1e-9) out.push(`${mb < ma ? 'quicker' : 'slower'} mobilization (median ${formatDuration(ma)} → ${formatDuration(mb)})`);
  const ta = mean(a.orders.map((o) => o.at));
  const tb = mean(b.orders.map((o) => o.at));
  if (Math.abs(ta - tb) > 1e-9) {
    // One shift for every order, or a mean of several (one order moved, or some held at the start).
    const alike = a.orders.every((o, i) => Math.abs(b.orders[i].at - o.at - (tb - ta)) <= 1e-9);
    out.push(`orders ${formatDuration(Math.abs(tb - ta))} ${tb < ta ? 'earlier' : 'later'}${alike ? '' : ' on average'}`);
  }
  if (a.carShare !== b.carShare) out.push(`car share ${pct(a.carShare)} → ${pct(b.carShare)}`);
  const fa = a.fleets.reduce((s, n) => s + n, 0);
  const fb = b.fleets.reduce((s, n) => s + n, 0);
  if (fa !== fb) out.push(`${fb > fa ? 'more' : 'fewer'} fleet vehicles (${formatCount(fa)} → ${formatCount(fb)})`);
  const ua = a.fleetPce.reduce((s, u, i) => s + u * a.fleets[i], 0);
  const ub = b.fleetPce.reduce((s, u, i) => s + u * b.fleets[i], 0);
  if (a.fleetPce.some((u, i) => u !== b.fleetPce[i])) out.push(`${ub > ua ? 'larger' : 'smaller'} fleet vehicles (${formatCount(ua)} → ${formatCount(ub)} car units in all)`);
  if (a.shelters.some((s, i) => s !== b.shelters[i])) out.push(shelterPlaces(a.shelters, b.shelters));
  a.hazards.forEach((on, i) => {
    if (on !== b.hazards[i]) out.push(`hazard ${i + 1} ${b.hazards[i] ? 'on' : 'off'}`);
  });
  if (a.routing !== b.routing) out.push(`routing ${a.routing} → ${b.routing}`);
  if (a.capacityDrop !== b.capacityDrop) out.push(`capacity drop ${pct(a.capacityDrop)} → ${pct(b.capacityDrop)}`);
  if (a.seed !== b.seed) out.push(`seed ${a.seed} → ${b.seed}`);
  return out;
}

/** How the shelters' places changed: more or fewer in all, moved between shelters, or (a shelter made an exit or back) changed. */
function shelterPlaces(a: readonly (number | null)[], b: readonly (number | null)[]): string {
  if (a.some((c, i) => (c === null) !== (b[i] === null))) return 'shelter places changed';
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, c) => s + (c ?? 0), 0);
  const [pa, pb] = [sum(a), sum(b)];
  if (pa === pb) return `shelter places moved between shelters (${formatCount(pa)} in all)`;
  return `${pb > pa ? 'more' : 'fewer'} shelter places (${formatCount(pa)} → ${formatCount(pb)})`;
}

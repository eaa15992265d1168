// summary.md: the sweep for people. The design, the headline figures of every
// point with their confidence intervals, the parameters ranked by how much they
// move p90 clearance and the evacuated share, and every metric in full.

import { formatCount, formatDuration } from '../report/format.js';
import type { SweepPlan } from './design.js';
import { METRICS, type MetricName } from './metrics.js';
import type { Estimate } from './stats.js';
import { SENSITIVITY_METRICS, type PointSummary, type Sensitivity } from './summary.js';
import { formatValues, type Value } from './values.js';

type Kind = 'count' | 'time' | 'share';

/** Headline columns of the per-point table. */
const HEADLINE: { metric: MetricName; title: string; kind: Kind }[] = [
  { metric: 'people.evacuated', title: 'evacuated', kind: 'count' },
  { metric: 'people.evacuatedShare', title: 'evacuated share', kind: 'share' },
  { metric: 'people.trapped', title: 'trapped', kind: 'count' },
  { metric: 'clearance.p50', title: 'clearance p50', kind: 'time' },
  { metric: 'clearance.p90', title: 'clearance p90', kind: 'time' },
  { metric: 'clearance.p95', title: 'clearance p95', kind: 'time' },
  { metric: 'throughput.peakPeoplePerHour', title: 'peak people/h', kind: 'count' },
  { metric: 'targets.met', title: 'targets met', kind: 'count' },
];

const SENSITIVITY_KIND: Record<(typeof SENSITIVITY_METRICS)[number], Kind> = {
  'clearance.p90': 'time',
  'people.evacuatedShare': 'share',
};

/** The Markdown report of a sweep of the scenario `name`; `total` is the runs the folder has of `plan.runs`. */
export function summaryMarkdown(name: string, plan: SweepPlan, points: readonly PointSummary[], ranking: readonly Sensitivity[], total: number): string {
  const { design } = plan;
  const names = plan.parameters.map((p) => p.name);
  const out: string[] = [`# Sweep of ${name}`, ''];
  const kind = design.kind === 'lhs' ? `Latin hypercube of ${design.samples} samples` : 'Full grid';
  out.push(
    `${kind}: ${plan.points.length} parameter point${plan.points.length === 1 ? '' : 's'} × ${design.replications} replication${design.replications === 1 ? '' : 's'} = ${plan.runs} run${plan.runs === 1 ? '' : 's'}` +
      `${total < plan.runs ? ` (${total} done)` : ''}; seed ${design.seed}` +
      `${design.commonSeeds ? ', common random numbers (replication r has the same seed at every point)' : ''}.`,
    '',
  );
  if (plan.parameters.length > 0) {
    out.push('| parameter | values |', '|---|---|');
    for (const p of plan.parameters) out.push(`| \`${p.name}\` | ${cell(formatValues(p.spec))} |`);
    out.push('');
  }

  out.push('## Results by point', '');
  out.push('Mean ± half-width of the 95 % confidence interval of the mean (Student t over the point\'s runs); times from the scenario start; the evacuated share is evacuated ÷ told.', '');
  out.push(row(['point', ...names.map((n) => `\`${n}\``), 'runs', ...HEADLINE.map((h) => h.title)]));
  out.push(row(['---:', ...names.map(() => '---:'), '---:', ...HEADLINE.map(() => '---:')]));
  for (const s of points) {
    out.push(row([String(s.point), ...s.values.map(value), String(s.runs), ...HEADLINE.map((h) => withInterval(s.metrics[h.metric], h.kind))]));
  }
  out.push('');

  out.push('## Sensitivity', '');
  if (ranking.length === 0) {
    out.push('No parameter takes more than one value.', '');
  } else {
    out.push(
      'Change from the first to the last value of each parameter. Grids and lists: mean over all runs at the last value minus the mean at the first, ' +
        'averaged over the other parameters. Latin hypercube ranges: least-squares coefficient over all runs (fitted on every range parameter at once) × the width of the range. Largest change of p90 clearance first.',
      '',
    );
    out.push('| parameter | from | to | Δ clearance p90 | Δ evacuated share | method |', '|---|---:|---:|---:|---:|---|');
    for (const r of ranking) {
      const deltas = SENSITIVITY_METRICS.map((m) => signed(r.change[m], SENSITIVITY_KIND[m]));
      out.push(row([`\`${r.parameter}\``, value(r.from), value(r.to), ...deltas, r.method]));
    }
    out.push('');
  }

  out.push('## All metrics', '');
  out.push(row(['point', 'metric', 'n', 'mean', 'sd', '95 % CI']), row(['---:', '---', '---:', '---:', '---:', '---']));
  for (const s of points) {
    for (const m of METRICS) {
      const e = s.metrics[m];
      const ci = e.ciLow === null || e.ciHigh === null ? '' : `${plain(e.ciLow)} – ${plain(e.ciHigh)}`;
      out.push(row([String(s.point), m, String(e.n), e.mean === null ? '' : plain(e.mean), e.sd === null ? '' : plain(e.sd), ci]));
    }
  }
  return `${out.join('\n')}\n`;
}

function withInterval(e: Estimate, kind: Kind): string {
  if (e.mean === null) return '—';
  const half = e.ciHigh === null ? null : e.ciHigh - e.mean;
  return half === null ? figure(e.mean, kind) : `${figure(e.mean, kind)} ± ${figure(half, kind, true)}`;
}

function signed(x: number | null, kind: Kind): string {
  if (x === null) return '—';
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${figure(Math.abs(x), kind, true)}`;
}

function figure(x: number, kind: Kind, difference = false): string {
  if (kind === 'time') return formatDuration(x);
  if (kind === 'share') return difference ? `${(100 * x).toFixed(2)} pp` : `${(100 * x).toFixed(1)}%`;
  return Number.isInteger(x) || Math.abs(x) >= 100 ? formatCount(x) : String(Number(x.toPrecision(3)));
}

/** Six significant digits without trailing zeros. */
function plain(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

function value(v: Value): string {
  return cell(typeof v === 'number' ? plain(v) : String(v));
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

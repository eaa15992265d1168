// summary.md: the sweep for people. The design, the headline figures of every
// point with their confidence intervals (or censored medians), the parameters
// ranked by how much they move the headline figures (or their Sobol / Morris
// indices), paired differences, and every metric in full.

import { counted, formatCount, formatDuration } from '../report/format.js';
import type { SweepPlan } from './design.js';
import type { PairedDifference } from './differences.js';
import type { IndexRow } from './indices.js';
import { compileMetrics, type Metric } from './metrics.js';
import { sensitivityMetrics, type MetricSummary, type PointSummary, type Sensitivity } from './summary.js';
import { durationSeconds } from './table-value.js';
import { formatValues, type Value } from './values.js';

type Kind = 'count' | 'time' | 'share';

/** Headline columns of the per-point table, when selected. */
const HEADLINE: { metric: string; title: string }[] = [
  { metric: 'people.evacuated', title: 'evacuated' },
  { metric: 'people.evacuatedShare', title: 'evacuated share' },
  { metric: 'people.trapped', title: 'trapped' },
  { metric: 'clearance.p50', title: 'clearance p50' },
  { metric: 'clearance.p90', title: 'clearance p90' },
  { metric: 'clearance.p95', title: 'clearance p95' },
  { metric: 'throughput.peakPeoplePerHour', title: 'peak people/h' },
  { metric: 'targets.met', title: 'targets met' },
];

/** What else summary.md shows. */
export interface MarkdownExtras {
  indices?: readonly IndexRow[];
  differences?: readonly PairedDifference[];
  /** Further sections, in Markdown, placed before "All metrics". */
  sections?: readonly string[];
}

/** The Markdown report of a sweep of the scenario `name`; `total` is the runs the folder has of `plan.runs`. */
export function summaryMarkdown(name: string, plan: SweepPlan, points: readonly PointSummary[], ranking: readonly Sensitivity[], total: number, extras: MarkdownExtras = {}): string {
  const { design } = plan;
  const metrics = compileMetrics(design.metrics);
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const names = plan.parameters.map((p) => p.name);
  const out: string[] = [`# Sweep of ${name}`, ''];
  const kinds = {
    grid: 'Full grid',
    lhs: `Latin hypercube of ${design.samples} samples`,
    points: 'Design from a file',
    sobol: `Saltelli design for Sobol indices, ${design.samples} base samples`,
    morris: `Morris design of ${design.trajectories} trajectories`,
  };
  out.push(
    `${kinds[design.kind]}: ${plan.points.length} parameter point${plan.points.length === 1 ? '' : 's'} × ${design.replications} replication${design.replications === 1 ? '' : 's'} = ${plan.runs} run${plan.runs === 1 ? '' : 's'}` +
      `${total < plan.runs ? ` (${total} done)` : ''}; seed ${design.seed}` +
      `${design.commonSeeds ? ', common random numbers (replication r has the same seed at every point)' : ', independent seeds at every point'}.`,
    '',
  );
  if (plan.parameters.length > 0) {
    out.push('| parameter | values |', '|---|---|');
    for (const p of plan.parameters) out.push(`| \`${p.name}\` | ${cell(p.spec === null ? 'from the design file' : formatValues(p.spec))} |`);
    out.push('');
  }

  // The headline metrics recorded, then the others in their order, eight columns at most
  // (the default metrics fill them with the headline; every metric is under All metrics).
  const headline = HEADLINE.filter((h) => byName.has(h.metric));
  const others = metrics.filter((m) => !HEADLINE.some((h) => h.metric === m.name)).map((m) => ({ metric: m.name, title: m.name }));
  const shown = [...headline, ...others].slice(0, 8);
  out.push('## Results by point', '');
  out.push(
    "Mean ± half-width of the 95 % confidence interval of the mean (Student t over the point's runs); times from the scenario start (`ete.…` times from their zone's order). " +
      'Where some runs did not reach a time by their end, the Kaplan–Meier median is shown with the share not reached, and `>` when most did not reach it.',
    '',
  );
  out.push(row(['point', ...names.map((n) => `\`${n}\``), 'runs', ...shown.map((h) => h.title)]));
  out.push(row(['---:', ...names.map(() => '---:'), '---:', ...shown.map(() => '---:')]));
  for (const s of points) {
    out.push(row([String(s.point), ...s.values.map(value), String(s.runs), ...shown.map((h) => headlineCell(s.metrics[h.metric], kindOf(byName.get(h.metric) as Metric)))]));
  }
  out.push('');

  out.push('## Sensitivity', '');
  if (design.kind === 'sobol' || design.kind === 'morris') out.push(...indicesSection(design.kind, extras.indices ?? [], byName));
  else out.push(...rankingSection(plan, ranking, byName));

  if (extras.differences !== undefined && extras.differences.length > 0) out.push(...differencesSection(extras.differences.filter((d) => sensitivityMetrics(plan).includes(d.metric)), byName));
  for (const section of extras.sections ?? []) out.push(section, '');

  out.push('## All metrics', '');
  out.push(row(['point', 'metric', 'n', 'not reached', 'mean', 'sd', '95 % CI', 'median']), row(['---:', '---', '---:', '---:', '---:', '---:', '---', '---:']));
  for (const s of points) {
    for (const m of metrics) {
      const e = s.metrics[m.name];
      const ci = e.ciLow === null || e.ciHigh === null ? '' : `${plain(e.ciLow)} – ${plain(e.ciHigh)}`;
      const median = e.median === null ? '' : `${e.medianAbove ? '> ' : ''}${plain(e.median)}`;
      out.push(row([String(s.point), m.name, String(e.n), String(e.censored), e.mean === null ? '' : plain(e.mean), e.sd === null ? '' : plain(e.sd), ci, median]));
    }
  }
  return `${out.join('\n')}\n`;
}

function rankingSection(plan: SweepPlan, ranking: readonly Sensitivity[], byName: Map<string, Metric>): string[] {
  if (ranking.length === 0) return ['No parameter takes more than one value.', ''];
  const shown = sensitivityMetrics(plan);
  return [
    'Change from the first to the last value of each parameter. Grids and lists: the statistic over all runs at the last value minus at the first, ' +
      'averaged over the other parameters. Latin hypercube ranges and designs from a file: least-squares coefficient over all runs (fitted on every numeric parameter at once) × the width of the range. ' +
      'A time some runs did not reach is compared by Kaplan–Meier medians on both sides (marked †); a cell is *censored* when a median is only a lower bound, or (for fits) when any run did not reach the time.',
    '',
    row(['parameter', 'from', 'to', ...shown.map((m) => `Δ ${m}`), 'method']),
    row(['---', '---:', '---:', ...shown.map(() => '---:'), '---']),
    ...ranking.map((r) =>
      row([
        `\`${r.parameter}\``,
        value(r.from),
        value(r.to),
        ...shown.map((m) => {
          const c = r.change[m];
          if (c.value === null) return c.censored > 0 ? `censored (${counted(c.censored, 'run')})` : '—';
          return `${signed(c.value, kindOf(byName.get(m) as Metric))}${c.statistic === 'median' ? ' †' : ''}`;
        }),
        r.method,
      ]),
    ),
    '',
  ];
}

function indicesSection(kind: 'sobol' | 'morris', indices: readonly IndexRow[], byName: Map<string, Metric>): string[] {
  const out: string[] = [];
  if (kind === 'sobol') {
    out.push(
      'Sobol indices from the point means: S1 (first order, Saltelli 2010) is the share of the output variance due to the parameter alone; ST (total, Jansen 1999) includes its interactions. 95 % bootstrap intervals in brackets.',
      '',
    );
  } else {
    out.push('Morris elementary effects per width of the parameter range: μ* (mean absolute effect) ranks importance, σ large against μ* signals interactions or non-linearity.', '');
  }
  const metrics = [...new Set(indices.map((x) => x.metric))];
  for (const metric of metrics) {
    const rows = indices.filter((x) => x.metric === metric);
    const params = [...new Set(rows.map((x) => x.parameter))];
    const kindOfMetric = kindOf(byName.get(metric) as Metric);
    out.push(`**${metric}**`, '');
    const heads = kind === 'sobol' ? ['S1', 'ST'] : ['muStar', 'mu', 'sigma'];
    out.push(row(['parameter', ...heads.map((h) => ({ S1: 'S1', ST: 'ST', muStar: 'μ*', mu: 'μ', sigma: 'σ' })[h] as string)]), row(['---', ...heads.map(() => '---:')]));
    for (const p of params) {
      out.push(
        row([
          `\`${p}\``,
          ...heads.map((h) => {
            const x = rows.find((r) => r.parameter === p && r.index === h) as IndexRow;
            if (x.value === null) return x.note || '—';
            if (kind === 'sobol') return `${x.value.toFixed(3)} [${(x.ciLow as number).toFixed(3)}, ${(x.ciHigh as number).toFixed(3)}]`;
            return h === 'mu' ? signed(x.value, kindOfMetric) : figure(x.value, kindOfMetric, true);
          }),
        ]),
      );
    }
    out.push('');
  }
  return out;
}

function differencesSection(differences: readonly PairedDifference[], byName: Map<string, Metric>): string[] {
  if (differences.length === 0) return [];
  const reference = differences[0].reference;
  const out = [
    `## Paired differences from point ${reference}`,
    '',
    `Mean of (point − point ${reference}) over replications paired by index, with its 95 % t interval; pairs where a time was not reached at either point are left out and counted. Every metric is in the differences table.`,
    '',
    row(['point', 'metric', 'pairs', 'not reached', 'mean difference', '95 % CI']),
    row(['---:', '---', '---:', '---:', '---:', '---']),
  ];
  for (const d of differences) {
    const kind = kindOf(byName.get(d.metric) as Metric);
    const ci = d.ciLow === null || d.ciHigh === null ? '' : `${signed(d.ciLow, kind)} – ${signed(d.ciHigh, kind)}`;
    out.push(row([String(d.point), d.metric, String(d.pairs), String(d.censored), d.mean === null ? '—' : signed(d.mean, kind), ci]));
  }
  out.push('');
  return out;
}

function kindOf(metric: Metric): Kind {
  return metric.unit === 's' ? 'time' : metric.unit === 'share' ? 'share' : 'count';
}

function headlineCell(e: MetricSummary, kind: Kind): string {
  if (e.censored > 0) {
    const share = `${e.censored}/${e.runs} not reached`;
    if (e.median === null) return `— (${share})`;
    return `${e.medianAbove ? '> ' : 'median '}${figure(e.median, kind)} (${share})`;
  }
  if (e.mean === null) return '—';
  const half = e.ciHigh === null ? null : e.ciHigh - e.mean;
  return half === null ? figure(e.mean, kind) : `${figure(e.mean, kind)} ± ${figure(half, kind, true)}`;
}

function signed(x: number, kind: Kind): string {
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

/** A parameter value: a number to six digits, a duration as the time columns write one ("1h 27m"), else as written. */
function value(v: Value): string {
  if (typeof v === 'number') return cell(plain(v));
  // An unstepped range draws durations such as "87.06529340473577m".
  const seconds = durationSeconds(v);
  return cell(seconds === null ? String(v) : formatDuration(seconds));
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

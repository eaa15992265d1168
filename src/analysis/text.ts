// The network analysis as text for the terminal: reach per settlement, critical
// roads, busiest roads and minimum cuts, each as an aligned table.
import type { NetworkAnalysis } from './analyze.js';
import { MAX_BETWEENNESS_NODES } from './betweenness.js';

/** At most this many rows of the road rankings are printed (`--json` has them all). */
const TOP = 10;

/** The analysis as plain text, one section per question. */
export function formatNetworkAnalysis(a: NetworkAnalysis): string {
  const out: string[] = [`Network analysis of ${a.scenario} (free-flow, car roads only)`, ''];
  out.push('Reach: nearest destination and free-flow time per settlement');
  out.push(table(['settlement', 'people', 'nearest', 'time', 'reaches', 'critical links'], a.settlements.map((s) => [
    s.id,
    count(s.population),
    s.reaches[0]?.id ?? 'none',
    s.reaches[0] === undefined ? '-' : minutes(s.reaches[0].seconds),
    String(s.reaches.length),
    String(s.criticalLinks.length),
  ])));
  out.push('', 'Critical roads: links every route of a settlement uses, by people cut off if closed');
  out.push(a.criticalRoads.length === 0
    ? 'none: closing any one link leaves every settlement that reaches safety a way there'
    : table(['link', 'people', 'settlements'], a.criticalRoads.slice(0, TOP).map((r) => [r.link, count(r.people), list(r.settlements)])));
  out.push('', 'Busiest roads: people on each link when all take the fastest routes to the nearest destination');
  out.push(table(['link', 'people', 'settlements'], a.busiestRoads.slice(0, TOP).map((r) => [r.link, count(r.people), list(r.settlements)])));
  out.push('', 'Central roads: share of all node pairs whose fastest routes use the link (edge betweenness, people not counted)');
  out.push(a.centralRoads === null
    ? `not computed: more than ${MAX_BETWEENNESS_NODES.toLocaleString('en-US')} nodes`
    : table(['link', 'share'], a.centralRoads.slice(0, TOP).map((r) => [r.link, `${(r.betweenness * 100).toFixed(1)} %`])));
  out.push('', 'Minimum cuts to safety: capacity of the narrowest cut, and the hours it needs for one vehicle per household');
  out.push(table(['zone', 'people', 'cut veh/h', 'at least', 'cut links'], a.cuts.map((c) => [
    c.kind === 'district' ? `district ${c.zone}` : c.zone,
    count(c.population),
    c.capacityVehPerHour === null ? '-' : count(c.capacityVehPerHour),
    c.lowerBoundHours === null ? '-' : `${c.lowerBoundHours.toFixed(2)} h`,
    list(c.cut),
  ])));
  return `${out.join('\n')}\n`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function minutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

function list(items: readonly string[]): string {
  return items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} +${items.length - 3}`;
}

// The report's section on the road network before the run (evacsim network):
// critical roads, the roads the fastest routes load most, and the minimum cuts
// to safety with the clearance bound they imply. Names are escaped.
import type { NetworkAnalysis } from '../analysis/analyze.js';
import { formatCount, formatDuration } from '../report/format.js';
import { el, text } from './svg.js';
import { table } from './tables.js';

/** Rows of each ranking shown; `evacsim network --json` has them all. */
const ROWS = 12;

/** The section's content: three tables, or a note for what is empty. */
export function networkTables(a: NetworkAnalysis): string {
  const list = (items: readonly string[]) => text(items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} +${items.length - 3}`);
  const share = new Map((a.centralRoads ?? []).map((r) => [r.link, r.betweenness]));
  const critical = a.criticalRoads.length === 0
    ? el('p', { class: 'muted' }, text('No critical road: every settlement has two routes to safety that share no link.'))
    : table(
        [{ label: 'link' }, { label: 'people cut off if closed', numeric: true }, { label: 'settlements' }],
        a.criticalRoads.slice(0, ROWS).map((r) => [text(r.link), text(formatCount(Math.round(r.people))), list(r.settlements)]),
      );
  const busiest = table(
    [
      { label: 'link' },
      { label: 'people on fastest routes', numeric: true, title: 'each settlement’s people on its fastest routes to the nearest destination' },
      { label: 'share of node pairs', numeric: true, title: 'edge betweenness: share of all ordered node pairs whose fastest routes use the link, people not counted' },
      { label: 'settlements' },
    ],
    a.busiestRoads.slice(0, ROWS).map((r) => {
      const b = share.get(r.link);
      return [text(r.link), text(formatCount(Math.round(r.people))), text(b === undefined ? '–' : `${(b * 100).toFixed(1)} %`), list(r.settlements)];
    }),
  );
  const nearest = new Map(a.settlements.map((s) => [s.id, s.reaches[0]]));
  const cuts = table(
    [
      { label: 'zone' },
      { label: 'people', numeric: true },
      { label: 'nearest, free-flow', title: 'the nearest shelter or exit and the free-flow driving time to it' },
      { label: 'cut veh/h', numeric: true, title: 'capacity of the narrowest set of links between the zone and safety' },
      { label: 'clearance at least', numeric: true, title: 'one vehicle per household through the cut: people ÷ household size ÷ cut capacity' },
      { label: 'cut links' },
    ],
    [...a.cuts.filter((c) => c.kind !== 'settlement'), ...a.cuts.filter((c) => c.kind === 'settlement').sort((x, y) => (y.lowerBoundHours ?? -1) - (x.lowerBoundHours ?? -1)).slice(0, ROWS)].map((c) => {
      const reach = c.kind === 'settlement' ? nearest.get(c.zone) : undefined;
      return [
        text(c.kind === 'district' ? `district ${c.zone}` : c.kind === 'all' ? 'whole area' : c.zone),
        text(formatCount(c.population)),
        text(reach === undefined ? '' : `${reach.id}, ${formatDuration(reach.seconds)}`),
        text(c.capacityVehPerHour === null ? '–' : formatCount(Math.round(c.capacityVehPerHour))),
        text(c.lowerBoundHours === null ? '–' : formatDuration(c.lowerBoundHours * 3600)),
        list(c.cut),
      ];
    }),
  );
  return (
    el('h3', {}, text('Critical roads')) + critical +
    el('h3', {}, text('Busiest roads')) + busiest +
    el('h3', {}, text('Minimum cuts to safety')) + cuts
  );
}

// The points of lines (an order's `withinKmOf.line`, a front's `line` and `towards`) on a
// lat/lon network are [lon, lat] pairs on the globe, as its nodes are: [500, 500] was
// taken, and the order told nobody (with a warning that said only that) and the front
// never reached a node, without a word.

import { onTheGlobe } from './distance.js';
import type { IssueList } from './issues.js';
import type { PathKey } from './path.js';
import type { ScenarioFile } from './schema.js';

type Point = readonly [number, number];

/** Adds an issue for each point of a line that is no [lon, lat] pair, when the nodes are lat/lon. */
export function checkLinePoints(file: ScenarioFile, issues: IssueList): void {
  if (!file.network.nodes.some((node) => node.lat !== undefined || node.lon !== undefined)) return;
  const check = (point: Point | null | undefined, path: PathKey[]) => {
    if (point === null || point === undefined) return;
    const [lon, lat] = point;
    if (onTheGlobe(lon, lat)) return;
    issues.add(path, `[${lon}, ${lat}] is not a [lon, lat] pair (lon from -180 to 180, lat from -90 to 90), as the nodes' positions are`);
  };
  file.orders.forEach((order, i) => {
    order.withinKmOf?.line.forEach((point, j) => { check(point, ['orders', i, 'withinKmOf', 'line', j]); });
  });
  file.hazards.forEach((hazard, i) => {
    if (hazard.kind !== 'front') return;
    hazard.line.forEach((point, j) => { check(point, ['hazards', i, 'line', j]); });
    check(hazard.towards, ['hazards', i, 'towards']);
  });
}

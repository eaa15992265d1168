// One what-if run, from a raw scenario file to everything the explorer page
// draws: the summary's key figures, the chart series, the map and two tables.
// Pure, so the browser's worker and the tests compute the very same numbers.

import { parseScenario } from '../scenario/parse.js';
import { simulate } from '../simulation/simulate.js';
import { type Summary, summarize } from '../report/summary.js';
import { type Figure, keyFigures } from '../html/figures.js';
import { type MapData, mapData } from '../html/map-data.js';
import { type ReportSeries, reportSeries } from '../html/series.js';
import { districtTable, targetsTable } from '../html/tables.js';

export interface Outcome {
  people: Summary['people'];
  figures: Figure[];
  series: ReportSeries;
  map: MapData;
  /** HTML tables, already escaped. */
  targets: string;
  districts: string;
}

/** Parses, simulates and summarizes the raw scenario `raw`. Throws ScenarioError when it is invalid. */
export function evaluate(raw: unknown): Outcome {
  const scenario = parseScenario(raw);
  const result = simulate(scenario);
  const summary = summarize(result, scenario);
  return {
    people: summary.people,
    figures: keyFigures(summary),
    series: reportSeries(result, scenario),
    map: mapData(result, scenario),
    targets: summary.targets.length === 0 ? '' : targetsTable(summary.targets, scenario.start),
    districts: districtTable(result, summary, scenario.start),
  };
}

// renderReport for Node: the report page with the script bundled at build time.

import type { SimulationResult } from '../result.js';
import { requireParsedScenario } from '../scenario/parsed.js';
import type { Scenario } from '../scenario/types.js';
import type { Summary } from '../report/summary.js';
import { browserScript } from './browser-script.js';
import { type ReportOptions, reportPage } from './report.js';

/**
 * The HTML report of `result`, a run of `scenario` summarized as `summary`. Deterministic: no clock, no locale.
 * Throws InputError when `scenario` is not a parsed Scenario.
 */
export function renderReport(result: SimulationResult, summary: Summary, scenario: Scenario, options: ReportOptions = {}): string {
  requireParsedScenario(scenario, 'renderReport()');
  return reportPage(result, summary, scenario, browserScript('report'), options);
}

// What the report's page script reads from the page (a JSON script element):
// the chart series, the map data and the baseline, so the page can redraw the
// charts and the map at its own width and at any instant, and export them.

import type { Baseline } from './compare.js';
import { plainForJson } from './counts.js';
import type { MapData } from './map-data.js';
import type { ReportSeries } from './series.js';

export interface ReportData {
  series: ReportSeries;
  map: MapData;
  baseline: Baseline | null;
}

export const REPORT_DATA_ID = 'report-data';

/** `data` as the text of a `<script type="application/json">`: no "<" can close the element; typed arrays as arrays. */
export function embedJson(data: unknown): string {
  return JSON.stringify(plainForJson(data)).replace(/</g, '\\u003c');
}

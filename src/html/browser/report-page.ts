// The report's page script (bundled into the report at build time): redraws the
// charts at the reader's width with value read-outs and downloads, makes the map
// play over time, and turns every mark's title into a tooltip for touch and keys.
// Without it the page still reads true: charts and map as drawn at the run's end.

import { REPORT_DATA_ID, type ReportData } from '../report-data.js';
import { drawCharts, onWidthChange } from './charts-view.js';
import { mountMap } from './map-player.js';
import { installTooltips, tipify } from './tooltip.js';

function start(): void {
  const node = document.getElementById(REPORT_DATA_ID);
  if (node === null) return;
  const data = JSON.parse(node.textContent ?? '{}') as ReportData;
  const before = data.baseline?.series ? { series: data.baseline.series, label: data.baseline.label } : null;
  installTooltips(document);
  tipify(document.body);
  const main = document.querySelector('main') as HTMLElement;
  drawCharts(document, data.series, before);
  onWidthChange(main, () => drawCharts(document, data.series, before));
  document.querySelectorAll<HTMLElement>('.map-panel').forEach((panel) => {
    mountMap(panel, data.map, data.baseline?.map ?? null, data.series.scenario);
  });
  document.body.dataset.ready = 'true';
}

start();

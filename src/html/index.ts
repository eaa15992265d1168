// The HTML report and the charts and map it shares with the explorer.

export { renderReport } from './render-report.js';
export { reportPage, mapSection, type ReportOptions } from './report.js';
export { type Baseline, comparisonTable } from './compare.js';
export { simulateWithTraffic, type TrafficSeries } from './traffic.js';
export { escapeHtml } from './escape.js';
export { type ReportSeries, reportSeries, waitingForFleet } from './series.js';
export { type MapData, mapData } from './map-data.js';
export { renderMap } from './map.js';
export { mapLegend } from './map-legend.js';
export { type ChartKey, chartSpecs, chartSvg } from './charts.js';
export { type Figure, figureCards, keyFigures } from './figures.js';
export { districtTable, targetsTable } from './tables.js';
export { REPORT_CSS } from './style.js';

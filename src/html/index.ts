// The HTML report and the charts and map it shares with the explorer.

export { renderReport, mapSection } from './report.js';
export { escapeHtml } from './escape.js';
export { type ReportSeries, reportSeries, waitingForFleet } from './series.js';
export { type MapData, mapData } from './map-data.js';
export { renderMap } from './map.js';
export { applyMapTime, mapTimeLabel } from './map-time.js';
export { evacuatedChart, flowChart, occupancyChart, vehiclesChart, waitingChart } from './charts.js';
export { type Figure, figureCards, keyFigures } from './figures.js';
export { districtTable, targetsTable } from './tables.js';
export { REPORT_CSS } from './style.js';

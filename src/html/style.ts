// The stylesheet of the report, shared by the explorer: system fonts only (no
// font is fetched), print-friendly, readable on a laptop and a projector.

export const REPORT_CSS = `
:root { --ink: #222; --muted: #6b6b6b; --line: #e2e2e2; --accent: #0072b2; --bad: #b34700; --good: #1b7f4a; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 6px; padding-top: 8px; border-top: 1px solid var(--line); }
p { margin: 6px 0; }
.lead { color: var(--muted); max-width: 820px; }
.meta { color: var(--muted); font-size: 14px; }
.description { max-width: 900px; }
nav { margin: 16px 0 0; font-size: 14px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav a { color: var(--accent); text-decoration: none; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 18px 0 6px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.figure .value { white-space: nowrap; font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; display: block; }
.figure .label { color: var(--muted); font-size: 13px; }
.figure .sub { color: var(--muted); font-size: 12px; display: block; }
svg.chart, svg.map { max-width: 100%; height: auto; display: block; margin: 6px 0; }
svg.chart:focus, .map [tabindex]:focus { outline: 2px solid var(--accent); }
svg text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg .on-mark { fill: #fff; font-size: 11px; font-weight: 600; }
.chart-slot { min-width: 0; }
.readout { font-size: 13px; color: var(--muted); min-height: 2.6em; margin: 0; font-variant-numeric: tabular-nums; }
.exports { display: inline-flex; gap: 6px; margin: 4px 0 10px; }
.exports button, .map-controls button, .map-controls select { font: inherit; font-size: 13px; padding: 3px 9px; border: 1px solid #999; border-radius: 4px; background: #fff; cursor: pointer; }
.tip { position: absolute; z-index: 10; background: #222; color: #fff; font-size: 13px; line-height: 1.35; padding: 6px 9px; border-radius: 5px; white-space: pre-line; pointer-events: none; }
.baseline-note, #baseline-note { background: #eef3f8; padding: 6px 10px; border-radius: 4px; font-size: 14px; }
svg .muted, .muted { fill: var(--muted); color: var(--muted); }
svg .axis-title, svg .legend-heading, svg .map-time { font-weight: 600; }
svg .labels text { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.map-controls { font-size: 14px; display: flex; flex-direction: column; gap: 6px; }
.map-controls > div { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; }
.map-time-row input[type=range] { flex: 1 1 200px; min-width: 0; }
.map-instant-label { font-variant-numeric: tabular-nums; font-weight: 600; }
.map-body { display: grid; grid-template-columns: minmax(0, 1fr) 230px; gap: 12px; align-items: start; }
.map-figure { margin: 8px 0 0; min-width: 0; }
.map-figure svg { touch-action: pan-y; }
.map-legend { font-size: 12.5px; }
.legend-block { margin: 6px 0 10px; }
.legend-heading { font-weight: 600; margin: 0 0 3px; }
.legend-item { display: flex; align-items: center; gap: 6px; }
.legend-item svg { flex: none; }
.legend-note { color: var(--muted); margin: 2px 0; font-size: 12px; }
.sizes { display: flex; align-items: flex-end; gap: 12px; }
.size { display: inline-flex; flex-direction: column; align-items: center; font-size: 12px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; margin: 8px 0; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid #bbb; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td small { display: block; color: var(--muted); font-size: 11.5px; }
.ok { color: var(--good); font-weight: 600; white-space: nowrap; }
.missed { color: var(--bad); font-weight: 600; white-space: nowrap; }
.note { color: var(--muted); font-size: 12.5px; }
.warnings { margin: 8px 0; padding-left: 22px; max-width: 900px; }
.warnings li { margin: 4px 0; }
.warnings li::marker { color: var(--bad); }
code { font-size: 12.5px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media (max-width: 700px) {
  main { padding: 14px 12px 36px; }
  .map-body { grid-template-columns: minmax(0, 1fr); }
  .figures { grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); }
  h1 { font-size: 22px; }
  table { font-size: 13px; }
}
@media print { nav, .map-controls, .exports, .readout { display: none; } h2 { break-after: avoid; } svg { break-inside: avoid; } }
`;

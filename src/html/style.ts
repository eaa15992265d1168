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
nav { margin: 16px 0 0; font-size: 14px; }
nav a { margin-right: 14px; color: var(--accent); text-decoration: none; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; margin: 18px 0 6px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.figure .value { white-space: nowrap; font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; display: block; }
.figure .label { color: var(--muted); font-size: 13px; }
.figure .sub { color: var(--muted); font-size: 12px; display: block; }
svg.chart, svg.map { width: 100%; height: auto; display: block; margin: 6px 0; }
svg text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg .muted, .muted { fill: var(--muted); color: var(--muted); }
svg .axis-title, svg .legend-heading, svg .map-time { font-weight: 600; }
svg .map-legend text { font-size: 11.5px; }
svg .labels text { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.links-delay { display: none; }
#map-color-delay:checked ~ .map-figure .links-delay { display: inline; }
#map-color-delay:checked ~ .map-figure .links-queue { display: none; }
.map-controls { font-size: 14px; }
.map-controls > label { margin: 0 14px 0 4px; }
.map-figure { margin: 8px 0 0; }
.map-controls input[type=range] { width: 300px; vertical-align: middle; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13.5px; margin: 8px 0; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid #bbb; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td small { display: block; color: var(--muted); font-size: 11.5px; }
.ok { color: var(--good); font-weight: 600; white-space: nowrap; }
.missed { color: var(--bad); font-weight: 600; white-space: nowrap; }
.note { color: var(--muted); font-size: 12.5px; }
code { font-size: 12.5px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { nav, .map-controls input[type=range] { display: none; } h2 { break-after: avoid; } svg { break-inside: avoid; } }
`;

// The explorer's stylesheet: the report's, plus a side panel of controls beside
// the results.

import { REPORT_CSS } from '../html/style.js';

export const EXPLORER_CSS = `${REPORT_CSS}
.explorer { display: grid; grid-template-columns: 360px minmax(0, 1fr); min-height: 100vh; }
#controls { position: sticky; top: 0; height: 100vh; overflow-y: auto; padding: 18px 18px 28px; background: #f6f6f3; border-right: 1px solid var(--line); }
#controls h1 { font-size: 21px; }
#results { max-width: 1120px; padding: 14px 28px 48px; margin: 0; }
#results h2 { margin-top: 22px; }
#status { font-size: 13.5px; padding: 6px 8px; border-radius: 4px; background: #e8eef5; }
#status.problem { background: #fbe9e1; color: var(--bad); }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; padding: 6px 10px 10px; background: #fff; }
legend { font-weight: 600; padding: 0 4px; }
.knob { margin: 8px 0; }
.knob label { display: block; font-size: 14px; }
.knob output { font-weight: 600; font-variant-numeric: tabular-nums; }
.knob input[type=range] { width: 100%; }
.knob small { display: block; color: var(--muted); font-size: 12px; }
.row { font-size: 13px; margin: 6px 0; }
.row .what { display: block; color: var(--ink); }
.row input[type=number] { width: 90px; }
.row input[data-fleet-pce] { width: 3.5em; }
details .row { border-top: 1px dotted var(--line); padding-top: 4px; }
details summary { cursor: pointer; font-size: 13.5px; color: var(--accent); }
input[aria-invalid=true] { outline: 2px solid var(--bad); }
.buttons { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 14px; }
button { font: inherit; font-size: 14px; padding: 6px 12px; border: 1px solid #999; border-radius: 5px; background: #fff; cursor: pointer; }
button:hover { background: #eef3f8; }
.figure .change { color: var(--accent); }
#why { font-size: 13.5px; margin: 8px 0; }
#why:empty { display: none; }
.row label { display: inline-block; margin-right: 8px; }
@media (max-width: 900px) {
  .explorer { grid-template-columns: minmax(0, 1fr); }
  #controls { position: static; height: auto; border-right: none; border-bottom: 1px solid var(--line); }
  #results { padding: 12px 12px 40px; }
}
`;

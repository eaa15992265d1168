// The explorer's page: the layout the browser app fills in. Static markup, so
// the server can send it with a strict content policy (no inline script).

import { el, text } from '../html/svg.js';
import { WARNINGS_LEAD } from '../html/warnings.js';

/**
 * The page for exploring the scenario called `name`. `maxVehicles`, the server's limit on a run's
 * fleet vehicles (null when lifted), is the most each fleet's field offers.
 */
export function explorerPage(name: string, maxVehicles: number | null = null): string {
  const panel = (id: string, title: string, lead: string, ...content: string[]) =>
    el('section', { id }, el('h2', {}, text(title)), el('p', { class: 'lead' }, text(lead)), ...(content.length > 0 ? content : [el('div', { class: 'slot' })]));
  const chart = (key: string) => el('div', { class: 'chart-slot', 'data-chart': key });
  return '<!doctype html>\n' + el('html', { lang: 'en' },
    el('head', {},
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, text(`${name}: what if?`)),
      // An empty icon, so the browser does not ask the server for one.
      el('link', { rel: 'icon', href: 'data:,' }),
      el('link', { rel: 'stylesheet', href: '/style.css' })),
    el('body', { 'data-runs': '0', 'data-busy': 'true' },
      el('div', { class: 'explorer' },
        el('aside', { id: 'controls' },
          el('h1', {}, text(name)),
          el('p', { class: 'lead' }, text(
            'Change a parameter and the scenario runs again, on this computer. Pin a run as the baseline to compare the next ones with it.')),
          el('p', { id: 'status', role: 'status' }, text('Loading the scenario…')),
          el('p', { id: 'why', 'aria-live': 'polite' }),
          el('div', { class: 'buttons' },
            el('button', { id: 'pin', type: 'button', 'aria-pressed': 'false' }, text('Pin this run as the baseline'))),
          el('div', { id: 'knobs', ...(maxVehicles === null ? {} : { 'data-max-vehicles': maxVehicles }) }),
          el('div', { class: 'buttons' },
            el('button', { id: 'reset', type: 'button' }, text('Reset to the scenario')),
            el('button', { id: 'download', type: 'button' }, text('Download this scenario')),
            el('button', { id: 'save-report', type: 'button' }, text('Save this run as a report')))),
        el('main', { id: 'results' },
          el('p', { id: 'baseline-note', hidden: true }),
          el('div', { id: 'figures' }),
          panel('warnings', 'Warnings', WARNINGS_LEAD),
          panel('over-time', 'People evacuated over time',
            'Who reached safety, who set off, who was trapped; targets as points, p50/p90/p100 when half, 90 % and all who complied were out.',
            chart('evacuated'), chart('trapped')),
          panel('map', 'Map',
            'The network at the instant on the slider: what the people of each settlement were doing, vehicles on the roads and waiting at origins, fleets, shelters and hazards. Press play; tap or focus a mark for its numbers.',
            el('div', { class: 'map-panel', 'data-map': 'map-svg' },
              el('div', { class: 'map-controls' }),
              el('div', { class: 'map-body' }, el('figure', { class: 'map-figure' }), el('div', { class: 'map-legend' })))),
          panel('comparison', 'Against the baseline', 'The settlements whose outcome changed most since the pinned baseline (pin a run to set one).'),
          panel('flow', 'Departures and arrivals per hour', 'People setting off and people reaching safety in each interval.', chart('flow')),
          panel('vehicles', 'Vehicles on the road', 'Cars and fleet vehicles on the roads, and vehicles held at their origin.', chart('vehicles')),
          panel('waiting', 'People waiting', 'Compliant people not yet gone, and those ready at a pickup point waiting for a fleet.', chart('waiting')),
          panel('occupancy', 'Shelter occupancy', 'People in each accommodation centre as a share of its places.', chart('occupancy')),
          panel('fleets', 'Fleets', 'Trips made, people carried and how long people waited at their pickup.'),
          panel('settlements', 'Settlements', 'People by what became of them at the end of the run.'),
          panel('targets', 'Targets', 'What the scenario says was observed, and what this run gives.'),
          panel('districts', 'Districts', 'People by what became of them at the end of the run.'))),
      el('script', { src: '/app.js' })));
}

// The explorer's page: the layout the browser app fills in. Static markup, so
// the server can send it with a strict content policy (no inline script).

import { el, text } from '../html/svg.js';

/** The page for exploring the scenario called `name`. */
export function explorerPage(name: string): string {
  const panel = (id: string, title: string, lead: string) =>
    el('section', { id }, el('h2', {}, text(title)), el('p', { class: 'lead' }, text(lead)), el('div', { class: 'slot' }));
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
            'Change a parameter and the scenario runs again, here in your browser. The last run stays on the charts as a dashed line.')),
          el('p', { id: 'status', role: 'status' }, text('Loading the scenario…')),
          el('div', { id: 'knobs' }),
          el('div', { class: 'buttons' },
            el('button', { id: 'reset', type: 'button' }, text('Reset to the scenario')),
            el('button', { id: 'download', type: 'button' }, text('Download this scenario')))),
        el('main', { id: 'results' },
          el('div', { id: 'figures' }),
          panel('over-time', 'People evacuated over time',
            'Who reached safety, who set off, who was trapped; targets as points, p50/p90/p100 when half, 90 % and all who complied were out.'),
          el('section', { id: 'map' },
            el('h2', {}, text('Map')),
            el('p', { class: 'lead' }, text('Roads by congestion, settlements by how long after their order they were clear. Hover for numbers.')),
            el('div', { class: 'map-controls' },
              el('span', {}, text('Colour roads by')),
              el('input', { type: 'radio', name: 'map-color', id: 'map-color-queue', checked: true }),
              el('label', { for: 'map-color-queue' }, text('peak queue')),
              el('input', { type: 'radio', name: 'map-color', id: 'map-color-delay' }),
              el('label', { for: 'map-color-delay' }, text('delay per vehicle')),
              el('label', {}, text('Hazards at '), el('input', { type: 'range', id: 'map-time', min: 0, max: 1, step: 1, value: 1 })),
              el('figure', { class: 'map-figure' }))),
          panel('flow', 'Departures and arrivals per hour', 'People setting off and people reaching safety in each hour.'),
          panel('vehicles', 'Vehicles on the road', 'Cars and fleet vehicles on the roads, and vehicles held at their origin.'),
          panel('waiting', 'People waiting', 'Compliant people not yet gone, and those ready at a pickup point waiting for a fleet.'),
          panel('occupancy', 'Shelter occupancy', 'People in each accommodation centre as a share of its places.'),
          panel('targets', 'Targets', 'What the scenario says was observed, and what this run gives.'),
          panel('districts', 'Districts', 'People by what became of them at the end of the run.'))),
      el('script', { src: '/app.js' })));
}

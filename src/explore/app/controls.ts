// The explorer's controls: sliders for compliance, mobilization, order timing
// and car share, fields for each order, fleet sizes and shelter places, switches
// for hazards, a choice of routing, and the seed. A master slider scales the orders' own settings
// (never flattens them). Each change hands new Parameters to `onChange`; the
// page decides when to run.

import { MAX_PCE, type RoutingMode, type Scenario } from '../../scenario/types.js';
import { el, text } from '../../html/svg.js';
import { formatCount } from '../../report/format.js';
import { describeHazard, describeOrder } from '../describe.js';
import { type Parameters, meanCompliance, meanMedian, scaleCompliance, scaleMedian, shiftOrders } from '../parameters.js';
import { maxOf, minOf } from '../../report/extremes.js';

/** Called with the new parameters; `settled` is false while a slider is still being dragged. */
export type OnChange = (next: Parameters, settled: boolean) => void;

/** The largest whole number a scenario takes as a seed or a count (its schema's limit). */
const MAX_WHOLE = Number.MAX_SAFE_INTEGER;
/** The shortest mobilization median an order's field takes, hours (36 s). */
const MIN_MEDIAN_HOURS = 0.01;

/**
 * Fills `root` with controls for `scenario`, set to `p`. `root`'s `data-max-vehicles`, when set,
 * is the most vehicles a fleet's field takes (the server's limit; it refuses more in any case).
 */
export function buildControls(root: HTMLElement, scenario: Scenario, p: Parameters, onChange: OnChange): void {
  let current = p;
  const maxVehicles = root.dataset.maxVehicles === undefined ? null : Number(root.dataset.maxVehicles);
  root.innerHTML = markup(scenario, p, maxVehicles);
  const input = (selector: string) => root.querySelector(selector) as HTMLInputElement;
  const all = (selector: string) => Array.from(root.querySelectorAll<HTMLInputElement>(selector));
  const change = (next: Parameters, settled: boolean) => {
    current = next;
    showOrderSummary(root, current);
    onChange(current, settled);
  };

  // Master sliders act on the per-order settings as they were when last set one by one.
  let anchor = p;
  const showOrders = () => current.orders.forEach((o, i) => {
    input(`[data-order-compliance="${i}"]`).value = String(o.compliance);
    input(`[data-order-median="${i}"]`).value = hoursText(o.mobilization.median / 3600);
    input(`[data-order-at="${i}"]`).value = hoursText(o.at / 3600);
  });
  const master = (id: string, apply: (value: number) => Parameters['orders']) => {
    const slider = input(`#${id}`);
    const on = (settled: boolean) => {
      const orders = apply(Number(slider.value));
      change({ ...current, orders }, settled);
      showOrders();
    };
    slider.addEventListener('input', () => on(false));
    slider.addEventListener('change', () => on(true));
  };
  master('compliance', (v) => scaleCompliance(anchor, v).orders.map((o, i) => ({ ...current.orders[i], compliance: o.compliance })));
  master('median', (h) => scaleMedian(anchor, h * 3600).orders.map((o, i) => ({ ...current.orders[i], mobilization: o.mobilization })));
  master('shift', (h) => {
    input('#shift-out').textContent = shiftText(h);
    return shiftOrders(anchor, h * 3600).orders.map((o, i) => ({ ...current.orders[i], at: o.at }));
  });
  const perOrder = (attribute: string, min: number, max: number, set: (o: Parameters['orders'][number], value: number) => Parameters['orders'][number]) => {
    for (const field of all(`[data-${attribute}]`)) {
      field.addEventListener('change', () => {
        const value = readNumber(field, min, max);
        if (value === null) return;
        const i = Number(field.getAttribute(`data-${attribute}`));
        change({ ...current, orders: current.orders.map((o, j) => (j === i ? set(o, value) : o)) }, true);
        anchor = current;
        input('#shift').value = '0';
        input('#shift-out').textContent = shiftText(0);
      });
    }
  };
  perOrder('order-compliance', 0, 1, (o, value) => ({ ...o, compliance: value }));
  // Above 0: a lognormal or Weibull delay has no median of 0 (the server refused it).
  perOrder('order-median', MIN_MEDIAN_HOURS, Infinity, (o, hours) => ({ ...o, mobilization: { ...o.mobilization, median: hours * 3600 } }));
  perOrder('order-at', 0, Infinity, (o, hours) => ({ ...o, at: hours * 3600 }));

  // A slider of a share, `#<id>`, shown as a percentage in `#<id>-out`: runs as it moves, settles when let go.
  const shareSlider = (id: string, set: (p: Parameters, value: number) => Parameters) => {
    const slider = input(`#${id}`);
    const on = (settled: boolean) => {
      input(`#${id}-out`).textContent = percent(Number(slider.value));
      change(set(current, Number(slider.value)), settled);
    };
    slider.addEventListener('input', () => on(false));
    slider.addEventListener('change', () => on(true));
  };
  shareSlider('car-share', (p, value) => ({ ...p, carShare: value }));
  shareSlider('capacity-drop', (p, value) => ({ ...p, capacityDrop: value }));

  // Fields of whole numbers, one per fleet or shelter, whose attribute `data-<name>` holds its index.
  const wholeFields = (name: string, min: number, max: number, set: (p: Parameters, i: number, value: number) => Parameters) => {
    for (const field of all(`[data-${name}]`)) {
      field.addEventListener('change', () => {
        const value = readNumber(field, min, max, true);
        if (value !== null) change(set(current, Number(field.getAttribute(`data-${name}`)), value), true);
      });
    }
  };
  wholeFields('fleet', 0, maxVehicles ?? Infinity, (p, i, value) => ({ ...p, fleets: replaced(p.fleets, i, value) }));
  wholeFields('fleet-pce', 1, MAX_PCE, (p, i, value) => ({ ...p, fleetPce: replaced(p.fleetPce, i, value) }));
  wholeFields('shelter', 0, MAX_WHOLE, (p, i, value) => ({ ...p, shelters: replaced(p.shelters, i, value) }));
  for (const box of all('[data-hazard]')) {
    box.addEventListener('change', () => {
      const i = Number(box.dataset.hazard);
      change({ ...current, hazards: current.hazards.map((on, j) => (j === i ? box.checked : on)) }, true);
    });
  }
  for (const choice of all('[data-routing]')) {
    choice.addEventListener('change', () => {
      if (choice.checked) change({ ...current, routing: choice.dataset.routing as RoutingMode }, true);
    });
  }
  const seed = input('#seed');
  seed.addEventListener('change', () => {
    const value = readNumber(seed, 0, MAX_WHOLE, true);
    if (value !== null) change({ ...current, seed: value }, true);
  });
  input('#shift-out').textContent = shiftText(0);
  showOrderSummary(root, current);
}

/** A copy of `list` with entry `i` set to `value`. */
function replaced<T>(list: readonly T[], i: number, value: T): T[] {
  return list.map((x, j) => (j === i ? value : x));
}

/**
 * The field's number when valid. Otherwise the field is marked invalid and the status line
 * says why, and that nothing ran: the figures on the page are still those of the last run.
 */
function readNumber(field: HTMLInputElement, min: number, max: number, whole = false): number | null {
  const value = field.value.trim() === '' ? NaN : Number(field.value);
  const ok = Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
  field.setAttribute('aria-invalid', ok ? 'false' : 'true');
  if (ok) {
    field.removeAttribute('aria-describedby');
    return value;
  }
  const status = document.querySelector('#status') as HTMLElement;
  const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
  const name = field.getAttribute('aria-label') ?? field.labels?.[0]?.textContent?.trim() ?? field.id;
  status.textContent = `Not run: ${name} must be ${whole ? 'a whole number' : 'a number'} ${range}, got ${JSON.stringify(field.value)}; the figures are those of the last run.`;
  status.classList.add('problem');
  field.setAttribute('aria-describedby', 'status');
  return null;
}

/** Writes the compliance and median shown beside the sliders: one value, or the range when orders differ. */
function showOrderSummary(root: HTMLElement, p: Parameters): void {
  const compliance = p.orders.map((o) => o.compliance);
  const median = p.orders.map((o) => o.mobilization.median / 3600);
  (root.querySelector('#compliance-out') as HTMLElement).textContent = range(compliance, percent);
  (root.querySelector('#median-out') as HTMLElement).textContent = range(median, (h) => `${hoursText(h)} h`);
}

function range(values: number[], show: (v: number) => string): string {
  if (values.length === 0) return 'no orders';
  const lo = minOf(values);
  const hi = maxOf(values);
  return lo === hi ? show(lo) : `${show(lo)} to ${show(hi)}`;
}

function shiftText(hours: number): string {
  return hours === 0 ? 'as planned' : `${Math.abs(hours)} h ${hours < 0 ? 'earlier' : 'later'}`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

function markup(s: Scenario, p: Parameters, maxVehicles: number | null): string {
  const names = new Map(s.settlements.map((x) => [x.id, x.name]));
  const slider = (id: string, label: string, attrs: Record<string, number>, hint: string) =>
    el('div', { class: 'knob' },
      el('label', { for: id }, text(label), ' ', el('output', { id: `${id}-out`, for: id })),
      el('input', { type: 'range', id, ...attrs }),
      el('small', {}, text(hint)));
  const orders = s.orders.map((o, i) => el('div', { class: 'row' },
    el('span', { class: 'what' }, text(describeOrder(o, s.start, names))),
    // Step "any": the sliders above scale every order, which leaves values between steps.
    el('label', {}, text('compliance '), el('input', {
      type: 'number', 'data-order-compliance': i, min: 0, max: 1, step: 'any', value: p.orders[i].compliance, 'aria-label': `compliance of order ${i + 1}`,
    })),
    el('label', {}, text('median h '), el('input', {
      type: 'number', 'data-order-median': i, min: MIN_MEDIAN_HOURS, step: 'any', value: hoursText(p.orders[i].mobilization.median / 3600),
      'aria-label': `mobilization median of order ${i + 1}, hours`,
    })),
    el('label', {}, text('given at h '), el('input', {
      type: 'number', 'data-order-at': i, min: 0, step: 'any', value: hoursText(p.orders[i].at / 3600), 'aria-label': `order ${i + 1} given at, hours`,
    }))));
  const fleets = s.fleets.map((f, i) => el('div', { class: 'row' },
    el('label', {}, el('span', { class: 'what' }, text(`${f.id}: ${formatCount(f.seats)} seats, from ${f.depot}`)),
      el('input', {
        type: 'number', 'data-fleet': i, min: 0, ...(maxVehicles === null ? {} : { max: maxVehicles }), step: 1, value: p.fleets[i], 'aria-label': `vehicles of ${f.id}`,
      }),
      text(' vehicles of '),
      el('input', {
        type: 'number', 'data-fleet-pce': i, min: 1, max: MAX_PCE, step: 1, value: p.fleetPce[i], title: 'road taken by each vehicle, in cars (pce)',
        'aria-label': `car units of each vehicle of ${f.id}`,
      }),
      text(' car units'))));
  const shelters = s.shelters.flatMap((d, i) => d.capacity === null ? [] : [el('div', { class: 'row' },
    el('label', {}, el('span', { class: 'what' }, text(d.name)),
      el('input', { type: 'number', 'data-shelter': i, min: 0, max: MAX_WHOLE, step: 100, value: p.shelters[i] ?? 0, 'aria-label': `places in ${d.name}` }),
      text(' places')))]);
  const hazards = s.hazards.map((h, i) => el('div', { class: 'row' },
    // Numbered as the line saying why a run changed names them ("hazard 2 off").
    el('label', {}, el('input', { type: 'checkbox', 'data-hazard': i, checked: p.hazards[i] }), text(` ${i + 1}. ${describeHazard(h, s.start)}`))));
  const group = (title: string, ...content: string[]) => el('fieldset', {}, el('legend', {}, text(title)), ...content);
  return [
    s.orders.length === 0 ? '' : group('Orders to leave',
      slider('compliance', 'Compliance', { min: 0, max: 1, step: 0.01, value: round2(meanCompliance(p)) },
        'share of people told who leave, on average; each order is scaled, keeping their differences'),
      slider('median', 'Mobilization median', { min: 0.5, max: 72, step: 0.5, value: Math.round((meanMedian(p) / 3600) * 2) / 2 },
        'hours from the order until half have set off, on average; each order is scaled'),
      slider('shift', 'When the orders are given', { min: -48, max: 48, step: 1, value: 0 },
        'every order moved earlier or later, in hours (never before the start)'),
      el('details', {}, el('summary', {}, text(`Each order (${s.orders.length})`)), ...orders)),
    group('Households',
      el('div', { class: 'knob' },
        el('label', { for: 'car-share' }, text('Car share '), el('output', { id: 'car-share-out', for: 'car-share' }, text(percent(p.carShare)))),
        el('input', { type: 'range', id: 'car-share', min: 0, max: 1, step: 0.01, value: p.carShare }),
        el('small', {}, text('households that drive; the others wait for a fleet')))),
    fleets.length === 0 ? '' : group('Fleets', ...fleets),
    shelters.length === 0 ? '' : group('Shelters', ...shelters),
    hazards.length === 0 ? '' : group('Hazards and closures', ...hazards),
    group('Routes', ...ROUTING_CHOICES.map(([mode, label, hint]) => el('div', { class: 'row' },
      el('label', {}, el('input', { type: 'radio', name: 'routing', 'data-routing': mode, checked: p.routing === mode }), text(` ${label} `),
        el('small', {}, text(hint))))),
      el('div', { class: 'knob' },
        el('label', { for: 'capacity-drop' }, text('Capacity drop '), el('output', { id: 'capacity-drop-out', for: 'capacity-drop' }, text(percent(p.capacityDrop)))),
        el('input', { type: 'range', id: 'capacity-drop', min: 0, max: 0.3, step: 0.01, value: p.capacityDrop }),
        el('small', {}, text('capacity a road loses once a queue waits before it (about 7 % on motorways)')))),
    group('Randomness', el('div', { class: 'row' }, el('label', {}, el('span', { class: 'what' }, text('Seed')),
      el('input', { type: 'number', id: 'seed', min: 0, max: MAX_WHOLE, step: 1, value: p.seed })))),
  ].join('');
}

/** The routing modes offered, with what each means to a student. */
const ROUTING_CHOICES: [RoutingMode, string, string][] = [
  ['adaptive', 'Adaptive', 'drivers choose by the queues they see as they go'],
  ['free-flow', 'Fastest road', 'everyone takes the fastest road on empty roads, queues or not'],
  ['equilibrium', 'Learned', 'adaptive, repeated until drivers have learned where the queues will be (slower)'],
];

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

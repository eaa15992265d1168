// fast-check generators of consistent movement logs: for a few settlements,
// orders tell people to leave; some stay (and may be captured later), and each
// household group waits, leaves, arrives or is trapped, every step at or after
// the one before.

import fc from 'fast-check';
import type { SimulationResult } from '../../src/result.js';
import {
  Departed,
  Evacuated,
  ReadyForFleet,
  ShadowDeparted,
  ShadowEvacuated,
  Stayed,
  Told,
  TrappedInTransit,
  TrappedStayed,
  TrappedWaiting,
  makeResult,
  settlement,
  type Row,
} from './fixtures.js';

/** Every row of a random log is at or before this instant. */
export const RANDOM_END = 20_000;

const step = fc.integer({ min: 0, max: 5000 });

const group = fc.record({
  people: fc.integer({ min: 1, max: 20 }),
  fate: fc.constantFrom('wait', 'ready', 'depart', 'evacuate', 'trapWaiting', 'trapInTransit'),
  delays: fc.tuple(step, step),
  destination: fc.constantFrom(0, 1),
  fleet: fc.constantFrom(-1, 0),
});

const order = fc.record({
  at: step,
  stayed: fc.integer({ min: 0, max: 30 }),
  /** Share of those who stayed later captured, and how long after the order. */
  stayedCaptured: fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), after: step }),
  groups: fc.array(group, { maxLength: 5 }),
});

const settlementPlan = fc.record({
  orders: fc.array(order, { minLength: 1, maxLength: 2 }),
  shadow: fc.array(fc.record({ at: step, people: fc.integer({ min: 1, max: 9 }), arrives: fc.boolean() }), {
    maxLength: 2,
  }),
});

type Plan = typeof settlementPlan extends fc.Arbitrary<infer T> ? T : never;

/** Rows of one settlement `s` following `plan`. */
function rowsOf(s: number, plan: Plan): Row[] {
  const rows: Row[] = [];
  for (const o of plan.orders) {
    const told = o.stayed + o.groups.reduce((n, g) => n + g.people, 0);
    rows.push([o.at, Told, s, told], [o.at, Stayed, s, o.stayed]);
    const captured = Math.floor(o.stayed * o.stayedCaptured.share);
    if (captured > 0) rows.push([o.at + o.stayedCaptured.after, TrappedStayed, s, captured]);
    for (const g of o.groups) {
      const ready = o.at + g.delays[0];
      const next = ready + g.delays[1];
      if (g.fate === 'ready') rows.push([ready, ReadyForFleet, s, g.people]);
      if (g.fate === 'trapWaiting') rows.push([ready, TrappedWaiting, s, g.people]);
      if (g.fate === 'depart' || g.fate === 'evacuate' || g.fate === 'trapInTransit') {
        rows.push([ready, Departed, s, g.people, -1, g.fleet]);
      }
      if (g.fate === 'evacuate') rows.push([next, Evacuated, s, g.people, g.destination, g.fleet]);
      if (g.fate === 'trapInTransit') rows.push([next, TrappedInTransit, s, g.people]);
    }
  }
  for (const sh of plan.shadow) {
    rows.push([sh.at, ShadowDeparted, s, sh.people]);
    if (sh.arrives) rows.push([sh.at + 100, ShadowEvacuated, s, sh.people, 1]);
  }
  return rows;
}

/** A random run over up to three settlements ending at RANDOM_END, in bins of 1–6 hours. */
export const randomResult: fc.Arbitrary<SimulationResult> = fc
  .record({
    plans: fc.array(settlementPlan, { minLength: 1, maxLength: 3 }),
    binSeconds: fc.constantFrom(900, 3600, 7200, 21_600),
  })
  .map(({ plans, binSeconds }) => {
    const rows = plans.flatMap((plan, s) => rowsOf(s, plan));
    const bins = Math.ceil(RANDOM_END / binSeconds);
    return makeResult(rows, {
      endTime: RANDOM_END,
      settlements: plans.map((_, s) =>
        settlement(`s${s}`, `S${s}`, s === 0 ? 'North' : 'South', 'Kursk', 100),
      ),
      samples: {
        binSeconds,
        time: Array.from({ length: bins }, (_, i) => Math.min((i + 1) * binSeconds, RANDOM_END)),
        vehiclesOnRoad: Array.from({ length: bins }, () => 0),
        vehiclesQueuedAtOrigin: Array.from({ length: bins }, () => 0),
      },
    });
  });

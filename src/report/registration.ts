// Registration queues at shelters with a `processingPerHour`: evacuees who
// arrive are safe, then register one after another at a constant rate (a
// D/D/1 queue fed by the arrivals of the run). The queue holds people on foot
// at the shelter, not vehicles, so it is read from the movement log after the
// run and never slows the traffic.

import type { SimulationResult } from '../result.js';
import type { ShelterSpec } from '../scenario/types.js';
import { arrivalDestination } from './shelters.js';

export interface Registration {
  processingPerHour: number;
  /** People who arrived (shadow evacuees included). */
  arrived: number;
  /** Most people arrived and not yet registered, at once. */
  peakQueue: number;
  /** Instant of the peak (the arrival that made it); null when nobody arrived. */
  peakAt: number | null;
  /** Mean and longest wait from arrival to the start of registration, seconds. */
  meanWaitSeconds: number;
  maxWaitSeconds: number;
  /** Instant the last arrival finished registering; null when nobody arrived. May lie after the end of the run. */
  clearedAt: number | null;
}

/** The registration queue of each destination (as `result.destinations`), or null where none is given. */
export function registrationQueues(result: SimulationResult, shelters: readonly ShelterSpec[]): (Registration | null)[] {
  const rate = result.destinations.map((d) => shelters.find((s) => s.id === d.id)?.processingPerHour ?? null);
  const state = rate.map((perHour) => (perHour === null ? null : {
    service: 3600 / perHour, busyUntil: -Infinity, arrived: 0, peakQueue: 0, peakAt: null as number | null, waitSum: 0, maxWait: 0,
  }));
  const { log } = result;
  for (let row = 0; row < log.length && log.time[row] <= result.endTime; row++) {
    const d = arrivalDestination(result, row);
    const q = d < 0 ? null : state[d];
    if (q === null) continue;
    const t = log.time[row];
    const n = log.people[row];
    // People of earlier arrivals not done by t: the server works off busyUntil − t at one per `service`.
    const left = q.busyUntil > t ? Math.ceil((q.busyUntil - t) / q.service - 1e-9) : 0;
    const start = Math.max(t, q.busyUntil);
    q.waitSum += n * (start - t) + (q.service * n * (n - 1)) / 2;
    q.maxWait = Math.max(q.maxWait, start - t + q.service * (n - 1));
    q.busyUntil = start + n * q.service;
    q.arrived += n;
    if (left + n > q.peakQueue) {
      q.peakQueue = left + n;
      q.peakAt = t;
    }
  }
  return state.map((q, d) => q === null ? null : {
    processingPerHour: rate[d] as number,
    arrived: q.arrived,
    peakQueue: q.peakQueue,
    peakAt: q.peakAt,
    meanWaitSeconds: q.arrived > 0 ? q.waitSum / q.arrived : 0,
    maxWaitSeconds: q.maxWait,
    clearedAt: q.arrived > 0 ? q.busyUntil : null,
  });
}

// Progress of a long command on stderr: a bar with rate and ETA on a terminal
// (cli-progress), plain lines elsewhere (logs of batch jobs): one per tenth of
// the work, and at least every 30 seconds.

import cliProgress from 'cli-progress';
import { formatDuration } from '../report/format.js';
import type { Io } from './command.js';
import type { Scenario } from '../scenario/types.js';

export interface Progress {
  /** `done` units of the total are finished. */
  update(done: number): void;
  /** Ends the display (restores the cursor on a terminal). */
  stop(): void;
}

const LINE_EVERY_MS = 30_000;

/** A progress display of `total` units of which `done` are already finished; `what` names the unit ("runs"). */
export function startProgress(mode: 'bar' | 'lines' | 'none', total: number, done: number, what: string, io: Io): Progress {
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  if (mode === 'bar') {
    const bar = new cliProgress.SingleBar(
      { format: `{bar} {value}/{total} ${what} | {rate} ${what}/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 50, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    const first = done;
    const started = performance.now();
    const rate = (value: number) => ((value - first) / Math.max(1e-9, (performance.now() - started) / 1000)).toFixed(2);
    bar.start(total, done, { rate: '0.00' });
    return {
      update: (value) => bar.update(value, { rate: rate(value) }),
      stop: () => bar.stop(),
    };
  }
  const first = done;
  const started = performance.now();
  let lastAt = started;
  let lastTenth = Math.floor((10 * done) / Math.max(1, total));
  let lastDone = done;
  let current = done;
  const line = (value: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = (value - first) / Math.max(1e-9, seconds);
    const eta = rate > 0 && value < total ? `, ETA ${formatDuration((total - value) / rate)}` : '';
    io.err(`${value}/${total} ${what} (${Math.floor((100 * value) / Math.max(1, total))}%), ${rate.toFixed(2)} ${what}/s${eta}\n`);
    lastAt = performance.now();
    lastDone = value;
  };
  return {
    update: (value) => {
      current = value;
      const tenth = Math.floor((10 * value) / Math.max(1, total));
      if (tenth > lastTenth || performance.now() - lastAt >= LINE_EVERY_MS) {
        lastTenth = tenth;
        line(value);
      }
    },
    stop: () => {
      if (current !== lastDone) line(current);
    },
  };
}

/**
 * A progress display that appears only once `delayMs` have passed since it was made, so
 * that a short run shows none: `startProgress` from the first update after that.
 */
export function delayedProgress(mode: 'bar' | 'lines' | 'none', total: number, what: string, io: Io, delayMs: number): Progress {
  const made = performance.now();
  let shown: Progress | null = null;
  return {
    update: (done) => {
      if (shown === null) {
        if (performance.now() - made < delayMs) return;
        // Its rate counts from now: the work done before it appeared is its start.
        shown = startProgress(mode, total, done, what, io);
      }
      shown.update(done);
    },
    stop: () => shown?.stop(),
  };
}

/** Runs `work` while `progress` is shown, and ends the display however `work` ends. */
export function showing<T>(progress: Progress, work: () => T): T {
  try {
    return work();
  } finally {
    progress.stop();
  }
}

/** A run's progress in simulated hours. */
export interface SimulationProgress {
  /** Runs `work`, handing it the `onBin` for simulate(), and ends the display. */
  follow<T>(work: (onBin: ((done: number) => void) | undefined) => T): T;
}

/**
 * Simulated hours of a run of `scenario` (a horizon per equilibrium iteration) on a bar on
 * stderr, shown once the run has taken 2 s, when stderr is a terminal, `io` is given and not
 * `quiet`; otherwise nothing (logs, pipes and tests see no progress).
 */
export function simulationProgress(scenario: Scenario, quiet: boolean | undefined, io: Io | undefined): SimulationProgress {
  if (io === undefined || quiet === true || process.stderr.isTTY !== true) return { follow: (work) => work(undefined) };
  const iterations = scenario.routing.mode === 'equilibrium' ? scenario.routing.iterations : 1;
  const hours = Math.ceil((iterations * scenario.horizon) / 3600);
  const bar = delayedProgress('bar', hours, 'simulated hours', io, 2000);
  return {
    follow: (work) =>
      showing(bar, () => {
        const value = work((done) => bar.update(Math.floor(done / 3600)));
        // Nothing happens after the last event: the rest of the horizon is done too.
        bar.update(hours);
        return value;
      }),
  };
}

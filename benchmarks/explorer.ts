// The explorer's speed as a user meets it: `evacsim explore` spawned in a fresh
// process until it prints its address (the server is ready: nothing is bundled
// at start), the page in Chromium until the first run is drawn, and re-runs of
// the scenario after a control moves, as the page itself times them (from its
// request to the server until the answer is unpacked), with the time of each step
// as the page records it and the CPU time of the server's main thread (what a
// re-run costs apart from waiting for a core on a shared machine); then the same
// steps in this Node process without HTTP, for scale. Needs Debian's Chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Packr } from 'msgpackr/pack';
import { type RunStep, outcomeOf, runRaw } from '../src/explore/evaluate.js';
import { PACK_OPTIONS } from '../src/explore/pack-options.js';
import { loadCheckedFile } from '../src/cli/load.js';
import { packageRoot } from './process.js';
import { mainThreadOf, ownMainThread, threadCpuMs } from './thread-cpu.js';

export interface ExplorerTiming {
  /** Spawn to the printed address, seconds. */
  serverReady: number;
  /** Page opened to the first run drawn, seconds. */
  firstRun: number;
  /** Each re-run after a control moved, as the page timed it, seconds. */
  reruns: number[];
  /** Each re-run's steps (the server's, the request and answer, unpacking and drawing on the page), milliseconds. */
  steps: Record<string, number>[];
  /** CPU time of the server's main thread in each re-run, milliseconds (empty where /proc cannot tell). */
  serverCpu: number[];
}

const CHROMIUM = '/usr/bin/chromium';

/** Times the explorer on `scenario` (a file path; the built-in Kursk case when absent) with `reruns` re-runs. */
export async function explorerTiming(scenario: string | null, reruns: number): Promise<ExplorerTiming> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(packageRoot(), 'bin', 'evacsim.js'), 'explore', ...(scenario === null ? [] : [scenario]), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await printedAddress(child);
    const serverReady = (performance.now() - started) / 1000;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const opened = performance.now();
      await page.goto(url);
      await page.waitForSelector('body[data-runs="1"][data-busy="false"]', { timeout: 120_000 });
      const firstRun = (performance.now() - opened) / 1000;
      const times: number[] = [];
      const steps: Record<string, number>[] = [];
      const serverCpu: number[] = [];
      const server = child.pid === undefined ? null : mainThreadOf(child.pid);
      for (let i = 0; i < reruns; i++) {
        const cpu = threadCpuMs(server);
        // A new seed each time, so every change is a real re-run.
        await page.locator('#seed').fill(String(1000 + i));
        await page.locator('#seed').dispatchEvent('change');
        await page.waitForSelector(`body[data-runs="${i + 2}"][data-busy="false"]`, { timeout: 120_000 });
        const status = (await page.locator('#status').textContent()) ?? '';
        times.push(Number(/took ([\d.]+) s/.exec(status)?.[1] ?? NaN));
        steps.push(JSON.parse((await page.locator('body').getAttribute('data-timing')) ?? '{}') as Record<string, number>);
        const after = threadCpuMs(server);
        if (cpu !== null && after !== null) serverCpu.push(after - cpu);
      }
      return { serverReady, firstRun, reruns: times, steps, serverCpu };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill();
  }
}

function printedAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`evacsim explore exited with ${code} before printing its address`)));
  });
}

/**
 * Runs the raw scenario `raw` `count` times in this process (seeds as in explorerTiming), timing the
 * server's steps and the packing in ms, with `cpu`, the main thread's CPU time for the whole run.
 */
export function nodeSteps(raw: Record<string, unknown>, count: number): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  const packr = new Packr(PACK_OPTIONS);
  // The page's first run, not counted there either.
  outcomeOf(runRaw(raw));
  for (let i = 0; i < count; i++) {
    const timing: Record<string, number> = {};
    const cpu = threadCpuMs(ownMainThread());
    let since = performance.now();
    const lap = (step: RunStep | 'outcome' | 'pack') => {
      const now = performance.now();
      timing[step] = now - since;
      since = now;
    };
    const run = runRaw({ ...raw, seed: 1000 + i }, lap);
    const outcome = outcomeOf(run);
    lap('outcome');
    packr.pack({ outcome, timing });
    lap('pack');
    const after = threadCpuMs(ownMainThread());
    if (cpu !== null && after !== null) timing.cpu = after - cpu;
    out.push(timing);
  }
  return out;
}

/** Each step's median over `runs`, in ms, as "step 12" pairs. */
export function stepMedians(runs: readonly Record<string, number>[]): string {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return keys.map((k) => `${k} ${median(runs.map((r) => r[k] ?? NaN)).toFixed(0)}`).join(', ');
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// `node dist/benchmarks/explorer.js [scenario]`: times the explorer and checks its targets (exit 1 when missed).
if (process.argv[1]?.endsWith(join('benchmarks', 'explorer.js'))) {
  const file = process.argv[2] ?? join(packageRoot(), 'scenarios', 'kursk-2024.json');
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  const before = load();
  const t = await explorerTiming(process.argv[2] ?? null, 10);
  const inNode = nodeSteps(loadCheckedFile(file).value as Record<string, unknown>, 10);
  const rerun = median(t.reruns);
  // The server's first re-runs still compile its code; from the fourth on it runs warm.
  const warm = median(t.reruns.slice(3));
  process.stdout.write(
    `Explorer, ${process.argv[2] ?? 'kursk-2024'}:\n` +
    `  server ready (spawn to address): ${t.serverReady.toFixed(2)} s (target < 1 s)\n` +
    `  first run drawn (page opened to charts and map): ${t.firstRun.toFixed(2)} s\n` +
    `  re-run in the page (median of ${t.reruns.length}): ${(rerun * 1000).toFixed(0)} ms (target < 300 ms); ` +
    `median from the fourth: ${(warm * 1000).toFixed(0)} ms; all: ${t.reruns.map((s) => (s * 1000).toFixed(0)).join(', ')} ms\n` +
    `  steps in the page, median ms: ${stepMedians(t.steps)}\n` +
    `  CPU time of the server's main thread per re-run, median: ${t.serverCpu.length === 0 ? 'not known' : `${median(t.serverCpu).toFixed(0)} ms`}` +
    `${t.serverCpu.length === 0 ? '' : `; all: ${t.serverCpu.map((ms) => ms.toFixed(0)).join(', ')} ms`}\n` +
    `  the same steps in this process, without HTTP, median ms: ${stepMedians(inNode)}\n` +
    `  load average (1, 5, 15 min) before: ${before}; after: ${load()} (${cpus().length} cores)\n`,
  );
  process.exitCode = t.serverReady < 1 && rerun < 0.3 ? 0 : 1;
}

// End to end: the explorer served locally, driven in Chromium, computes what the
// library computes for the same parameters.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenario } from '../../src/cli/paths.js';
import { explorerRoutes } from '../../src/explore/explorer.js';
import { type RunningServer, serve } from '../../src/explore/server.js';
import { readRawScenario } from '../../src/explore/source.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulation/simulate.js';
import { browserTests, launchChromium } from './chromium.js';

const raw = readRawScenario(builtInScenario());
const scenario = parseScenario(raw);

function evacuated(s: Scenario): number {
  return summarize(simulate(s), s).people.evacuated;
}

async function figure(page: Page, key: string): Promise<number> {
  return Number(await page.getAttribute(`[data-figure="${key}"]`, 'data-value'));
}

/** Waits until the page has shown `runs` runs and has no change pending. */
async function settled(page: Page, runs: number): Promise<void> {
  await page.waitForSelector(`body[data-runs="${runs}"][data-busy="false"]`, { timeout: 60_000 });
}

describe.skipIf(!browserTests)('the explorer in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    server = await serve(await explorerRoutes(raw, scenario.name), 0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(server.url);
    await settled(page, 1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('first shows the built-in scenario as the library runs it', async () => {
    expect(await figure(page, 'evacuated')).toBe(evacuated(scenario));
    expect(await page.locator('#over-time svg.chart').count()).toBe(1);
    expect(await page.locator('svg.map').count()).toBe(1);
  });

  it('re-runs when the compliance control moves, to what the library computes for that compliance', async () => {
    const before = await figure(page, 'evacuated');
    await page.locator('#compliance').fill('0.5');
    await settled(page, 2);
    const expected = evacuated({ ...scenario, orders: scenario.orders.map((o) => ({ ...o, compliance: 0.5 })) });
    expect(await figure(page, 'evacuated')).toBe(expected);
    expect(expected).not.toBe(before);
    expect(await page.locator('#compliance-out').textContent()).toBe('50 %');
  });

  it('keeps the previous run as a dashed "before" curve', async () => {
    const legend = await page.locator('#over-time svg.chart .legend').textContent();
    expect(legend).toContain('evacuated, before the change');
    expect(await page.locator('#over-time .series path[stroke-dasharray="6 4"]').count()).toBe(1);
    expect(await page.locator('[data-figure="evacuated"] .change').textContent()).toMatch(/^before: [\d,]+ \(−[\d,]+\)$/);
  });

  it('switches a hazard off', async () => {
    const front = scenario.hazards.findIndex((h) => h.kind === 'front');
    await page.locator(`[data-hazard="${front}"]`).uncheck();
    await settled(page, 3);
    const expected = evacuated({
      ...scenario,
      orders: scenario.orders.map((o) => ({ ...o, compliance: 0.5 })),
      hazards: scenario.hazards.filter((_, i) => i !== front),
    });
    expect(await figure(page, 'evacuated')).toBe(expected);
  });

  it('downloads the current parameters as a scenario file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('kursk-2024-what-if.json');
    const file = parseScenario(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(file.orders.every((o) => o.compliance === 0.5)).toBe(true);
    expect(file.hazards.some((h) => h.kind === 'front')).toBe(false);
    expect(file.hazards).toHaveLength(scenario.hazards.length - 1);
  });

  it('fetched nothing but its own files, and raised no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
    expect(errors).toEqual([]);
  });
});

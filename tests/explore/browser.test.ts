// End to end: the explorer served locally, driven in Chromium, computes what the
// library computes for the same parameters, shows each instant on its map as the
// run's series count it, downloads its figures, keeps each order's own settings
// when a master slider moves, compares with a pinned baseline, keeps its fields
// within the server's limits, and fits a phone.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInScenario } from '../../src/cli/paths.js';
import { DEFAULT_LIMITS } from '../../src/check/limits.js';
import { Unpackr } from 'msgpackr/unpack';
import { explorer } from '../../src/explore/explorer.js';
import { PACK_OPTIONS } from '../../src/explore/pack-options.js';
import type { RunReply } from '../../src/explore/protocol.js';
import { type RunningServer, serve } from '../../src/explore/server.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { readParameters, scaleCompliance } from '../../src/explore/parameters.js';
import { XMLValidator } from 'fast-xml-parser';
import type { ReportData } from '../../src/html/report-data.js';
import { reportSeries } from '../../src/html/series.js';
import { PNG_SIGNATURE, downloaded, overflow, smallestSvgText, legendsCut, yTitleOverlaps } from '../html/page-checks.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { MAX_PCE, type Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulation/simulate.js';
import { browserTests, launchChromium } from './chromium.js';

const raw = readScenarioFile(builtInScenario()).value;
const scenario = parseScenario(raw);

function evacuated(s: Scenario): number {
  return summarize(simulate(s), s).people.evacuated;
}

let builtInRun: ReturnType<typeof simulate> | undefined;
/** The built-in scenario's run, simulated once for the tests that compare with it. */
const builtIn = () => (builtInRun ??= simulate(scenario));

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
  let warmed: RunReply;

  beforeAll(async () => {
    const { routes, actions, warmUp } = explorer(raw, scenario.name);
    server = await serve(routes, 0, actions);
    warmed = new Unpackr(PACK_OPTIONS).unpack(warmUp().body as Uint8Array) as RunReply;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(server.url);
    await settled(page, 1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers the page\'s first run with the run the server made before the page asked', async () => {
    // A kept answer carries the steps' times of the run that made it.
    const timing = JSON.parse((await page.locator('body').getAttribute('data-timing')) ?? '{}') as Record<string, number>;
    expect(timing.simulate).toBe(warmed.timing.simulate);
    expect(await figure(page, 'evacuated')).toBe(warmed.outcome.people.evacuated);
  });

  it('first shows the built-in scenario as the library runs it', async () => {
    expect(await figure(page, 'evacuated')).toBe(summarize(builtIn(), scenario).people.evacuated);
    expect(await page.locator('[data-chart="evacuated"] svg.chart').count()).toBe(1);
    expect(await page.locator('svg.map').count()).toBe(1);
    expect(await page.locator('#fleets table tbody tr').count()).toBe(scenario.fleets.length);
    expect(await page.locator('#settlements table tbody tr').count()).toBe(scenario.settlements.length);
    // Its one warning: the run ends at the horizon with people still waiting.
    expect(await page.locator('#warnings .slot li').count()).toBe(1);
    expect(await page.locator('#warnings .slot li code').textContent()).toBe('horizon');
  });

  it('draws the area the front has reached at a mid-run instant', async () => {
    const slider = page.locator('input.map-instant');
    const last = Number(await slider.getAttribute('max'));
    await slider.fill(String(Math.floor(last / 3)));
    const area = page.locator('svg.map .front-area').first();
    expect(Number(await area.getAttribute('data-reach-m'))).toBeGreaterThan(0);
    expect(Number(await area.locator('path').getAttribute('stroke-width'))).toBeGreaterThan(1);
    const box = await area.boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBeGreaterThan(0);
  });

  it("shows on the map, at a mid-run instant, each settlement's people as the run's time series count them", async () => {
    const series = reportSeries(builtIn(), scenario);
    const k = Math.floor(series.times.length / 3);
    await page.locator('input.map-instant').fill(String(k));
    expect(Number(await page.locator('svg.map').getAttribute('data-time'))).toBe(series.times[k]);
    const sums = await page.locator('svg.map g.settlement').evaluateAll((marks) => ['left', 'evacuated', 'trapped', 'waiting'].map((key) =>
      marks.reduce((sum, m) => sum + Number(m.getAttribute(`data-${key}`)), 0)));
    expect(sums).toEqual([series.left[k], series.evacuated[k], series.trapped[k], series.waiting[k]]);
    expect(series.left[k]).toBeGreaterThan(0);
    expect(series.left[k]).toBeLessThan(series.left.at(-1) as number);
    // The map's CSV holds the same instant, settlement by settlement.
    const csv = await downloaded(page, '.map-controls [data-export="csv"]');
    const rows = csv.bytes.toString('utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('id,name,seconds,waiting,left,evacuated,trapped');
    expect(rows).toHaveLength(scenario.settlements.length + 1);
    // Counted from the end of each row: a name may hold a quoted comma.
    const header = rows[0].split(',');
    const column = (name: string) => rows.slice(1).map((r) => Number(r.split(',').at(header.indexOf(name) - header.length)));
    expect(new Set(column('seconds'))).toEqual(new Set([series.times[k]]));
    expect(column('left').reduce((a, b) => a + b, 0)).toBe(series.left[k]);
  });

  it('downloads a chart as valid SVG, PNG and CSV, and the map as SVG and PNG', async () => {
    const svg = await downloaded(page, '[data-chart="evacuated"] [data-export="svg"]');
    expect(svg.name).toBe('kursk-2024-evacuated.svg');
    expect(XMLValidator.validate(svg.bytes.toString('utf8'))).toBe(true);
    const png = await downloaded(page, '[data-chart="evacuated"] [data-export="png"]');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(5000);
    const csv = (await downloaded(page, '[data-chart="evacuated"] [data-export="csv"]')).bytes.toString('utf8').trimEnd().split('\n');
    expect(csv[0].startsWith('seconds,evacuated (reached a shelter or exit),')).toBe(true);
    expect(Number(csv.at(-1)?.split(',')[1])).toBe(await figure(page, 'evacuated'));
    const map = await downloaded(page, '.map-controls [data-export="svg"]');
    expect(XMLValidator.validate(map.bytes.toString('utf8'))).toBe(true);
    const mapPng = await downloaded(page, '.map-controls [data-export="png"]');
    expect(mapPng.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it("keeps every order's own compliance when one arrow key moves the master slider", async () => {
    const own = readParameters(scenario).orders.map((o) => o.compliance);
    await page.locator('#compliance').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page, 2);
    const mean = Number(await page.locator('#compliance').inputValue());
    const fields = await page.locator('[data-order-compliance]').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
    expect(fields).toEqual(scaleCompliance(readParameters(scenario), mean).orders.map((o) => o.compliance));
    expect(new Set(fields).size).toBe(new Set(own).size);
    expect(Math.min(...fields)).toBeLessThan(Math.max(...fields) - 0.5);
  });

  it('scales every order when the compliance slider moves, keeping their differences, and runs what the library runs', async () => {
    const own = readParameters(scenario).orders.map((o) => o.compliance);
    expect(new Set(own).size).toBeGreaterThan(1);
    await page.locator('#compliance').fill('0.5');
    await settled(page, 3);
    const scaled = scaleCompliance(readParameters(scenario), 0.5).orders.map((o) => o.compliance);
    const fields = await page.locator('[data-order-compliance]').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
    expect(fields).toEqual(scaled);
    expect(new Set(fields).size).toBe(new Set(own).size);
    const expected = evacuated({ ...scenario, orders: scenario.orders.map((o, i) => ({ ...o, compliance: scaled[i] })) });
    expect(await figure(page, 'evacuated')).toBe(expected);
    expect(await page.locator('#compliance-out').textContent()).toMatch(/^\d+ % to \d+ %$/);
  });

  it('compares with the previous run and says why the outcome changed', async () => {
    expect(await page.locator('[data-chart="evacuated"] svg.chart .legend').textContent()).toContain('evacuated, the previous run');
    expect(await page.locator('[data-chart="evacuated"] .series path[stroke-dasharray="6 4"]').count()).toBe(1);
    expect(await page.locator('[data-figure="evacuated"] .change').textContent()).toMatch(/^before: [\d,]+ \(−[\d,]+\)$/);
    expect(await page.locator('#why').textContent()).toMatch(/^lower compliance \(\d+ % → 50 % on average\) → [\d,]+ fewer people set off/);
  });

  it('pins a baseline and shows the differences on the cards, the map and the settlement table', async () => {
    await page.locator('#pin').click();
    const pinned = await figure(page, 'evacuated');
    const front = scenario.hazards.findIndex((h) => h.kind === 'front');
    await page.locator(`[data-hazard="${front}"]`).uncheck();
    await settled(page, 4);
    await page.locator(`[data-hazard="${front}"]`).check();
    await settled(page, 5);
    // Still compared with the pinned run, not the one before.
    expect(await page.locator('[data-figure="evacuated"] .change').textContent()).toBe('before: same');
    await page.locator('#compliance').fill('0.8');
    await settled(page, 6);
    const now = await figure(page, 'evacuated');
    expect(now).not.toBe(pinned);
    expect(await page.locator('[data-figure="evacuated"] .change').textContent()).toContain(`before: ${pinned.toLocaleString('en-US')}`);
    const changes = await page.locator('#comparison [data-change]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-change'))));
    expect(changes).toHaveLength(scenario.settlements.length);
    expect(changes.reduce((a, b) => a + b, 0)).toBe(now - pinned);
    await page.locator('.map-controls select').nth(2).selectOption('change');
    expect(await page.locator('.map-legend').textContent()).toContain('evacuated against the baseline');
  });

  it('switches a hazard off', async () => {
    const front = scenario.hazards.findIndex((h) => h.kind === 'front');
    await page.locator(`[data-hazard="${front}"]`).uncheck();
    await settled(page, 7);
    const scaled = scaleCompliance(readParameters(scenario), 0.8).orders.map((o) => o.compliance);
    const expected = evacuated({
      ...scenario,
      orders: scenario.orders.map((o, i) => ({ ...o, compliance: scaled[i] })),
      hazards: scenario.hazards.filter((_, i) => i !== front),
    });
    expect(await figure(page, 'evacuated')).toBe(expected);
    // The line saying why names it by the number the list gives it.
    const label = (await page.locator(`label:has([data-hazard="${front}"])`).textContent())?.trim();
    expect(label?.startsWith(`${front + 1}. `)).toBe(true);
    expect(await page.locator('#why').textContent()).toContain(`hazard ${front + 1} off`);
  });

  it('downloads the current parameters as a scenario file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('kursk-2024-what-if.json');
    const file = parseScenario(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(file.orders.map((o) => o.compliance)).toEqual(scaleCompliance(readParameters(scenario), 0.8).orders.map((o) => o.compliance));
    expect(file.hazards.some((h) => h.kind === 'front')).toBe(false);
    expect(file.hazards).toHaveLength(scenario.hazards.length - 1);
  });

  it('says why a run failed, with the problems the server gave or because it did not answer, and runs again after', async () => {
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    const status = () => page.locator('#status').textContent();
    const change = async (seed: number) => {
      await page.locator('#seed').fill(String(seed));
      await page.locator('#seed').dispatchEvent('change');
    };
    const problem = 'fleets[0].vehicles: must be a whole number of at least 0, got -1';
    await page.route('**/run', (route) => route.fulfill({ status: 422, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ problems: [problem] }) }));
    await change(4242);
    await expect.poll(status).toBe(`This scenario cannot run: ${problem}`);
    await page.unroute('**/run');
    await page.route('**/run', (route) => route.abort());
    await change(4243);
    await expect.poll(status).toMatch(/^This scenario cannot run: the explorer's server did not answer \(.+\); is `evacsim explore` still running\?$/);
    await page.unroute('**/run');
    expect(Number(await page.getAttribute('body', 'data-runs'))).toBe(runs);
    await change(4244);
    await settled(page, runs + 1);
    expect(await status()).toMatch(/^Run \d+ took /);
  });

  it("offers each fleet at most the server's limit of vehicles, and marks more as invalid without asking for a run", async () => {
    const field = page.locator('[data-fleet="0"]');
    expect(await field.getAttribute('max')).toBe(String(DEFAULT_LIMITS.fleetVehicles));
    expect(await page.locator('#seed').getAttribute('min')).toBe('0');
    // Leaving the field last changed may run it once more: that run ends first.
    await field.focus();
    await page.waitForSelector('body[data-busy="false"]');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await field.fill(String(2 * DEFAULT_LIMITS.fleetVehicles));
    await field.dispatchEvent('change');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getAttribute('body', 'data-busy')).toBe('false');
    expect(Number(await page.getAttribute('body', 'data-runs'))).toBe(runs);
    // Said, not only outlined: the status names the field and says the figures are the last run's.
    const id = (await page.locator('[data-fleet="0"]').getAttribute('aria-label')) as string;
    expect(await page.locator('#status').textContent()).toBe(
      `Not run: ${id} must be a whole number from 0 to ${DEFAULT_LIMITS.fleetVehicles}, got "${2 * DEFAULT_LIMITS.fleetVehicles}"; the figures are those of the last run.`,
    );
    expect(await field.getAttribute('aria-describedby')).toBe('status');
    await page.locator('#seed').fill('-5');
    await page.locator('#seed').dispatchEvent('change');
    expect(await page.locator('#status').textContent()).toContain('Not run: Seed must be a whole number from 0 to');
  });

  it("takes no mobilization median of 0 for an order, and every order's field is valid after the master slider moved", async () => {
    const median = page.locator('[data-order-median="0"]');
    expect(Number(await median.getAttribute('min'))).toBeGreaterThan(0);
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    // In the folded "Each order" list: set as typing would, without unfolding it.
    await median.evaluate((input) => {
      (input as HTMLInputElement).value = '0';
      input.dispatchEvent(new Event('change'));
    });
    expect(await median.getAttribute('aria-invalid')).toBe('true');
    expect(Number(await page.getAttribute('body', 'data-runs'))).toBe(runs);
    const valid = await page.locator('[data-order-compliance], [data-order-median]:not([data-order-median="0"])')
      .evaluateAll((inputs) => inputs.every((i) => (i as HTMLInputElement).validity.valid));
    expect(valid).toBe(true);
  });

  it('switches the routing, runs it and says so', async () => {
    expect(await page.locator('[data-routing="adaptive"]').isChecked()).toBe(true);
    await page.waitForSelector('body[data-busy="false"]');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.locator('[data-routing="free-flow"]').check();
    await settled(page, runs + 1);
    // Said against the baseline pinned before, with the other settings changed since.
    expect(await page.locator('#why').textContent()).toContain('; routing adaptive → free-flow;');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(parseScenario(JSON.parse(readFileSync(await download.path(), 'utf8'))).routing.mode).toBe('free-flow');
  });

  it("sets a fleet's car units, runs it and says so, and marks a size beyond the scenario format's as invalid", async () => {
    const field = page.locator('[data-fleet-pce="0"]');
    expect(await field.getAttribute('max')).toBe(String(MAX_PCE));
    await page.waitForSelector('body[data-busy="false"]');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await field.fill(String(MAX_PCE + 1));
    await field.dispatchEvent('change');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(Number(await page.getAttribute('body', 'data-runs'))).toBe(runs);
    await field.fill('2');
    await field.dispatchEvent('change');
    await settled(page, runs + 1);
    expect(await page.locator('#why').textContent()).toContain('larger fleet vehicles');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(parseScenario(JSON.parse(readFileSync(await download.path(), 'utf8'))).fleets[0].pce).toBe(2);
  });

  it('sets a capacity drop, runs it and says so', async () => {
    const slider = page.locator('#capacity-drop');
    expect(await slider.inputValue()).toBe('0');
    await page.waitForSelector('body[data-busy="false"]');
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    // fill sends the input and change events a hand on the slider would.
    await slider.fill('0.07');
    await settled(page, runs + 1);
    expect(await page.locator('#capacity-drop-out').textContent()).toBe('7 %');
    expect(await page.locator('#why').textContent()).toContain('capacity drop 0 % → 7 %');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(parseScenario(JSON.parse(readFileSync(await download.path(), 'utf8'))).traffic.capacityDrop).toBe(0.07);
  });

  it('saves the current run as a report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-report').click()]);
    expect(download.suggestedFilename()).toBe('kursk-2024-report.html');
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('<script type="application/json" id="report-data">');
    expect(html).toContain(`data-value="${await figure(page, 'evacuated')}"`);
    // The map's traffic over time, kept by the server with the run it made.
    const data = JSON.parse(/<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as ReportData;
    const passed = data.map.roads.map((r) => Array.from(r.over?.passed ?? []));
    expect(passed.every((p) => p.length === data.map.times.length)).toBe(true);
    expect(passed.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('fits a 390 px phone: no sideways scrolling, no chart or map text under 11 px, no axis title over a tick label, no legend cut off', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await phone.goto(server.url);
    await settled(phone, 1);
    expect(await overflow(phone)).toBe(0);
    expect(await smallestSvgText(phone)).toBeGreaterThanOrEqual(11);
    // The people axis reaches 200,000: its widest labels take more than a phone's usual margin.
    expect(await yTitleOverlaps(phone)).toEqual([]);
    // Shelter names such as "PVRs: other accommodation centres in Kursk incl. the MChS tent camp" wrap.
    expect(await legendsCut(phone)).toEqual([]);
    await phone.close();
  });

  it('fetched nothing but its own files, and raised no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
    expect(errors).toEqual([]);
  });
});

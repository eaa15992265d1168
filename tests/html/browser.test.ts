// The report opened from disk in Chromium, on a laptop and on a phone: its
// charts are drawn at the page's width, its map plays over time and shows each
// instant as the run's numbers say, figures download, and it asks the network
// for nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/html/render-report.js';
import { reportSeries } from '../../src/html/series.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { builtInScenario } from '../../src/cli/paths.js';
import { summarize } from '../../src/report/summary.js';
import { browserTests, launchChromium } from '../explore/chromium.js';
import { PNG_SIGNATURE, downloaded, overflow, smallestSvgText } from './page-checks.js';

describe.skipIf(!browserTests)('the report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-report-'));
  const scenario = loadScenarioFile(builtInScenario());
  const { result, traffic } = simulateWithTraffic(scenario);
  const series = reportSeries(result, scenario);
  const file = join(dir, 'report.html');
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  const open = async (width: number) => {
    const p = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true, hasTouch: width < 500 });
    p.on('request', (request) => requests.push(request.url()));
    p.on('pageerror', (error) => errors.push(error.message));
    await p.goto(pathToFileURL(file).href);
    await p.waitForSelector('body[data-ready="true"]');
    return p;
  };

  beforeAll(async () => {
    writeFileSync(file, renderReport(result, summarize(result, scenario), scenario, { traffic }));
    browser = await launchChromium();
    page = await open(1280);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws its SVG charts and the map at the width of the page', async () => {
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('svg.map').count()).toBe(1);
    for (const chart of await page.locator('svg.chart, svg.map').all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(500);
      expect(box?.height).toBeGreaterThan(100);
    }
    expect(await page.locator('svg.chart .series path').count()).toBeGreaterThan(10);
  });

  it("shows on the map, at a mid-run instant, each settlement's people as the run's time series count them", async () => {
    const k = Math.floor(series.times.length / 3);
    await page.locator('input.map-instant').fill(String(k));
    expect(Number(await page.locator('svg.map').getAttribute('data-time'))).toBe(series.times[k]);
    const sums = await page.locator('svg.map g.settlement').evaluateAll((marks) => ['left', 'evacuated', 'trapped', 'waiting'].map((key) =>
      marks.reduce((sum, m) => sum + Number(m.getAttribute(`data-${key}`)), 0)));
    expect(sums).toEqual([series.left[k], series.evacuated[k], series.trapped[k], series.waiting[k]]);
    expect(series.left[k]).toBeGreaterThan(0);
    expect(series.left[k]).toBeLessThan(series.left.at(-1) as number);
  });

  it('draws the area the front has reached at that mid-run instant', async () => {
    const area = page.locator('svg.map .front-area').first();
    expect(Number(await area.getAttribute('data-reach-m'))).toBeGreaterThan(0);
    expect(Number(await area.locator('path').getAttribute('stroke-width'))).toBeGreaterThan(1);
  });

  it('plays: the instant moves on by itself and stops at the end', async () => {
    const before = Number(await page.locator('input.map-instant').inputValue());
    await page.locator('.map-controls button.play').click();
    await page.waitForFunction((start) => Number((document.querySelector('input.map-instant') as HTMLInputElement).value) > start + 2, before);
    await page.locator('.map-controls button.play').click();
    expect(await page.locator('.map-controls button.play').getAttribute('aria-pressed')).toBe('false');
  });

  it('zooms the map in with its button, redrawing it at the new scale, and back to the whole map', async () => {
    const scale = () => page.locator('svg.map .scale-bar text').textContent();
    const whole = await scale();
    const metres = (label: string | null) => Number(/([\d.,]+) (k?m)/.exec(label ?? '')?.[1].replace(',', '')) * (/ km/.test(label ?? '') ? 1000 : 1);
    await page.locator('.map-controls button[aria-label="zoom in"]').click();
    await page.locator('.map-controls button[aria-label="zoom in"]').click();
    expect(metres(await scale())).toBeLessThan(metres(whole));
    await page.locator('.map-controls button[aria-label="show the whole map"]').click();
    expect(await scale()).toBe(whole);
  });

  it("shows a mark's numbers when it gets keyboard focus, and hides them with Escape", async () => {
    await page.locator('svg.map g.destination').first().focus();
    const tip = page.locator('.tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(await tip.textContent()).toMatch(/arrived|places taken/);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
  });

  it('reads a chart value where it is pointed at, and from the keyboard', async () => {
    const chart = page.locator('[data-chart="evacuated"] svg.chart');
    await chart.focus();
    await page.keyboard.press('End');
    const text = await page.locator('[data-chart="evacuated"] .readout').textContent();
    expect(text).toContain(`evacuated (reached a shelter or exit): ${(series.evacuated.at(-1) as number).toLocaleString('en-US')}`);
  });

  it('reads a line between two of its instants where the chart draws it, not at the earlier instant', async () => {
    const chart = page.locator('[data-chart="evacuated"] svg.chart');
    await chart.focus();
    await page.keyboard.press('Home');
    // 37 steps of a hundredth of the run: between two report bins' ends.
    let t = 0;
    for (let i = 0; i < 37; i++) {
      t = Math.min(series.endTime, t + series.endTime / 100);
      await page.keyboard.press('ArrowRight');
    }
    const k = series.times.filter((x) => x <= t).length - 1;
    expect(series.times[k]).toBeLessThan(t);
    const [before, after] = [series.evacuated[k], series.evacuated[k + 1]];
    expect(before).toBeLessThan(after);
    const drawn = Math.round(before + ((t - series.times[k]) / (series.times[k + 1] - series.times[k])) * (after - before));
    const text = await page.locator('[data-chart="evacuated"] .readout').textContent();
    expect(text).toContain(`evacuated (reached a shelter or exit): ${drawn.toLocaleString('en-US')} ·`);
  });

  it('downloads a chart as valid SVG, PNG and CSV, the map as SVG and PNG, and its settlements as CSV', async () => {
    const svg = await downloaded(page, '[data-chart="evacuated"] [data-export="svg"]');
    expect(svg.name).toBe('kursk-2024-evacuated.svg');
    expect(XMLValidator.validate(svg.bytes.toString('utf8'))).toBe(true);
    const png = await downloaded(page, '[data-chart="evacuated"] [data-export="png"]');
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(5000);
    const csv = (await downloaded(page, '[data-chart="evacuated"] [data-export="csv"]')).bytes.toString('utf8').trimEnd().split('\n');
    expect(csv[0].startsWith('seconds,evacuated (reached a shelter or exit),left home,')).toBe(true);
    expect(csv.at(-1)?.split(',').slice(0, 2).map(Number)).toEqual([series.endTime, series.evacuated.at(-1)]);
    const map = await downloaded(page, '.map-controls [data-export="svg"]');
    expect(XMLValidator.validate(map.bytes.toString('utf8'))).toBe(true);
    const mapPng = await downloaded(page, '.map-controls [data-export="png"]');
    expect(mapPng.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const rows = (await downloaded(page, '.map-controls [data-export="csv"]')).bytes.toString('utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('id,name,seconds,waiting,left,evacuated,trapped');
    expect(rows).toHaveLength(scenario.settlements.length + 1);
    // The instant on the slider, counted from the end of each row (a name may hold a quoted comma).
    const k = Number(await page.locator('input.map-instant').inputValue());
    const left = rows.slice(1).map((r) => r.split(',')).reduce((sum, cells) => sum + Number(cells.at(-3)), 0);
    expect(rows.slice(1).every((r) => Number(r.split(',').at(-5)) === series.times[k])).toBe(true);
    expect(left).toBe(series.left[k]);
  });

  it('fits a 390 px phone: nothing wider than the screen, no chart or map text under 11 px, tooltips on tap', async () => {
    const phone = await open(390);
    expect(await overflow(phone)).toBe(0);
    expect(await smallestSvgText(phone)).toBeGreaterThanOrEqual(11);
    const mark = phone.locator('svg.map g.settlement').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    await expect(phone.locator('.tip').isVisible()).resolves.toBe(true);
    expect(await phone.locator('.tip').textContent()).toContain('population');
    await phone.close();
  });

  it('opens offline: it asked for nothing but its own file, and raised no error', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith('file://') || url.startsWith('blob:') || url.startsWith('data:'), url).toBe(true);
    expect(errors).toEqual([]);
  });
});

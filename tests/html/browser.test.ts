// The report opened from disk in Chromium: its charts are drawn, its map
// switches colouring and time, and it asks the network for nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/html/report.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { builtInScenario } from '../../src/cli/paths.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import { browserTests, launchChromium } from '../explore/chromium.js';

describe.skipIf(!browserTests)('the report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-report-'));
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const scenario = loadScenarioFile(builtInScenario());
    const result = simulate(scenario);
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(result, summarize(result, scenario), scenario));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws its SVG charts and the map', async () => {
    expect(await page.locator('svg.chart').count()).toBe(5);
    expect(await page.locator('svg.map').count()).toBe(1);
    for (const chart of await page.locator('svg.chart, svg.map').all()) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(500);
      expect(box?.height).toBeGreaterThan(200);
    }
    expect(await page.locator('svg.chart .series path').count()).toBeGreaterThan(10);
  });

  it('moves the hazards to the time chosen on the slider', async () => {
    const zone = page.locator('[data-front-from]').first();
    const slider = page.locator('input.map-time');
    await expect(slider.isVisible()).resolves.toBe(true);
    const atEnd = Number(await zone.getAttribute('stroke-width'));
    await slider.fill('0');
    expect(Number(await zone.getAttribute('stroke-width'))).toBe(0);
    expect(await page.locator('[data-time-label]').textContent()).toBe('hazards at 0d 0h · 6 Aug 03:00');
    expect(atEnd).toBeGreaterThan(0);
  });

  it('colours roads by delay when asked', async () => {
    const delay = page.locator('svg.map g.links-delay').first();
    expect(await delay.evaluate((g) => getComputedStyle(g).display)).toBe('none');
    await page.locator('label[for="map-color-delay"]').click();
    expect(await delay.evaluate((g) => getComputedStyle(g).display)).not.toBe('none');
    expect(await page.locator('svg.map g.links-queue').first().evaluate((g) => getComputedStyle(g).display)).toBe('none');
  });

  it('opens offline: it asked for nothing but its own file, and raised no error', () => {
    expect(requests).toHaveLength(1);
    expect(requests[0].startsWith('file://')).toBe(true);
    expect(errors).toEqual([]);
  });
});

// The readme example's care home in Chromium: its badge, drawn where the care
// home's own dot is hidden inside Northtown's circle, is what the pointer finds
// and reads, on a laptop and on a phone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/html/render-report.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { summarize } from '../../src/report/summary.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { browserTests, launchChromium } from '../explore/chromium.js';

describe.skipIf(!browserTests)('a special facility on the report map in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-facility-'));
  const file = join(dir, 'report.html');
  let browser: Browser;

  beforeAll(async () => {
    const scenario = loadScenarioFile('scenarios/readme-example.jsonc');
    const { result, traffic } = simulateWithTraffic(scenario);
    writeFileSync(file, renderReport(result, summarize(result, scenario), scenario, { traffic }));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([1280, 390])('the badge at %i px reads the care home', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, hasTouch: width < 500 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]');
    const badge = page.locator('svg.map .facility-badge[data-facility="nursing-home"]');
    await badge.scrollIntoViewIfNeeded();
    const box = (await badge.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const owner = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('[data-settlement]')?.getAttribute('data-settlement'), [x, y]);
    expect(owner).toBe('north-care');
    if (width < 500) await page.touchscreen.tap(x, y);
    else await page.mouse.move(x, y);
    const tip = page.locator('.tip');
    await expect(tip.isVisible()).resolves.toBe(true);
    expect(await tip.textContent()).toMatch(/^Northtown care home, North — at [^\n]+\nspecial facility: nursing home\npopulation 60;/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// Takes the screenshots in docs/ of the report and the explorer, on the
// built-in scenario, with Debian's Chromium (apt-get install chromium), on a
// laptop (1200–1440 px wide) and on a phone (390 px).
// Run after `npm run build`:  node docs/screenshots.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../dist/src/cli/main.js';
import { builtInScenario } from '../dist/src/cli/paths.js';
import { explorer as explorerOf } from '../dist/src/explore/explorer.js';
import { serve } from '../dist/src/explore/server.js';
import { readScenarioFile } from '../dist/src/scenario/load.js';

const docs = new URL('./', import.meta.url);
const shot = (name) => new URL(name, docs).pathname;
const dir = mkdtempSync(join(tmpdir(), 'evacsim-shots-'));
const report = join(dir, 'report.html');
const silent = { out: () => {}, err: (text) => process.stderr.write(text) };
if ((await main(['run', '--report', report], silent)) !== 0) throw new Error('the run failed');
const settled = (page, runs) => page.waitForSelector(`body[data-runs="${runs}"][data-busy="false"]`, { timeout: 120_000 });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-quic', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1060 } });
  await page.goto(pathToFileURL(report).href);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('details.description').evaluate((d) => (d.open = false));
  await page.screenshot({ path: shot('report.png') });
  // The map two and a half days in: towns still waiting, others gone, the front advancing.
  await page.locator('input.map-instant').fill('60');
  await page.locator('#map').screenshot({ path: shot('report-map.png') });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  await phone.goto(pathToFileURL(report).href);
  await phone.waitForSelector('body[data-ready="true"]');
  await phone.locator('input.map-instant').fill('60');
  await phone.locator('.map-panel').scrollIntoViewIfNeeded();
  await phone.locator('svg.map g.settlement').nth(1).tap();
  await phone.screenshot({ path: shot('report-phone.png') });

  const raw = readScenarioFile(builtInScenario()).value;
  const { routes, actions } = explorerOf(raw, 'kursk-2024');
  const server = await serve(routes, 0, actions);
  const explorer = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await explorer.goto(server.url);
  await settled(explorer, 1);
  await explorer.locator('#pin').click();
  await explorer.locator('#compliance').fill('0.6');
  await settled(explorer, 2);
  await explorer.screenshot({ path: shot('explorer.png') });

  const small = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  await small.goto(server.url);
  await settled(small, 1);
  await small.locator('#figures').scrollIntoViewIfNeeded();
  await small.screenshot({ path: shot('explorer-phone.png') });
  await server.close();
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

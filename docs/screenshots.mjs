// Takes the screenshots in docs/ of the report and the explorer, on the
// built-in scenario, with Debian's Chromium (apt-get install chromium).
// Run after `npm run build`:  node docs/screenshots.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../dist/src/cli/main.js';
import { builtInScenario } from '../dist/src/cli/paths.js';
import { explorerRoutes } from '../dist/src/explore/explorer.js';
import { serve } from '../dist/src/explore/server.js';
import { readRawScenario } from '../dist/src/explore/source.js';

const docs = new URL('./', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'evacsim-shots-'));
const report = join(dir, 'report.html');
const silent = { out: () => {}, err: (text) => process.stderr.write(text) };
if ((await main(['run', '--report', report], silent)) !== 0) throw new Error('the run failed');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-quic', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1060 } });
  await page.goto(pathToFileURL(report).href);
  await page.locator('details.description').evaluate((d) => (d.open = false));
  await page.screenshot({ path: new URL('report.png', docs).pathname });
  await page.locator('#map').screenshot({ path: new URL('report-map.png', docs).pathname });

  const raw = readRawScenario(builtInScenario());
  const server = await serve(await explorerRoutes(raw, 'kursk-2024'), 0);
  const explorer = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await explorer.goto(server.url);
  await explorer.waitForSelector('body[data-runs="1"][data-busy="false"]', { timeout: 60_000 });
  await explorer.locator('#compliance').fill('0.6');
  await explorer.waitForSelector('body[data-runs="2"][data-busy="false"]', { timeout: 60_000 });
  await explorer.screenshot({ path: new URL('explorer.png', docs).pathname });
  await server.close();
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

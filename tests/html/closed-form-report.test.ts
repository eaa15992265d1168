// A report whose every headline figure is known in closed form, compared with a
// baseline whose figures are too: the cards, the comparison table, summary.json
// and the page Chromium shows must all say the same.
//
// Town a (1,000 people, one a car) leaves at 0 s through a 5 km approach (180 s), a
// 500 m bottleneck (36 s) and 1 km to the exit (36 s): its k-th car arrives at
// 252 + h(k − 1), h = 3600/C of the bottleneck (4 s at 900 veh/h, 2 s at 1,800).
// Town b (200) leaves at 1 h by a road of its own, 120 s long, a car every 3 s:
// its j-th car arrives at 3,720 + 3(j − 1).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { browserTests, launchChromium } from '../explore/chromium.js';
import { closedFormTowns } from '../helpers/closed-form-towns.js';

function twoTowns(bottleneck: number): unknown {
  return closedFormTowns('two-towns-closed-form', '2h', 0, bottleneck);
}

/** Each key figure's data-value and "before" line, as the page's HTML holds them. */
function cards(html: string): Record<string, [number, string]> {
  const out: Record<string, [number, string]> = {};
  for (const m of html.matchAll(/<div class="figure" data-figure="([^"]+)" data-value="([^"]*)">([\s\S]*?)<\/div>/g)) {
    out[m[1]] = [Number(m[2]), /<span class="sub change">([^<]*)<\/span>/.exec(m[3])?.[1] ?? ''];
  }
  return out;
}

/** The comparison table's rows: settlement, evacuated, baseline, change, trapped, change, clear at, baseline. */
function comparison(html: string): string[][] {
  const table = html.slice(html.indexOf('<table class="comparison">'), html.indexOf('</table>', html.indexOf('<table class="comparison">')));
  return [...table.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map((row) => [...`<td>${row[1]}`.matchAll(/<td[^>]*>(?:<span[^>]*>)?([^<]*)/g)].map((c) => c[1]));
}

describe('a report in closed form, against a baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-closed-report-'));
  const before = join(dir, 'before.json');
  const after = join(dir, 'after.json');
  writeFileSync(before, JSON.stringify(twoTowns(900)));
  writeFileSync(after, JSON.stringify(twoTowns(1800)));
  const report = join(dir, 'after.html');

  it('gives the figures of the closed form in summary.json and on the cards, with the baseline\'s under them', async () => {
    const r = await cli('run', after, '--out', join(dir, 'out'), '--report', report, '--baseline', before);
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    // 1,200 people from 0 s. Wide: the 600th is a's (252 + 2 × 599); the 1,080th and 1,140th are b's 80th and 140th; the last b's 200th.
    expect(summary.clearance).toEqual({ p50: 1450, p90: 3957, p95: 4137, p100: 4317 });
    expect(summary.settlements.map((s: any) => [s.id, s.clearance, s.clearanceAfterOrder])).toEqual([['a', 2250, 2250], ['b', 4317, 717]]);
    const html = readFileSync(report, 'utf8');
    // Before: the 600th is a's (252 + 4 × 599 = 2,648 s); the 1,080th at 4,083 s (a's 958th and b's 122nd); a's cars arrive until
    // 4,248 s, 838 of them in the first hour.
    expect(cards(html)).toMatchObject({
      told: [1200, 'before: same'],
      evacuated: [1200, 'before: same'],
      'clearance-p50': [1450, 'before: 44m 8s (−19m 58s)'],
      'clearance-p90': [3957, 'before: 1h 8m (−2m 6s)'],
      'clearance-p100': [4317, 'before: same'],
      peak: [1000, 'before: 838 (+162)'],
    });
    expect(html).toContain('<p class="baseline-note">Compared with baseline before.json: its values are under each figure and dashed on the charts.</p>');
    expect(comparison(html)).toEqual([
      ['a', '1,000', '1,000', '0', '0', '0', '37m 30s', '1h 11m'],
      ['b', '200', '200', '0', '0', '0', '1h 12m', '1h 12m'],
    ]);
  });

  it('gives the same cards and table against the baseline\'s summary JSON', async () => {
    const out = await cli('run', before, '--json');
    const summaryFile = join(dir, 'before.summary.json');
    writeFileSync(summaryFile, out.out);
    expect(JSON.parse(out.out).clearance).toEqual({ p50: 2648, p90: 4083, p95: 4185, p100: 4317 });
    const fromSummary = join(dir, 'after-summary.html');
    expect((await cli('run', after, '--report', fromSummary, '--baseline', summaryFile)).code).toBe(0);
    const [html, ran] = [readFileSync(fromSummary, 'utf8'), readFileSync(report, 'utf8')];
    expect(cards(html)).toEqual(cards(ran));
    expect(comparison(html)).toEqual(comparison(ran));
  });

  it.skipIf(!browserTests)('opens in Chromium without an error, showing those figures', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(pathToFileURL(report).href);
      await page.waitForSelector('body[data-ready="true"]');
      const shown = await page.locator('[data-figure^="clearance"] .value').allTextContents();
      expect(shown).toEqual(['24m 10s', '1h 6m', '1h 12m']);
      expect(await page.locator('[data-chart="evacuated"] .series path[stroke-dasharray]').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(report).href]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

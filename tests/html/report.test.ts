import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { renderReport } from '../../src/html/render-report.js';
import { baselineFromRun, baselineFromSummary } from '../../src/html/compare.js';
import { rawScenario, runFixture } from './fixtures.js';

const { scenario, result, summary } = runFixture();
const html = renderReport(result, summary, scenario);

/** Every `<svg …>…</svg>` in the page. */
function svgs(page: string): string[] {
  return page.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
}

describe('renderReport', () => {
  it('is one HTML document with its style inline', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  it('fetches nothing: no http(s) src or href, no link, import or remote url()', () => {
    // The inline script is checked apart: it names the SVG namespace, which is no address to fetch.
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(1000);
    expect(script).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|import\(|sendBeacon/);
    const page = html.replace(/<script>[\s\S]*?<\/script>/, '<script></script>');
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\s(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(tag).not.toMatch(/\ssrc\s*=/i);
      expect(tag).not.toMatch(/^<(?:link|iframe|object|embed|img)\b/i);
    }
    expect(page).not.toMatch(/@import/i);
    // Only references inside the page itself, such as clip-path="url(#map-svg-front-0)".
    expect(page.match(/url\([^)]*\)/gi)?.every((ref) => /^url\(#[\w-]+\)$/.test(ref))).toBe(true);
    expect(page).not.toMatch(/https?:\/\//i);
  });

  it('draws five charts and a map as well-formed SVG', () => {
    const drawn = svgs(html);
    expect(drawn.filter((s) => s.startsWith('<svg class="chart"'))).toHaveLength(5);
    expect(drawn.filter((s) => s.includes('class="map"'))).toHaveLength(1);
    for (const svg of drawn) expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('names its axes and units', () => {
    expect(html).toContain('hours since start');
    expect(html).toMatch(/people per hour \(bins of \d+[hm][^)]*\)/);
    expect(html).toContain('share of places taken');
    expect(html).toContain('vehicles (cars, buses, trains)');
  });

  it('marks p50 on the evacuated chart and the target as a missed point', () => {
    expect(summary.clearance.p50).not.toBeNull();
    expect(html).toMatch(/<text y="-10" text-anchor="middle">p50<\/text>/);
    expect(summary.targets[0].ok).toBe(false);
    expect(html).toContain('target missed');
  });

  it('has the tables a planner reads', () => {
    for (const id of ['targets', 'districts', 'settlements', 'bottlenecks', 'fleets', 'shelters']) {
      expect(html).toContain(`<section id="${id}">`);
    }
    expect(html).toContain('<td>buses</td>');
    expect(html).toContain('<code>a-b</code>');
  });

  it('carries the data its script needs to redraw the charts and play the map, with the script bundled at build time', () => {
    const json = html.match(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/)?.[1] ?? '';
    const data = JSON.parse(json);
    expect(data.series.evacuated.at(-1)).toBe(summary.people.evacuated);
    expect(data.map.times).toEqual(data.series.times);
    expect(data.baseline).toBeNull();
    expect(html).toContain('<div class="map-panel" data-map="map-svg"');
    expect(html).not.toContain('Function.prototype');
  });

  it('compares with a baseline on the cards, the charts and a settlement table', () => {
    const other = runFixture({ ...rawScenario(), orders: [{ ...(rawScenario().orders as object[])[0], compliance: 0.3 }] });
    const baseline = baselineFromRun(other.result, other.summary, other.scenario, null, 'baseline other.json');
    const compared = renderReport(result, summary, scenario, { baseline });
    expect(compared).toContain('<section id="comparison">');
    expect(compared).toContain(`before: ${other.summary.people.evacuated}`);
    expect(compared).toContain('evacuated, baseline other.json');
    const change = summary.settlements[0].evacuated - other.summary.settlements[0].evacuated;
    expect(compared).toContain(`data-change="${change}"`);
  });

  it('says the baseline is dashed on the charts only when it has curves to draw: a summary JSON has none', () => {
    const other = runFixture({ ...rawScenario(), orders: [{ ...(rawScenario().orders as object[])[0], compliance: 0.3 }] });
    const ran = renderReport(result, summary, scenario, { baseline: baselineFromRun(other.result, other.summary, other.scenario, null, 'baseline other.json') });
    expect(ran).toContain('<p class="baseline-note">Compared with baseline other.json: its values are under each figure and dashed on the charts.</p>');
    const read = renderReport(result, summary, scenario, { baseline: baselineFromSummary(JSON.parse(JSON.stringify(other.summary)), 'baseline before.json') });
    expect(read).toContain('<p class="baseline-note">Compared with baseline before.json: its values are under each figure and in the settlement table ' +
      '(a summary has no curves over time to draw).</p>');
    expect(read).toContain(`before: ${other.summary.people.evacuated}`);
    expect(read).not.toContain('evacuated, baseline before.json');
  });

  it('is the same text for the same run', () => {
    const again = runFixture();
    expect(renderReport(again.result, again.summary, again.scenario)).toBe(html);
  });
});

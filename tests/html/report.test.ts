import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { renderReport } from '../../src/html/report.js';
import { runFixture } from './fixtures.js';

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
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\s(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
      expect(tag).not.toMatch(/\ssrc\s*=/i);
      expect(tag).not.toMatch(/^<(?:link|iframe|object|embed|img)\b/i);
    }
    expect(html).not.toMatch(/@import/i);
    // Only references inside the page itself, such as clip-path="url(#map-svg-front-0)".
    expect(html.match(/url\([^)]*\)/gi)?.every((ref) => /^url\(#[\w-]+\)$/.test(ref))).toBe(true);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  it('draws five charts and a map as well-formed SVG', () => {
    const drawn = svgs(html);
    expect(drawn.filter((s) => s.startsWith('<svg class="chart"'))).toHaveLength(5);
    expect(drawn.filter((s) => s.includes('class="map"'))).toHaveLength(1);
    for (const svg of drawn) expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('names its axes and units', () => {
    expect(html).toContain('hours since start');
    expect(html).toContain('people per hour (bins of 1h 0m)');
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

  it('offers the hazards time slider from 0 to the end of the run', () => {
    expect(html).toMatch(new RegExp(`<input type="range" class="map-time" data-map="map-svg" min="0" max="${result.endTime}"`));
    expect(html).toContain('data-front-from="0"');
  });

  it('is the same text for the same run', () => {
    const again = runFixture();
    expect(renderReport(again.result, again.summary, again.scenario)).toBe(html);
  });
});

// Special facilities in the report and the explorer: a "facility" column in the
// settlement table, a lettered badge on the map with a legend entry and a tooltip
// line, a facility column in the map's CSV; and nothing of it for a scenario
// without facilities, whose output stays as it was.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/explore/evaluate.js';
import { facilityWords } from '../../src/html/unserved.js';
import { settlementStatesCsv } from '../../src/html/map-csv.js';
import { mapData } from '../../src/html/map-data.js';
import { mapLegend } from '../../src/html/map-legend.js';
import { renderMap } from '../../src/html/map.js';
import { settlementTable } from '../../src/html/tables.js';
import { rawScenario, runFixture } from './fixtures.js';

/** The fixture with a care home of 40 at s1's node and a school of 30 at s2's. */
function withFacilities(): Record<string, unknown> {
  const raw = rawScenario();
  const settlements = raw.settlements as Record<string, unknown>[];
  return {
    ...raw,
    settlements: [
      ...settlements,
      { id: 'care', name: 'Care home', node: 'a', population: 40, facility: 'nursing-home', mobilization: { kind: 'fixed', median: '2h' } },
      { id: 'school', name: 'School', node: 'd', population: 30, facility: 'school' },
    ],
    orders: [{ ...(raw.orders as Record<string, unknown>[])[0], settlements: ['s1', 's2', 'care', 'school'] }],
  };
}

const plain = runFixture();
const special = runFixture(withFacilities());
const kinds = (run: typeof special) => run.scenario.settlements.map((s) => facilityWords(run.scenario, s));

describe('the settlement table', () => {
  it('has a facility column, in words, when the scenario has special facilities', () => {
    const html = settlementTable(special.result, special.summary, null, undefined, kinds(special));
    const header = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(header.slice(0, 3)).toEqual(['settlement', 'facility', 'district']);
    const rows = [...html.matchAll(/<tr><td>([^<]*)<\/td><td>(?:<span class="muted">)?([^<]*)/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['&lt;script&gt;alert(1)&lt;/script&gt;', '—'], ['O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;', '—'], ['Care home', 'nursing home'], ['School', 'school']]);
  });

  it('is unchanged for a scenario without them', () => {
    const before = settlementTable(plain.result, plain.summary, null);
    expect(settlementTable(plain.result, plain.summary, null, undefined, kinds(plain))).toBe(before);
    expect(before).not.toContain('facility');
  });

  it('in the explorer too', () => {
    expect(evaluate(withFacilities()).settlementTable).toContain('<td>nursing home</td>');
  });

  it('says of a facility no fleet serves that none does, in the table and on its mark', () => {
    const raw = withFacilities();
    raw.fleets = [{ ...(raw.fleets as Record<string, unknown>[])[0], serves: ['s1', 'care'] }];
    const run = runFixture(raw);
    expect(kinds(run)).toEqual([undefined, undefined, 'nursing home', 'school, no fleet serves it']);
    expect(settlementTable(run.result, run.summary, null, undefined, kinds(run))).toContain('<td>school, no fleet serves it</td>');
    const data = mapData(run.result, run.scenario);
    expect(data.settlements.map((s) => s.unserved)).toEqual([undefined, undefined, undefined, true]);
    expect(renderMap(data)).toContain('special facility: school; no fleet serves it\npopulation 30;');
  });
});

describe('the map', () => {
  const data = mapData(special.result, special.scenario);
  const svg = renderMap(data, { width: 720 });

  it('marks each facility by its kind with a badge on the edge of the largest circle at its place', () => {
    // s1 (500 people, the largest) has radius 18: the care home's badge, 15 px square, is
    // centred 18 + 2 px from the node at 45° to the upper right.
    const circle = svg.match(/data-settlement="s1"[\s\S]*?<circle cx="([\d.]+)" cy="([\d.]+)" r="18"/);
    const badge = svg.match(/data-settlement="care"[\s\S]*?<g class="facility-badge" data-facility="nursing-home"><rect x="([\d.]+)" y="([\d.]+)"[\s\S]*?>N<\/text>/);
    expect(circle).not.toBeNull();
    expect(badge).not.toBeNull();
    const [cx, cy] = [Number(circle![1]), Number(circle![2])];
    expect(Number(badge![1])).toBeCloseTo(cx + 20 * Math.SQRT1_2 - 7.5, 1);
    expect(Number(badge![2])).toBeCloseTo(cy - 20 * Math.SQRT1_2 - 7.5, 1);
    expect(svg).toMatch(/data-settlement="school" data-facility="school"[\s\S]*?>S<\/text>/);
    expect(svg).toContain('Care home — at');
    expect(svg).toContain('special facility: nursing home\npopulation 40;');
  });

  it("keeps two badges at one place apart, and the town's label off them, on a laptop and a phone", () => {
    const raw = withFacilities();
    raw.settlements = [...(raw.settlements as unknown[]), { id: 'clinic', name: 'Clinic', node: 'a', population: 10, facility: 'hospital' }];
    const run = runFixture(raw);
    for (const width of [720, 390]) {
      const drawn = renderMap(mapData(run.result, run.scenario), { width });
      const badges = [...drawn.matchAll(/<g class="facility-badge" data-facility="(?:nursing-home|hospital)"><rect x="([\d.-]+)" y="([\d.-]+)"/g)]
        .map((m) => [Number(m[1]), Number(m[2])]);
      expect(badges).toHaveLength(2);
      // Two 15 px squares apart: their corners differ by 15 px or more along x or y.
      expect(Math.max(Math.abs(badges[0][0] - badges[1][0]), Math.abs(badges[0][1] - badges[1][1]))).toBeGreaterThanOrEqual(15);
      // No label, its box as the placement reckons it (6.3 px a character, 12 px high, the
      // baseline 10 px below its top), enters a badge: the town's goes past the badges at its node.
      const labels = [...drawn.slice(drawn.indexOf('<g class="labels">')).matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|end|middle)">([^<]*)<\/text>/g)];
      expect(labels.length).toBeGreaterThanOrEqual(3);
      for (const [, xs, ys, anchor, escaped] of labels) {
        const w = escaped.replace(/&(?:lt|gt|amp|quot|#39);/g, '_').length * 6.3;
        const left = Number(xs) - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
        const top = Number(ys) - 10;
        for (const [bx, by] of badges) expect(left < bx + 15 && bx < left + w && top < by + 15 && by < top + 12).toBe(false);
      }
    }
  });

  it('lists the kinds it has in the legend, and neither badge nor legend entry without facilities', () => {
    const legend = mapLegend(data);
    expect(legend).toContain('Special facilities');
    expect([...legend.matchAll(/data-facility="([^"]+)"/g)].map((m) => m[1])).toEqual(['school', 'nursing-home']);
    const none = mapData(plain.result, plain.scenario);
    expect(none.settlements.some((s) => 'facility' in s)).toBe(false);
    expect(renderMap(none)).not.toContain('facility');
    expect(mapLegend(none)).not.toContain('facilit');
  });

  it('writes a facility column in its CSV only when there are facilities', () => {
    const end = data.times.length - 1;
    const lines = settlementStatesCsv(data, end).trim().split('\n');
    expect(lines[0]).toBe('id,name,facility,seconds,waiting,left,evacuated,trapped');
    expect(lines[1].split(',')[2]).toBe('');
    expect(lines[3].startsWith('care,Care home,nursing-home,')).toBe(true);
    const none = mapData(plain.result, plain.scenario);
    expect(settlementStatesCsv(none, 0).split('\n')[0]).toBe('id,name,seconds,waiting,left,evacuated,trapped');
  });
});

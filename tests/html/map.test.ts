import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapData } from '../../src/html/map-data.js';
import { placeLabels } from '../../src/html/map-labels.js';
import { mapTimeLabel } from '../../src/html/map-time.js';
import { renderMap } from '../../src/html/map.js';
import { runFixture } from './fixtures.js';

describe('mapData', () => {
  const { scenario, result } = runFixture();
  const data = mapData(result, scenario);

  it('places nodes in planar metres and sums both directions of a road', () => {
    expect(data.geographic).toBe(false);
    expect(data.roads.find((r) => r.id === 'b-c')?.points).toEqual([[5000, 0], [10000, 0]]);
    const bd = data.roads.find((r) => r.id === 'b-d<x>');
    const links = result.links.filter((l) => l.id.startsWith('b-d<x>'));
    expect(bd?.vehicles).toBe(links.reduce((sum, l) => sum + l.vehicles, 0));
    expect(bd?.detail).toHaveLength(2);
  });

  it('turns the front towards the side it advances into', () => {
    const front = data.hazards.find((h) => h.kind === 'front');
    expect(front).toMatchObject({ kind: 'front', side: [1, -0], speed: 10000 / 86400, maxDepth: 3000 });
  });

  it('knows when each settlement was told, cleared and captured', () => {
    const [s1, s2] = data.settlements;
    expect(s1.orderedAt).toBe(0);
    expect(s1.capturedAt).toBe(result.settlements[0].capturedAt);
    expect(s2.capturedAt).toBeNull();
  });
});

describe('renderMap', () => {
  const { scenario, result } = runFixture();
  const data = mapData(result, scenario);

  it('draws the front reach and captures as they were at the chosen time', () => {
    const start = renderMap(data, { time: 0 });
    const end = renderMap(data, { time: result.endTime });
    const capturedAt = result.settlements[0].capturedAt as number;
    expect(start).toContain(`data-captured-at="${capturedAt}" display="none"`);
    expect(end).toContain(`data-captured-at="${capturedAt}" display="inline"`);
    expect(start).toMatch(/stroke-width="0"[^>]*data-front-from="0"/);
    expect(end).toContain('hazards at 0d 1');
  });

  it('gives the closure its window so the page can fade it outside', () => {
    expect(renderMap(data, { time: 3 * 3600 })).toMatch(/data-active-from="7200" data-active-until="14400" opacity="1"/);
    expect(renderMap(data, { time: 5 * 3600 })).toMatch(/data-active-from="7200" data-active-until="14400" opacity="0.3"/);
  });
});

describe('mapTimeLabel', () => {
  it('says the time since the start, and the calendar time when there is one', () => {
    expect(mapTimeLabel(0, null, 0)).toBe('0d 0h');
    expect(mapTimeLabel(90000 + 600, null, 0)).toBe('1d 1h 10m');
    expect(mapTimeLabel(3600, Date.parse('2024-08-06T00:00:00Z'), 180)).toBe('0d 1h · 6 Aug 04:00');
  });
});

describe('placeLabels', () => {
  it('never overlaps two labels and keeps them in the frame', () => {
    const request = fc.record({
      text: fc.string({ minLength: 1, maxLength: 20 }),
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      radius: fc.integer({ min: 1, max: 12 }),
      important: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
      const placed = placeLabels(requests, 400, 300);
      for (const { box: [left, top, width, height] } of placed) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + width).toBeLessThanOrEqual(400);
        expect(top + height).toBeLessThanOrEqual(300);
      }
      placed.forEach(({ box: a }, i) => placed.slice(i + 1).forEach(({ box: b }) => {
        const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
        expect(apart).toBe(true);
      }));
    }));
  });
});

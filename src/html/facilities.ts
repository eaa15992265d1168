// Special facilities (schools, hospitals, care homes, prisons) in the report and
// the explorer: their words, and their mark on the map, a lettered badge on the
// edge of the largest settlement circle at the facility's place. A care home at
// its town's node would otherwise be a dot inside the town's circle.

import { FACILITY_KINDS, type FacilityKind } from '../scenario/types.js';
import { MARK } from './palette.js';
import { el, text } from './svg.js';

type Point = [number, number];

/** What a badge's place depends on: a map settlement's (map-data.ts). */
interface Placed {
  at: Point;
  population: number;
  facility?: FacilityKind;
}

/** Each kind in words, as a table or tooltip says it. */
export const FACILITY_WORDS: Record<FacilityKind, string> = {
  school: 'school', hospital: 'hospital', 'nursing-home': 'nursing home', prison: 'prison', other: 'other facility',
};

const LETTER: Record<FacilityKind, string> = { school: 'S', hospital: 'H', 'nursing-home': 'N', prison: 'P', other: 'F' };

/** Side of a badge, pixels: its letter is the map's smallest text, 11 px. */
export const BADGE = 15;

/** The badge of kind `kind` centred at (x, y). */
export function facilityBadge(kind: FacilityKind, x: number, y: number): string {
  return el('g', { class: 'facility-badge', 'data-facility': kind },
    el('rect', { x: x - BADGE / 2, y: y - BADGE / 2, width: BADGE, height: BADGE, rx: 3, fill: MARK.ink, stroke: 'white', 'stroke-width': 1.5 }),
    el('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'on-mark' }, text(LETTER[kind])));
}

/**
 * Where each facility's badge goes, by index into `settlements`: on the edge of the
 * largest circle at its place, the first at the top right and any further ones at
 * that place on round clockwise, far enough apart not to overlap.
 */
export function badgePlaces(settlements: readonly Placed[], project: (p: Point) => Point, radius: (population: number) => number): Map<number, Point> {
  const largestAt = new Map<string, number>();
  for (const s of settlements) {
    const key = s.at.join(',');
    largestAt.set(key, Math.max(largestAt.get(key) ?? 0, radius(s.population)));
  }
  const taken = new Map<string, number>();
  const places = new Map<number, Point>();
  settlements.forEach((s, i) => {
    if (s.facility === undefined) return;
    const key = s.at.join(',');
    const k = taken.get(key) ?? 0;
    taken.set(key, k + 1);
    const distance = Math.max(largestAt.get(key) ?? 0, BADGE / 2) + 2;
    // Steps of 45°, or more on a small circle, so that neighbouring badges are (BADGE + 1) × √2
    // apart: at any angle two squares that far apart keep 1 px between them.
    const step = Math.max(Math.PI / 4, 2 * Math.asin(Math.min(1, ((BADGE + 1) * Math.SQRT2) / (2 * distance))));
    const angle = Math.PI / 4 + k * step;
    const [x, y] = project(s.at);
    places.set(i, [x + distance * Math.sin(angle), y - distance * Math.cos(angle)]);
  });
  return places;
}

/** The kinds of facility among `settlements`, in the order of FACILITY_KINDS. */
export function facilityKinds(settlements: readonly { facility?: FacilityKind }[]): FacilityKind[] {
  return FACILITY_KINDS.filter((k) => settlements.some((s) => s.facility === k));
}

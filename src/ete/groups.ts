// The groups an ETE row counts, as NUREG/CR-7002 reports them apart: everyone,
// the general population in cars, the general population carried by fleets
// (transit-dependent), and, when the scenario has any, the people of special
// facilities, all together and per kind of facility. car + transit-dependent +
// special-facilities = all.

import { FACILITY_KINDS, type FacilityKind, type Scenario } from '../scenario/types.js';

export type EteGroup = 'all' | 'car' | 'transit-dependent' | 'special-facilities' | `special-facilities:${FacilityKind}`;

/** The groups of every scenario, in row order. */
export const ETE_GROUPS: readonly EteGroup[] = ['all', 'car', 'transit-dependent'];

const FACILITIES = 'special-facilities';

/** The groups of `scenario`'s rows: ETE_GROUPS, then, when it has special facilities, their group and one per kind it has. */
export function eteGroups(scenario: Scenario): EteGroup[] {
  return groupsWith(FACILITY_KINDS.filter((k) => scenario.settlements.some((s) => s.facility === k)));
}

function groupsWith(kinds: readonly FacilityKind[]): EteGroup[] {
  if (kinds.length === 0) return [...ETE_GROUPS];
  return [...ETE_GROUPS, FACILITIES, ...kinds.map((k): EteGroup => `${FACILITIES}:${k}`)];
}

/** Every group a study's rows may have, in row order. */
const EVERY_GROUP: readonly EteGroup[] = groupsWith(FACILITY_KINDS);

/** The kind of facility a `special-facilities:<kind>` group counts; null for any other group. */
export function facilityKindOf(group: EteGroup): FacilityKind | null {
  return group.startsWith(`${FACILITIES}:`) ? (group.slice(FACILITIES.length + 1) as FacilityKind) : null;
}

/** Whether `group` counts people of special facilities only (all of them, or one kind's). */
export function isFacilityGroup(group: EteGroup): boolean {
  return group === FACILITIES || facilityKindOf(group) !== null;
}

/** Index of a facility kind in FACILITY_KINDS; -1 for a settlement that is no facility. */
export function facilityIndex(kind: FacilityKind | null | undefined): number {
  return kind == null ? -1 : FACILITY_KINDS.indexOf(kind);
}

/** Whether people of a settlement of facility kind `facility` (a facilityIndex), in a car or not, count in a group. */
export type GroupMember = (facility: number, car: boolean) => boolean;

/** The test of who counts in `group`, made once per group (it runs once per arrival). */
export function memberOf(group: EteGroup): GroupMember {
  switch (group) {
    case 'all': return () => true;
    case 'car': return (_, car) => car;
    case 'transit-dependent': return (facility, car) => !car && facility < 0;
    case FACILITIES: return (facility) => facility >= 0;
    default: {
      const kind = facilityIndex(facilityKindOf(group));
      return (facility) => facility === kind;
    }
  }
}

/** The heading of a group's tables: "Everyone", "Special facilities: school", … */
export function groupTitle(group: EteGroup): string {
  switch (group) {
    case 'all': return 'Everyone';
    case 'car': return 'People in their own cars';
    case 'transit-dependent': return 'Transit-dependent people (fleets)';
    case FACILITIES: return 'Special facilities (fleets)';
    default: return `Special facilities: ${facilityKindOf(group)?.replace('-', ' ')}`;
  }
}

/** The groups `rows` have (a study's: its variants may differ), in row order. */
export function groupsOf(rows: readonly { group: EteGroup }[]): EteGroup[] {
  const present = new Set(rows.map((r) => r.group));
  return EVERY_GROUP.filter((g) => present.has(g));
}

/** The facility groups of `rows` a table is shown for: special-facilities, and each kind when there are two or more. */
export function facilityTables(rows: readonly { group: EteGroup }[]): EteGroup[] {
  const groups = groupsOf(rows).filter(isFacilityGroup);
  return groups.length > 2 ? groups : groups.slice(0, 1);
}

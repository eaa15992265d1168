import { expect, test } from 'vitest';
import { atLeast, roadClassOf } from '../../../src/import/osm/highway-classes.js';

test('drivable highways map to road classes, links to the class they join', () => {
  expect(roadClassOf({ highway: 'motorway' })).toBe('motorway');
  expect(roadClassOf({ highway: 'trunk_link' })).toBe('trunk');
  expect(roadClassOf({ highway: 'primary' })).toBe('primary');
  expect(roadClassOf({ highway: 'secondary_link' })).toBe('secondary');
  expect(roadClassOf({ highway: 'tertiary' })).toBe('tertiary');
  for (const h of ['unclassified', 'residential', 'living_street', 'road']) expect(roadClassOf({ highway: h })).toBe('local');
});

test('footways, cycleways, paths, tracks and other non-roads are left out', () => {
  for (const h of ['footway', 'cycleway', 'path', 'track', 'steps', 'pedestrian', 'bridleway', 'construction', 'proposed']) {
    expect(roadClassOf({ highway: h })).toBeNull();
  }
  expect(roadClassOf({ landuse: 'residential' })).toBeNull();
});

test('service roads are left out unless asked for', () => {
  expect(roadClassOf({ highway: 'service' })).toBeNull();
  expect(roadClassOf({ highway: 'service', access: 'private' }, { includeService: true })).toBe('local');
});

test('roads closed to motor vehicles are left out; private ones are kept', () => {
  expect(roadClassOf({ highway: 'residential', access: 'no' })).toBeNull();
  expect(roadClassOf({ highway: 'residential', motor_vehicle: 'no' })).toBeNull();
  expect(roadClassOf({ highway: 'residential', access: 'no', motor_vehicle: 'yes' })).toBe('local');
  expect(roadClassOf({ highway: 'residential', access: 'private' })).toBe('local');
});

test('vehicle=no closes a road to cars too, between access and motor_vehicle in the order of OSM access tags', () => {
  expect(roadClassOf({ highway: 'residential', vehicle: 'no' })).toBeNull();
  expect(roadClassOf({ highway: 'residential', access: 'no', vehicle: 'yes' })).toBe('local');
  expect(roadClassOf({ highway: 'residential', vehicle: 'no', motor_vehicle: 'yes' })).toBe('local');
  expect(roadClassOf({ highway: 'residential', vehicle: 'no', motorcar: 'destination' })).toBe('local');
});

test('minClass keeps that class and faster ones', () => {
  expect(roadClassOf({ highway: 'tertiary' }, { minClass: 'tertiary' })).toBe('tertiary');
  expect(roadClassOf({ highway: 'primary_link' }, { minClass: 'tertiary' })).toBe('primary');
  expect(roadClassOf({ highway: 'residential' }, { minClass: 'tertiary' })).toBeNull();
  expect(atLeast('motorway', 'local')).toBe(true);
  expect(atLeast('local', 'motorway')).toBe(false);
});

// Ids and names that are the same text in two Unicode forms (é as one code
// point, or as e and a combining accent) print alike: two settlements "café"
// were accepted and reported as two rows no reader could tell apart, and an
// order naming one in the other form was "unknown" with no hint. Ids and names
// that differ only in spaces at their ends print alike too, and a blank id names nothing.
// A reference that matches an id only in another letter case is told which.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const COMPOSED = 'caf\u00e9';
const DECOMPOSED = 'cafe\u0301';
const ALIKE = 'the two look alike but are written with different Unicode code points';
const SPACED = 'the two differ only in spaces at their ends';

function withTwoSettlements(first: string, second: string, district = ['North', 'North']) {
  const file = minimalFile();
  file.settlements = [
    { id: first, node: 'village', population: 100, district: district[0], region: 'Kursk' },
    { id: second, node: 'town', population: 100, district: district[1], region: 'Kursk' },
  ];
  return file;
}

describe('ids and names in two Unicode forms', () => {
  it('two settlement ids that differ only in normalization are a duplicate', () => {
    expect(issuesOf(() => parseScenario(withTwoSettlements(COMPOSED, DECOMPOSED)))).toEqual([
      { path: 'settlements[1].id', message: `duplicate settlement id "${DECOMPOSED}", also used by settlements[0]: ${ALIKE}` },
    ]);
  });

  it('node ids too', () => {
    const file = minimalFile();
    file.network.nodes.push({ id: 'ko\u0308ln', x: 0, y: 1 }, { id: 'k\u00f6ln', x: 0, y: 2 });
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'network.nodes[4].id', message: `duplicate node id "k\u00f6ln", also used by network.nodes[3]: ${ALIKE}` },
    ]);
  });

  it('a reference in the other form is unknown, with the id it looks like', () => {
    const file = { ...withTwoSettlements(COMPOSED, 'other'), orders: [{ at: 0, settlements: [DECOMPOSED], compliance: 0.5 }] };
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'orders[0].settlements[0]', message: `unknown settlement "${DECOMPOSED}" (did you mean "${COMPOSED}"? ${ALIKE})` },
    ]);
  });

  it('two districts that print alike are refused', () => {
    expect(issuesOf(() => parseScenario(withTwoSettlements('a', 'b', [`North ${COMPOSED}`, `North ${DECOMPOSED}`])))).toEqual([
      { path: 'settlements[1].district', message: `district "North ${DECOMPOSED}" is not "North ${COMPOSED}" of settlements[0].district: ${ALIKE}` },
    ]);
  });

  it('ids that differ in more than their form, and the same id in one form, are accepted', () => {
    expect(parseScenario(withTwoSettlements(COMPOSED, 'cafe')).settlements.map((s) => s.id)).toEqual([COMPOSED, 'cafe']);
    expect(parseScenario(withTwoSettlements(DECOMPOSED, 'x', [COMPOSED, COMPOSED])).settlements[0].id).toBe(DECOMPOSED);
  });
});

describe('ids and names that differ only in spaces at their ends', () => {
  it('two settlement ids are a duplicate', () => {
    expect(issuesOf(() => parseScenario(withTwoSettlements('sudzha', 'sudzha ')))).toEqual([
      { path: 'settlements[1].id', message: `duplicate settlement id "sudzha ", also used by settlements[0]: ${SPACED}` },
    ]);
  });

  it('a blank id is refused', () => {
    expect(issuesOf(() => parseScenario(withTwoSettlements('a', ' \t')))).toEqual([
      { path: 'settlements[1].id', message: 'must not be blank, got " \\t"' },
    ]);
  });

  it('a reference with a trailing space is unknown, with the id it looks like', () => {
    const file = { ...withTwoSettlements('sudzha', 'other'), orders: [{ at: 0, settlements: ['sudzha '], compliance: 0.5 }] };
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'orders[0].settlements[0]', message: `unknown settlement "sudzha " (did you mean "sudzha"? ${SPACED})` },
    ]);
  });

  it('two districts are refused', () => {
    expect(issuesOf(() => parseScenario(withTwoSettlements('a', 'b', ['North', ' North'])))).toEqual([
      { path: 'settlements[1].district', message: `district " North" is not "North" of settlements[0].district: ${SPACED}` },
    ]);
  });

  it('spaces inside an id are part of it', () => {
    expect(parseScenario(withTwoSettlements('Krasnaya Yaruga', 'KrasnayaYaruga')).settlements.map((s) => s.id)).toEqual(['Krasnaya Yaruga', 'KrasnayaYaruga']);
  });
});

describe('references that differ from an id only in letter case', () => {
  const CASED = 'the two differ only in letter case';

  it('are unknown, with the id they match, however short or loud', () => {
    const file = {
      ...withTwoSettlements('Sudzha', 'b'),
      orders: [{ at: 0, settlements: ['SUDZHA', 'B'], districts: ['NORTH'], compliance: 0.5 }],
      targets: [{ metric: 'people.evacuated', value: 1, scope: { region: 'kursk' } }],
    };
    file.network.roads[0].from = 'VILLAGE';
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'network.roads[0].from', message: `unknown node "VILLAGE" (did you mean "village"? ${CASED})` },
      { path: 'orders[0].districts[0]', message: `unknown district "NORTH" (did you mean "North"? ${CASED})` },
      { path: 'orders[0].settlements[0]', message: `unknown settlement "SUDZHA" (did you mean "Sudzha"? ${CASED})` },
      { path: 'orders[0].settlements[1]', message: `unknown settlement "B" (did you mean "b"? ${CASED})` },
      { path: 'targets[0].scope.region', message: `unknown region "kursk" (did you mean "Kursk"? ${CASED})` },
    ]);
  });

  it('a household override of a district in another case, too', () => {
    const file = { ...minimalFile(), households: { districts: { north: { carShare: 0.5 } } } };
    expect(issuesOf(() => parseScenario(file))).toEqual([
      { path: 'households.districts.north', message: `no settlement is in district "north" (did you mean "North"? ${CASED})` },
    ]);
  });
});

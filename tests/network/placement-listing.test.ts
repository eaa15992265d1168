// The centre a lat/lon network is projected around (the mean of its nodes) is added up
// in order of node ids, so listing the nodes in another order moves no point. Before,
// the sum followed the listing: with Kursk 2024's 62 nodes reversed the centre moved from
// 35.30661612903227° E, 51.39321774193548° N to 35.30661612903224°, 51.393217741935494°,
// and every planar position by about 2 nm (35.5° E 51.5° N at x = 13,417.481192637713 m
// or 13,417.481192639676 m): the report's map data and the distances to fronts, to the
// lines of orders and to ETE rings differed in their last digits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placement } from '../../src/network/build-graph.js';
import { parseScenario } from '../../src/scenario/parse.js';

function kursk(reversed: boolean) {
  const raw = JSON.parse(readFileSync('scenarios/kursk-2024.json', 'utf8'));
  if (reversed) raw.network.nodes.reverse();
  return parseScenario(raw);
}

describe('the order nodes are listed in', () => {
  it('moves neither the centre of the projection nor any point', () => {
    const listed = placement(kursk(false));
    const reversed = placement(kursk(true));
    expect(reversed.origin).toEqual(listed.origin);
    expect(reversed.toPlanar([35.5, 51.5])).toEqual(listed.toPlanar([35.5, 51.5]));
  });
});

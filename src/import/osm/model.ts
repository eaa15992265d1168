// The plain OpenStreetMap data both readers produce: nodes with positions and
// ways as lists of node ids, each with its tags. Relations are not needed to
// build a road network and are not kept.

export type OsmTags = Record<string, string>;

export interface OsmNode {
  id: number;
  lat: number;
  lon: number;
  tags: OsmTags;
}

export interface OsmWay {
  id: number;
  /** Node ids in drawing order. */
  refs: number[];
  tags: OsmTags;
}

export interface OsmData {
  nodes: OsmNode[];
  ways: OsmWay[];
}

/** Tags kept on nodes: the ones a place needs. Other node tags are not read. */
export const PLACE_TAGS = ['place', 'name', 'population', 'addr:district', 'addr:region'] as const;

// Reads OpenStreetMap XML (.osm) into the plain {nodes, ways} model, using
// fast-xml-parser. Like the PBF reader it keeps only the place tags of nodes.
// The whole document is held in memory: clip large extracts first.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../errors.js';
import { PLACE_TAGS, type OsmData, type OsmNode, type OsmTags, type OsmWay } from './model.js';

interface XmlTag { k?: string; v?: string }
/** `action` is JOSM's mark of an edit not yet uploaded; `visible="false"` marks a deleted object in history and API data. */
interface XmlObject { action?: string; visible?: string }
interface XmlNode extends XmlObject { id?: string; lat?: string; lon?: string; tag?: XmlTag[] }
interface XmlWay extends XmlObject { id?: string; nd?: { ref?: string }[]; tag?: XmlTag[] }
interface XmlDocument { osm?: { node?: XmlNode[]; way?: XmlWay[] } | string }

const REPEATED = new Set(['node', 'way', 'relation', 'tag', 'nd', 'member']);
const NODE_TAGS: ReadonlySet<string> = new Set(PLACE_TAGS);

/**
 * Parses OSM XML text or bytes (UTF-8).
 * Throws a InputError when the text is not well-formed XML, has no `<osm>` root,
 * declares external or oversized entities, names an element `__proto__`,
 * or holds a node or way without a numeric id or position. Objects marked
 * deleted (JOSM's `action="delete"`, `visible="false"`) are left out.
 */
export function readOsmXml(data: Uint8Array | string): OsmData {
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new InputError(`not well-formed OSM XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  let doc: XmlDocument;
  try {
    doc = parser.parse(text) as XmlDocument;
  } catch (error) {
    // the parser's own guards: external or oversized entities, element names such as __proto__
    throw new InputError(`refused OSM XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (doc.osm === undefined) throw new InputError('not OSM XML: the document has no <osm> root element');
  const root = typeof doc.osm === 'object' ? doc.osm : {};
  return {
    nodes: (root.node ?? []).flatMap((node, i) => (present(node) ? [toNode(node, i)] : [])),
    ways: (root.way ?? []).flatMap((way, i) => (present(way) ? [toWay(way, i)] : [])),
  };
}

/** False for an object deleted in the file: JOSM keeps deleted objects, marked, until they are uploaded. */
function present(object: XmlObject): boolean {
  return object.action !== 'delete' && object.visible !== 'false';
}

/** An object in messages: by its id when it has one, else by its place among the file's objects of its kind. */
function named(kind: 'node' | 'way', id: string | undefined, index: number): string {
  return id === undefined ? `the ${kind} without an id (${kind} ${index + 1} of the file)` : `${kind} ${JSON.stringify(id)}`;
}

function toNode(node: XmlNode, index: number): OsmNode {
  const id = Number(node.id);
  const lat = Number(node.lat);
  const lon = Number(node.lon);
  if (!Number.isSafeInteger(id) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new InputError(`OSM XML: ${named('node', node.id, index)} has no numeric id, lat and lon`);
  }
  return { id, lat, lon, tags: toTags(node.tag, NODE_TAGS) };
}

function toWay(way: XmlWay, index: number): OsmWay {
  const id = Number(way.id);
  const refs = (way.nd ?? []).map((nd) => Number(nd.ref));
  if (!Number.isSafeInteger(id) || !refs.every(Number.isSafeInteger)) {
    throw new InputError(`OSM XML: ${named('way', way.id, index)} has a missing or non-numeric id or node ref`);
  }
  return { id, refs, tags: toTags(way.tag) };
}

function toTags(tags: XmlTag[] | undefined, keep?: ReadonlySet<string>): OsmTags {
  const out: OsmTags = {};
  for (const tag of tags ?? []) {
    if (tag.k !== undefined && tag.v !== undefined && (keep === undefined || keep.has(tag.k))) out[tag.k] = String(tag.v);
  }
  return out;
}

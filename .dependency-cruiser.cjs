// The layers of docs/architecture.md, enforced by `npm run deps` (part of
// `npm test`): no import cycles, and no module imports from a layer above its own.
// Layers, lowest first; a module may import from its own layer and those below.
const LAYERS = [
  ['^src/errors\\.ts$', '^src/scenario/'],
  ['^src/network/'],
  ['^src/(engine|demand|traffic|logistics|hazards|simulation|library)/', '^src/result\\.ts$'],
  ['^src/(analysis|report|check|export|generate|import|sweep|ete)/'],
  ['^src/(html|explore)/'],
  ['^src/cli/', '^src/index\\.ts$', '^src/load-network\\.ts$'],
];

const any = (patterns) => patterns.join('|');

// Where files may be read or written: the command line, the scenario file reader
// (a scenario and the GeoJSON network it names), the sweep's folder (journal, lock,
// version) and pool (it locates its worker script), the package root finder and the
// report's bundled browser script.
const FILE_IO =
  '^src/(cli/|scenario/(load|read-file|files-read|network-geojson)[.]ts$|sweep/(pool|folder-lock|version)[.]ts$|package-root[.]ts$|html/browser-script[.]ts$)';

// Known upward imports, each named: scenario variants use the sweep's path syntax, and
// the scenario reader expands a GeoJSON network with the importer's reader.
const KNOWN_UPWARD = '^src/scenario/(variants|network-geojson)[.]ts$';

/** For each layer, a rule forbidding imports of every layer above it. */
const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `no-upward-import-from-layer-${i}`,
  comment: `${layer.join(', ')} may not import from a layer above (docs/architecture.md)`,
  severity: 'error',
  from: { path: any(layer), pathNot: KNOWN_UPWARD },
  to: { path: any(LAYERS.slice(i + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: modules that need each other cannot be read, tested or layered apart',
      severity: 'error',
      from: {},
      // A cycle through type-only imports compiles away and is not one.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unresolvable',
      comment: 'an import that resolves to no file (geojson is a types-only package)',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: '^geojson$' },
    },
    {
      name: 'file-io-at-the-edge',
      comment: 'files are read and written by the command line and by the scenario file reader only (docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/', pathNot: FILE_IO },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'], exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

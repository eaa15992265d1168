// `evacsim ete <scenario>`: evacuation time estimates, the tables of an ETE
// study (NUREG/CR-7002): per zone, variant and group, the time from the zone's
// order until 50, 90, 95 and 100 % of its people reached safety or left the zone.

import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UsageError } from '../usage-error.js';
import { eteCsv, eteJson, eteText } from '../../ete/output.js';
import { runEteStudy, studyRuns } from '../../ete/study.js';
import { checkZoneSpec, parseZoneSpec, polygonsFromGeoJson } from '../../ete/zone-spec.js';
import { buildZones, type ZoneSpec } from '../../ete/zones.js';
import { type Command, defineCommand, type Io } from '../command.js';
import { fileWarnings, loadOptions, loadVariants, SCENARIO_FILE } from '../load.js';
import { builtInScenario } from '../paths.js';
import { checkTargets, Outputs } from '../write.js';
import { MAX_RUNS } from '../../sweep/design.js';
import { delayedProgress, showing } from '../progress.js';
import { readOptionFile } from '../option-file.js';
import { findJsonSyntaxProblem } from '../../scenario/json-syntax.js';
import { duplicateJsonKeys } from '../../scenario/json-duplicate-keys.js';
import { checkWholeNumber } from '../whole-number.js';
import { oneOf } from '../choices.js';
import { warningLine } from '../../check/warning.js';
import { quickVariantWarnings } from '../../check/variant-warnings.js';

export interface EteArgs {
  scenario?: string;
  zones?: string | string[];
  variants?: string;
  end: 'destination' | 'zone';
  replications: number;
  regions?: boolean;
  seed?: number;
  json: boolean;
  out?: string;
  report?: string;
  allowLarge: boolean;
  allowPaths: boolean;
  quiet?: boolean;
}

/** The files `--out` holds, in this order. */
const ETE_FILES = ['ete.csv', 'ete.json'];

export const eteCommand: Command = defineCommand({
  repeatable: ['zones'],
  command: 'ete [scenario]',
  describe: 'evacuation time estimates: per zone, variant and group, the time from the order until 50/90/95/100 % had reached a shelter or exit (or left the zone: --end zone)',
  options: eteOptions,
  handle: async (args, io) => ete(args, io),
});

export function eteOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: `${SCENARIO_FILE}; default: the built-in Kursk 2024 case` })
    .option('zones', {
      type: 'string',
      describe: 'district (default), settlement, rings:5,10,16km@NODE (or @LON,LAT, @line:LON,LAT;LON,LAT;…; mi for miles), or a .geojson file of polygons; repeatable. The whole scenario is always a zone, "all"',
    })
    .option('variants', { type: 'string', describe: 'comma list of variants to run ("base" is the scenario as written); default: base and every variant' })
    .option('end', { ...oneOf('--end', ['destination', 'zone'] as const), default: 'destination' as const, describe: 'end point: reach a shelter or exit, or leave the zone (NUREG/CR-7002)' })
    .option('replications', { type: 'number', default: 1, describe: 'runs per variant, each with its own seed; 2 or more give 95 % confidence intervals' })
    .option('regions', { type: 'boolean', default: false, describe: 'evacuate each zone alone, as an ETE study\'s regions: its times come from runs in which only its settlements are ordered (the rest leave only as shadow evacuees); "all" is the scenario as written' })
    .option('seed', { type: 'number', describe: "seed every variant's replications derive from (default: each variant's own, the scenario's unless the variant sets one)" })
    .option('json', { type: 'boolean', default: false, describe: 'print { "rows": [...] } (seconds) instead of the tables' })
    .option('out', { type: 'string', describe: 'folder to write ete.csv and ete.json' })
    .option('report', { type: 'string', describe: 'write an HTML page with the 90 % and 100 % tables and the cumulative curves' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar on a terminal (shown for studies longer than 2 s)' });
}

/** Runs the command; resolves to the exit code. */
export async function ete(args: EteArgs, io: Io): Promise<number> {
  checkWholeNumber('--replications', args.replications, 1);
  if (args.replications > MAX_RUNS) throw new UsageError(`--replications ${args.replications} is above the limit of ${MAX_RUNS} runs (as a sweep's)`);
  const path = args.scenario ?? builtInScenario();
  const names = args.variants === undefined ? undefined : variantNames(args.variants);
  const zones = zoneSpecs(args.zones);
  const variants = loadVariants(path, { allowLarge: args.allowLarge, allowPaths: args.allowPaths }, names);
  for (const { spec, text } of zones) for (const v of variants) checkZoneSpec(spec, v.scenario, text);
  const zoneCount = args.regions === true ? Math.max(...variants.map((v) => buildZones(v.scenario, zones.map((z) => z.spec)).length)) : 1;
  const runs = studyRuns(variants.length, args.replications, args.regions === true, zoneCount);
  if (runs > MAX_RUNS) {
    const regions = args.regions === true ? ` × ${zoneCount} zones evacuated alone` : '';
    throw new UsageError(`--replications ${args.replications} × ${variants.length} variant${variants.length === 1 ? '' : 's'}${regions} = ${runs} runs, above the limit of ${MAX_RUNS} (as a sweep's)`);
  }
  // The warnings that cost no search (as run prints them), once each for all the variants, on stderr.
  // The file's own warnings once (every variant reads the same file), then each variant's.
  for (const w of [...fileWarnings(variants[0].scenario), ...quickVariantWarnings(variants)]) io.err(warningLine(w));
  // Checked once the inputs are read (no output may replace one), before the simulations run.
  const files = args.out === undefined ? [] : ETE_FILES.map((file) => join(args.out as string, file));
  checkTargets(args.report === undefined ? files : [...files, args.report]);
  // Runs done on a bar on a terminal's stderr, once the study has taken two seconds; nothing elsewhere.
  const shown = args.quiet !== true && process.stderr.isTTY === true;
  const progress = delayedProgress(shown ? 'bar' : 'none', runs, 'runs', io, 2000);
  const study = showing(progress, () =>
    runEteStudy(variants, { zones: zones.map((z) => z.spec), end: args.end, replications: args.replications, regions: args.regions, seed: args.seed, onRun: (done) => progress.update(done) }));
  // As run says it of its run: of each variant whose runs left people waiting or travelling, before the tables.
  for (const w of study.unfinished) io.err(warningLine(w));
  const name = variants[0].scenario.name;
  const json = eteJson(study);
  // The page's modules (charts, styles) load only when a page is asked for.
  const page = args.report === undefined ? null : await import('../../html/ete-report.js');
  // every file is staged before any is put in place: a failure leaves none of them
  const outputs = new Outputs();
  outputs.stageAll(() => {
    if (args.out !== undefined) {
      const texts = [eteCsv(study), json];
      files.forEach((file, i) => { outputs.add(file, texts[i]); });
    }
    if (args.report !== undefined && page !== null) outputs.add(args.report, page.renderEteReport(study, name));
  });
  io.out(args.json ? json : eteText(study, name));
  return 0;
}

function variantNames(text: string): string[] {
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--variants ${text}: a name is empty`);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new UsageError(`--variants ${text}: "${twice}" is named twice`);
  return names;
}

/** The zone specs of --zones, GeoJSON files read, each with the text it was given as; district when none is given. */
function zoneSpecs(given: string | string[] | undefined): { spec: ZoneSpec; text: string }[] {
  const texts = given === undefined ? ['district'] : ([] as string[]).concat(given);
  const twice = texts.find((text, i) => texts.indexOf(text) !== i);
  // The same zones again would only be repeated under prefixed names (district:North).
  if (twice !== undefined) throw new UsageError(`--zones ${twice} is given twice; give each zone spec once`);
  return texts.map((text) => {
    const spec = parseZoneSpec(text);
    if (spec.kind !== 'file') return { spec, text };
    let value: unknown;
    const content = readOptionFile('--zones', spec.path, 'a GeoJSON file');
    try {
      value = JSON.parse(content);
    } catch {
      // The line and column, in the words of scenario files; JSON.parse's own words quote the text, which may be any bytes.
      const problem = findJsonSyntaxProblem(content);
      const where = problem === null ? '' : `:${problem.line}:${problem.column}`;
      throw new UsageError(`--zones ${spec.path}${where}: not valid JSON${problem === null ? '' : `: ${problem.reason}`}`);
    }
    // As in a scenario file: JSON keeps only the last value of a key given twice.
    const [repeated] = duplicateJsonKeys(content, 1);
    if (repeated !== undefined) throw new UsageError(`--zones ${spec.path}: ${repeated || 'a key'}: this key is given twice; give it once (JSON would keep only the last value)`);
    return { spec: { kind: 'polygons', polygons: polygonsFromGeoJson(value, spec.path) }, text };
  });
}

#!/usr/bin/env python3
"""Hostile-input battery for the evacsim command line (run `npm run build` first).

Runs about 1,900 cases: every numeric field of a scenario using every feature set to
wrong types, NaN/Infinity, huge, negative and tiny values; structural problems
(empty networks, self-loops, duplicate and unknown ids, disconnected settlements);
extreme but valid scenarios; malformed JSON/JSONC/YAML, binary and deeply nested
files; directories, links, devices and /proc files as inputs; outputs that cannot
be written; and bad options of every command (--set, --design, --zones, --bbox,
--origin, --workers, --shard, OSM and PBF garbage). Flags: an exit code other than 2
for bad input, a stack trace or TypeError/RangeError/internal error text, a message
that does not name where the problem is, a hang (120 s), files changed or left
behind by a failed run. Run as a user other than root for the permission cases.

Usage: python3 scripts/hostile-battery.py [substring of case names]
Environment: JOBS (parallel cases, default 3), EXCLUDE (comma list of name prefixes).
Some flags are judgement calls (a message naming a field rather than the file); read them.
"""
import sys; sys.setrecursionlimit(20000)
import copy, json, os, re, shutil, subprocess, sys, tempfile, concurrent.futures as cf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAC = [os.environ.get('NODE', 'node'), ROOT + '/bin/evacsim.js']


def base_scenario():
    """scenarios/readme-example.jsonc with routing, traffic, weather, contraflow, control, background and a variant."""
    text = re.sub(r'//[^\n]*', '', open(ROOT + '/scenarios/readme-example.jsonc').read())
    o = json.loads(text)
    o['routing'] = {'mode': 'adaptive', 'periodSeconds': 120, 'smoothing': 0.5, 'iterations': 20, 'binSeconds': 300}
    o['traffic'] = {'jamSpacingM': 7.5, 'waveSpeedKmh': {'local': 20}}
    o['network']['roads'][0]['waveSpeedKmh'] = 18
    o['shelters'][0]['processingPerHour'] = 500
    o['hazards'] += [
        {'kind': 'weather', 'condition': 'light-rain', 'speedFactor': 0.8, 'capacityFactor': 0.9, 'from': '1h', 'until': '3h'},
        {'kind': 'contraflow', 'road': 'highway', 'from': '1h', 'until': '2h'},
        {'kind': 'control', 'roads': ['to-school'], 'from': '1h', 'until': '2h', 'capacityFactor': 0.5},
    ]
    o['background'] = [{'roads': ['highway'], 'vehiclesPerHour': 100, 'from': 0, 'until': '5h'}]
    o['variants'] = [{'name': 'rain', 'description': 'x', 'set': {'households.carShare': 0.5}}]
    return o


BASE = base_scenario()
WORK = tempfile.mkdtemp(prefix='battery-')
STACK = re.compile(r'^\s+at .*[(:]|TypeError|RangeError|ReferenceError|internal error|Unexpected token|\[object Object\]|undefined', re.M)
FILTER = sys.argv[1] if len(sys.argv) > 1 else ''


def run(args, cwd, timeout=120, stdin=subprocess.DEVNULL):
    try:
        p = subprocess.run(EVAC + args, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=stdin)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return 'TIMEOUT', (e.stdout or b'').decode() if isinstance(e.stdout, bytes) else (e.stdout or ''), ''


def snapshot(d):
    out = {}
    for dp, dn, fn in os.walk(d):
        for f in fn:
            p = os.path.join(dp, f)
            try:
                out[os.path.relpath(p, d)] = open(p, 'rb').read() if os.path.isfile(p) else None
            except Exception:
                out[os.path.relpath(p, d)] = None
        for x in dn:
            out[os.path.relpath(os.path.join(dp, x), d) + '/'] = 'dir'
    return out


class Case:
    def __init__(self, name, args, expect='bad', names=None, files=None, setup=None, timeout=120, protected=None, check=None):
        self.name, self.args, self.expect, self.names = name, args, expect, names
        self.files, self.setup, self.timeout, self.check = files or {}, setup, timeout, check


def execute(case):
    d = os.path.join(WORK, re.sub(r'[^A-Za-z0-9_.-]+', '_', case.name)[:80] + '-' + str(abs(hash(case.name)) % 10**6))
    os.makedirs(d)
    for fn, content in case.files.items():
        p = os.path.join(d, fn)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(content, (dict, list)):
            content = json.dumps(content, indent=1)
        open(p, 'wb' if isinstance(content, bytes) else 'w').write(content)
    if case.setup:
        case.setup(d)
    before = snapshot(d)
    rc, out, err = run(case.args, d, case.timeout)
    after = snapshot(d)
    problems = []
    if rc == 'TIMEOUT':
        problems.append('HANG')
    else:
        if case.expect == 'bad' and rc != 2:
            problems.append(f'exit {rc}, expected 2')
        if case.expect == 'ok' and rc not in (0, 1):
            problems.append(f'exit {rc}, expected 0/1')
        if case.expect == 'badorok' and rc not in (0, 1, 2):
            problems.append(f'exit {rc}')
        if STACK.search(err) or (rc != 0 and STACK.search(out)):
            problems.append('stack/internal error text')
        if rc == 2 and case.names and not re.search(case.names, err):
            problems.append(f'message does not name {case.names!r}')
        if rc == 2 or rc == 'TIMEOUT':
            changed = [k for k in set(before) | set(after) if before.get(k) != after.get(k)]
            if changed:
                problems.append(f'files changed on failure: {sorted(changed)[:6]}')
        if rc in (0, 1) and case.check:
            msg = case.check(out, err, d)
            if msg:
                problems.append(msg)
        tmp = [k for k in after if re.search(r'(^|/)\.[^/]*\.tmp|\.tmp-', k)]
        if tmp:
            problems.append(f'temp files left: {tmp[:4]}')
    shutil.rmtree(d, ignore_errors=True)
    return case, rc, out, err, problems


# ---------------------------------------------------------------- cases
cases = []


def sane_summary(out, err, d):
    try:
        s = json.loads(out)
    except Exception as e:
        return f'stdout not JSON: {e}'
    bad = []

    def walk(v, p):
        if isinstance(v, dict):
            for k, x in v.items():
                walk(x, f'{p}.{k}')
        elif isinstance(v, list):
            for i, x in enumerate(v):
                walk(x, f'{p}[{i}]')
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            if v != v or v in (float('inf'), float('-inf')):
                bad.append(p)
            if v < 0 and not re.search(r'delta|diff|min|lat|lon|x$|y$', p, re.I):
                bad.append(p + f'={v}')
    walk(s, '')
    people = s.get('people', {})
    if people:
        tot = sum(people.get(k, 0) for k in ('evacuated', 'waiting', 'inTransit', 'stayed', 'trapped'))
        if tot != people.get('told', tot) + people.get('shadow', 0) and tot != people.get('told'):
            bad.append(f'accounting {tot} vs told {people.get("told")}')
    return f'insane summary: {bad[:5]}' if bad else None


def setp(obj, path, value):
    parts = re.findall(r'[^.\[\]]+|\[\d+\]', path)
    o = obj
    for i, k in enumerate(parts):
        last = i == len(parts) - 1
        key = int(k[1:-1]) if k.startswith('[') else k
        if last:
            if value is DELETE:
                del o[key]
            else:
                o[key] = value
        else:
            o = o[key]


DELETE = object()
INF = 'INF_TOKEN'

numeric_fields = [
    'horizon', 'stuckSeconds', 'reportBinSeconds', 'seed',
    'network.nodes[0].lat', 'network.nodes[0].lon',
    'network.roads[0].lengthKm', 'network.roads[0].lanes', 'network.roads[0].speedKmh',
    'network.roads[0].capacityVehPerHour', 'network.roads[0].waveSpeedKmh',
    'settlements[0].population', 'settlements[2].mobilization.median',
    'shelters[0].capacity', 'shelters[0].processingPerHour',
    'households.size', 'households.carShare', 'shelterShare', 'shadowShare',
    'routing.periodSeconds', 'routing.smoothing', 'routing.iterations', 'routing.binSeconds',
    'traffic.jamSpacingM', 'traffic.waveSpeedKmh.local',
    'orders[0].at', 'orders[0].compliance', 'orders[0].mobilization.median', 'orders[0].mobilization.shape',
    'orders[1].withinKmOf.km', 'orders[1].withinKmOf.line[0][0]',
    'fleets[0].vehicles', 'fleets[0].seats', 'fleets[0].boardingSecondsPerPerson', 'fleets[0].from', 'fleets[0].pce',
    'hazards[0].from', 'hazards[0].until', 'hazards[1].factor', 'hazards[2].speedKmPerDay', 'hazards[2].maxDepthKm',
    'hazards[2].towards[0]', 'hazards[3].at', 'hazards[4].speedFactor', 'hazards[4].capacityFactor',
    'hazards[6].capacityFactor', 'background[0].vehiclesPerHour', 'background[0].until',
    'targets[0].min', 'targets[0].at', 'targets[1].max', 'targets[1].tolerance',
    'variants[0].set.households\\.carShare',
]
bad_values = [-1, 0, 'NaN', INF, -1e309, 1e300, 1.5, 'abc', True, None, [], {}, '1e3h', '-5m', '', 2**53, 5e-324]
for f in numeric_fields:
    for v in bad_values:
        s = copy.deepcopy(BASE)
        path = f
        if f.startswith('variants[0].set.'):
            s['variants'][0]['set']['households.carShare'] = v
            path = 'variants[0].set'
        elif f.startswith('routing') or f.startswith('traffic'):
            setp(s, f, v)
        else:
            setp(s, f, v)
        text = json.dumps(s, indent=1).replace('"INF_TOKEN"', '1e309')
        if v == -1e309:
            text = text.replace('-Infinity', '-1e309')
        top = re.escape(re.split(r'[.\[]', path)[0])
        cases.append(Case(f'field {f}={v!r}', ['run', 's.json', '--json'], expect='badorok',
                          names=top, files={'s.json': text}, check=sane_summary, timeout=120))
        # the same through variants/--variant too for a few
# deletions of required fields
for f in ['name', 'network', 'network.nodes', 'network.roads', 'settlements', 'shelters',
          'settlements[0].node', 'settlements[0].population', 'network.roads[0].from', 'fleets[0].depot', 'fleets[0].seats',
          'orders[0].at', 'hazards[0].roads', 'targets[0].metric']:
    s = copy.deepcopy(BASE)
    setp(s, f, DELETE)
    cases.append(Case(f'delete {f}', ['run', 's.json', '--json'], expect='badorok', names=re.escape(re.split(r'[.\[]', f)[0]),
                      files={'s.json': s}, check=sane_summary))

# YAML specials
for v in ['.nan', '.inf', '-.inf', '0x10', '1_000', '~', '!!binary aGVsbG8=', '2024-01-01', '*a', '&a 5', '!!js/function "x"', '1e400']:
    s = json.dumps(BASE, indent=1).replace('"population": 3000', f'"population": {v}')
    cases.append(Case(f'yaml population {v}', ['run', 's.yaml', '--json'], expect='badorok', names=r'settlements\[0\]|s\.yaml',
                      files={'s.yaml': s}, check=sane_summary))

# --------- structural / reference problems
def mk(mut):
    s = copy.deepcopy(BASE)
    mut(s)
    return s

struct = {
    'empty network': lambda s: s['network'].update(nodes=[], roads=[]),
    'no roads': lambda s: s['network'].update(roads=[]),
    'self-loop road': lambda s: s['network']['roads'].append({'id': 'loop', 'from': 'north', 'to': 'north'}),
    'self-loop only road of node': lambda s: (s['network']['nodes'].append({'id': 'iso', 'lat': 51.3, 'lon': 35.3}), s['network']['roads'].append({'id': 'loop', 'from': 'iso', 'to': 'iso', 'lengthKm': 1})),
    'duplicate node id': lambda s: s['network']['nodes'].append(dict(s['network']['nodes'][0])),
    'duplicate road id': lambda s: s['network']['roads'].append(dict(s['network']['roads'][0])),
    'duplicate settlement': lambda s: s['settlements'].append(dict(s['settlements'][0])),
    'duplicate shelter': lambda s: s['shelters'].append(dict(s['shelters'][0])),
    'duplicate fleet': lambda s: s['fleets'].append(dict(s['fleets'][0])),
    'duplicate variant': lambda s: s['variants'].append(dict(s['variants'][0])),
    'unknown node in road': lambda s: s['network']['roads'][0].update({'to': 'nowhere'}),
    'unknown node in settlement': lambda s: s['settlements'][0].update({'node': 'nowhere'}),
    'unknown settlement in order': lambda s: s['orders'][0].update({'settlements': ['nowhere']}),
    'unknown district in order': lambda s: s['orders'][0].update({'districts': ['nowhere']}),
    'unknown road in hazard': lambda s: s['hazards'][0].update({'roads': ['nowhere']}),
    'unknown road contraflow': lambda s: s['hazards'][5].update({'road': 'nowhere'}),
    'unknown depot': lambda s: s['fleets'][0].update({'depot': 'nowhere'}),
    'unknown serves': lambda s: s['fleets'][0].update({'serves': ['nowhere']}),
    'unknown capture node': lambda s: s['hazards'][3].update({'nodes': ['nowhere']}),
    'unknown background road': lambda s: s['background'][0].update({'roads': ['nowhere']}),
    'unknown target scope': lambda s: s['targets'][0].update({'scope': {'region': 'nowhere'}}),
    'unknown target metric': lambda s: s['targets'][0].update({'metric': 'nowhere.x'}),
    'disconnected settlement': lambda s: (s['network']['nodes'].append({'id': 'iso', 'lat': 51.3, 'lon': 35.3}), s['settlements'].append({'id': 'iso', 'node': 'iso', 'population': 10})),
    'no shelters': lambda s: s.update(shelters=[]),
    'no settlements': lambda s: s.update(settlements=[]),
    'variant set unknown path': lambda s: s['variants'][0].update(set={'nope.x': 1}),
    'variant set bad index': lambda s: s['variants'][0].update(set={'orders[99].compliance': 1}),
    'variant set to bad value': lambda s: s['variants'][0].update(set={'orders[*].compliance': 7}),
    'variant set network': lambda s: s['variants'][0].update(set={'network.roads[0].lanes': 'x'}),
    'variant set seed': lambda s: s['variants'][0].update(set={'seed': 1.5}),
    'variant set variants': lambda s: s['variants'][0].update(set={'variants': []}),
    'variant set proto': lambda s: s['variants'][0].update(set={'__proto__.x': 1}),
    'variant set constructor path': lambda s: s['variants'][0].update(set={'households.constructor': 1}),
    'variant name empty': lambda s: s['variants'][0].update(name=''),
    'variant name base': lambda s: s['variants'][0].update(name='base'),
    'node both xy and latlon': lambda s: s['network']['nodes'][0].update(x=1, y=2),
    'node no coords': lambda s: (s['network']['nodes'][0].pop('lat'), s['network']['nodes'][0].pop('lon')),
    'lat out of range': lambda s: s['network']['nodes'][0].update(lat=95),
    'mixed planar/latlon': lambda s: s['network']['nodes'][1].update(x=1, y=2) or s['network']['nodes'][1].pop('lat') or s['network']['nodes'][1].pop('lon'),
    'two nodes same place zero length': lambda s: (s['network']['nodes'].append({'id': 'twin', 'lat': 51.19, 'lon': 35.27}), s['network']['roads'].append({'id': 'tw', 'from': 'north', 'to': 'twin'})),
    'withinKmOf line one point': lambda s: s['orders'][1]['withinKmOf'].update(line=[[35.2, 51.0]]),
    'withinKmOf line repeated point': lambda s: s['orders'][1]['withinKmOf'].update(line=[[35.2, 51.0], [35.2, 51.0]]),
    'front line same points': lambda s: s['hazards'][2].update(line=[[35.1, 51.3], [35.1, 51.3]]),
    'front towards on line': lambda s: s['hazards'][2].update(towards=[35.3, 51.3]),
    'hazard until before from': lambda s: s['hazards'][0].update({'from': '5h', 'until': '3h'}),
    'start bad date': lambda s: s.update(start='2024-13-45T00:00:00Z'),
    'start no zone': lambda s: s.update(start='2024-01-01T00:00:00'),
    'instant date without start': lambda s: (s.pop('start'), s['orders'][0].update(at='2024-08-06T04:00:00+03:00')),
    'instant date before start': lambda s: s['orders'][0].update(at='2020-08-06T04:00:00+03:00'),
    'date year 275760': lambda s: s['orders'][0].update(at='+275760-09-13T00:00:00Z'),
    'mobilization max below median': lambda s: s['orders'][0]['mobilization'].update(max='1m'),
    'mobilization unknown kind': lambda s: s['orders'][0]['mobilization'].update(kind='gamma'),
    'timetable unsorted': lambda s: s['fleets'][0].update(mode='road', timetable=['5h', '1h']),
    'rail fleet on road network': lambda s: s['fleets'][0].update(mode='rail', headway='30m'),
    'fleet huge seats*vehicles': lambda s: s['fleets'][0].update(vehicles=1000000, seats=1000000),
    'households districts bad': lambda s: s['households'].update(districts={'Nowhere': {'carShare': 2}}),
    'ids with NUL and escapes': lambda s: s['settlements'][0].update(name='a\u0000\u001b[31mred\u202e'),
    'huge string id': lambda s: s['settlements'][0].update(name='x' * 5_000_000),
    'deep nesting in description': lambda s: s.update(description=json.loads('[' * 500 + ']' * 500)),
    'description number': lambda s: s.update(description=5),
    'top-level array': lambda s: s.clear(),
    'extra top key': lambda s: s.update(foo=1),
    'proto key': lambda s: s['households'].update({'__proto__': {'size': 1}}),
    'road rail mode w/o rail fleet': lambda s: s['network']['roads'][3].update(mode='rail'),
    'all roads rail': lambda s: [r.update(mode='rail') for r in s['network']['roads']],
    'oneway away from exit': lambda s: [r.update(oneway=True, **{'from': r['to'], 'to': r['from']}) for r in s['network']['roads']],
    'routing mode bad': lambda s: s['routing'].update(mode='teleport'),
    'equilibrium routing': lambda s: s['routing'].update(mode='equilibrium', iterations=200, binSeconds=1, periodSeconds=1),
    'free-flow routing': lambda s: s['routing'].update(mode='free-flow'),
    'targets scope two keys': lambda s: s['targets'][0].update(scope={'region': 'Kursk', 'district': 'North'}),
    'target min > max': lambda s: s['targets'][0].update(min=5, max=1),
}
for name, m in struct.items():
    s = mk(m)
    cases.append(Case('struct ' + name, ['run', 's.json', '--json'], expect='badorok', files={'s.json': s if name != 'top-level array' else []},
                      names=None, check=sane_summary))
    cases.append(Case('struct-validate ' + name, ['validate', 's.json'], expect='badorok', files={'s.json': s if name != 'top-level array' else []}))

# -------- extreme but valid
def extreme(m):
    s = copy.deepcopy(json.load(open(ROOT + '/scenarios/bottleneck.json')))
    m(s)
    return s

ext = {
    'road 1 m': lambda s: s['network']['roads'][1].update(lengthKm=0.001),
    'all roads 1 m': lambda s: [r.update(lengthKm=0.001) for r in s['network']['roads']],
    'capacity 1 veh/h': lambda s: s['network']['roads'][1].update(capacityVehPerHour=1),
    'capacity 1e-9': lambda s: s['network']['roads'][1].update(capacityVehPerHour=1e-9),
    'capacity 1e12': lambda s: s['network']['roads'][1].update(capacityVehPerHour=1e12),
    'lanes 20': lambda s: s['network']['roads'][1].update(lanes=20),
    'lanes 1e6': lambda s: s['network']['roads'][1].update(lanes=1000000),
    'speed 1e-6': lambda s: s['network']['roads'][1].update(speedKmh=1e-6),
    'speed 1e9': lambda s: s['network']['roads'][1].update(speedKmh=1e9),
    'wave 1e-6': lambda s: s['network']['roads'][1].update(waveSpeedKmh=1e-6),
    'length 1e6 km': lambda s: s['network']['roads'][1].update(lengthKm=1e6),
    'million people one node': lambda s: s['settlements'][0].update(population=1000000),
    'horizon 1 s': lambda s: s.update(horizon=1),
    'horizon 1e-9': lambda s: s.update(horizon=1e-9),
    'horizon 366d': lambda s: s.update(horizon='366d'),
    'reportBin 1 s horizon 1 s': lambda s: s.update(horizon=1, reportBinSeconds=1),
    'reportBin huge': lambda s: s.update(reportBinSeconds=1e12),
    'jamSpacing 1e-6': lambda s: s.update(traffic={'jamSpacingM': 1e-6}),
    'jamSpacing 1e6': lambda s: s.update(traffic={'jamSpacingM': 1e6}),
    'household size 1e9': lambda s: s['households'].update(size=1e9),
    'population 0': lambda s: s['settlements'][0].update(population=0),
    'population 1': lambda s: s['settlements'][0].update(population=1),
    'compliance 0': lambda s: s['orders'][0].update(compliance=0),
    'order at horizon': lambda s: s['orders'][0].update(at='6h'),
    'mobilization lognormal shape 10 huge median': lambda s: s['orders'][0].update(mobilization={'kind': 'lognormal', 'median': '300d', 'shape': 10}),
    'mobilization weibull 0.1': lambda s: s['orders'][0].update(mobilization={'kind': 'weibull', 'median': '1h', 'shape': 0.1}),
    'mobilization logistic': lambda s: s['orders'][0].update(mobilization={'kind': 'logistic', 'median': 1e-9, 'shape': 100}),
    'stuckSeconds tiny': lambda s: s.update(stuckSeconds=1e-300),
    'routing period tiny': lambda s: s.update(routing={'periodSeconds': 1e-300}),
    'equilibrium 200 iterations bin 1s': lambda s: s.update(routing={'mode': 'equilibrium', 'iterations': 200, 'binSeconds': 1e-9}),
    'equilibrium smoothing 1e-300': lambda s: s.update(routing={'mode': 'equilibrium', 'smoothing': 1e-300}),
    'equilibrium gap 0': lambda s: s.update(routing={'mode': 'equilibrium', 'gap': 0}),
    'zero-length horizon-long closure': lambda s: s.update(hazards=[{'kind': 'closure', 'roads': ['bottleneck'], 'from': 0}]),
    'slowdown tiny factor': lambda s: s.update(hazards=[{'kind': 'slowdown', 'roads': ['bottleneck'], 'from': 0, 'factor': 1e-300}]),
    'control factor tiny': lambda s: s.update(hazards=[{'kind': 'control', 'roads': ['bottleneck'], 'from': 0, 'capacityFactor': 1e-300}]),
    'weather factor tiny': lambda s: s.update(hazards=[{'kind': 'weather', 'from': 0, 'speedFactor': 1e-300, 'capacityFactor': 1e-300}]),
    'background huge': lambda s: s.update(background=[{'roads': ['bottleneck'], 'vehiclesPerHour': 1e300}]),
    'background tiny': lambda s: s.update(background=[{'roads': ['bottleneck'], 'vehiclesPerHour': 1e-300}]),
    'fleet 1 seat huge boarding': lambda s: s.update(fleets=[{'id': 'b', 'depot': 'safe', 'vehicles': 1, 'seats': 1, 'boardingSecondsPerPerson': 1e300}], households={'size': 1, 'carShare': 0}),
    'fleet headway tiny': lambda s: s.update(fleets=[{'id': 'b', 'depot': 'safe', 'vehicles': 1, 'seats': 1, 'headway': 1e-300}], households={'size': 1, 'carShare': 0}),
    'shelter processing tiny': lambda s: s['shelters'][0].update(processingPerHour=1e-300),
    'shelter capacity 0': lambda s: s['shelters'][0].update(capacity=0),
    'front speed huge': lambda s: s.update(hazards=[{'kind': 'front', 'line': [[0, 100], [6500, 100]], 'speedKmPerDay': 1e300, 'maxDepthKm': 1e300, 'from': 0}]),
    'front speed tiny': lambda s: s.update(hazards=[{'kind': 'front', 'line': [[0, 100], [6500, 100]], 'speedKmPerDay': 1e-300, 'maxDepthKm': 1, 'from': 0}]),
    'coords huge': lambda s: [n.update(x=n['x'] * 1e300) for n in s['network']['nodes']],
    'coords 1e308 apart no length': lambda s: (s['network']['nodes'][1].update(x=1e308), s['network']['roads'][0].pop('lengthKm')),
    'withinKmOf huge': lambda s: s['orders'][0].update(withinKmOf={'line': [[0, 0], [1, 1]], 'km': 1e300}),
    'tolerance huge': lambda s: s['targets'][0].update(tolerance=1e300),
}
for name, m in ext.items():
    cases.append(Case('extreme ' + name, ['run', 's.json', '--json'], expect='badorok', files={'s.json': extreme(m)}, check=sane_summary, timeout=120))

# -------- malformed files
base_text = json.dumps(BASE, indent=1)
malformed = {
    'trunc.json': base_text[:len(base_text) // 2],
    'empty.json': '',
    'ws.json': '   \n',
    'null.json': 'null',
    'num.json': '42',
    'str.json': '"x"',
    'bom2.json': '\ufeff\ufeff' + base_text,
    'trailing.json': base_text + ',',
    'twodocs.json': base_text + base_text,
    'comments.json': '// c\n' + base_text,
    'bad.jsonc': '/* unterminated ' + base_text,
    'jsonc-trailing-comma.jsonc': base_text[:-2] + ',\n}',
    'nul.json': base_text.replace('"name"', '"na\u0000me"', 1),
    'bin.json': bytes(range(256)) * 10,
    'latin1.json': base_text.replace('Northtown', 'Nörthtown').encode('latin-1'),
    'utf16.json': base_text.encode('utf-16'),
    'deep.json': '[' * 100000 + ']' * 100000,
    'deep-obj.json': '{"a":' * 50000 + '1' + '}' * 50000,
    'deep.yaml': '[' * 100000 + ']' * 100000,
    'bad.yaml': 'name: x\n  - a\n: :',
    'tab.yaml': 'name: x\n\tnetwork: 1',
    'alias-bomb.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    'merge-key.yaml': 'base: &b {size: 2}\nname: x\nhouseholds:\n  <<: *b\n',
    'yaml-tags.yaml': 'name: !!python/object:os.system x\n',
    'yaml-dupkey.yaml': 'name: a\nname: b\n',
    'yaml-list.yaml': '- 1\n- 2\n',
    'yaml-scalar.yaml': 'hello\n',
    'yaml-empty.yaml': '',
    'yaml-comment-only.yaml': '# nothing\n',
    'yaml-bigint.yaml': base_text.replace('"population": 3000', '"population": 123456789012345678901234567890'),
    'longline.json': '{"name": "' + 'a' * 20_000_000 + '"}',
    'unknown-ext.txt': base_text,
    'noext': base_text,
    'json-proto.json': '{"__proto__": {"x": 1}, "name": "a"}',
    'json-dupkey-deep.json': base_text.replace('"lanes": 1,', '"lanes": 1, "lanes": 2,', 1),
    'lone-surrogate.json': base_text.replace('Northtown', '\\ud800'),
}
for fn, content in malformed.items():
    for cmd in (['validate'], ['run', '--json'], ['network', '--json'], ['ete'], ['export', 'geojson'], ['sweep', '--dry-run', '--set', 'households.carShare=0.5,0.6'], ['calibrate', '--dry-run', '--free', 'households.carShare=0.5:0.6']):
        args = (cmd[:2] if cmd[0] == 'export' else cmd[:1]) + [fn] + (cmd[2:] if cmd[0] == 'export' else cmd[1:])
        cases.append(Case(f'malformed {fn} {cmd[0]}', args, expect='badorok', names=re.escape(fn), files={fn: content}, timeout=120))

# -------- special files
def mkdir_named(d):
    os.makedirs(os.path.join(d, 'dir.json'))

def unreadable(d):
    open(os.path.join(d, 'u.json'), 'w').write(base_text)
    os.chmod(os.path.join(d, 'u.json'), 0)

def dangling(d):
    os.symlink('/nonexistent/x.json', os.path.join(d, 'l.json'))

def loop(d):
    os.symlink('loop.json', os.path.join(d, 'loop.json'))

for cmd in ('validate', 'run', 'network', 'ete', 'sweep', 'calibrate'):
    extra = {'sweep': ['--dry-run', '--set', 'households.carShare=0.5'], 'calibrate': ['--dry-run', '--free', 'households.carShare=0.5:0.6']}.get(cmd, [])
    cases.append(Case(f'dir as scenario {cmd}', [cmd, 'dir.json'] + extra, names='dir.json', setup=mkdir_named))
    cases.append(Case(f'missing scenario {cmd}', [cmd, 'missing.json'] + extra, names='missing.json'))
    cases.append(Case(f'dangling link {cmd}', [cmd, 'l.json'] + extra, names='l.json', setup=dangling))
    cases.append(Case(f'link loop {cmd}', [cmd, 'loop.json'] + extra, names='loop.json', setup=loop))
    cases.append(Case(f'devnull {cmd}', [cmd, '/dev/null'] + extra, names='/dev/null'))
    cases.append(Case(f'proc file {cmd}', [cmd, '/proc/self/status'] + extra, names='/proc/self/status'))
    cases.append(Case(f'unreadable (as nobody) {cmd}', [cmd, 'u.json'] + extra, names='u.json', setup=unreadable))
cases.append(Case('export dir', ['export', 'geojson', 'dir.json'], names='dir.json', setup=mkdir_named))

# -------- output targets
ok_files = {'s.json': BASE, 'existing/summary.json': 'KEEP'}
for cmd, outargs in [
    (['run', 's.json'], ['--out', 'missing/deep/out']),  # allowed? creates folders
]:
    pass
out_cases = [
    ('run out under file', ['run', 's.json', '--out', 's.json/x'], 'bad', r'--out|s\.json'),
    ('run report in missing dir', ['run', 's.json', '--report', 'nodir/x/r.html'], 'badorok', None),
    ('run report dir', ['run', 's.json', '--report', 'existing'], 'bad', 'existing'),
    ('run out existing keep', ['run', 's.json', '--out', 'existing', '--report', '/dev/full'], 'bad', '/dev/full'),
    ('run report /proc', ['run', 's.json', '--report', '/proc/self/r.html'], 'bad', '/proc'),
    ('run report /sys', ['run', 's.json', '--report', '/sys/r.html'], 'bad', '/sys'),
    ('run out /proc', ['run', 's.json', '--out', '/proc/self/x'], 'bad', '/proc'),
    ('run out on file', ['run', 's.json', '--out', 'existing/summary.json'], 'bad', 'summary.json'),
    ('run out empty', ['run', 's.json', '--out='], 'bad', '--out'),
    ('ete out under file', ['ete', 's.json', '--out', 's.json/x'], 'bad', r's\.json'),
    ('ete report dir', ['ete', 's.json', '--report', 'existing'], 'bad', 'existing'),
    ('ete out /proc', ['ete', 's.json', '--out', '/proc/self/x'], 'bad', '/proc'),
    ('export out dir', ['export', 'geojson', 's.json', '--out', 'existing'], 'bad', 'existing'),
    ('export out under file', ['export', 'geojson', 's.json', '--out', 's.json/x.geojson'], 'bad', r's\.json'),
    ('export out /dev/full', ['export', 'geojson', 's.json', '--out', '/dev/full'], 'bad', '/dev/full'),
    ('export out input', ['export', 'geojson', 's.json', '--out', './s.json'], 'bad', r's\.json'),
    ('export results out /proc', ['export', 'geojson', 's.json', '--results', '--out', '/proc/self/x.geojson'], 'bad', '/proc'),
    ('generate out dir', ['generate', 'grid', '--people', '100', '--out', 'existing'], 'bad', 'existing'),
    ('generate out /dev/full', ['generate', 'grid', '--people', '100', '--out', '/dev/full'], 'bad', '/dev/full'),
    ('generate out /proc', ['generate', 'grid', '--people', '100', '--out', '/proc/self/x.json'], 'bad', '/proc'),
    ('generate out under file', ['generate', 'grid', '--people', '100', '--out', 's.json/x.json'], 'bad', r's\.json'),
    ('generate out existing scenario overwritten?', ['generate', 'grid', '--people', 'abc', '--out', 's.json'], 'bad', '--people'),
    ('sweep out file', ['sweep', 's.json', '--set', 'households.carShare=0.5', '--out', 's.json'], 'bad', r's\.json'),
    ('sweep out /proc', ['sweep', 's.json', '--set', 'households.carShare=0.5', '--out', '/proc/self/x'], 'bad', '/proc'),
    ('sweep out existing files', ['sweep', 's.json', '--set', 'households.carShare=0.5', '--out', 'existing'], 'bad', 'existing'),
    ('calibrate out file', ['calibrate', 's.json', '--free', 'households.carShare=0.5:0.6', '--out', 's.json'], 'bad', r's\.json'),
    ('merge out missing shards', ['merge', 'nope1', 'nope2', '--out', 'm'], 'bad', 'nope1'),
    ('merge shard is file', ['merge', 's.json', '--out', 'm'], 'bad', r's\.json'),
    ('merge shard empty dir', ['merge', 'existing', '--out', 'm'], 'bad', 'existing'),
    ('run stdout /dev/full', ['run', 's.json', '--json'], 'ok', None),
]
for name, args, exp, names in out_cases:
    cases.append(Case(name, args, expect=exp, names=names, files=dict(ok_files), timeout=120))

# unwritable dirs need a non-root user: run through setpriv
def ro_setup(d):
    os.makedirs(os.path.join(d, 'ro'))
    open(os.path.join(d, 'ro', 'keep.txt'), 'w').write('x')
    os.chmod(os.path.join(d, 'ro'), 0o555)
    os.chmod(d, 0o777)
    os.chmod(WORK, 0o777)
    open(os.path.join(d, 's.json'), 'w').write(base_text)
    os.chmod(os.path.join(d, 's.json'), 0o644)

# --------- CLI option abuse
opt_cases = [
    ('run seed NaN', ['run', 's.json', '--seed', 'NaN'], '--seed'),
    ('run seed Infinity', ['run', 's.json', '--seed', 'Infinity'], '--seed'),
    ('run seed -1', ['run', 's.json', '--seed=-1'], '--seed'),
    ('run seed hex', ['run', 's.json', '--seed', '0x10'], None),
    ('run seed 1e3', ['run', 's.json', '--seed', '1e3'], None),
    ('run seed array', ['run', 's.json', '--seed', '1', '--seed', '2'], '--seed'),
    ('run variant unknown', ['run', 's.json', '--variant', 'nope'], 'nope'),
    ('run variant empty', ['run', 's.json', '--variant='], '--variant'),
    ('run baseline missing', ['run', 's.json', '--report', 'r.html', '--baseline', 'nope.json'], 'nope.json'),
    ('run baseline dir', ['run', 's.json', '--report', 'r.html', '--baseline', 'existing'], 'existing'),
    ('run baseline without report', ['run', 's.json', '--baseline', 's.json'], '--baseline'),
    ('run baseline garbage', ['run', 's.json', '--report', 'r.html', '--baseline', 'existing/summary.json'], 'summary.json'),
    ('run unknown flag', ['run', 's.json', '--frobnicate'], '--frobnicate'),
    ('run short flag', ['run', 's.json', '-x'], '-x'),
    ('run json=value', ['run', 's.json', '--json=maybe'], '--json'),
    ('run quiet=2', ['run', 's.json', '--quiet=2'], '--quiet'),
    ('run dotted option', ['run', 's.json', '--seed.x', '1'], 'seed'),
    ('run proto option', ['run', 's.json', '--__proto__', '1'], '__proto__'),
    ('run constructor option', ['run', 's.json', '--constructor.prototype.x', '1'], 'constructor'),
    ('run allow-large value', ['run', 's.json', '--allow-large', 'yes'], None),
    ('network quiet value', ['network', 's.json', '--json=1'], '--json'),
    ('ete replications 0', ['ete', 's.json', '--replications', '0'], '--replications'),
    ('ete replications -1', ['ete', 's.json', '--replications=-1'], '--replications'),
    ('ete replications 1.5', ['ete', 's.json', '--replications', '1.5'], '--replications'),
    ('ete replications NaN', ['ete', 's.json', '--replications', 'NaN'], '--replications'),
    ('ete replications Infinity', ['ete', 's.json', '--replications', 'Infinity'], '--replications'),
    ('ete variants unknown', ['ete', 's.json', '--variants', 'nope'], 'nope'),
    ('ete variants empty item', ['ete', 's.json', '--variants', 'base,,rain'], '--variants'),
    ('ete variants dup', ['ete', 's.json', '--variants', 'base,base'], '--variants'),
    ('ete zones garbage', ['ete', 's.json', '--zones', 'blah'], 'blah'),
    ('ete zones rings empty', ['ete', 's.json', '--zones', 'rings:'], 'rings'),
    ('ete zones rings neg', ['ete', 's.json', '--zones', 'rings:-5km@north'], 'rings'),
    ('ete zones rings NaN', ['ete', 's.json', '--zones', 'rings:NaNkm@north'], 'rings'),
    ('ete zones rings inf', ['ete', 's.json', '--zones', 'rings:Infinitykm@north'], 'rings'),
    ('ete zones rings 1e400', ['ete', 's.json', '--zones', 'rings:1e400km@north'], 'rings'),
    ('ete zones rings 0', ['ete', 's.json', '--zones', 'rings:0km@north'], 'rings'),
    ('ete zones rings unknown node', ['ete', 's.json', '--zones', 'rings:5km@nowhere'], 'nowhere'),
    ('ete zones rings unsorted', ['ete', 's.json', '--zones', 'rings:10,5km@north'], 'rings'),
    ('ete zones rings many', ['ete', 's.json', '--zones', 'rings:' + ','.join(str(i) for i in range(1, 5000)) + 'km@north'], 'rings'),
    ('ete zones line one point', ['ete', 's.json', '--zones', 'rings:5km@line:35.2,51.0'], 'rings'),
    ('ete zones missing geojson', ['ete', 's.json', '--zones', 'z.geojson'], 'z.geojson'),
    ('ete zones garbage geojson', ['ete', 's.json', '--zones', 'existing/summary.json'], 'summary.json'),
    ('ete zones geojson bad', ['ete', 's.json', '--zones', 'bad.geojson'], 'bad.geojson'),
    ('ete zones geojson empty fc', ['ete', 's.json', '--zones', 'empty.geojson'], 'empty.geojson'),
    ('ete zones geojson open ring', ['ete', 's.json', '--zones', 'open.geojson'], 'open.geojson'),
    ('ete zones geojson nan coords', ['ete', 's.json', '--zones', 'nan.geojson'], 'nan.geojson'),
    ('ete zones geojson point', ['ete', 's.json', '--zones', 'point.geojson'], 'point.geojson'),
    ('ete end bad', ['ete', 's.json', '--end', 'x'], '--end'),
    ('ete seed bad', ['ete', 's.json', '--seed', '1.5'], '--seed'),
    ('sweep set no =', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare'], 'households.carShare'),
    ('sweep set empty values', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare='], 'households.carShare'),
    ('sweep set empty path', ['sweep', 's.json', '--dry-run', '--set', '=1,2'], '--set'),
    ('sweep set wrong type', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=abc,def'], 'households.carShare'),
    ('sweep set bool on number', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=true'], 'households.carShare'),
    ('sweep set out of range', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=2'], 'households.carShare'),
    ('sweep set NaN', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=NaN'], 'households.carShare'),
    ('sweep set Infinity', ['sweep', 's.json', '--dry-run', '--set', 'network.roads[0].lengthKm=Infinity'], 'lengthKm'),
    ('sweep set 1e400', ['sweep', 's.json', '--dry-run', '--set', 'network.roads[0].lengthKm=1e400'], 'lengthKm'),
    ('sweep set lanes 1.5', ['sweep', 's.json', '--dry-run', '--set', 'network.roads[0].lanes=1.5'], 'lanes'),
    ('sweep set range zero step', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=0.1:0.5:0'], 'households.carShare'),
    ('sweep set range neg step', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=0.5:0.1:0.1'], 'households.carShare'),
    ('sweep set range tiny step', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=0:1:1e-12'], 'households.carShare'),
    ('sweep set range NaN', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=0:NaN:0.1'], 'households.carShare'),
    ('sweep set range Infinity', ['sweep', 's.json', '--dry-run', '--set', 'horizon=1h:Infinity:1h'], 'horizon'),
    ('sweep set range dur mixed', ['sweep', 's.json', '--dry-run', '--set', 'horizon=1h:5:1h'], 'horizon'),
    ('sweep set range 4 parts', ['sweep', 's.json', '--dry-run', '--set', 'horizon=1h:2h:1h:5'], 'horizon'),
    ('sweep set unknown path', ['sweep', 's.json', '--dry-run', '--set', 'nope.x=1'], 'nope'),
    ('sweep set index oob', ['sweep', 's.json', '--dry-run', '--set', 'orders[99].compliance=1'], r'orders\[99\]'),
    ('sweep set index neg', ['sweep', 's.json', '--dry-run', '--set', 'orders[-1].compliance=1'], 'orders'),
    ('sweep set index huge', ['sweep', 's.json', '--dry-run', '--set', 'orders[99999999999999999999].compliance=1'], 'orders'),
    ('sweep set bad bracket', ['sweep', 's.json', '--dry-run', '--set', 'orders[.compliance=1'], 'orders'),
    ('sweep set filter no match', ['sweep', 's.json', '--dry-run', '--set', 'settlements[district=Nope].population=1'], 'Nope'),
    ('sweep set proto', ['sweep', 's.json', '--dry-run', '--set', '__proto__.x=1'], '__proto__'),
    ('sweep set constructor', ['sweep', 's.json', '--dry-run', '--set', 'households.constructor=1'], 'constructor'),
    ('sweep set object', ['sweep', 's.json', '--dry-run', '--set', 'households=1'], 'households'),
    ('sweep set seed', ['sweep', 's.json', '--dry-run', '--set', 'seed=1,2'], 'seed'),
    ('sweep set name', ['sweep', 's.json', '--dry-run', '--set', 'name=a,b'], None),
    ('sweep set id to dup', ['sweep', 's.json', '--dry-run', '--set', 'settlements[0].id=south'], 'settlements'),
    ('sweep set node ref', ['sweep', 's.json', '--dry-run', '--set', 'settlements[0].node=nowhere'], 'nowhere'),
    ('sweep set network geojson', ['sweep', 's.json', '--dry-run', '--set', 'network.geojson=/etc/passwd'], 'network'),
    ('sweep set huge list', ['sweep', 's.json', '--dry-run', '--set', 'households.carShare=' + ','.join(['0.5'] * 10000)], None),
    ('sweep grid huge', ['sweep', 's.json', '--dry-run'] + sum([['--set', f'orders[{i%2}].compliance=' + ','.join(str(x / 1000) for x in range(1000))] for i in range(1)], []) + ['--set', 'households.carShare=' + ','.join(str(x / 10000) for x in range(1000))] + ['--set', 'shadowShare=' + ','.join(str(x / 10000) for x in range(1000))], '10'),
    ('sweep design missing', ['sweep', 's.json', '--dry-run', '--design', 'nope.csv'], 'nope.csv'),
    ('sweep design garbage', ['sweep', 's.json', '--dry-run', '--design', 'garbage.csv'], 'garbage.csv'),
    ('sweep design empty', ['sweep', 's.json', '--dry-run', '--design', 'empty.csv'], 'empty.csv'),
    ('sweep design header only', ['sweep', 's.json', '--dry-run', '--design', 'header.csv'], 'header.csv'),
    ('sweep design ragged', ['sweep', 's.json', '--dry-run', '--design', 'ragged.csv'], 'ragged.csv'),
    ('sweep design text value', ['sweep', 's.json', '--dry-run', '--design', 'text.csv'], 'text.csv'),
    ('sweep design NaN', ['sweep', 's.json', '--dry-run', '--design', 'nan.csv'], 'nan.csv'),
    ('sweep design unknown path', ['sweep', 's.json', '--dry-run', '--design', 'unk.csv'], 'unk.csv'),
    ('sweep design dup col', ['sweep', 's.json', '--dry-run', '--design', 'dup.csv'], 'dup.csv'),
    ('sweep design quoted', ['sweep', 's.json', '--dry-run', '--design', 'quoted.csv'], 'quoted.csv'),
    ('sweep design dir', ['sweep', 's.json', '--dry-run', '--design', 'existing'], 'existing'),
    ('sweep design binary', ['sweep', 's.json', '--dry-run', '--design', 'bin.csv'], 'bin.csv'),
    ('sweep design semicolon', ['sweep', 's.json', '--dry-run', '--design', 'semi.csv'], 'semi.csv'),
    ('sweep design with set', ['sweep', 's.json', '--dry-run', '--design', 'ok.csv', '--set', 'shadowShare=0.1'], '--set'),
    ('sweep design lhs no set', ['sweep', 's.json', '--dry-run', '--design', 'lhs'], '--set'),
    ('sweep design lhs samples 0', ['sweep', 's.json', '--dry-run', '--design', 'lhs', '--samples', '0', '--set', 'households.carShare=0:1:0.1'], '--samples'),
    ('sweep design lhs list', ['sweep', 's.json', '--dry-run', '--design', 'lhs', '--set', 'households.carShare=0.1,0.5'], None),
    ('sweep design lhs samples huge', ['sweep', 's.json', '--dry-run', '--design', 'lhs', '--samples', '1e12', '--set', 'households.carShare=0:1:0.1'], '--samples'),
    ('sweep sobol list', ['sweep', 's.json', '--dry-run', '--method', 'sobol', '--set', 'households.carShare=0.1,0.5'], None),
    ('sweep sobol one param', ['sweep', 's.json', '--dry-run', '--method', 'sobol', '--set', 'households.carShare=0:1:0.1'], None),
    ('sweep sobol samples NaN', ['sweep', 's.json', '--dry-run', '--method', 'sobol', '--samples', 'NaN', '--set', 'households.carShare=0:1:0.1'], '--samples'),
    ('sweep morris traj 1e9', ['sweep', 's.json', '--dry-run', '--method', 'morris', '--trajectories', '1e9', '--set', 'households.carShare=0:1:0.1'], '--trajectories'),
    ('sweep morris no set', ['sweep', 's.json', '--dry-run', '--method', 'morris'], '--set'),
    ('sweep method + design', ['sweep', 's.json', '--dry-run', '--method', 'morris', '--design', 'lhs', '--set', 'households.carShare=0:1:0.1'], None),
    ('sweep no set', ['sweep', 's.json', '--dry-run'], None),
    ('sweep workers -1', ['sweep', 's.json', '--dry-run', '--workers=-1', '--set', 'households.carShare=0.5'], '--workers'),
    ('sweep workers 1e9', ['sweep', 's.json', '--out', 'o', '--workers', '1e9', '--set', 'households.carShare=0.5'], '--workers'),
    ('sweep workers 1.5', ['sweep', 's.json', '--dry-run', '--workers', '1.5', '--set', 'households.carShare=0.5'], '--workers'),
    ('sweep shard bad', ['sweep', 's.json', '--dry-run', '--shard', '3/2', '--set', 'households.carShare=0.5'], '--shard'),
    ('sweep shard 0/0', ['sweep', 's.json', '--dry-run', '--shard', '0/0', '--set', 'households.carShare=0.5'], '--shard'),
    ('sweep shard x', ['sweep', 's.json', '--dry-run', '--shard', 'x', '--set', 'households.carShare=0.5'], '--shard'),
    ('sweep shard 1.5/2', ['sweep', 's.json', '--dry-run', '--shard', '0.5/2', '--set', 'households.carShare=0.5'], '--shard'),
    ('sweep shard huge', ['sweep', 's.json', '--dry-run', '--shard', '0/1e30', '--set', 'households.carShare=0.5'], '--shard'),
    ('sweep ci-width 0', ['sweep', 's.json', '--dry-run', '--ci-width', '0', '--set', 'households.carShare=0.5'], '--ci-width'),
    ('sweep ci-width -1', ['sweep', 's.json', '--dry-run', '--ci-width=-1', '--set', 'households.carShare=0.5'], '--ci-width'),
    ('sweep ci-width NaN', ['sweep', 's.json', '--dry-run', '--ci-width', 'NaN', '--set', 'households.carShare=0.5'], '--ci-width'),
    ('sweep ci-width Inf', ['sweep', 's.json', '--dry-run', '--ci-width', 'Infinity', '--set', 'households.carShare=0.5'], None),
    ('sweep compare-to oob', ['sweep', 's.json', '--dry-run', '--compare-to', '5', '--set', 'households.carShare=0.5,0.6'], '--compare-to'),
    ('sweep compare-to neg', ['sweep', 's.json', '--dry-run', '--compare-to=-1', '--set', 'households.carShare=0.5,0.6'], '--compare-to'),
    ('sweep compare-to 0.5', ['sweep', 's.json', '--dry-run', '--compare-to', '0.5', '--set', 'households.carShare=0.5,0.6'], '--compare-to'),
    ('sweep metric unknown', ['sweep', 's.json', '--dry-run', '--metric', 'nope.x', '--set', 'households.carShare=0.5'], 'nope'),
    ('sweep metric empty', ['sweep', 's.json', '--dry-run', '--metric', '', '--set', 'households.carShare=0.5'], '--metric'),
    ('sweep metric evacuatedAt garbage', ['sweep', 's.json', '--dry-run', '--metric', 'evacuatedAt(xyz)', '--set', 'households.carShare=0.5'], 'evacuatedAt'),
    ('sweep metric evacuatedAt neg', ['sweep', 's.json', '--dry-run', '--metric', 'evacuatedAt(-5)', '--set', 'households.carShare=0.5'], 'evacuatedAt'),
    ('sweep metric ete bad', ['sweep', 's.json', '--dry-run', '--metric', 'ete.nozone.cars.p90', '--set', 'households.carShare=0.5'], 'ete'),
    ('sweep metric settlements bad id', ['sweep', 's.json', '--dry-run', '--metric', 'settlements[id=nope].evacuated', '--set', 'households.carShare=0.5'], 'nope'),
    ('sweep metric proto', ['sweep', 's.json', '--dry-run', '--metric', '__proto__.x', '--set', 'households.carShare=0.5'], '__proto__'),
    ('sweep metric targets oob', ['sweep', 's.json', '--dry-run', '--metric', 'targets[9].actual', '--set', 'households.carShare=0.5'], 'targets'),
    ('sweep resume no out', ['sweep', 's.json', '--resume', '--set', 'households.carShare=0.5'], '--out'),
    ('sweep resume garbage folder', ['sweep', 's.json', '--resume', '--out', 'garbagesweep', '--set', 'households.carShare=0.5'], 'garbagesweep'),
    ('sweep format bad', ['sweep', 's.json', '--dry-run', '--format', 'xml', '--set', 'households.carShare=0.5'], '--format'),
    ('sweep replications 1e400', ['sweep', 's.json', '--dry-run', '--replications', '1e400', '--set', 'households.carShare=0.5'], '--replications'),
    ('calibrate free bad', ['calibrate', 's.json', '--dry-run', '--free', 'households.carShare=0.5'], '--free'),
    ('calibrate free NaN', ['calibrate', 's.json', '--dry-run', '--free', 'households.carShare=NaN:1'], '--free|carShare'),
    ('calibrate free Infinity', ['calibrate', 's.json', '--dry-run', '--free', 'network.roads[0].lengthKm=1:Infinity'], 'lengthKm|--free'),
    ('calibrate free dur', ['calibrate', 's.json', '--dry-run', '--free', 'horizon=1h:xyz'], 'horizon'),
    ('calibrate free text field', ['calibrate', 's.json', '--dry-run', '--free', 'name=1:2'], 'name'),
    ('calibrate free lanes', ['calibrate', 's.json', '--dry-run', '--free', 'network.roads[0].lanes=1:3'], None),
    ('calibrate free unknown', ['calibrate', 's.json', '--dry-run', '--free', 'nope=1:2'], 'nope'),
    ('calibrate no free', ['calibrate', 's.json', '--dry-run'], '--free'),
    ('calibrate set', ['calibrate', 's.json', '--dry-run', '--free', 'households.carShare=0.5:0.6', '--set', 'shadowShare=0.1'], '--set'),
    ('calibrate samples 0', ['calibrate', 's.json', '--dry-run', '--free', 'households.carShare=0.5:0.6', '--samples', '0'], '--samples'),
    ('calibrate samples 1e12', ['calibrate', 's.json', '--dry-run', '--free', 'households.carShare=0.5:0.6', '--samples', '1e12'], '--samples'),
    ('calibrate no targets', ['calibrate', 'nt.json', '--dry-run', '--free', 'households.carShare=0.5:0.6'], 'target'),
    ('generate people -1', ['generate', 'grid', '--people=-1'], '--people'),
    ('generate people NaN', ['generate', 'grid', '--people', 'NaN'], '--people'),
    ('generate people 1.5', ['generate', 'grid', '--people', '1.5'], '--people'),
    ('generate people 1e9', ['generate', 'grid', '--people', '1e9'], '--people'),
    ('generate people 0', ['generate', 'grid', '--people', '0', '--out', 'g.json'], None),
    ('generate side 2', ['generate', 'grid', '--side', '2'], '--side'),
    ('generate side NaN', ['generate', 'grid', '--side', 'NaN'], '--side'),
    ('generate side 3.5', ['generate', 'grid', '--side', '3.5'], '--side'),
    ('generate seed -1', ['generate', 'grid', '--seed=-1'], '--seed'),
    ('generate kind', ['generate', 'blob'], 'blob'),
    ('generate region tiny people', ['generate', 'region', '--people', '1', '--side', '3', '--out', 'g.json'], None),
    ('generate corridor 1 person', ['generate', 'corridor', '--people', '1', '--out', 'g.json'], None),
    ('generate grid side 3 many', ['generate', 'grid', '--people', '100000000', '--side', '3', '--out', 'g.json'], None),
    ('import missing', ['import', 'osm', 'nope.osm'], 'nope.osm'),
    ('import dir', ['import', 'osm', 'existing'], 'existing'),
    ('import garbage osm', ['import', 'osm', 'garbage.osm'], 'garbage.osm'),
    ('import empty osm', ['import', 'osm', 'empty.osm'], 'empty.osm'),
    ('import osm no ways', ['import', 'osm', 'noways.osm'], 'noways.osm'),
    ('import osm bad coords', ['import', 'osm', 'badcoords.osm'], 'badcoords.osm'),
    ('import osm nan coords', ['import', 'osm', 'nancoords.osm'], 'nancoords.osm'),
    ('import osm way missing node', ['import', 'osm', 'missingnode.osm'], 'missingnode.osm'),
    ('import osm deep nesting', ['import', 'osm', 'deep.osm'], 'deep.osm'),
    ('import osm json', ['import', 'osm', 'osm.json'], 'osm.json'),
    ('import garbage pbf', ['import', 'osm', 'garbage.osm.pbf'], 'garbage.osm.pbf'),
    ('import truncated pbf', ['import', 'osm', 'trunc.osm.pbf'], 'trunc.osm.pbf'),
    ('import empty pbf', ['import', 'osm', 'empty.osm.pbf'], 'empty.osm.pbf'),
    ('import pbf bitflip', ['import', 'osm', 'flip.osm.pbf'], 'flip.osm.pbf'),
    ('import xml as pbf', ['import', 'osm', 'xml.osm.pbf'], 'xml.osm.pbf'),
    ('import pbf as xml', ['import', 'osm', 'pbf.osm'], 'pbf.osm'),
    ('import bbox bad', ['import', 'osm', 'town.osm', '--bbox', '1,2,3'], '--bbox'),
    ('import bbox inverted', ['import', 'osm', 'town.osm', '--bbox', '40,50,30,40'], '--bbox'),
    ('import bbox nan', ['import', 'osm', 'town.osm', '--bbox', 'NaN,1,2,3'], '--bbox'),
    ('import bbox out of globe', ['import', 'osm', 'town.osm', '--bbox', '0,0,500,500'], '--bbox'),
    ('import bbox empty area', ['import', 'osm', 'town.osm', '--bbox', '0,0,0.001,0.001'], None),
    ('import min-class bad', ['import', 'osm', 'town.osm', '--min-class', 'x'], '--min-class'),
    ('import name empty', ['import', 'osm', 'town.osm', '--name='], '--name'),
    ('import name control', ['import', 'osm', 'town.osm', '--name', 'a\u001b[31m', '--out', 'o.json'], None),
    ('import out dir', ['import', 'osm', 'town.osm', '--out', 'existing'], 'existing'),
    ('import out txt', ['import', 'osm', 'town.osm', '--out', 'x.txt'], 'x.txt'),
    ('import osm huge lanes/speeds', ['import', 'osm', 'weird.osm', '--out', 'o.json'], None),
    ('export format bad', ['export', 'kml', 's.json'], 'kml'),
    ('export origin bad', ['export', 'geojson', 'p.json', '--origin', 'abc'], '--origin'),
    ('export origin NaN', ['export', 'geojson', 'p.json', '--origin', 'NaN,NaN'], '--origin'),
    ('export origin 3 parts', ['export', 'geojson', 'p.json', '--origin', '1,2,3'], '--origin'),
    ('export origin 1e400', ['export', 'geojson', 'p.json', '--origin', '1e400,0'], '--origin'),
    ('export origin on latlon', ['export', 'geojson', 's.json', '--origin', '50,30'], None),
    ('export planar no origin', ['export', 'geojson', 'p.json'], 'origin'),
    ('export seed bad', ['export', 'geojson', 's.json', '--results', '--seed', 'x'], '--seed'),
    ('export seed w/o results', ['export', 'geojson', 's.json', '--seed', '3'], None),
    ('explore port bad', ['explore', 's.json', '--port', '70000'], '--port'),
    ('explore port -1', ['explore', 's.json', '--port=-1'], '--port'),
    ('explore port NaN', ['explore', 's.json', '--port', 'NaN'], '--port'),
    ('explore port 1.5', ['explore', 's.json', '--port', '1.5'], '--port'),
    ('explore bad scenario', ['explore', 'existing/summary.json'], 'summary.json'),
    ('schema extra arg', ['schema', 'x'], 'x'),
    ('schema bad option', ['schema', '--json'], '--json'),
    ('no command', [], None),
    ('unknown command', ['frob'], 'frob'),
    ('merge no dirs', ['merge', '--out', 'm'], None),
    ('merge garbage sweep dirs', ['merge', 'garbagesweep', 'garbagesweep2', '--out', 'm'], 'garbagesweep'),
    ('merge out same as shard', ['merge', 'garbagesweep', '--out', 'garbagesweep'], 'garbagesweep'),
    ('merge partial value', ['merge', 'garbagesweep', '--out', 'm', '--partial=x'], '--partial'),
    ('variant geojson via network', ['run', 'gj.json'], 'roads.geojson'),
    ('validate quiet=x', ['validate', 's.json', '--quiet=x'], '--quiet'),
    ('network on empty', ['network', 'empty-net.json'], 'network'),
    ('ete huge replications within', ['ete', 's.json', '--replications', '10000001'], '--replications'),
]
osm_head = '<?xml version="1.0"?><osm version="0.6">'
extra_files = {
    'garbage.csv': '\x00\x01\x02garbage,"unterminated\n1,2',
    'empty.csv': '',
    'header.csv': 'households.carShare\n',
    'ragged.csv': 'households.carShare,shadowShare\n0.5\n0.6,0.1,9\n',
    'text.csv': 'households.carShare\nabc\n',
    'nan.csv': 'households.carShare\nNaN\n',
    'unk.csv': 'nope.path\n1\n',
    'dup.csv': 'households.carShare,households.carShare\n0.5,0.6\n',
    'quoted.csv': '"households.carShare"\n"0.5"\n"0.6\n',
    'bin.csv': bytes(range(256)),
    'semi.csv': 'households.carShare;shadowShare\n0.5;0.1\n',
    'ok.csv': 'households.carShare\n0.5\n',
    'bad.geojson': '{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":{"type":"Polygon","coordinates":"x"},"properties":{}}]}',
    'empty.geojson': '{"type": "FeatureCollection", "features": []}',
    'open.geojson': '{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[35,51],[36,51],[36,52]]]},"properties":{"name":"z"}}]}',
    'nan.geojson': '{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1e999,51],[36,51],[36,52],[1e999,51]]]},"properties":{"name":"z"}}]}',
    'point.geojson': '{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":{"type":"Point","coordinates":[35,51]},"properties":{"name":"z"}}]}',
    'garbage.osm': 'this is not xml <<<',
    'empty.osm': '',
    'noways.osm': osm_head + '<node id="1" lat="51" lon="35"/></osm>',
    'badcoords.osm': osm_head + '<node id="1" lat="abc" lon="35"/><node id="2" lat="51" lon="35.1"/><way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way></osm>',
    'nancoords.osm': osm_head + '<node id="1" lat="NaN" lon="Infinity"/><node id="2" lat="51" lon="35.1"/><node id="3" lat="51.1" lon="35.1"/><way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/><tag k="highway" v="primary"/></way></osm>',
    'missingnode.osm': osm_head + '<node id="2" lat="51" lon="35.1"/><way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/></way><way id="2"><nd ref="2"/><nd ref="1"/><tag k="highway" v="primary"/></way></osm>',
    'deep.osm': osm_head + '<a>' * 100000 + '</a>' * 100000 + '</osm>',
    'osm.json': '{"elements": []}',
    'garbage.osm.pbf': os.urandom(5000),
    'empty.osm.pbf': b'',
    'xml.osm.pbf': osm_head + '</osm>',
    'weird.osm': osm_head + '<node id="1" lat="51" lon="35"/><node id="2" lat="51.0000001" lon="35"/><node id="3" lat="51.01" lon="35"/>'
                 '<way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="lanes" v="-3"/><tag k="maxspeed" v="1e400"/></way>'
                 '<way id="2"><nd ref="3"/><nd ref="1"/><tag k="highway" v="primary"/><tag k="maxspeed" v="NaN mph"/><tag k="oneway" v="-1"/></way>'
                 '<node id="9" lat="51.005" lon="35"><tag k="place" v="town"/><tag k="name" v="T"/><tag k="population" v="1e400"/></node></osm>',
    'p.json': json.load(open(ROOT + '/scenarios/bottleneck.json')),
    'nt.json': {**{k: v for k, v in BASE.items() if k != 'targets'}},
    'gj.json': {'name': 'g', 'network': {'geojson': 'roads.geojson'}, 'settlements': [], 'shelters': []},
    'roads.geojson': '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[35,51],[35,"x"]]},"properties":{"id":"r"}}]}',
    'empty-net.json': {'name': 'e', 'network': {'nodes': [], 'roads': []}, 'settlements': [], 'shelters': []},
}
pbf = open(ROOT + '/tests/fixtures/osm/town.osm.pbf', 'rb').read()
extra_files['trunc.osm.pbf'] = pbf[:len(pbf) // 2]
flip = bytearray(pbf)
for i in range(40, len(flip), 97):
    flip[i] ^= 0x55
extra_files['flip.osm.pbf'] = bytes(flip)
extra_files['pbf.osm'] = pbf
extra_files['town.osm'] = open(ROOT + '/tests/fixtures/osm/town.osm').read()

def garbage_sweep(d):
    for n in ('garbagesweep', 'garbagesweep2'):
        os.makedirs(os.path.join(d, n))
        open(os.path.join(d, n, 'sweep.json'), 'w').write('{"version": 5, "scenario": null, "points": "x"}')
        open(os.path.join(d, n, 'runs.jsonl'), 'w').write('{"point": -1}\nnot json\n')

for name, args, names in opt_cases:
    f = dict(ok_files)
    f.update(extra_files)
    cases.append(Case('opt ' + name, args, expect='badorok' if names is None else 'bad', names=names and re.escape(names) if names and not ('|' in names or '\\' in names) else names, files=f, setup=garbage_sweep, timeout=120))

# ---------------------------------------------------------------- run
if __name__ == '__main__':
    ex_ = [e for e in os.environ.get('EXCLUDE', '').split(',') if e]
    sel = [c for c in cases if FILTER in c.name and not any(c.name.startswith(e) for e in ex_)]
    print(f'{len(sel)} cases in {WORK}', flush=True)
    failures = 0
    with cf.ThreadPoolExecutor(int(os.environ.get('JOBS', '3'))) as ex:
        for case, rc, out, err, problems in ex.map(execute, sel):
            if problems:
                failures += 1
                first = (err.strip().splitlines() or out.strip().splitlines() or [''])
                print(f'FAIL {case.name}: rc={rc} {problems}\n     args={" ".join(case.args)[:200]}\n     err: {" | ".join(first[:4])[:500]}', flush=True)
    print(f'{failures} of {len(sel)} flagged')

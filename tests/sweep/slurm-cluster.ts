// A single-node Slurm cluster for the tests: munged, slurmctld and slurmd on
// this host, configured in a temporary folder with ports of their own, so the
// job scripts of deploy/slurm run under a real scheduler. Needs root and
// Debian's slurm-wlm and munge (.ci/run installs them).

import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const BINARIES = ['/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/sbin/munged', '/usr/bin/sbatch', '/usr/bin/sinfo'];

/** Why a cluster cannot be started here, or null when it can. */
export function slurmMissing(): string | null {
  if (process.getuid?.() !== 0) return 'not root: starting slurmctld and slurmd needs root';
  const missing = BINARIES.filter((b) => !existsSync(b));
  return missing.length > 0 ? `Slurm or munge is not installed (${missing.join(', ')}); apt-get install slurm-wlm munge` : null;
}

export interface Cluster {
  /** Environment for sbatch and friends (SLURM_CONF). */
  env: NodeJS.ProcessEnv;
  stop: () => void;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the cluster in `dir` and waits until its node is idle (at most `timeoutMs`). */
export async function startCluster(dir: string, timeoutMs = 30_000): Promise<Cluster> {
  const host = hostname();
  for (const sub of ['state', 'spool']) mkdirSync(join(dir, sub), { recursive: true });
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=evacsimtest',
      `SlurmctldHost=${host}`,
      'SlurmctldPort=16817',
      'SlurmdPort=16818',
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      `StateSaveLocation=${dir}/state`,
      `SlurmdSpoolDir=${dir}/spool`,
      `SlurmctldPidFile=${dir}/slurmctld.pid`,
      `SlurmdPidFile=${dir}/slurmd.pid`,
      `SlurmctldLogFile=${dir}/slurmctld.log`,
      `SlurmdLogFile=${dir}/slurmd.log`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'MpiDefault=none',
      'ReturnToService=2',
      'SchedulerType=sched/builtin',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU_Memory',
      'AccountingStorageType=accounting_storage/none',
      'JobAcctGatherType=jobacct_gather/none',
      'JobCompType=jobcomp/none',
      // sbatch --wait polls every 2 s, then 8 s, then 32 s unless jobs may be
      // purged sooner (MinJobAge / 2): a short age keeps it at 2 s.
      'MinJobAge=4',
      `NodeName=${host} CPUs=2 RealMemory=4000 State=UNKNOWN`,
      'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const started: number[] = [];
  if (spawnSync('munge', ['-n'], { stdio: 'ignore' }).status !== 0) {
    mkdirSync('/run/munge', { recursive: true });
    execFileSync('chown', ['munge:munge', '/run/munge']);
    if (!existsSync('/etc/munge/munge.key')) execFileSync('mungekey', ['--create']);
    // munged runs as the munge user: give it a folder of its own for the pid file.
    const own = join(dir, 'munge');
    mkdirSync(own);
    chmodSync(dir, 0o755);
    execFileSync('chown', ['munge:munge', own]);
    execFileSync('runuser', ['-u', 'munge', '--', '/usr/sbin/munged', `--pid-file=${own}/munged.pid`]);
    started.push(Number(readFileSync(await waitFor(`${own}/munged.pid`, dir), 'utf8')));
  }
  const stop = () => {
    for (const pid of started.reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  execFileSync('/usr/sbin/slurmctld', ['-f', conf, '-c'], { env });
  execFileSync('/usr/sbin/slurmd', ['-f', conf], { env });
  try {
    for (const d of ['slurmctld', 'slurmd']) started.push(Number(readFileSync(await waitFor(`${dir}/${d}.pid`, dir), 'utf8')));
  } catch (error) {
    // A daemon that did not start (its port held by another run's cluster) must not leave the others running:
    // they would hold their ports and fail every later run the same way.
    for (const d of ['slurmctld', 'slurmd']) {
      const file = `${dir}/${d}.pid`;
      const pid = existsSync(file) ? Number(readFileSync(file, 'utf8')) : Number.NaN;
      if (Number.isInteger(pid) && pid > 0 && !started.includes(pid)) started.push(pid);
    }
    stop();
    throw error;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' }).stdout.trim();
    if (state === 'idle') return { env, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the test Slurm cluster did not come up (node state "${state}"); see ${dir}/slurmctld.log and slurmd.log`);
    }
    await pause(200);
  }
}

/** `path` once it exists (daemons write their pid files just after forking). */
async function waitFor(path: string, dir: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} did not appear; see the logs in ${dir}`);
    await pause(100);
  }
  return path;
}

import fs from 'node:fs';

/** CPU time (user + system, ms) each group of processes used between two snapshots, and the machine's. */
export interface CpuShares {
  wallMs: number;
  /** Machine CPU time used by everything, ms (all cores; /proc/stat). */
  machineBusyMs: number;
  /** Cores of the machine: busy time can reach wallMs × cores. */
  cores: number;
  /** By group (bench client, replicas, s3rver, postgres, other), ms. */
  groups: Record<string, number>;
}

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** Busy jiffies of the machine (all cores) from /proc/stat. */
function machineBusy(): { busy: number; cores: number } {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const f = lines[0].trim().split(/\s+/).slice(1).map(Number);
  const cores = lines.filter((l) => l.match(/^cpu\d+ /) !== null).length;
  // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
  return { busy: f[0] + f[1] + f[2] + f[5] + f[6] + f[7], cores };
}

/** utime + stime of every live process (jiffies) with its command line. */
function processTimes(): Map<number, { cmd: string; jiffies: number }> {
  const out = new Map<number, { cmd: string; jiffies: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (name.match(/^\d+$/) === null) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields after the name: state(3) … utime(14) stime(15) → indexes 11 and 12 here.
      const jiffies = Number(rest[11]) + Number(rest[12]);
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.set(Number(name), { cmd, jiffies });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** Which group a process belongs to in the bench's accounting. */
function groupOf(pid: number, cmd: string): string {
  if (pid === process.pid) return 'bench client (all annotators)';
  if (cmd.includes('cuboid.js serve')) return 'cuboid serve';
  if (cmd.includes('s3rver')) return 's3rver';
  if (cmd.match(/^postgres|postgres:|bin\/postgres/) !== null) return 'postgres';
  return OTHER;
}

const OTHER = 'other work on the machine (and processes that ended)';

/** Starts measuring; `stop()` returns what each group used since. Processes born meanwhile count from 0. */
export function startCpuShares(): { stop(): CpuShares } {
  const t0 = Date.now();
  const m0 = machineBusy();
  const p0 = processTimes();
  return {
    stop() {
      const m1 = machineBusy();
      const groups: Record<string, number> = {};
      for (const [pid, p] of processTimes()) {
        const before = p0.get(pid)?.cmd === p.cmd ? (p0.get(pid)?.jiffies ?? 0) : 0;
        const g = groupOf(pid, p.cmd);
        groups[g] = (groups[g] ?? 0) + (p.jiffies - before) * TICK_MS;
      }
      // Everything else by difference: it also holds processes that ended meanwhile (other people's
      // short test runs, the replica killed with kill -9), which a last snapshot cannot see.
      const machineBusyMs = (m1.busy - m0.busy) * TICK_MS;
      delete groups[OTHER];
      const tracked = Object.values(groups).reduce((a, b) => a + b, 0);
      groups[OTHER] = Math.max(0, machineBusyMs - tracked);
      return { wallMs: Date.now() - t0, machineBusyMs, cores: m1.cores, groups };
    },
  };
}

/** One line: each group's share of the machine's capacity over the period (100 % = every core busy). */
export function formatCpuShares(s: CpuShares): string {
  const cap = s.wallMs * s.cores;
  const pct = (ms: number) => `${((100 * ms) / cap).toFixed(0)} %`;
  const parts = Object.entries(s.groups)
    .sort((a, b) => b[1] - a[1])
    .map(([g, ms]) => `${g} ${pct(ms)}`);
  return `CPU over ${(s.wallMs / 1000).toFixed(0)} s (${s.cores} cores = 100 %): machine busy ${pct(s.machineBusyMs)}; ${parts.join(', ')}`;
}

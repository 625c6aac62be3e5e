import fs from 'node:fs';
import type { ScaleLog } from './annotator.ts';
import { percentile } from './scaleDataset.ts';

const PHASES = ['refresh', 'auth', 'db-session', 'body', 'db-read', 'db-save', 'db-wait', 'handler', 'total'];

/**
 * Where the saves' time went: for each phase of the server's Server-Timing (ms) its p50 / p99 over
 * all acknowledged saves, plus `outside` = the client's round trip less the server's total (the
 * request waiting in the server's socket before its event loop read it, the network, and the
 * client's own event loop); then the mean of each phase over the slowest 1 % of saves, which says
 * what the p99 is made of.
 */
export function saveTimingLines(name: string, log: ScaleLog): string[] {
  const rows = log.saveTimings.filter((t) => t.server.total !== undefined);
  if (rows.length === 0) return [`${name}: no Server-Timing on the saves (the server was not started with CUBOID_SERVER_TIMING=1)`];
  const phase = (t: (typeof rows)[number], p: string) => (p === 'outside' ? t.clientMs - t.server.total : (t.server[p] ?? 0));
  const names = [...PHASES.filter((p) => rows.some((t) => t.server[p] !== undefined)), 'outside'];
  const all = names.map((p) => {
    const v = rows.map((t) => phase(t, p));
    return `${p} ${percentile(v, 50).toFixed(1)} / ${percentile(v, 99).toFixed(1)}`;
  });
  const cut = percentile(
    rows.map((t) => t.clientMs),
    99,
  );
  const slow = rows.filter((t) => t.clientMs >= cut);
  const mean = (p: string) => slow.reduce((s, t) => s + phase(t, p), 0) / slow.length;
  const tail = names.map((p) => `${p} ${mean(p).toFixed(0)}`);
  return [
    `${name}: save phases p50 / p99, ms (server's Server-Timing; outside = client round trip − server total): ${all.join(', ')}`,
    `${name}: the ${slow.length} slowest saves (client ≥ ${cut.toFixed(0)} ms), mean ms per phase: ${tail.join(', ')}`,
  ];
}

/** The `cuboid-timing {json}` lines a server wrote to `logFile` every 5 s (see `src/server/http/serverTiming.ts`). */
export function serverTimingLines(
  logFile: string,
): { cpuMs: number; periodMs: number; loopDelayMs: { p50: number; p99: number; max: number }; pgPools?: Record<string, number> }[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('cuboid-timing '))
    .map((l) => JSON.parse(l.slice('cuboid-timing '.length)) as ReturnType<typeof serverTimingLines>[number]);
}

/** One line per server log: its event-loop delay (worst 5 s period's p99 and max), busiest period's CPU, the most connections waited for. */
export function serverHealthLine(label: string, logFile: string): string {
  const lines = serverTimingLines(logFile);
  if (lines.length === 0) return `${label}: no timing lines`;
  const worst = (f: (l: (typeof lines)[number]) => number) => Math.max(...lines.map(f));
  const waiting = worst((l) => l.pgPools?.queryWaiting ?? 0);
  const lockWaiting = worst((l) => l.pgPools?.lockWaiting ?? 0);
  const p99s = lines.map((l) => l.loopDelayMs.p99);
  return (
    `${label}: event-loop delay p99 per 5 s median ${percentile(p99s, 50).toFixed(0)} ms, worst ${worst((l) => l.loopDelayMs.p99).toFixed(0)} ms, max ${worst((l) => l.loopDelayMs.max).toFixed(0)} ms; ` +
    `CPU busiest 5 s ${worst((l) => (100 * l.cpuMs) / l.periodMs).toFixed(0)} % of a core` +
    (lines[0].pgPools !== undefined ? `; most waiting for a query connection ${waiting}, for a lock connection ${lockWaiting}` : '')
  );
}

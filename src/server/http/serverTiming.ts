import { AsyncLocalStorage } from 'node:async_hooks';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

/**
 * Opt-in request phase timings (`CUBOID_SERVER_TIMING=1`, for `npm run bench:scale`): every
 * answer carries a `Server-Timing` header with the time each phase of its request took, in ms,
 * from the first `onRequest` hook (Node has parsed the request head) to `onSend`:
 * `refresh` (the dataset re-list hook), `auth` (session lookup and role check), `body` (the body
 * read, parsed and validated), then the marks code sets on the way (`markPhase`, e.g. `db-wait`,
 * `db-read`, `db-save`), `handler` (the rest of the handler) and `total`. Every 5 s the process also
 * writes one `cuboid-timing {json}` line to stderr: event-loop delay (p50/p99/max over the period,
 * ms), CPU time used in the period (ms), and whatever `timingGauges` report (pool sizes).
 * Off (the default), nothing is measured and `markPhase` is a no-op.
 */

interface RequestMarks {
  t0: number;
  marks: [string, number][];
}

const store = new AsyncLocalStorage<RequestMarks>();
let enabled = false;
const gauges = new Map<string, () => Record<string, number>>();

/** True when `CUBOID_SERVER_TIMING=1`. */
export function serverTimingEnabled(): boolean {
  return process.env.CUBOID_SERVER_TIMING === '1';
}

/** Records that the phase `name` of the current request ended now (nothing outside a timed request). */
export function markPhase(name: string): void {
  if (!enabled) return;
  store.getStore()?.marks.push([name, performance.now()]);
}

/** Adds a duration, ms, to the phase `name` of the current request without moving its clock (time spent waiting inside another phase). */
export function addPhaseMs(name: string, ms: number): void {
  if (!enabled) return;
  const m = store.getStore();
  if (m !== undefined) m.marks.push([`+${name}`, ms]);
}

/** Registers numbers to report in the periodic stderr line (e.g. a pool's waiting count). */
export function timingGauges(name: string, read: () => Record<string, number>): void {
  gauges.set(name, read);
}

/**
 * The `Server-Timing` value of a request: each mark's time since the previous one (marks of one
 * name add up), extra durations (`+name`) as given, and `total`.
 */
function headerOf(m: RequestMarks, end: number): string {
  const phases = new Map<string, number>();
  let last = m.t0;
  for (const [name, v] of m.marks) {
    if (name.startsWith('+')) {
      phases.set(name.slice(1), (phases.get(name.slice(1)) ?? 0) + v);
      continue;
    }
    phases.set(name, (phases.get(name) ?? 0) + (v - last));
    last = v;
  }
  phases.set('handler', (phases.get('handler') ?? 0) + (end - last));
  phases.set('total', end - m.t0);
  return [...phases].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', ');
}

/**
 * Installs the timing hooks on `app`; call it before any other `onRequest` hook, so `refresh` and
 * `auth` are measured. Starts the periodic stderr line (stopped when the app closes).
 */
export function installServerTiming(app: FastifyInstance): void {
  enabled = true;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let cpu = process.cpuUsage();
  let at = performance.now();
  const timer = setInterval(() => {
    const used = process.cpuUsage(cpu);
    const now = performance.now();
    const line: Record<string, unknown> = {
      pid: process.pid,
      periodMs: Math.round(now - at),
      cpuMs: Math.round((used.user + used.system) / 1000),
      loopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
    };
    for (const [name, read] of gauges) line[name] = read();
    process.stderr.write(`cuboid-timing ${JSON.stringify(line)}\n`);
    delay.reset();
    cpu = process.cpuUsage();
    at = now;
  }, 5_000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    delay.disable();
  });
  app.addHook('onRequest', (_request, _reply, done) => {
    // The rest of the request (hooks, body parsing, handler) runs inside this store.
    store.run({ t0: performance.now(), marks: [] }, done);
  });
  app.addHook('preHandler', async () => markPhase('body'));
  app.addHook('onSend', async (_request, reply, payload) => {
    const m = store.getStore();
    if (m !== undefined) reply.header('Server-Timing', headerOf(m, performance.now()));
    return payload;
  });
}

import { newScaleLog, runAnnotator, type ScaleLog } from './annotator.ts';
import { LoopbackClient, type RoundRobin } from './loopbackClient.ts';
import { seededRandom, sourceAddress } from './scaleDataset.ts';

export interface BurstOptions {
  users: { name: string; token: string }[];
  frameIds: string[];
  /** Annotators arrive evenly over this many ms. */
  rampMs: number;
  /** Then everyone works this many ms; no new edit starts after. */
  burstMs: number;
  pauseMs: [number, number];
  savesPerFrame: [number, number];
  /** Called once at this many ms after the start (the replica kill), awaited in the background. */
  midBurst?: { atMs: number; run: () => Promise<void> };
}

/**
 * Runs every annotator at once through the balancer `lb` and returns what they recorded. As in a
 * team, each frame has one annotator (the first save assigns it; another annotator's save would be
 * refused): annotator i works on frames i, i + A, i + 2A, … in turn, reopening its frame when it has
 * only one (with fewer frames than annotators, they share frames and the refusals show as errors).
 */
export async function runBurst(lb: RoundRobin, opts: BurstOptions): Promise<{ log: ScaleLog; wallMs: number }> {
  const log = newScaleLog();
  const t0 = Date.now();
  const endAt = t0 + opts.rampMs + opts.burstMs;
  const F = opts.frameIds.length;
  const clients: LoopbackClient[] = [];
  const mid = opts.midBurst;
  const midDone = mid === undefined ? Promise.resolve() : new Promise<void>((resolve) => setTimeout(() => void mid.run().then(resolve, resolve), mid.atMs));
  const runs = opts.users.map(async (u, i) => {
    const client = new LoopbackClient(lb, sourceAddress(i));
    clients.push(client);
    const own = opts.frameIds.filter((_, k) => k % opts.users.length === i);
    const frames = own.length > 0 ? own : [opts.frameIds[i % F]];
    try {
      await runAnnotator(
        {
          index: i,
          name: u.name,
          token: u.token,
          frames,
          startDelayMs: (i / opts.users.length) * opts.rampMs,
          pauseMs: opts.pauseMs,
          savesPerFrame: opts.savesPerFrame,
          endAt,
          random: seededRandom(1000 + i),
        },
        client,
        log,
      );
    } catch (err) {
      log.errors.push(`${u.name}: ${(err as Error).message}`);
    }
  });
  await Promise.all(runs);
  await midDone;
  for (const c of clients) c.close();
  return { log, wallMs: Date.now() - t0 };
}

import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { Cuboid } from '../../../src/domain/types.ts';
import type { LoopbackClient } from './loopbackClient.ts';

/** What every annotator of one run records (shared, appended to). */
export interface ScaleLog {
  /** Round trip of each acknowledged save (PUT answered 200), ms. */
  saveMs: number[];
  /** Each acknowledged save's round trip beside the server's own phase times (its Server-Timing header, ms; empty without one). */
  saveTimings: { clientMs: number; server: Record<string, number> }[];
  /** Round trip of each PUT answered 409 (base revision stale), ms. */
  conflictMs: number[];
  /** Opening a frame: calib, points and annotation fetched in parallel, until the last byte, ms. */
  openMs: number[];
  /** Each part of those opens on its own (first byte sent to last byte received), ms. */
  openPartMs: { calib: number[]; points: number[]; annotation: number[] };
  /** Every acknowledged save: the revision the server gave and the box state it carried. */
  acks: { frameId: string; revision: number; boxId: string; step: number }[];
  /** Every edit an annotator tried, in order, per box: the centres it set (step = index). */
  steps: Map<string, number[][]>;
  /** Answers other than 200/409 on a save, or requests that failed outright. */
  errors: string[];
  logins: number;
}

export function newScaleLog(): ScaleLog {
  return {
    saveMs: [],
    saveTimings: [],
    conflictMs: [],
    openMs: [],
    openPartMs: { calib: [], points: [], annotation: [] },
    acks: [],
    steps: new Map(),
    errors: [],
    logins: 0,
  };
}

/** One simulated annotator's plan: who, which frames in which order, and its random stream. */
export interface AnnotatorPlan {
  index: number;
  name: string;
  token: string;
  /** Frame ids visited in turn. */
  frames: string[];
  /** Delay before logging in, ms (annotators arrive over the ramp). */
  startDelayMs: number;
  /** Pause between two saves (a human's edit plus the autosave debounce), ms. */
  pauseMs: [number, number];
  /** Saves on one frame before moving to the next. */
  savesPerFrame: [number, number];
  /** Stop starting new edits at this instant (Date.now()). */
  endAt: number;
  random: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const between = (r: () => number, [lo, hi]: [number, number]) => lo + r() * (hi - lo);

/** The box an annotator edits on a frame: its own, one per frame, moved a little by every edit. */
function boxAt(plan: AnnotatorPlan, frameId: string, center: number[]): Cuboid {
  return {
    id: `${plan.name}-${frameId}`,
    trackId: null,
    label: plan.index % 5 === 0 ? 'Pedestrian' : 'Car',
    center: center as [number, number, number],
    size: plan.index % 5 === 0 ? [0.8, 0.7, 1.75] : [4.2, 1.8, 1.55],
    yaw: ((plan.index % 13) - 6) * 0.25,
    attributes: { truncated: 0, occluded: 0 },
    source: 'manual',
  };
}

/** `doc` with `box` put in place of the box with its id (or added). */
function withBox(doc: FrameAnnotation, box: Cuboid): FrameAnnotation {
  const i = doc.cuboids.findIndex((c) => c.id === box.id);
  const cuboids = i < 0 ? [...doc.cuboids, box] : doc.cuboids.map((c, k) => (k === i ? box : c));
  return { ...doc, cuboids };
}

/**
 * Logs in (again when a request answers 401), then until `endAt`: opens a frame (calib, points,
 * annotation in parallel), makes a few edits with pauses, each saved by a revision-checked PUT
 * (`If-Match: "base"`); a 409 answer carries the current document, on which the edit is made
 * again and sent again (the app's merge, reduced to "my box is where I put it").
 */
export async function runAnnotator(plan: AnnotatorPlan, client: LoopbackClient, log: ScaleLog): Promise<void> {
  await sleep(plan.startDelayMs);
  // A person whose login fails (the server busy: 503) tries again a few seconds later, up to 5 times.
  const login = async (): Promise<void> => {
    let res = await client.request('POST', '/api/session', { body: { token: plan.token } });
    for (let tries = 1; res.status === 503 && tries < 5; tries++) {
      log.errors.push(`${plan.name}: login answered 503 (tried again): ${res.body.toString('utf8').slice(0, 160)}`);
      await sleep(3_000);
      res = await client.request('POST', '/api/session', { body: { token: plan.token } });
    }
    if (res.status !== 200) throw new Error(`login answered ${res.status}: ${res.body.toString('utf8').slice(0, 200)}`);
    client.cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0];
    log.logins++;
  };
  const call = async (method: string, pathname: string, opts: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await client.request(method, pathname, opts);
    if (res.status !== 401) return res;
    await login();
    return client.request(method, pathname, opts);
  };
  await login();
  let visit = 0;
  while (Date.now() < plan.endAt) {
    const frameId = plan.frames[visit++ % plan.frames.length];
    const url = `/api/frames/${frameId}`;
    const t0 = performance.now();
    const timed = async (part: keyof ScaleLog['openPartMs']) => {
      const t = performance.now();
      const res = await call('GET', `${url}/${part}`);
      if (res.status === 200) log.openPartMs[part].push(performance.now() - t);
      return res;
    };
    const [calib, points, annotation] = await Promise.all([timed('calib'), timed('points'), timed('annotation')]);
    for (const [what, r] of [
      ['calib', calib],
      ['points', points],
      ['annotation', annotation],
    ] as const) {
      if (r.status !== 200) log.errors.push(`${plan.name}: GET ${url}/${what} answered ${r.status}: ${r.body.toString('utf8').slice(0, 160)}`);
    }
    if (annotation.status !== 200) {
      // A person whose frame did not open reads the error and tries again a few seconds later
      // (an immediate retry loop would only pile more opens on an overloaded server).
      await sleep(3_000);
      continue;
    }
    log.openMs.push(performance.now() - t0);
    let doc = JSON.parse(annotation.body.toString('utf8')) as FrameAnnotation;
    const boxId = `${plan.name}-${frameId}`;
    const steps = log.steps.get(boxId) ?? [];
    log.steps.set(boxId, steps);
    const saves = Math.round(between(plan.random, plan.savesPerFrame));
    for (let s = 0; s < saves; s++) {
      await sleep(Math.min(between(plan.random, plan.pauseMs), plan.endAt - Date.now()));
      if (Date.now() >= plan.endAt) return;
      // The edit: move my box a little (or place it), a new centre per edit.
      const prev = steps.at(-1) ?? [4 + (plan.index % 25) * 1.9, Math.floor(plan.index / 25) * 2.6 - 10, -0.9];
      const center = [prev[0] + 0.05, prev[1] + (plan.random() - 0.5) * 0.02, prev[2]];
      steps.push(center);
      const step = steps.length - 1;
      for (let tries = 0; ; tries++) {
        const body = withBox(doc, boxAt(plan, frameId, center));
        const t = performance.now();
        const res = await call('PUT', `${url}/annotation`, { body, headers: { 'if-match': `"${doc.revision}"` } });
        const ms = performance.now() - t;
        const reply = JSON.parse(res.body.toString('utf8')) as { annotation?: FrameAnnotation; current?: FrameAnnotation };
        if (res.status === 200 && reply.annotation !== undefined) {
          log.saveMs.push(ms);
          log.saveTimings.push({ clientMs: ms, server: parseServerTiming(res.headers['server-timing']) });
          doc = reply.annotation;
          log.acks.push({ frameId, revision: doc.revision, boxId, step });
          break;
        }
        if (res.status === 409 && reply.current !== undefined && tries < 50) {
          log.conflictMs.push(ms);
          doc = reply.current;
          continue;
        }
        log.errors.push(`${plan.name}: PUT ${url}/annotation answered ${res.status}: ${res.body.toString('utf8').slice(0, 160)}`);
        break;
      }
    }
  }
}

/** `a;dur=1.5, b;dur=2` → `{ a: 1.5, b: 2 }` (ms); {} when absent. */
export function parseServerTiming(header: string | string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of [header ?? []].flat().join(',').split(',')) {
    const m = /^\s*([\w-]+)\s*;\s*dur=([\d.]+)/.exec(part);
    if (m !== null) out[m[1]] = Number(m[2]);
  }
  return out;
}

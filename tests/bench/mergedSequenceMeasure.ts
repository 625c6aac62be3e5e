/**
 * Measures a merged multi-sweep view in a page of the e2e build (its `window.__cuboid` hook):
 * opens `frameId`, merges `sweeps` sweeps each side, and reads how long the first merged view and
 * the full detail (the point budget drawn) took, the longest main-thread task meanwhile, the JS
 * heap plus the GPU vertex buffers, a pick under the cursor and a one-click fit on the merge.
 * Used by `npm run bench` (figures) and by an e2e test (the figures exist); asserts nothing.
 */
import type { Page } from '@playwright/test';

export interface MergedFigures {
  points: number;
  sweeps: number;
  drawn: number;
  firstViewMs: number;
  fullDetailMs: number;
  longestTaskMs: number;
  /** The longest long animation frame meanwhile (ms; 0 where the browser reports none): main-thread work and waits for the next frame. */
  longestFrameMs: number;
  heapMb: number;
  gpuMb: number;
  /** Median pick: in the worker, and the round trip from the main thread. */
  pickMs: number;
  pickRoundTripMs: number;
  /** Median one-click fit on the merged cloud: in the worker, and the round trip. */
  fitMs: number;
  fitRoundTripMs: number;
  gridMs: number;
  /** The page's merge worker: its first batch decoded (ms); the server: reading + moving + ranking the sweeps, and the refinement order (ms). */
  firstBatchMs: number;
  gatherMs: number;
  orderMs: number;
  /** The server answered from its cache of recent merges. */
  cached: boolean;
}

/**
 * Call before the page loads: records every long task (> 50 ms) of the main thread and every long
 * animation frame (> 50 ms, where the browser reports them: Chromium 123+). Chromium 156 lists
 * `longtask` among its entry types but delivered none in our headless runs (a 200 ms busy loop
 * gave no entry), while its long animation frames came through. A long animation frame's
 * `blockingDuration` is what its long tasks (rendering included) held the main thread past 50 ms
 * each, so its longest task is at most 50 ms + that; its `duration` also counts time the page
 * waited, idle, for the next frame (with software GL, for the GPU process to draw the last one).
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    for (const type of ['longtask', 'long-animation-frame']) {
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          // A long task: its duration. A long animation frame: the most its longest task can have taken (see above), and the frame.
          const blocking = (e as unknown as { blockingDuration?: number }).blockingDuration ?? 0;
          if (type === 'longtask') w.__longTasks.push(e.startTime, e.duration, e.duration, 0);
          else w.__longTasks.push(e.startTime, e.duration, blocking > 0 ? 50 + blocking : 0, 1);
        }
      }).observe({ type, buffered: true });
    }
  });
}

/**
 * Of what `recordLongTasks` recorded between `from` and `to`: the longest main-thread task (a long
 * task's duration, or the bound a long animation frame's blocking time sets) and the longest
 * animation frame.
 */
export async function longestRecorded(page: Page, from: number, to = Infinity): Promise<{ task: number; frame: number }> {
  return page.evaluate(
    ([a, b]) => {
      const raw = ((window as any).__longTasks ?? []) as number[];
      const out = { task: 0, frame: 0 };
      for (let i = 0; i + 3 < raw.length; i += 4) {
        if (raw[i] + raw[i + 1] < a || raw[i] > b) continue;
        out.task = Math.max(out.task, raw[i + 2]);
        if (raw[i + 3] === 1) out.frame = Math.max(out.frame, raw[i + 1]);
      }
      return out;
    },
    [from, to === Infinity ? Number.MAX_VALUE : to] as const,
  );
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
};

/** `fitSeeds`: LiDAR-frame points of the open frame on static objects (metres). */
export async function measureMergedSequence(
  page: Page,
  baseUrl: string,
  frameId: string,
  sweeps: number,
  fitSeeds: [number, number, number][],
  timeoutMs = 180_000,
  /** A point budget the user picks before merging (else the renderer's default). */
  budget?: number,
): Promise<MergedFigures> {
  await page.goto(`${baseUrl}/?frame=${frameId}`);
  await page.waitForFunction(
    (id) => {
      const s = (window as any).__cuboid?.store.getState();
      return s?.currentFrameId === id && s.load.status === 'done';
    },
    frameId,
    { timeout: timeoutMs },
  );
  // Let the frame's own upload and its checks settle before the merge starts, as when an annotator
  // looks at a frame before turning sweeps on: the checks' findings are drawn once they come, and a
  // software renderer drawing them (0.1–0.5 s a frame on two busy cores) delays whatever is asked
  // next. (The page waited a fixed 1.5 s before; the checks sometimes came just then.)
  await page
    .waitForFunction(
      (id) => {
        const c = (window as any).__cuboid.store.getState().checks;
        return c.frameId === id && (c.status === 'done' || c.status === 'error');
      },
      frameId,
      { timeout: 30_000, polling: 100 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(1000);
  if (budget !== undefined) await page.evaluate((b) => (window as any).__cuboid.store.getState().setPointBudget(b), budget);
  const t0 = await page.evaluate((n) => {
    const hook = (window as any).__cuboid;
    hook.store.getState().setMergeSweeps(n);
    return performance.now();
  }, sweeps);
  await page.waitForFunction(
    () => {
      const m = (window as any).__cuboid.store.getState().merge;
      if (m.status === 'error' || m.status === 'unavailable') throw new Error(`merge ${m.status}: ${m.message}`);
      return m.fullDetailMs !== null && m.status === 'ready';
    },
    null,
    { timeout: timeoutMs, polling: 100 },
  );
  const t1 = await page.evaluate(() => performance.now());
  const view = await page.evaluate(
    ([a, b]) => {
      const hook = (window as any).__cuboid;
      const m = hook.store.getState().merge;
      const mem = (performance as any).memory?.usedJSHeapSize ?? NaN;
      let frameBytes = 0;
      const current = hook.frameCache.peek(hook.store.getState().currentFrameId);
      if (current) frameBytes = current.positions.byteLength;
      return {
        key: m.key as string,
        points: m.points,
        sweeps: m.sweepCount,
        drawn: m.drawn,
        firstViewMs: m.firstViewMs,
        fullDetailMs: m.fullDetailMs,
        firstBatchMs: m.firstBatchMs ?? NaN,
        gatherMs: m.gatherMs ?? NaN,
        orderMs: m.orderMs ?? NaN,
        cached: m.cached === true,
        heap: mem,
        gpu: hook.lodGpuBytes() + frameBytes,
      };
    },
    [t0, t1],
  );
  const longest = await longestRecorded(page, t0, t1);
  const gridMs = await page.evaluate((key) => (window as any).__cuboid.mergeWorker().prepare(key), view.key);
  // Picks: rays from the main view's camera through points of the merged cloud's near field.
  const picks = await page.evaluate(async (key) => {
    const hook = (window as any).__cuboid;
    const out: [number, number][] = [];
    for (let k = 0; k < 21; k++) {
      const a = (k / 21) * Math.PI * 2;
      const origin = [-22, -14, 18];
      const target = [Math.cos(a) * (6 + k), Math.sin(a) * (6 + k), -1.5];
      const dir = [target[0] - origin[0], target[1] - origin[1], target[2] - origin[2]];
      const t = performance.now();
      const r = await hook.mergeWorker().pick(key, origin, dir);
      out.push([r ? r.ms : NaN, performance.now() - t]);
    }
    return out;
  }, view.key);
  const fits = await page.evaluate(
    async ([key, seeds, id]) => {
      const hook = (window as any).__cuboid;
      const ground = (await hook.worker().ground(id)) ?? undefined;
      const out: [number, number][] = [];
      for (const seed of seeds) {
        const t = performance.now();
        const r = await hook.mergeWorker().fit(key, seed, { label: 'Car', ground });
        out.push([r ? r.ms : NaN, performance.now() - t]);
      }
      return out;
    },
    [view.key, fitSeeds, frameId] as const,
  );
  return {
    points: view.points,
    sweeps: view.sweeps,
    drawn: view.drawn,
    firstViewMs: view.firstViewMs,
    fullDetailMs: view.fullDetailMs,
    longestTaskMs: longest.task,
    longestFrameMs: longest.frame,
    heapMb: view.heap / 2 ** 20,
    gpuMb: view.gpu / 2 ** 20,
    pickMs: median(picks.map((p) => p[0]).filter(Number.isFinite)),
    pickRoundTripMs: median(picks.map((p) => p[1])),
    fitMs: median(fits.map((f) => f[0]).filter(Number.isFinite)),
    fitRoundTripMs: median(fits.map((f) => f[1])),
    gridMs,
    firstBatchMs: view.firstBatchMs,
    gatherMs: view.gatherMs,
    orderMs: view.orderMs,
    cached: view.cached,
  };
}

const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const r0 = (v: number): string => (Number.isFinite(v) ? String(Math.round(v)) : '—');
const r1 = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—');

/** The bench's one line, beginning `merged sequence`, each figure beside its target with ✓/✗. */
export function formatMergedLine(f: MergedFigures): string {
  const mb = f.heapMb + f.gpuMb;
  return (
    `merged sequence (${f.sweeps} sweeps, ${(f.points / 1e6).toFixed(2)}M points, ${(f.drawn / 1e6).toFixed(2)}M drawn at the point budget): ` +
    `first view ${r0(f.firstViewMs)} ms ${mark(f.firstViewMs <= 300)} (≤ 300); ` +
    `full detail ${r0(f.fullDetailMs)} ms ${mark(f.fullDetailMs <= 1500)} (≤ 1500); ` +
    `longest main-thread task ${r0(f.longestTaskMs)} ms ${mark(f.longestTaskMs <= 50)} (≤ 50; animation frames up to ${r0(f.longestFrameMs)} ms); ` +
    `JS heap + GPU buffers ${r0(mb)} MB (${r0(f.heapMb)} + ${r0(f.gpuMb)}) ${mark(mb <= 400)} (≤ 400); ` +
    `pick ${r1(f.pickMs)} ms in the worker, ${r1(f.pickRoundTripMs)} ms round trip ${mark(f.pickRoundTripMs <= 5)} (≤ 5); ` +
    `fit on the merged cloud ${r0(f.fitMs)} ms in the worker, ${r0(f.fitRoundTripMs)} ms round trip ${mark(f.fitRoundTripMs <= 50)} (≤ 50); ` +
    (f.cached
      ? `(answered from the server's cache of recent merges; first batch in the page's worker ${r0(f.firstBatchMs)} ms)`
      : `(server: sweeps read, moved and ranked ${r0(f.gatherMs)} ms, refinement order ${r0(f.orderMs)} ms; first batch in the page's worker ${r0(f.firstBatchMs)} ms)`)
  );
}

/** What stepping to the next frame with sweeps shown looked like (`measureStep`). */
export interface StepFigures {
  /** The merged view stayed on screen from the step until the next frame's merge replaced it. */
  kept: boolean;
  /** From the step to the next frame's whole merge on screen (ms). */
  wholeMs: number;
  /** How the server answered: from its cache, by following the merge it had begun ahead, or by merging anew. */
  answer: 'cache' | 'joined' | 'merged';
  longestTaskMs: number;
  longestFrameMs: number;
}

/**
 * Steps to the next frame (`D`) in a page that shows a merge, and measures how the merged view
 * went over to the next frame's merge: whether a merged cloud stayed on screen at every store
 * change in between, and when the new one was whole on screen.
 */
export async function measureStep(page: Page, timeoutMs = 120_000): Promise<StepFigures> {
  const from = await page.evaluate(() => {
    const hook = (window as any).__cuboid;
    const w = window as unknown as { __stepShown: boolean[] };
    w.__stepShown = [];
    hook.store.subscribe((s: any) => w.__stepShown.push(s.merge.key !== null || s.merge.stale !== null));
    return { id: hook.store.getState().currentFrameId as string, t0: performance.now() };
  });
  await page.getByTestId('viewport').focus();
  await page.keyboard.press('d');
  await page.waitForFunction(
    (id) => {
      const s = (window as any).__cuboid.store.getState();
      return s.currentFrameId !== id && s.merge.status === 'ready' && s.merge.fullDetailMs !== null && s.merge.stale === null;
    },
    from.id,
    { timeout: timeoutMs, polling: 50 },
  );
  const longest = await longestRecorded(page, from.t0);
  const step = await page.evaluate((t0) => {
    const m = (window as any).__cuboid.store.getState().merge;
    const shown = (window as unknown as { __stepShown: boolean[] }).__stepShown;
    return {
      kept: shown.length > 0 && shown.every(Boolean),
      wholeMs: m.requestedAt + m.fullDetailMs - t0,
      answer: m.cached ? 'cache' : m.joined ? 'joined' : 'merged',
    } as const;
  }, from.t0);
  return { ...step, longestTaskMs: longest.task, longestFrameMs: longest.frame };
}

/** The bench's line for stepping with sweeps shown. */
export function formatStepLine(f: StepFigures): string {
  const answer = { cache: "from the server's cache (merged ahead)", joined: 'following the merge the server had begun ahead', merged: 'merged anew' }[f.answer];
  return (
    `merged sequence, stepped to the next frame: a merged view on screen throughout ${f.kept ? 'yes' : 'no'}; ` +
    `the next frame's merge whole on screen after ${r0(f.wholeMs)} ms (${answer}); longest main-thread task ${r0(f.longestTaskMs)} ms (animation frames up to ${r0(f.longestFrameMs)} ms)`
  );
}

/** Detail past the budget where the view looks closely (`measureDetail`). */
export interface DetailFigures {
  /** Where the view looked (LiDAR frame, m). */
  x: number;
  y: number;
  /** Merged points sent for the disc, and its radius (m). */
  points: number;
  radius: number;
  /** Merged points of the budgeted view within the disc. */
  budgetedInDisc: number;
  /** From the focus set to every point of the disc in the page (ms). */
  readyMs: number;
}

/**
 * Looks closely at (x, y) (`merge.focus`, as the view sets it once settled within 20 m of its
 * target) in a page that shows a whole merge, and measures the detail past the budget that comes.
 */
export async function measureDetail(page: Page, at: readonly [number, number], radius = 12, timeoutMs = 60_000): Promise<DetailFigures> {
  const t0 = await page.evaluate(
    ([x, y, r]) => {
      (window as any).__cuboid.store.getState().patchMerge({ focus: { x, y, radius: r } });
      return performance.now();
    },
    [at[0], at[1], radius] as const,
  );
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.detail?.status === 'ready', null, { timeout: timeoutMs, polling: 20 });
  return page.evaluate(
    ([x, y, r, start]) => {
      const hook = (window as any).__cuboid;
      const m = hook.store.getState().merge;
      const c = hook.mergedCloud(m.key);
      const { positions } = c.slice(0, c.received);
      let inside = 0;
      for (let i = 0; i < positions.length; i += 3) if (Math.hypot(positions[i] - x, positions[i + 1] - y) <= r) inside++;
      return { x, y, points: m.detail.points, radius: m.detail.radius, budgetedInDisc: inside, readyMs: performance.now() - start };
    },
    [at[0], at[1], radius, t0] as const,
  );
}

/** The bench's line for the detail past the budget. */
export function formatDetailLine(f: DetailFigures): string {
  return (
    `merged sequence, looking closely at (${f.x.toFixed(1)}, ${f.y.toFixed(1)}): every merged point within ${f.radius} m, ${f.points.toLocaleString('en-US')} points ` +
    `(the budgeted view draws ${f.budgetedInDisc.toLocaleString('en-US')} there), in the page after ${r0(f.readyMs)} ms`
  );
}

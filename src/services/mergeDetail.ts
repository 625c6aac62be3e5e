import { proxy } from 'comlink';
import type { AppStore } from '../state/createAppStore.ts';
import type { PageIo } from './pageIo.ts';
import type { MergeEvent } from '../../workers/merge.worker.ts';
import type { MergedDisc } from '../domain/lod/mergeSweeps.ts';

/** The merged view's detail disc (`merge.detail`), as the store holds it. */
type Detail = NonNullable<ReturnType<AppStore['getState']>['merge']['detail']>;

/** Discs of the same merge kept after the view looked elsewhere, for a view that looks there again. */
const KEPT = 3;

/**
 * Detail past the point budget: while the main view looks closely at a place (`merge.focus`, set
 * by `MergedDetailFocus`) over a merge wholly in and holding more points than it drew, every merged
 * point within the focus disc (up to the point budget: at least as many as the budgeted merge draws
 * there) is asked of the server (`near=x,y,r`) and
 * kept in `io.mergedClouds` under `merge.detail.key`, drawn over the merge. A focus that stays
 * inside the disc keeps it. One elsewhere asks again, unless one of the last three discs fetched
 * whole for this merge covers it: that one is shown again at once (the view panned back, or
 * zoomed out and in again). Another merge, or the merge turned off, drops them all. Returns a
 * function that stops it.
 */
export function startMergeDetail(store: AppStore, io: PageIo): () => void {
  let wanted = '';
  let stopped = false;
  /** Discs fetched whole for the merge on screen (keys `<merge key>#near:…`), least recently shown first. */
  let kept: Detail[] = [];

  /** Tells the worker which discs' points to keep (for the visibility filters), cancelling the one under way. */
  const syncWorker = (): void => {
    const d = store.getState().merge.detail;
    const keys = kept.map((k) => k.key);
    if (d?.status === 'ready') keys.push(d.key);
    void io.mergeWorker().releaseNear(keys);
  };

  /** Takes the shown disc off screen: kept when it came whole, else dropped. */
  const stash = (): void => {
    const d = store.getState().merge.detail;
    if (d === null) return;
    store.getState().patchMerge({ detail: null });
    if (d.status !== 'ready') {
      io.mergedClouds.delete(d.key);
      return;
    }
    kept.push(d);
    while (kept.length > KEPT) io.mergedClouds.delete(kept.shift()!.key);
  };

  /** Drops every disc (another merge, or none). */
  const dropAll = (): void => {
    const d = store.getState().merge.detail;
    if (d === null && kept.length === 0) return;
    for (const k of kept) io.mergedClouds.delete(k.key);
    kept = [];
    if (d !== null) {
      io.mergedClouds.delete(d.key);
      store.getState().patchMerge({ detail: null });
    }
    void io.mergeWorker().releaseNear([]);
  };

  const fetchDetail = async (key: string, frameId: string, sweeps: number, budget: number, disc: MergedDisc): Promise<void> => {
    const patch = (p: Partial<Detail>): void => {
      const d = store.getState().merge.detail;
      if (wanted === key && d?.key === key) store.getState().patchMerge({ detail: { ...d, ...p } });
    };
    store.getState().patchMerge({ detail: { key, ...disc, points: 0, status: 'loading' } });
    const cloud = io.mergedClouds.create(key);
    const onEvent = proxy((e: MergeEvent) => {
      if (wanted !== key) return;
      if (e.type === 'batch') {
        cloud.append(e.batch);
        io.mergedClouds.notify(key);
      } else if (e.type === 'done') {
        cloud.total = e.sent;
        cloud.complete = true;
        io.mergedClouds.notify(key);
        patch({ points: e.sent, status: 'ready' });
      }
    });
    try {
      await io.mergeWorker().near(key, io.api.mergedNearUrl(frameId, sweeps, budget, disc), budget, onEvent);
    } catch (err) {
      // The budgeted merge stays on screen: the detail is a bonus over it (the toolbar says why it failed).
      patch({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  /** Set while `update` runs: the store changes it makes call it again, and it has seen to them. */
  let updating = false;
  const update = (): void => {
    if (stopped || updating) return;
    updating = true;
    try {
      step();
    } finally {
      updating = false;
    }
  };
  const step = (): void => {
    const s = store.getState();
    const m = s.merge;
    // Discs of another merge (or of none) go.
    const ofMerge = (d: Detail | null): boolean => d === null || (m.key !== null && d.key.startsWith(`${m.key}#`));
    if (!ofMerge(m.detail) || !kept.every(ofMerge)) {
      wanted = '';
      dropAll();
    }
    const focus = m.focus;
    const usable =
      focus !== null && m.status === 'ready' && m.key !== null && m.onScreen && m.stale === null && m.points > m.drawn && s.currentFrameId !== null;
    if (!usable) {
      wanted = '';
      if (m.detail === null) return;
      stash();
      syncWorker();
      return;
    }
    const d = m.detail;
    // Looking within the disc already fetched for this merge: it stays.
    if (d !== null && covers(d, focus)) return;
    const again = kept.findIndex((k) => covers(k, focus));
    if (again >= 0) {
      const k = kept[again];
      kept.splice(again, 1);
      wanted = k.key;
      stash();
      store.getState().patchMerge({ detail: k });
      syncWorker();
      return;
    }
    const key = `${m.key}#near:${focus.x.toFixed(1)},${focus.y.toFixed(1)},${focus.radius.toFixed(0)}`;
    if (key === wanted) return;
    if (d !== null) {
      stash();
      syncWorker();
    }
    wanted = key;
    void fetchDetail(key, s.currentFrameId as string, m.sweeps, s.view.pointBudget, focus);
  };
  const unsubscribe = store.subscribe(update);
  update();
  return () => {
    stopped = true;
    unsubscribe();
    wanted = '';
    dropAll();
  };
}

/** Whether the disc `inner` lies within `outer` (BEV), give or take a tenth of `outer`'s radius. */
function covers(outer: MergedDisc, inner: MergedDisc): boolean {
  return Math.hypot(inner.x - outer.x, inner.y - outer.y) + inner.radius <= 1.1 * outer.radius;
}

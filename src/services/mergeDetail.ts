import { proxy } from 'comlink';
import type { AppStore } from '../state/createAppStore.ts';
import type { PageIo } from './pageIo.ts';
import type { MergeEvent } from '../../workers/merge.worker.ts';
import type { MergedDisc } from '../domain/lod/mergeSweeps.ts';

/** The merged view's detail disc (`merge.detail`), as the store holds it. */
type Detail = NonNullable<ReturnType<AppStore['getState']>['merge']['detail']>;

/**
 * Detail past the point budget: while the main view looks closely at a place (`merge.focus`, set
 * by `MergedDetailFocus`) over a merge wholly in and holding more points than it drew, every merged
 * point within the focus disc (up to the point budget: at least as many as the budgeted merge draws
 * there) is asked of the server (`near=x,y,r`) and
 * kept in `io.mergedClouds` under `merge.detail.key`, drawn over the merge. A focus that stays
 * inside the disc keeps it; one elsewhere asks again; none (zoomed out), another merge or the
 * merge turned off drop it. Returns a function that stops it.
 */
export function startMergeDetail(store: AppStore, io: PageIo): () => void {
  let wanted = '';
  let stopped = false;

  const drop = (): void => {
    const d = store.getState().merge.detail;
    if (d === null) return;
    io.mergedClouds.delete(d.key);
    void io.mergeWorker().releaseNear();
    store.getState().patchMerge({ detail: null });
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

  const update = (): void => {
    if (stopped) return;
    const s = store.getState();
    const m = s.merge;
    const focus = m.focus;
    const usable =
      focus !== null && m.status === 'ready' && m.key !== null && m.onScreen && m.stale === null && m.points > m.drawn && s.currentFrameId !== null;
    if (!usable) {
      wanted = '';
      drop();
      return;
    }
    const d = m.detail;
    // Looking within the disc already fetched for this merge: it stays.
    if (d !== null && d.key.startsWith(`${m.key}#`) && covers(d, focus)) return;
    const key = `${m.key}#near:${focus.x.toFixed(1)},${focus.y.toFixed(1)},${focus.radius.toFixed(0)}`;
    if (key === wanted) return;
    drop();
    wanted = key;
    void fetchDetail(key, s.currentFrameId as string, m.sweeps, s.view.pointBudget, focus);
  };
  const unsubscribe = store.subscribe(update);
  update();
  return () => {
    stopped = true;
    unsubscribe();
    wanted = '';
    drop();
  };
}

/** Whether the disc `inner` lies within `outer` (BEV), give or take a tenth of `outer`'s radius. */
function covers(outer: MergedDisc, inner: MergedDisc): boolean {
  return Math.hypot(inner.x - outer.x, inner.y - outer.y) + inner.radius <= 1.1 * outer.radius;
}

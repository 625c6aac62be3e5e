import type { AppStore } from '../state/createAppStore.ts';
import type { ApiClient } from '../io/apiClient.ts';
import { ApiError, api as defaultApi } from '../io/apiClient.ts';

/**
 * Fills the navigator's check summaries for frames this session has not checked itself: first
 * the counts the frame list already carries, then the server's summary of each remaining frame,
 * one request at a time and only while no frame and no merge of sweeps is loading or being drawn
 * (the open frame always comes first).
 * Summaries from the checks worker are fresher (they include unsaved edits) and are never
 * overwritten. A frame whose summary is dropped (`forgetCheckSummary`, after another frame's save)
 * is asked for again. Returns a function that stops the sweep.
 */
export function startFrameCheckSweep(store: AppStore, api: ApiClient = defaultApi): () => void {
  let stopped = false;
  let running = false;
  /** Frames asked for (or given up on) once in this session. */
  const asked = new Set<string>();

  const missing = (): string | undefined => {
    const s = store.getState();
    return s.frames.find((f) => !asked.has(f.id) && f.id !== s.currentFrameId && s.checkSummary[f.id] === undefined)?.id;
  };

  // A frame or a merge of sweeps being loaded goes first: on a 2-core server each summary is a
  // check of a whole frame, and 49 of them behind a merge tripled its time. A merge is loaded once
  // its whole budget is on screen (`fullDetailMs`), not once its last batch has come: the checks of
  // other frames went on meanwhile, and the renderer (in software on the same cores) drew the
  // first merged view up to 0.4 s later.
  const busy = (s: ReturnType<AppStore['getState']>): boolean =>
    s.load.status === 'loading' || s.merge.status === 'loading' || (s.merge.status === 'ready' && s.merge.key !== null && s.merge.fullDetailMs === null);
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      if (!busy(store.getState())) return resolve();
      const off = store.subscribe((s) => {
        if (!busy(s) || stopped) {
          off();
          resolve();
        }
      });
    });

  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      for (let id = missing(); id !== undefined && !stopped; id = missing()) {
        asked.add(id);
        await idle();
        if (stopped) return;
        try {
          const summary = await api.getFrameChecks(id);
          if (summary.skipped !== undefined || stopped) continue;
          if (store.getState().checkSummary[id] === undefined) {
            store.getState().setCheckSummary(id, { error: summary.error, warning: summary.warning });
          }
        } catch (err) {
          // A frame whose points do not read is marked in the list (the file and why); any other
          // failure leaves it without counts.
          if (err instanceof ApiError && err.error === 'frame_unreadable' && store.getState().checkSummary[id] === undefined) {
            store.getState().setCheckSummary(id, { error: 0, warning: 0, unreadable: err.detail });
          }
        }
      }
    } finally {
      running = false;
    }
  };

  const takeListed = () => {
    const s = store.getState();
    for (const f of s.frames) {
      if (f.checks && f.id !== s.currentFrameId && s.checkSummary[f.id] === undefined) {
        asked.add(f.id);
        s.setCheckSummary(f.id, { error: f.checks.error, warning: f.checks.warning });
      }
    }
    void sweep();
  };

  const off = store.subscribe((s, prev) => {
    if (s.checkSummary !== prev.checkSummary) {
      const dropped = Object.keys(prev.checkSummary).filter((id) => s.checkSummary[id] === undefined);
      for (const id of dropped) asked.delete(id);
      if (dropped.length > 0) void sweep();
    }
    if (s.frames !== prev.frames) takeListed();
  });
  takeListed();
  return () => {
    stopped = true;
    off();
  };
}

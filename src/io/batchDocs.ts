import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import { mergeAnnotations } from '../domain/document/mergeAnnotations.ts';
import { failureLine, isRetryable } from '../domain/api/ApiFailure.ts';
import { failureOf } from './apiClient.ts';
import type { AutosaveClock, SaveTarget } from './autosave.ts';
import type { Journal } from './journal.ts';

/**
 * Where one frame of the batch view stands: `saved` the server has it, `dirty` edits wait for the
 * debounce, `saving` one save is in flight, `conflict` someone else changed the same box (nothing
 * is sent until the user picks a side), `error` the last save failed (`error` says why; retried
 * when the failure may pass).
 */
export type BatchSaveStatus = 'loading' | 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** What the batch docs report per frame (the store's batch slice keeps it). */
export interface BatchDocState {
  status: BatchSaveStatus;
  /** The frame's document as edited here (null until loaded, or when the load failed). */
  doc: FrameAnnotation | null;
  /** The server revision the next save names as its base. */
  revision: number | null;
  error: string | null;
  /** Boxes both sides changed differently (status `conflict`). */
  conflictBoxes: string[];
}

export interface BatchDocsHost {
  report(frameId: string, state: BatchDocState): void;
  notify?(text: string, level: 'info' | 'warning' | 'error'): void;
}

export interface BatchDocsOptions {
  target: SaveTarget & { getAnnotation(frameId: string): Promise<FrameAnnotation> };
  host: BatchDocsHost;
  /** The autosave's journal of the same dataset: unsaved work here survives a reload and is sent when the frame is opened. */
  journal?: Journal;
  clock?: AutosaveClock;
  /** Quiet time after an edit before its frame is saved, ms (default 400). */
  debounceMs?: number;
  /** Wait before retrying a failed save, ms (default 3000; doubles up to 60 s). */
  retryMs?: number;
}

/**
 * The documents of the frames a batch view edits other than the open one (the open frame belongs
 * to the store and its autosave). Each frame is loaded once, edited here, and saved after a short
 * quiet time with the revision it was loaded or last saved at (the same revision protocol as the
 * autosave): at most one save per frame is in flight, and edits made meanwhile are sent after it on
 * the new revision, so saves of one frame leave in edit order and none is lost. When someone else
 * saved the frame first, edits to different boxes are merged box by box (`mergeAnnotations`)
 * and saved on their revision; when both changed the same box the frame stops in `conflict`
 * until `resolve` picks a side.
 */
export interface BatchDocs {
  /** Loads frame `frameId` (once; later calls return the held document). */
  load(frameId: string): Promise<FrameAnnotation>;
  /** The held document of a frame, if loaded. */
  get(frameId: string): FrameAnnotation | undefined;
  /**
   * Applies `change` to the held document and schedules its save: one undo step, or with `join`
   * part of the last one (a key held down). False when the frame is not loaded or `change`
   * returned the same document.
   */
  edit(frameId: string, change: (doc: FrameAnnotation) => FrameAnnotation, join?: boolean): boolean;
  /** Takes back the last edit of a frame made here (itself an edit that is saved). False when there is none. */
  undo(frameId: string): boolean;
  /** Makes again the last edit `undo` took back (until a new edit there). False when there is none. */
  redo(frameId: string): boolean;
  /** Sends every pending edit now; resolves when no save is in flight (failed ones stay pending). */
  flush(): Promise<void>;
  /** Frames with edits the server does not have yet. */
  unsaved(): string[];
  /** Ends a conflict: 'mine' saves this version on top of theirs, 'theirs' takes the server's. */
  resolve(frameId: string, choice: 'mine' | 'theirs'): Promise<void>;
  dispose(): void;
}

interface Entry {
  frameId: string;
  loading: Promise<FrameAnnotation> | null;
  base: number;
  baseDoc: FrameAnnotation | null;
  latest: FrameAnnotation | null;
  history: FrameAnnotation[];
  /** Versions `undo` took back, the last first to come back (emptied by a new edit). */
  future: FrameAnnotation[];
  dirty: boolean;
  conflict: { theirs: FrameAnnotation; boxes: string[] } | null;
  error: string | null;
  inFlight: Promise<void> | null;
  again: boolean;
  timer: unknown;
  retryDelay: number;
}

/** Most undo steps kept per frame. */
const HISTORY_LIMIT = 50;

const defaultClock: AutosaveClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createBatchDocs(options: BatchDocsOptions): BatchDocs {
  const { target, host, journal } = options;
  const clock = options.clock ?? defaultClock;
  const debounceMs = options.debounceMs ?? 400;
  const retryMs = options.retryMs ?? 3000;
  const entries = new Map<string, Entry>();
  const flights = new Set<Promise<void>>();
  let disposed = false;

  const statusOf = (e: Entry): BatchSaveStatus =>
    e.latest === null ? (e.error ? 'error' : 'loading') : e.conflict ? 'conflict' : e.inFlight ? 'saving' : e.error ? 'error' : e.dirty ? 'dirty' : 'saved';
  const report = (e: Entry) => {
    if (disposed) return;
    host.report(e.frameId, {
      status: statusOf(e),
      doc: e.latest,
      revision: e.latest === null ? null : e.base,
      error: e.error,
      conflictBoxes: e.conflict?.boxes ?? [],
    });
  };
  const writeJournal = (e: Entry) => {
    if (e.latest) journal?.write({ frameId: e.frameId, baseRevision: e.base, doc: e.latest, writtenAt: clock.now() });
  };
  const schedule = (e: Entry, ms: number) => {
    if (e.timer !== undefined) clock.clearTimeout(e.timer);
    e.timer = clock.setTimeout(() => {
      e.timer = undefined;
      void send(e);
    }, ms);
  };

  const send = (e: Entry): Promise<void> => {
    if (e.timer !== undefined) {
      clock.clearTimeout(e.timer);
      e.timer = undefined;
    }
    if (e.inFlight) {
      e.again = true;
      return e.inFlight;
    }
    if (!e.dirty || e.conflict || e.latest === null || disposed) return Promise.resolve();
    const sent = e.latest;
    const base = e.base;
    const run = (async () => {
      try {
        const result = await target.saveAnnotation(e.frameId, { ...sent, revision: base }, base);
        e.error = null;
        if (result.ok) {
          e.base = result.doc.revision;
          e.baseDoc = result.doc;
          e.retryDelay = retryMs;
          if (e.latest === sent) {
            e.dirty = false;
            journal?.clear(e.frameId);
          } else {
            writeJournal(e);
            e.again = true;
          }
          return;
        }
        const theirs = result.current;
        const merged = e.baseDoc !== null && e.baseDoc.revision === base ? mergeAnnotations(e.baseDoc, e.latest as FrameAnnotation, theirs) : null;
        if (merged !== null && merged.conflicts.length === 0) {
          e.base = theirs.revision;
          e.baseDoc = theirs;
          e.latest = merged.doc;
          writeJournal(e);
          host.notify?.(
            `Someone else saved frame ${e.frameId} (revision ${theirs.revision}) meanwhile; their changes touch other boxes and are merged with yours.`,
            'info',
          );
          e.again = true;
        } else {
          e.conflict = { theirs, boxes: merged?.conflicts ?? [] };
          e.again = false;
        }
      } catch (err) {
        const failure = failureOf(err);
        e.error = failureLine(failure);
        if (isRetryable(failure)) {
          schedule(e, e.retryDelay);
          e.retryDelay = Math.min(60_000, e.retryDelay * 2);
        }
        e.again = false;
      }
    })();
    const chained = run.finally(() => {
      flights.delete(chained);
      e.inFlight = null;
      report(e);
      if (e.again) {
        e.again = false;
        return send(e);
      }
    });
    e.inFlight = chained;
    flights.add(chained);
    report(e);
    return chained;
  };

  const entryOf = (frameId: string): Entry => {
    let e = entries.get(frameId);
    if (!e) {
      e = {
        frameId,
        loading: null,
        base: 0,
        baseDoc: null,
        latest: null,
        history: [],
        future: [],
        dirty: false,
        conflict: null,
        error: null,
        inFlight: null,
        again: false,
        timer: undefined,
        retryDelay: retryMs,
      };
      entries.set(frameId, e);
    }
    return e;
  };

  const commit = (e: Entry, next: FrameAnnotation, record: boolean): void => {
    if (record && e.latest) e.history = [...e.history.slice(-(HISTORY_LIMIT - 1)), e.latest];
    e.latest = next;
    e.dirty = true;
    writeJournal(e);
    report(e);
    if (!e.conflict) schedule(e, debounceMs);
  };

  return {
    load(frameId) {
      const e = entryOf(frameId);
      if (e.latest) return Promise.resolve(e.latest);
      if (e.loading) return e.loading;
      e.error = null;
      report(e);
      e.loading = target
        .getAnnotation(frameId)
        .then((doc) => {
          e.base = doc.revision;
          e.baseDoc = doc;
          e.latest = doc;
          report(e);
          return doc;
        })
        .catch((err: unknown) => {
          e.error = failureLine(failureOf(err));
          report(e);
          throw err;
        })
        .finally(() => {
          e.loading = null;
        });
      return e.loading;
    },

    get: (frameId) => entries.get(frameId)?.latest ?? undefined,

    edit(frameId, change, join = false) {
      const e = entries.get(frameId);
      if (!e || e.latest === null) return false;
      const next = change(e.latest);
      if (next === e.latest) return false;
      e.future = [];
      commit(e, next, !join || e.history.length === 0);
      return true;
    },

    undo(frameId) {
      const e = entries.get(frameId);
      const prev = e?.history.at(-1);
      if (!e || !prev) return false;
      e.history = e.history.slice(0, -1);
      if (e.latest) e.future = [...e.future, e.latest];
      // The undone version goes out on the current base (the server's revision moved on with each save).
      commit(e, { ...prev, revision: e.base }, false);
      return true;
    },

    redo(frameId) {
      const e = entries.get(frameId);
      const next = e?.future.at(-1);
      if (!e || !next) return false;
      e.future = e.future.slice(0, -1);
      if (e.latest) e.history = [...e.history.slice(-(HISTORY_LIMIT - 1)), e.latest];
      commit(e, { ...next, revision: e.base }, false);
      return true;
    },

    async flush() {
      for (const e of entries.values()) if (e.dirty && !e.conflict) void send(e);
      while (flights.size > 0) await Promise.allSettled([...flights]);
    },

    unsaved: () => [...entries.values()].filter((e) => e.dirty).map((e) => e.frameId),

    resolve(frameId, choice) {
      const e = entries.get(frameId);
      if (!e || !e.conflict) return Promise.resolve();
      const { theirs } = e.conflict;
      e.conflict = null;
      e.base = theirs.revision;
      e.baseDoc = theirs;
      if (choice === 'theirs') {
        journal?.writeRecovery({ frameId, doc: e.latest as FrameAnnotation, writtenAt: clock.now() });
        journal?.clear(frameId);
        e.latest = theirs;
        e.history = [];
        e.dirty = false;
        report(e);
        return Promise.resolve();
      }
      e.dirty = true;
      writeJournal(e);
      report(e);
      return send(e);
    },

    dispose() {
      disposed = true;
      for (const e of entries.values()) if (e.timer !== undefined) clock.clearTimeout(e.timer);
    },
  };
}

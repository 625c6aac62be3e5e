import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import { mergeAnnotations } from '../domain/document/mergeAnnotations.ts';
import type { Journal } from './journal.ts';
import { isRetryable, type ApiFailure } from '../domain/api/ApiFailure.ts';
import { failureOf } from './apiClient.ts';

/** Where saves go: `ApiClient.saveAnnotation` fits this (409 → `{ ok: false, conflict, current }`). */
export interface SaveTarget {
  saveAnnotation(
    frameId: string,
    doc: FrameAnnotation,
    baseRevision: number,
  ): Promise<{ ok: true; doc: FrameAnnotation } | { ok: false; conflict: true; current: FrameAnnotation }>;
}

export type AutosaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** What the autosave reports (the store's save slice has this shape). */
export interface AutosaveStatusPatch {
  status?: AutosaveStatus;
  lastSavedRevision?: number | null;
  conflict?: SaveConflict | null;
  /** Why the last save failed (typed; `isRetryable` says whether the autosave tries again). */
  error?: ApiFailure | null;
  lastSavedAt?: number | null;
}

/** Both versions of a frame that could not be merged, and the boxes both sides changed differently. */
export interface SaveConflict {
  mine: FrameAnnotation;
  theirs: FrameAnnotation;
  /** Ids of the boxes changed on both sides (empty when the base was unknown, e.g. journal work). */
  boxes?: string[];
}

/** The autosave's view of the app state (`state/autosaveHost.ts` implements it over the store). */
export interface AutosaveHost {
  getDoc(): FrameAnnotation | null;
  /** Replaces the document as a load (no undo step, history cleared, not reported as an edit). */
  loadDoc(doc: FrameAnnotation): void;
  /** Calls `listener` after every user edit of the document (including undo/redo), not after loads. */
  subscribeEdits(listener: (doc: FrameAnnotation) => void): () => void;
  setStatus(patch: AutosaveStatusPatch): void;
  notify?(text: string, level: 'info' | 'warning' | 'error'): void;
}

export interface AutosaveClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  host: AutosaveHost;
  target: SaveTarget;
  journal: Journal;
  clock?: AutosaveClock;
  /** Quiet time after the last edit before saving, ms (default 1000). */
  debounceMs?: number;
  /** Wait before retrying a failed save, ms (default 5000; doubles up to 60 s). */
  retryMs?: number;
}

export interface Autosave {
  /**
   * Loads the server's document for a frame into the host, first sending any unsaved work of the
   * frame being left. If the journal holds unsaved work for this frame based on the server's
   * current revision, that work is loaded instead and saved; if it was based on an older revision
   * and differs, the frame opens in conflict (nothing is dropped). Returns the loaded document.
   */
  openDoc(serverDoc: FrameAnnotation): FrameAnnotation;
  /** Saves pending changes now (Ctrl+S, leaving the page). */
  saveNow(): Promise<void>;
  /** 'mine': save the local version on top of theirs. 'theirs': load theirs; mine goes to the recovery slot. */
  resolveConflict(choice: 'mine' | 'theirs'): Promise<void>;
  /** Resolves when no save is in flight (for every frame). */
  idle(): Promise<void>;
  dispose(): void;
}

const defaultClock: AutosaveClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** JSON with sorted keys, to compare documents built by different code paths. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Same annotation content, ignoring `revision`. */
export function sameContent(a: FrameAnnotation, b: FrameAnnotation): boolean {
  return canonical({ ...a, revision: 0 }) === canonical({ ...b, revision: 0 });
}

/** One frame's save state. It outlives a frame switch until its last save settles. */
interface Session {
  frameId: string;
  attached: boolean;
  base: number;
  /** The server's document at revision `base`, when known: the common ancestor for a merge. */
  baseDoc: FrameAnnotation | null;
  latest: FrameAnnotation;
  dirty: boolean;
  conflict: SaveConflict | null;
  inFlight: Promise<void> | null;
  again: boolean;
  timer: unknown;
  retryDelay: number;
}

/**
 * Autosave with a local journal: every edit is written to the journal synchronously, then saved
 * to the server after `debounceMs` of quiet with the revision it is based on. A success records
 * the new revision and clears the journal; a 409 puts the frame in conflict with both versions
 * and stops saving it until `resolveConflict`; other failures keep the journal and retry.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  const { host, target, journal } = options;
  const clock = options.clock ?? defaultClock;
  const debounceMs = options.debounceMs ?? 1000;
  const retryMs = options.retryMs ?? 5000;
  const flights = new Set<Promise<void>>();
  let session: Session | null = null;
  let warnedStorage = false;

  const report = (s: Session, patch: AutosaveStatusPatch) => {
    if (s.attached) host.setStatus(patch);
  };

  const writeJournal = (s: Session) => {
    const ok = journal.write({ frameId: s.frameId, baseRevision: s.base, doc: s.latest, writtenAt: clock.now() });
    if (!ok && !warnedStorage) {
      warnedStorage = true;
      host.notify?.('Local backup is full or unavailable: unsaved edits are only in this tab.', 'warning');
    }
  };

  const schedule = (s: Session, ms: number) => {
    if (s.timer !== undefined) clock.clearTimeout(s.timer);
    s.timer = clock.setTimeout(() => {
      s.timer = undefined;
      void flush(s);
    }, ms);
  };

  const flush = (s: Session): Promise<void> => {
    if (s.timer !== undefined) {
      clock.clearTimeout(s.timer);
      s.timer = undefined;
    }
    if (s.inFlight) {
      s.again = true;
      return s.inFlight;
    }
    if (!s.dirty || s.conflict) return Promise.resolve();
    const sent = s.latest;
    const base = s.base;
    report(s, { status: 'saving', error: null });
    const run = (async () => {
      try {
        const result = await target.saveAnnotation(s.frameId, { ...sent, revision: base }, base);
        if (result.ok) {
          s.base = result.doc.revision;
          s.baseDoc = result.doc;
          s.retryDelay = retryMs;
          if (s.latest === sent) {
            s.dirty = false;
            journal.clear(s.frameId);
            report(s, { status: 'saved', lastSavedRevision: s.base, lastSavedAt: clock.now(), error: null });
          } else {
            writeJournal(s); // later edits now build on the new revision
            report(s, { status: 'dirty', lastSavedRevision: s.base, lastSavedAt: clock.now(), error: null });
            s.again = true;
          }
        } else {
          const theirs = result.current;
          const merged = s.baseDoc !== null && s.baseDoc.revision === base ? mergeAnnotations(s.baseDoc, s.latest, theirs) : null;
          if (merged !== null && merged.conflicts.length === 0) {
            // Someone else changed other boxes: keep both, say so, and save the merge on their revision.
            s.base = theirs.revision;
            s.baseDoc = theirs;
            s.latest = merged.doc;
            writeJournal(s);
            if (s.attached) host.loadDoc(merged.doc);
            host.notify?.(
              `Someone else saved frame ${s.frameId} (revision ${theirs.revision}) while you edited it; their changes and yours touch different boxes and are merged.`,
              'info',
            );
            report(s, { status: 'dirty', lastSavedRevision: theirs.revision, error: null });
            s.again = true;
          } else {
            // `mine` carries the revision it was really based on (the document's own field is stale after saves).
            s.conflict = { mine: { ...s.latest, revision: base }, theirs, boxes: merged?.conflicts ?? [] };
            s.again = false;
            report(s, { status: 'conflict', conflict: s.conflict, error: null });
          }
        }
      } catch (err) {
        const failure = failureOf(err);
        report(s, { status: 'error', error: failure });
        if (isRetryable(failure)) {
          schedule(s, s.retryDelay);
          s.retryDelay = Math.min(60_000, s.retryDelay * 2);
        }
        s.again = false;
      }
    })();
    const chained = run.finally(() => {
      flights.delete(chained);
      s.inFlight = null;
      if (s.again) {
        s.again = false;
        return flush(s);
      }
    });
    s.inFlight = chained;
    flights.add(chained);
    return chained;
  };

  const unsubscribe = host.subscribeEdits((doc) => {
    const s = session;
    if (!s || doc.frameId !== s.frameId) return;
    s.latest = doc;
    s.dirty = true;
    writeJournal(s);
    if (s.conflict) {
      s.conflict = { ...s.conflict, mine: { ...doc, revision: s.conflict.mine.revision } };
      report(s, { conflict: s.conflict });
      return;
    }
    if (!s.inFlight) report(s, { status: 'dirty' });
    schedule(s, debounceMs);
  });

  const newSession = (frameId: string, base: number, latest: FrameAnnotation, baseDoc: FrameAnnotation | null = null): Session => ({
    frameId,
    attached: true,
    base,
    baseDoc,
    latest,
    dirty: false,
    conflict: null,
    inFlight: null,
    again: false,
    timer: undefined,
    retryDelay: retryMs,
  });

  return {
    openDoc(serverDoc) {
      const prev = session;
      if (prev && prev.frameId === serverDoc.frameId && (prev.dirty || prev.inFlight || prev.conflict)) {
        // Reopening the frame being edited: keep the local work and its save state.
        return prev.latest;
      }
      if (prev) {
        prev.attached = false;
        if (prev.dirty) void flush(prev);
      }
      const frameId = serverDoc.frameId;
      const entry = journal.read(frameId);
      if (entry && sameContent(entry.doc, serverDoc)) journal.clear(frameId);
      if (!entry || sameContent(entry.doc, serverDoc)) {
        session = newSession(frameId, serverDoc.revision, serverDoc, serverDoc);
        host.loadDoc(serverDoc);
        host.setStatus({ status: 'saved', lastSavedRevision: serverDoc.revision, conflict: null, error: null });
        return serverDoc;
      }
      if (entry.baseRevision >= serverDoc.revision) {
        // Work that never reached the server: put it back and send it.
        const doc = { ...entry.doc, revision: serverDoc.revision };
        const s = newSession(frameId, serverDoc.revision, doc, serverDoc);
        s.dirty = true;
        session = s;
        host.loadDoc(doc);
        host.setStatus({ status: 'dirty', lastSavedRevision: serverDoc.revision, conflict: null, error: null });
        host.notify?.('Restored unsaved changes from the local backup.', 'info');
        void flush(s);
        return doc;
      }
      // The server moved on since the local work started: let the user choose.
      const s = newSession(frameId, entry.baseRevision, entry.doc);
      s.dirty = true;
      s.conflict = { mine: entry.doc, theirs: serverDoc };
      session = s;
      host.loadDoc(entry.doc);
      host.setStatus({ status: 'conflict', lastSavedRevision: entry.baseRevision, conflict: s.conflict, error: null });
      return entry.doc;
    },

    saveNow() {
      return session ? flush(session) : Promise.resolve();
    },

    resolveConflict(choice) {
      const s = session;
      if (!s || !s.conflict) return Promise.resolve();
      const { theirs } = s.conflict;
      s.conflict = null;
      s.baseDoc = theirs;
      if (choice === 'mine') {
        s.base = theirs.revision;
        s.dirty = true;
        writeJournal(s);
        host.setStatus({ status: 'dirty', conflict: null });
        return flush(s);
      }
      journal.writeRecovery({ frameId: s.frameId, doc: s.latest, writtenAt: clock.now() });
      journal.clear(s.frameId);
      s.base = theirs.revision;
      s.latest = theirs;
      s.dirty = false;
      host.loadDoc(theirs);
      host.setStatus({ status: 'saved', lastSavedRevision: theirs.revision, conflict: null, error: null });
      return Promise.resolve();
    },

    async idle() {
      while (flights.size > 0) await Promise.allSettled([...flights]);
    },

    dispose() {
      unsubscribe();
      if (session?.timer !== undefined) clock.clearTimeout(session.timer);
    },
  };
}

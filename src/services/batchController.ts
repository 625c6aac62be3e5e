import type { KeyInput } from '../actions/Action.ts';
import type { Editor } from '../actions/createEditor.ts';
import { normalizeKey } from '../actions/keyMatching.ts';
import { joinsLastStep, repeatMemo, type RepeatMemo } from '../actions/repeatStep.ts';
import { updateCuboid } from '../domain/document/cuboidOps.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import type { FramePose } from '../domain/poses/Pose.ts';
import { moveTileFocus, pageWindowStart, windowIndices, type TileMove } from '../domain/sequence/batchWindow.ts';
import { mergeTrackBoxes } from '../domain/sequence/mergeTrackBoxes.ts';
import type { Cuboid } from '../domain/types.ts';
import { createBatchDocs, type BatchDocs } from '../io/batchDocs.ts';
import { createJournal } from '../io/journal.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { EditorServices } from '../tools/EditorServices.ts';
import { applyToOpenFrame, batchActionForKey, runBatchAction, stepOpenFrame } from './batchActions.ts';
import { createBatchCrops, type BatchCropIo, type BatchCrops } from './batchCrops.ts';
import { planBatchInterpolation } from './batchInterpolate.ts';
import type { PageIo } from './pageIo.ts';
import { createBatchUndoGroup } from './batchUndoGroup.ts';

/** The engine parts the batch view uses (a page's `PageIo` fits). */
export type BatchIo = BatchCropIo & {
  api: Pick<PageIo['api'], 'getAnnotation' | 'saveAnnotation' | 'getPoses' | 'getDataset' | 'pointsUrl'>;
  storage?: PageIo['storage'];
};

export interface BatchControllerDeps {
  store: AppStore;
  io: BatchIo;
  editor: Pick<Editor, 'actions' | 'tools'>;
  /** The page's services: the frame list and track index are refreshed after the view closes. */
  services: EditorServices;
  /** Quiet time before another frame's edits are saved, ms (tests pass 0). */
  debounceMs?: number;
}

/**
 * The batch view's logic, apart from its DOM: which frames it shows, their documents, edits routed
 * to the right frame (the open frame through the store, so they are undone and autosaved as any
 * edit; the others through `io/batchDocs.ts`, saved with the revision protocol), the keyboard,
 * interpolation and closing once every edit is saved. Built once per page; a session starts with
 * `openBatch` in the store and ends with `close`.
 */
export interface BatchController {
  /** The frames of the window, in order. */
  windowFrames(): FrameListItem[];
  /** Loads the documents of the window's frames that are not loaded yet (call when the window changes). */
  syncWindow(): Promise<void>;
  /** A frame's document as the view shows it (the open frame's from the store). */
  docOf(frameId: string): FrameAnnotation | null;
  /** The track's box in a frame's document, if it has one. */
  trackBox(frameId: string): Cuboid | null;
  /** Applies `change` to frame `frameId`'s document; false when nothing changed or it is not editable. */
  edit(frameId: string, change: (doc: FrameAnnotation) => FrameAnnotation): boolean;
  /** Moves or turns the track's box of a frame (a drag in its top close-up): one edit. */
  placeBox(frameId: string, patch: { center?: Cuboid['center']; yaw?: number }): boolean;
  /** Runs editor action `actionId` on the track's box of a frame. */
  runAction(frameId: string, actionId: string, input?: KeyInput): Promise<void>;
  /** Interpolates the track between the keyframes around frame `frameId`. */
  interpolate(frameId: string): Promise<void>;
  undo(frameId: string): void;
  /** Makes again what `undo` took back in that frame's tile. */
  redo(frameId: string): void;
  resolve(frameId: string, choice: 'mine' | 'theirs'): Promise<void>;
  /** The keyboard: focus, paging, edits of the focused tile, Esc. True when the key was used. */
  handleKey(input: KeyInput, columns: number): boolean;
  crops: BatchCrops;
  /**
   * Saves every frame and closes. With frames that could not be saved (a conflict, a refusal) the
   * view stays open and says so, unless `force` (their edits stay in the local backup and are sent
   * when that frame is opened).
   */
  close(force?: boolean): Promise<boolean>;
  dispose(): void;
}

export function createBatchController(deps: BatchControllerDeps): BatchController {
  const { store, io, editor, services } = deps;
  const crops = createBatchCrops(io);
  let docs: BatchDocs | null = null;
  let docsTrack: string | null = null;
  let journalName: Promise<string | null> | null = null;
  let poses: Promise<Record<string, FramePose>> | null = null;
  const touched = new Set<string>();
  /** Set once closing was refused for unsaved frames: the next Esc closes anyway. */
  let warnedUnsaved = false;

  const state = () => store.getState();
  const message = (text: string, level: 'info' | 'warning' | 'error' = 'info') => state().showMessage(text, level);
  const currentId = () => state().doc?.frameId ?? null;

  const datasetJournal = () => {
    journalName ??= io.api
      .getDataset()
      .then((info) => `${info.name}:${info.id}`)
      .catch(() => null);
    return journalName;
  };

  /** The session's saver (one per opening of the view). */
  const session = async (): Promise<BatchDocs> => {
    const trackId = state().batch.trackId;
    if (docs && docsTrack === trackId) return docs;
    docs?.dispose();
    const name = io.storage ? await datasetJournal() : null;
    if (docs && docsTrack === trackId) return docs;
    docsTrack = trackId;
    docs = createBatchDocs({
      target: io.api,
      host: {
        report: (frameId, s) => {
          if (state().batch.open) state().setBatchTile(frameId, s);
          if (s.status === 'saved' && touched.has(frameId)) state().forgetCheckSummary(frameId);
        },
        notify: (text, level) => message(text, level),
      },
      ...(name !== null && io.storage ? { journal: createJournal(io.storage, name) } : {}),
      ...(deps.debounceMs !== undefined ? { debounceMs: deps.debounceMs } : {}),
    });
    return docs;
  };

  const windowFrames = (): FrameListItem[] => {
    const { frames, batch } = state();
    return windowIndices(batch.start, frames.length, batch.size).map((i) => frames[i]);
  };

  const docOf = (frameId: string): FrameAnnotation | null =>
    frameId === currentId() ? state().doc : (docs?.get(frameId) ?? state().batch.tiles[frameId]?.doc ?? null);

  const trackBox = (frameId: string): Cuboid | null => {
    const trackId = state().batch.trackId;
    return docOf(frameId)?.cuboids.find((c) => c.trackId === trackId) ?? null;
  };

  /** Why frame `doc` may not be edited here, or null. */
  const lockOf = (doc: FrameAnnotation): string | null => {
    if (doc.frameId === currentId()) return null; // the store's own edit lock speaks for the open frame
    if (doc.status === 'submitted' || doc.status === 'accepted') return `Frame ${doc.frameId} is ${doc.status}: its boxes cannot be changed here.`;
    return null;
  };

  /** Applies `change` to frame `frameId`: one undo step, or with `join` part of the last one there. */
  const edit = (frameId: string, change: (doc: FrameAnnotation) => FrameAnnotation, join = false): boolean => {
    undoGroup.edited();
    if (frameId === currentId()) return applyToOpenFrame(store, change, join);
    const doc = docs?.get(frameId);
    if (!docs || !doc) {
      message(`Frame ${frameId} is still loading.`, 'warning');
      return false;
    }
    const lock = lockOf(doc);
    if (lock) {
      message(lock, 'warning');
      return false;
    }
    const changed = docs.edit(frameId, change, join);
    if (changed) touched.add(frameId);
    return changed;
  };

  const frameById = (frameId: string) => state().frames.find((f) => f.id === frameId);

  /** The services an action run on frame `frameId` may call: a fit in that frame's points. */
  const tileServices = (frameId: string): EditorServices => ({
    ...services,
    fit: {
      fit: (fid, point, opts) => {
        const frame = frameById(fid);
        if (!frame) return Promise.resolve(null);
        const run = () =>
          io.worker().fit(fid, point, {
            label: opts.label,
            ...(opts.prior ? { prior: { center: opts.prior.center, size: opts.prior.size, yaw: opts.prior.yaw } } : {}),
            ...(opts.headingIndex !== undefined ? { headingIndex: opts.headingIndex } : {}),
            ...(opts.reach !== undefined ? { reach: opts.reach } : {}),
            ...(opts.exclude !== undefined ? { exclude: opts.exclude } : {}),
          });
        return fid === frameId && fid !== currentId() ? crops.withFrame(frame, run) : run();
      },
    },
  });

  /**
   * Edits run one after another: each reads the document the previous one left (two quick keys on
   * one box would otherwise both start from the same box, and the second would undo the first).
   */
  let edits: Promise<void> = Promise.resolve();
  const inOrder = (fn: () => Promise<void>): Promise<void> => (edits = edits.then(fn, fn));

  /** The last repeatable edit run on a tile (`repeatStep`). */
  let lastRepeat: RepeatMemo | null = null;
  const runAction = (frameId: string, actionId: string, input?: KeyInput): Promise<void> => inOrder(() => runActionNow(frameId, actionId, input));

  const runActionNow = async (frameId: string, actionId: string, input?: KeyInput): Promise<void> => {
    const action = editor.actions.get(actionId);
    const doc = docOf(frameId);
    const box = trackBox(frameId);
    if (!action || !doc) return;
    if (!box) {
      message(`Frame ${frameId} has no box of this track: I interpolates one between keyframes.`, 'info');
      return;
    }
    const lock = lockOf(doc);
    if (lock) {
      message(lock, 'warning');
      return;
    }
    try {
      const out = await runBatchAction(action, doc, box.id, { tools: editor.tools as Editor['tools'], services: tileServices(frameId) }, input);
      if (out.message) message(out.message.text, out.message.level);
      // A key held down on a tile's box is one undo step there, as in the main view.
      const target = `${frameId}\n${box.id}`;
      const now = Date.now();
      if (out.change) edit(frameId, out.change, joinsLastStep(lastRepeat, action, target, docOf(frameId), now));
      lastRepeat = repeatMemo(action, target, docOf(frameId), now);
    } catch (err) {
      message(`Frame ${frameId}: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  /** A frame's document for reading: held or open, else read from the server without holding it. */
  const readDoc = async (frameId: string): Promise<FrameAnnotation> => docOf(frameId) ?? io.api.getAnnotation(frameId);

  const interpolate = (frameId: string): Promise<void> => inOrder(() => interpolateNow(frameId));

  const interpolateNow = async (frameId: string): Promise<void> => {
    const trackId = state().batch.trackId;
    const frames = state().frames;
    const index = frames.findIndex((f) => f.id === frameId);
    if (trackId === null || index < 0) return;
    const d = await session();
    poses ??= io.api
      .getPoses()
      .then((r) => r.frames)
      .catch(() => ({}));
    try {
      const plan = await planBatchInterpolation(
        frames.map((f) => f.id),
        index,
        trackId,
        readDoc,
        { size: state().sequence.lockSize ? 'lock' : 'interpolate', poses: await poses },
      );
      if (plan.segments.length === 0) {
        message(`Mark keyframes (K) on this track before and after frame ${frameId} first.`, 'info');
        return;
      }
      const written = await undoGroup.record(async () => {
        const frames: string[] = [];
        for (const u of plan.updates) {
          if (u.frameId !== currentId()) await d.load(u.frameId);
          if (edit(u.frameId, (doc) => mergeTrackBoxes(doc, [u.cuboid]).doc)) frames.push(u.frameId);
        }
        return frames;
      });
      const changed = written.length;
      const span = plan.segments.map(([a, b]) => `${a}–${b}`).join(' and ');
      message(
        `Interpolated ${changed} frame${changed === 1 ? '' : 's'} between keyframes ${span}${changed > 1 ? ' (Ctrl+Z undoes it in all of them)' : ''}.`,
        'info',
      );
    } catch (err) {
      message(`Interpolation failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  const focusedFrame = (): string | null => windowFrames()[state().batch.focus]?.id ?? null;

  const move = (m: TileMove, columns: number) => {
    const count = windowFrames().length;
    state().setBatchFocus(moveTileFocus(state().batch.focus, count, columns, m));
  };

  const page = (direction: 1 | -1) => {
    const { batch, frames } = state();
    const start = pageWindowStart(batch.start, frames.length, batch.size, direction);
    if (start === batch.start) return;
    const count = windowIndices(start, frames.length, batch.size).length;
    state().setBatchWindow(start, Math.min(batch.focus, count - 1));
    void syncWindow();
  };

  const syncWindow = async (): Promise<void> => {
    if (!state().batch.open) return;
    const d = await session();
    for (const f of windowFrames()) {
      if (f.id === currentId()) continue;
      // A failed load is reported on its tile; the others go on.
      await d.load(f.id).catch(() => undefined);
    }
  };

  const undoGroup = createBatchUndoGroup({
    undoOne: (frameId) => (frameId === currentId() ? stepOpenFrame(store, 'undo') : (docs?.undo(frameId) ?? false)),
    redoOne: (frameId) => (frameId === currentId() ? stepOpenFrame(store, 'redo') : (docs?.redo(frameId) ?? false)),
    message,
  });
  const undo = (frameId: string) => undoGroup.undo(frameId);
  const redo = (frameId: string) => undoGroup.redo(frameId);

  const close = async (force = false): Promise<boolean> => {
    if (!state().batch.open) return true;
    state().setBatchClosing(true);
    await edits;
    await docs?.flush();
    const left = docs?.unsaved() ?? [];
    if (left.length > 0 && !force) {
      state().setBatchClosing(false);
      warnedUnsaved = true;
      message(
        `Not saved yet: frame${left.length === 1 ? '' : 's'} ${left.join(', ')} (see the tile). Resolve it, or press Esc again to close: the edits stay in this browser's backup and are sent when that frame is opened.`,
        'warning',
      );
      return false;
    }
    docs?.dispose();
    docs = null;
    docsTrack = null;
    warnedUnsaved = false;
    state().closeBatch();
    if (touched.size > 0) {
      touched.clear();
      void services.frames?.refreshFrames().catch(() => undefined);
      if (state().tracks.panelOpen) void services.tracks?.reload().catch(() => undefined);
    }
    return true;
  };

  const handleKey = (input: KeyInput, columns: number): boolean => {
    const key = normalizeKey(input.key);
    const ctrl = input.ctrlKey || input.metaKey === true;
    const plain = !ctrl && !input.altKey;
    const frameId = focusedFrame();
    if (key === 'Escape' || (key === 'b' && input.shiftKey && plain)) {
      // The second Esc after "not saved yet" closes anyway.
      void close(key === 'Escape' && warnedUnsaved);
      return true;
    }
    if (plain && !input.shiftKey) {
      const moves: Record<string, TileMove> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last' };
      if (moves[key]) {
        move(moves[key], columns);
        return true;
      }
    }
    if (key === 'Tab' && !ctrl && !input.altKey) {
      move(input.shiftKey ? 'prev' : 'next', columns);
      return true;
    }
    if (plain && (key === 'PageDown' || key === 'PageUp' || key === 'd' || key === 'a') && !input.shiftKey) {
      page(key === 'PageDown' || key === 'd' ? 1 : -1);
      return true;
    }
    if (frameId === null) return false;
    if (ctrl && key === 'z' && !input.shiftKey) {
      undo(frameId);
      return true;
    }
    if (ctrl && ((key === 'z' && input.shiftKey) || (key === 'y' && !input.shiftKey))) {
      redo(frameId);
      return true;
    }
    if (plain && key === 'i' && !input.shiftKey) {
      void interpolate(frameId);
      return true;
    }
    const action = batchActionForKey(editor.actions.list(), input);
    if (action) {
      void runAction(frameId, action.id, input);
      return true;
    }
    return false;
  };
  return {
    windowFrames,
    syncWindow,
    docOf,
    trackBox,
    edit,
    placeBox(frameId, patch) {
      const box = trackBox(frameId);
      return box ? edit(frameId, (doc) => updateCuboid(doc, box.id, patch)) : false;
    },
    runAction,
    interpolate,
    undo,
    redo,
    resolve: (frameId, choice) => docs?.resolve(frameId, choice) ?? Promise.resolve(),
    handleKey,
    crops,
    close,
    dispose() {
      docs?.dispose();
      docs = null;
    },
  };
}

import type { Cuboid } from '../domain/types.ts';
import { newTrackId } from '../domain/document/cuboidOps.ts';
import type { CuboidPatch } from '../domain/document/cuboidOps.ts';
import type { AppState } from '../state/AppState.ts';
import type { SequenceService } from '../io/sequenceTypes.ts';
import type { ActionContext } from './Action.ts';

/** Predicate: a document is open and there is a frame after it. */
export function hasNextFrame(state: AppState): boolean {
  const doc = state.doc;
  if (!doc) return false;
  const i = state.frames.findIndex((f) => f.id === doc.frameId);
  return i >= 0 && i < state.frames.length - 1;
}

/** The sequence service, or null after telling the user it is not available. */
export function sequenceService(ctx: ActionContext): SequenceService | null {
  const service = ctx.services.sequence;
  if (!service) ctx.store.getState().showMessage('Sequence tools are not available here (no sequence service).', 'warning');
  return service ?? null;
}

/**
 * The boxes with a track id each: boxes without one get a new one (`newTrackId`), and `patches`
 * writes those ids into the open frame's document.
 */
export function withTrackIds(boxes: readonly Cuboid[]): { boxes: Cuboid[]; patches: Record<string, CuboidPatch> } {
  const patches: Record<string, CuboidPatch> = {};
  const out = boxes.map((c) => {
    if (c.trackId !== null) return c;
    const trackId = newTrackId();
    patches[c.id] = { trackId };
    return { ...c, trackId };
  });
  return { boxes: out, patches };
}

/** "1 box" / "3 boxes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

/** The error's message. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

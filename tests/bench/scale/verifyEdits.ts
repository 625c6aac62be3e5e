import type { FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { Storage } from '../../../src/server/storage/Storage.ts';
import type { ScaleLog } from './annotator.ts';

/** What the database holds after a run, against what the annotators were told. */
export interface EditAudit {
  /** Acknowledged saves checked. */
  acknowledged: number;
  /** Acknowledged saves whose edit is in neither their revision nor any later one (or not in the frame's current document). */
  lost: string[];
  /** (frame, revision) pairs acknowledged twice, or logged twice as a save in the activity log. */
  duplicates: string[];
  /** Frames whose saved revisions are not exactly 1..current in the activity log. */
  gaps: string[];
  /** Acknowledged revisions read from the history (the rest were compacted; their later revisions were read). */
  readAtOwnRevision: number;
}

/** Index of `center` among a box's edits (-1 when it is none of them). */
function stepOf(steps: number[][], center: readonly number[] | undefined): number {
  if (center === undefined) return -1;
  return steps.findIndex((c) => c[0] === center[0] && c[1] === center[1] && c[2] === center[2]);
}

/**
 * Every acknowledged save must be in the database: the revision it was given holds its box where it
 * put it, or (when autosave compaction dropped that revision) the next stored revision holds the box
 * at that edit or a later one of the same annotator; the frame's current document holds every box at
 * its last acknowledged edit or later. No (frame, revision) may be acknowledged twice, and the
 * activity log's save (and first-open import) lines of each frame must be the revisions 1..current, each once.
 */
export async function auditEdits(storage: Storage, log: ScaleLog): Promise<EditAudit> {
  const audit: EditAudit = { acknowledged: log.acks.length, lost: [], duplicates: [], gaps: [], readAtOwnRevision: 0 };
  const seen = new Set<string>();
  for (const a of log.acks) {
    const key = `${a.frameId}@${a.revision}`;
    if (seen.has(key)) audit.duplicates.push(`${key} acknowledged twice`);
    seen.add(key);
  }
  const frames = [...new Set(log.acks.map((a) => a.frameId))].sort();
  const current = new Map<string, FrameAnnotation>();
  const stored = new Map<string, number[]>();
  for (const f of frames) {
    const doc = await storage.getAnnotation(f);
    if (doc === null) {
      audit.lost.push(`${f}: no document at all`);
      continue;
    }
    current.set(f, doc);
    stored.set(
      f,
      (await storage.listRevisions(f)).map((r) => r.revision).sort((x, y) => x - y),
    );
    // Every line that made a revision (the import of the shipped label on first open, then the saves).
    const made = (await storage.listActivity({ frameId: f, limit: 1_000_000 })).filter(
      (e) => e.revision !== null && (e.action === 'save' || e.action === 'import'),
    );
    const counts = new Map<number, number>();
    for (const e of made) counts.set(e.revision as number, (counts.get(e.revision as number) ?? 0) + 1);
    for (const [r, n] of counts) if (n > 1) audit.duplicates.push(`${f}@${r} logged ${n} times`);
    const distinct = [...counts.keys()].sort((x, y) => x - y);
    if (distinct.length !== doc.revision || distinct.some((r, i) => r !== i + 1)) {
      audit.gaps.push(`${f}: revisions logged ${distinct.join(',')} for current revision ${doc.revision}`);
    }
  }
  const lastAcked = new Map<string, { frameId: string; step: number }>();
  for (const a of log.acks) {
    const steps = log.steps.get(a.boxId) ?? [];
    const revisions = stored.get(a.frameId) ?? [];
    const at = revisions.find((r) => r >= a.revision);
    const doc = at === undefined ? current.get(a.frameId) : await storage.getRevision(a.frameId, at);
    if (at === a.revision) audit.readAtOwnRevision++;
    const found = stepOf(steps, doc?.cuboids.find((c) => c.id === a.boxId)?.center);
    const ok = at === a.revision ? found === a.step : found >= a.step;
    if (!ok) audit.lost.push(`${a.boxId} edit ${a.step} acknowledged at ${a.frameId}@${a.revision}: revision ${at ?? 'current'} has edit ${found}`);
    const prev = lastAcked.get(a.boxId);
    if (prev === undefined || a.step > prev.step) lastAcked.set(a.boxId, { frameId: a.frameId, step: a.step });
  }
  for (const [boxId, { frameId, step }] of lastAcked) {
    const found = stepOf(log.steps.get(boxId) ?? [], current.get(frameId)?.cuboids.find((c) => c.id === boxId)?.center);
    if (found < step) audit.lost.push(`${boxId}: current ${frameId} has edit ${found}, edit ${step} was acknowledged`);
  }
  return audit;
}

/**
 * Label objects (or files) against the database: waits until no frame is marked dirty (the label
 * sync and the start-up repair rewrite those), then compares each saved frame's stored label with
 * the label the server renders from the database. Returns the frames that differ (or stayed dirty).
 */
export async function auditLabels(
  storage: Storage,
  frameIds: string[],
  readStored: (frameId: string) => Promise<string | null>,
  renderFromDb: (frameId: string) => Promise<string>,
  waitMs = 45_000,
): Promise<{ compared: number; differ: string[]; waitedMs: number }> {
  const t0 = Date.now();
  let dirty = await storage.listDirtyLabels();
  while (dirty.length > 0 && Date.now() - t0 < waitMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    dirty = await storage.listDirtyLabels();
  }
  const waitedMs = Date.now() - t0;
  const differ = dirty.map((f) => `${f}: still marked dirty after ${Math.round(waitedMs / 1000)} s`);
  for (const f of frameIds) {
    const [storedText, rendered] = await Promise.all([readStored(f), renderFromDb(f)]);
    if (storedText !== rendered)
      differ.push(`${f}: stored label (${storedText === null ? 'missing' : `${storedText.length} B`}) differs from the database's (${rendered.length} B)`);
  }
  return { compared: frameIds.length, differ, waitedMs };
}

/**
 * The sequence service with ego poses: carried boxes get the ego motion between frames (and the
 * previous box moved into the source frame), a carry stops at the end of a sequence, and
 * interpolation runs in the world frame.
 */
import { describe, expect, it } from 'vitest';
import { createSequenceService, type SequenceWorker } from '../../../src/io/sequenceService.ts';
import type { SaveResult } from '../../../src/io/apiClient.ts';
import { emptyAnnotation, type FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import { createCuboid } from '../../../src/domain/document/cuboidOps.ts';
import type { FramePose } from '../../../src/domain/poses/Pose.ts';
import { rigidFromYaw } from '../../../src/domain/poses/rigid.ts';
import { lidarBoxToWorld, transformBox, worldBoxToLidar } from '../../../src/domain/poses/worldTransforms.ts';
import type { PropagateItem, PropagateOptions, PropagatedBox } from '../../../workers/propagate.ts';

const IDS = ['a_000000', 'a_000001', 'a_000002', 'b_000000'];
const frames: FrameListItem[] = IDS.map((id) => ({
  id,
  pointsFile: `${id}.bin`,
  hasCalib: false,
  hasImage: false,
  hasLabel: false,
  pointCount: null,
  status: 'todo',
  boxCount: 0,
  revision: 0,
}));
// Sequence a: the ego drives 2 m forward per frame, turning 0.1 rad; sequence b has a world of its own.
const POSES: Record<string, FramePose> = {
  a_000000: { sequence: 'a', pose: rigidFromYaw(0, [0, 0, 0]) },
  a_000001: { sequence: 'a', pose: rigidFromYaw(0.1, [2, 0, 0]) },
  a_000002: { sequence: 'a', pose: rigidFromYaw(0.2, [4, 0.3, 0]) },
  b_000000: { sequence: 'b', pose: rigidFromYaw(0, [0, 0, 0]) },
};
const parked = { center: [25, 4, 0.8] as const, size: [4, 1.8, 1.6] as const, yaw: 0.5 };
const seen = (id: string) => worldBoxToLidar(parked, POSES[id].pose);

class Api {
  docs = new Map<string, FrameAnnotation>();
  async getAnnotation(id: string) {
    return structuredClone(this.docs.get(id) ?? emptyAnnotation(id));
  }
  async saveAnnotation(id: string, doc: FrameAnnotation, base: number): Promise<SaveResult> {
    const cur = this.docs.get(id) ?? emptyAnnotation(id);
    if (cur.revision !== base) return { ok: false, conflict: true, current: cur };
    const saved = { ...doc, revision: base + 1 };
    this.docs.set(id, saved);
    return { ok: true, doc: saved, labelWritten: true };
  }
  pointsUrl(id: string) {
    return `mem://${id}`;
  }
  async getPoses() {
    return { frames: POSES };
  }
}

/** A worker that keeps every box where the ego motion puts it (a parked car with no points to fit). */
class Worker implements SequenceWorker {
  calls: { from: string; to: string; items: PropagateItem[]; opts: PropagateOptions }[] = [];
  async ensureFrame() {
    return { count: 0, cached: true };
  }
  async propagate(from: string, to: string, items: PropagateItem[], opts: PropagateOptions): Promise<PropagatedBox[]> {
    this.calls.push({ from, to, items, opts });
    return items.map(({ box }) => ({ sourceId: box.id, box: opts.egoMotion ? transformBox(box, opts.egoMotion) : box, status: 'fitted', pointCount: 0 }));
  }
}

describe('sequenceService with ego poses', () => {
  it('carries a parked car with the ego motion and stops at the end of its sequence', async () => {
    const api = new Api();
    const worker = new Worker();
    const service = createSequenceService({ api, worker, frames: () => frames, currentFrameId: () => null });
    const box = createCuboid({ id: 'c0', trackId: 't1-car', label: 'Car', ...seen('a_000000'), source: 'manual' });
    const steps = await service.propagate('a_000000', [box], 5);
    expect(steps.map((s) => s.frameId)).toEqual(['a_000001', 'a_000002']);
    expect(worker.calls[0].opts.egoMotion).toBeDefined();
    // The second step's previous box (frame a_000000's) was moved into the source frame a_000001.
    const prev = worker.calls[1].items[0].previous;
    prev?.center.forEach((v, k) => expect(v).toBeCloseTo(seen('a_000001').center[k], 9));
    for (const id of ['a_000001', 'a_000002']) {
      const c = api.docs.get(id)?.cuboids[0];
      const w = lidarBoxToWorld(c!, POSES[id].pose);
      expect(w.center[0]).toBeCloseTo(25, 9);
      expect(w.center[1]).toBeCloseTo(4, 9);
    }
    expect(api.docs.has('b_000000')).toBe(false);
  });

  it('interpolates between keyframes in the world frame', async () => {
    const api = new Api();
    const key = (id: string) => createCuboid({ id: `k-${id}`, trackId: 't2-car', label: 'Car', ...seen(id), source: 'manual', attributes: { keyframe: true } });
    api.docs.set('a_000002', { ...emptyAnnotation('a_000002'), revision: 1, cuboids: [key('a_000002')] });
    const current = { ...emptyAnnotation('a_000000'), revision: 1, cuboids: [key('a_000000')] };
    const service = createSequenceService({ api, worker: new Worker(), frames: () => frames, currentFrameId: () => 'a_000000' });
    const r = await service.interpolate('t2-car', current);
    expect(r.savedFrameIds).toEqual(['a_000001']);
    const mid = api.docs.get('a_000001')?.cuboids[0];
    mid?.center.forEach((v, k) => expect(v).toBeCloseTo(seen('a_000001').center[k], 9));
  });
});

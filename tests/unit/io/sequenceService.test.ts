/**
 * The app's sequence service against an in-memory server with the revision protocol and a
 * worker stand-in that runs the real worker code (`propagateInFrame`) on the generated
 * sequence's point files (samples/).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSequenceService, type SequenceWorker } from '../../../src/io/sequenceService.ts';
import type { SaveResult } from '../../../src/io/apiClient.ts';
import { emptyAnnotation, type FrameAnnotation } from '../../../src/domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../../../src/domain/document/FrameListItem.ts';
import { createCuboid } from '../../../src/domain/document/cuboidOps.ts';
import { parsePcd } from '../../../src/domain/pcd/parsePcd.ts';
import { readVelodyneBin } from '../../../src/domain/kitti/readVelodyneBin.ts';
import { buildPointGrid } from '../../../src/domain/geometry/PointGrid.ts';
import { estimateGround } from '../../../src/domain/geometry/estimateGround.ts';
import { iouBev } from '../../../src/domain/geometry/iou.ts';
import type { Cuboid } from '../../../src/domain/types.ts';
import { propagateInFrame } from '../../../workers/propagate.ts';
import type { PropagationFrame } from '../../../workers/propagate.ts';

const root = resolve(process.cwd(), 'samples');
interface GtObject {
  trackId: string;
  class: string;
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
  labelled: boolean;
}
const gt: { frames: { frameId: string; file: string; objects: GtObject[] }[] } = JSON.parse(readFileSync(resolve(root, 'ground_truth.json'), 'utf8'));
const FRAME_IDS = gt.frames.map((f) => f.frameId);
const frameList: FrameListItem[] = gt.frames.map((f) => ({
  id: f.frameId,
  pointsFile: f.file.slice('velodyne/'.length),
  hasCalib: true,
  hasImage: false,
  hasLabel: true,
  pointCount: null,
  status: 'todo',
  boxCount: 0,
  revision: 0,
}));

/** An in-memory server: documents with revisions, 409 on a stale base, scripted interference. */
class MemoryApi {
  docs = new Map<string, FrameAnnotation>();
  saves: string[] = [];
  /** Frames where someone else saves just before our next save (`times` times). */
  interfere = new Map<string, number>();

  current(frameId: string): FrameAnnotation {
    return this.docs.get(frameId) ?? emptyAnnotation(frameId);
  }
  async getAnnotation(frameId: string): Promise<FrameAnnotation> {
    return structuredClone(this.current(frameId));
  }
  async saveAnnotation(frameId: string, doc: FrameAnnotation, baseRevision: number): Promise<SaveResult> {
    const times = this.interfere.get(frameId) ?? 0;
    if (times > 0) {
      this.interfere.set(frameId, times - 1);
      const other = this.current(frameId);
      const extra = createCuboid({ label: 'Pedestrian', center: [5, 5 + times, -1], size: [0.8, 0.6, 1.7], yaw: 0, source: 'manual' });
      this.docs.set(frameId, { ...other, revision: other.revision + 1, cuboids: [...other.cuboids, extra] });
    }
    const cur = this.current(frameId);
    if (baseRevision !== cur.revision) return { ok: false, conflict: true, current: structuredClone(cur) };
    const saved = { ...structuredClone(doc), revision: cur.revision + 1 };
    this.docs.set(frameId, saved);
    this.saves.push(frameId);
    return { ok: true, doc: structuredClone(saved), labelWritten: true };
  }
  pointsUrl(frameId: string): string {
    return `mem://${frameId}`;
  }
  async getTracks() {
    return [...this.docs.values()].map((d) => ({ frameId: d.frameId, revision: d.revision, cuboids: d.cuboids.filter((c) => c.trackId !== null) }));
  }
}

/** The worker's two methods over the sample files, with a log of the frames asked for. */
class SampleWorker implements SequenceWorker {
  entries = new Map<string, PropagationFrame>();
  ensured: string[] = [];
  async ensureFrame(frameId: string, _url: string, kind: 'pcd' | 'bin') {
    this.ensured.push(frameId);
    const cached = this.entries.get(frameId);
    if (cached) return { count: cached.cloud.count, cached: true };
    const bytes = readFileSync(resolve(root, 'velodyne', `${frameId}.${kind}`));
    const cloud = kind === 'pcd' ? parsePcd(bytes) : readVelodyneBin(bytes);
    let grid: ReturnType<typeof buildPointGrid> | null = null;
    let ground: ReturnType<typeof estimateGround> | null = null;
    this.entries.set(frameId, {
      cloud,
      grid: () => (grid ??= buildPointGrid(cloud.positions)),
      ground: () => (ground ??= estimateGround(cloud.positions)),
    });
    return { count: cloud.count, cached: false };
  }
  async propagate(fromFrameId: string, toFrameId: string, items: Parameters<typeof propagateInFrame>[2], opts: Parameters<typeof propagateInFrame>[3]) {
    const target = this.entries.get(toFrameId);
    return target ? propagateInFrame(target, this.entries.get(fromFrameId), items, opts) : null;
  }
}

function gtCuboid(frame: number, trackId: string, attributes: Record<string, boolean> = {}): Cuboid {
  const o = gt.frames[frame].objects.find((x) => x.trackId === trackId)!;
  return createCuboid({ id: `${trackId}@${frame}`, trackId, label: o.class, center: o.center, size: o.size, yaw: o.yaw, source: 'manual', attributes });
}

function setup(current: string | null = '000000') {
  const api = new MemoryApi();
  const worker = new SampleWorker();
  const service = createSequenceService({ api, worker, frames: () => frameList, currentFrameId: () => current });
  return { api, worker, service };
}

const TRACKS = ['car-06', 'car-12', 'car-19', 'ped-01', 'cyc-02'];

describe('sequenceService.propagate', () => {
  let run: ReturnType<typeof setup>;
  let steps: Awaited<ReturnType<ReturnType<typeof setup>['service']['propagate']>>;
  beforeAll(async () => {
    run = setup();
    run.api.docs.set('000002', { ...emptyAnnotation('000002'), revision: 4, cuboids: [gtCuboid(2, 'car-12', { keyframe: true }), gtCuboid(2, 'car-06')] });
    steps = await run.service.propagate(
      '000000',
      TRACKS.map((t) => gtCuboid(0, t)),
      3,
    );
  });

  it('carries the boxes frame by frame and saves each frame once, under the same track ids', () => {
    expect(steps.map((s) => s.frameId)).toEqual(['000001', '000002', '000003']);
    expect(run.api.saves).toEqual(['000001', '000002', '000003']);
    for (const [i, step] of steps.entries()) {
      const saved = run.api.current(step.frameId);
      expect(saved.cuboids.map((c) => c.trackId).sort()).toEqual([...TRACKS].sort());
      const truth = new Map(gt.frames[i + 1].objects.map((o) => [o.trackId, o]));
      for (const c of step.boxes) expect(iouBev(c, truth.get(c.trackId!)!)).toBeGreaterThan(0.6);
    }
    expect(steps[0].statuses).toEqual(['fitted', 'fitted', 'fitted', 'fitted', 'fitted']);
  });

  it('keeps a keyframe found on the way (and carries on from it), replaces other boxes of the track in place', () => {
    const second = run.api.current('000002');
    expect(second.revision).toBe(5);
    expect(steps[1].statuses[1]).toBe('keyframe');
    expect(second.cuboids.find((c) => c.trackId === 'car-12')).toEqual(gtCuboid(2, 'car-12', { keyframe: true }));
    expect(second.cuboids.find((c) => c.trackId === 'car-06')!.id).toBe('car-06@2');
    expect(steps[2].boxes[1].trackId).toBe('car-12');
  });

  it('loads each frame into the worker and keeps the open frame warm after every step', () => {
    expect(new Set(run.worker.ensured)).toEqual(new Set(['000000', '000001', '000002', '000003']));
    expect(run.worker.ensured.filter((f) => f === '000000').length).toBeGreaterThanOrEqual(4);
  });
});

describe('sequenceService.propagate onto boxes made in the app', () => {
  it('a carried box joins the box already there when its track is in no other frame, and the frame list hears of each save', async () => {
    const { api, service } = setup();
    // Frame 1: car-06 boxed by hand (a track id of its own); car-12 boxed under a track also seen in frame 5.
    const drawn = { ...gtCuboid(1, 'car-06'), id: 'drawn', trackId: 'solo' };
    const other = { ...gtCuboid(1, 'car-12'), id: 'long', trackId: 'long' };
    api.docs.set('000001', { ...emptyAnnotation('000001'), cuboids: [drawn, other] });
    api.docs.set('000005', { ...emptyAnnotation('000005'), cuboids: [{ ...gtCuboid(5, 'car-12'), trackId: 'long' }] });
    const saved: string[] = [];
    const [step] = await service.propagate('000000', [gtCuboid(0, 'car-06'), gtCuboid(0, 'car-12')], 1, { onFrameSaved: (id) => saved.push(id) });
    const doc = api.current('000001');
    expect(step.statuses[0]).toBe('matched');
    expect(doc.cuboids.filter((c) => iouBev(c, drawn) > 0.3).map((c) => [c.id, c.trackId])).toEqual([['drawn', 'car-06']]);
    // A box of a track that spans frames is never taken over: car-12 is added beside it.
    expect(
      doc.cuboids
        .filter((c) => iouBev(c, other) > 0.3)
        .map((c) => c.trackId)
        .sort(),
    ).toEqual(['car-12', 'long']);
    expect(saved).toEqual(['000001']);
  });
});

describe('sequenceService saves with the revision protocol', () => {
  it('redoes a save once on the current version when someone else saved meanwhile', async () => {
    const { api, service } = setup();
    api.interfere.set('000001', 1);
    const [step] = await service.propagate('000000', [gtCuboid(0, 'car-06')], 1);
    const doc = api.current('000001');
    expect(doc.revision).toBe(2);
    expect(doc.cuboids.map((c) => c.label).sort()).toEqual(['Car', 'Pedestrian']);
    expect(step.boxes[0].trackId).toBe('car-06');
  });

  it('gives up after a second conflict, and refuses boxes without a track id or the open frame', async () => {
    const { api, service } = setup();
    api.interfere.set('000001', 2);
    await expect(service.propagate('000000', [gtCuboid(0, 'car-06')], 1)).rejects.toThrow(/000001 was changed by someone else twice/);
    await expect(service.propagate('000000', [{ ...gtCuboid(0, 'car-06'), trackId: null }], 1)).rejects.toThrow(/has no track id/);
    const open = setup('000001');
    await expect(open.service.propagate('000000', [gtCuboid(0, 'car-06')], 1)).rejects.toThrow(/open in the editor/);
    expect(open.api.saves).toEqual([]);
  });

  it('stops at the end of the sequence', async () => {
    const { api, service } = setup('000008');
    const steps = await service.propagate('000008', [gtCuboid(8, 'car-06')], 5);
    expect(steps.map((s) => s.frameId)).toEqual(['000009']);
    expect(api.saves).toEqual(['000009']);
  });
});

describe('sequenceService.interpolate and lockTrackSize', () => {
  it('fills the frames between the keyframes, saving the others and returning the open frame’s box', async () => {
    const { api, service } = setup('000003');
    api.docs.set('000001', { ...emptyAnnotation('000001'), cuboids: [gtCuboid(1, 'car-18', { keyframe: true })] });
    api.docs.set('000006', { ...emptyAnnotation('000006'), cuboids: [gtCuboid(6, 'car-18', { keyframe: true })] });
    api.docs.set('000004', { ...emptyAnnotation('000004'), cuboids: [gtCuboid(4, 'car-18', { needsAttention: true })] });
    const open = { ...emptyAnnotation('000003'), cuboids: [gtCuboid(3, 'car-18')] };
    const r = await service.interpolate('car-18', open);
    expect(r.segments).toEqual([['000001', '000006']]);
    expect(r.savedFrameIds).toEqual(['000002', '000004', '000005']);
    expect(r.current).toHaveLength(1);
    expect(r.current[0].id).toBe('car-18@3');
    expect(iouBev(r.current[0], gtCuboid(3, 'car-18'))).toBeGreaterThan(0.95);
    expect(api.current('000004').cuboids[0].attributes.needsAttention).toBeUndefined();
    expect(api.current('000004').cuboids[0].id).toBe('car-18@4');
    expect(api.saves).not.toContain('000003');
  });

  it('resizes the track in every frame but the open one, whose boxes come back', async () => {
    const { api, service } = setup('000000');
    for (const f of [0, 1, 2]) api.docs.set(FRAME_IDS[f], { ...emptyAnnotation(FRAME_IDS[f]), cuboids: [gtCuboid(f, 'car-06'), gtCuboid(f, 'car-07')] });
    const open = api.current('000000');
    const r = await service.lockTrackSize('car-06', [4, 2, 1.5], open);
    expect(r.savedFrameIds).toEqual(['000001', '000002']);
    expect(r.current.map((c) => c.size)).toEqual([[4, 2, 1.5]]);
    expect(api.current('000002').cuboids[0].size).toEqual([4, 2, 1.5]);
    expect(api.current('000002').cuboids[1].size).toEqual(gtCuboid(2, 'car-07').size);
    expect(api.saves).toEqual(['000001', '000002']);
  });
});

import type { Cuboid, Vec3 } from '../domain/types.ts';
import type { FrameAnnotation } from '../domain/document/FrameAnnotation.ts';
import type { FrameListItem } from '../domain/document/FrameListItem.ts';
import { pointFileKindOf, type PointFileKind } from '../domain/pointcloud/pointFileKind.ts';
import { carryCuboid } from '../domain/sequence/carryCuboid.ts';
import { lockTrackSize } from '../domain/sequence/lockTrackSize.ts';
import { mergeTrackBoxes } from '../domain/sequence/mergeTrackBoxes.ts';
import { planInterpolation } from '../domain/sequence/planInterpolation.ts';
import { isKeyframe } from '../domain/sequence/trackAttributes.ts';
import type { FrameBoxes } from '../domain/sequence/tracks.ts';
import type { CarryStatus, PropagationStep, SequenceEditResult, SequenceService } from './sequenceTypes.ts';
import type { PropagateItem, PropagateOptions, PropagatedBox } from '../../workers/propagate.ts';
import type { ApiClient } from './apiClient.ts';
import type { FramePose } from '../domain/poses/Pose.ts';
import { lidarToLidar, transformBox } from '../domain/poses/worldTransforms.ts';

/** The part of the point-cloud worker the service uses (a comlink `Remote` of it fits). */
export interface SequenceWorker {
  ensureFrame(frameId: string, url: string, kind: PointFileKind): Promise<{ count: number; cached: boolean }>;
  propagate(fromFrameId: string, toFrameId: string, items: PropagateItem[], opts: PropagateOptions): Promise<PropagatedBox[] | null>;
}

export interface SequenceServiceDeps {
  /** `getTracks`, when given, tells which boxes made in the app may join a carried track (see `propagate`). */
  api: Pick<ApiClient, 'getAnnotation' | 'saveAnnotation' | 'pointsUrl'> & Partial<Pick<ApiClient, 'getTracks' | 'getPoses'>>;
  worker: SequenceWorker;
  /** The dataset's frames in sequence order (the store's frame list). */
  frames: () => readonly FrameListItem[];
  /** The frame open in the editor: never saved here, and its cloud is kept in the worker's cache. */
  currentFrameId: () => string | null;
}

/**
 * The app's `SequenceService`: reads and writes other frames' annotations through the server API
 * with the revision protocol (a save refused as stale is redone once on the server's current
 * version, then fails), and gets frames' points into the worker (`ensureFrame`) before carrying
 * boxes there. Frames are handled one at a time, in order.
 */
export function createSequenceService(deps: SequenceServiceDeps): SequenceService {
  const { api, worker } = deps;

  const frameIndex = (frameId: string): number => {
    const i = deps.frames().findIndex((f) => f.id === frameId);
    if (i < 0) throw new Error(`sequenceService: frame ${frameId} is not in the frame list`);
    return i;
  };

  const ensure = async (frame: FrameListItem): Promise<void> => {
    if (frame.pointsFile === null) throw new Error(`sequenceService: frame ${frame.id} has no point file`);
    const kind = pointFileKindOf(frame.pointsFile) ?? 'pcd';
    await worker.ensureFrame(frame.id, api.pointsUrl(frame.id), kind);
  };

  /** Touches the open frame in the worker's small cache so that carrying boxes never evicts it. */
  const keepCurrent = async (): Promise<void> => {
    const id = deps.currentFrameId();
    const frame = id === null ? undefined : deps.frames().find((f) => f.id === id);
    if (frame && frame.pointsFile !== null) await ensure(frame);
  };

  /**
   * Loads frame `frameId`, applies `change` (which returns the new document as `doc`, plus
   * anything else), saves with the loaded revision; on a stale-revision answer applies `change`
   * again to the server's current document and saves once more. Returns what the applied
   * `change` returned and whether a save happened (not when `change` returned the same document).
   */
  const updateFrame = async <R extends { doc: FrameAnnotation }>(
    frameId: string,
    change: (doc: FrameAnnotation) => R,
  ): Promise<{ result: R; saved: boolean }> => {
    if (frameId === deps.currentFrameId()) throw new Error(`sequenceService: frame ${frameId} is open in the editor; its autosave owns it`);
    let doc = await api.getAnnotation(frameId);
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = change(doc);
      if (result.doc === doc) return { result, saved: false };
      const saved = await api.saveAnnotation(frameId, result.doc, doc.revision);
      if (saved.ok) return { result, saved: true };
      doc = saved.current;
    }
    throw new Error(`sequenceService: frame ${frameId} was changed by someone else twice while saving; try again`);
  };

  /** Track ids with boxes in more than one saved frame (null without `api.getTracks`, or when it fails). */
  const tracksSpanningFrames = async (): Promise<Set<string> | null> => {
    if (!api.getTracks) return null;
    try {
      const frames = await api.getTracks();
      const seen = new Map<string, number>();
      for (const f of frames) for (const id of new Set(f.cuboids.map((c) => c.trackId))) if (id !== null) seen.set(id, (seen.get(id) ?? 0) + 1);
      return new Set([...seen].filter(([, n]) => n > 1).map(([id]) => id));
    } catch {
      return null;
    }
  };

  /** The dataset's ego poses by frame id (empty without `api.getPoses`, or when it fails: then frames are taken as they are). */
  const loadPoses = async (): Promise<Record<string, FramePose>> => {
    if (!api.getPoses) return {};
    try {
      return (await api.getPoses()).frames;
    } catch {
      return {};
    }
  };

  /** Frame `from`'s LiDAR frame → frame `to`'s, when both have poses of one sequence; else undefined. */
  const motionBetween = (poses: Record<string, FramePose>, from: string, to: string): number[] | undefined => {
    const a = poses[from];
    const b = poses[to];
    return a !== undefined && b !== undefined && a.sequence === b.sequence ? lidarToLidar(a.pose, b.pose) : undefined;
  };

  return {
    async propagate(fromFrameId, boxes, nFrames, options = {}): Promise<PropagationStep[]> {
      const unTracked = boxes.find((b) => b.trackId === null);
      if (unTracked) throw new Error(`sequenceService.propagate: box ${unTracked.id} has no track id`);
      const frames = deps.frames();
      const i0 = frameIndex(fromFrameId);
      let targets = frames.slice(i0 + 1, i0 + 1 + Math.max(0, Math.floor(nFrames)));
      // With ego poses, motion is carried net of the ego's own, and a carry stops where the sequence does.
      const poses = await loadPoses();
      const sequence = poses[fromFrameId]?.sequence;
      if (sequence !== undefined) {
        const end = targets.findIndex((t) => poses[t.id] !== undefined && poses[t.id].sequence !== sequence);
        if (end >= 0) targets = targets.slice(0, end);
      }
      if (targets.length === 0 || boxes.length === 0) return [];
      const trackIds = new Set(boxes.map((b) => b.trackId));
      // The tracks' boxes one frame before the source give the first step its motion.
      let before = new Map<string, Cuboid>();
      let beforeFrameId = i0 > 0 ? frames[i0 - 1].id : null;
      if (i0 > 0) {
        const prev = await api.getAnnotation(frames[i0 - 1].id);
        for (const c of prev.cuboids) if (c.trackId !== null && trackIds.has(c.trackId) && !before.has(c.trackId)) before.set(c.trackId, c);
      }
      // A box whose track has boxes in one frame only (every box made in the app gets a track id
      // of its own) is as good as a box without a track: a carried box landing on it joins it.
      const spansFrames = await tracksSpanningFrames();
      const joinable = (c: Cuboid): boolean => c.trackId === null || (spansFrames !== null && !spansFrames.has(c.trackId));
      await ensure(frames[i0]);
      let current: Cuboid[] = [...boxes];
      let from = fromFrameId;
      const steps: PropagationStep[] = [];
      for (const target of targets) {
        await ensure(target);
        const egoMotion = motionBetween(poses, from, target.id);
        // With the ego motion known, the previous box is moved into the source frame (or left out when it cannot be).
        const toSource = egoMotion !== undefined && beforeFrameId !== null ? motionBetween(poses, beforeFrameId, from) : undefined;
        const previousOf = (box: Cuboid): Cuboid | null => {
          const prev = before.get(box.trackId as string) ?? null;
          if (prev === null || egoMotion === undefined) return prev;
          return toSource === undefined ? null : transformBox(prev, toSource);
        };
        const items: PropagateItem[] = current.map((box) => ({ box, previous: previousOf(box) }));
        const results = await worker.propagate(from, target.id, items, {
          lockSize: options.lockSize ?? true,
          ...(egoMotion !== undefined ? { egoMotion } : {}),
        });
        await keepCurrent();
        if (!results) throw new Error(`sequenceService.propagate: frame ${target.id} is not loaded in the worker`);
        const carried = results.map((r, k) => carryCuboid(current[k], r.box, { needsAttention: r.status !== 'fitted' }));
        const { result: merged, saved } = await updateFrame(target.id, (doc) =>
          mergeTrackBoxes(doc, carried, { joinable, lockSize: options.lockSize ?? true }),
        );
        if (saved) options.onFrameSaved?.(target.id);
        const statuses: CarryStatus[] = results.map((r, k) => {
          const trackId = carried[k].trackId as string;
          return merged.keptKeyframes.includes(trackId) ? 'keyframe' : merged.adopted.includes(trackId) ? 'matched' : r.status;
        });
        steps.push({ frameId: target.id, boxes: merged.boxes, statuses });
        before = new Map(current.map((c) => [c.trackId as string, c]));
        beforeFrameId = from;
        current = merged.boxes;
        from = target.id;
      }
      return steps;
    },

    async interpolate(trackId, currentDoc, options = {}): Promise<SequenceEditResult> {
      const frames = deps.frames();
      const k = frameIndex(currentDoc.frameId);
      const docs = new Map<number, FrameBoxes>([[k, currentDoc]]);
      const hasKey = (d: FrameBoxes): boolean => d.cuboids.some((c) => c.trackId === trackId && isKeyframe(c));
      let lo = k;
      let hi = k;
      for (let j = k - 1; j >= 0; j--) {
        const d = await api.getAnnotation(frames[j].id);
        docs.set(j, d);
        lo = j;
        if (hasKey(d)) break;
      }
      for (let j = k + 1; j < frames.length; j++) {
        const d = await api.getAnnotation(frames[j].id);
        docs.set(j, d);
        hi = j;
        if (hasKey(d)) break;
      }
      const window: FrameBoxes[] = [];
      for (let j = lo; j <= hi; j++) window.push(docs.get(j) as FrameBoxes);
      // Poses of the open frame's sequence (others' are left out: their worlds differ).
      const poses = await loadPoses();
      const sequence = poses[currentDoc.frameId]?.sequence;
      const windowPoses = window.map((d) => {
        const p = poses[d.frameId];
        return p !== undefined && p.sequence === sequence ? p.pose : null;
      });
      const plan = planInterpolation(window, trackId, k - lo, { ...options, poses: windowPoses });
      const result: SequenceEditResult = {
        savedFrameIds: [],
        current: [],
        segments: plan.segments.map(([a, b]) => [window[a].frameId, window[b].frameId]),
      };
      for (const u of plan.updates) {
        if (u.frameId === currentDoc.frameId) {
          result.current.push(u.cuboid);
          continue;
        }
        const { saved } = await updateFrame(u.frameId, (doc) => mergeTrackBoxes(doc, [u.cuboid]));
        if (saved) result.savedFrameIds.push(u.frameId);
      }
      return result;
    },

    async lockTrackSize(trackId, size: Vec3, currentDoc): Promise<SequenceEditResult> {
      const result: SequenceEditResult = { savedFrameIds: [], current: [], segments: [] };
      for (const frame of deps.frames()) {
        if (frame.id === currentDoc.frameId) {
          const [doc] = lockTrackSize([currentDoc], trackId, size).frames;
          result.current = doc.cuboids.filter((c) => c.trackId === trackId);
          continue;
        }
        const { saved } = await updateFrame(frame.id, (doc) => ({ doc: lockTrackSize([doc], trackId, size).frames[0] }));
        if (saved) result.savedFrameIds.push(frame.id);
      }
      return result;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { trackInFrame } from '../../../../src/domain/poses/trackInFrame.ts';
import { applyRigid, invertRigid, rigidFromYaw } from '../../../../src/domain/poses/rigid.ts';
import type { FramePose } from '../../../../src/domain/poses/Pose.ts';
import type { Vec3 } from '../../../../src/domain/types.ts';

// The ego drives along world +x at 1.5 m a frame, turning slowly; a car is parked at world (30, 4)
// heading +y, and another drives along +x at 3 m a frame.
const egoPose = (k: number) => rigidFromYaw(0.02 * k, [1.5 * k, 0.1 * k, 0]);
const poses: Record<string, FramePose> = {};
for (let k = 0; k < 6; k++) poses[`f${k}`] = { sequence: 's', pose: egoPose(k) };

/** A world box as seen in frame k's LiDAR frame. */
function seen(k: number, world: Vec3, yaw: number) {
  const inv = invertRigid(egoPose(k));
  return { center: applyRigid(inv, ...world), size: [4, 2, 1.5] as Vec3, yaw: yaw - 0.02 * k };
}

const frames = [0, 1, 2, 3, 4, 5].map((k) => ({ frameId: `f${k}`, boxes: [seen(k, [30, 4, 0.8], Math.PI / 2)] }));
const moving = [0, 1, 2, 3, 4, 5].map((k) => ({ frameId: `f${k}`, boxes: [seen(k, [10 + 3 * k, -3, 0.8], 0)] }));

describe('trackInFrame', () => {
  it('puts a parked car at one place of the open frame while the ego moves', () => {
    const t = trackInFrame(frames, 'f3', poses);
    expect(t.frame).toBe('world');
    expect(t.boxes).toHaveLength(6);
    const own = frames[3].boxes[0];
    for (const { box } of t.boxes) {
      box.center.forEach((v, i) => expect(v).toBeCloseTo(own.center[i], 9));
      expect(box.yaw).toBeCloseTo(own.yaw, 9);
      expect(box.size).toEqual([4, 2, 1.5]);
    }
    // In the sensor frames the same car drifts by the ego's motion (7.5 m over the track).
    const raw = frames.map((f) => f.boxes[0].center[0]);
    expect(Math.max(...raw) - Math.min(...raw)).toBeGreaterThan(7);
  });

  it('shows a moving car’s path in world steps (3 m a frame), not relative to the ego', () => {
    const t = trackInFrame(moving, 'f0', poses);
    const xs = t.boxes.map((b) => b.box.center[0]);
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeCloseTo(3, 9);
  });

  it('leaves out frames without a pose or of another sequence, and keeps sensor frames without a pose for the open frame', () => {
    const some = { ...poses, f4: { sequence: 'other', pose: egoPose(4) } };
    delete (some as Record<string, FramePose>).f5;
    const t = trackInFrame(frames, 'f1', some);
    expect(t.boxes.map((b) => b.frameId)).toEqual(['f0', 'f1', 'f2', 'f3']);
    expect(t.skipped).toEqual(['f4', 'f5']);
    const none = trackInFrame(frames, 'f1', null);
    expect(none.frame).toBe('sensor');
    expect(none.boxes[0].box).toBe(frames[0].boxes[0]);
    expect(trackInFrame(frames, 'f9', poses).frame).toBe('sensor');
  });
});

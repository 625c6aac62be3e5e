import { describe, expect, it } from 'vitest';
import { isPointInCuboid } from '../../../src/domain/geometry/isPointInCuboid.ts';
import { poseAt } from '../../../src/sim/motion.ts';
import type { Primitive } from '../../../src/sim/primitives/Primitive.ts';
import { actorBoxAt, actorPrimitivesAt, buildScene, lidarPoseAt } from '../../../src/sim/scene.ts';

/** Points on a primitive's surface that include its extremes along its own axes. */
function extremePoints(p: Primitive): number[][] {
  const out: number[][] = [];
  const rot = (cx: number, cy: number, cz: number, yaw: number, x: number, y: number, z: number): number[] => [
    cx + Math.cos(yaw) * x - Math.sin(yaw) * y,
    cy + Math.sin(yaw) * x + Math.cos(yaw) * y,
    cz + z,
  ];
  if (p.kind === 'orientedBox') {
    for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) out.push(rot(p.cx, p.cy, p.cz, p.yaw, sx * p.hx, sy * p.hy, sz * p.hz));
  } else if (p.kind === 'ellipsoid') {
    for (const [x, y, z] of [
      [1, 0, 0],
      [-1, 0, 0],
      [0, 1, 0],
      [0, -1, 0],
      [0, 0, 1],
      [0, 0, -1],
    ]) {
      out.push(rot(p.cx, p.cy, p.cz, p.yaw, x * p.rx, y * p.ry, z * p.rz));
    }
  } else if (p.kind === 'cylinder') {
    for (let k = 0; k < 16; k++) {
      const a = (k * Math.PI) / 8;
      for (const z of [p.minZ, p.maxZ]) out.push([p.cx + p.radius * Math.cos(a), p.cy + p.radius * Math.sin(a), z]);
    }
  } else {
    throw new Error(`unexpected actor part ${p.kind}`);
  }
  return out;
}

describe('buildScene', () => {
  const scene = buildScene(20251126);

  it('places every class the brief asks for, with unique track ids', () => {
    const labels = new Set(scene.actors.map((a) => a.label));
    expect([...labels].sort()).toEqual(['Car', 'Cyclist', 'Pedestrian', 'Truck', 'Van']);
    expect(new Set(scene.actors.map((a) => a.trackId)).size).toBe(scene.actors.length);
    expect(scene.actors.some((a) => a.isStatic)).toBe(true);
    expect(scene.statics.length).toBeGreaterThan(100);
  });

  it('keeps every actor part inside its ground-truth box over the sequence', () => {
    for (const time of [0, 0.45, 0.9]) {
      for (const actor of scene.actors) {
        const { box } = actorBoxAt(scene, actor, time);
        const shape = { center: box.center, size: box.size, yaw: box.yaw } as const;
        for (const p of actorPrimitivesAt(scene, actor, time)) {
          for (const q of extremePoints(p)) expect(isPointInCuboid(q[0], q[1], q[2], shape, 1e-6)).toBe(true);
        }
      }
    }
  });

  it('keeps every actor at least 5 m and at most 60 m from the sensor in the first and last frame', () => {
    for (const time of [0, 0.9]) {
      const lidar = lidarPoseAt(scene, time);
      for (const actor of scene.actors) {
        const p = poseAt(actor.motion, time);
        const d = Math.hypot(p.x - lidar.tx, p.y - lidar.ty);
        expect(d).toBeGreaterThanOrEqual(5);
        expect(d).toBeLessThanOrEqual(62);
      }
    }
  });

  it('moves cars, cyclists and pedestrians at plausible speeds', () => {
    for (const a of scene.actors) {
      const v = a.motion.speed;
      if (a.isStatic) expect(v).toBe(0);
      else if (a.label === 'Pedestrian') (expect(v).toBeGreaterThan(1 - 1e-9), expect(v).toBeLessThan(1.7));
      else if (a.label === 'Cyclist') expect(Math.abs(v - 4.2)).toBeLessThan(0.6);
      else (expect(v).toBeGreaterThan(3), expect(v).toBeLessThan(10));
    }
  });
});

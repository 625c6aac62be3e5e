import { describe, expect, it } from 'vitest';
import type { SceneActor } from '../../../src/sim/actors/SceneActor.ts';
import { paint } from '../../../src/sim/materials.ts';
import { buildScene } from '../../../src/sim/scene.ts';
import type { Scene } from '../../../src/sim/scene.ts';
import { buildRays, createSensor } from '../../../src/sim/sensor.ts';
import { simulateFrame } from '../../../src/sim/simulateFrame.ts';

/** The bare street with one parked car 10 m ahead in the ego lane. */
function sceneWithCarAhead(): Scene {
  const scene = buildScene(99, { withoutActors: true });
  const car: SceneActor = {
    index: 0,
    trackId: 'car-01',
    label: 'Car',
    size: [4.2, 1.8, 1.5],
    motion: { x0: 10, y0: -1.75, yaw0: 0, speed: 0, yawRate: 0 },
    isStatic: true,
    onSidewalk: false,
    look: { type: 'vehicle', paint: paint(0.6), wheelRadius: 0.32 },
  };
  return { ...scene, actors: [car] };
}

const sensor = createSensor({ beams: 16, azimuthSteps: 360 });
const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('simulateFrame', () => {
  it('is deterministic: the same scene and frame give identical arrays', () => {
    const a = simulateFrame(buildScene(5), sensor, 3);
    const b = simulateFrame(buildScene(5), sensor, 3, { rays: buildRays(sensor) });
    expect(a.cloud.count).toBeGreaterThan(1000);
    expect(b.cloud.count).toBe(a.cloud.count);
    expect(Buffer.from(b.cloud.positions.buffer).equals(Buffer.from(a.cloud.positions.buffer))).toBe(true);
    for (const k of ['intensity', 'ring', 't']) {
      expect(bytesOf(b.cloud.attributes[k]).equals(bytesOf(a.cloud.attributes[k]))).toBe(true);
    }
    expect(b.objects).toEqual(a.objects);
  });

  it('puts the road near z = −1.73 and returns hits from a car placed in front', () => {
    const frame = simulateFrame(sceneWithCarAhead(), sensor, 0);
    const { positions, count } = frame.cloud;
    let ground = 0;
    let onCar = 0;
    for (let i = 0; i < count; i++) {
      const x = positions[3 * i];
      const y = positions[3 * i + 1];
      const z = positions[3 * i + 2];
      // Road beside the ego car: lane and parking strip, away from the car.
      if (frame.pointOwner[i] === -1 && Math.abs(x) < 6 && y > -4 && y < 4 && Math.hypot(x, y) > 3.5) {
        ground++;
        expect(Math.abs(z + 1.73)).toBeLessThan(0.15);
      }
      if (frame.pointOwner[i] === 0) {
        onCar++;
        // Front face of the car at x ≈ 10 − 2.1 + 0.05 (margin), within its width and height.
        expect(x).toBeGreaterThan(7.8);
        expect(x).toBeLessThan(12.2);
        expect(Math.abs(y)).toBeLessThan(1);
        expect(z).toBeGreaterThan(-1.85);
        expect(z).toBeLessThan(-1.73 + 1.6);
      }
    }
    expect(ground).toBeGreaterThan(50);
    expect(onCar).toBeGreaterThan(20);
    const car = frame.objects[0];
    expect(car.hitPoints).toBe(onCar);
    expect(car.center[0]).toBeCloseTo(10, 6);
    expect(car.center[1]).toBeCloseTo(0, 6);
    expect(car.occlusion).toBe(0);
  });

  it('reports rings, firing times and intensities in their ranges', () => {
    const frame = simulateFrame(sceneWithCarAhead(), sensor, 1);
    const ring = frame.cloud.attributes.ring as Uint16Array;
    const t = frame.cloud.attributes.t as Float32Array;
    const intensity = frame.cloud.attributes.intensity as Float32Array;
    expect(ring).toBeInstanceOf(Uint16Array);
    for (let i = 0; i < frame.cloud.count; i++) {
      expect(ring[i]).toBeLessThan(16);
      expect(t[i] >= 0 && t[i] < 0.1).toBe(true);
      expect(intensity[i] >= 0 && intensity[i] <= 0.99).toBe(true);
      if (i > 0) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
    }
    expect(frame.time).toBeCloseTo(0.1, 12);
    // The ego moved 0.3 m along the street in 0.1 s.
    expect(frame.lidarToWorld.tx).toBeCloseTo(0.3, 12);
  });
});

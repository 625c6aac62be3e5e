import { MATERIALS } from '../materials.ts';
import { cylinder, ellipsoid, orientedBox, spanBox } from '../primitives/makePrimitive.ts';
import type { Primitive } from '../primitives/Primitive.ts';
import type { PersonLook } from './SceneActor.ts';

/**
 * Primitives of a pedestrian at time `time` (seconds), in its own frame: origin at the centre of
 * the box's bottom face, x forward, metres. Legs and arms swing with the gait phase; everything
 * stays inside the box (l, w, h).
 */
export function buildPedestrianParts(size: readonly [number, number, number], look: PersonLook, time: number, owner: number): Primitive[] {
  const [l, w, h] = size;
  const phase = look.phase0 + 2 * Math.PI * look.cadence * time;
  const swing = look.cadence > 0 ? Math.sin(phase) : 0;
  const stride = Math.max(0, l / 2 - 0.09);
  const hip = 0.52 * h;
  const shoulder = h - 0.27;
  const torsoRy = Math.min(0.19, w / 2 - 0.1);
  const armY = torsoRy + 0.04;
  return [
    ellipsoid([0.02, 0, h - 0.115], [0.1, 0.085, 0.115], 0, MATERIALS.skin, owner),
    ellipsoid([0, 0, (hip + shoulder) / 2], [0.13, torsoRy, (shoulder - hip) / 2 + 0.04], 0, look.upper, owner),
    cylinder(stride * swing, 0.1, 0.07, 0, hip, look.lower, owner),
    cylinder(-stride * swing, -0.1, 0.07, 0, hip, look.lower, owner),
    cylinder(-0.6 * stride * swing, armY, 0.045, hip - 0.05, shoulder, look.upper, owner),
    cylinder(0.6 * stride * swing, -armY, 0.045, hip - 0.05, shoulder, look.upper, owner),
  ];
}

/**
 * Primitives of a cyclist (rider and bicycle) at time `time`, in its own frame (origin at the
 * bottom-face centre, x forward, metres). Wheels are thin ellipsoids; the legs pedal.
 */
export function buildCyclistParts(size: readonly [number, number, number], look: PersonLook, time: number, owner: number): Primitive[] {
  const [l, w, h] = size;
  const phase = look.phase0 + 2 * Math.PI * look.cadence * time;
  const wheelR = Math.min(0.35, (l - 0.05) / 4.6);
  const axle = l / 2 - wheelR - 0.01;
  const bar = Math.min(0.28, w / 2 - 0.02);
  const frame = MATERIALS.bicycleMetal;
  const pedal = 0.14 * Math.sin(phase);
  return [
    ellipsoid([axle, 0, wheelR], [wheelR, 0.025, wheelR], 0, MATERIALS.tyre, owner),
    ellipsoid([-axle, 0, wheelR], [wheelR, 0.025, wheelR], 0, MATERIALS.tyre, owner),
    // Frame: down tube, top tube, seat post, handlebar.
    spanBox(-0.15, axle - 0.05, -0.025, 0.025, wheelR, wheelR + 0.08, frame, owner),
    spanBox(-0.2, axle - 0.1, -0.02, 0.02, wheelR + 0.4, wheelR + 0.45, frame, owner),
    spanBox(-0.25, -0.19, -0.02, 0.02, wheelR, wheelR + 0.55, frame, owner),
    spanBox(axle - 0.12, axle - 0.06, -bar, bar, wheelR + 0.6, wheelR + 0.65, frame, owner),
    // Rider: legs on the pedals, leaning torso, arms to the bar, head.
    cylinder(-0.12 + pedal, 0.12, 0.065, wheelR - 0.05, wheelR + 0.62, look.lower, owner),
    cylinder(-0.12 - pedal, -0.12, 0.065, wheelR - 0.05, wheelR + 0.62, look.lower, owner),
    ellipsoid([-0.05, 0, h - 0.5], [0.24, 0.18, 0.27], 0, look.upper, owner),
    orientedBox([(axle - 0.09 + 0.05) / 2, 0, h - 0.62], [axle - 0.14, 2 * bar - 0.04, 0.08], 0, look.upper, owner),
    ellipsoid([0.12, 0, h - 0.115], [0.1, 0.085, 0.115], 0, MATERIALS.skin, owner),
  ];
}

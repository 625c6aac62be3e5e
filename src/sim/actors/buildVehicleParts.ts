import { MATERIALS } from '../materials.ts';
import { ellipsoid, spanBox } from '../primitives/makePrimitive.ts';
import type { Primitive } from '../primitives/Primitive.ts';
import type { ActorClass, VehicleLook } from './SceneActor.ts';

/** Four (or six) wheels as flat ellipsoids, at the given axle positions along x. */
function wheels(axles: readonly number[], halfTrack: number, r: number, thickness: number, owner: number): Primitive[] {
  const out: Primitive[] = [];
  for (const ax of axles) {
    for (const side of [1, -1]) {
      out.push(ellipsoid([ax, side * halfTrack, r], [r, thickness / 2, r], 0, MATERIALS.tyre, owner));
    }
  }
  return out;
}

/** Licence plates, slightly proud of the front and rear faces (which sit at ±(l/2 − 0.02)). */
function plates(l: number, z: number, owner: number): Primitive[] {
  return [
    spanBox(l / 2 - 0.025, l / 2, -0.26, 0.26, z, z + 0.11, MATERIALS.licencePlate, owner),
    spanBox(-l / 2, -l / 2 + 0.025, -0.26, 0.26, z, z + 0.11, MATERIALS.licencePlate, owner),
  ];
}

function carParts(l: number, w: number, h: number, look: VehicleLook, owner: number): Primitive[] {
  const r = look.wheelRadius;
  const belt = Math.min(h - 0.45, 0.62 * h + 0.05);
  const paint = look.paint;
  return [
    ...wheels([l / 2 - 0.8, -l / 2 + 0.75], w / 2 - 0.13, r, 0.22, owner),
    // Lower body: bumpers to the belt line.
    spanBox(-l / 2 + 0.02, l / 2 - 0.02, -w / 2, w / 2, r * 0.75, belt, paint, owner),
    // Glasshouse (side windows) and roof.
    spanBox(-l / 2 + 0.55, l / 2 - 1.35, -w / 2 + 0.12, w / 2 - 0.12, belt, h - 0.06, MATERIALS.vehicleGlass, owner),
    spanBox(-l / 2 + 0.6, l / 2 - 1.5, -w / 2 + 0.15, w / 2 - 0.15, h - 0.06, h, paint, owner),
    // Bonnet step up to the windscreen.
    spanBox(l / 2 - 1.35, l / 2 - 0.9, -w / 2 + 0.1, w / 2 - 0.1, belt, belt + 0.12, paint, owner),
    ...plates(l, r * 0.8, owner),
  ];
}

function vanParts(l: number, w: number, h: number, look: VehicleLook, owner: number): Primitive[] {
  const r = look.wheelRadius;
  const paint = look.paint;
  const cabFront = l / 2 - 0.95;
  return [
    ...wheels([l / 2 - 0.95, -l / 2 + 0.9], w / 2 - 0.15, r, 0.24, owner),
    spanBox(-l / 2 + 0.02, cabFront, -w / 2, w / 2, r * 0.7, h, paint, owner),
    spanBox(cabFront, l / 2 - 0.02, -w / 2 + 0.03, w / 2 - 0.03, r * 0.7, 1.05, paint, owner),
    spanBox(cabFront, cabFront + 0.45, -w / 2 + 0.1, w / 2 - 0.1, 1.05, h - 0.3, MATERIALS.vehicleGlass, owner),
    // Cab side windows, proud of the body sides.
    spanBox(cabFront - 0.9, cabFront, -w / 2 - 0.0, -w / 2 + 0.03, 1.1, h - 0.45, MATERIALS.vehicleGlass, owner),
    spanBox(cabFront - 0.9, cabFront, w / 2 - 0.03, w / 2, 1.1, h - 0.45, MATERIALS.vehicleGlass, owner),
    ...plates(l, r * 0.8, owner),
  ];
}

function truckParts(l: number, w: number, h: number, look: VehicleLook, owner: number): Primitive[] {
  const r = look.wheelRadius;
  const cabLen = 2.2;
  const cabH = Math.min(h, 3.0);
  const cabBack = l / 2 - cabLen;
  const boxFront = cabBack - 0.25;
  return [
    ...wheels([l / 2 - 1.25, -l / 2 + 1.6, -l / 2 + 2.95], w / 2 - 0.25, r, 0.36, owner),
    // Cab with a windscreen band.
    spanBox(cabBack, l / 2 - 0.02, -w / 2 + 0.02, w / 2 - 0.02, 0.55, cabH * 0.55, look.paint, owner),
    spanBox(cabBack, l / 2 - 0.08, -w / 2 + 0.05, w / 2 - 0.05, cabH * 0.55, cabH * 0.88, MATERIALS.vehicleGlass, owner),
    spanBox(cabBack, l / 2 - 0.1, -w / 2 + 0.02, w / 2 - 0.02, cabH * 0.88, cabH, look.paint, owner),
    // Chassis between the wheels, and the cargo box.
    spanBox(-l / 2 + 0.4, boxFront, -0.55, 0.55, 0.55, 1.0, MATERIALS.metalPole, owner),
    spanBox(-l / 2, boxFront, -w / 2, w / 2, 1.0, h, { ...look.paint, albedo: Math.min(0.6, look.paint.albedo + 0.15) }, owner),
    ...plates(l, 0.45, owner),
  ];
}

/**
 * Primitives of a vehicle in its own frame: origin at the centre of the box's bottom face, x
 * forward, y left, z up, metres. Everything stays inside the box of size (l, w, h).
 */
export function buildVehicleParts(label: ActorClass, size: readonly [number, number, number], look: VehicleLook, owner: number): Primitive[] {
  const [l, w, h] = size;
  if (label === 'Van') return vanParts(l, w, h, look, owner);
  if (label === 'Truck') return truckParts(l, w, h, look, owner);
  return carParts(l, w, h, look, owner);
}

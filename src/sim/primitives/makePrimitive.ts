import type { AxisBoxPrimitive, CylinderPrimitive, EllipsoidPrimitive, OrientedBoxPrimitive, Surface } from './Primitive.ts';

/** Short constructors for primitives (metres, radians; owner −1 = static scenery). */

/** Axis box from its bounds. */
export function axisBox(min: readonly [number, number, number], max: readonly [number, number, number], surface: Surface, owner = -1): AxisBoxPrimitive {
  return { kind: 'axisBox', minX: min[0], minY: min[1], minZ: min[2], maxX: max[0], maxY: max[1], maxZ: max[2], surface, owner };
}

/**
 * Oriented box from its centre, full size (length along its heading, width, height) and yaw.
 */
export function orientedBox(
  center: readonly [number, number, number],
  size: readonly [number, number, number],
  yaw: number,
  surface: Surface,
  owner = -1,
): OrientedBoxPrimitive {
  return {
    kind: 'orientedBox',
    cx: center[0],
    cy: center[1],
    cz: center[2],
    hx: size[0] / 2,
    hy: size[1] / 2,
    hz: size[2] / 2,
    yaw,
    surface,
    owner,
  };
}

/** Oriented box (yaw 0) spanning x0..x1, y0..y1, z0..z1 in a local frame. */
export function spanBox(x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, surface: Surface, owner = -1): OrientedBoxPrimitive {
  return orientedBox([(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2], [x1 - x0, y1 - y0, z1 - z0], 0, surface, owner);
}

/** Vertical cylinder. */
export function cylinder(cx: number, cy: number, radius: number, minZ: number, maxZ: number, surface: Surface, owner = -1): CylinderPrimitive {
  return { kind: 'cylinder', cx, cy, radius, minZ, maxZ, surface, owner };
}

/** Ellipsoid from centre, radii (along its heading, across, up) and yaw. */
export function ellipsoid(
  center: readonly [number, number, number],
  radii: readonly [number, number, number],
  yaw: number,
  surface: Surface,
  owner = -1,
): EllipsoidPrimitive {
  return {
    kind: 'ellipsoid',
    cx: center[0],
    cy: center[1],
    cz: center[2],
    rx: radii[0],
    ry: radii[1],
    rz: radii[2],
    yaw,
    surface,
    owner,
  };
}

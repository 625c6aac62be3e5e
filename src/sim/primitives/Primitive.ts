/**
 * Ray-traceable primitives of the simulator. Every primitive may only be rotated about +z (yaw),
 * which is all a street scene needs and keeps the intersection code short.
 * Coordinates are metres in whatever frame the primitive was placed in (world or LiDAR).
 */

/** How a surface answers a laser. */
export interface Surface {
  /** Diffuse reflectivity 0..1 at normal incidence. */
  albedo: number;
  /** Probability that a return from this surface is lost (glass, black paint). */
  dropout: number;
  /** Probability that a ray passes through without a return (foliage). */
  porosity: number;
  /** Extra range jitter in metres, uniform in [0, depthJitter) (leaves inside a crown). */
  depthJitter: number;
  /** Retroreflective (signs, plates): intensity does not fall off with the incidence angle. */
  retroreflective: boolean;
  /**
   * A building facade: its vertical faces carry a grid of glass windows (see `isWindowAt`),
   * shifted along the facade by this many metres.
   */
  windows?: number;
}

interface PrimitiveBase {
  surface: Surface;
  /** Index of the scene actor this primitive belongs to, or −1 for static scenery. */
  owner: number;
}

/** An infinite plane through (px, py, pz) with unit normal (nx, ny, nz). */
export interface PlanePrimitive extends PrimitiveBase {
  kind: 'plane';
  px: number;
  py: number;
  pz: number;
  nx: number;
  ny: number;
  nz: number;
}

/** A box aligned with the frame's axes. */
export interface AxisBoxPrimitive extends PrimitiveBase {
  kind: 'axisBox';
  minX: number;
  minY: number;
  minZ: number;
  maxX: number;
  maxY: number;
  maxZ: number;
}

/** A box with centre, half extents along its own axes, and yaw about +z. */
export interface OrientedBoxPrimitive extends PrimitiveBase {
  kind: 'orientedBox';
  cx: number;
  cy: number;
  cz: number;
  hx: number;
  hy: number;
  hz: number;
  yaw: number;
}

/** A vertical cylinder (axis parallel to z) with flat caps. */
export interface CylinderPrimitive extends PrimitiveBase {
  kind: 'cylinder';
  cx: number;
  cy: number;
  radius: number;
  minZ: number;
  maxZ: number;
}

/** An ellipsoid with radii along its own axes and yaw about +z (a flat one is a wheel). */
export interface EllipsoidPrimitive extends PrimitiveBase {
  kind: 'ellipsoid';
  cx: number;
  cy: number;
  cz: number;
  rx: number;
  ry: number;
  rz: number;
  yaw: number;
}

export type Primitive = PlanePrimitive | AxisBoxPrimitive | OrientedBoxPrimitive | CylinderPrimitive | EllipsoidPrimitive;

/** A surface with defaults for the rarely used fields. */
export function surface(albedo: number, extra: Partial<Omit<Surface, 'albedo'>> = {}): Surface {
  return { albedo, dropout: 0, porosity: 0, depthJitter: 0, retroreflective: false, ...extra };
}

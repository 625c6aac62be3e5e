import type { Primitive } from './Primitive.ts';

/** Axis-aligned bounds `[minX, minY, minZ, maxX, maxY, maxZ]` in the primitive's frame (metres). */
export type Aabb = [number, number, number, number, number, number];

/**
 * Axis-aligned bounding box of a primitive, in the frame it is placed in. A plane that is not
 * horizontal is unbounded (±Infinity); a horizontal plane is flat in z.
 */
export function primitiveBounds(p: Primitive): Aabb {
  switch (p.kind) {
    case 'plane': {
      const flat = Math.abs(p.nz) > 1 - 1e-12;
      return flat ? [-Infinity, -Infinity, p.pz, Infinity, Infinity, p.pz] : [-Infinity, -Infinity, -Infinity, Infinity, Infinity, Infinity];
    }
    case 'axisBox':
      return [p.minX, p.minY, p.minZ, p.maxX, p.maxY, p.maxZ];
    case 'orientedBox': {
      const c = Math.abs(Math.cos(p.yaw));
      const s = Math.abs(Math.sin(p.yaw));
      const ex = c * p.hx + s * p.hy;
      const ey = s * p.hx + c * p.hy;
      return [p.cx - ex, p.cy - ey, p.cz - p.hz, p.cx + ex, p.cy + ey, p.cz + p.hz];
    }
    case 'cylinder':
      return [p.cx - p.radius, p.cy - p.radius, p.minZ, p.cx + p.radius, p.cy + p.radius, p.maxZ];
    case 'ellipsoid': {
      const c = Math.cos(p.yaw);
      const s = Math.sin(p.yaw);
      // Exact half extents of a yawed ellipse: sqrt((rx·c)² + (ry·s)²) and sqrt((rx·s)² + (ry·c)²).
      const ex = Math.hypot(p.rx * c, p.ry * s);
      const ey = Math.hypot(p.rx * s, p.ry * c);
      return [p.cx - ex, p.cy - ey, p.cz - p.rz, p.cx + ex, p.cy + ey, p.cz + p.rz];
    }
  }
}

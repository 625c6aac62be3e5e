import type { Primitive } from './Primitive.ts';

/** Picks the face normal (along one local axis) of a box for a local point on its surface. */
function boxFaceNormal(lx: number, ly: number, lz: number, hx: number, hy: number, hz: number, out: number[]): void {
  const fx = Math.abs(Math.abs(lx) - hx);
  const fy = Math.abs(Math.abs(ly) - hy);
  const fz = Math.abs(Math.abs(lz) - hz);
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  if (fx <= fy && fx <= fz) out[0] = Math.sign(lx) || 1;
  else if (fy <= fz) out[1] = Math.sign(ly) || 1;
  else out[2] = Math.sign(lz) || 1;
}

/**
 * Outward unit normal of a primitive at a point (x, y, z) on its surface, written into `out`
 * (returned). Same frame as the primitive. Points off the surface get the normal of the nearest
 * face (boxes, cylinder caps) or of the level set through them (ellipsoid).
 */
export function primitiveNormal(p: Primitive, x: number, y: number, z: number, out: number[] = [0, 0, 1]): number[] {
  switch (p.kind) {
    case 'plane':
      out[0] = p.nx;
      out[1] = p.ny;
      out[2] = p.nz;
      return out;
    case 'axisBox':
      boxFaceNormal(
        x - (p.minX + p.maxX) / 2,
        y - (p.minY + p.maxY) / 2,
        z - (p.minZ + p.maxZ) / 2,
        (p.maxX - p.minX) / 2,
        (p.maxY - p.minY) / 2,
        (p.maxZ - p.minZ) / 2,
        out,
      );
      return out;
    case 'orientedBox': {
      const c = Math.cos(p.yaw);
      const s = Math.sin(p.yaw);
      const rx = x - p.cx;
      const ry = y - p.cy;
      boxFaceNormal(c * rx + s * ry, -s * rx + c * ry, z - p.cz, p.hx, p.hy, p.hz, out);
      const nx = out[0];
      const ny = out[1];
      out[0] = c * nx - s * ny;
      out[1] = s * nx + c * ny;
      return out;
    }
    case 'cylinder': {
      const rx = x - p.cx;
      const ry = y - p.cy;
      const radial = Math.abs(Math.hypot(rx, ry) - p.radius);
      const cap = Math.min(Math.abs(z - p.minZ), Math.abs(z - p.maxZ));
      if (cap < radial) {
        out[0] = 0;
        out[1] = 0;
        out[2] = Math.abs(z - p.maxZ) <= Math.abs(z - p.minZ) ? 1 : -1;
      } else {
        const len = Math.hypot(rx, ry) || 1;
        out[0] = rx / len;
        out[1] = ry / len;
        out[2] = 0;
      }
      return out;
    }
    case 'ellipsoid': {
      const c = Math.cos(p.yaw);
      const s = Math.sin(p.yaw);
      const rx = x - p.cx;
      const ry = y - p.cy;
      const gx = (c * rx + s * ry) / (p.rx * p.rx);
      const gy = (-s * rx + c * ry) / (p.ry * p.ry);
      const gz = (z - p.cz) / (p.rz * p.rz);
      const len = Math.hypot(gx, gy, gz) || 1;
      out[0] = (c * gx - s * gy) / len;
      out[1] = (s * gx + c * gy) / len;
      out[2] = gz / len;
      return out;
    }
  }
}

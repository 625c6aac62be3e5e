import type { Primitive } from './Primitive.ts';
import { applyRigidZ } from './RigidZ.ts';
import type { RigidZ } from './RigidZ.ts';

/** True when a yaw is a whole number of turns (an axis box stays an axis box). */
function isWholeTurn(yaw: number): boolean {
  const k = yaw / (2 * Math.PI);
  return Math.abs(k - Math.round(k)) < 1e-12;
}

/**
 * Returns a copy of the primitive moved by the rigid transform (rotation about +z, then
 * translation). An axis box under a rotation becomes an oriented box. Units are kept (metres).
 */
export function transformPrimitive(p: Primitive, m: RigidZ): Primitive {
  const q = [0, 0, 0];
  switch (p.kind) {
    case 'plane': {
      applyRigidZ(m, p.px, p.py, p.pz, q);
      const c = Math.cos(m.yaw);
      const s = Math.sin(m.yaw);
      return { ...p, px: q[0], py: q[1], pz: q[2], nx: c * p.nx - s * p.ny, ny: s * p.nx + c * p.ny };
    }
    case 'axisBox': {
      if (isWholeTurn(m.yaw)) {
        return {
          ...p,
          minX: p.minX + m.tx,
          minY: p.minY + m.ty,
          minZ: p.minZ + m.tz,
          maxX: p.maxX + m.tx,
          maxY: p.maxY + m.ty,
          maxZ: p.maxZ + m.tz,
        };
      }
      applyRigidZ(m, (p.minX + p.maxX) / 2, (p.minY + p.maxY) / 2, (p.minZ + p.maxZ) / 2, q);
      return {
        kind: 'orientedBox',
        surface: p.surface,
        owner: p.owner,
        cx: q[0],
        cy: q[1],
        cz: q[2],
        hx: (p.maxX - p.minX) / 2,
        hy: (p.maxY - p.minY) / 2,
        hz: (p.maxZ - p.minZ) / 2,
        yaw: m.yaw,
      };
    }
    case 'orientedBox':
    case 'ellipsoid':
      applyRigidZ(m, p.cx, p.cy, p.cz, q);
      return { ...p, cx: q[0], cy: q[1], cz: q[2], yaw: p.yaw + m.yaw };
    case 'cylinder':
      applyRigidZ(m, p.cx, p.cy, 0, q);
      return { ...p, cx: q[0], cy: q[1], minZ: p.minZ + m.tz, maxZ: p.maxZ + m.tz };
  }
}

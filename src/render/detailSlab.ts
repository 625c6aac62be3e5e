import type { Cuboid } from '../domain/types.ts';
import type { BoxViewKind } from './BoxCamera.tsx';

type BoxShape = Pick<Cuboid, 'center' | 'size' | 'yaw'>;

/**
 * The unit vector a close-up of `focus` looks along (LiDAR frame): `top` along z, `side` along the
 * box's left axis (+y local), `front` along its heading (+x local).
 */
export function viewAxis(focus: BoxShape, kind: BoxViewKind): [number, number, number] {
  if (kind === 'top') return [0, 0, 1];
  const c = Math.cos(focus.yaw);
  const s = Math.sin(focus.yaw);
  return kind === 'side' ? [-s, c, 0] : [c, s, 0];
}

/** Half the extent of `box` along the unit vector `a` (metres): its 8 corners projected on `a`. */
function halfExtentAlong(box: BoxShape, a: readonly number[]): number {
  const c = Math.cos(box.yaw);
  const s = Math.sin(box.yaw);
  const [l, w, h] = box.size;
  return (Math.abs(a[0] * c + a[1] * s) * l + Math.abs(-a[0] * s + a[1] * c) * w + Math.abs(a[2]) * h) / 2;
}

/**
 * Whether `box` reaches into the slab a close-up of `focus` shows: along the view axis, the
 * focus box grown by `margin` metres on each side, the same depth its points are clipped to
 * (`PointCloudLayer`'s `clipMargin`). A box wholly in front of or behind that slab (another car
 * in the next lane, seen in the side view) is not drawn there.
 */
export function reachesSlab(box: BoxShape, focus: BoxShape, kind: BoxViewKind, margin: number): boolean {
  const a = viewAxis(focus, kind);
  const offset = a[0] * (box.center[0] - focus.center[0]) + a[1] * (box.center[1] - focus.center[1]) + a[2] * (box.center[2] - focus.center[2]);
  return Math.abs(offset) <= halfExtentAlong(box, a) + halfExtentAlong(focus, a) + margin + 1e-9;
}

/** The boxes a close-up of `focus` draws: those reaching its slab (`reachesSlab`), the focus always. */
export function boxesInSlab<T extends BoxShape & { id: string }>(
  boxes: readonly T[],
  focus: BoxShape & { id: string },
  kind: BoxViewKind,
  margin: number,
): T[] {
  return boxes.filter((b) => b.id === focus.id || reachesSlab(b, focus, kind, margin));
}

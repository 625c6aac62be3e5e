import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { GroundModel } from '../../geometry/estimateGround.ts';

/** Above this (metres over the ground) only a rider's body is: a bicycle's saddle and bars are lower. */
const BODY = 1.2;
/** A rider's head reaches at least this high (metres). */
const HEAD = 1.4;
/** The body spans at most this share of the bicycle's length, and the bicycle reaches this far (metres) beyond it at either end. */
const BODY_SHARE = 0.5;
const BEYOND = 0.2;
/** Fewest returns on the body. */
const MIN_BODY = 3;

/**
 * Whether the points `xyz` (a cluster seen as one thin vertical face along direction `yaw`, radians
 * about +z) show a rider over a bicycle rather than a piece of fence or wall: returns above 1.2 m
 * (the rider's body, at least 3 of them, reaching 1.4 m) span at most half the length of the whole,
 * and the lower returns (the bicycle) reach at least 0.2 m beyond them at both ends. A fence or a
 * wall of that height is as high along its whole length.
 */
export function isRiderProfile(xyz: Float32Array, ground: GroundModel, yaw: number): boolean {
  const ax = Math.cos(yaw);
  const ay = Math.sin(yaw);
  let u0 = Infinity;
  let u1 = -Infinity;
  let b0 = Infinity;
  let b1 = -Infinity;
  let body = 0;
  let top = -Infinity;
  for (let i = 0; i + 2 < xyz.length; i += 3) {
    const x = xyz[i];
    const y = xyz[i + 1];
    const h = xyz[i + 2] - groundHeightAt(ground, x, y);
    const u = x * ax + y * ay;
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    if (h < BODY) continue;
    body++;
    top = Math.max(top, h);
    b0 = Math.min(b0, u);
    b1 = Math.max(b1, u);
  }
  if (body < MIN_BODY || top < HEAD) return false;
  return b1 - b0 <= BODY_SHARE * (u1 - u0) && b0 - u0 >= BEYOND && u1 - b1 >= BEYOND;
}

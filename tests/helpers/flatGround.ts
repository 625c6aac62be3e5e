import type { GroundModel } from '../../src/domain/geometry/estimateGround.ts';

/**
 * A flat ground model at height `z` (LiDAR frame, metres), measured everywhere over the square
 * cells of `cellSize` metres from (`originX`, `originY`), `nx` × `ny` of them.
 */
export function flatGround(z: number, area: { originX: number; originY: number; cellSize: number; nx: number; ny: number }): GroundModel {
  const cells = area.nx * area.ny;
  return { ...area, heights: new Float32Array(cells).fill(z), measured: new Uint8Array(cells).fill(1), defaultZ: z };
}

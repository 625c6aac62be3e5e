/** Result of `growFromInside`. */
export interface GrowResult {
  /** Number of points with state 1 (inside the box). */
  inside: number;
  /** Number of outside points (state 2) reached from the inside ones. */
  outside: number;
  /** Indices of the reached outside points. */
  reachedOutside: number[];
}

/**
 * Follows a surface out of a box: breadth-first from every inside point, along links shorter
 * than `link` (metres, 3D), through outside points. States per point: 1 inside the box,
 * 2 outside, 3 in another box (never entered). Points are `xyz[3k..3k+2]` for k < m, in any
 * frame (the caller uses box-local metres). Uses a hash of `link`-sized cells: linear in m for
 * evenly spread points.
 */
export function growFromInside(xyz: Float64Array, state: Uint8Array, m: number, link: number): GrowResult {
  const inv = 1 / link;
  const cells = new Map<number, number[]>();
  const key = (ix: number, iy: number, iz: number): number => ((ix + 512) * 1024 + (iy + 512)) * 1024 + (iz + 512);
  const cellX = new Int32Array(m);
  const cellY = new Int32Array(m);
  const cellZ = new Int32Array(m);
  let inside = 0;
  for (let k = 0; k < m; k++) {
    cellX[k] = Math.floor(xyz[3 * k] * inv);
    cellY[k] = Math.floor(xyz[3 * k + 1] * inv);
    cellZ[k] = Math.floor(xyz[3 * k + 2] * inv);
    const kk = key(cellX[k], cellY[k], cellZ[k]);
    const list = cells.get(kk);
    if (list === undefined) cells.set(kk, [k]);
    else list.push(k);
    if (state[k] === 1) inside++;
  }
  const visited = new Uint8Array(m);
  const queue: number[] = [];
  for (let k = 0; k < m; k++) {
    if (state[k] === 1) {
      visited[k] = 1;
      queue.push(k);
    }
  }
  const reachedOutside: number[] = [];
  const link2 = link * link;
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q];
    const x = xyz[3 * k];
    const y = xyz[3 * k + 1];
    const z = xyz[3 * k + 2];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dz = -1; dz <= 1; dz++) {
          const list = cells.get(key(cellX[k] + dx, cellY[k] + dy, cellZ[k] + dz));
          if (list === undefined) continue;
          for (const j of list) {
            if (visited[j] || state[j] !== 2) continue;
            const ddx = xyz[3 * j] - x;
            const ddy = xyz[3 * j + 1] - y;
            const ddz = xyz[3 * j + 2] - z;
            if (ddx * ddx + ddy * ddy + ddz * ddz > link2) continue;
            visited[j] = 1;
            queue.push(j);
            reachedOutside.push(j);
          }
        }
      }
    }
  }
  return { inside, outside: reachedOutside.length, reachedOutside };
}

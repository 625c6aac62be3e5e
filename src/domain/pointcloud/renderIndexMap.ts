/**
 * Maps file-order point indices to render-buffer indices (the render buffer holds finite points
 * only, in file order). Returns null when every point is finite (the map is the identity);
 * otherwise entry i is the render index of point i, or -1 for a non-finite point.
 */
export function renderIndexMap(positions: Float32Array): Int32Array | null {
  const n = Math.floor(positions.length / 3);
  let map: Int32Array | null = null;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const x = positions[i * 3];
    const y = positions[i * 3 + 1];
    const z = positions[i * 3 + 2];
    const finite = x - x === 0 && y - y === 0 && z - z === 0;
    if (!finite && !map) {
      map = new Int32Array(n);
      for (let k = 0; k < i; k++) map[k] = k;
    }
    if (map) map[i] = finite ? next : -1;
    if (finite) next++;
  }
  return map;
}

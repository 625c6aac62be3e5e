/**
 * Connected components (8-neighbourhood) of the occupied cells of an `nx` × `ny` grid (row-major,
 * `occupied[c]` non-zero). Returns each cell's component (−1 for an empty cell) and their count.
 * Used to split a cluster's points into parts on a grid of its own.
 */
export function cellComponents(occupied: Uint8Array, nx: number, ny: number): { comp: Int32Array; count: number } {
  const comp = new Int32Array(nx * ny).fill(-1);
  let count = 0;
  const stack: number[] = [];
  for (let c = 0; c < comp.length; c++) {
    if (!occupied[c] || comp[c] >= 0) continue;
    comp[c] = count;
    stack.push(c);
    while (stack.length > 0) {
      const d = stack.pop()!;
      const cx = d % nx;
      const cy = (d - cx) / nx;
      for (let oy = -1; oy <= 1; oy++) {
        for (let ox = -1; ox <= 1; ox++) {
          const x = cx + ox;
          const y = cy + oy;
          if (x < 0 || y < 0 || x >= nx || y >= ny) continue;
          const e = y * nx + x;
          if (occupied[e] && comp[e] < 0) {
            comp[e] = count;
            stack.push(e);
          }
        }
      }
    }
    count++;
  }
  return { comp, count };
}

/**
 * Splits points (x y z interleaved) into the connected components of the `cell`-metre BEV cells
 * that hold a point `keep` accepts (all when absent). `of[i]` is the component of point i's cell
 * (−1 when no kept point lies in it), whether or not i itself is kept. Null when the points span
 * more than 2^20 cells.
 */
export function pointComponents(xyz: Float32Array | Float64Array, cell: number, keep?: (i: number) => boolean): { of: Int32Array; count: number } | null {
  const n = Math.floor(xyz.length / 3);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xyz[3 * i];
    const y = xyz[3 * i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const nx = Math.floor((maxX - minX) / cell) + 1;
  const ny = Math.floor((maxY - minY) / cell) + 1;
  if (!(nx * ny <= 1 << 20)) return null;
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) cells[i] = Math.floor((xyz[3 * i + 1] - minY) / cell) * nx + Math.floor((xyz[3 * i] - minX) / cell);
  const occupied = new Uint8Array(nx * ny);
  for (let i = 0; i < n; i++) if (!keep || keep(i)) occupied[cells[i]] = 1;
  const { comp, count } = cellComponents(occupied, nx, ny);
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) of[i] = comp[cells[i]];
  return { of, count };
}

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

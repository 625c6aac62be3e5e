/**
 * A hash grid over a small set of points (one object's neighbourhood, up to a few thousand) for
 * nearest-neighbour queries. Coordinates in metres, any frame; the grid is over x and y,
 * distances are 3D.
 */
export class PointHash {
  private readonly cells = new Map<number, number[]>();

  /**
   * @param pts x y z interleaved, metres.
   * @param cell cell edge, metres (about the query radius works best).
   */
  constructor(
    readonly pts: Float64Array,
    private readonly cell: number,
  ) {
    const n = Math.floor(pts.length / 3);
    for (let i = 0; i < n; i++) {
      const k = this.key(Math.floor(pts[3 * i] / cell), Math.floor(pts[3 * i + 1] / cell));
      const list = this.cells.get(k);
      if (list) list.push(i);
      else this.cells.set(k, [i]);
    }
  }

  private key(ix: number, iy: number): number {
    return (ix + 0x8000) * 0x10000 + (iy + 0x8000);
  }

  /** Calls `cb(j)` for every point whose cell is within `r` of (x, y) (a superset of the disc). */
  private around(x: number, y: number, r: number, cb: (j: number) => void): void {
    const reach = Math.ceil(r / this.cell);
    const ix = Math.floor(x / this.cell);
    const iy = Math.floor(y / this.cell);
    for (let gy = iy - reach; gy <= iy + reach; gy++) {
      for (let gx = ix - reach; gx <= ix + reach; gx++) {
        const list = this.cells.get(this.key(gx, gy));
        if (list) for (const j of list) cb(j);
      }
    }
  }

  /** Index of the nearest point (3D distance) within `r` metres of (x, y, z), or −1. */
  nearest(x: number, y: number, z: number, r: number): number {
    const p = this.pts;
    let best = -1;
    let bestD = r * r;
    this.around(x, y, r, (j) => {
      const dx = p[3 * j] - x;
      const dy = p[3 * j + 1] - y;
      const dz = p[3 * j + 2] - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d <= bestD) {
        bestD = d;
        best = j;
      }
    });
    return best;
  }
}

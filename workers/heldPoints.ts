/** A growing list of merged points kept for picking and fitting (x y z, metres). */
export class HeldPoints {
  private data = new Float32Array(3 * 262_144);
  private count = 0;

  /** Keeps the points of `positions` whose rank is below `below`. */
  add(positions: Float32Array, rank: Uint8Array, below: number): void {
    for (let k = 0; k < rank.length; k++) {
      if (rank[k] >= below) continue;
      if (this.count * 3 + 3 > this.data.length) {
        const grown = new Float32Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      const o = this.count * 3;
      this.data[o] = positions[k * 3];
      this.data[o + 1] = positions[k * 3 + 1];
      this.data[o + 2] = positions[k * 3 + 2];
      this.count++;
    }
  }

  /** The points kept, in the order they came. */
  positions(): Float32Array {
    return this.data.slice(0, this.count * 3);
  }
}

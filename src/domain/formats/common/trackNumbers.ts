/**
 * Integer ids for string track ids (KITTI tracking and OpenLABEL number their tracks). `reserved`
 * gives the number a track id already stands for (e.g. `t5-s0000` → 5, read back from an earlier
 * export), which is kept; every other track gets the smallest number not yet taken, in the order
 * tracks are first seen. A box without a track is a track of its own (key `null` → a fresh
 * number each time).
 */
export class TrackNumbers {
  private readonly byTrack = new Map<string, number>();
  private readonly taken = new Set<number>();
  private next = 0;

  constructor(private readonly reserved: (trackId: string) => number | null = () => null) {}

  /** Reserves the numbers of every track id `reserved` recognises, before any is assigned. */
  reserve(trackIds: Iterable<string | null>): void {
    for (const id of trackIds) {
      if (id === null || this.byTrack.has(id)) continue;
      const n = this.reserved(id);
      if (n !== null && !this.taken.has(n)) {
        this.byTrack.set(id, n);
        this.taken.add(n);
      }
    }
  }

  /** The number of `trackId` (a fresh one for `null`). */
  numberOf(trackId: string | null): number {
    if (trackId !== null) {
      const known = this.byTrack.get(trackId);
      if (known !== undefined) return known;
    }
    while (this.taken.has(this.next)) this.next++;
    const n = this.next;
    this.taken.add(n);
    if (trackId !== null) this.byTrack.set(trackId, n);
    return n;
  }

  /** Every numbered track id and its number, in number order. */
  entries(): [string, number][] {
    return [...this.byTrack.entries()].sort((a, b) => a[1] - b[1]);
  }
}

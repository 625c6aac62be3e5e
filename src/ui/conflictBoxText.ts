import type { Cuboid } from '../domain/types.ts';

/** One box as the conflict dialog shows each side of it: class, centre, size and heading, or that it is gone. */
export function conflictBoxText(box: Cuboid | undefined): string {
  if (box === undefined) return 'deleted';
  const [x, y, z] = box.center;
  const [l, w, h] = box.size;
  const yaw = (box.yaw * 180) / Math.PI;
  return `${box.label} at (${x.toFixed(2)}, ${y.toFixed(2)}, ${z.toFixed(2)}), ${l.toFixed(2)} × ${w.toFixed(2)} × ${h.toFixed(2)} m, yaw ${yaw.toFixed(1)}°`;
}

/** Both sides of each box both users changed (`ids`; other ids, the DontCare regions' and marks', are left out). */
export function conflictBoxRows(ids: readonly string[], mine: readonly Cuboid[], theirs: readonly Cuboid[]): { id: string; mine: string; theirs: string }[] {
  const rows: { id: string; mine: string; theirs: string }[] = [];
  for (const id of ids) {
    const a = mine.find((c) => c.id === id);
    const b = theirs.find((c) => c.id === id);
    if (a === undefined && b === undefined) continue;
    rows.push({ id, mine: conflictBoxText(a), theirs: conflictBoxText(b) });
  }
  return rows;
}

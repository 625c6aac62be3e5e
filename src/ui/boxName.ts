import type { Cuboid } from '../domain/types.ts';

/** How the UI names a box for people: its class and where it is (ids mean nothing to an annotator). */
export function boxName(box: Pick<Cuboid, 'label' | 'center'>): string {
  return `${box.label} at (${box.center[0].toFixed(1)}, ${box.center[1].toFixed(1)})`;
}

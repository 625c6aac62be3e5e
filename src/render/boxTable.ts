import { BOX_TABLE_WIDTH } from './pointMaterial.ts';

/** Grey (0–255 rgb) of points outside every box, and of boxes no longer in the frame, when colouring by class. */
export const NO_BOX_RGB: readonly [number, number, number] = [92, 97, 107];

export interface BoxTableInput {
  /** The boxes the per-point box numbers refer to: number k is `boxIds[k - 1]`. */
  boxIds: readonly string[];
  /** The class of each box now shown, by id (a box deleted since has none). */
  labelOf: (id: string) => string | undefined;
  hiddenClasses: readonly string[];
  hiddenBoxIds: readonly string[];
  /** A class's colour as 0–255 rgb. */
  colorOf: (label: string) => readonly [number, number, number];
}

/**
 * The point shader's box table, RGBA bytes in rows of `BOX_TABLE_WIDTH`: entry k − 1 holds the
 * class colour of box number k and 255 in alpha when its points show, 0 when the box or its
 * class is hidden. A box gone from the frame (deleted since its points were numbered) is grey
 * and shown.
 */
export function boxTableTexels(input: BoxTableInput): { data: Uint8Array; width: number; height: number } {
  const n = input.boxIds.length;
  const width = BOX_TABLE_WIDTH;
  const height = Math.max(1, Math.ceil(n / width));
  const data = new Uint8Array(width * height * 4);
  const hiddenClasses = new Set(input.hiddenClasses);
  const hiddenIds = new Set(input.hiddenBoxIds);
  for (let k = 0; k < n; k++) {
    const id = input.boxIds[k];
    const label = input.labelOf(id);
    const rgb = label === undefined ? NO_BOX_RGB : input.colorOf(label);
    const hidden = hiddenIds.has(id) || (label !== undefined && hiddenClasses.has(label));
    data.set([rgb[0], rgb[1], rgb[2], hidden ? 0 : 255], k * 4);
  }
  return { data, width, height };
}

/** `#rrggbb` (or `#rgb`) as 0–255 rgb; anything else is the no-box grey. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return [NO_BOX_RGB[0], NO_BOX_RGB[1], NO_BOX_RGB[2]];
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

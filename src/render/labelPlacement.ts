import { trackName } from '../domain/sequence/trackName.ts';

/** One label that could be drawn: its anchor on screen and its size, CSS pixels of the view. */
export interface LabelCandidate {
  id: string;
  /** The anchor (the top of the box), pixels from the view's left and top edges. */
  x: number;
  y: number;
  /** Distance from the camera, metres: nearer labels win a place first. */
  depth: number;
  width: number;
  height: number;
  /** Drawn before every other (the selected boxes). */
  priority?: boolean;
}

/** A placed label: its top-left corner, CSS pixels of the view. */
export interface PlacedLabel {
  id: string;
  left: number;
  top: number;
}

/** Gap kept between the anchor and the label's bottom edge, and between two labels, CSS pixels. */
const LIFT = 4;
const GAP = 2;

/**
 * Which labels to draw so that none overlaps another: the selected boxes' first, then the nearest
 * to the camera, each sitting centred above its anchor; a label that would cover one already placed,
 * or whose anchor is outside the `width` × `height` view, is left out, and at most `max` are drawn.
 * So a crowded scene shows the near objects' labels and drops the rest, at any zoom. `covered`:
 * parts of the view under panels (the colour legend, the axes line; left, top, right, bottom in
 * the view's pixels), where a label would be hidden: none is placed over them.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  width: number,
  height: number,
  max: number,
  covered: readonly (readonly [number, number, number, number])[] = [],
): PlacedLabel[] {
  const order = candidates
    .filter((c) => c.x >= 0 && c.x <= width && c.y >= 0 && c.y <= height && c.depth > 0)
    .sort((a, b) => Number(b.priority === true) - Number(a.priority === true) || a.depth - b.depth);
  const placed: PlacedLabel[] = [];
  const rects: (readonly [number, number, number, number])[] = [...covered];
  for (const c of order) {
    if (placed.length >= max) break;
    // Kept whole inside the view: a box at its edge gets its label slid in, not cut.
    const left = Math.min(Math.max(0, c.x - c.width / 2), Math.max(0, width - c.width));
    const top = Math.max(0, c.y - LIFT - c.height);
    const right = left + c.width;
    const bottom = top + c.height;
    const hits = rects.some(([l, t, r, b]) => left < r + GAP && right > l - GAP && top < b + GAP && bottom > t - GAP);
    if (hits) continue;
    rects.push([left, top, right, bottom]);
    placed.push({ id: c.id, left, top });
  }
  return placed;
}

/** Width of a label of `text` in the labels' 11 px font, CSS pixels (an estimate: no layout is read while drawing). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.4) + 11;
}

/** "Car 12": the class and the track's number (or the start of its id). */
export function boxLabelText(label: string, trackId: string | null): string {
  return trackId === null ? label : `${label} ${trackName(trackId).replace(/^Track /, '')}`;
}

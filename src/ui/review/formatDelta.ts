import type { BoxDiff } from '../../domain/review/diffAnnotations.ts';

const DEG = 180 / Math.PI;

/** A signed number with fixed decimals and a real minus sign (`+0.50`, `−0.05`, `0.00`). */
export function signed(v: number, digits = 2): string {
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${v < 0 ? '−' : '+'}${text}`;
}

/** Δ position as `+0.50 −0.25 0.00 m (0.56)`, metres in the LiDAR frame. */
export function formatDPosition(d: BoxDiff): string {
  if (d.dPosition === null || d.dDistance === null) return '';
  return `${d.dPosition.map((v) => signed(v)).join(' ')} m (${d.dDistance.toFixed(2)})`;
}

/** Δ size as `l +0.20 w 0.00 h −0.05 m`. */
export function formatDSize(d: BoxDiff): string {
  if (d.dSize === null) return '';
  return `l ${signed(d.dSize[0])} w ${signed(d.dSize[1])} h ${signed(d.dSize[2])} m`;
}

/** Δ yaw in degrees, one decimal (`−11.5°`). */
export function formatDYaw(d: BoxDiff): string {
  return d.dYaw === null ? '' : `${signed(d.dYaw * DEG, 1)}°`;
}

/** The class column: `Car`, `Car → Van`. */
export function formatClass(d: BoxDiff): string {
  if (d.classChanged) return `${d.fromLabel} → ${d.toLabel}`;
  return d.toLabel ?? d.fromLabel ?? '';
}

/** What else changed besides the geometry: `track, occluded` (empty when nothing did). */
export function formatOtherChanges(d: BoxDiff): string {
  return [...(d.trackChanged ? ['track'] : []), ...d.attributesChanged].join(', ');
}

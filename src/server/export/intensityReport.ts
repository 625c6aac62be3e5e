/** Frames whose intensity was rescaled, by the full scale they had (`intensityFullScale`). */
export interface IntensityRescaled {
  from: number;
  frames: number;
}

/** Counts one more frame rescaled from full scale `from` (null: not rescaled, not counted). */
export function countRescaled(list: IntensityRescaled[], from: number | null): void {
  if (from === null) return;
  const row = list.find((r) => r.from === from);
  if (row !== undefined) row.frames++;
  else list.push({ from, frames: 1 });
}

/**
 * One sentence on the frames whose intensity was rescaled to full scale `to` (1: KITTI's
 * reflectance; 255: nuScenes'), by the full scale each had; null when none was.
 */
export function intensitySentence(rescaled: readonly IntensityRescaled[], to: number): string | null {
  if (rescaled.length === 0) return null;
  const scale = (v: number): string => `0–${Number.isInteger(v) ? v : v.toPrecision(6)}`;
  const parts = rescaled.map((r) => `from ${scale(r.from)} in ${r.frames} frame${r.frames === 1 ? '' : 's'}`);
  const why = to === 1 ? "KITTI's reflectance, as KITTI-trained models expect" : "nuScenes' scale";
  return `points: intensity rescaled to ${scale(to)} (${why}) ${parts.join(', ')}; --intensity keep writes it as stored`;
}

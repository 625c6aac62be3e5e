import type { PointCloud } from '../../domain/types.ts';
import { pointRecords, type PointRecords } from './formats/kittiPointRecords.ts';

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

/** A full scale as a report writes it: `0–255`, `0–1`. */
function scaleText(v: number): string {
  return `0–${Number.isInteger(v) ? v : v.toPrecision(6)}`;
}

/**
 * One sentence on the frames whose intensity was rescaled to full scale `to` (1: KITTI's
 * reflectance; 255: nuScenes'), by the full scale each had; null when none was.
 */
export function intensitySentence(rescaled: readonly IntensityRescaled[], to: number): string | null {
  if (rescaled.length === 0) return null;
  const parts = rescaled.map((r) => `from ${scaleText(r.from)} in ${r.frames} frame${r.frames === 1 ? '' : 's'}`);
  const why = to === 1 ? "KITTI's reflectance, as KITTI-trained models expect" : "nuScenes' scale";
  return `points: intensity rescaled to ${scaleText(to)} (${why}) ${parts.join(', ')}; --intensity keep writes it as stored`;
}

/**
 * With `--intensity keep`, one sentence when the frames written hold their intensity on more than
 * one full scale (`kept`: frames by the scale they had); null when they share one. A model reads
 * one scale for every frame, so a mix is worth knowing before training.
 */
export function mixedKeptSentence(kept: readonly IntensityRescaled[]): string | null {
  if (kept.length < 2) return null;
  const parts = [...kept].sort((a, b) => b.frames - a.frames).map((r) => `${scaleText(r.from)} in ${r.frames} frame${r.frames === 1 ? '' : 's'}`);
  return `points: intensity kept as stored (--intensity keep), on ${kept.length} scales: ${parts.join(', ')}; a model reads one scale for every frame (without --intensity keep each goes to the format's scale)`;
}

/**
 * A format writer's point records at its full scale `to` (KITTI-like 1, nuScenes 255; `keep`:
 * as stored), with the frames rescaled counted for its report line.
 */
export class IntensityTally {
  private readonly rescaled: IntensityRescaled[] = [];
  private readonly kept: IntensityRescaled[] = [];

  constructor(
    private readonly to: number,
    private readonly keep: boolean,
  ) {}

  /** `pointRecords` of the cloud at this scale, counted. */
  records(cloud: PointCloud, cols: 4 | 5): PointRecords {
    const r = pointRecords(cloud, cols, this.keep ? null : this.to);
    countRescaled(this.rescaled, r.intensityFrom);
    if (this.keep) countRescaled(this.kept, r.intensityScale);
    return r;
  }

  /** The report line (`intensitySentence`; kept, `mixedKeptSentence`), or null when there is nothing to say. */
  sentence(): string | null {
    return this.keep ? mixedKeptSentence(this.kept) : intensitySentence(this.rescaled, this.to);
  }
}

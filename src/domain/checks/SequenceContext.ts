import type { Cuboid } from '../types.ts';
import type { SequenceCheckResult } from './CheckResult.ts';
import type { EdgeCaseDictionary } from './dictionary/EdgeCaseDictionary.ts';

/**
 * One frame of a sequence for the cross-frame rules. Boxes of the same object share a
 * `trackId`. `time` is the capture time in seconds (else frames are `settings.frameInterval`
 * apart); `pose` is the sensor's pose in a fixed world frame (x, y metres, yaw radians about +z),
 * when known: speeds and headings are then compared in the world frame.
 */
export interface SequenceFrame {
  frameId: string;
  cuboids: readonly Cuboid[];
  time?: number;
  pose?: { x: number; y: number; yaw: number };
}

export interface SequenceContext {
  /** Frames in capture order. */
  frames: readonly SequenceFrame[];
  dictionary: EdgeCaseDictionary;
}

/** A cross-frame check: a pure function of the sequence. One rule per file in `rules/sequence/`. */
export type SequenceRule = (ctx: SequenceContext) => SequenceCheckResult[];

import { groundHeightAt } from '../geometry/estimateGround.ts';
import { expectedReturns } from '../sensor/expectedReturns.ts';
import type { Cuboid } from '../types.ts';
import type { ClassRule } from './dictionary/EdgeCaseDictionary.ts';
import { minPointsAt } from './dictionary/minPointsAt.ts';
import type { FrameAnalysis } from './frame/FrameAnalysis.ts';

/**
 * Share of its box a real object fills with returns (median over clean ground-truth boxes of
 * 32-, 40-, 64-beam and simulated scans: 0.47–0.57); what a box "should" hold is this share of
 * the sensor model's expected returns.
 */
export const OBJECT_FILL = 0.5;
/** Points an object should give (at `OBJECT_FILL`) for a shortfall to be sure enough for an error. */
export const SURE_POINTS = 6;

/** How many points a box needs, and on what ground. */
export interface PointsNeeded {
  /** The minimum: `fraction` × expected returns, at least the class floor (or the distance bands). */
  need: number;
  /** Returns an object filling the box would give, after occlusion (NaN without a sensor model). */
  expected: number;
  /** The same before occlusion: what the box would give with nothing in front of it (NaN without a model). */
  unoccluded: number;
  /** Share of the box hidden behind nearer points (0..1). */
  occludedFraction: number;
  /** Whether a shortfall is sure: the object should give at least `SURE_POINTS` (or no model). */
  sure: boolean;
  /** 'sensor': from the sensor model; 'bands': the dictionary's fixed distance bands. */
  basis: 'sensor' | 'bands';
  /** Horizontal distance of the box centre from the sensor, metres. */
  distance: number;
}

/** The points `box` must hold under `rule`, from the frame's sensor model. */
export function pointsNeeded(rule: ClassRule, box: Cuboid, analysis: FrameAnalysis): PointsNeeded {
  const { sensor } = analysis;
  const distance = Math.hypot(box.center[0] - sensor.origin[0], box.center[1] - sensor.origin[1]);
  if (sensor.beams > 0) {
    const groundZ = groundHeightAt(analysis.ground, box.center[0], box.center[1]);
    const e = expectedReturns(sensor, box, { groundZ, rangeImage: analysis.rangeImage });
    if (Number.isFinite(e.expected)) {
      return {
        need: Math.max(rule.minPoints.floor, Math.ceil(rule.minPoints.fraction * e.expected)),
        expected: e.expected,
        unoccluded: e.unoccluded,
        occludedFraction: e.occludedFraction,
        sure: OBJECT_FILL * e.expected >= SURE_POINTS,
        basis: 'sensor',
        distance,
      };
    }
  }
  return { need: minPointsAt(rule, distance), expected: NaN, unoccluded: NaN, occludedFraction: 0, sure: true, basis: 'bands', distance };
}

/** Horizontal distance (metres) of a point from the frame's sensor. */
export function sensorDistance(analysis: FrameAnalysis, p: readonly number[]): number {
  return Math.hypot(p[0] - analysis.sensor.origin[0], p[1] - analysis.sensor.origin[1]);
}

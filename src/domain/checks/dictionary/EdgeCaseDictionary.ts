import { z } from 'zod';
import { CHECK_SETTINGS_DEFAULTS, CLASS_RULE_DEFAULTS, MIN_POINTS_DEFAULTS } from './dictionaryDefaults.ts';

/**
 * The edge-case dictionary: a dataset's written annotation rules (the SOP), versioned, stored as
 * `.cuboid/dictionary.json`. Per class it gives the numbers the automatic checks enforce; the
 * edge-case entries say in words what to do in the hard cases, and may name the check that
 * enforces them. Every edit bumps `version`; annotations record the version they were checked
 * against (`FrameAnnotation.dictionaryVersion`).
 *
 * Units: metres, points, metres per second. Distances are horizontal (bird's-eye view) from the
 * sensor origin of the LiDAR frame.
 */

/** An inclusive `[min, max]` range in metres, min ≤ max. */
const rangeSchema = z.tuple([z.number().nonnegative(), z.number().positive()]).refine(([min, max]) => min <= max, { message: 'min must not exceed max' });

const distanceBandSchema = z.object({
  /** Band applies to boxes whose centre is at most this far from the sensor (metres, BEV). */
  maxDistance: z.number().positive(),
  minPoints: z.number().int().nonnegative(),
});

/**
 * How many points a box of the class must hold. The sensor model read from the scan predicts the
 * returns an object filling the box would give (its beams and horizontal resolution, at the box's
 * range, minus the share hidden behind nearer points; `expectedReturns`): a box needs `fraction`
 * of that, and never fewer than `floor`. Real objects fill about half their box (wheels, glass,
 * dark paint), so a fraction well under 0.5 flags boxes that missed their object, not thin ones.
 * `default` and `bands` apply only when the scan shows no beam structure (no ring field and no
 * clear beams in its elevation histogram).
 */
const minPointsSchema = z.object({
  /** Share (0..1) of the returns the sensor would give on the box that it must hold. */
  fraction: z.number().min(0).max(1).default(MIN_POINTS_DEFAULTS.fraction),
  /** Fewest points any box of the class holds, however far or hidden. */
  floor: z.number().int().nonnegative().default(MIN_POINTS_DEFAULTS.floor),
  /** Without a sensor model: minimum points beyond every band (the far floor). */
  default: z.number().int().nonnegative(),
  /** Without a sensor model: stricter minimums near the sensor; the first band covering the box applies. */
  bands: z.array(distanceBandSchema).default([]),
});

const allowedOverlapSchema = z.object({
  /** The other class (exact name). */
  class: z.string().min(1),
  /** Largest 3D IoU tolerated between a box of this class and one of `class`. */
  maxIou: z.number().min(0).max(1),
});

const classRuleSchema = z.object({
  /** What counts as this class, in words. */
  definition: z.string(),
  /** Allowed box length (along heading), width and height, metres. */
  size: z.object({ l: rangeSchema, w: rangeSchema, h: rangeSchema }),
  minPoints: minPointsSchema,
  allowedOverlaps: z.array(allowedOverlapSchema).default([]),
  /** Whether the box bottom must sit on the local ground (not floating, not sunk). */
  mustTouchGround: z.boolean(),
  /** Attribute keys every box of this class must carry with a value. */
  requiredAttributes: z.array(z.string().min(1)).default([]),
  /**
   * How far (metres) the object's surface may stand off a box face the sensor sees, e.g. thin
   * wheels at a cyclist's ends that a LiDAR barely hits; the looseFit check warns beyond it.
   */
  fitSlack: z.number().nonnegative().default(CLASS_RULE_DEFAULTS.fitSlack),
  /**
   * Whether an unboxed cluster of this class's size is reported as a possibly missed object
   * (false for catch-all classes like Misc, whose size range fits any clutter).
   */
  findMissed: z.boolean().default(CLASS_RULE_DEFAULTS.findMissed),
  /**
   * Whether the object keeps its shape (vehicles): a track's length and width must then stay
   * constant; for non-rigid classes (people) only the height is compared across frames.
   */
  rigid: z.boolean().default(CLASS_RULE_DEFAULTS.rigid),
  /** Largest plausible speed, m/s, for the cross-frame speed check (relative to the ground). */
  maxSpeed: z.number().positive().optional(),
  /** Edge-case entry ids that concern this class (shown beside it in the SOP). */
  edgeCases: z.array(z.string()).default([]),
});

const edgeCaseSchema = z.object({
  /** Stable id, kebab-case, e.g. `rider-on-bicycle`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case (a-z, 0-9, -)'),
  title: z.string().min(1),
  /** The rule in words. */
  rule: z.string().min(1),
  tags: z.array(z.string()).default([]),
  /** The rule id of the automatic check that enforces this entry, if any. */
  check: z.string().optional(),
});

/** Numbers shared by every class. All have defaults, so a dictionary may leave any out. */
const settingsSchema = z.object({
  /** 3D IoU above which two boxes overlap (unless the class pair is allowed). */
  overlapIou: z.number().min(0).max(1).default(CHECK_SETTINGS_DEFAULTS.overlapIou),
  /** 3D IoU at and above which two boxes are reported as duplicates. */
  duplicateIou: z.number().min(0).max(1).default(CHECK_SETTINGS_DEFAULTS.duplicateIou),
  /** Box bottom more than this above the local ground: warning; twice this: error (metres). */
  floatTolerance: z.number().positive().default(CHECK_SETTINGS_DEFAULTS.floatTolerance),
  /** Box bottom more than this below the local ground: warning; twice this: error (metres). */
  sinkTolerance: z.number().positive().default(CHECK_SETTINGS_DEFAULTS.sinkTolerance),
  /**
   * The team's labelling range in metres, when the SOP has one: boxes farther from the sensor are
   * a warning. Absent (the default): the range is the scan's own, read from its points.
   */
  sensorRange: z.number().positive().optional(),
  /** Points inside the box margin this close to a face still count as inside (metres). */
  fitMargin: z.number().nonnegative().default(CHECK_SETTINGS_DEFAULTS.fitMargin),
  /** Smallest number of uncovered points that can make an unlabelled cluster. */
  clusterMinPoints: z.number().int().positive().default(CHECK_SETTINGS_DEFAULTS.clusterMinPoints),
  /** Clusters closer than this to the sensor (metres) are the vehicle itself, never reported. */
  egoRadius: z.number().nonnegative().default(CHECK_SETTINGS_DEFAULTS.egoRadius),
  /** Most unlabelled-cluster results reported per frame (largest clusters first). */
  clusterMaxResults: z.number().int().nonnegative().default(CHECK_SETTINGS_DEFAULTS.clusterMaxResults),
  /** Relative size change of a track between frames that is reported (0.15 = 15 %). */
  trackSizeTolerance: z.number().positive().default(CHECK_SETTINGS_DEFAULTS.trackSizeTolerance),
  /** Seconds between consecutive frames when the frames carry no time. */
  frameInterval: z.number().positive().default(CHECK_SETTINGS_DEFAULTS.frameInterval),
  /** Speed the sensor itself may move at, m/s, added to class speeds when frames carry no pose. */
  maxEgoSpeed: z.number().nonnegative().default(CHECK_SETTINGS_DEFAULTS.maxEgoSpeed),
});

export const edgeCaseDictionarySchema = z.object({
  /** Bumped by every edit (integer ≥ 1). */
  version: z.number().int().positive(),
  /** Class rules keyed by exact class name. */
  classes: z.record(z.string().min(1), classRuleSchema),
  edgeCases: z.array(edgeCaseSchema),
  settings: settingsSchema.default(() => settingsSchema.parse({})),
});

export type DistanceBand = z.infer<typeof distanceBandSchema>;
export type MinPoints = z.infer<typeof minPointsSchema>;
export type AllowedOverlap = z.infer<typeof allowedOverlapSchema>;
export type ClassRule = z.infer<typeof classRuleSchema>;
export type EdgeCase = z.infer<typeof edgeCaseSchema>;
export type CheckSettings = z.infer<typeof settingsSchema>;
/** A validated dictionary, every default filled in. */
export type EdgeCaseDictionary = z.infer<typeof edgeCaseDictionarySchema>;
/** A dictionary as written in JSON: optional parts may be left out. */
export type EdgeCaseDictionaryInput = z.input<typeof edgeCaseDictionarySchema>;

/** Default settings (every field at its default). */
export function defaultCheckSettings(): CheckSettings {
  return { ...CHECK_SETTINGS_DEFAULTS };
}

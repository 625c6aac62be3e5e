import type { CuboidShape } from '../geometry/CuboidShape.ts';
/** How bad a check result is: errors block a submit (unless overridden with a reason). */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from worst to mildest. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * One finding of one rule. Either about a box (`cuboidId`) or about a place with no box
 * (`location`, LiDAR frame, metres), sometimes both. Pair rules (overlap, duplicate) report one
 * result on each box of the pair and name the other in `otherCuboidId`.
 */
export interface CheckResult {
  /** The rule's id, e.g. `tooFewPoints`. */
  ruleId: string;
  severity: Severity;
  cuboidId: string | null;
  /** LiDAR-frame point (metres) the result is about, for results with no box. */
  location: [number, number, number] | null;
  /** Plain words with the numbers, e.g. "Car box holds 3 points; at 42 m a Car needs at least 5". */
  message: string;
  /**
   * Where in the edge-case dictionary the rule comes from: an edge-case id (kebab-case, e.g.
   * `rider-on-bicycle`) or a dictionary path (`classes.Car.size`, `settings.overlapIou`).
   */
  dictionaryEntry: string | null;
  /** For pair rules: the other box of the pair. */
  otherCuboidId?: string;
  /** For a missed object: the class whose size range fits the cluster best (what "Box it" creates). */
  suggestedLabel?: string;
  /**
   * For a missed object: how sure the search is that the cluster is an object of `suggestedLabel`
   * (0..1: size fit × returns against the sensor model × how little it looks like scenery).
   */
  confidence?: number;
  /**
   * For a finding at a place: the BEV radius (metres) around `location` it is about, e.g. a missed
   * object's cluster. A "not an object" dismissal covers that much by default.
   */
  radius?: number;
  /** For a track gap (`trackGap`): the track and where its box would be (LiDAR frame), what "Box it" places. */
  track?: { trackId: string; box: CuboidShape };
}

/** A result of a cross-frame rule: also names the frame it was found in. */
export interface SequenceCheckResult extends CheckResult {
  frameId: string;
}

/**
 * A stable key for a result, used to record overrides ("submitted with this error because ...")
 * and to merge incremental runs: rule, box (or location rounded to 0.5 m) and the other box.
 */
export function resultKey(r: CheckResult): string {
  const where = r.cuboidId ?? (r.location ? r.location.map((v) => Math.round(v * 2) / 2).join(',') : '-');
  return r.otherCuboidId !== undefined ? `${r.ruleId}:${where}:${r.otherCuboidId}` : `${r.ruleId}:${where}`;
}

/** Number of results per severity. */
export function countBySeverity(results: readonly CheckResult[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) out[r.severity]++;
  return out;
}

/** Orders results: errors first, then warnings, then info; within a severity by rule then box. */
export function compareResults(a: CheckResult, b: CheckResult): number {
  const s = SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
  if (s !== 0) return s;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  const ca = a.cuboidId ?? '';
  const cb = b.cuboidId ?? '';
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

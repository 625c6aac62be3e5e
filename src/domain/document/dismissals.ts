import type { DismissedRegion } from '../checks/CheckContext.ts';
import type { CheckResult } from '../checks/CheckResult.ts';
import type { Dismissal, FrameAnnotation } from './FrameAnnotation.ts';

/**
 * "Not an object" dismissals: immutable operations on a frame's list of them, and how the checks
 * and the editor read them. LiDAR frame, metres; a dismissal covers a vertical cylinder (its BEV
 * circle), whatever the height.
 */

/** The rule whose findings (missed objects, at a place) a dismissal silences. */
export const DISMISSABLE_RULE = 'unlabelledCluster';

/** Radius used when nothing tells the cluster's size, metres (a post, a bush, a car-sized hedge piece). */
export const DEFAULT_DISMISSAL_RADIUS = 1.5;
/** Smallest and largest default radius, metres: a post is still found again, a wall does not swallow a street. */
export const MIN_DISMISSAL_RADIUS = 0.5;
export const MAX_DEFAULT_DISMISSAL_RADIUS = 8;

/** The dismissals of a document (an empty list for one built before they existed). */
export function dismissalsOf(doc: Pick<FrameAnnotation, 'dismissals'> | null | undefined): readonly Dismissal[] {
  return doc?.dismissals ?? [];
}

/** The check context's view of the dismissals: BEV centre and radius. */
export function dismissedRegions(dismissals: readonly Dismissal[] | undefined): DismissedRegion[] {
  return (dismissals ?? []).map((d) => ({ x: d.location[0], y: d.location[1], radius: d.radius }));
}

/** The dismissal whose BEV circle holds (x, y), nearest centre first, or undefined. */
export function dismissalAt(dismissals: readonly Dismissal[] | undefined, x: number, y: number): Dismissal | undefined {
  let best: Dismissal | undefined;
  let bestD = Infinity;
  for (const d of dismissals ?? []) {
    const dist = Math.hypot(d.location[0] - x, d.location[1] - y);
    if (dist <= d.radius && dist < bestD) {
      best = d;
      bestD = dist;
    }
  }
  return best;
}

/** Whether a check result is a missed-object finding (a place with no box) that a dismissal may silence. */
export function isDismissableFinding(r: CheckResult): r is CheckResult & { location: [number, number, number] } {
  return r.ruleId === DISMISSABLE_RULE && r.cuboidId === null && r.location !== null;
}

/**
 * The results without the missed-object findings that lie in a dismissed place. The checks already
 * leave those out; the editor filters too, so that a finding disappears the moment it is dismissed
 * rather than when the checks have re-run (and `N` never boxes a place just dismissed).
 */
export function withoutDismissed<T extends CheckResult>(results: readonly T[], dismissals: readonly Dismissal[] | undefined): T[] {
  if (dismissals === undefined || dismissals.length === 0) return [...results];
  return results.filter((r) => !(isDismissableFinding(r) && dismissalAt(dismissals, r.location[0], r.location[1]) !== undefined));
}

/**
 * The default radius of a dismissal from the finding's extent (`radius` of the result: the BEV
 * radius of its cluster, metres), clamped to [0.5, 8] m; `DEFAULT_DISMISSAL_RADIUS` when unknown.
 */
export function defaultDismissalRadius(extent: number | undefined): number {
  if (extent === undefined || !Number.isFinite(extent) || extent <= 0) return DEFAULT_DISMISSAL_RADIUS;
  return Math.min(MAX_DEFAULT_DISMISSAL_RADIUS, Math.max(MIN_DISMISSAL_RADIUS, extent));
}

let dismissalCounter = 0;

/** A new dismissal id: `x` + a per-page counter + a random suffix, like box ids. */
export function newDismissalId(random: () => number = Math.random): string {
  dismissalCounter += 1;
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += Math.floor(random() * 36).toString(36);
  return `x${dismissalCounter}-${suffix}`;
}

export interface CreateDismissalInput {
  location: [number, number, number];
  radius?: number;
  label?: string;
  reason?: string;
  by?: string;
  at?: string;
  id?: string;
}

/** A dismissal from its place (LiDAR frame, metres); absent optional fields are left out. */
export function createDismissal(input: CreateDismissalInput): Dismissal {
  const out: Dismissal = {
    id: input.id ?? newDismissalId(),
    location: [input.location[0], input.location[1], input.location[2]],
    radius: input.radius ?? DEFAULT_DISMISSAL_RADIUS,
  };
  if (input.label !== undefined) out.label = input.label;
  if (input.reason !== undefined) out.reason = input.reason;
  if (input.by !== undefined) out.by = input.by;
  if (input.at !== undefined) out.at = input.at;
  return out;
}

/** The document with `dismissal` added (a new object), or the same document when its id is already there. */
export function addDismissal(doc: FrameAnnotation, dismissal: Dismissal): FrameAnnotation {
  const list = dismissalsOf(doc);
  if (list.some((d) => d.id === dismissal.id)) return doc;
  return { ...doc, dismissals: [...list, dismissal] };
}

/** The document without dismissal `id`, or the same document when it has none with that id. */
export function removeDismissal(doc: FrameAnnotation, id: string): FrameAnnotation {
  const list = dismissalsOf(doc);
  if (!list.some((d) => d.id === id)) return doc;
  return { ...doc, dismissals: list.filter((d) => d.id !== id) };
}

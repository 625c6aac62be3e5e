/**
 * Fixed dimensions of the simulated street, in the world frame (metres): the main road runs
 * along +x centred on y = 0, right-hand traffic, so the ego lane is y ∈ [−3.5, 0].
 */
export const STREET = {
  /** Half width of the carriageway including the parking strips. */
  roadHalfWidth: 6.5,
  /** Half width of the two driving lanes (the edge lines sit here). */
  laneHalfWidth: 3.5,
  /** Centre line of the ego lane and of the oncoming lane. */
  egoLaneY: -1.75,
  oncomingLaneY: 1.75,
  /** Centre of the parking strips on each side (|y|). */
  parkingY: 5.0,
  /** Outer edge of the sidewalks (|y|); building fronts start just behind it. */
  sidewalkOuter: 10.2,
  /** Height of the sidewalk top above the road edge. */
  kerbHeight: 0.15,
  /** Road crown: the road edge lies this much below the centre line. */
  crownDrop: 0.07,
  /** Cross streets as x intervals of the main road. */
  crossStreets: [
    [38, 50],
    [-72, -60],
  ] as ReadonlyArray<readonly [number, number]>,
  /** Extent of the modelled street along x. */
  minX: -140,
  maxX: 180,
} as const;

/** True when world x lies inside a cross street (no kerb, sidewalk or building there). */
export function isInCrossStreet(x: number, margin = 0): boolean {
  return STREET.crossStreets.some(([a, b]) => x >= a - margin && x <= b + margin);
}

import { classDefaults } from './classDefaults.ts';
import type { ClassDefaults } from './classDefaults.ts';
import { clusterAroundSeed } from './clusterAroundSeed.ts';
import type { ClusterAroundSeedOptions } from './clusterAroundSeed.ts';
import type { FitCuboidOptions, FitCuboidSeed, FitResult } from './fitTypes.ts';
import { insideBoxesNear } from './insideBoxes.ts';
import { beamSpacing, fitObject, fitSensor, GROUND_CLEARANCE, HEIGHT_MARGIN, localGround, objectPoints, SPARSE_POINTS } from './fitToPoints.ts';
import type { FitSensor } from './fitToPoints.ts';
import { groundHeightAt } from './estimateGround.ts';
import { groundUnderReturns } from './groundUnderReturns.ts';
import { isPointInCuboid } from './isPointInCuboid.ts';
import type { GroundModel } from './estimateGround.ts';
import { buildPointGrid } from './PointGrid.ts';
import { splitPeople } from './splitPeople.ts';

export type { FitCuboidOptions, FitCuboidSeed, FitResult } from './fitTypes.ts';

/** Largest gap across the line of sight within one surface, metres (plus 0.4 % of the range). */
const LINK_LATERAL = 0.12;
/** Neighbouring firings of one beam this many azimuth steps apart still belong to one surface. */
const LINK_COLUMNS = 2.5;
/** How much larger than the expected size an object's footprint may be before a piece is refused. */
const FOOTPRINT_SLACK = 1.1;
/**
 * How much farther pieces may lie apart when the piece under the click holds only a handful of
 * returns: the far edge of a car's roof, hit by one beam, lies 1.5 m beyond its near side with
 * no return between.
 */
const SPARSE_MERGE_STRETCH = 2.5;
/** Least height band (metres) above the class's height cap in which a taller structure is looked for. */
const TALLER_GAP = 0.5;
/** For people and riders: how much wider than the expected size (metres) a footprint may be. */
const PERSON_SLACK = 0.15;
/** A class whose typical footprint is shorter than this (metres) and not box-shaped is a person (not a rider). */
const PERSON_LONGEST = 1.2;

/**
 * Fits an oriented box to the object under a click in a LiDAR scan.
 *
 * `positions`: x y z interleaved, metres, in the frame of the points; the sensor sits at
 * `sensorOrigin` (default the origin; `sensor.origin` when a sensor model is given): the visible
 * faces of an object are the ones facing it. Steps:
 * 1. gather the points within the class search radius of the seed, dropping those within 0.2 m
 *    of the local ground and those above the class's tallest size (+0.3 m);
 * 2. cluster them (`clusterAroundSeed`): pieces of surface near the click, joined while they fit
 *    the class footprint, so a neighbouring wall or car stays out; what hangs over the object
 *    above a vertical gap (a tree, an awning) is cut off (`objectPoints`);
 * 3. heading axis: along the line of sight for a vehicle seen head-on (one face across it), the
 *    least-squares direction of a single visible face, an L-shape fit (`fitLShape`) otherwise;
 *    the direction of largest spread for people and riders (a rider whose returns are a blob, seen
 *    from behind or ahead: the line of sight; a person: the road axis, +x); the road axis for a
 *    sparse object. The front: the previous frame's centre (`previousCenter`), the vehicle's profile,
 *    the traffic convention, else +x (`headingSource` says which). 4 candidates are returned
 *    (`headingIndex` picks one; a `prior` reorders them by closeness to its yaw);
 * 4. extents (`boxForHeading`): what is seen where it is seen whole, the class prior within the
 *    class range, added away from the sensor, where it is not;
 * 5. the bottom sits on the local ground; the height (`fitHeight`) is the highest return when a
 *    beam above it shows the top was seen, else the class prior within what the beams allow (the
 *    prior's height with a prior).
 * Objects with fewer than 10 returns get a class-size box around them (`confidence: 'low'`).
 *
 * Returns null when there is no non-ground point within the search radius of the seed.
 */
export function fitCuboid(positions: Float32Array, seed: FitCuboidSeed, opts: FitCuboidOptions = {}): FitResult | null {
  const defaults = classDefaults(opts.label ?? 'Car');
  const prior = opts.prior;
  const sensor = fitSensor(opts);
  const [ox, oy] = sensor.origin;
  const classRadius = prior ? Math.max(defaults.searchRadius, Math.hypot(prior.size[0], prior.size[1]) / 2 + 1) : defaults.searchRadius;
  const radius = opts.reach !== undefined && opts.reach > 0 ? Math.min(classRadius, opts.reach) : classRadius;
  const grid = opts.grid ?? buildPointGrid(positions);
  // A frame-wide ground model ends at its range limit (80 m by default): farther out, the local one.
  const model = opts.ground !== undefined && coversPoint(opts.ground, seed.x, seed.y) ? opts.ground : localGround(grid, seed.x, seed.y, radius + 8);
  // Returns below that ground say it is the top of something there (a far truck near the horizon).
  const ground = groundUnderReturns(positions, grid, model, seed.x, seed.y, radius, sensor.origin);

  // Scan lines spread with range: farther points are linked more loosely.
  const range = Math.hypot(seed.x - ox, seed.y - oy);
  const lateral = Math.max(LINK_LATERAL + 0.004 * range, 0.05 + LINK_COLUMNS * sensor.azimuthStep * range);
  const dims = prior ? prior.size : defaults.size;
  const longest = Math.max(dims[0], dims[1]);
  const shortest = Math.min(dims[0], dims[1]);
  const clusterOpts: ClusterAroundSeedOptions = {
    grid,
    ground,
    radius,
    linkLateral: lateral,
    linkRadial: defaults.clusterDistance + 0.01 * range,
    mergeDistance: defaults.clusterDistance + 0.01 * range,
    // People stand close together: a piece that would make one wider than a person with arms
    // out stays out.
    maxFootprint: defaults.boxShaped
      ? [FOOTPRINT_SLACK * longest + 0.25, FOOTPRINT_SLACK * shortest + 0.25]
      : [longest + PERSON_SLACK, shortest + PERSON_SLACK],
    reach: Math.hypot(longest, shortest) / 2 + defaults.clusterDistance,
    groundClearance: GROUND_CLEARANCE,
    maxHeight: Math.max(defaults.range.h[1], prior?.size[2] ?? 0) + HEIGHT_MARGIN,
    // One and a half beam rows at that range (at least 0.5 m): the next row up a wall would show.
    taller: {
      from: Math.max(defaults.range.h[1], prior?.size[2] ?? 0) + HEIGHT_MARGIN,
      gap: Math.max(TALLER_GAP, 1.5 * range * Math.tan(beamSpacing(sensor))),
    },
    sensorX: ox,
    sensorY: oy,
    skip: opts.exclude !== undefined ? insideBoxesNear(opts.exclude, seed.x, seed.y, radius) : undefined,
  };
  const scene: ObjectScene = { positions, ground, defaults, sensor };
  let kept = objectAroundSeed(scene, seed, clusterOpts);
  if (kept.length === 0) return null;
  // A click near one end of an object: its far end may lie beyond the search disc (a 4.6 m car
  // clicked at its bumper, with a 4 m radius). Gather again around the middle of what was found,
  // still starting from the piece under the click.
  // Only when what was found is still smaller than the class can be: a piece already as large
  // (a wall, a hedge, capped at the class's footprint) has nothing more to gain, and gathering
  // again there doubled the slowest clicks (KITTI random clicks p95 61 → 97 ms CPU).
  const centre = reachesEdge(
    positions,
    kept,
    seed,
    radius - clusterOpts.mergeDistance,
    Math.max(Math.hypot(defaults.range.l[1], defaults.range.w[1]), Math.hypot(longest, shortest)),
  );
  if (centre !== null) {
    const again = objectAroundSeed(scene, seed, { ...clusterOpts, center: centre });
    if (again.length > kept.length) kept = again;
  }
  if (kept.length < SPARSE_POINTS) kept = partOfLargerObject(scene, kept, seed, clusterOpts);
  // People walking together touch in the links: the one under the click is boxed, not the group.
  if (!defaults.boxShaped && !prior && longest < PERSON_LONGEST) kept = splitPeople(positions, kept, seed.x, seed.y, longest + PERSON_SLACK);
  return fitObject(positions, kept, ground, defaults, sensor, { ...opts, grid, seed: { x: seed.x, y: seed.y } });
}

/** What the object search under a click works on. */
interface ObjectScene {
  positions: Float32Array;
  ground: GroundModel;
  defaults: ClassDefaults;
  sensor: FitSensor;
}

/**
 * A handful of returns under the click (`kept`) together with the larger object they are part
 * of: gathered again with pieces linked across wider gaps, the union is taken when what joined is
 * an object of its own (at least 10 returns) whose fitted footprint holds every one of `kept`
 * (within 0.1 m): the far edge of a roof, seen past the near side. A sparse object beside a
 * larger one lies outside its footprint and stays alone.
 */
function partOfLargerObject(scene: ObjectScene, kept: Uint32Array, seed: FitCuboidSeed, clusterOpts: ClusterAroundSeedOptions): Uint32Array {
  const { positions, ground, defaults, sensor } = scene;
  const wider = objectAroundSeed(scene, seed, { ...clusterOpts, mergeDistance: SPARSE_MERGE_STRETCH * clusterOpts.mergeDistance });
  if (wider.length < kept.length + SPARSE_POINTS) return kept;
  const mine = new Set(kept);
  const rest = wider.filter((i) => !mine.has(i));
  const other = fitObject(positions, rest, ground, defaults, sensor, {});
  // In the top view: each point is tested at the box's mid-height.
  const inside = (i: number): boolean => isPointInCuboid(positions[3 * i], positions[3 * i + 1], other.center[2], other, 0.1);
  return kept.every(inside) ? wider : kept;
}

/**
 * The object's points under the click: the cluster (`clusterAroundSeed`) less ground, what is too
 * high and what hangs over it (`objectPoints`). Something that hung over the object may have
 * joined the cluster's pieces in the top view (a crown over a car links it to the pavement), so
 * then the clustering runs again below the cut. Sorted indices; empty when nothing is there.
 */
function objectAroundSeed(scene: ObjectScene, seed: FitCuboidSeed, options: ClusterAroundSeedOptions): Uint32Array {
  const { positions, ground, defaults, sensor } = scene;
  // What is refused as taller than the object stays out of the second pass, too.
  const clusterOpts = options.taller !== undefined ? { ...options, taller: { ...options.taller, refused: new Set<number>() } } : options;
  const indices = clusterAroundSeed(seed.x, seed.y, clusterOpts);
  if (indices.length === 0) return indices;
  const kept = objectPoints(positions, indices, ground, defaults, sensor);
  if (kept.length === 0 || kept.length === indices.length) return kept;
  let top = -Infinity;
  for (const i of kept) top = Math.max(top, positions[3 * i + 2] - groundHeightAt(ground, positions[3 * i], positions[3 * i + 1]));
  const again = clusterAroundSeed(seed.x, seed.y, { ...clusterOpts, maxHeight: top + 0.05 });
  const keptAgain = again.length > 0 ? objectPoints(positions, again, ground, defaults, sensor) : again;
  return keptAgain.length > 0 ? keptAgain : kept;
}

/**
 * The middle (x, y, metres) of the points' bounding box in the top view when one of them lies
 * farther than `within` from the seed, else null.
 */
function reachesEdge(positions: Float32Array, idx: Uint32Array, seed: FitCuboidSeed, within: number, maxDiagonal: number): [number, number] | null {
  let far = false;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const i of idx) {
    const x = positions[3 * i];
    const y = positions[3 * i + 1];
    if (Math.hypot(x - seed.x, y - seed.y) > within) far = true;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return far && Math.hypot(x1 - x0, y1 - y0) < maxDiagonal ? [(x0 + x1) / 2, (y0 + y1) / 2] : null;
}

/** Whether (x, y) lies on the ground model's grid (metres, the points' frame). */
function coversPoint(g: GroundModel, x: number, y: number): boolean {
  const fx = (x - g.originX) / g.cellSize;
  const fy = (y - g.originY) / g.cellSize;
  return fx >= -0.5 && fy >= -0.5 && fx <= g.nx - 0.5 && fy <= g.ny - 0.5;
}

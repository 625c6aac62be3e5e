import { groundHeightAt } from '../../geometry/estimateGround.ts';
import type { CheckContext, Rule } from '../CheckContext.ts';
import type { CheckResult, Severity } from '../CheckResult.ts';
import { analysisOf } from '../frame/analysisOf.ts';
import { familyOf } from '../frame/clusterGroups.ts';
import type { FrameAnalysis } from '../frame/FrameAnalysis.ts';
import { fmt } from '../formatNumber.ts';
import { inLabelRegion, isDismissed } from './missedObjectRegion.ts';
import { isFace, sceneryFactor } from './missedObjectScenery.ts';
import { scoreTemplates } from './missedObjectScore.ts';
import { atCeiling } from './missedObjectCeiling.ts';
import { objectKind } from './missedObjectKind.ts';
import type { ClusterPart } from './ClusterPart.ts';
import { peopleInCluster } from './peopleInCluster.ts';
import { isRiderProfile } from './riderProfile.ts';
import { continuesBox, vehicleBoxBeside } from './boxOverhang.ts';
import { unboxedParts } from './unboxedParts.ts';
import { BODY_LAYER_TOP, vehiclesInCluster } from './vehiclesInCluster.ts';
import { beamGapAt } from '../../sensor/beamGapAt.ts';
import { isFoliageRough, surfaceRoughness } from './surfaceRoughness.ts';
import { freeParts, pointsOfUnits } from './unboxedUnitPoints.ts';
import { PERSON_UPPER_WIDTH, WIDE_PERSON, isRider, mayBeVehicleEnd, upperBandWidth } from './upperBandWidth.ts';
import type { MissedCandidate, TemplateScore } from './missedObjectScore.ts';
import type { Cuboid } from '../../types.ts';

/** Clusters with more than this share of their points in boxes are the boxed objects themselves. */
const COVERED_FRACTION = 0.9;
/**
 * Fewest unboxed points of a candidate: `settings.clusterMinPoints` within NEAR metres, that
 * number scaled by (NEAR/d)² beyond (returns fall with the square of the distance), at least
 * MIN_POINTS. Whether a sparse cluster is worth a warning is the sensor model's call.
 */
const MIN_POINTS = 10;
const NEAR = 5;
/** Confidence from which a vehicle- or person-like cluster is an error, a warning; below INFO_CONF it is not reported. */
export const ERROR_CONF = 0.8;
export const WARN_CONF = 0.5;
export const INFO_CONF = 0.3;
/** Confidence factor of a person-sized column carved out of a larger cluster (`peopleInCluster`). */
const CARVED = 0.8;
/** A cluster thrown out as scenery is searched for vehicle bodies (`vehiclesInCluster`) when it rises above this (metres) and is this long. */
const COVER_TOP = 2.3;
const COVER_LENGTH = 2.2;
/** Confidence factor of the vehicle classes on a cluster whose surface is as rough as foliage (`isFoliageRough`): info at most. */
const FOLIAGE = 0.4;
/** Findings closer than this (metres, BEV) are one: the most confident is kept. */
const SAME_PLACE = 1;
/** A cluster whose top is within this angle (radians, 0.4°) of the highest beam is cut off there. */
const TOP_MARGIN = (0.4 * Math.PI) / 180;

/**
 * Object-like clusters of above-ground points that no box covers: likely missed objects, reported
 * at the centroid of their unboxed points (`location`), most confident first, at most
 * `settings.clusterMaxResults`.
 *
 * A group of obstacle clusters (`groupClusters`: an object split by gaps in its returns is one) is
 * a candidate when at most 90 % of its points are in boxes (grown by `settings.fitMargin`; of a
 * cluster more boxed than that, each connected part of the unboxed points is one: `unboxedParts`,
 * someone standing against a boxed van) and its
 * unboxed part holds at least `settings.clusterMinPoints` points within 5 m (beyond, that number
 * scaled by (5/d)², but at least 10); the unboxed part is then measured: points, centroid, extents along and
 * across its principal axis, top and bottom above the ground. Scenery is set aside by shape
 * (`sceneryFactor`: lines, posts, walls, hanging or overhung clusters, pieces of a hedge or a
 * wall). Each class with `findMissed` is scored on size and on the returns the sensor would give
 * on such an object there (`scoreTemplates`); the best gives `suggestedLabel` and `confidence`.
 * A group set aside (or scoring under 0.3) that rises above 2.3 m and is 2.2 m long may hold a
 * car under a street tree or beside a trunk: the vehicle bodies in it (`vehiclesInCluster`) are
 * scored as candidates of their own (× 0.8, carved out), on the vehicle classes.
 * Where a vehicle class scores a warning or more, the cluster's surface is read too: one that
 * scatters the returns as foliage does (`isFoliageRough`: a hedge, a bush, a crown) scores its
 * vehicle classes ×0.4, and the message says why.
 *
 * A candidate beside a box of a vehicle class whose surface runs on into that box (`continuesBox`:
 * the box was nudged or drawn off its car, which sticks out) is that box's finding, not a missed
 * object: it is left out, and `N` does not box the car twice.
 *
 * Severity: an error when some vehicle class scores 0.8 on a cluster at least as wide as that
 * class's narrowest width, or the best class is a person scoring 0.8 and standing upright at
 * adult height (`upright`); else a warning from 0.5, info from 0.3 (lower: not reported);
 * classes that are neither vehicles nor people (`objectKind`) are at most info. Nothing is
 * reported that is the vehicle itself (within `settings.egoRadius` of the sensor and either
 * within half of it or around the sensor: `isEgo`), outside `ctx.labelRegion` (DontCare wedges
 * included), or with its centre inside a "not an object" dismissal (`ctx.dismissed`). Distances
 * are BEV from the sensor origin of the frame analysis.
 */
export const unlabelledCluster: Rule = (ctx) => {
  const analysis = analysisOf(ctx);
  if (analysis.groups.count === 0) return [];
  const settings = ctx.dictionary.settings;
  const classes = Object.entries(ctx.dictionary.classes).filter(([, r]) => r.findMissed);
  if (classes.length === 0) return [];
  const free = freeParts(ctx, analysis);
  const { groups } = analysis;
  const [ox, oy] = analysis.sensor.origin;
  // At most one finding per family (a group and its clusters): the most confident.
  const chosen = new Map<number, { confidence: number; result: CheckResult }>();
  const split: { g: number; need: number; scenery: number }[] = [];
  const mostlyBoxed: number[] = [];
  const covered: { g: number; need: number }[] = [];
  const faces: { g: number; cand: MissedCandidate; scores: TemplateScore[]; partial: boolean }[] = [];
  const vehicles: { g: number; cand: MissedCandidate; scores: TemplateScore[]; scenery: number }[] = [];
  /** Candidates partly in a cluster boxed as a vehicle and lying beside that box: its own object sticking out? (below) */
  const beside: { g: number; cand: MissedCandidate; scores: TemplateScore[]; scenery: number; box: Cuboid }[] = [];
  /**
   * Considers a candidate that a vehicle class explains, with those classes damped on a
   * foliage-rough surface, and the person classes but riders on one wider than shoulders in its
   * upper part (`upperBandWidth`: a car's end seen head-on passed for a striding pedestrian; a
   * cyclist seen side-on is that wide there, handlebars to back, so riders are not). `xyz`: its points.
   */
  const judgeSurface = (g: number, cand: MissedCandidate, ranked: TemplateScore[], scenery: number, xyz: Float32Array): void => {
    const wide = ranked[0].kind === 'person' && upperBandWidth(xyz, analysis.ground, analysis.sensor.origin, cand) > PERSON_UPPER_WIDTH;
    const damp = (sc: TemplateScore): boolean => sc.kind === 'person' && !isRider(ctx.dictionary.classes[sc.label]);
    const scores = wide
      ? ranked.map((sc) => (damp(sc) ? { ...sc, confidence: WIDE_PERSON * sc.confidence } : sc)).sort((a, b) => b.confidence - a.confidence)
      : ranked;
    if (!vehicleWarns(scores, scenery) || !isFoliageRough(surfaceRoughness(xyz, analysis.sensor), cand.range)) {
      consider(g, cand, scores, scenery);
      return;
    }
    const damped = scores
      .map((sc) => (sc.kind === 'vehicle' ? { ...sc, confidence: FOLIAGE * sc.confidence } : sc))
      .sort((a, b) => b.confidence - a.confidence);
    // The message says why a vehicle class scores low (another class may now explain it best).
    consider(g, cand, damped, scenery, damped[0].kind === 'vehicle');
  };
  const consider = (g: number, cand: MissedCandidate, scores: TemplateScore[], scenery: number, rough = false): void => {
    const best = scores[0];
    const confidence = best.confidence * scenery;
    if (confidence < INFO_CONF) return;
    // Near-certain: some vehicle class explains it that well and the cluster shows at least that
    // class's narrowest width (`showsWidth`; a car seen end-on may fit a rider as well as a car),
    // or the best class is a person standing upright.
    const vehicle = scores.find((sc) => sc.kind === 'vehicle');
    const certain =
      (vehicle !== undefined && vehicle.confidence * scenery >= ERROR_CONF && showsWidth(cand, ctx.dictionary.classes[vehicle.label].size.w[0], analysis)) ||
      (confidence >= ERROR_CONF && best.kind === 'person' && upright(cand));
    const severity: Severity = certain ? 'error' : best.kind === 'other' ? 'info' : confidence >= WARN_CONF ? 'warning' : 'info';
    const family = familyOf(groups, g);
    const prev = chosen.get(family);
    if (prev !== undefined && prev.confidence >= confidence) return;
    const [x, y, z] = cand.center;
    chosen.set(family, {
      confidence,
      result: {
        ruleId: 'unlabelledCluster',
        severity,
        cuboidId: null,
        location: [x, y, z],
        message: message(cand, scores, confidence, rough),
        dictionaryEntry: 'every-object-boxed',
        suggestedLabel: best.label,
        confidence: Math.round(confidence * 100) / 100,
        radius: Math.max(0.5, Math.hypot(cand.length, cand.width) / 2),
      },
    });
  };
  for (let g = 0; g < groups.count; g++) {
    const n = free.points[g];
    if (n === 0) continue;
    if (groups.points[g] - n > COVERED_FRACTION * groups.points[g]) {
      // Mostly boxed: what is left may be someone standing against the boxed object (below).
      if (g < analysis.clusters.count && n >= MIN_POINTS) mostlyBoxed.push(g);
      continue;
    }
    const x = free.sumX[g] / n;
    const y = free.sumY[g] / n;
    const z = free.sumZ[g] / n;
    const range = Math.hypot(x - ox, y - oy);
    const need = needAt(settings.clusterMinPoints, range);
    if (n < need || (range < settings.egoRadius && isEgo(analysis, free.ext, g, range, settings.egoRadius))) continue;
    if (!inLabelRegion(ctx.labelRegion, x - ox, y - oy, range) || isDismissed(ctx, x, y)) continue;
    const groundZ = groundHeightAt(analysis.ground, x, y);
    const b = 6 * g;
    const du = free.ext[b + 1] - free.ext[b];
    const dv = free.ext[b + 3] - free.ext[b + 2];
    const cand: MissedCandidate = {
      points: n,
      center: [x, y, z],
      groundZ,
      range,
      length: Math.max(du, dv),
      width: Math.min(du, dv),
      yaw: Math.atan2(groups.axisY[g], groups.axisX[g]) + (du >= dv ? 0 : Math.PI / 2),
      top: free.ext[b + 5] - groundZ,
      bottom: free.ext[b + 4] - groundZ,
      topCut: false,
    };
    // Cut off by the highest beam, or by the 4 m ceiling of the obstacle points: taller than it looks.
    cand.topCut = Math.atan(free.tanElevation[g]) >= analysis.topElevation - TOP_MARGIN || atCeiling(analysis.sensor, cand, groups.overhead[g]);
    const scenery = sceneryFactor(analysis, g, cand, n < groups.points[g]);
    // Scenery as a whole, and taller than a vehicle: a car under a street tree or beside a trunk may stand in it (below).
    const cover = cand.top > COVER_TOP && cand.length >= COVER_LENGTH;
    if (scenery <= 0) {
      if (cover) covered.push({ g, need });
      continue;
    }
    const scores = scoreTemplates(cand, classes, analysis.sensor, analysis.rangeImage);
    const best = scores[0];
    const confidence = best.confidence * scenery;
    // Bigger than a person and no sure person (an info at most): someone may stand against it
    // (split below; the whole is still considered, the more confident reading is kept).
    const person = scores.find((sc) => sc.kind === 'person');
    if (g < groups.lowStart && (cand.length > 1.2 || cand.top > 2.3) && (person?.confidence ?? 0) * scenery < WARN_CONF) split.push({ g, need, scenery });
    // One thin face that a person class explains: a cyclist's side, if its profile is a rider's (below).
    if (g < groups.lowStart && isFace(cand) && (person?.confidence ?? 0) >= WARN_CONF)
      faces.push({ g, cand, scores: scores.filter((sc) => sc.kind === 'person'), partial: n < groups.points[g] });
    if (confidence < INFO_CONF) {
      if (cover) covered.push({ g, need });
      continue;
    }
    // Part of a cluster that a vehicle box holds, beside that box: judged once its points are read (below).
    const box = n < groups.points[g] ? vehicleBoxBeside(cand, ctx.cuboids, ctx.dictionary.classes) : null;
    if (box !== null) beside.push({ g, cand, scores, scenery, box });
    // A vehicle class's cluster (or a wide one a person explains better) is judged on its surface too (below), in one pass over the points.
    else if (vehicleWarns(scores, scenery) || mayBeVehicleEnd(cand, scores, scenery, INFO_CONF)) vehicles.push({ g, cand, scores, scenery });
    else consider(g, cand, scores, scenery);
  }
  // The unboxed points of every unit looked at more closely below, in one pass.
  const wanted = [
    ...vehicles.map((v) => v.g),
    ...beside.map((v) => v.g),
    ...covered.map((c) => c.g),
    ...split.map((c) => c.g),
    ...faces.map((f) => f.g),
    ...mostlyBoxed,
  ];
  const points = wanted.length > 0 ? pointsOfUnits(ctx, analysis, free.covered, wanted) : new Map<number, Float32Array>();
  // A hedge, a bush or a crown scatters its returns through its depth; a vehicle's body is smooth
  // along a scan line. On a surface that rough the vehicle classes count for less than half.
  for (const { g, cand, scores, scenery } of vehicles) judgeSurface(g, cand, scores, scenery, points.get(g) ?? new Float32Array(0));
  // A vehicle box's own object sticking out of it (the surface runs on into the box) is that
  // box's finding (pointsOutsideBox, fitDisagreement), not a missed object `N` would box again.
  for (const { g, cand, scores, scenery, box } of beside) {
    const xyz = points.get(g) ?? new Float32Array(0);
    if (continuesBox(xyz, box, settings.fitMargin, analysis.grid, analysis.sensor, cand.range)) continue;
    if (vehicleWarns(scores, scenery)) judgeSurface(g, cand, scores, scenery, xyz);
    else consider(g, cand, scores, scenery);
  }
  // Vehicles under a crown or beside a trunk, a post or a planter: their bodies.
  if (covered.length > 0) {
    const bodies = classes.filter(([, r]) => objectKind(r) === 'vehicle');
    for (const { g, need } of covered) {
      // The sensor's beam rows at the unit's range, where the layer's top is: a gap narrower than two of them is no gap.
      const gx = groups.sumX[g] / groups.points[g];
      const gy = groups.sumY[g] / groups.points[g];
      const rowGap = beamGapAt(analysis.sensor, gx, gy, groundHeightAt(analysis.ground, gx, gy) + BODY_LAYER_TOP);
      for (const part of vehiclesInCluster(points.get(g) ?? new Float32Array(0), analysis.ground, need, rowGap)) {
        const range = Math.hypot(part.x - ox, part.y - oy);
        if (!inLabelRegion(ctx.labelRegion, part.x - ox, part.y - oy, range) || isDismissed(ctx, part.x, part.y)) continue;
        const cand = candidateOfPart(part, range, false);
        const partScenery = CARVED * sceneryFactor(analysis, g, cand, true);
        if (partScenery <= 0) continue;
        judgeSurface(g, cand, scoreTemplates(cand, bodies, analysis.sensor, analysis.rangeImage), partScenery, part.xyz);
      }
    }
  }
  // People standing against something no class explains (a tree, a post, a bush): their columns.
  if (split.length > 0) {
    const people = classes.filter(([, r]) => objectKind(r) === 'person');
    for (const { g, need, scenery } of split) {
      for (const part of peopleInCluster(points.get(g) ?? new Float32Array(0), analysis.ground, need)) {
        const range = Math.hypot(part.x - ox, part.y - oy);
        if (!inLabelRegion(ctx.labelRegion, part.x - ox, part.y - oy, range) || isDismissed(ctx, part.x, part.y)) continue;
        const cand = candidateOfPart(part, range, false);
        // Carved out of a larger cluster, a column is less sure to stand apart than a cluster that does.
        const partScenery = CARVED * sceneryFactor(analysis, g, cand, true);
        if (partScenery <= 0) continue;
        const sc = scoreTemplates(cand, people, analysis.sensor, analysis.rangeImage);
        consider(g, cand, sc, partScenery);
      }
    }
  }
  // Faces with a rider's profile over a bicycle are cyclists rather than pieces of fence.
  if (faces.length > 0) {
    for (const { g, cand, scores, partial } of faces) {
      if (isRiderProfile(points.get(g) ?? new Float32Array(0), analysis.ground, cand.yaw))
        consider(g, cand, scores, sceneryFactor(analysis, g, cand, partial, true));
    }
  }
  // The unboxed parts of mostly boxed clusters (a cyclist beside a boxed van joins its cluster).
  if (mostlyBoxed.length > 0) {
    for (const g of mostlyBoxed) {
      for (const part of unboxedParts(points.get(g) ?? new Float32Array(0), analysis.ground, analysis.sensor.origin, MIN_POINTS)) {
        const range = Math.hypot(part.x - ox, part.y - oy);
        if (part.points < needAt(settings.clusterMinPoints, range)) continue;
        if (!inLabelRegion(ctx.labelRegion, part.x - ox, part.y - oy, range) || isDismissed(ctx, part.x, part.y)) continue;
        const cand = candidateOfPart(part, range, false);
        cand.topCut = Math.atan(part.tanElevation) >= analysis.topElevation - TOP_MARGIN || atCeiling(analysis.sensor, cand, groups.overhead[g]);
        const scenery = sceneryFactor(analysis, g, cand, true);
        if (scenery <= 0) continue;
        const box = vehicleBoxBeside(cand, ctx.cuboids, ctx.dictionary.classes);
        if (box !== null && continuesBox(part.xyz, box, settings.fitMargin, analysis.grid, analysis.sensor, range)) continue;
        judgeSurface(g, cand, scoreTemplates(cand, classes, analysis.sensor, analysis.rangeImage), scenery, part.xyz);
      }
    }
  }
  const found: { confidence: number; result: CheckResult }[] = [];
  for (const f of [...chosen.values()].sort((a, b) => b.confidence - a.confidence)) {
    const [x, y] = f.result.location!;
    if (!found.some((k) => Math.hypot(k.result.location![0] - x, k.result.location![1] - y) < SAME_PLACE)) found.push(f);
  }
  const listed = found.slice(0, settings.clusterMaxResults).map((f) => f.result);
  const more = found.length - listed.length;
  if (more > 0) {
    // Never a silent cut: say how many less confident candidates were left out.
    listed.push({
      ruleId: 'unlabelledCluster',
      severity: 'info',
      cuboidId: null,
      location: null,
      message:
        `${more} more possible missed ${more === 1 ? 'object is' : 'objects are'} not listed: only the ` +
        `${settings.clusterMaxResults} most confident are (settings.clusterMaxResults); box or dismiss these to see the rest`,
      dictionaryEntry: 'settings.clusterMaxResults',
    });
  }
  return listed;
};

/** Whether some vehicle class explains a candidate as a warning or more. */
function vehicleWarns(scores: readonly TemplateScore[], scenery: number): boolean {
  return scores.some((sc) => sc.kind === 'vehicle' && sc.confidence * scenery >= WARN_CONF);
}

/** Fewest unboxed points of a candidate `range` metres from the sensor (`MIN_POINTS`, `NEAR`). */
function needAt(minPoints: number, range: number): number {
  return Math.max(MIN_POINTS, Math.min(minPoints, Math.round(minPoints * (NEAR / Math.max(range, 1)) ** 2)));
}

/** |sin| of the angle between a cluster's long axis and the line of sight below which the axis lies along it (30°). */
const ALONG_SIGHT = 0.5;

/**
 * Whether a candidate shows a vehicle's width `w` (metres): across the line of sight, as its long
 * axis (an end face, or a side), or, when its long axis lies along the line of sight, as its
 * extent across that axis (the end face toward the sensor). A strip along the line of sight (a
 * wall or a fence seen edge-on, or a vehicle whose near end is hidden) is no sure vehicle.
 */
function showsWidth(cand: MissedCandidate, w: number, analysis: FrameAnalysis): boolean {
  if (cand.length < w) return false;
  const [ox, oy] = analysis.sensor.origin;
  const across = Math.abs(Math.sin(cand.yaw - Math.atan2(cand.center[1] - oy, cand.center[0] - ox)));
  return across >= ALONG_SIGHT || cand.width >= 0.8 * w;
}

/**
 * A near-certain person stands upright at adult height: at least 1.4 m tall, and 1.5 × as tall
 * as it is long (someone walking) or, riding, a profile at most half as deep as it is long and
 * at least 0.8 × as tall (a rider's head above a bicycle's length). Bins, posts, parked bicycles
 * (about 1.1 m) and bushes pass for people at a lower confidence.
 */
function upright(cand: MissedCandidate): boolean {
  if (cand.top < 1.4) return false;
  return cand.top >= 1.5 * cand.length || (cand.width <= 0.5 * cand.length && cand.top >= 0.8 * cand.length);
}

/**
 * Whether a unit within `egoRadius` of the sensor is the ego vehicle: its centroid lies within
 * half that radius, or its unboxed part's footprint (`ext`, along and across its principal axis
 * about the unit's centroid) grown by 0.5 m surrounds the sensor. A car in the next lane, 3 m
 * away, does neither.
 */
function isEgo(analysis: FrameAnalysis, ext: Float32Array, g: number, range: number, egoRadius: number): boolean {
  if (range < egoRadius / 2) return true;
  const { groups } = analysis;
  const [ox, oy] = analysis.sensor.origin;
  const dx = ox - groups.sumX[g] / groups.points[g];
  const dy = oy - groups.sumY[g] / groups.points[g];
  const u = dx * groups.axisX[g] + dy * groups.axisY[g];
  const v = dy * groups.axisX[g] - dx * groups.axisY[g];
  const b = 6 * g;
  const m = 0.5;
  return u >= ext[b] - m && u <= ext[b + 1] + m && v >= ext[b + 2] - m && v <= ext[b + 3] + m;
}

function message(cand: MissedCandidate, scores: readonly TemplateScore[], confidence: number, rough: boolean): string {
  const best = scores[0];
  const others = scores
    .slice(1)
    .filter((s) => s.confidence >= 0.5 * best.confidence && s.confidence >= INFO_CONF)
    .map((s) => s.label);
  const [x, y] = cand.center;
  const l = cand.length;
  const w = cand.width;
  const returns = best.expected > 0 ? `, where a ${best.label} would give about ${Math.round(best.expected)}` : '';
  return (
    `${cand.points} points at (${fmt(x, 1)}, ${fmt(y, 1)}), ${fmt(cand.range)} m away, form a ${fmt(l, l < 0.1 ? 2 : 1)} × ` +
    `${fmt(w, w < 0.1 ? 2 : 1)} m cluster ${fmt(cand.top, 1)} m tall with no box${returns}: a missed ${best.label}` +
    `${others.length > 0 ? ` (or ${others.join(', ')})` : ''}? Confidence ${fmt(confidence, 2)}` +
    (rough ? ': its surface scatters the returns as foliage does (a hedge, a bush), not as a vehicle body.' : '.')
  );
}

/** A missed-object candidate from a part carved out of a cluster (a person-sized column, an unboxed part). */
function candidateOfPart(part: ClusterPart, range: number, topCut: boolean): MissedCandidate {
  const { points, groundZ, length, width, yaw, top, bottom } = part;
  return { points, center: [part.x, part.y, part.z], groundZ, range, length, width, yaw, top, bottom, topCut };
}

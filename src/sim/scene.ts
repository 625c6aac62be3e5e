import { buildPedestrianParts, buildCyclistParts } from './actors/buildPersonParts.ts';
import { buildVehicleParts } from './actors/buildVehicleParts.ts';
import { placeActors } from './actors/placeActors.ts';
import type { ActorMotion, SceneActor } from './actors/SceneActor.ts';
import { poseAt } from './motion.ts';
import type { PlanarPose } from './motion.ts';
import type { Primitive } from './primitives/Primitive.ts';
import type { RigidZ } from './primitives/RigidZ.ts';
import { transformPrimitive } from './primitives/transformPrimitive.ts';
import { createRng } from './rng.ts';
import { buildStreet, sidewalkTop } from './street/buildStreet.ts';
import { buildStreetFurniture } from './street/buildStreetFurniture.ts';
import { createGround } from './street/ground.ts';
import type { GroundModel } from './street/ground.ts';
import { STREET } from './street/streetLayout.ts';

/** A street scene in the world frame (x along the street, y left, z up, metres). */
export interface Scene {
  seed: number;
  ground: GroundModel;
  /** Sidewalks, buildings, trees, poles: world frame, never moving. */
  statics: Primitive[];
  actors: SceneActor[];
  /** Motion of the ego car (the point under the LiDAR). */
  ego: ActorMotion;
  /** Height of the LiDAR above the ground under the ego car, metres. */
  mountHeight: number;
}

export interface SceneOptions {
  /** Ego speed along the street, m/s (default 3). */
  egoSpeed?: number;
  /** LiDAR height above the ground, metres (default 1.73). */
  mountHeight?: number;
  /** Leave out the actors (tests of the bare street). */
  withoutActors?: boolean;
}

/** Builds the whole scene from a seed; same seed → same scene, bit for bit. */
export function buildScene(seed: number, opts: SceneOptions = {}): Scene {
  const rng = createRng(seed);
  const ground = createGround([rng.uniform(0, 6.283), rng.uniform(0, 6.283), rng.uniform(0, 6.283)]);
  const street = buildStreet(rng.fork());
  const furniture = buildStreetFurniture(rng.fork());
  const actors = opts.withoutActors ? [] : placeActors(rng.fork());
  return {
    seed,
    ground,
    statics: [...street.primitives, ...furniture],
    actors,
    ego: { x0: 0, y0: STREET.egoLaneY, yaw0: 0, speed: opts.egoSpeed ?? 3, yawRate: 0 },
    mountHeight: opts.mountHeight ?? 1.73,
  };
}

/** World z of the surface an actor stands on at (x, y). */
export function actorBaseHeight(scene: Scene, actor: SceneActor, x: number, y: number): number {
  return actor.onSidewalk ? sidewalkTop() : scene.ground.height(x, y);
}

/** Ground-truth box of an actor at a time, world frame: centre, size (l, w, h), yaw. */
export interface WorldBox {
  center: [number, number, number];
  size: [number, number, number];
  yaw: number;
}

/** The actor's pose and box at `time` (seconds since frame 0). */
export function actorBoxAt(scene: Scene, actor: SceneActor, time: number): { pose: PlanarPose; box: WorldBox } {
  const pose = poseAt(actor.motion, time);
  const base = actorBaseHeight(scene, actor, pose.x, pose.y);
  return {
    pose,
    box: { center: [pose.x, pose.y, base + actor.size[2] / 2], size: [...actor.size], yaw: pose.yaw },
  };
}

/**
 * Gap between an actor's surfaces and its ground-truth box on every side but the bottom, metres.
 * Like a careful annotator's box, it keeps the range noise of points on flat faces inside.
 */
export function boxMargin(actor: SceneActor): number {
  return actor.look.type === 'vehicle' ? 0.05 : 0.03;
}

/** The actor's primitives at `time`, world frame (owner = actor.index). */
export function actorPrimitivesAt(scene: Scene, actor: SceneActor, time: number): Primitive[] {
  const { pose, box } = actorBoxAt(scene, actor, time);
  const m = boxMargin(actor);
  const body: [number, number, number] = [actor.size[0] - 2 * m, actor.size[1] - 2 * m, actor.size[2] - m];
  let local: Primitive[];
  if (actor.look.type === 'vehicle') local = buildVehicleParts(actor.label, body, actor.look, actor.index);
  else if (actor.label === 'Cyclist') local = buildCyclistParts(body, actor.look, time, actor.index);
  else local = buildPedestrianParts(body, actor.look, time, actor.index);
  const place: RigidZ = { yaw: pose.yaw, tx: pose.x, ty: pose.y, tz: box.center[2] - actor.size[2] / 2 };
  return local.map((p) => transformPrimitive(p, place));
}

/** Pose of the LiDAR in the world at `time`: yaw and the optical centre's position. */
export function lidarPoseAt(scene: Scene, time: number): RigidZ {
  const p = poseAt(scene.ego, time);
  return { yaw: p.yaw, tx: p.x, ty: p.y, tz: scene.ground.height(p.x, p.y) + scene.mountHeight };
}

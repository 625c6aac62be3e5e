import type { PointCloud } from '../domain/types.ts';
import type { ActorClass } from './actors/SceneActor.ts';
import { castRays, GROUND_HIT } from './castRays.ts';
import { countRaysHitting } from './countRaysHitting.ts';
import { hash32, hashNormal, hashUnit } from './hashNoise.ts';
import { isWindowAt, WINDOW_GLASS } from './materials.ts';
import { wrapPi } from './motion.ts';
import { primitiveNormal } from './primitives/primitiveNormal.ts';
import type { Primitive } from './primitives/Primitive.ts';
import { applyRigidZ, invertRigidZ } from './primitives/RigidZ.ts';
import type { RigidZ } from './primitives/RigidZ.ts';
import { transformPrimitive } from './primitives/transformPrimitive.ts';
import { actorBoxAt, actorPrimitivesAt, lidarPoseAt } from './scene.ts';
import type { Scene } from './scene.ts';
import { buildRays } from './sensor.ts';
import type { RayBundle, SensorModel } from './sensor.ts';

/** One labelled object of a simulated frame. */
export interface SimObject {
  trackId: string;
  label: ActorClass;
  /** Box centre in the LiDAR frame of this frame, metres. */
  center: [number, number, number];
  /** [length, width, height], metres. */
  size: [number, number, number];
  /** Yaw about LiDAR +z, radians, in [−π, π). */
  yaw: number;
  /** Box centre and yaw in the world frame. */
  worldCenter: [number, number, number];
  worldYaw: number;
  /** Speed along the heading, m/s (0 for parked or standing objects). */
  speed: number;
  isStatic: boolean;
  /** Returns that came from the object's own surfaces (after noise, range limits and dropouts). */
  hitPoints: number;
  /**
   * Share of the rays that would hit the object if nothing else were there but hit something
   * nearer instead (0 = in full view, 1 = hidden). NaN when no ray would hit it at all.
   */
  occlusion: number;
}

/** The output of one simulated sweep. */
export interface SimFrame {
  frameIndex: number;
  /** Seconds since frame 0. */
  time: number;
  /** Pose of the LiDAR in the world (yaw, then position of the optical centre). */
  lidarToWorld: RigidZ;
  /** Points in the LiDAR frame with attributes intensity (F32), ring (U16), t (F32, s in sweep). */
  cloud: PointCloud;
  /** Per point, the index of the actor it hit, or −1 (ground and scenery). */
  pointOwner: Int32Array;
  objects: SimObject[];
}

export interface SimulateOptions {
  /** Seconds between frames (default 0.1). */
  frameInterval?: number;
  /** Precomputed rays of `sensor` (reuse across frames). */
  rays?: RayBundle;
}

const normal = [0, 0, 1];
const grad = [0, 0];
const world = [0, 0, 0];

/**
 * Simulates one sweep of `sensor` over `scene` at frame `frameIndex`.
 * The scene is frozen at the frame time (no motion distortion within the sweep); `t` still
 * reports each firing's time so that tools can show it. Deterministic: no Math.random, no clock.
 */
export function simulateFrame(scene: Scene, sensor: SensorModel, frameIndex: number, opts: SimulateOptions = {}): SimFrame {
  const time = frameIndex * (opts.frameInterval ?? 0.1);
  const rays = opts.rays ?? buildRays(sensor);
  const lidarToWorld = lidarPoseAt(scene, time);
  const worldToLidar = invertRigidZ(lidarToWorld);
  const worldPrims: Primitive[] = [...scene.statics];
  for (const a of scene.actors) worldPrims.push(...actorPrimitivesAt(scene, a, time));
  const prims = worldPrims.map((p) => transformPrimitive(p, worldToLidar));
  const key = hash32(scene.seed, frameIndex, 0x5eed);
  const hits = castRays(sensor, rays, prims, scene.ground, lidarToWorld, key);

  const n = rays.count;
  const positions = new Float32Array(n * 3);
  const intensity = new Float32Array(n);
  const ring = new Uint16Array(n);
  const tAttr = new Float32Array(n);
  const owner = new Int32Array(n);
  const hitCounts = new Uint32Array(scene.actors.length);
  const nearestRays = new Uint32Array(scene.actors.length);
  for (let i = 0; i < n; i++) {
    const h = hits.hit[i];
    if (h >= 0 && prims[h].owner >= 0) nearestRays[prims[h].owner]++;
  }
  const cy = Math.cos(lidarToWorld.yaw);
  const sy = Math.sin(lidarToWorld.yaw);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const h = hits.hit[i];
    if (h === -1) continue;
    const d0 = rays.dx[i];
    const d1 = rays.dy[i];
    const d2 = rays.dz[i];
    const range = hits.t[i] + sensor.rangeNoise * hashNormal(key, i, 3);
    if (range < sensor.minRange || range > sensor.maxRange) continue;
    // Coordinates are kept to the millimetre, like a sensor driver's fixed-point output.
    const x = Math.round(range * d0 * 1000) / 1000;
    const y = Math.round(range * d1 * 1000) / 1000;
    const z = Math.round(range * d2 * 1000) / 1000;
    let albedo: number;
    let dropout = sensor.baseDropout;
    let retro = false;
    if (h === GROUND_HIT) {
      applyRigidZ(lidarToWorld, x, y, z, world);
      albedo = scene.ground.albedo(world[0], world[1]);
      scene.ground.gradient(world[0], world[1], grad);
      // World slope rotated into the LiDAR frame (yaw only).
      normal[0] = -(cy * grad[0] + sy * grad[1]);
      normal[1] = -(-sy * grad[0] + cy * grad[1]);
      normal[2] = 1;
    } else {
      const s = prims[h].surface;
      albedo = s.albedo;
      dropout += s.dropout;
      retro = s.retroreflective;
      primitiveNormal(prims[h], x, y, z, normal);
      if (s.windows !== undefined && normal[2] === 0) {
        applyRigidZ(lidarToWorld, x, y, z, world);
        // A face whose normal is along world x runs along world y, and the other way round.
        const nxWorld = Math.abs(cy * normal[0] - sy * normal[1]);
        if (isWindowAt((nxWorld > 0.5 ? world[1] : world[0]) + s.windows, world[2])) {
          albedo = WINDOW_GLASS.albedo;
          dropout += WINDOW_GLASS.dropout;
        }
      }
    }
    const nlen = Math.hypot(normal[0], normal[1], normal[2]);
    const cosI = Math.abs(normal[0] * d0 + normal[1] * d1 + normal[2] * d2) / nlen;
    const a = albedo * (1 + 0.12 * hashNormal(key, i, 4));
    let v = retro ? a : a * (0.3 + 0.7 * cosI);
    v *= 1 - 0.2 * (range / sensor.maxRange);
    v = Math.min(0.99, Math.max(0, Math.round(v * 100) / 100));
    const rr = range / sensor.maxRange;
    dropout += 0.15 * rr * rr * rr;
    if (cosI < 0.12) dropout += 0.4 * (1 - cosI / 0.12);
    if (v < 0.02) dropout += 0.25;
    if (hashUnit(key, i, 5) < dropout) continue;

    positions[count * 3] = x;
    positions[count * 3 + 1] = y;
    positions[count * 3 + 2] = z;
    intensity[count] = v;
    ring[count] = i % sensor.beams;
    tAttr[count] = (Math.floor(i / sensor.beams) * sensor.sweepPeriod) / sensor.azimuthSteps;
    const o = h === GROUND_HIT ? -1 : prims[h].owner;
    owner[count] = o;
    if (o >= 0) hitCounts[o]++;
    count++;
  }

  const byOwner: Primitive[][] = scene.actors.map(() => []);
  for (const p of prims) if (p.owner >= 0) byOwner[p.owner].push(p);
  const scratch = new Uint8Array(n);
  const objects = scene.actors.map((a): SimObject => {
    const { box } = actorBoxAt(scene, a, time);
    const free = countRaysHitting(sensor, rays, byOwner[a.index], sensor.maxRange, scratch);
    const c = applyRigidZ(worldToLidar, box.center[0], box.center[1], box.center[2]);
    return {
      trackId: a.trackId,
      label: a.label,
      center: [c[0], c[1], c[2]],
      size: [...a.size],
      yaw: wrapPi(box.yaw + worldToLidar.yaw),
      worldCenter: box.center,
      worldYaw: wrapPi(box.yaw),
      speed: a.motion.speed,
      isStatic: a.isStatic,
      hitPoints: hitCounts[a.index],
      occlusion: free === 0 ? NaN : Math.max(0, 1 - nearestRays[a.index] / free),
    };
  });

  return {
    frameIndex,
    time,
    lidarToWorld,
    cloud: {
      count,
      positions: positions.slice(0, count * 3),
      attributes: { intensity: intensity.slice(0, count), ring: ring.slice(0, count), t: tAttr.slice(0, count) },
    },
    pointOwner: owner.slice(0, count),
    objects,
  };
}

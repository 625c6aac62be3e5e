import type { Surface } from '../primitives/Primitive.ts';

/** The KITTI classes the simulator places. */
export type ActorClass = 'Car' | 'Van' | 'Truck' | 'Pedestrian' | 'Cyclist';

/**
 * Motion of an actor in the world frame: start pose at time 0, constant speed along the heading
 * and constant yaw rate (0 → straight line). Metres, seconds, radians.
 */
export interface ActorMotion {
  x0: number;
  y0: number;
  yaw0: number;
  speed: number;
  yawRate: number;
}

/** Paint and proportions of a car, van or truck. */
export interface VehicleLook {
  type: 'vehicle';
  paint: Surface;
  wheelRadius: number;
}

/** Clothes and gait of a pedestrian or cyclist. */
export interface PersonLook {
  type: 'person';
  upper: Surface;
  lower: Surface;
  /** Gait or pedalling phase at time 0, radians. */
  phase0: number;
  /** Gait or pedalling cycles per second (0 when standing). */
  cadence: number;
}

/** Everything the simulator knows about one labelled object. */
export interface SceneActor {
  /** Position in the scene's actor list; primitives carry it as their owner. */
  index: number;
  /** Stable across frames, e.g. `car-03`. */
  trackId: string;
  label: ActorClass;
  /** [length along heading, width, height], metres: the ground-truth box size. */
  size: [number, number, number];
  motion: ActorMotion;
  /** Parked or standing still for the whole sequence. */
  isStatic: boolean;
  /** Stands on a sidewalk (its base is the sidewalk top, not the road). */
  onSidewalk: boolean;
  look: VehicleLook | PersonLook;
}

import { cloth, paint } from '../materials.ts';
import type { Rng } from '../rng.ts';
import { STREET } from '../street/streetLayout.ts';
import type { ActorClass, SceneActor } from './SceneActor.ts';

/** One scripted placement: world position and heading at time 0, speed along the heading. */
interface Placement {
  label: ActorClass;
  x: number;
  y: number;
  yaw: number;
  speed: number;
  sidewalk?: boolean;
}

const P = STREET.parkingY;
const E = STREET.egoLaneY;
const O = STREET.oncomingLaneY;
const PI = Math.PI;

/**
 * The street's cast. Right-hand traffic; the ego starts at x = 0 in the lane y = −1.75 and drives
 * along +x. Positions keep every centre at least 5 m from the sensor and within about 60 m.
 */
const CAST: readonly Placement[] = [
  // Parked along the right kerb, facing +x.
  ...[-55, -46, -39.5, -25, -18.5, 9, 15, 27, 56].map((x): Placement => ({ label: 'Car', x, y: -P, yaw: 0, speed: 0 })),
  { label: 'Van', x: 33, y: -P, yaw: 0, speed: 0 },
  // Parked along the left kerb, facing −x.
  ...[-31, -13, 4, 19.5, 26, 57].map((x): Placement => ({ label: 'Car', x, y: P, yaw: PI, speed: 0 })),
  { label: 'Truck', x: -44, y: P + 0.2, yaw: PI, speed: 0 },
  // Traffic.
  { label: 'Car', x: 26, y: E, yaw: 0, speed: 7.5 },
  { label: 'Car', x: -13, y: E, yaw: 0, speed: 3.5 },
  { label: 'Car', x: 30, y: O, yaw: PI, speed: 8.5 },
  { label: 'Car', x: -6, y: O, yaw: PI, speed: 6 },
  { label: 'Van', x: 58, y: O, yaw: PI, speed: 7 },
  { label: 'Car', x: 45.75, y: -28, yaw: PI / 2, speed: 6 },
  { label: 'Truck', x: 42.25, y: 14, yaw: -PI / 2, speed: 0 },
  // Cyclists near the lane edges.
  { label: 'Cyclist', x: 21, y: -3.1, yaw: 0, speed: 4.2 },
  { label: 'Cyclist', x: 12, y: 3.1, yaw: PI, speed: 4.5 },
  { label: 'Cyclist', x: -24, y: -3.1, yaw: 0, speed: 4.0 },
  // Pedestrians on the sidewalks, one on the zebra crossing, one standing.
  { label: 'Pedestrian', x: 7, y: -8.0, yaw: 0, speed: 1.4, sidewalk: true },
  { label: 'Pedestrian', x: 12, y: -7.8, yaw: PI, speed: 1.3, sidewalk: true },
  { label: 'Pedestrian', x: -6, y: 8.0, yaw: 0, speed: 1.5, sidewalk: true },
  { label: 'Pedestrian', x: 22, y: 7.45, yaw: PI, speed: 1.2, sidewalk: true },
  { label: 'Pedestrian', x: 22, y: 8.1, yaw: PI, speed: 1.2, sidewalk: true },
  { label: 'Pedestrian', x: 35.5, y: 2.2, yaw: PI / 2, speed: 1.3 },
  { label: 'Pedestrian', x: -15, y: -7.9, yaw: 0.4, speed: 0, sidewalk: true },
  { label: 'Pedestrian', x: -20, y: 7.7, yaw: PI, speed: 1.4, sidewalk: true },
  { label: 'Pedestrian', x: 53, y: -7.6, yaw: 0, speed: 1.3, sidewalk: true },
  { label: 'Pedestrian', x: -33, y: -8.0, yaw: 0, speed: 1.4, sidewalk: true },
];

/** Size ranges [min, max] of length, width, height per class, metres (around KITTI's means). */
const SIZES: Record<ActorClass, [[number, number], [number, number], [number, number]]> = {
  Car: [
    [3.7, 4.7],
    [1.65, 1.86],
    [1.4, 1.62],
  ],
  Van: [
    [4.8, 5.4],
    [1.9, 2.05],
    [1.95, 2.3],
  ],
  Truck: [
    [7.5, 9.5],
    [2.4, 2.5],
    [3.1, 3.6],
  ],
  Pedestrian: [
    [0.55, 0.85],
    [0.6, 0.68],
    [1.55, 1.9],
  ],
  Cyclist: [
    [1.68, 1.82],
    [0.58, 0.66],
    [1.62, 1.8],
  ],
};

const PREFIX: Record<ActorClass, string> = { Car: 'car', Van: 'van', Truck: 'truck', Pedestrian: 'ped', Cyclist: 'cyc' };

/** Builds the actors from the cast with seeded jitter of position, heading, size and look. */
export function placeActors(rng: Rng): SceneActor[] {
  const counters: Record<string, number> = {};
  return CAST.map((c, index): SceneActor => {
    const r = rng.fork();
    const [lr, wr, hr] = SIZES[c.label];
    const size: [number, number, number] = [r.uniform(...lr), r.uniform(...wr), r.uniform(...hr)];
    const isPerson = c.label === 'Pedestrian' || c.label === 'Cyclist';
    const parked = c.speed === 0 && !isPerson;
    const jitterX = parked ? r.uniform(-0.8, 0.8) : r.uniform(-0.4, 0.4);
    const jitterY = isPerson ? r.uniform(-0.1, 0.1) : r.uniform(-0.15, 0.15);
    const yaw = c.yaw + (parked ? 0.02 * r.normal() : 0.005 * r.normal());
    const n = (counters[c.label] = (counters[c.label] ?? 0) + 1);
    const look = isPerson
      ? {
          type: 'person' as const,
          upper: cloth(r.next()),
          lower: cloth(r.next()),
          phase0: r.uniform(0, 2 * Math.PI),
          cadence: c.speed === 0 ? 0 : c.label === 'Cyclist' ? r.uniform(1.0, 1.4) : r.uniform(0.85, 1.0),
        }
      : { type: 'vehicle' as const, paint: paint(r.next()), wheelRadius: c.label === 'Truck' ? 0.5 : c.label === 'Van' ? 0.34 : r.uniform(0.3, 0.33) };
    return {
      index,
      trackId: `${PREFIX[c.label]}-${String(n).padStart(2, '0')}`,
      label: c.label,
      size,
      motion: { x0: c.x + jitterX, y0: c.y + jitterY, yaw0: yaw, speed: c.speed * (c.speed > 0 ? r.uniform(0.95, 1.05) : 0), yawRate: 0 },
      isStatic: c.speed === 0,
      onSidewalk: c.sidewalk === true,
      look,
    };
  });
}

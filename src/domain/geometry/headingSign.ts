/**
 * Where a fitted box's heading direction (which end is the front) came from:
 * - `prior`: the same object's box given by the caller (another frame's);
 * - `motion`: the way the object moved since the previous frame;
 * - `shape`: the vehicle's profile (the cabin sits behind the middle: the bonnet is longer and
 *   lower than the boot or the tail);
 * - `lane`: the traffic convention (vehicles left of the ego's lane drive, or are parked,
 *   against the ego's direction in right-hand traffic; the others with it);
 * - `default`: nothing told it; the heading points along +x (ties: +y).
 */
export type HeadingSource = 'prior' | 'motion' | 'shape' | 'lane' | 'default';

/** Which side of the road traffic keeps to (KITTI, Argoverse, nuScenes Boston, PandaSet: right). */
export type TrafficSide = 'right' | 'left';

/** Least displacement (metres) between frames that counts as motion. */
const MIN_MOTION = 0.3;
/** The lane rule applies to axes within this angle of the ego's x axis (radians, 30°). */
const LANE_AXIS_TOLERANCE = Math.PI / 6;
/**
 * Lateral offset (metres, from the sensor) beyond which a vehicle is taken to be on the other side
 * of the road's centre line: half the ego lane (≈1.75 m) plus the half-width of a car and a
 * little room. On multi-lane one-way roads the neighbour lane is misjudged; `shape` and `motion`
 * take precedence.
 */
const LANE_OFFSET = 2.5;
/** Least bonnet-versus-boot difference (metres) for the profile to tell the front. */
const SHAPE_MIN_ASYMMETRY = 0.3;
/** Fewest returns on the upper body (cabin) for the profile to count. */
const SHAPE_MIN_POINTS = 6;
/** Least share of the length the cabin's returns must span for the profile to count. */
const SHAPE_MIN_CABIN = 0.3;

export interface HeadingCues {
  /** Box centre (LiDAR frame, metres). */
  centerX: number;
  centerY: number;
  /** Sensor position (LiDAR frame, metres). */
  sensorX: number;
  sensorY: number;
  /** The same object's centre in the previous frame, in this frame's coordinates (motion-compensated). */
  previousCenter?: readonly number[];
  /** Apply the traffic convention (vehicles and riders). */
  onRoad: boolean;
  trafficSide: TrafficSide;
  /**
   * Upper-body evidence for vehicles whose length was seen whole: the returns' positions along
   * the axis relative to the box centre (metres) and the box length; `high` marks returns in the
   * top quarter of the box (the cabin).
   */
  profile?: { along: Float64Array; high: Uint8Array; length: number };
}

/**
 * Of an axis (radians) and its opposite, the direction the object most likely faces, and why:
 * motion first, then the vehicle's profile, then the traffic convention, else +x.
 */
export function chooseHeading(axis: number, cues: HeadingCues): { yaw: number; source: HeadingSource } {
  const c = Math.cos(axis);
  const s = Math.sin(axis);
  const flip = (keep: boolean, source: HeadingSource): { yaw: number; source: HeadingSource } => ({
    yaw: wrapAngle(keep ? axis : axis + Math.PI),
    source,
  });
  if (cues.previousCenter !== undefined && cues.previousCenter.length >= 2) {
    const dx = cues.centerX - cues.previousCenter[0];
    const dy = cues.centerY - cues.previousCenter[1];
    const d = Math.hypot(dx, dy);
    const along = dx * c + dy * s;
    if (d >= MIN_MOTION && Math.abs(along) >= 0.5 * d) return flip(along > 0, 'motion');
  }
  if (cues.profile !== undefined) {
    const front = profileFront(cues.profile);
    if (front !== 0) return flip(front > 0, 'shape');
  }
  if (cues.onRoad && Math.abs(s) <= Math.sin(LANE_AXIS_TOLERANCE)) {
    const lateral = cues.centerY - cues.sensorY;
    const against = cues.trafficSide === 'right' ? lateral > LANE_OFFSET : lateral < -LANE_OFFSET;
    return flip(against ? c < 0 : c > 0, 'lane');
  }
  const w = wrapAngle(axis);
  return flip(!(w > Math.PI / 2 || w <= -Math.PI / 2), 'default');
}

/**
 * +1 when the profile says the front is at +along, −1 at −along, 0 when it cannot tell: the gap
 * between the cabin's returns and the box end is the bonnet at the front and the boot (or none)
 * at the back, so the end with the larger gap is the front.
 */
function profileFront(p: { along: Float64Array; high: Uint8Array; length: number }): number {
  let lo = Infinity;
  let hi = -Infinity;
  let count = 0;
  for (let i = 0; i < p.along.length; i++) {
    if (!p.high[i]) continue;
    count++;
    if (p.along[i] < lo) lo = p.along[i];
    if (p.along[i] > hi) hi = p.along[i];
  }
  // The cabin must be seen along the side (a third of the length at least), not only on the
  // face towards the sensor.
  if (count < SHAPE_MIN_POINTS || hi - lo < SHAPE_MIN_CABIN * p.length) return 0;
  const frontGap = p.length / 2 - hi;
  const backGap = lo + p.length / 2;
  if (Math.abs(frontGap - backGap) < SHAPE_MIN_ASYMMETRY) return 0;
  return frontGap > backGap ? 1 : -1;
}

/** Wraps an angle into (−π, π]. */
export function wrapAngle(a: number): number {
  const w = a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
  return w === -Math.PI ? Math.PI : w;
}
